//! Clock times as written (`10:00 AM`, `14:05 UTC`, `2100hrs WAT`, `10.30 am`, `noon`), with
//! the zone and date written around them, shared across ranges ("1:00 PM to 3:30 PM EST").

use super::civil::{CivilDate, ClockTime, epoch_minutes};
use super::date::{DateMention, find_dates};
use super::scan::{
    byte_at, char_before, digits_end, digits_value, exact_digits, is_one_of, is_word_end,
    is_word_start, letters_end, next_pair, skip_inline_space, word_at,
};
use super::zone::{Zone, ZoneLookup, zone_after_time};
use serde::Serialize;
use std::ops::Range;

/// AM or PM, as written after a 12-hour time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Meridiem {
    Am,
    Pm,
}

/// A time of day written in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeMention {
    /// Byte range of the time as written, AM/PM or "hours" included, within the scanned text.
    pub span: Range<usize>,
    /// From the time to the end of its own zone, closing parenthesis included; equal to `span`
    /// when no zone is written right after it.
    pub extent: Range<usize>,
    /// On a 24-hour clock: `1:00 PM` is 13:00.
    pub clock: ClockTime,
    /// AM or PM when written, that is, when the time was on a 12-hour clock.
    pub meridiem: Option<Meridiem>,
    pub zone: Option<Zone>,
    /// The zone was written at the other end of a range ("1:00 PM to 3:30 PM EST"), so its span
    /// lies there.
    pub zone_inherited: bool,
    /// The date written just before (or, after "on", just after) the time.
    pub date: Option<DateMention>,
    /// The date was written at the other end of a range ("May 15, from 10:00 AM to 11:00 AM").
    pub date_inherited: bool,
}

impl TimeMention {
    /// The zone's offset in minutes east of UTC, when the zone is known and unambiguous.
    pub fn offset_minutes(&self) -> Option<i32> {
        self.zone.as_ref()?.lookup.offset_minutes()
    }

    /// The calendar date, when it is certain and has a year; a yearless date takes the year of
    /// `default_date`, and a missing date is `default_date`.
    pub fn civil_date(&self, default_date: Option<CivilDate>) -> Option<CivilDate> {
        let Some(date) = &self.date else {
            return default_date;
        };
        let reading = date.meaning.certain()?;
        match (reading.civil(), default_date) {
            (Some(civil), _) => Some(civil),
            (None, Some(default)) => reading.civil_in(default.year()),
            (None, None) => None,
        }
    }

    /// The instant this time names, as minutes since the epoch, falling back on the date and
    /// offset that apply to the whole document when the mention lacks its own.
    pub fn epoch_minutes(
        &self,
        default_date: Option<CivilDate>,
        default_offset_minutes: Option<i32>,
    ) -> Option<i64> {
        let date = self.civil_date(default_date)?;
        let offset = match &self.zone {
            Some(zone) => zone.lookup.offset_minutes()?,
            None => default_offset_minutes?,
        };
        Some(epoch_minutes(date, self.clock, offset))
    }
}

/// Every time of day written in `text`, in order, with its zone and date.
///
/// Numbers that are not times are left alone: versions (`v1.2.3`, `1.20`), ratios (`10:1`),
/// percentages, counts (`500 errors`), sizes (`3.5 GB`) and the numbers inside dates. A
/// four-digit time (`1300`) needs `hrs`/`hours` or a zone after it; a dotted time (`10.30`) and
/// a bare hour (`10`) need AM or PM.
pub fn find_times(text: &str) -> Vec<TimeMention> {
    find_times_among_dates(text, &find_dates(text))
}

/// [`find_times`], given the dates of `text` as [`find_dates`] finds them: for a reader that
/// needs both.
pub fn find_times_among_dates(text: &str, dates: &[DateMention]) -> Vec<TimeMention> {
    let bytes = text.as_bytes();
    let mut times = Vec::new();
    let mut upcoming_date = 0;
    let mut at = 0;
    loop {
        at = next_pair(bytes, at, may_start_time);
        if at >= bytes.len() {
            break;
        }
        while dates
            .get(upcoming_date)
            .is_some_and(|date| date.span.end <= at)
        {
            upcoming_date += 1;
        }
        if let Some(date) = dates.get(upcoming_date)
            && date.span.start <= at
        {
            at = date.span.end;
            continue;
        }
        let byte = bytes[at];
        let found = if byte.is_ascii_digit() {
            time_at(text, at)
        } else {
            noon_or_midnight_at(text, at)
        };
        if let Some(time) = found {
            at = time.extent.end.max(at + 1);
            times.push(time);
        } else if byte.is_ascii_digit() {
            at = digits_end(bytes, at);
        } else {
            at = letters_end(bytes, at);
        }
    }
    attach_dates(text, &mut times, dates);
    share_across_ranges(text, &mut times);
    times
}

