//! PM302 `entry-without-time`.

use crate::rule::prelude::*;
use crate::time;

declare_rule! {
    /// Reports a timeline entry that has no time.
    ///
    /// ## Why is this bad?
    /// An entry without a time cannot be placed: readers cannot tell how long detection,
    /// diagnosis or escalation took, which is what the timeline is for.
    ///
    /// Entries are the items of a list, the rows of a table and the lines (or headings) that
    /// start with a time. A line that only introduces the list ("All times are UTC"), a date
    /// heading over the entries of that day, a label and the sub-items under a timed entry are
    /// not entries of their own. An entry dated but not timed ("Feb 5, 2021: Disclosure") is
    /// reported too: a date alone does not say how long anything took. Prose timelines are
    /// reported by `timeline-not-a-list` instead.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - The engineer examined the database's slow query log.
    /// - 10:40 UTC - An index was added and service was restored.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// All times are UTC.
    ///
    /// - 10:00 - A latency alert paged the on-call engineer.
    ///   - The engineer examined the database's slow query log.
    /// - 10:40 - An index was added and service was restored.
    /// ```
    pub EntryWithoutTime {
        code: "PM302",
        name: "entry-without-time",
        severity: Severity::Error,
        fixable: false,
        requirement: "timeline.times",
    }
}

impl Rule for EntryWithoutTime {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        for entry in context.document.timeline.listed_entries() {
            if entry.time.is_none() {
                let message = if starts_with_date(&entry.text) {
                    "Timeline entry has a date but no time of day"
                } else {
                    "Timeline entry has no time"
                };
                report.push(untimed(entry.span.up_to_line_end(context.source), message));
            }
        }
    }
}

fn untimed(line: Span, message: &str) -> Diagnostic {
    Diagnostic::new(&EntryWithoutTime::META, line, message)
        .with_help("Start the entry with the time it happened, such as `10:05 UTC -`")
}

/// "Feb 05, 2021: Disclosure": an entry dated to the day.
fn starts_with_date(text: &str) -> bool {
    time::find_dates(text)
        .first()
        .is_some_and(|date| text[..date.span.start].trim().is_empty())
}
