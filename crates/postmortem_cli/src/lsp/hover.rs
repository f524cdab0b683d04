//! Hover on a finding: what is wrong there, and the rule's documentation from the catalogue.

use super::documents::Document;
use super::positions::Positions;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use postmortem::Span;
use std::fmt::Write as _;

/// The findings whose span holds `position` (or touches it, for a finding at an empty span),
/// each with its rule's documentation, once per rule.
pub(crate) fn hover(
    document: &Document,
    positions: &Positions,
    position: Position,
) -> Result<Option<Hover>, String> {
    let offset = positions
        .offset(position)
        .map_err(|error| error.to_string())?;
    let here: Vec<_> = document
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.span.start <= offset && offset <= diagnostic.span.end)
        .collect();
    let Some(first) = here.first() else {
        return Ok(None);
    };
    let mut markdown = String::new();
    let mut shown_rules = Vec::new();
    for diagnostic in &here {
        let meta = diagnostic.rule;
        let _ = write!(
            markdown,
            "**{}** `{}` ({})\n\n{}\n\n",
            meta.code, meta.name, diagnostic.severity, diagnostic.message
        );
        if !diagnostic.help.is_empty() {
            let _ = write!(markdown, "*Help:* {}\n\n", diagnostic.help);
        }
    }
    for diagnostic in &here {
        let meta = diagnostic.rule;
        if shown_rules.contains(&meta.code) {
            continue;
        }
        shown_rules.push(meta.code);
        let _ = write!(
            markdown,
            "---\n\n### {} {}\n\n{}\n",
            meta.code,
            meta.name,
            meta.markdown().trim()
        );
    }
    let covered = here
        .iter()
        .map(|diagnostic| diagnostic.span)
        .fold(first.span, Span::cover);
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown.trim_end().to_owned(),
        }),
        range: Some(positions.range(covered)),
    }))
}
