//! Calendar dates, clock times and the instants they make, in plain integer arithmetic.
//!
//! Hand-written rather than a date crate to keep the browser bundle small: the whole calendar is
//! the two functions `days_from_civil` and `civil_from_days` (Howard Hinnant's algorithms for the
//! proleptic Gregorian calendar), tested against known dates and a round trip over 800 years.

use serde::Serialize;

const MINUTES_PER_DAY: i64 = 24 * 60;

/// A valid Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CivilDate {
    year: i32,
    month: u8,
    day: u8,
}

impl CivilDate {
    /// The date, if `day` exists in that month of that year.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        (day >= 1 && day <= days_in_month(Some(year), month)).then_some(Self { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 (January) to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    /// The date `days` after 1970-01-01, if its year fits in an `i32`.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let (year, month, day) = civil_from_days(days)?;
        Some(Self {
            year: i32::try_from(year).ok()?,
            month,
            day,
        })
    }

    /// The date `days` later (or earlier, when negative).
    pub fn add_days(self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday, index 3 counting from Monday.
        Weekday::from_monday_index(self.days_since_epoch().rem_euclid(7) + 3)
    }
}

/// Days in `month` (1 to 12) of `year`; February has 29 when the year is unknown, so that a
/// yearless "February 29" still reads as a date. Zero for a month that does not exist.
pub(super) fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_none_or(is_leap_year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> Option<(i64, u8, u8)> {
    let days = days.checked_add(719_468)?;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March is 0.
    let day = u8::try_from(day_of_year - (153 * shifted_month + 2) / 5 + 1).ok()?;
    let month = u8::try_from(if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    })
    .ok()?;
    let year = (year_of_era + era * 400).checked_add(i64::from(month <= 2))?;
    Some((year, month, day))
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Whether `word` is a day's English name, written in full and capitalised ("Friday").
    pub fn is_name(word: &str) -> bool {
        Self::ALL.iter().any(|day| day.name() == word)
    }

    /// The English name ("Monday").
    pub const fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    fn from_monday_index(index: i64) -> Self {
        let index = usize::try_from(index.rem_euclid(7)).unwrap_or_default();
        Self::ALL.get(index).copied().unwrap_or(Weekday::Monday)
    }
}

/// A time of day on a 24-hour clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClockTime {
    hour: u8,
    minute: u8,
    second: Option<u8>,
}

impl ClockTime {
    /// The time, if `hour` is 0 to 23 and `minute` and `second` are 0 to 59.
    pub fn new(hour: u8, minute: u8, second: Option<u8>) -> Option<Self> {
        (hour < 24 && minute < 60 && second.is_none_or(|second| second < 60)).then_some(Self {
            hour,
            minute,
            second,
        })
    }

    /// 0 to 23.
    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }

    /// The seconds, when they were written.
    pub fn second(self) -> Option<u8> {
        self.second
    }

    /// Minutes since midnight, 0 to 1439; seconds are dropped.
    pub fn minutes_since_midnight(self) -> u16 {
        u16::from(self.hour) * 60 + u16::from(self.minute)
    }
}

/// The English name of a month (1 to 12); `None` for any other number.
pub fn month_name(month: u8) -> Option<&'static str> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.get(usize::from(month.checked_sub(1)?)).copied()
}

/// The instant a wall-clock `date` and `time` at `offset_minutes` east of UTC name, as minutes
/// since 1970-01-01T00:00Z. Comparable across zones and across midnight; seconds are dropped.
pub fn epoch_minutes(date: CivilDate, time: ClockTime, offset_minutes: i32) -> i64 {
    date.days_since_epoch() * MINUTES_PER_DAY + i64::from(time.minutes_since_midnight())
        - i64::from(offset_minutes)
}

