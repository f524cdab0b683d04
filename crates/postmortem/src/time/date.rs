//! Calendar dates as written: `2024-10-03`, `October 3, 2024`, `3rd of October`,
//! `Saturday, April 29th`, `09-06-2024` (which reads two ways).

use super::civil::{CivilDate, Weekday, days_in_month};
use super::scan::{
    Lowercase, byte_at, char_at, char_before, digits_end, digits_value, has_ascii_digit, is_one_of,
    is_word_end, is_word_start, letters_end, next_byte, skip_inline_space, word_at,
};
use serde::Serialize;
use std::ops::Range;

/// One way to read a written date. The year is `None` when the text gives none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateReading {
    pub year: Option<i32>,
    /// 1 (January) to 12.
    pub month: u8,
    pub day: u8,
}

impl DateReading {
    /// The calendar date, when the year is known.
    pub fn civil(self) -> Option<CivilDate> {
        CivilDate::new(self.year?, self.month, self.day)
    }

    /// The calendar date, taking `year` when the text gave none.
    pub fn civil_in(self, year: i32) -> Option<CivilDate> {
        CivilDate::new(self.year.unwrap_or(year), self.month, self.day)
    }
}

/// What a written date means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum DateMeaning {
    Certain(DateReading),
    /// Both numbers could be the month (`09-06-2024`: September 6 or June 9).
    #[serde(rename_all = "camelCase")]
    Ambiguous {
        month_first: DateReading,
        day_first: DateReading,
    },
}

impl DateMeaning {
    /// The only reading, unless the date is ambiguous.
    pub fn certain(self) -> Option<DateReading> {
        match self {
            DateMeaning::Certain(reading) => Some(reading),
            DateMeaning::Ambiguous { .. } => None,
        }
    }

    pub fn is_ambiguous(self) -> bool {
        matches!(self, DateMeaning::Ambiguous { .. })
    }
}

/// A date written in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateMention {
    /// Byte range within the scanned text, weekday included.
    pub span: Range<usize>,
    pub meaning: DateMeaning,
    /// The weekday written with it ("Saturday, April 29th"), unchecked against the date.
    pub weekday: Option<Weekday>,
}

impl DateMention {
    /// The calendar date, when it is certain and has a year.
    pub fn civil(&self) -> Option<CivilDate> {
        self.meaning.certain()?.civil()
    }
}

/// Every date written in `text`, in order. Numbers alone, versions (`1.2.3`) and fractions
/// (`3/4`) are not dates; a numeric date needs a four-digit year between 1900 and 2199.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    find_dates_starting_before(text, text.len())
}

/// The dates of `text` that start before byte `limit`, in order: what [`find_dates`] finds
/// there, without reading on for dates further on.
pub fn find_dates_starting_before(text: &str, limit: usize) -> Vec<DateMention> {
    let bytes = text.as_bytes();
    let mut dates = Vec::new();
    // Every date has a day or a year in digits.
    if !has_ascii_digit(bytes) {
        return dates;
    }
    let mut at = 0;
    loop {
        // A date starts at a digit or a capital letter: the rest is passed over.
        at = next_byte(bytes, at, |byte| {
            byte.is_ascii_digit() | byte.is_ascii_uppercase()
        });
        // A date starts where its first candidate byte is.
        let Some(&byte) = bytes.get(at).filter(|_| at < limit) else {
            return dates;
        };
        let found = if byte.is_ascii_digit() {
            date_starting_with_digit(text, at)
        } else if is_word_start(text, at) {
            date_starting_with_word(text, at)
        } else {
            None
        };
        if let Some(date) = found {
            at = date.span.end;
            dates.push(date);
        } else if byte.is_ascii_digit() {
            at = digits_end(bytes, at);
        } else {
            at = letters_end(bytes, at);
        }
    }
}

fn date_starting_with_digit(text: &str, at: usize) -> Option<DateMention> {
    let glued_to_something = char_before(text, at)
        .is_some_and(|before| before.is_alphanumeric() || ".:/-+_,".contains(before));
    if glued_to_something {
        return None;
    }
    numeric_date(text, at).or_else(|| day_then_month(text, at, at, None))
}