/// Whether a time may start at `byte`, followed by `next`: a digit, or the "no" of "noon" or
/// the "mi" of "midnight". Written without branches, so that text is checked a block at a time.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "branch-free, so that the compiler checks a block of bytes at once"
)]
fn may_start_time(byte: u8, next: u8) -> bool {
    let pair = [byte | 0x20, next | 0x20];
    byte.is_ascii_digit() | (pair == *b"no") | (pair == *b"mi")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `10:00`, `10:00:30`.
    Colon,
    /// `10.30`, only with AM/PM.
    Dotted,
    /// `10`, only with AM/PM (or `12 noon`).
    HourOnly,
    /// `1300`, only with `hrs`/`hours` or a zone.
    Military,
}

/// The digits of a time and where they end, before any AM/PM, suffix or zone.
struct ClockDigits {
    shape: Shape,
    hour: u32,
    minute: u32,
    second: Option<u32>,
    end: usize,
}

fn clock_digits_at(bytes: &[u8], start: usize, iso: bool) -> Option<ClockDigits> {
    let hour_end = digits_end(bytes, start);
    let hour = digits_value(bytes, start, hour_end);
    let digits = |shape, minute, end| ClockDigits {
        shape,
        hour,
        minute,
        second: None,
        end,
    };
    let mut digits = match (hour_end - start, byte_at(bytes, hour_end)) {
        (1 | 2, b':') => digits(
            Shape::Colon,
            exact_digits(bytes, hour_end + 1, 2)?,
            hour_end + 3,
        ),
        (1 | 2, b'.') if !iso => digits(
            Shape::Dotted,
            exact_digits(bytes, hour_end + 1, 2)?,
            hour_end + 3,
        ),
        (1 | 2, _) if !iso => digits(Shape::HourOnly, 0, hour_end),
        (4, _) if !iso => ClockDigits {
            hour: digits_value(bytes, start, start + 2),
            ..digits(
                Shape::Military,
                digits_value(bytes, start + 2, hour_end),
                hour_end,
            )
        },
        _ => return None,
    };
    if digits.shape == Shape::Colon && byte_at(bytes, digits.end) == b':' {
        digits.second = Some(exact_digits(bytes, digits.end + 1, 2)?);
        digits.end += 3;
        if byte_at(bytes, digits.end) == b'.' && byte_at(bytes, digits.end + 1).is_ascii_digit() {
            digits.end = digits_end(bytes, digits.end + 1);
        }
    }
    // `10:30:00:12`, `10:30.5`, `1.20.3`, `10:30%` are something else.
    let after = byte_at(bytes, digits.end);
    let glued = (matches!(after, b':' | b'.') && byte_at(bytes, digits.end + 1).is_ascii_digit())
        || after == b'%';
    (!glued).then_some(digits)
}

