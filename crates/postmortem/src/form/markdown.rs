//! Small pieces of Markdown text: lines and their extents, list markers, and what a value typed
//! into the form becomes once written into a document without changing its structure.

use crate::span::Span;

/// Joins a multi-line value into one line: a single-line field (a title, a timeline entry, a
/// task) must not spill into the blocks after it.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A one-line value written at the start of a line, escaped where it would otherwise open
/// another block (`# heading`, `> quote`, `- item`, `1. item`, `| table`, a fence).
pub(super) fn escape_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    if starts_block(trimmed) {
        format!("\\{trimmed}")
    } else {
        line.to_owned()
    }
}

/// A multi-line Markdown value written as a section's body: kept as typed, except lines that
/// would open a section of their own (a heading, a setext underline, an HTML heading).
pub(super) fn escape_body(markdown: &str) -> String {
    let lines: Vec<String> = markdown
        .trim_matches('\n')
        .lines()
        .map(|line| {
            let content = line.trim_start();
            let indent = line.len() - content.len();
            let opens_section = indent < 4
                && (content.starts_with('#') || is_underline(content) || is_html_heading(content));
            if opens_section {
                format!("{}\\{}", &line[..indent], content.trim_end())
            } else {
                line.trim_end().to_owned()
            }
        })
        .collect();
    lines.join("\n")
}

/// A value written inside a table cell: one line, with its pipes escaped.
pub(super) fn table_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// `<h1>` to `<h6>`, in either case.
fn is_html_heading(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 2
        && bytes[0] == b'<'
        && bytes[1].eq_ignore_ascii_case(&b'h')
        && (b'1'..=b'6').contains(&bytes[2])
}

fn starts_block(trimmed: &str) -> bool {
    trimmed.starts_with(['#', '>', '<', '|', '`', '~', '='])
        || ["- ", "* ", "+ "]
            .iter()
            .any(|marker| trimmed.starts_with(marker))
        || matches!(trimmed, "-" | "*" | "+")
        || is_underline(trimmed)
        || ordered_marker_len(trimmed).is_some()
}

/// A line of `=`, `-`, `*` or `_` only: a setext underline or a thematic break.
fn is_underline(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '=' | '-' | '*' | '_' | ' '))
}

/// The length of an ordered list marker (`12.` or `3)`), without the space after it.
pub(super) fn ordered_marker_len(text: &str) -> Option<usize> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && digits <= 9 && text[digits..].starts_with(['.', ')'])).then_some(digits + 1)
}

/// The byte length of a list marker and the spaces after it at the start of `text` (after any
/// indentation), or 0 when the text is not a list item.
pub(super) fn list_marker_len(text: &str) -> usize {
    let content = text.trim_start();
    let indent = text.len() - content.len();
    let marker = if content.starts_with(['-', '*', '+']) && content[1..].starts_with([' ', '\t']) {
        1
    } else {
        match ordered_marker_len(content) {
            Some(length) if content[length..].starts_with([' ', '\t']) => length,
            _ => return 0,
        }
    };
    let spaces = content[marker..].len() - content[marker..].trim_start_matches([' ', '\t']).len();
    indent + marker + spaces
}

/// The byte length of a task checkbox (`[ ]`, `[x]`, `[X]`) and the spaces after it at the
/// start of `text`, if there is one.
pub(super) fn checkbox_len(text: &str) -> Option<usize> {
    let rest = text
        .strip_prefix("[ ]")
        .or_else(|| text.strip_prefix("[x]"))
        .or_else(|| text.strip_prefix("[X]"))?;
    Some(3 + rest.len() - rest.trim_start_matches([' ', '\t']).len())
}

/// The start of the line `offset` is on.
pub(super) fn line_start(source: &str, offset: u32) -> u32 {
    let offset = (offset as usize).min(source.len());
    source
        .get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |index| Span::from_range(0..index + 1).end)
}

/// The end of the line `offset` is on, before its line break.
pub(super) fn line_end(source: &str, offset: u32) -> u32 {
    let offset = (offset as usize).min(source.len());
    let end = source
        .get(offset..)
        .and_then(|after| after.find('\n'))
        .map_or(source.len(), |index| offset + index);
    Span::from_range(0..end).end
}

/// The whole lines `span` touches, with the line break that ends the last one when there is
/// one: what a row or a task occupies when it is removed or moved.
pub(super) fn line_block(source: &str, span: Span) -> Span {
    let start = line_start(source, span.start);
    let end = line_end(source, span.end.max(span.start));
    let end = if (end as usize) < source.len() {
        end + 1
    } else {
        end
    };
    Span::new(start, end)
}

/// `span` without the whitespace at either end of its text.
pub(super) fn trimmed(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let leading = text.len() - text.trim_start().len();
    let kept = text.trim().len();
    let start = span.start + Span::from_range(0..leading).end;
    Span::new(start, start + Span::from_range(0..kept).end)
}

/// Whether only spaces stand between the start of the line and `offset`.
pub(super) fn starts_line(source: &str, offset: u32) -> bool {
    let start = line_start(source, offset);
    source
        .get(start as usize..offset as usize)
        .is_some_and(|before| before.trim().is_empty())
}

/// An insertion of `block` at `offset` as a block of its own: separated from the text before
/// and after by one blank line, and ending the document with a line break when it is last.
pub(super) fn block_insertion(source: &str, offset: u32, block: &str) -> (Span, String) {
    let offset = offset.min(Span::from_range(0..source.len()).end);
    let before = source.get(..offset as usize).unwrap_or_default();
    let after = source.get(offset as usize..).unwrap_or_default();
    let leading = if before.trim().is_empty() || before.ends_with("\n\n") {
        ""
    } else if before.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let trailing = if after.is_empty() {
        "\n"
    } else if let Some(rest) = after.strip_prefix('\n') {
        if rest.starts_with('\n') || rest.trim().is_empty() {
            ""
        } else {
            "\n"
        }
    } else {
        "\n\n"
    };
    (Span::empty(offset), format!("{leading}{block}{trailing}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_list_markers_and_checkboxes() {
        assert_eq!(list_marker_len("- x"), 2);
        assert_eq!(list_marker_len("  * x"), 4);
        assert_eq!(list_marker_len("12. x"), 4);
        assert_eq!(list_marker_len("-x"), 0);
        assert_eq!(list_marker_len("10:00 AM"), 0);
        assert_eq!(checkbox_len("[x]  done"), Some(5));
        assert_eq!(checkbox_len("[y] no"), None);
    }

    #[test]
    fn escapes_what_would_open_a_block() {
        assert_eq!(escape_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line_start("2. not a list"), "\\2. not a list");
        assert_eq!(escape_line_start("plain"), "plain");
        assert_eq!(
            escape_body("text\n## Timeline\n---\n    # code"),
            "text\n\\## Timeline\n\\---\n    # code"
        );
        assert_eq!(table_cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn separates_inserted_blocks_by_one_blank_line() {
        assert_eq!(block_insertion("", 0, "# T").1, "# T\n");
        assert_eq!(block_insertion("a\n", 2, "b").1, "\nb\n");
        assert_eq!(block_insertion("a\n\nc\n", 1, "b").1, "\n\nb");
        assert_eq!(block_insertion("a\nc\n", 2, "b").1, "\nb\n\n");
    }

    #[test]
    fn finds_line_blocks() {
        let source = "a\nbc\nd";
        assert_eq!(line_block(source, Span::new(3, 4)), Span::new(2, 5));
        assert_eq!(line_block(source, Span::new(5, 6)), Span::new(5, 6));
    }
}
