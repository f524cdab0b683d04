//! Markdown → the typed model. Never fails: whatever the input, a [`Document`] comes out.

mod action_items;
mod blocks;
mod cause_and_fix;
mod html_headings;
mod html_lists;
mod images;
mod measures;
mod milestones;
mod sections;
mod summary;
mod timeline;

pub use sections::classify_heading;
pub(crate) use timeline::time_column;

use crate::model::{ActionItem, Document, SectionKind};

/// The Markdown parser's events, for the preview: the one place outside the parser that reads
/// Markdown reads it through here, with the parser's own options, so that the preview shows
/// the document the checks read.
pub(crate) mod markdown {
    pub(crate) use pulldown_cmark::{
        Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd,
    };

    /// The events of `source`, as the parser reads it.
    pub(crate) fn events(source: &str) -> impl Iterator<Item = Event<'_>> {
        pulldown_cmark::Parser::new_ext(source, super::blocks::markdown_options(source))
    }
}
use crate::span::Span;

/// Whether `text` has more than `limit` whitespace-separated words. Reads only as far as the
/// word past the limit: labels are told from lines by their few words, and most lines are long.
pub(crate) fn exceeds_words(text: &str, limit: usize) -> bool {
    text.split_whitespace().nth(limit).is_some()
}

/// Parses a postmortem written in Markdown (or plain text) into its typed model.
pub fn parse(source: &str) -> Document {
    let blocks = blocks::read_blocks(source);
    let mut document = Document {
        front_matter: blocks.front_matter,
        images: blocks.images,
        len: Span::from_range(0..source.len()).end,
        ..Document::default()
    };
    sections::sectionize(blocks.blocks, &mut document);
    take_the_root_cause_part_by_content(&mut document);
    document.summary = summary::summary(source, &document);
    document.timeline = timeline::timeline(source, &document, &document.summary);
    document.measures = measures::measures(source, &document);
    for section in &mut document.sections {
        if matches!(
            section.kind,
            SectionKind::RootCause | SectionKind::Resolution
        ) {
            section.sentences = cause_and_fix::section_sentences(section);
        }
    }
    document
}

/// With no section named the root cause, the first section that plays its part by what it
/// says takes it (LABELS.md: "a whole section that plays the root-cause role ... is the root
/// cause and resolution section"). Its heading still names no section, so the rules about
/// headings (their names, order and repeats) leave it alone.
fn take_the_root_cause_part_by_content(document: &mut Document) {
    if document
        .sections
        .iter()
        .any(|section| section.kind == SectionKind::RootCause)
    {
        return;
    }
    if let Some(section) = document
        .sections
        .iter_mut()
        .find(|section| cause_and_fix::plays_the_root_cause_part(section))
    {
        section.kind = SectionKind::RootCause;
        section.names_section = false;
    }
}

/// The tasks of `document` (parsed from `source`) as action items, one per line (tasks read
/// twice from one line count once): read once, the first time they are asked for.
pub fn action_items<'d>(source: &str, document: &'d Document) -> &'d [ActionItem] {
    document
        .action_items
        .get_or_init(|| action_items::action_items(source, document))
}
