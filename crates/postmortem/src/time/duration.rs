//! Stated lengths of time ("two hours", "1.5 hours", "for 3 hours and 20 minutes", "2h30m"),
//! to check against the window the times give.

use super::scan::{
    Lowercase, byte_at, char_before, digits_end, digits_value, is_one_of, is_word_end,
    is_word_start, letters_end, skip_inline_space, word_at,
};
use serde::Serialize;
use std::ops::Range;

/// A length of time written in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DurationMention {
    /// Byte range of the quantity and its units ("3 hours and 20 minutes"), within the text.
    pub span: Range<usize>,
    /// The length, rounded to the nearest minute.
    pub minutes: u32,
}

/// The first length of time stated in `text`, in minutes, with its byte range.
pub fn parse_duration_phrase(text: &str) -> Option<(u32, Range<usize>)> {
    if !may_state_length(text) {
        return None;
    }
    next_duration(text, 0).map(|duration| (duration.minutes, duration.span))
}

/// Every length of time stated in `text`, in order. Vague ones ("a few hours") are skipped,
/// and so are times that only look like lengths (`12:00 hours`, `1300 hours`).
pub fn find_durations(text: &str) -> Vec<DurationMention> {
    let mut durations = Vec::new();
    if !may_state_length(text) {
        return durations;
    }
    let mut from = 0;
    while let Some(duration) = next_duration(text, from) {
        from = duration.span.end;
        durations.push(duration);
    }
    durations
}

/// Whether `text` has a unit of length not glued to a word before it: "hour", "hr", "min" or
/// "day" in any case, or an `h` right after a digit ("2h"). Text without one is not read word
/// by word.
fn may_state_length(text: &str) -> bool {
    let bytes = text.as_bytes();
    let starts = |at: usize, unit: &[u8]| {
        bytes
            .get(at..at + unit.len())
            .is_some_and(|written| written.eq_ignore_ascii_case(unit))
    };
    (0..bytes.len()).any(|at| {
        // The byte itself first: most are none of the three letters.
        if !matches!(bytes[at] | 0x20, b'h' | b'm' | b'd') {
            return false;
        }
        let before = at.checked_sub(1).map_or(b' ', |before| bytes[before]);
        if before.is_ascii_alphabetic() {
            return false;
        }
        match bytes[at] | 0x20 {
            b'h' => before.is_ascii_digit() || starts(at, b"hour") || starts(at, b"hr"),
            b'm' => starts(at, b"min"),
            b'd' => starts(at, b"day"),
            _ => false,
        }
    })
}

fn next_duration(text: &str, from: usize) -> Option<DurationMention> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii_alphanumeric()
            && may_start_quantity(text, at)
            && let Some(duration) = duration_at(text, at)
        {
            return Some(duration);
        }
        at = if byte.is_ascii_digit() {
            digits_end(bytes, at)
        } else if byte.is_ascii_alphabetic() {
            letters_end(bytes, at)
        } else {
            at + 1
        };
    }
    None
}

/// Not inside a word, a time (`12:00 hours`), a decimal or a numeric range (`2-3 hours`).
fn may_start_quantity(text: &str, at: usize) -> bool {
    if !is_word_start(text, at) {
        return false;
    }
    match char_before(text, at) {
        Some(':' | '.' | ',' | '/') => false,
        Some('-') => !at
            .checked_sub(1)
            .and_then(|dash| char_before(text, dash))
            .is_some_and(|before| before.is_ascii_digit()),
        _ => true,
    }
}

/// Minutes in each unit, largest first, so that "3 hours and 20 minutes" can add up.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Minute = 1,
    Hour = 60,
    Day = 1440,
}

struct Term {
    minutes: u64,
    unit: Unit,
    end: usize,
}

fn duration_at(text: &str, start: usize) -> Option<DurationMention> {
    let first = term_at(text, start, false)?;
    let mut minutes = first.minutes;
    let mut smallest_unit = first.unit;
    let mut end = first.end;
    // "3 hours and 20 minutes", "1 day, 2 hours", "2h30m": smaller units add on.
    loop {
        let mut next = skip_inline_space(text, end);
        if byte_at(text.as_bytes(), next) == b',' {
            next = skip_inline_space(text, next + 1);
        }
        if let Some(and_end) = word_at(text, next, "and") {
            next = skip_inline_space(text, and_end);
        }
        match term_at(text, next, smallest_unit == Unit::Hour) {
            Some(term) if term.unit < smallest_unit => {
                minutes += term.minutes;
                smallest_unit = term.unit;
                end = term.end;
            }
            _ => break,
        }
    }
    Some(DurationMention {
        span: start..end,
        minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
    })
}