/// Formats an instant (minutes since the epoch) as RFC 3339 in the zone `offset_minutes` east
/// of UTC, such as `2024-10-03T14:05:00+03:00`; a zero offset is written `Z`.
///
/// `None` when RFC 3339 cannot express it: a year outside 0000 to 9999, or an offset of a day
/// or more.
pub fn format_rfc3339(epoch_minutes: i64, offset_minutes: i32) -> Option<String> {
    if offset_minutes.unsigned_abs() >= 24 * 60 {
        return None;
    }
    let local_minutes = epoch_minutes.checked_add(i64::from(offset_minutes))?;
    let date = CivilDate::from_days_since_epoch(local_minutes.div_euclid(MINUTES_PER_DAY))?;
    if !(0..=9999).contains(&date.year) {
        return None;
    }
    let minute_of_day = local_minutes.rem_euclid(MINUTES_PER_DAY);
    let offset = if offset_minutes == 0 {
        "Z".to_owned()
    } else {
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let magnitude = offset_minutes.unsigned_abs();
        format!("{sign}{:02}:{:02}", magnitude / 60, magnitude % 60)
    };
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00{offset}",
        date.year,
        date.month,
        date.day,
        minute_of_day / 60,
        minute_of_day % 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> CivilDate {
        CivilDate::new(year, month, day).unwrap()
    }

    fn clock(hour: u8, minute: u8) -> ClockTime {
        ClockTime::new(hour, minute, None).unwrap()
    }

    #[test]
    fn names_the_seven_days_in_full() {
        assert_eq!(Weekday::Monday.name(), "Monday");
        assert!(Weekday::ALL.iter().all(|day| Weekday::is_name(day.name())));
        assert!(!Weekday::is_name("friday"));
        assert!(!Weekday::is_name("Fri"));
    }

    #[test]
    fn names_the_twelve_months_and_nothing_else() {
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
    }

    #[test]
    fn validates_dates() {
        assert!(CivilDate::new(2024, 2, 29).is_some());
        assert!(CivilDate::new(2023, 2, 29).is_none());
        assert!(CivilDate::new(1900, 2, 29).is_none());
        assert!(CivilDate::new(2000, 2, 29).is_some());
        assert!(CivilDate::new(2024, 4, 31).is_none());
        assert!(CivilDate::new(2024, 13, 1).is_none());
        assert!(CivilDate::new(2024, 0, 1).is_none());
        assert!(CivilDate::new(2024, 1, 0).is_none());
        assert_eq!(days_in_month(None, 2), 29);
    }

    #[test]
    fn validates_clock_times() {
        assert!(ClockTime::new(23, 59, Some(59)).is_some());
        assert!(ClockTime::new(24, 0, None).is_none());
        assert!(ClockTime::new(12, 60, None).is_none());
        assert!(ClockTime::new(12, 0, Some(60)).is_none());
        assert_eq!(clock(13, 5).minutes_since_midnight(), 785);
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(date(2024, 2, 29).days_since_epoch(), 19_782);
        assert_eq!(date(2024, 3, 1).days_since_epoch(), 19_783);
        assert_eq!(date(2024, 10, 3).days_since_epoch(), 19_999);
    }

    #[test]
    fn round_trips_every_day_for_eight_centuries() {
        let start = date(1600, 1, 1).days_since_epoch();
        let end = date(2400, 12, 31).days_since_epoch();
        let mut previous = CivilDate::from_days_since_epoch(start - 1).unwrap();
        for days in start..=end {
            let current = CivilDate::from_days_since_epoch(days).unwrap();
            assert_eq!(current.days_since_epoch(), days);
            assert!(current > previous, "{current:?} after {previous:?}");
            assert_eq!(
                CivilDate::new(current.year, current.month, current.day),
                Some(current)
            );
            previous = current;
        }
    }

    #[test]
    fn adds_days_across_month_year_and_leap_day() {
        assert_eq!(date(2024, 2, 28).add_days(1), Some(date(2024, 2, 29)));
        assert_eq!(date(2024, 2, 29).add_days(1), Some(date(2024, 3, 1)));
        assert_eq!(date(2023, 2, 28).add_days(1), Some(date(2023, 3, 1)));
        assert_eq!(date(2023, 12, 31).add_days(1), Some(date(2024, 1, 1)));
        assert_eq!(date(2024, 1, 1).add_days(-1), Some(date(2023, 12, 31)));
        assert_eq!(date(2024, 1, 1).add_days(366), Some(date(2025, 1, 1)));
        assert_eq!(date(2024, 1, 1).add_days(i64::MAX), None);
        assert_eq!(CivilDate::from_days_since_epoch(i64::MIN), None);
    }

    #[test]
    fn knows_weekdays() {
        assert_eq!(date(1970, 1, 1).weekday(), Weekday::Thursday);
        assert_eq!(date(2023, 4, 29).weekday(), Weekday::Saturday);
        assert_eq!(date(2024, 2, 29).weekday(), Weekday::Thursday);
        assert_eq!(date(1969, 12, 28).weekday(), Weekday::Sunday);
    }

    #[test]
    fn cross_midnight_difference_is_twenty_minutes() {
        let before = epoch_minutes(date(2024, 10, 3), clock(23, 50), 180);
        let after = epoch_minutes(date(2024, 10, 4), clock(0, 10), 180);
        assert_eq!(after - before, 20);
    }

    #[test]
    fn instants_compare_across_zones_and_days() {
        let utc = epoch_minutes(date(2024, 10, 3), clock(14, 5), 0);
        let nairobi = epoch_minutes(date(2024, 10, 3), clock(17, 5), 180);
        let new_york = epoch_minutes(date(2024, 10, 3), clock(10, 5), -240);
        assert_eq!(utc, nairobi);
        assert_eq!(utc, new_york);
        let saturday_noon = epoch_minutes(date(2023, 4, 29), clock(12, 0), 180);
        let sunday_evening = epoch_minutes(date(2023, 4, 30), clock(18, 0), 180);
        assert_eq!(sunday_evening - saturday_noon, 30 * 60);
        let new_year = epoch_minutes(date(2024, 1, 1), clock(0, 30), 0);
        let old_year = epoch_minutes(date(2023, 12, 31), clock(23, 45), 0);
        assert_eq!(new_year - old_year, 45);
        assert_eq!(epoch_minutes(date(1970, 1, 1), clock(0, 0), 60), -60);
    }

    #[test]
    fn formats_rfc3339_with_each_kind_of_offset() {
        let instant = epoch_minutes(date(2024, 10, 3), clock(14, 5), 180);
        assert_eq!(
            format_rfc3339(instant, 180).unwrap(),
            "2024-10-03T14:05:00+03:00"
        );
        assert_eq!(format_rfc3339(instant, 0).unwrap(), "2024-10-03T11:05:00Z");
        assert_eq!(
            format_rfc3339(instant, -300).unwrap(),
            "2024-10-03T06:05:00-05:00"
        );
        assert_eq!(
            format_rfc3339(instant, 330).unwrap(),
            "2024-10-03T16:35:00+05:30"
        );
        assert_eq!(
            format_rfc3339(instant, -570).unwrap(),
            "2024-10-03T01:35:00-09:30"
        );
        let late = epoch_minutes(date(2024, 2, 28), clock(23, 30), 0);
        assert_eq!(
            format_rfc3339(late, 60).unwrap(),
            "2024-02-29T00:30:00+01:00"
        );
        assert_eq!(format_rfc3339(-1, 0).unwrap(), "1969-12-31T23:59:00Z");
    }

    #[test]
    fn refuses_what_rfc3339_cannot_write() {
        assert_eq!(format_rfc3339(0, 24 * 60), None);
        assert_eq!(format_rfc3339(0, i32::MIN), None);
        assert_eq!(format_rfc3339(i64::MAX, 60), None);
        assert_eq!(format_rfc3339(i64::MIN, -60), None);
        let year_ten_thousand = epoch_minutes(date(10_000, 1, 1), clock(0, 0), 0);
        assert_eq!(format_rfc3339(year_ten_thousand, 0), None);
    }
}
