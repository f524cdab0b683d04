//! Statistics a reader and a reviewer want at a glance.

use crate::model::{Document, SectionKind};
use crate::words::{outside_sections_words, section_words};
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
        let sections: Vec<SectionStatistics> = document
            .sections
            .iter()
            .map(|section| SectionStatistics {
                kind: section.kind,
                heading: section.heading.text.clone(),
                words: section_words(section),
            })
            .collect();
        Self {
            words: outside_sections_words(document)
                + sections.iter().map(|section| section.words).sum::<u32>(),
            sections,
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
        }
    }
}