/// A quantity and its unit: "2 hours", "an hour and a half", "45-minute", "2h"; `m` alone
/// counts only after hours ("1h 30m"), since "30m users" means millions.
fn term_at(text: &str, start: usize, after_hours: bool) -> Option<Term> {
    let bytes = text.as_bytes();
    let quantity = quantity_at(text, start)?;
    let mut thousandths = quantity.thousandths;
    let mut at = quantity.end;
    if let Some(half_end) = and_a_half(text, at) {
        thousandths += 500;
        at = half_end;
    }
    let unit_start = if byte_at(bytes, at) == b'-' && byte_at(bytes, at + 1).is_ascii_alphabetic() {
        at + 1
    } else {
        skip_inline_space(text, at)
    };
    let attached = unit_start == at;
    if attached && quantity.integer_digits.is_none() {
        return None;
    }
    let unit_end = letters_end(bytes, unit_start);
    // "2h30m" runs straight on into the minutes.
    let compact = attached && byte_at(bytes, unit_end).is_ascii_digit();
    if !is_word_end(text, unit_end) && !compact {
        return None;
    }
    let unit = if is_one_of(bytes, unit_start, unit_end, &["hours", "hour", "hrs", "hr"])
        || (attached && is_one_of(bytes, unit_start, unit_end, &["h"]))
    {
        Unit::Hour
    } else if is_one_of(
        bytes,
        unit_start,
        unit_end,
        &["minutes", "minute", "mins", "min"],
    ) || (attached && after_hours && is_one_of(bytes, unit_start, unit_end, &["m"]))
    {
        Unit::Minute
    } else if is_one_of(bytes, unit_start, unit_end, &["days", "day"]) {
        Unit::Day
    } else {
        return None;
    };
    // `1300 hours` and `0900 hrs` are military times, not lengths.
    if unit == Unit::Hour && quantity.integer_digits == Some(4) {
        return None;
    }
    let mut end = unit_end;
    if quantity.thousandths == thousandths
        && let Some(half_end) = and_a_half(text, end)
    {
        thousandths += 500;
        end = half_end;
    }
    Some(Term {
        minutes: (thousandths * unit as u64 + 500) / 1000,
        unit,
        end,
    })
}

struct Quantity {
    thousandths: u64,
    /// How many digits the integer part had, when written in digits.
    integer_digits: Option<usize>,
    end: usize,
}

/// `2`, `1.5`, `two`, `twenty-five`, `an`, `half an`.
fn quantity_at(text: &str, start: usize) -> Option<Quantity> {
    let bytes = text.as_bytes();
    if byte_at(bytes, start).is_ascii_digit() {
        let integer_end = digits_end(bytes, start);
        let integer_digits = integer_end - start;
        if integer_digits > 6 {
            return None;
        }
        let mut thousandths = u64::from(digits_value(bytes, start, integer_end)) * 1000;
        let mut end = integer_end;
        if byte_at(bytes, end) == b'.' && byte_at(bytes, end + 1).is_ascii_digit() {
            let fraction_end = digits_end(bytes, end + 1);
            if fraction_end - end - 1 > 3 {
                return None;
            }
            let fraction = u64::from(digits_value(bytes, end + 1, fraction_end));
            thousandths += fraction * [100, 10, 1][fraction_end - end - 2];
            end = fraction_end;
        }
        return Some(Quantity {
            thousandths,
            integer_digits: Some(integer_digits),
            end,
        });
    }
    let word_end = letters_end(bytes, start);
    if !is_word_end(text, word_end) {
        return None;
    }
    let (value, mut end) = if is_one_of(bytes, start, word_end, &["a", "an"]) {
        let after = skip_inline_space(text, word_end);
        match word_at(text, after, "half") {
            Some(half_end) => (500, half_end),
            None => (1000, word_end),
        }
    } else if is_one_of(bytes, start, word_end, &["half"]) {
        let after = skip_inline_space(text, word_end);
        let article_end = word_at(text, after, "an").or_else(|| word_at(text, after, "a"));
        (500, article_end.unwrap_or(word_end))
    } else {
        let value = number_word(bytes, start, word_end)?;
        (u64::from(value) * 1000, word_end)
    };
    let mut value = value;
    if value >= 20_000 {
        // "twenty-five", "forty five".
        let ones_start = if byte_at(bytes, end) == b'-' {
            end + 1
        } else {
            skip_inline_space(text, end)
        };
        let ones_end = letters_end(bytes, ones_start);
        if let Some(ones @ 1..=9) = number_word(bytes, ones_start, ones_end)
            && ones_start > end
            && is_word_end(text, ones_end)
        {
            value += u64::from(ones) * 1000;
            end = ones_end;
        }
    }
    Some(Quantity {
        thousandths: value,
        integer_digits: None,
        end,
    })
}