fn date_starting_with_word(text: &str, at: usize) -> Option<DateMention> {
    let bytes = text.as_bytes();
    let word = Lowercase::of(bytes.get(at..letters_end(bytes, at))?)?;
    if weekday_named(word.as_bytes()).is_none() && month_named(word.as_bytes()).is_none() {
        return None;
    }
    if let Some((weekday, weekday_end)) = weekday_at(text, at) {
        let mut next = weekday_end;
        if byte_at(bytes, next) == b',' {
            next += 1;
        }
        let next = skip_inline_space(text, next);
        if next == weekday_end {
            return None;
        }
        return month_then_day(text, at, next, Some(weekday))
            .or_else(|| day_then_month(text, at, next, Some(weekday)));
    }
    month_then_day(text, at, at, None)
}

/// `2024-10-03`, `2024/10/03`, `09-06-2024`, `25/06/2024`, `25.06.2024`.
fn numeric_date(text: &str, start: usize) -> Option<DateMention> {
    let bytes = text.as_bytes();
    let first_end = digits_end(bytes, start);
    let separator = byte_at(bytes, first_end);
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let second_end = digits_end(bytes, first_end + 1);
    if !(1..=2).contains(&(second_end - first_end - 1)) || byte_at(bytes, second_end) != separator {
        return None;
    }
    let third_end = digits_end(bytes, second_end + 1);
    let first = digits_value(bytes, start, first_end);
    let second = digits_value(bytes, first_end + 1, second_end);
    let third = digits_value(bytes, second_end + 1, third_end);
    let year_first = first_end - start == 4;
    let meaning = match (first_end - start, third_end - second_end - 1) {
        (4, 1 | 2) => certain(Some(year(first)?), second, third)?,
        (1 | 2, 4) => day_and_month_in_either_order(year(third)?, first, second)?,
        _ => return None,
    };
    // `2023-05-15T10:00` goes on into a time; anything else glued on means this is no date.
    let iso_time_follows = year_first
        && byte_at(bytes, third_end) == b'T'
        && byte_at(bytes, third_end + 1).is_ascii_digit();
    let continues = matches!(byte_at(bytes, third_end), b'-' | b'/' | b'.' | b':')
        && byte_at(bytes, third_end + 1).is_ascii_digit();
    if continues || !(iso_time_follows || is_word_end(text, third_end)) {
        return None;
    }
    Some(DateMention {
        span: start..third_end,
        meaning,
        weekday: None,
    })
}

fn day_and_month_in_either_order(year: i32, first: u32, second: u32) -> Option<DateMeaning> {
    let year = Some(year);
    match (first <= 12, second <= 12) {
        (true, true) if first != second => Some(DateMeaning::Ambiguous {
            month_first: reading(year, first, second)?,
            day_first: reading(year, second, first)?,
        }),
        (true, _) => certain(year, first, second),
        (false, true) => certain(year, second, first),
        (false, false) => None,
    }
}

/// `October 3, 2024`, `Oct. 3rd`, `April 29th 2023`; `start` is where the mention starts
/// (a weekday before it), `month_start` where the month is.
fn month_then_day(
    text: &str,
    start: usize,
    month_start: usize,
    weekday: Option<Weekday>,
) -> Option<DateMention> {
    let bytes = text.as_bytes();
    let (month, month_end) = month_at(text, month_start, false)?;
    let day_start = skip_inline_space(text, month_end);
    if day_start == month_end && byte_at(bytes, month_end - 1) != b'.' {
        return None;
    }
    let (day, day_end) = day_at(text, day_start)?;
    let (year, end) =
        year_after(text, day_end).map_or((None, day_end), |(year, end)| (Some(year), end));
    Some(DateMention {
        span: start..end,
        meaning: certain(year, u32::from(month), day)?,
        weekday,
    })
}

