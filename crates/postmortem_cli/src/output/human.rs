//! Human output: each finding as rustc prints one (rendered by `annotate-snippets`), then a
//! one-line summary.

use super::{Checked, Counts, Part};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use postmortem::{Diagnostic, LineIndex, Severity, Span};
use std::fmt::Write as _;

/// A file's findings, styled with ANSI escapes: the caller's stream strips them when colour is
/// off.
pub(crate) fn file(file: &Checked) -> String {
    let mut out = String::new();
    if file.validation.diagnostics.is_empty() {
        return out;
    }
    let renderer = if std::env::var_os("NO_GRAPHICS").is_some_and(|value| value == "1") {
        Renderer::styled().no_graphics(true)
    } else {
        Renderer::styled()
    };
    let index = LineIndex::new(&file.source);
    for diagnostic in &file.validation.diagnostics {
        let report = [group(&index, file, diagnostic)];
        let _ = writeln!(out, "{}\n", renderer.render(&report));
    }
    out
}

/// The files' findings, then a one-line summary.
pub(crate) fn write_report(parts: &[Part], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    for part in parts {
        out.write_all(part.text().as_bytes())?;
    }
    let counts = parts
        .iter()
        .fold(Counts::default(), |sum, part| sum.add(part.counts));
    out.write_all(summary(parts.len(), counts).as_bytes())
}

fn group<'a>(index: &LineIndex, file: &'a Checked, diagnostic: &'a Diagnostic) -> Group<'a> {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let (excerpt, first_line, range) = excerpt(index, &file.source, diagnostic.span);
    let snippet = Snippet::source(excerpt)
        .line_start(first_line)
        .path(file.path.as_str())
        .annotation(AnnotationKind::Primary.span(range).label(diagnostic.name()));
    let mut group = level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code())
        .element(snippet);
    if !diagnostic.help.is_empty() {
        group = group.element(Level::HELP.message(diagnostic.help.as_str()));
    }
    if let Some(fix) = &diagnostic.fix {
        group = group.element(Level::NOTE.message(format!("fixable with `--fix`: {}", fix.title)));
    }
    group
}

/// The whole lines the diagnostic's span covers, the 1-based number of the first, and the
/// span relative to them.
fn excerpt<'s>(
    index: &LineIndex,
    source: &'s str,
    span: Span,
) -> (&'s str, usize, std::ops::Range<usize>) {
    let first = index.line_of(span.start);
    // A span that ends just after a line break ends on the line before.
    let last = if span.end > span.start && index.line_start(index.line_of(span.end)) == span.end {
        index.line_of(span.end - 1)
    } else {
        index.line_of(span.end)
    };
    let start = index.line_start(first) as usize;
    let end = if last + 1 < index.line_count() {
        index.line_start(last + 1) as usize
    } else {
        source.len()
    };
    let excerpt = source.get(start..end).unwrap_or_default();
    let range = span.start as usize - start..(span.end as usize - start).min(excerpt.len());
    (excerpt, first + 1, range)
}

fn summary(files: usize, counts: Counts) -> String {
    let checked = plural(files, "file");
    if counts == Counts::default() {
        return format!("Checked {checked}: no problems found.\n");
    }
    format!(
        "Checked {checked}: {}, {}, {} info.\n",
        plural(counts.errors, "error"),
        plural(counts.warnings, "warning"),
        counts.infos,
    )
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_the_whole_lines_of_the_span() {
        let source = "one\ntwo three\nfour\n";
        let index = LineIndex::new(source);
        // "three": on line 2 only.
        assert_eq!(
            excerpt(&index, source, Span::new(8, 13)),
            ("two three\n", 2, 4..9)
        );
        // Lines 2 and 3 with the final line break: ends on line 3, not 4.
        assert_eq!(
            excerpt(&index, source, Span::new(4, 19)),
            ("two three\nfour\n", 2, 0..15)
        );
        // An insertion point at the very end.
        assert_eq!(excerpt(&index, source, Span::empty(19)), ("", 4, 0..0));
    }
}
