//! Where a missing field goes: the places a canonical document gives it, found in the
//! document as written.

use super::markdown::{block_insertion, list_marker_len, trimmed};
use crate::config::Profile;
use crate::diagnostic::Edit;
use crate::model::{Block, BlockKind, Document, HeadingStyle, SectionKind};
use crate::span::Span;

/// The title goes first, after any front matter.
pub(super) fn title_offset(document: &Document) -> u32 {
    document
        .front_matter
        .map_or(0, |front_matter| front_matter.end)
}

/// A missing section goes after the last section of a kind the profile puts before it, or
/// else before the first section of a kind the profile puts after it, or else at the end.
pub(super) fn section_offset(
    source: &str,
    document: &Document,
    profile: Profile,
    kind: SectionKind,
) -> u32 {
    let end = Span::from_range(0..source.len()).end;
    let required = profile.required_sections();
    let Some(position) = required.iter().position(|&required| required == kind) else {
        return end;
    };
    let preceding = required[..position]
        .iter()
        .filter_map(|&kind| document.sections_of(kind).last())
        .map(|section| section.span.end)
        .max();
    let following = || {
        required[position + 1..]
            .iter()
            .filter_map(|&kind| document.section(kind))
            .map(|section| section.heading.span.start)
            .min()
    };
    preceding.or_else(following).unwrap_or(end)
}

/// A new section with its canonical heading, at its profile position. Its heading takes the
/// level of the document's other Markdown headings, `##` in a document that has none.
pub(super) fn new_section(
    source: &str,
    document: &Document,
    profile: Profile,
    kind: SectionKind,
    body: &str,
) -> Edit {
    let level = document
        .sections
        .iter()
        .find(|section| matches!(section.heading.style, HeadingStyle::Atx))
        .map_or(2, |section| section.heading.level.clamp(1, 6));
    let heading = format!("{} {}", "#".repeat(level.into()), profile.heading(kind));
    let block = if body.is_empty() {
        heading
    } else {
        format!("{heading}\n\n{body}")
    };
    let (span, replacement) = block_insertion(
        source,
        section_offset(source, document, profile, kind),
        &block,
    );
    Edit::replace(span, replacement)
}

/// A block at the end of a section's content (or under its heading when it is empty), or a
/// new section holding it when the document has none of `kind`.
pub(super) fn append_to_section(
    source: &str,
    document: &Document,
    profile: Profile,
    kind: SectionKind,
    block: &str,
) -> Edit {
    match document.section(kind) {
        Some(section) => {
            let end = section
                .blocks
                .last()
                .map_or(section.heading.span.end, |last| {
                    trimmed(source, last.span).end
                });
            let (span, replacement) = block_insertion(source, end, block);
            Edit::replace(span, replacement)
        }
        None => new_section(source, document, profile, kind, block),
    }
}

/// A labelled fact (`**End:** 15:20 UTC`) added to the summary as a list item: continuing the
/// summary's last list, or starting a list after its last block, or in a new summary section.
pub(super) fn summary_fact(
    source: &str,
    document: &Document,
    profile: Profile,
    item: &str,
) -> Edit {
    let last_block = match document.section(SectionKind::Summary) {
        Some(section) => section.blocks.last(),
        None => document.unlabelled_summary().and_then(|_| {
            document.preamble.iter().rev().find(|block| {
                matches!(
                    block.kind,
                    BlockKind::Paragraph { .. } | BlockKind::List { .. }
                )
            })
        }),
    };
    match last_block {
        Some(block) => after_block(source, block, item),
        None => match document.section(SectionKind::Summary) {
            Some(section) => {
                let (span, replacement) =
                    block_insertion(source, section.heading.span.end, &format!("- {item}"));
                Edit::replace(span, replacement)
            }
            None => new_section(
                source,
                document,
                profile,
                SectionKind::Summary,
                &format!("- {item}"),
            ),
        },
    }
}

fn after_block(source: &str, block: &Block, item: &str) -> Edit {
    let end = trimmed(source, block.span).end;
    if let BlockKind::List { items, .. } = &block.kind
        && let Some(last) = items.last()
    {
        let written = last.span.text(source);
        let marker = written
            .trim_start()
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '*' | '+'));
        if list_marker_len(written) > 0 && super::markdown::starts_line(source, last.span.start) {
            let indent = &source[super::markdown::line_start(source, last.span.start) as usize
                ..last.span.start as usize];
            return Edit::insert(end, format!("\n{indent}{} {item}", marker.unwrap_or('-')));
        }
    }
    let (span, replacement) = block_insertion(source, end, &format!("- {item}"));
    Edit::replace(span, replacement)
}

/// Where a missing summary fact goes.
pub(super) fn summary_fact_offset(source: &str, document: &Document, profile: Profile) -> u32 {
    summary_fact(source, document, profile, "").span.start
}

/// Where a missing zone goes: after the outage's end (or start), else with the facts.
pub(super) fn zone_offset(source: &str, document: &Document, profile: Profile) -> u32 {
    let summary = &document.summary;
    summary.end.as_ref().or(summary.start.as_ref()).map_or_else(
        || summary_fact_offset(source, document, profile),
        |time| time.span.end,
    )
}

/// Improvements go before the first task list of the measures section, or at its end.
pub(super) fn improvements_edit(
    source: &str,
    document: &Document,
    profile: Profile,
    markdown: &str,
) -> Edit {
    let Some(section) = document.section(SectionKind::Measures) else {
        return new_section(source, document, profile, SectionKind::Measures, markdown);
    };
    let first_list = document
        .measures
        .task_lists
        .iter()
        .map(|list| list.span.start)
        .find(|&start| start >= section.span.start && start <= section.span.end);
    match first_list {
        Some(start) => {
            let start = super::markdown::line_start(source, start);
            let (span, replacement) = block_insertion(source, start, markdown);
            Edit::replace(span, replacement)
        }
        None => append_to_section(source, document, profile, SectionKind::Measures, markdown),
    }
}

pub(super) fn improvements_offset(source: &str, document: &Document, profile: Profile) -> u32 {
    improvements_edit(source, document, profile, "").span.start
}