fn time_at(text: &str, start: usize) -> Option<TimeMention> {
    let iso = follows_iso_date(text, start)?;
    let ClockDigits {
        shape,
        mut hour,
        mut minute,
        second,
        mut end,
    } = clock_digits_at(text.as_bytes(), start, iso)?;
    let clock_end = end;

    let meridiem = if iso { None } else { meridiem_at(text, end) };
    if let Some((meridiem, meridiem_end)) = meridiem {
        if shape == Shape::Military || (shape != Shape::Colon && !(1..=12).contains(&hour)) {
            return None;
        }
        end = meridiem_end;
        hour = match meridiem {
            Meridiem::Am if hour == 12 => 0,
            Meridiem::Pm if (1..12).contains(&hour) => hour + 12,
            // `13:20pm` is written, and means 13:20.
            _ => hour,
        };
    } else if shape == Shape::HourOnly && hour == 12 {
        let (midday_hour, word_end) = noon_or_midnight_word(text, skip_inline_space(text, end))?;
        (hour, minute, end) = (u32::from(midday_hour), 0, word_end);
    } else if matches!(shape, Shape::Dotted | Shape::HourOnly) {
        return None;
    } else if let Some(suffix_end) = hours_suffix_at(text, end) {
        end = suffix_end;
    }

    let clock = ClockTime::new(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        second.and_then(|second| u8::try_from(second).ok()),
    )?;
    let zone = zone_after_time(text, end, iso);
    if zone.is_none() && !is_word_end(text, end) {
        return None;
    }
    // `1300` alone is a count; it is a time with `hrs` after it or a zone people know.
    let hours_suffix = end > clock_end;
    let known_zone = zone
        .as_ref()
        .is_some_and(|(zone, _)| zone.lookup != ZoneLookup::Unknown);
    if shape == Shape::Military && !hours_suffix && !known_zone {
        return None;
    }
    let (zone, extent_end) =
        zone.map_or((None, end), |(zone, extent_end)| (Some(zone), extent_end));
    Some(TimeMention {
        span: start..end,
        extent: start..extent_end,
        clock,
        meridiem: meridiem.map(|(meridiem, _)| meridiem),
        zone,
        zone_inherited: false,
        date: None,
        date_inherited: false,
    })
}

/// Whether a time may start at `start`, and if so whether it follows an ISO date's `T`.
fn follows_iso_date(text: &str, start: usize) -> Option<bool> {
    match char_before(text, start) {
        // `2023-05-15T10:00`: the date before was read already.
        Some('T') => start
            .checked_sub(2)
            .is_some_and(|index| byte_at(text.as_bytes(), index).is_ascii_digit())
            .then_some(true),
        // `Start:10:00` is a time; `12:34:56`, `fe80::12:34` and `v1.10` hold none.
        Some(':') => char_before(text, start - 1)
            .is_some_and(|before| before.is_ascii_alphabetic())
            .then_some(false),
        Some(before) if before.is_alphanumeric() || "./\\_+#$@=&".contains(before) => None,
        // `10:00-11:00` is a range, `UTC-05:00` an offset.
        Some('-') => (!char_before(text, start - 1)
            .is_some_and(|before| !before.is_ascii_digit() && !before.is_whitespace()))
        .then_some(false),
        _ => Some(false),
    }
}

/// `AM`, `pm`, `a.m.`, `P.M`, right after the time or after spaces.
fn meridiem_at(text: &str, at: usize) -> Option<(Meridiem, usize)> {
    let start = skip_inline_space(text, at);
    [
        ("a.m.", Meridiem::Am),
        ("p.m.", Meridiem::Pm),
        ("a.m", Meridiem::Am),
        ("p.m", Meridiem::Pm),
        ("am", Meridiem::Am),
        ("pm", Meridiem::Pm),
    ]
    .into_iter()
    .find_map(|(written, meridiem)| {
        let end = start + written.len();
        let matches = text
            .as_bytes()
            .get(start..end)
            .is_some_and(|bytes| bytes.eq_ignore_ascii_case(written.as_bytes()));
        (matches && is_word_end(text, end)).then_some((meridiem, end))
    })
}

/// `hours`, `hrs`, `hr` after a space or attached, or an attached `h`: `12:00 hours`, `2100hrs`.
fn hours_suffix_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let start = skip_inline_space(text, at);
    let end = letters_end(bytes, start);
    let spelled = is_one_of(bytes, start, end, &["hours", "hrs", "hr"]);
    let attached_h = start == at && is_one_of(bytes, start, end, &["h"]);
    ((spelled || attached_h) && is_word_end(text, end)).then_some(end)
}

/// `noon` (12:00) or `midnight` (0:00) at `at`, and its end.
fn noon_or_midnight_word(text: &str, at: usize) -> Option<(u8, usize)> {
    word_at(text, at, "noon")
        .map(|end| (12, end))
        .or_else(|| word_at(text, at, "midnight").map(|end| (0, end)))
}

fn noon_or_midnight_at(text: &str, start: usize) -> Option<TimeMention> {
    if !is_word_start(text, start) {
        return None;
    }
    let (hour, end) = noon_or_midnight_word(text, start)?;
    let (zone, extent_end) = zone_after_time(text, end, false)
        .map_or((None, end), |(zone, extent_end)| (Some(zone), extent_end));
    Some(TimeMention {
        span: start..end,
        extent: start..extent_end,
        clock: ClockTime::new(hour, 0, None)?,
        meridiem: None,
        zone,
        zone_inherited: false,
        date: None,
        date_inherited: false,
    })
}

