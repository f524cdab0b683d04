//! Times, dates and timezones as people write them in postmortems.
//!
//! Finders scan a piece of text (a timeline entry, a summary sentence) and return what they
//! recognise with byte ranges relative to that text: [`find_times`] (with the zone and date
//! around each time), [`find_dates`], [`find_zones`] and [`find_durations`]. [`epoch_minutes`]
//! turns a date, a time and an offset into a comparable instant, and [`format_rfc3339`] writes
//! one back. Everything is a hand-written scanner over bytes: no regex, no allocation per
//! character, no panic on any input.

mod civil;
mod clock;
mod date;
mod duration;
mod scan;
mod zone;

pub use civil::{CivilDate, ClockTime, Weekday, epoch_minutes, format_rfc3339, month_name};
pub use clock::{Meridiem, TimeMention, find_times, find_times_among_dates};
pub use date::{DateMeaning, DateMention, DateReading, find_dates, find_dates_starting_before};
pub use duration::{DurationMention, find_durations, parse_duration_phrase};

pub use zone::{Zone, ZoneCandidate, ZoneLookup, find_zones, zone_offset};

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces that stress the scanners' edges: digits, separators, markers, zones and
    /// multibyte characters in every position.
    const FRAGMENTS: &[&str] = &[
        "0",
        "1",
        "12",
        "13",
        "2024",
        "09",
        "1300",
        ":",
        ":00",
        ".",
        ".30",
        "-",
        "/",
        "+",
        "+03:00",
        "T",
        "Z",
        " ",
        "  ",
        "\n",
        ",",
        "(",
        ")",
        "[",
        "AM",
        "pm",
        "a.m.",
        "UTC",
        "GMT+3",
        "EST",
        "East Africa Time",
        "IST",
        "hours",
        "hrs",
        "h",
        "m",
        "noon",
        "midnight",
        "June",
        "Sat",
        "3rd",
        "of",
        "to",
        "and",
        "a half",
        "an",
        "two",
        "twenty-",
        "minutes",
        "é",
        "😀",
        "１２：００",
        "\u{a0}",
        "\u{2013}",
        "→",
        "~",
        "%",
        "v",
        "*",
    ];

    fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn spans_are_valid(text: &str, span: &std::ops::Range<usize>) {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} in {text:?}"
        );
        assert!(
            text.get(span.clone()).is_some(),
            "{span:?} splits a char in {text:?}"
        );
    }

    #[test]
    fn no_input_makes_any_finder_panic_or_return_a_bad_span() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..4000 {
            let pieces = xorshift(&mut state) % 12 + 1;
            let mut text = String::new();
            for _ in 0..pieces {
                let choice =
                    usize::try_from(xorshift(&mut state) % FRAGMENTS.len() as u64).unwrap();
                text.push_str(FRAGMENTS[choice]);
            }
            for time in find_times(&text) {
                spans_are_valid(&text, &time.span);
                spans_are_valid(&text, &time.extent);
                assert!(time.extent.start == time.span.start && time.extent.end >= time.span.end);
                if let Some(zone) = &time.zone {
                    spans_are_valid(&text, &zone.span);
                }
                if let Some(date) = &time.date {
                    spans_are_valid(&text, &date.span);
                }
                let _ = time.epoch_minutes(CivilDate::new(2024, 2, 29), Some(0));
            }
            for date in find_dates(&text) {
                spans_are_valid(&text, &date.span);
                let _ = date.civil();
            }
            for zone in find_zones(&text) {
                spans_are_valid(&text, &zone.span);
            }
            for duration in find_durations(&text) {
                spans_are_valid(&text, &duration.span);
            }
            if let Some((_, span)) = parse_duration_phrase(&text) {
                spans_are_valid(&text, &span);
            }
            let _ = zone_offset(&text);
            let instant = i64::try_from(xorshift(&mut state) >> 1).unwrap_or_default();
            let offset = i32::try_from(xorshift(&mut state) % 3000).unwrap_or_default() - 1500;
            let _ = format_rfc3339(instant, offset);
            let _ = format_rfc3339(-instant, offset);
        }
    }

    #[test]
    fn every_prefix_of_a_rich_text_is_safe() {
        let text = "On Saturday, April 29th, 2023 at 12:00 hours (East Africa Time) 😀 until \
                    2023-05-15T10:00:00+03:00 ～ 6:20 PM GMT+3 – 10.30 a.m. (IST) for 1.5 hours é";
        for end in 0..=text.len() {
            let Some(prefix) = text.get(..end) else {
                continue;
            };
            for time in find_times(prefix) {
                spans_are_valid(prefix, &time.extent);
            }
            let _ = (
                find_dates(prefix),
                find_zones(prefix),
                find_durations(prefix),
                zone_offset(prefix),
            );
        }
        // Byte slices that are not valid UTF-8 cannot reach the finders; every char boundary can.
        assert_eq!(find_times(text).len(), 4);
    }

    #[test]
    fn reads_the_seed_style_summary_end_to_end() {
        let text = "The incident began at 6:20 PM GMT+3 and persisted until 1:10 AM GMT+3.";
        let times = find_times(text);
        let start = times[0]
            .epoch_minutes(CivilDate::new(2024, 6, 9), None)
            .unwrap();
        let end = times[1]
            .epoch_minutes(CivilDate::new(2024, 6, 10), None)
            .unwrap();
        assert_eq!(end - start, 6 * 60 + 50);
        assert_eq!(
            format_rfc3339(start, 180).unwrap(),
            "2024-06-09T18:20:00+03:00"
        );
    }

    #[test]
    fn serializes_for_json_consumers() {
        let times = find_times("09-06-2024 10:00 AM (IST) to 11:00 AM (IST)");
        let json = serde_json::to_value(&times[0]).unwrap();
        assert_eq!(json["span"], serde_json::json!({"start": 11, "end": 19}));
        assert_eq!(
            json["clock"],
            serde_json::json!({"hour": 10, "minute": 0, "second": null})
        );
        assert_eq!(json["meridiem"], "am");
        assert_eq!(json["zone"]["text"], "IST");
        assert_eq!(json["zone"]["lookup"]["type"], "ambiguous");
        assert_eq!(json["zone"]["lookup"]["value"][0]["offsetMinutes"], 330);
        assert_eq!(json["date"]["meaning"]["type"], "ambiguous");
        assert_eq!(json["date"]["meaning"]["dayFirst"]["month"], 6);
        let known = serde_json::to_value(zone_offset("EAT")).unwrap();
        assert_eq!(known, serde_json::json!({"type": "known", "value": 180}));
        let certain = serde_json::to_value(find_dates("June 7")[0].meaning).unwrap();
        assert_eq!(
            certain,
            serde_json::json!({"type": "certain", "year": null, "month": 6, "day": 7})
        );
        let duration = serde_json::to_value(&find_durations("for two hours")[0]).unwrap();
        assert_eq!(duration["minutes"], 120);
    }
}
