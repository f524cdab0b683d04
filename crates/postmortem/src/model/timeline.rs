//! The timeline: entries with their times resolved to instants, and what each one records.

use crate::span::Span;
use crate::time::{CivilDate, ClockTime};
use serde::Serialize;

/// The response to the incident, entry by entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub form: TimelineForm,
    pub entries: Vec<TimelineEntry>,
    /// Text of the section that is not an entry: an introduction ("All times are UTC"), a label,
    /// a closing paragraph, a list of links. Never timed; its milestones count, since a reviewer
    /// reads the whole section.
    pub notes: Vec<TimelineEntry>,
    /// A zone declared once for the timeline ("## Timeline (all times EAT)", "All times UTC").
    pub declared_zone: Option<WrittenZone>,
}

impl Timeline {
    /// The entries of a timeline written as separate entries; none of one told as prose, whose
    /// "entries" are its paragraphs.
    pub fn listed_entries(&self) -> &[TimelineEntry] {
        if self.form.has_entries() {
            &self.entries
        } else {
            &[]
        }
    }

    /// Whether there is a timeline to judge: a section with entries or narrative in it.
    pub fn is_present(&self) -> bool {
        self.form != TimelineForm::Missing
    }

    /// Whether an entry, or the text around the entries, records a milestone.
    pub fn records(&self, milestone: impl Fn(&Milestones) -> bool) -> bool {
        self.entries
            .iter()
            .chain(&self.notes)
            .any(|entry| milestone(&entry.milestones))
    }

    /// The entries that have a time, in the order written.
    pub fn timed_entries(&self) -> impl Iterator<Item = (&TimelineEntry, &EntryTime)> {
        self.entries
            .iter()
            .filter_map(|entry| Some((entry, entry.time.as_ref()?)))
    }
}

/// How the timeline is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimelineForm {
    /// No timeline section, or an empty one.
    #[default]
    Missing,
    /// A Markdown (or HTML) list.
    List,
    /// Separate lines (or headings) each starting with a time: a list in all but syntax.
    Lines,
    /// A table with a time column.
    Table,
    /// Paragraphs of narrative, with times (if any) inside sentences.
    Prose,
}

impl TimelineForm {
    /// Whether the timeline is written as separate entries (a list, lines or a table) rather
    /// than missing or told as prose.
    pub fn has_entries(self) -> bool {
        matches!(self, Self::List | Self::Lines | Self::Table)
    }
}

/// One event of the response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// The entry's text as a reader sees it, time included.
    pub text: String,
    pub span: Span,
    pub time: Option<EntryTime>,
    pub milestones: Milestones,
}

/// When an entry happened, as written and as resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryTime {
    /// The time as written, in the source.
    pub span: Span,
    pub clock: ClockTime,
    /// The date written with the entry or carried from an earlier one.
    pub date: Option<CivilDate>,
    /// The zone written with this entry, if any.
    pub zone: Option<WrittenZone>,
    /// The UTC offset that applies: the entry's own zone, else the one declared for the
    /// timeline, else the last one an earlier entry wrote, else the summary's.
    pub offset_minutes: Option<i32>,
    /// Minutes since the Unix epoch, when the date (with its year) and offset are known; an
    /// entry past midnight is on the next day.
    pub instant: Option<i64>,
    /// Minutes into the timeline counted from its first timed entry, whatever is known of dates
    /// and zones: comparable across entries even when `instant` is not. A clock that goes back
    /// from the evening to the early morning, or by more than twelve hours, is read as the next
    /// day; a written date (on the entry, a heading or a line of its own) sets the day.
    pub elapsed_minutes: Option<i64>,
}

/// A timezone as the author wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WrittenZone {
    pub text: String,
    pub span: Span,
    /// `None` when the zone is unknown or ambiguous.
    pub offset_minutes: Option<i32>,
    pub ambiguous: bool,
}

impl WrittenZone {
    /// The time at `time` and this zone as one span, when the zone is written right after it
    /// (`14:05 UTC`, `10:00 AM (WAT)`, the closing parenthesis included); `None` when the zone
    /// stands elsewhere (shared by a range, or declared for the timeline).
    pub fn with_time_before(&self, source: &str, time: Span) -> Option<Span> {
        let gap = source.get(time.end as usize..self.span.start as usize)?;
        if self.span.start < time.end || !gap.chars().all(|c| c == ' ' || c == '(') {
            return None;
        }
        let closes = gap.contains('(')
            && source
                .get(self.span.end as usize..)
                .is_some_and(|rest| rest.starts_with(')'));
        Some(Span::new(time.start, self.span.end + u32::from(closes)))
    }
}

/// What an entry records, as a reviewer would tag it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[allow(clippy::struct_excessive_bools)] // Independent tags, not a state machine.
pub struct Milestones {
    /// When and how the issue was detected.
    pub detection: bool,
    /// What was investigated or assumed.
    pub action: bool,
    /// A misleading investigation or debugging path.
    pub misleading: bool,
    /// To which team or people the incident was escalated.
    pub escalation: bool,
    /// How the incident was resolved.
    pub resolution: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone_at(source: &str, text: &str) -> WrittenZone {
        let start = u32::try_from(source.rfind(text).unwrap()).unwrap();
        WrittenZone {
            text: text.to_owned(),
            span: Span::new(start, start + u32::try_from(text.len()).unwrap()),
            offset_minutes: Some(0),
            ambiguous: false,
        }
    }

    #[test]
    fn a_zone_written_after_its_time_joins_it() {
        let source = "at 10:00 AM (WAT), then";
        let time = Span::new(3, 11);
        let joined = zone_at(source, "WAT")
            .with_time_before(source, time)
            .unwrap();
        assert_eq!(joined.text(source), "10:00 AM (WAT)");
        let source = "from 10:00 to 11:00 EAT";
        let shared = zone_at(source, "EAT");
        assert_eq!(shared.with_time_before(source, Span::new(5, 10)), None);
        assert_eq!(
            shared
                .with_time_before(source, Span::new(14, 19))
                .map(|span| span.text(source)),
            Some("11:00 EAT")
        );
    }
}