/// Words that may stand between a date and its time: "June 7, 2024, at 10:00 AM".
const DATE_TO_TIME_WORDS: &[&str] = &[
    "at",
    "on",
    "from",
    "between",
    "around",
    "about",
    "approximately",
    "approx",
    "roughly",
    "circa",
    "by",
    "since",
    "starting",
];

/// Gives each time the date written just before it ("June 7, 2024, 10:00 AM") or, failing
/// that, just after it ("10:00 AM on June 7").
fn attach_dates(text: &str, times: &mut [TimeMention], dates: &[DateMention]) {
    let mut previous_time_end = 0;
    for time in times.iter_mut() {
        let dates_before = dates.partition_point(|date| date.span.end <= time.span.start);
        if let Some(date) = dates_before
            .checked_sub(1)
            .and_then(|index| dates.get(index))
            && date.span.start >= previous_time_end
            && (text.get(date.span.end..time.span.start) == Some("T")
                || gap_holds_only(
                    text,
                    date.span.end..time.span.start,
                    b",(-:*_|",
                    DATE_TO_TIME_WORDS,
                ))
        {
            time.date = Some(date.clone());
        }
        previous_time_end = time.extent.end;
    }
    for index in 0..times.len() {
        let next_time_start = times
            .get(index + 1)
            .map_or(text.len(), |next| next.span.start);
        let time = &mut times[index];
        if time.date.is_some() {
            continue;
        }
        let dates_before = dates.partition_point(|date| date.span.start < time.extent.end);
        if let Some(date) = dates.get(dates_before)
            && date.span.end <= next_time_start
            && gap_holds_only(text, time.extent.end..date.span.start, b",(*_", &["on"])
        {
            time.date = Some(date.clone());
        }
    }
}

/// Whether `gap` holds only inline spaces, the given punctuation and the given words.
fn gap_holds_only(text: &str, gap: Range<usize>, punctuation: &[u8], words: &[&str]) -> bool {
    let bytes = text.as_bytes();
    let mut at = gap.start;
    while at < gap.end {
        let spaced = skip_inline_space(text, at);
        if spaced > at {
            at = spaced;
            continue;
        }
        let byte = byte_at(bytes, at);
        if punctuation.contains(&byte) {
            at += 1;
        } else if byte.is_ascii_alphabetic() {
            let end = letters_end(bytes, at);
            if !is_one_of(bytes, at, end, words) {
                return false;
            }
            at = end;
        } else {
            return false;
        }
    }
    at == gap.end
}

/// Words that join the two ends of a range.
const RANGE_WORDS: &[&str] = &["to", "until", "till", "til", "through", "thru", "and"];

/// Whether `gap` joins two times into a range: one connector ("to", "-", "–", "~", "and"),
/// with only spaces, commas and emphasis marks around it.
fn is_range_gap(text: &str, gap: Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let mut connectors = 0;
    let mut at = gap.start;
    while at < gap.end {
        let spaced = skip_inline_space(text, at);
        if spaced > at {
            at = spaced;
            continue;
        }
        let byte = byte_at(bytes, at);
        if matches!(byte, b',' | b'*' | b'_') {
            at += 1;
        } else if byte == b'-' || byte == b'~' {
            while matches!(byte_at(bytes, at), b'-' | b'~' | b'>') {
                at += 1;
            }
            connectors += 1;
        } else if ["\u{2013}", "\u{2014}", "\u{2192}"]
            .iter()
            .any(|dash| bytes.get(at..at + dash.len()) == Some(dash.as_bytes()))
        {
            at += 3;
            connectors += 1;
        } else if byte.is_ascii_alphabetic() {
            let end = letters_end(bytes, at);
            if !is_one_of(bytes, at, end, RANGE_WORDS) {
                return false;
            }
            at = end;
            connectors += 1;
        } else {
            return false;
        }
    }
    connectors == 1 && at == gap.end
}

