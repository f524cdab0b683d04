//! PM104 `duplicate-section`.

use crate::model::Section;
use crate::parse::classify_heading;
use crate::rule::prelude::*;
use crate::span::LineIndex;

declare_rule! {
    /// Reports a section that repeats an earlier one under the same name.
    ///
    /// It is the same section when it has the same kind and name (`Summary` and `Issue Summary`)
    /// at the same level of the outline, under the same parent.
    ///
    /// ## Why is this bad?
    /// Two summaries or two timelines split what belongs together, and readers (and the other
    /// checks) take the first one for the whole. It usually comes from pasting a template twice
    /// or from a closing recap written as a second section.
    ///
    /// Sections whose names differ (`Root Cause` in the summary, then `Root Cause and
    /// Resolution`), subsections (`### What went well` and `### What went wrong` under
    /// `## Lessons learned`) and sections under different parents (a timeline per incident) are
    /// not duplicates.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Timeline
    /// - 14:05 UTC - An alert fired.
    /// ## Root Cause and Resolution
    /// A bad deploy; we rolled it back.
    /// ## Timeline
    /// - 15:20 UTC - Checkout recovered.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// Checkout failed for all users.
    /// ## Root Cause
    /// A bad deploy.
    /// ## Timeline
    /// - 14:05 UTC - An alert fired.
    /// ## Root Cause and Resolution
    /// A bad deploy; we rolled it back at 15:20 UTC.
    /// ```
    pub DuplicateSection {
        code: "PM104",
        name: "duplicate-section",
        severity: Severity::Error,
        fixable: false,
    }
}

impl Rule for DuplicateSection {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let outline = outline(&context.document.sections);
        let mut line_index = None;
        for (index, entry) in outline.iter().enumerate() {
            let Some(key) = &entry.key else { continue };
            let first = outline[..index].iter().find(|earlier| {
                earlier.key.as_ref() == Some(key)
                    && earlier.section.depth == entry.section.depth
                    && earlier.section.parent == entry.section.parent
            });
            let Some(first) = first else { continue };
            let line_index = line_index.get_or_insert_with(|| LineIndex::new(context.source));
            let line = line_index
                .line_column(context.source, first.section.heading.span.start)
                .line;
            report.push(duplicate(entry.section, first.section, line));
        }
    }
}

fn duplicate(section: &Section, first: &Section, line: u32) -> Diagnostic {
    Diagnostic::new(
        &DuplicateSection::META,
        section.heading.span,
        format!(
            "`{}` repeats the `{}` section at line {line}",
            name(section),
            name(first)
        ),
    )
    .with_help("Merge it into the first one, or rename it for what it holds")
}

/// A heading's text without a trailing colon, for messages.
fn name(section: &Section) -> &str {
    section.heading.text.trim_end_matches([':', ';']).trim_end()
}

/// A section and what it is called, for recognised sections that read as section headings.
struct Entry<'d> {
    section: &'d Section,
    key: Option<(SectionKind, Vec<String>)>,
}

/// The sections with their names.
fn outline(sections: &[Section]) -> Vec<Entry<'_>> {
    // A name is only worked out for a kind of section that comes more than once: no other
    // section can repeat it.
    let mut kinds: Vec<SectionKind> = sections.iter().map(|section| section.kind).collect();
    kinds.sort_unstable();
    let repeated = |kind: SectionKind| {
        let first = kinds.partition_point(|&listed| listed < kind);
        kinds.get(first + 1) == Some(&kind)
    };
    sections
        .iter()
        .map(|section| Entry {
            section,
            key: (section.kind != SectionKind::Other
                && repeated(section.kind)
                && section.names_section)
                .then(|| (section.kind, name_key(&section.heading.text))),
        })
        .collect()
}

/// Words that do not change what a heading names.
const FILLER: &[&str] = &[
    "the", "a", "an", "of", "and", "our", "issue", "incident", "outage", "event", "events",
];

/// The significant words of a heading's name: lowercase, singular, without numbering, filler
/// words, notes in parentheses or a subtitle after a colon.
fn name_key(text: &str) -> Vec<String> {
    let text = text.split('(').next().unwrap_or_default();
    let name = match text.split_once(':') {
        Some((before, after)) if !after.trim().is_empty() => {
            if classify_heading(before).is_some() {
                before
            } else {
                after
            }
        }
        _ => text,
    };
    let mut words: Vec<String> = name
        .to_lowercase()
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()))
        .filter(|word| !FILLER.contains(word))
        .map(|word| {
            word.strip_suffix('s')
                .filter(|stem| stem.len() > 2)
                .unwrap_or(word)
                .to_owned()
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}