/// `3 October 2024`, `29th of April`, `3rd Oct, 2024`.
fn day_then_month(
    text: &str,
    start: usize,
    day_start: usize,
    weekday: Option<Weekday>,
) -> Option<DateMention> {
    let (day, day_end) = day_at(text, day_start)?;
    let mut month_start = skip_inline_space(text, day_end);
    if month_start == day_end {
        return None;
    }
    if let Some(of_end) = word_at(text, month_start, "of") {
        month_start = skip_inline_space(text, of_end);
    }
    let (month, month_end) = month_at(text, month_start, true)?;
    let year = year_after(text, month_end);
    // After a day number, "14th may 2023" is a date even in lowercase, given the year.
    let capitalised = byte_at(text.as_bytes(), month_start).is_ascii_uppercase();
    if !capitalised && year.is_none() {
        return None;
    }
    let (year, end) = year.map_or((None, month_end), |(year, end)| (Some(year), end));
    Some(DateMention {
        span: start..end,
        meaning: certain(year, u32::from(month), day)?,
        weekday,
    })
}

/// A day of the month, 1 or 2 digits with an optional ordinal suffix (`29th`), standing alone:
/// not the hour of `10:00` nor the start of `3.5`.
fn day_at(text: &str, start: usize) -> Option<(u32, usize)> {
    let bytes = text.as_bytes();
    let digits_stop = digits_end(bytes, start);
    if !(1..=2).contains(&(digits_stop - start)) {
        return None;
    }
    let day = digits_value(bytes, start, digits_stop);
    let suffix_end = letters_end(bytes, digits_stop);
    let end = if suffix_end - digits_stop == 2
        && is_one_of(bytes, digits_stop, suffix_end, &["st", "nd", "rd", "th"])
    {
        suffix_end
    } else {
        digits_stop
    };
    let glued = matches!(byte_at(bytes, end), b':' | b'.' | b'/' | b'-')
        && byte_at(bytes, end + 1).is_ascii_digit();
    (is_word_end(text, end) && !glued && (1..=31).contains(&day)).then_some((day, end))
}

/// `, 2024` or ` 2024` after a day or month: a plausible year standing alone, not the start of
/// a time (`2100hrs`, `2024:`).
fn year_after(text: &str, end: usize) -> Option<(i32, usize)> {
    let bytes = text.as_bytes();
    let mut start = end;
    if byte_at(bytes, start) == b',' {
        start += 1;
    }
    let start = skip_inline_space(text, start);
    if start == end {
        return None;
    }
    let year_end = digits_end(bytes, start);
    let glued = matches!(byte_at(bytes, year_end), b':' | b'.' | b'/' | b'-')
        && byte_at(bytes, year_end + 1).is_ascii_digit();
    if year_end - start != 4 || glued || !is_word_end(text, year_end) {
        return None;
    }
    Some((year(digits_value(bytes, start, year_end))?, year_end))
}

fn year(value: u32) -> Option<i32> {
    (1900..=2199)
        .contains(&value)
        .then(|| i32::try_from(value).ok())?
}

fn reading(year: Option<i32>, month: u32, day: u32) -> Option<DateReading> {
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    (day >= 1 && day <= days_in_month(year, month)).then_some(DateReading { year, month, day })
}

fn certain(year: Option<i32>, month: u32, day: u32) -> Option<DateMeaning> {
    reading(year, month, day).map(DateMeaning::Certain)
}

/// A month name or abbreviation (`October`, `Oct`, `Oct.`, `Sept`) and its end; capitalised
/// unless `any_case`, since "may" and "march" are also verbs.
fn month_at(text: &str, start: usize, any_case: bool) -> Option<(u8, usize)> {
    let bytes = text.as_bytes();
    if !any_case && !byte_at(bytes, start).is_ascii_uppercase() {
        return None;
    }
    let end = letters_end(bytes, start);
    let (month, spelled_out) = month_named(Lowercase::of(bytes.get(start..end)?)?.as_bytes())?;
    // `Oct.` takes its dot; `May.` ends a sentence.
    let abbreviated = !spelled_out && byte_at(bytes, end) == b'.';
    if !abbreviated && !is_word_end(text, end) {
        return None;
    }
    Some((month, if abbreviated { end + 1 } else { end }))
}