/// Shares zones and dates between the two ends of a range: "1:00 PM to 3:30 PM EST" puts both
/// in EST, "May 15, from 10:00 AM to 11:00 AM" puts both on May 15. Zones are usually written
/// last, so they flow backwards first; dates are usually written first, so they flow forwards
/// first.
fn share_across_ranges(text: &str, times: &mut [TimeMention]) {
    let joined: Vec<bool> = times
        .windows(2)
        .map(|pair| {
            let (earlier, later) = (&pair[0], &pair[1]);
            let later_start = match &later.date {
                Some(date) if (earlier.extent.end..later.span.start).contains(&date.span.start) => {
                    date.span.start
                }
                _ => later.span.start,
            };
            is_range_gap(text, earlier.extent.end..later_start)
        })
        .collect();
    for index in (0..joined.len()).rev() {
        share(times, &joined, index, index + 1, zone);
    }
    for index in 0..joined.len() {
        share(times, &joined, index + 1, index, zone);
    }
    for index in 0..joined.len() {
        share(times, &joined, index + 1, index, date);
    }
    for index in (0..joined.len()).rev() {
        share(times, &joined, index, index + 1, date);
    }
}

fn zone(time: &mut TimeMention) -> (&mut Option<Zone>, &mut bool) {
    (&mut time.zone, &mut time.zone_inherited)
}

fn date(time: &mut TimeMention) -> (&mut Option<DateMention>, &mut bool) {
    (&mut time.date, &mut time.date_inherited)
}

