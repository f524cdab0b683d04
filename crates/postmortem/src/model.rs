//! The typed postmortem: what the parser finds and the rules read. Every node keeps its span.

mod cause;
mod measures;
mod profile;
mod summary;
mod text;
mod timeline;
mod words;

pub use cause::{Causality, CausePart, CauseSentence};
pub use measures::{ActionItem, Attribute, Gap, Measures, Task, TaskList};
pub use profile::{Profile, WordRange};
pub use summary::{AffectedShare, Summary, WindowTime};
pub use text::{
    Passage, RunOrigin, RunText, TextRun, block_runs, find_ignore_ascii_case, for_each_passage,
    text_runs,
};
pub use timeline::{EntryTime, Milestones, Timeline, TimelineEntry, TimelineForm, WrittenZone};
pub use words::{block_words, document_words};

use crate::span::Span;
use serde::Serialize;
use std::sync::OnceLock;
use words::WordCounts;

/// A parsed postmortem. Parsing never fails: missing parts are `None` or empty.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// YAML (`---`) or TOML (`+++`) front matter, kept verbatim.
    pub front_matter: Option<Span>,
    pub title: Option<Heading>,
    /// Content between the title and the first recognised section. When a document has no
    /// summary heading, this opening text plays the summary's role.
    pub preamble: Vec<Block>,
    pub sections: Vec<Section>,
    /// The facts the issue summary states.
    pub summary: Summary,
    /// The timeline's entries, their times and what they record.
    pub timeline: Timeline,
    /// Broad improvements and specific tasks from the measures section(s).
    pub measures: Measures,
    /// Length of the source in bytes.
    pub len: u32,
    /// The images the document renders, Markdown or HTML, outside code and comments.
    #[serde(skip)]
    pub images: Vec<Image>,
    /// Words as a reader counts them, counted once: the statistics and the length rule both
    /// need them.
    #[serde(skip)]
    pub(crate) word_counts: OnceLock<WordCounts>,
    /// The tasks as action items, one per line, read by the parser when a rule first asks
    /// ([`crate::parse::action_items`]): only the `sre` profile's rules do.
    #[serde(skip)]
    pub(crate) action_items: OnceLock<Vec<ActionItem>>,
}

impl Document {
    /// The words of the title and opening text, and of each section.
    pub(crate) fn word_counts(&self) -> &WordCounts {
        self.word_counts.get_or_init(|| WordCounts::of(self))
    }

    /// The timeline section's heading, when the document has a timeline and nothing in it
    /// records `milestone`: where a finding about a missing milestone points.
    pub fn timeline_without(&self, milestone: impl Fn(&Milestones) -> bool) -> Option<Span> {
        let section = self.section(SectionKind::Timeline)?;
        (self.timeline.is_present() && !self.timeline.records(milestone))
            .then_some(section.heading.span)
    }

    /// The first section of `kind`, if any.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|section| section.kind == kind)
    }

    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(move |section| section.kind == kind)
    }

    /// The preamble's prose, when it stands in for a missing summary heading.
    pub fn unlabelled_summary(&self) -> Option<Span> {
        let mut prose = self
            .preamble
            .iter()
            .filter(|block| {
                matches!(
                    block.kind,
                    BlockKind::Paragraph { .. } | BlockKind::List { .. }
                )
            })
            .map(|block| block.span);
        let first = prose.next()?;
        Some(prose.fold(first, Span::cover))
    }
}

/// The canonical sections a postmortem may have, whatever the author called them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Summary,
    Impact,
    Timeline,
    RootCause,
    Resolution,
    Trigger,
    Detection,
    Measures,
    Lessons,
    /// A section the product does not model, kept as written.
    Other,
}

