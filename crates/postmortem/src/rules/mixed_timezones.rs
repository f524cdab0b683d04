//! PM311 `mixed-timezones`.

use crate::model::WrittenZone;
use crate::rule::prelude::*;

declare_rule! {
    /// Reports timeline entries written in a timezone other than the summary's or each other's.
    ///
    /// ## Why is this bad?
    /// Readers compare times at a glance: how long after the start was the alert, how long
    /// until the fix. When one entry is in `EDT` and the rest in `CAT`, or the summary in `UTC`
    /// and the timeline in `EAT`, every comparison needs arithmetic, and a wrong zone is easy
    /// to miss (`4:00 PM EDT` between `3:45 PM CAT` and `4:15 PM CAT` is six hours later).
    ///
    /// Zones are compared by their UTC offsets, so different names for one offset (`GMT` and
    /// `UTC`, `EAT` and `East Africa Time`) are the same zone. The reference is the zone of the
    /// summary's outage window, else the zone declared for the timeline ("All times are UTC"),
    /// else the first zone an entry writes. Zones whose offset is unknown or ambiguous (`IST`)
    /// are left to `ambiguous-date`. The rule reports the first entry that differs, once.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Timeline
    /// - 3:45 PM CAT - The team was assigned to investigate.
    /// - 4:00 PM EDT - The cause was found: a server fault under high traffic.
    /// - 4:15 PM CAT - Corrective action restored the website.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Issue Summary
    /// From 14:00 to 16:30 UTC the API returned errors for all users.
    /// ## Timeline
    /// - 14:00 GMT - Monitoring alerts fired.
    /// - 16:30 UTC - Full recovery was confirmed.
    /// ```
    pub MixedTimezones {
        code: "PM311",
        name: "mixed-timezones",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for MixedTimezones {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let timeline = &document.timeline;
        if !timeline.is_present() {
            return;
        }
        let summary = &document.summary;
        let summary_zone = summary
            .start
            .iter()
            .chain(&summary.end)
            .filter_map(|time| time.zone.as_ref())
            .chain(&summary.zone)
            .find(|zone| known(zone).is_some());
        let mut reference = summary_zone.map(|zone| (zone, "the summary uses"));
        if let Some(declared) = timeline
            .declared_zone
            .as_ref()
            .filter(|zone| known(zone).is_some())
        {
            match reference {
                Some((zone, whose)) if known(zone) != known(declared) => {
                    report.push(mixed(
                        declared.span,
                        "The timeline declares",
                        declared,
                        whose,
                        zone,
                    ));
                    return;
                }
                Some(_) => {}
                None => reference = Some((declared, "the timeline declares")),
            }
        }
        for (_, time) in timeline.timed_entries() {
            let Some(zone) = time.zone.as_ref().filter(|zone| known(zone).is_some()) else {
                continue;
            };
            match reference {
                Some((first, whose)) if known(first) != known(zone) => {
                    report.push(mixed(
                        time.span.cover(zone.span),
                        "Entry written in",
                        zone,
                        whose,
                        first,
                    ));
                    return;
                }
                Some(_) => {}
                None => reference = Some((zone, "earlier entries use")),
            }
        }
    }
}

fn mixed(
    span: Span,
    what: &str,
    zone: &WrittenZone,
    whose: &str,
    reference: &WrittenZone,
) -> Diagnostic {
    Diagnostic::new(
        &MixedTimezones::META,
        span,
        format!(
            "{what} `{}` ({}), while {whose} `{}` ({})",
            zone.text,
            utc_offset(zone.offset_minutes.unwrap_or(0)),
            reference.text,
            utc_offset(reference.offset_minutes.unwrap_or(0)),
        ),
    )
    .with_help("Write every time in one timezone, the summary's, so that readers can compare them at a glance")
}

/// The offset of a zone whose offset is known and unambiguous.
fn known(zone: &WrittenZone) -> Option<i32> {
    zone.offset_minutes.filter(|_| !zone.ambiguous)
}

/// `UTC+02:00`, `UTC-04:00`.
fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}
