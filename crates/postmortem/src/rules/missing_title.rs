//! PM101 `missing-title`.

use crate::model::{Block, BlockKind, Document, Line};
use crate::parse::classify_heading;
use crate::rule::prelude::*;

declare_rule! {
    /// Reports a document with no title heading.
    ///
    /// ## Why is this bad?
    /// The title is the first thing a reader sees and what lists, links and search results
    /// show. Without a heading the document opens on its summary (or on a line of bold or plain
    /// text that only looks like a title), and its outline has nothing at the top.
    ///
    /// A title in the front matter (`title: ...`) counts: site generators render it.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users.
    /// ```
    ///
    /// ```markdown,invalid
    /// **Checkout outage of March 1**
    ///
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage of March 1
    ///
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users.
    /// ```
    ///
    /// ## Fix
    /// When the document opens on a short line of bold or plain text that reads as a title, turns
    /// it into a level-1 heading. A title cannot be made up, so a document with no such line has
    /// no fix.
    pub MissingTitle {
        code: "PM101",
        name: "missing-title",
        severity: Severity::Error,
        fixable: true,
        requirement: "sre.title",
    }
}

/// Lines longer than this are sentences, not titles.
const MAX_TITLE_WORDS: usize = 14;

impl Rule for MissingTitle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let (source, document) = (context.source, context.document);
        if document.title.is_some()
            || front_matter_title(source, document)
            || opens_with_html_title(document)
        {
            return;
        }
        let first_block = document.preamble.iter().find(|block| !block.is_blank());
        if let Some(diagnostic) = first_block.and_then(|block| text_title(source, block)) {
            report.push(diagnostic);
            return;
        }
        report.push(no_title(source, first_content(document).unwrap_or(0)));
    }
}

fn no_title(source: &str, offset: u32) -> Diagnostic {
    Diagnostic::new(
        &MissingTitle::META,
        line_at(source, offset),
        "No title heading",
    )
    .with_help("Add a level-1 heading (`# What broke, in a few words`) at the top")
}

/// A title written as a lone line of bold or plain text at the top: reported with a fix that
/// makes it a heading.
fn text_title(source: &str, block: &Block) -> Option<Diagnostic> {
    let BlockKind::Paragraph { lines } = &block.kind else {
        return None;
    };
    let [line] = lines.as_slice() else {
        return None;
    };
    if !reads_as_title(line) || in_code_block(source, line.span.start) {
        return None;
    }
    let written = line.span.text(source).trim_end();
    let line_span = Span::new(
        line.span.start,
        line.span.start + Span::from_range(0..written.len()).end,
    );
    if line.bold {
        let inner = strip_strong(written)?;
        return Some(
            Diagnostic::new(
                &MissingTitle::META,
                line_span,
                "The title is bold text, not a heading",
            )
            .with_help("Make it a level-1 heading")
            .with_fix(
                "Make the title a heading",
                vec![Edit::replace(line_span, format!("# {inner}"))],
            ),
        );
    }
    if written.contains(['*', '_', '`', '[', '<', '!', '#', '|']) {
        return None;
    }
    Some(
        Diagnostic::new(
            &MissingTitle::META,
            line_span,
            "The title is plain text, not a heading",
        )
        .with_help("Make it a level-1 heading")
        .with_fix(
            "Make the title a heading",
            vec![Edit::insert(line.span.start, "# ")],
        ),
    )
}

/// A short line that does not end like a sentence or a label, names no section, and is written
/// as a title: in title case, or naming the document ("Postmortem: ...", "Incident report").
fn reads_as_title(line: &Line) -> bool {
    const TITLE_WORDS: &[&str] = &["postmortem", "post-mortem", "incident", "outage", "report"];
    let text = line.text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    let long_words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let capitalised = long_words
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    let is_title_case = !long_words.is_empty() && capitalised * 2 > long_words.len();
    let names_the_document = words.iter().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        TITLE_WORDS.contains(&word.to_lowercase().as_str())
    });
    (1..=MAX_TITLE_WORDS).contains(&words.len())
        && !text.ends_with(['.', ':', ';', ',', '?'])
        && classify_heading(text).is_none()
        && (is_title_case || names_the_document)
}

/// Whether `offset` is inside a fenced or indented code block (whose prose the parser reads as
/// paragraphs), where a `#` would not make a heading.
fn in_code_block(source: &str, offset: u32) -> bool {
    let before = &source[..offset as usize];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    let indent = &before[line_start..];
    let fences = before
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            line.starts_with("```") || line.starts_with("~~~")
        })
        .count();
    fences % 2 == 1 || indent.starts_with('\t') || indent.starts_with("    ")
}

/// `inner` of `**inner**` or `__inner__`, when that is the whole line.
fn strip_strong(written: &str) -> Option<&str> {
    let inner = written
        .strip_prefix("**")
        .and_then(|rest| rest.strip_suffix("**"))
        .or_else(|| {
            written
                .strip_prefix("__")
                .and_then(|rest| rest.strip_suffix("__"))
        })?
        .trim();
    (!inner.is_empty() && !inner.contains("**") && !inner.contains("__")).then_some(inner)
}

/// Whether the front matter has a `title` (YAML `title: ...` or TOML `title = "..."`).
fn front_matter_title(source: &str, document: &Document) -> bool {
    let Some(front_matter) = document.front_matter else {
        return false;
    };
    front_matter.text(source).lines().any(|line| {
        line.strip_prefix("title")
            .map(str::trim_start)
            .and_then(|rest| rest.strip_prefix([':', '=']))
            .is_some_and(|value| !value.trim().trim_matches(['"', '\'']).is_empty())
    })
}

/// An HTML block that opens with `<h1>`: a title the parser keeps inside a larger HTML block.
fn opens_with_html_title(document: &Document) -> bool {
    let first = document.preamble.iter().find(|block| !block.is_blank());
    first.is_some_and(|block| match &block.kind {
        BlockKind::Html { text } => {
            let text = text.trim_start().to_ascii_lowercase();
            text.starts_with("<h1") && text.contains("</h1>")
        }
        _ => false,
    })
}

/// Where the document's content starts: its first visible block or heading.
fn first_content(document: &Document) -> Option<u32> {
    let block = document
        .preamble
        .iter()
        .find(|block| !block.is_blank())
        .map(|block| block.span.start);
    let heading = document
        .sections
        .first()
        .map(|section| section.heading.span.start);
    match (block, heading) {
        (Some(block), Some(heading)) => Some(block.min(heading)),
        (block, heading) => block.or(heading),
    }
}

/// The line holding `offset`, without its line break.
fn line_at(source: &str, offset: u32) -> Span {
    let start = source[..offset as usize]
        .rfind('\n')
        .map_or(0, |index| index + 1);
    let rest = &source[start..];
    let length = rest.find('\n').unwrap_or(rest.len());
    let line = &rest[..length];
    let indent = line.len() - line.trim_start().len();
    let end = start + line.trim_end().len();
    Span::from_range((start + indent).min(end)..end)
}