/// Copies a part of time `from` (its zone or its date, reached through `part` with the flag
/// that says it is inherited) to time `to`, when both are the ends of the range
/// `joined[min]` stands for and `to` lacks it.
fn share<T: Clone>(
    times: &mut [TimeMention],
    joined: &[bool],
    to: usize,
    from: usize,
    part: fn(&mut TimeMention) -> (&mut Option<T>, &mut bool),
) {
    if !joined.get(to.min(from)).copied().unwrap_or(false) {
        return;
    }
    let Some(value) = times.get_mut(from).and_then(|time| part(time).0.clone()) else {
        return;
    };
    if let Some(time) = times.get_mut(to) {
        let (slot, inherited) = part(time);
        if slot.is_none() {
            *slot = Some(value);
            *inherited = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{DateMeaning, DateReading};

    fn only(text: &str) -> TimeMention {
        let times = find_times(text);
        assert_eq!(times.len(), 1, "{text}: {times:?}");
        times.into_iter().next().unwrap()
    }

    fn hm(time: &TimeMention) -> (u8, u8) {
        (time.clock.hour(), time.clock.minute())
    }

    fn zone_text(time: &TimeMention) -> Option<&str> {
        time.zone.as_ref().map(|zone| zone.text.as_str())
    }

    fn written<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
        &text[span.clone()]
    }

    #[test]
    fn reads_twelve_hour_times() {
        let text = "At 1:00 PM we knew";
        let time = only(text);
        assert_eq!(hm(&time), (13, 0));
        assert_eq!(time.meridiem, Some(Meridiem::Pm));
        assert_eq!(written(text, &time.span), "1:00 PM");
        assert_eq!(hm(&only("12:30 AM")), (0, 30));
        assert_eq!(hm(&only("12:30 PM")), (12, 30));
        assert_eq!(hm(&only("11:59pm")), (23, 59));
        assert_eq!(hm(&only("12:00 p.m. EAT")), (12, 0));
        assert_eq!(hm(&only("7:30 P.M")), (19, 30));
    }

    #[test]
    fn reads_twenty_four_hour_times() {
        let time = only("at 13:00, the alert");
        assert_eq!((hm(&time), time.meridiem), ((13, 0), None));
        assert_eq!(hm(&only("00:10")), (0, 10));
        let time = only("23:59:30 UTC");
        assert_eq!(time.clock.second(), Some(30));
        assert_eq!(zone_text(&time), Some("UTC"));
        assert_eq!(hm(&only("13:20pm ~")), (13, 20));
    }

    #[test]
    fn reads_bare_and_dotted_hours_with_am_pm() {
        assert_eq!(hm(&only("around 10am")), (10, 0));
        assert_eq!(hm(&only("10 a.m. sharp")), (10, 0));
        assert_eq!(hm(&only("10.30 am")), (10, 30));
        assert_eq!(hm(&only("10.30pm")), (22, 30));
        assert_eq!(hm(&only("12 AM")), (0, 0));
        let text = "by 5 PM, done";
        assert_eq!(written(text, &only(text).span), "5 PM");
        assert!(find_times("13 pm").is_empty());
        assert!(find_times("0am").is_empty());
    }

    #[test]
    fn reads_military_times_only_with_a_suffix_or_zone() {
        let text = "On 13/10/2023 at 2100hrs WAT, it failed";
        let time = only(text);
        assert_eq!(hm(&time), (21, 0));
        assert_eq!(written(text, &time.span), "2100hrs");
        assert_eq!(zone_text(&time), Some("WAT"));
        assert_eq!(hm(&only("1300 UTC")), (13, 0));
        assert_eq!(hm(&only("1300 hours")), (13, 0));
        assert_eq!(hm(&only("0905Z")), (9, 5));
        assert!(find_times("1300 users").is_empty());
        assert!(find_times("2500 hrs").is_empty());
        assert!(find_times("1300 am").is_empty());
    }

    #[test]
    fn reads_hours_suffix_and_long_zone_names() {
        let text = "at 12:00 hours (East Africa Time) when";
        let time = only(text);
        assert_eq!(hm(&time), (12, 0));
        assert_eq!(written(text, &time.span), "12:00 hours");
        assert_eq!(
            written(text, &time.extent),
            "12:00 hours (East Africa Time)"
        );
        assert_eq!(time.zone.unwrap().lookup, ZoneLookup::Known(180));
        assert_eq!(hm(&only("14:00h")), (14, 0));
    }

    #[test]
    fn reads_noon_and_midnight() {
        assert_eq!(hm(&only("at noon EAT")), (12, 0));
        assert_eq!(hm(&only("Midnight")), (0, 0));
        let text = "12 noon";
        assert_eq!(written(text, &only(text).span), "12 noon");
        assert_eq!(hm(&only("12 midnight")), (0, 0));
        assert!(find_times("afternoon and midnights").is_empty());
    }

    #[test]
    fn reads_the_zone_written_after_a_time() {
        let cases = [
            ("14:05 UTC", "UTC", ZoneLookup::Known(0)),
            ("6:20 PM GMT+3", "GMT+3", ZoneLookup::Known(180)),
            ("10:00 AM (WAT)", "WAT", ZoneLookup::Known(60)),
            ("10:00am EST", "EST", ZoneLookup::Known(-300)),
            ("12:00 PM (UTC-5)", "UTC-5", ZoneLookup::Known(-300)),
            ("12:00 PM (UTC+0)", "UTC+0", ZoneLookup::Known(0)),
            ("10:00 [UTC+05:30]", "UTC+05:30", ZoneLookup::Known(330)),
            ("17:30 PST -", "PST", ZoneLookup::Known(-480)),
            ("14:05 +0300", "+0300", ZoneLookup::Known(180)),
        ];
        for (text, zone, lookup) in cases {
            let time = only(text);
            assert_eq!(zone_text(&time), Some(zone), "{text}");
            assert_eq!(time.zone.as_ref().unwrap().lookup, lookup, "{text}");
            assert!(!time.zone_inherited);
        }
        let text = "10:00 AM (WAT): start";
        let time = only(text);
        assert_eq!(time.zone.as_ref().unwrap().span, 10..13);
        assert_eq!(written(text, &time.extent), "10:00 AM (WAT)");
    }

    #[test]
    fn ambiguous_zones_keep_their_candidates() {
        let time = only("7:30 pm (CST), the server");
        assert!(time.zone.as_ref().unwrap().lookup.is_ambiguous());
        assert_eq!(time.offset_minutes(), None);
        assert!(only("09:00 IST").zone.unwrap().lookup.is_ambiguous());
    }

    #[test]
    fn lowercase_abbreviations_are_prose() {
        assert_eq!(only("at 10:00 est. cost").zone, None);
        assert_eq!(only("by 5 pm cat food").zone, None);
        assert_eq!(
            only("10:00 AM CAT").zone.unwrap().lookup,
            ZoneLookup::Known(120)
        );
    }

    #[test]
    fn reads_iso_date_times() {
        let text = "2023-05-15T10:00Z";
        let time = only(text);
        assert_eq!(hm(&time), (10, 0));
        assert_eq!(time.span, 11..16);
        assert_eq!(zone_text(&time), Some("Z"));
        assert_eq!(
            time.date.as_ref().unwrap().civil(),
            CivilDate::new(2023, 5, 15)
        );
        let time = only("2024-10-03T14:05:30.123+03:00 deploy");
        assert_eq!((hm(&time), time.offset_minutes()), ((14, 5), Some(180)));
        assert_eq!(only("2024-10-03T14:05-0500").offset_minutes(), Some(-300));
    }

    #[test]
    fn attaches_the_date_written_before_a_time() {
        let time = only("Start Time: June 7, 2024, 10:00 AM (WAT)");
        assert_eq!(
            time.date.as_ref().unwrap().civil(),
            CivilDate::new(2024, 6, 7)
        );
        assert!(!time.date_inherited);
        let time = only("2024-10-03 14:05");
        assert_eq!(time.date.unwrap().civil(), CivilDate::new(2024, 10, 3));
        let time = only("Saturday, April 29th, at 12:00 hours (East Africa Time)");
        let date = time.date.unwrap();
        assert_eq!(
            date.meaning,
            DateMeaning::Certain(DateReading {
                year: None,
                month: 4,
                day: 29
            })
        );
        let time = only("09-06-2024 18:20");
        assert!(time.date.unwrap().meaning.is_ambiguous());
        let time = only("On 13/10/2023 at 2100hrs WAT");
        assert_eq!(time.date.unwrap().civil(), CivilDate::new(2023, 10, 13));
    }

    #[test]
    fn leaves_unrelated_dates_alone() {
        assert_eq!(
            only("June 7, 2024 was calm. At 10:00 AM it broke").date,
            None
        );
        assert_eq!(only("June 7, 2024\n10:00 AM").date, None);
    }

    #[test]
    fn attaches_a_date_written_after_on() {
        let times = find_times("from 10:00 AM to 12:00 PM (UTC) on June 7, 2024.");
        assert_eq!(times.len(), 2);
        assert!(!times[1].date_inherited);
        assert!(times[0].date_inherited);
        for time in &times {
            assert_eq!(
                time.date.as_ref().unwrap().civil(),
                CivilDate::new(2024, 6, 7)
            );
            assert_eq!(zone_text(time), Some("UTC"));
        }
    }

    #[test]
    fn a_range_shares_its_zone() {
        let text = "On March 1, 2023, between 1:00 PM to 3:30 PM EST, our web application";
        let times = find_times(text);
        assert_eq!(times.len(), 2);
        assert_eq!(hm(&times[0]), (13, 0));
        assert_eq!(hm(&times[1]), (15, 30));
        for time in &times {
            assert_eq!(time.offset_minutes(), Some(-300));
            assert_eq!(
                time.date.as_ref().unwrap().civil(),
                CivilDate::new(2023, 3, 1)
            );
        }
        assert!(times[0].zone_inherited && !times[1].zone_inherited);
        assert!(!times[0].date_inherited && times[1].date_inherited);
        assert_eq!(written(text, &times[0].zone.as_ref().unwrap().span), "EST");
    }

    #[test]
    fn ranges_join_with_any_common_connector() {
        for text in [
            "10:00 AM - 11:00 AM EDT",
            "10:00 AM – 11:00 AM EDT",
            "10:00 AM—11:00 AM EDT",
            "10:00-11:00 EDT",
            "10:00 AM until 11:00 AM EDT",
            "between 10:00 AM and 11:00 AM EDT",
            "13:20pm ~ 13:30pm EDT",
            "**10:00 AM** to **11:00 AM EDT**",
            "10:00 → 11:00 EDT",
        ] {
            let times = find_times(text);
            assert_eq!(times.len(), 2, "{text}");
            assert!(times[0].zone_inherited, "{text}");
            assert_eq!(times[0].offset_minutes(), Some(-240), "{text}");
        }
    }

    #[test]
    fn a_range_across_dates_shares_its_zone() {
        let text = "April 10, 2024, 10:30 AM - April 10, 2024, 12:00 PM (UTC-5)";
        let times = find_times(text);
        assert_eq!(times.len(), 2);
        assert_eq!(times[0].offset_minutes(), Some(-300));
        assert!(times[0].zone_inherited && !times[0].date_inherited);
        let text = "Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST";
        let times = find_times(text);
        let days: Vec<u8> = times
            .iter()
            .map(|time| time.date.as_ref().unwrap().civil().unwrap().day())
            .collect();
        assert_eq!(days, [9, 10]);
        let span = times[1].epoch_minutes(None, None).unwrap()
            - times[0].epoch_minutes(None, None).unwrap();
        assert_eq!(span, 7 * 60 + 30);
    }

    #[test]
    fn a_zone_flows_forward_when_only_the_start_has_one() {
        let times = find_times("from 10:00 AM EST to 11:00 AM");
        assert_eq!(times[1].offset_minutes(), Some(-300));
        assert!(times[1].zone_inherited);
    }

    #[test]
    fn unrelated_times_do_not_share_zones() {
        let times = find_times("10:00 AM: alert fired. 10:05 AM EAT: engineer paged.");
        assert_eq!(times[0].zone, None);
        let times = find_times("The incident began at 6:20 PM and persisted until 1:10 AM GMT+3");
        assert_eq!(times[0].zone, None);
        let times = find_times("10:00 to 11:00, 12:00 to 13:00 UTC");
        assert_eq!(
            (times[1].zone.is_some(), times[2].zone.is_some()),
            (false, true)
        );
        assert!(times[0].zone.is_none());
    }

    #[test]
    fn reads_times_in_markdown_and_html() {
        assert_eq!(hm(&only("- **10:00 AM:** Issue detected")), (10, 0));
        assert_eq!(hm(&only("<li><strong>10:30 AM:</strong>Issue")), (10, 30));
        assert_eq!(hm(&only("* 13:20PM :- Issue")), (13, 20));
        assert_eq!(hm(&only("| 09:30 | alert |")), (9, 30));
        assert_eq!(hm(&only("Start Time:10:00 AM")), (10, 0));
        assert_eq!(hm(&only("June 7,10:00 AM")), (10, 0));
        assert_eq!(hm(&only("color: #32CD32;\">08:00 AM:</span>")), (8, 0));
    }

    #[test]
    fn rejects_numbers_that_are_not_times() {
        for text in [
            "v1.2.3",
            "version 1.20 shipped",
            "a 10:1 ratio",
            "16:9 screens",
            "80% of users",
            "500 errors",
            "3.5 GB",
            "2024",
            "42",
            "http://localhost:8080/health",
            "port 3000",
            "1:2:3",
            "12:34:56:78",
            "10:30.5",
            "10:75",
            "25:00",
            "UTC-05:00",
            "GMT+3",
            "ID a12:30",
            "$10.50 pm",
            "1,000 pm",
            "10:00x",
            "１２：００",
            "12:00%",
        ] {
            assert!(
                find_times(text).is_empty(),
                "{text}: {:?}",
                find_times(text)
            );
        }
    }

    #[test]
    fn spans_are_byte_offsets_with_multibyte_text_around() {
        let text = "Café 😀 at 10:05 AM EAT — ok";
        let time = only(text);
        assert_eq!(written(text, &time.span), "10:05 AM");
        assert_eq!(written(text, &time.zone.unwrap().span), "EAT");
    }

    #[test]
    fn computes_instants_with_defaults() {
        let time = only("10:00 AM");
        let date = CivilDate::new(2023, 5, 15);
        assert_eq!(time.epoch_minutes(date, None), None);
        let with_edt = time.epoch_minutes(date, Some(-240)).unwrap();
        let utc = only("2023-05-15T14:00Z").epoch_minutes(None, None).unwrap();
        assert_eq!(with_edt, utc);
        let yearless = only("Saturday, April 29th, at 12:00 hours (EAT)");
        assert_eq!(yearless.civil_date(None), None);
        assert_eq!(
            yearless.civil_date(CivilDate::new(2023, 1, 1)),
            CivilDate::new(2023, 4, 29)
        );
        let ambiguous = only("09-06-2024 18:20 EAT");
        assert_eq!(ambiguous.epoch_minutes(date, None), None);
        assert_eq!(only("10:00 IST").epoch_minutes(date, Some(0)), None);
    }

    #[test]
    fn finds_every_time_in_a_timeline_paragraph() {
        let text = "12:00pm EAT: Issue was detected. 12:06pm EAT: curl showed one server. \
                    12:09pm EAT: handled. 12:16pm EAT: Service was restored.";
        let minutes: Vec<u8> = find_times(text)
            .iter()
            .map(|time| time.clock.minute())
            .collect();
        assert_eq!(minutes, [0, 6, 9, 16]);
    }
}
