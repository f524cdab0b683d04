//! Plain text with its place in the source: what rules search for facts and wording.

use crate::model::{Block, BlockKind, Document};
use crate::span::Span;
use crate::text::strip_tags;
use serde::Serialize;
use std::borrow::Cow;

/// One line of rendered text (a paragraph line, a list item, a table row, a label) and the
/// source it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextRun {
    pub text: String,
    pub span: Span,
    pub origin: RunOrigin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunOrigin {
    Paragraph,
    ListItem,
    TableRow,
    Heading,
    Html,
}

impl TextRun {
    /// The source span of the first occurrence of `needle` in this run's source text, or the
    /// whole run when the source spells it differently (Markdown syntax in between).
    pub fn locate(&self, source: &str, needle: &str) -> Span {
        locate(self.span, source, needle)
    }
}

/// A text run that borrows its text from the model where it can: what rules read without
/// copying the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunText<'a> {
    pub text: Cow<'a, str>,
    pub span: Span,
    pub origin: RunOrigin,
}

impl RunText<'_> {
    /// As [`TextRun::locate`].
    pub fn locate(&self, source: &str, needle: &str) -> Span {
        locate(self.span, source, needle)
    }

    pub fn into_owned(self) -> TextRun {
        TextRun {
            text: self.text.into_owned(),
            span: self.span,
            origin: self.origin,
        }
    }
}

fn locate(span: Span, source: &str, needle: &str) -> Span {
    match find_ignore_ascii_case(span.text(source), needle) {
        Some(index) => {
            let start = span.start + Span::from_range(0..index).end;
            Span::new(start, start + Span::from_range(0..needle.len()).end)
        }
        None => span,
    }
}

/// Byte index of `needle` in `haystack`, ignoring ASCII case.
pub fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let first = needle.chars().next()?;
    let matches_at = |index: usize| {
        haystack
            .as_bytes()
            .get(index..index + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
    };
    // The first letter is looked for in each case on its own, which `match_indices` does a
    // machine word at a time; the earlier of the two first matches is the first match.
    let earliest = |letter: char| {
        haystack
            .match_indices(letter)
            .map(|(index, _)| index)
            .find(|&index| matches_at(index))
    };
    let lower = earliest(first.to_ascii_lowercase());
    let upper = first
        .is_ascii_alphabetic()
        .then(|| earliest(first.to_ascii_uppercase()))
        .flatten();
    lower.into_iter().chain(upper).min()
}

/// The text runs of some blocks, in order.
pub fn text_runs(blocks: &[Block]) -> Vec<TextRun> {
    let mut runs = Vec::new();
    for block in blocks {
        block_runs(block, |run| runs.push(run.into_owned()));
    }
    runs
}

/// Visits the text runs of one block, in order, without copying what the model holds.
pub fn block_runs<'a>(block: &'a Block, mut visit: impl FnMut(RunText<'a>)) {
    let mut push = |text: Cow<'a, str>, span: Span, origin: RunOrigin| {
        if !text.trim().is_empty() {
            visit(RunText { text, span, origin });
        }
    };
    match &block.kind {
        BlockKind::Paragraph { lines } => {
            for line in lines {
                push(Cow::Borrowed(&line.text), line.span, RunOrigin::Paragraph);
            }
        }
        BlockKind::List { items, .. } => {
            for item in items {
                push(Cow::Borrowed(&item.text), item.span, RunOrigin::ListItem);
            }
        }
        BlockKind::Table { rows, .. } => {
            for row in rows {
                let text = row
                    .iter()
                    .map(|cell| cell.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ");
                let span = row
                    .iter()
                    .map(|cell| cell.span)
                    .reduce(Span::cover)
                    .unwrap_or(block.span);
                push(Cow::Owned(text), span, RunOrigin::TableRow);
            }
        }
        BlockKind::Heading { heading } => push(
            Cow::Borrowed(&heading.text),
            heading.span,
            RunOrigin::Heading,
        ),
        BlockKind::Html { text } if !block.is_blank() => {
            push(
                Cow::Owned(strip_tags(text).trim().to_owned()),
                block.span,
                RunOrigin::Html,
            );
        }
        BlockKind::Quote { text } => push(Cow::Borrowed(text), block.span, RunOrigin::Paragraph),
        _ => {}
    }
}

/// Prose to read as sentences: a paragraph's lines joined, or one list item, table row or
/// heading, with the runs it came from.
pub struct Passage<'p, 'd> {
    pub text: &'p str,
    runs: &'p [RunText<'d>],
}

impl Passage<'_, '_> {
    /// The source span of `phrase`: in the run that holds it, or at its first word in the
    /// run that holds that, when the phrase crosses a line break.
    pub fn locate(&self, source: &str, phrase: &str) -> Span {
        let first_word = phrase.split_whitespace().next().unwrap_or(phrase);
        let holding = |needle: &str| {
            self.runs
                .iter()
                .find(|run| find_ignore_ascii_case(&run.text, needle).is_some())
        };
        if let Some(run) = holding(phrase) {
            return run.locate(source, phrase);
        }
        match holding(first_word) {
            Some(run) => run.locate(source, first_word),
            None => self.runs.first().map_or_else(Span::default, |run| run.span),
        }
    }
}

/// Visits the document's prose in order, including section headings (some authors write the
/// first paragraph on the heading's line).
pub fn for_each_passage<'d>(document: &'d Document, mut visit: impl FnMut(&Passage<'_, 'd>)) {
    let mut runs = Vec::new();
    let mut joined = String::new();
    for block in &document.preamble {
        visit_block(block, &mut runs, &mut joined, &mut visit);
    }
    for section in &document.sections {
        let heading = RunText {
            text: Cow::Borrowed(&section.heading.text),
            span: section.heading.span,
            origin: RunOrigin::Heading,
        };
        visit(&Passage {
            text: &heading.text,
            runs: std::slice::from_ref(&heading),
        });
        for block in &section.blocks {
            visit_block(block, &mut runs, &mut joined, &mut visit);
        }
    }
}

/// A paragraph is one passage, its lines joined; any other block is a passage per run.
fn visit_block<'d>(
    block: &'d Block,
    runs: &mut Vec<RunText<'d>>,
    joined: &mut String,
    visit: &mut impl FnMut(&Passage<'_, 'd>),
) {
    runs.clear();
    block_runs(block, |run| runs.push(run));
    if matches!(block.kind, BlockKind::Paragraph { .. }) {
        joined.clear();
        for (index, run) in runs.iter().enumerate() {
            if index > 0 {
                joined.push(' ');
            }
            joined.push_str(&run.text);
        }
        visit(&Passage { text: joined, runs });
    } else {
        for run in runs.iter() {
            visit(&Passage {
                text: &run.text,
                runs: std::slice::from_ref(run),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_match_in_any_case() {
        let naive = |haystack: &str, needle: &str| {
            (!needle.is_empty() && needle.len() <= haystack.len())
                .then(|| {
                    haystack
                        .as_bytes()
                        .windows(needle.len())
                        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
                })
                .flatten()
        };
        for (haystack, needle) in [
            ("The Resolution and the resolution", "resol"),
            ("xx RESOL resol", "Resol"),
            ("é Été été", "été"),
            ("abc", "abcd"),
            ("abc", ""),
            ("a-b a-B", "A-b"),
            ("123 12", "12"),
            ("rrresolve", "rESOLVE"),
        ] {
            assert_eq!(
                find_ignore_ascii_case(haystack, needle),
                naive(haystack, needle),
                "{needle:?} in {haystack:?}"
            );
        }
    }
}
