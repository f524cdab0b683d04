//! Statistics a reader and a reviewer want at a glance.

use crate::model::{Document, SectionKind};
use serde::Serialize;

/// Counts over one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statistics {
    /// Prose words, as a reader counts them.
    pub words: u32,
    pub sections: Vec<SectionStatistics>,
    pub timeline_entries: u32,
    pub tasks: u32,
    pub tasks_done: u32,
    /// How long the outage lasted, in minutes: the summary's window, else its stated length,
    /// else the span of the timeline's entries. `None` when nothing says.
    pub outage_minutes: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionStatistics {
    pub kind: SectionKind,
    pub heading: String,
    pub words: u32,
}

impl Statistics {
    pub fn of(document: &Document) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let words = document.word_counts();
        Self {
            words: words.total(),
            sections: document
                .sections
                .iter()
                .zip(&words.sections)
                .map(|(section, &words)| SectionStatistics {
                    kind: section.kind,
                    heading: section.heading.text.clone(),
                    words,
                })
                .collect(),
            timeline_entries: count(document.timeline.entries.len()),
            tasks: count(document.measures.tasks.len()),
            tasks_done: count(
                document
                    .measures
                    .tasks
                    .iter()
                    .filter(|task| task.done == Some(true))
                    .count(),
            ),
            outage_minutes: outage_minutes(document),
        }
    }
}

fn outage_minutes(document: &Document) -> Option<i64> {
    let summary = &document.summary;
    summary
        .window_minutes()
        .filter(|minutes| *minutes >= 0)
        .or_else(|| {
            summary
                .stated_minutes
                .map(|(minutes, _)| i64::from(minutes))
        })
        .or_else(|| {
            let mut elapsed = document
                .timeline
                .entries
                .iter()
                .filter_map(|entry| entry.time.as_ref()?.elapsed_minutes);
            let first = elapsed.next()?;
            let last = elapsed.next_back()?;
            Some(last - first).filter(|minutes| *minutes > 0)
        })
}

#[cfg(test)]
mod tests {
    use crate::{Config, validate};

    fn outage(source: &str) -> Option<i64> {
        validate(source, &Config::default()).stats.outage_minutes
    }

    #[test]
    fn the_outage_lasts_from_the_summary_window_or_the_timeline() {
        assert_eq!(
            outage(
                "# T\n\n## Issue Summary\n\nOn June 7, 2024, from 10:00 AM to 12:00 PM WAT all users failed.\n"
            ),
            Some(120)
        );
        assert_eq!(
            outage("# T\n\n## Issue Summary\n\nAt 14:05 UTC checkout was down for 90 minutes.\n"),
            Some(90)
        );
        assert_eq!(
            outage("# T\n\n## Timeline\n\n- 23:50 UTC - Alert.\n- 00:20 UTC - Resolved.\n"),
            Some(30)
        );
        assert_eq!(outage("# T\n\nNothing about time.\n"), None);
    }
}
