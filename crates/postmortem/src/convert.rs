//! One action that writes every time of the summary and the timeline in one zone (UTC, or a
//! zone the author chooses), as a fix: text edits that touch only the times and the zones.
//!
//! A time written with its zone (`10:00 AM (WAT)`) becomes the converted time with the new
//! zone (`9:00 AM UTC`). A time that shares a zone written further on (`from 10:00 to 11:00
//! EAT`), or takes the zone declared for the timeline or the summary, becomes the converted
//! time alone, and the zone it took is rewritten once. A time whose date would change and is
//! written with a date is left as it is and counted: rewriting dates is the author's call.

use crate::diagnostic::{Edit, Fix};
use crate::model::{Document, WrittenZone};
use crate::span::Span;
use crate::time::{ClockTime, ZoneLookup, zone_offset};

/// The edits that convert the document's times, and what they leave alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub fix: Fix,
    pub converted: usize,
    /// Times whose date would change and is written with them.
    pub skipped: usize,
}

/// One time the model places in a zone.
struct Written<'a> {
    span: Span,
    clock: ClockTime,
    zone: Option<&'a WrittenZone>,
    offset_minutes: Option<i32>,
    /// The time is written with a date, which a change of day would make wrong.
    dated: bool,
}

/// Converts every time the summary and the timeline place in a known zone to the zone named
/// `target` (`UTC`, `EAT`, `UTC+05:30`…). `None` when `target` is not a zone with one offset.
pub fn to_zone(source: &str, document: &Document, target: &str) -> Option<Conversion> {
    let ZoneLookup::Known(target_offset) = zone_offset(target) else {
        return None;
    };
    let label = target.trim();
    let summary = &document.summary;
    let times = [summary.start.as_ref(), summary.end.as_ref()]
        .into_iter()
        .flatten()
        .map(|time| Written {
            span: time.span,
            clock: time.clock,
            zone: time.zone.as_ref(),
            offset_minutes: time.offset_minutes,
            dated: time.date_written,
        })
        .chain(document.timeline.entries.iter().filter_map(|entry| {
            let time = entry.time.as_ref()?;
            Some(Written {
                span: time.span,
                clock: time.clock,
                zone: time.zone.as_ref(),
                offset_minutes: time.offset_minutes,
                dated: time.date.is_some(),
            })
        }));
    let mut edits: Vec<Edit> = Vec::new();
    let mut zones_to_rewrite: Vec<Span> = Vec::new();
    let (mut converted, mut skipped) = (0, 0);
    for time in times {
        let Some(offset) = time.offset_minutes else {
            continue;
        };
        let minutes = i32::from(time.clock.minutes_since_midnight()) - offset + target_offset;
        if minutes.div_euclid(1440) != 0 && time.dated {
            skipped += 1;
            continue;
        }
        let clock = format_clock(minutes.rem_euclid(1440), time.span.text(source));
        if let Some(whole) = time
            .zone
            .and_then(|zone| zone.with_time_before(source, time.span))
        {
            edits.push(Edit::replace(whole, format!("{clock} {label}")));
        } else {
            edits.push(Edit::replace(time.span, clock));
            // The zone it shares or inherits is rewritten once, below.
            let inherited = time
                .zone
                .or(document.timeline.declared_zone.as_ref())
                .or(summary.zone.as_ref());
            if let Some(zone) = inherited {
                zones_to_rewrite.push(zone.span);
            }
        }
        converted += 1;
    }
    zones_to_rewrite.sort_unstable_by_key(|span| (span.start, span.end));
    zones_to_rewrite.dedup();
    for span in zones_to_rewrite {
        if !edits.iter().any(|edit| overlaps(edit.span, span)) {
            edits.push(Edit::replace(span, label));
        }
    }
    edits.sort_unstable_by_key(|edit| (edit.span.start, edit.span.end));
    Some(Conversion {
        fix: Fix {
            title: format!("Write the {converted} times in {label}"),
            edits,
        },
        converted,
        skipped,
    })
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The clock as written before: 12-hour with its AM/PM (in the same case), or 24-hour.
fn format_clock(minutes: i32, written: &str) -> String {
    let (hour, minute) = (minutes / 60, minutes % 60);
    let lower = written.to_ascii_lowercase();
    if !(lower.contains("am") || lower.contains("pm")) {
        return format!("{hour:02}:{minute:02}");
    }
    let (twelve, meridiem) = match hour {
        0 => (12, "am"),
        1..=11 => (hour, "am"),
        12 => (12, "pm"),
        _ => (hour - 12, "pm"),
    };
    let meridiem = if written.contains("AM") || written.contains("PM") {
        meridiem.to_ascii_uppercase()
    } else {
        meridiem.to_owned()
    };
    format!("{twelve}:{minute:02} {meridiem}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;

    fn convert(source: &str, target: &str) -> (String, Conversion) {
        let conversion = to_zone(source, &crate::parse(source), target).unwrap();
        (apply_edits(source, &conversion.fix.edits), conversion)
    }

    #[test]
    fn writes_times_with_their_zone_in_the_new_zone() {
        let source = "# Outage\n\n## Issue Summary\n\nFrom 17:05 to 18:20 EAT on October 3, 2024, checkout failed.\n\n## Timeline\n\n- 17:08 EAT - Alert fired.\n- 10:20 PM (EAT) - Escalated.\n";
        let (converted, conversion) = convert(source, "UTC");
        assert_eq!(
            converted,
            "# Outage\n\n## Issue Summary\n\nFrom 14:05 to 15:20 UTC on October 3, 2024, checkout failed.\n\n## Timeline\n\n- 14:08 UTC - Alert fired.\n- 7:20 PM UTC - Escalated.\n"
        );
        assert_eq!((conversion.converted, conversion.skipped), (4, 0));
        assert_eq!(conversion.fix.title, "Write the 4 times in UTC");
    }

    #[test]
    fn rewrites_a_declared_zone_once() {
        let source = "# Outage\n\n## Timeline (all times WAT)\n\n- 10:00 AM: Alert fired.\n- 10:45 AM: Escalated to the database team.\n";
        let (converted, _) = convert(source, "UTC");
        assert_eq!(
            converted,
            "# Outage\n\n## Timeline (all times UTC)\n\n- 9:00 AM: Alert fired.\n- 9:45 AM: Escalated to the database team.\n"
        );
    }

    #[test]
    fn converts_to_a_chosen_zone_and_refuses_an_ambiguous_one() {
        let source =
            "# Outage\n\n## Timeline\n\n- 23:30 UTC - Alert fired.\n- 00:10 UTC - Resolved.\n";
        let (converted, _) = convert(source, "UTC+05:30");
        assert!(
            converted.contains("- 05:00 UTC+05:30 - Alert fired.\n- 05:40 UTC+05:30 - Resolved."),
            "{converted}"
        );
        assert_eq!(to_zone(source, &crate::parse(source), "IST"), None);
        assert_eq!(to_zone(source, &crate::parse(source), "Mars Time"), None);
    }

    #[test]
    fn leaves_a_dated_time_whose_day_would_change() {
        let source = "# Outage\n\n## Issue Summary\n\nFrom 2024-10-03 01:00 EAT to 2024-10-03 02:00 EAT the API failed.\n";
        let (converted, conversion) = convert(source, "UTC");
        assert_eq!(converted, source);
        assert_eq!((conversion.converted, conversion.skipped), (0, 2));
    }

    #[test]
    fn converts_every_document_without_breaking_it() {
        // The project's own documents (the seeds get the same test in tests/seeds.rs).
        let directory = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/documents");
        let mut converted_any = false;
        for entry in std::fs::read_dir(directory).unwrap() {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let (converted, conversion) = convert(&source, "UTC");
            converted_any |= conversion.converted > 0;
            let document = crate::parse(&converted);
            assert_eq!(
                document.sections.len(),
                crate::parse(&source).sections.len()
            );
            // Converting again changes nothing: every converted time is now in UTC.
            let (again, _) = convert(&converted, "UTC");
            assert_eq!(again, converted, "{}", conversion.fix.title);
        }
        assert!(converted_any, "no document had a time outside UTC");
    }
}