impl SectionKind {
    /// The heading a canonical document gives this section.
    pub const fn canonical_heading(self) -> &'static str {
        match self {
            SectionKind::Summary => "Issue Summary",
            SectionKind::Impact => "Impact",
            SectionKind::Timeline => "Timeline",
            SectionKind::RootCause => "Root Cause and Resolution",
            SectionKind::Resolution => "Resolution",
            SectionKind::Trigger => "Trigger",
            SectionKind::Detection => "Detection",
            SectionKind::Measures => "Corrective and Preventative Measures",
            SectionKind::Lessons => "Lessons Learned",
            SectionKind::Other => "",
        }
    }

    /// Kinds that may appear as labels inside a section of this kind without starting a new
    /// section (`**Root Cause:**` inside the summary, `### Resolution` inside the root cause).
    pub(crate) const fn admits_label(self, label: SectionKind) -> bool {
        matches!(
            (self, label),
            (
                SectionKind::Summary,
                SectionKind::Impact
                    | SectionKind::RootCause
                    | SectionKind::Resolution
                    | SectionKind::Trigger
                    | SectionKind::Detection
            ) | (
                SectionKind::RootCause,
                SectionKind::RootCause | SectionKind::Resolution | SectionKind::Trigger
            ) | (SectionKind::Measures, SectionKind::Measures)
                | (
                    SectionKind::Timeline,
                    SectionKind::Detection
                        | SectionKind::Resolution
                        | SectionKind::Trigger
                        | SectionKind::Impact
                )
        )
    }
}

/// How a heading was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingStyle {
    /// `## Timeline`
    Atx,
    /// `Timeline` underlined with `===` or `---`.
    Setext,
    /// `<h2>Timeline</h2>`
    Html,
    /// `**Timeline:**` alone on a line.
    Bold,
    /// `Timeline:` alone on a line of plain text.
    Plain,
}

/// A heading or a label used as one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// The heading's text without Markdown syntax.
    pub text: String,
    /// Levels 1 to 6; labels count as one level below the enclosing heading.
    pub level: u8,
    pub style: HeadingStyle,
    /// The whole heading line (or block) in the source.
    pub span: Span,
}

/// A part of the document under one heading.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub kind: SectionKind,
    pub heading: Heading,
    /// The section's depth in the outline: heading levels as written, a label one below the
    /// last heading.
    pub depth: u8,
    /// The index in [`Document::sections`] of the nearest earlier section with a lower depth.
    pub parent: Option<usize>,
    /// Whether the heading reads as a section's name, not as a sentence or a timeline entry
    /// that happens to contain a section's word.
    pub names_section: bool,
    /// From the heading to the end of the section's last block.
    pub span: Span,
    pub blocks: Vec<Block>,
    /// A root cause or resolution section's sentences, each with its role; empty for other
    /// sections.
    #[serde(skip)]
    pub sentences: Vec<CauseSentence>,
}

impl Section {
    /// The section's content after its heading.
    pub fn body_span(&self) -> Span {
        self.blocks
            .iter()
            .map(|block| block.span)
            .reduce(Span::cover)
            .unwrap_or(Span::empty(self.heading.span.end))
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(Block::is_blank)
    }
}

/// An image in the document: its address and where the address (or the image) is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub url: String,
    pub span: Span,
    /// Whether `span` covers exactly the address, so that an edit can replace it.
    pub exact: bool,
}

/// A top-level Markdown block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

impl Block {
    /// True for blocks a reader does not see as content (comments, rules).
    pub fn is_blank(&self) -> bool {
        match &self.kind {
            BlockKind::Html { text } => text.trim().is_empty() || is_comment(text),
            BlockKind::ThematicBreak => true,
            _ => false,
        }
    }
}

fn is_comment(html: &str) -> bool {
    let html = html.trim();
    html.starts_with("<!--") && html.ends_with("-->")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum BlockKind {
    Paragraph {
        lines: Vec<Line>,
    },
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// A heading inside a section that does not start a section of its own.
    Heading {
        heading: Heading,
    },
    Html {
        text: String,
    },
    Code {
        text: String,
    },
    Quote {
        text: String,
    },
    ThematicBreak,
}

/// One source line of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The line's text without Markdown syntax.
    pub text: String,
    pub span: Span,
    /// The whole line is strong emphasis (`**Impact:**`).
    pub bold: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListItem {
    /// The item's text without Markdown syntax; nested items follow on new lines.
    pub text: String,
    /// From the list marker to the end of the item.
    pub span: Span,
    /// `Some(done)` for a `- [ ]` or `- [x]` task.
    pub task: Option<bool>,
    /// The items of a list nested in this one, each with its own text, span and checkbox:
    /// the tasks under a `- **Tasks:**` label item.
    pub children: Vec<ListItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub text: String,
    pub span: Span,
}