/// The month (1 to 12) a name or abbreviation (lowercase) stands for, and whether it is
/// spelled out in full.
fn month_named(word: &[u8]) -> Option<(u8, bool)> {
    Some(match word {
        b"january" => (1, true),
        b"jan" => (1, false),
        b"february" => (2, true),
        b"feb" => (2, false),
        b"march" => (3, true),
        b"mar" => (3, false),
        b"april" => (4, true),
        b"apr" => (4, false),
        b"may" => (5, true),
        b"june" => (6, true),
        b"jun" => (6, false),
        b"july" => (7, true),
        b"jul" => (7, false),
        b"august" => (8, true),
        b"aug" => (8, false),
        b"september" => (9, true),
        b"sep" | b"sept" => (9, false),
        b"october" => (10, true),
        b"oct" => (10, false),
        b"november" => (11, true),
        b"nov" => (11, false),
        b"december" => (12, true),
        b"dec" => (12, false),
        _ => return None,
    })
}

/// A capitalised weekday name or abbreviation (`Saturday`, `Sat`, `Sat.`) and its end.
fn weekday_at(text: &str, start: usize) -> Option<(Weekday, usize)> {
    let bytes = text.as_bytes();
    if !byte_at(bytes, start).is_ascii_uppercase() {
        return None;
    }
    let end = letters_end(bytes, start);
    let weekday = weekday_named(Lowercase::of(bytes.get(start..end)?)?.as_bytes())?;
    if end - start <= 5 && byte_at(bytes, end) == b'.' {
        return Some((weekday, end + 1));
    }
    char_at(text, end)
        .is_none_or(|next| !next.is_alphanumeric())
        .then_some((weekday, end))
}