fn number_word(bytes: &[u8], start: usize, end: usize) -> Option<u32> {
    Some(match Lowercase::of(bytes.get(start..end)?)?.as_bytes() {
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// " and a half" at `at`, and its end.
fn and_a_half(text: &str, at: usize) -> Option<usize> {
    let and_end = word_at(text, skip_inline_space(text, at), "and")?;
    let a_end = word_at(text, skip_inline_space(text, and_end), "a")?;
    word_at(text, skip_inline_space(text, a_end), "half")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(text: &str) -> Option<u32> {
        parse_duration_phrase(text).map(|(minutes, _)| minutes)
    }

    fn phrase(text: &str) -> &str {
        let (_, span) = parse_duration_phrase(text).unwrap();
        &text[span]
    }

    #[test]
    fn reads_numbers_in_digits() {
        assert_eq!(minutes("down for 2 hours"), Some(120));
        assert_eq!(minutes("90 minutes"), Some(90));
        assert_eq!(minutes("30 mins"), Some(30));
        assert_eq!(minutes("2 hrs"), Some(120));
        assert_eq!(minutes("1 hour"), Some(60));
        assert_eq!(minutes("(7.5 hours)"), Some(450));
        assert_eq!(minutes("1.5 hours"), Some(90));
        assert_eq!(minutes("0.25 hours"), Some(15));
        assert_eq!(minutes("a 45-minute outage"), Some(45));
        assert_eq!(minutes("a 4-hour outage"), Some(240));
        assert_eq!(minutes("2 days"), Some(2880));
    }

    #[test]
    fn reads_numbers_in_words() {
        assert_eq!(minutes("down for two hours"), Some(120));
        assert_eq!(minutes("Two hours"), Some(120));
        assert_eq!(minutes("an hour"), Some(60));
        assert_eq!(minutes("a minute"), Some(1));
        assert_eq!(minutes("twelve minutes"), Some(12));
        assert_eq!(minutes("forty-five minutes"), Some(45));
        assert_eq!(minutes("twenty five minutes"), Some(25));
        assert_eq!(minutes("half an hour"), Some(30));
        assert_eq!(minutes("a half hour"), Some(30));
        assert_eq!(minutes("one and a half hours"), Some(90));
        assert_eq!(minutes("an hour and a half"), Some(90));
        let words = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ];
        for (index, word) in words.iter().enumerate() {
            let expected = 60 * (u32::try_from(index).unwrap() + 1);
            assert_eq!(minutes(&format!("{word} hours")), Some(expected), "{word}");
        }
    }

    #[test]
    fn adds_up_compound_lengths() {
        let text = "it lasted for 3 hours and 20 minutes overall";
        assert_eq!(minutes(text), Some(200));
        assert_eq!(phrase(text), "3 hours and 20 minutes");
        assert_eq!(minutes("1 hour 30 minutes"), Some(90));
        assert_eq!(minutes("1 day, 2 hours"), Some(1560));
        assert_eq!(minutes("2h30m"), Some(150));
        assert_eq!(minutes("1h 30m"), Some(90));
        assert_eq!(phrase("2 hours and 3 servers"), "2 hours");
    }

    #[test]
    fn the_span_covers_only_the_length() {
        let text = "The outage lasted approximately 45 minutes.";
        let (value, span) = parse_duration_phrase(text).unwrap();
        assert_eq!(value, 45);
        assert_eq!(&text[span], "45 minutes");
    }

    #[test]
    fn skips_what_is_not_a_length() {
        for text in [
            "at 12:00 hours (East Africa Time)",
            "at 1300 hours",
            "2100hrs WAT",
            "a few hours",
            "several minutes",
            "Countless hours",
            "peak evening hours",
            "someone hours",
            "30m users",
            "minutes later",
            "v1.5 hours",
            "2-3 hours",
            "",
        ] {
            assert_eq!(parse_duration_phrase(text), None, "{text}");
        }
    }

    #[test]
    fn finds_every_length() {
        let found = find_durations(
            "Within 10 minutes of the update users complained; the outage lasted 2 hours.",
        );
        let values: Vec<u32> = found.iter().map(|duration| duration.minutes).collect();
        assert_eq!(values, [10, 120]);
    }
}