/// The weekday a name or abbreviation (lowercase) stands for.
fn weekday_named(word: &[u8]) -> Option<Weekday> {
    Some(match word {
        b"monday" | b"mon" => Weekday::Monday,
        b"tuesday" | b"tue" | b"tues" => Weekday::Tuesday,
        b"wednesday" | b"wed" => Weekday::Wednesday,
        b"thursday" | b"thu" | b"thurs" => Weekday::Thursday,
        b"friday" | b"fri" => Weekday::Friday,
        b"saturday" | b"sat" => Weekday::Saturday,
        b"sunday" | b"sun" => Weekday::Sunday,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(text: &str) -> DateMention {
        let dates = find_dates(text);
        assert_eq!(dates.len(), 1, "{text}: {dates:?}");
        dates.into_iter().next().unwrap()
    }

    fn read(year: Option<i32>, month: u8, day: u8) -> DateMeaning {
        DateMeaning::Certain(DateReading { year, month, day })
    }

    #[test]
    fn reads_iso_dates() {
        let date = only("On 2024-10-03 the queue filled.");
        assert_eq!(date.span, 3..13);
        assert_eq!(date.meaning, read(Some(2024), 10, 3));
        assert_eq!(date.civil(), CivilDate::new(2024, 10, 3));
        assert_eq!(only("2024/10/03").meaning, read(Some(2024), 10, 3));
        assert_eq!(only("2023-05-15T10:00Z").span, 0..10);
        assert_eq!(only("(2024-02-29)").meaning, read(Some(2024), 2, 29));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(find_dates("2023-02-29").is_empty());
        assert!(find_dates("2024-13-01").is_empty());
        assert!(find_dates("2024-04-31").is_empty());
        assert!(find_dates("31/31/2024").is_empty());
        assert!(find_dates("February 30, 2024").is_empty());
        assert!(find_dates("April 31").is_empty());
        assert_eq!(only("February 29").meaning, read(None, 2, 29));
    }

    #[test]
    fn reads_month_name_dates() {
        let date = only("On October 3, 2024, at noon");
        assert_eq!(date.span, 3..18);
        assert_eq!(date.meaning, read(Some(2024), 10, 3));
        assert_eq!(only("June 9th, 2024 from").meaning, read(Some(2024), 6, 9));
        assert_eq!(only("May 15 2023").meaning, read(Some(2023), 5, 15));
        assert_eq!(only("Oct 3rd").meaning, read(None, 10, 3));
        assert_eq!(only("Oct. 3").meaning, read(None, 10, 3));
        assert_eq!(only("on 3 May.").span, 3..8);
        assert_eq!(only("Sept 3").meaning, read(None, 9, 3));
        assert_eq!(only("3 October 2024").meaning, read(Some(2024), 10, 3));
        assert_eq!(only("the 29th of April").meaning, read(None, 4, 29));
        assert_eq!(only("3rd Oct, 2024.").meaning, read(Some(2024), 10, 3));
        assert_eq!(
            only("On 14th may 2023 (12pm)").meaning,
            read(Some(2023), 5, 14)
        );
        assert_eq!(only("friday, 24 mar 2017").meaning, read(Some(2017), 3, 24));
        assert!(find_dates("the 5 may fail").is_empty());
    }

    #[test]
    fn keeps_the_weekday() {
        let date = only("on Saturday, April 29th, at 12:00 hours");
        assert_eq!(date.span, 3..23);
        assert_eq!(date.meaning, read(None, 4, 29));
        assert_eq!(date.weekday, Some(Weekday::Saturday));
        assert_eq!(date.civil(), None);
        let date = only("Thursday, May 9, 2024, 17:30 PST");
        assert_eq!(date.meaning, read(Some(2024), 5, 9));
        assert_eq!(date.weekday, Some(Weekday::Thursday));
        assert_eq!(only("Sat 29 Apr").weekday, Some(Weekday::Saturday));
        assert!(find_dates("Saturday was calm").is_empty());
    }

    #[test]
    fn a_year_must_stand_alone() {
        let date = only("June 7, 2100hrs WAT");
        assert_eq!(date.meaning, read(None, 6, 7));
        assert_eq!(date.span, 0..6);
        assert_eq!(only("March 1, 1300 UTC").meaning, read(None, 3, 1));
        assert_eq!(only("May 3, 2024: outage").meaning, read(Some(2024), 5, 3));
    }

    #[test]
    fn numeric_dates_with_both_parts_up_to_twelve_are_ambiguous() {
        let date = only("On 09-06-2024, our site failed");
        assert_eq!(date.span, 3..13);
        assert_eq!(
            date.meaning,
            DateMeaning::Ambiguous {
                month_first: DateReading {
                    year: Some(2024),
                    month: 9,
                    day: 6
                },
                day_first: DateReading {
                    year: Some(2024),
                    month: 6,
                    day: 9
                },
            }
        );
        assert!(date.meaning.is_ambiguous());
        assert_eq!(date.civil(), None);
        assert!(only("09/06/2024").meaning.is_ambiguous());
        assert!(only("3.4.2024").meaning.is_ambiguous());
    }

    #[test]
    fn numeric_dates_that_read_one_way_are_certain() {
        assert_eq!(only("25/06/2024").meaning, read(Some(2024), 6, 25));
        assert_eq!(
            only("13/10/2023 at 2100hrs").meaning,
            read(Some(2023), 10, 13)
        );
        assert_eq!(only("06/25/2024").meaning, read(Some(2024), 6, 25));
        assert_eq!(only("05-05-2024").meaning, read(Some(2024), 5, 5));
        assert_eq!(only("25.06.2024").meaning, read(Some(2024), 6, 25));
    }

    #[test]
    fn ignores_numbers_that_are_not_dates() {
        for text in [
            "v1.2.3",
            "version 1.20.2024x",
            "1.2.3.4",
            "3/4 of users",
            "10.0.0.1",
            "500 errors",
            "80%",
            "12-06-24",
            "2024",
            "09-06-2024-01",
            "a09-06-2024",
            "1209-06-2024",
            "09-06-1800",
            "may 3",
            "MAYBE 3",
            "Marching 3",
            "May 10:00",
            "October 3.5",
            "ID 2024-10-031",
        ] {
            assert!(
                find_dates(text).is_empty(),
                "{text}: {:?}",
                find_dates(text)
            );
        }
    }

    #[test]
    fn finds_several_dates_in_order() {
        let dates = find_dates("From April 10, 2024, 10:30 AM to April 11, 2024 (and 2024-04-12).");
        let days: Vec<u8> = dates
            .iter()
            .filter_map(|date| date.meaning.certain())
            .map(|reading| reading.day)
            .collect();
        assert_eq!(days, [10, 11, 12]);
    }

    #[test]
    fn civil_in_fills_a_missing_year() {
        let reading = only("Saturday, April 29th").meaning.certain().unwrap();
        let date = reading.civil_in(2023).unwrap();
        assert_eq!(date.weekday(), Weekday::Saturday);
        assert_eq!(
            only("February 29")
                .meaning
                .certain()
                .unwrap()
                .civil_in(2023),
            None
        );
    }
}
