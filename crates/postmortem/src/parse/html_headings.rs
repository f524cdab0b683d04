//! HTML blocks that hold section headings, read as the author meant them.
//!
//! Writers mix HTML headings into Markdown: `<h3>Issue Summary</h3>` on one line and the
//! section's text on the next. `CommonMark` keeps everything up to the next blank line in one
//! HTML block, so the text, and a list under `<h3>Timeline</h3>`, would be raw HTML to the
//! checks although a reader sees a heading and a section. Such a block is split at its heading
//! lines, and the lines between them are read as Markdown. A Markdown heading taken into an
//! HTML block (`## Impact` on the line under an `<img>`) is a heading line too.

use crate::text::comment_end;
use std::ops::Range;

/// A part of an HTML block: a line that is a whole HTML heading, or the lines between them.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Piece {
    Heading(Range<usize>),
    Markdown(Range<usize>),
}

/// The pieces of the HTML block at `block` in `source`, when it holds a heading line; `None`
/// leaves the block as it is. Blocks whose content is not markup (`<pre>`, `<script>`,
/// comments) are never split: a heading inside them is not one.
pub(super) fn split(source: &str, block: Range<usize>) -> Option<Vec<Piece>> {
    let text = &source[block.clone()];
    if holds_raw_text(text) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut markdown: Option<Range<usize>> = None;
    let mut in_comment = false;
    let mut headings = 0;
    let mut offset = block.start;
    for line in text.split_inclusive('\n') {
        let range = offset..offset + line.len();
        offset = range.end;
        let was_in_comment = in_comment;
        in_comment = ends_inside_comment(line, in_comment);
        if !was_in_comment && is_heading_line(line) {
            pieces.extend(markdown.take().map(Piece::Markdown));
            let indent = line.len() - line.trim_start().len();
            pieces.push(Piece::Heading(
                range.start + indent..range.start + line.trim_end().len(),
            ));
        } else if !was_in_comment && is_atx_heading(line) {
            // Read alone: with the HTML above it, it would be taken in again.
            pieces.extend(markdown.take().map(Piece::Markdown));
            pieces.push(Piece::Markdown(range));
            headings += 1;
        } else {
            markdown = Some(markdown.map_or(range.clone(), |run| run.start..range.end));
        }
    }
    headings += pieces
        .iter()
        .filter(|piece| matches!(piece, Piece::Heading(_)))
        .count();
    if headings == 0 {
        return None;
    }
    pieces.extend(markdown.map(Piece::Markdown));
    Some(pieces)
}

/// `<h3>Timeline</h3>`, `<h2 id="impact">Impact</h2>`: a heading and nothing else on the line.
fn is_heading_line(line: &str) -> bool {
    let line = line.trim();
    let bytes = line.as_bytes();
    let [b'<', h, level, after, ..] = *bytes else {
        return false;
    };
    if !h.eq_ignore_ascii_case(&b'h')
        || !(b'1'..=b'6').contains(&level)
        || !matches!(after, b'>' | b' ' | b'\t')
    {
        return false;
    }
    let closing = [b'<', b'/', b'h', level, b'>'];
    bytes.len() >= closing.len() * 2
        && bytes[bytes.len() - closing.len()..].eq_ignore_ascii_case(&closing)
}

/// `## Issue Summary` under an `<img>` line: Markdown's own heading, which an HTML block
/// would take in as text up to the next blank line.
fn is_atx_heading(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    indent <= 3 && (1..=6).contains(&hashes) && rest[hashes..].starts_with([' ', '\t', '\n', '\r'])
}

/// Whether an HTML comment is still open after `line`, given whether one was open before it.
/// A comment opened on the line ends where the tokenizer ends it (`<!-->` is a whole one).
fn ends_inside_comment(line: &str, mut open: bool) -> bool {
    let mut rest = line;
    loop {
        if open {
            let Some(index) = rest.find("-->") else {
                return true;
            };
            rest = &rest[index + "-->".len()..];
            open = false;
        } else {
            let Some(start) = rest.find("<!--") else {
                return false;
            };
            let Some(end) = comment_end(rest, start) else {
                return true;
            };
            rest = &rest[end..];
        }
    }
}

/// The HTML blocks `CommonMark` reads as raw text, comments and declarations.
fn holds_raw_text(block: &str) -> bool {
    const RAW: [&str; 4] = ["<pre", "<script", "<style", "<textarea"];
    let start = block.trim_start();
    start.starts_with("<!")
        || start.starts_with("<?")
        || RAW.iter().any(|tag| {
            start
                .get(..tag.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(tag))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(source: &str) -> Option<Vec<(&'static str, &str)>> {
        let pieces = split(source, 0..source.len())?;
        Some(
            pieces
                .into_iter()
                .map(|piece| match piece {
                    Piece::Heading(range) => ("heading", &source[range]),
                    Piece::Markdown(range) => ("markdown", &source[range]),
                })
                .collect(),
        )
    }

    #[test]
    fn a_comment_ends_where_the_tokenizer_ends_it() {
        assert!(!ends_inside_comment("<!--> <h3>x</h3>", false));
        assert!(!ends_inside_comment("a --> b <!-- c -->", true));
        assert!(ends_inside_comment("<!-- a --> <!-- b", false));
        assert!(ends_inside_comment("still -- > open", true));
    }

    #[test]
    fn splits_a_block_at_its_heading_lines() {
        let source = "<h3>Impact</h3>\nAbout a third of sign-ins failed.\n<h3 class=\"x\">Timeline</H3>\n- 09:12 page\n";
        assert_eq!(
            pieces(source).unwrap(),
            [
                ("heading", "<h3>Impact</h3>"),
                ("markdown", "About a third of sign-ins failed.\n"),
                ("heading", "<h3 class=\"x\">Timeline</H3>"),
                ("markdown", "- 09:12 page\n"),
            ]
        );
    }

    #[test]
    fn a_heading_inside_other_markup_is_still_a_heading() {
        let source = "<div>\n  <h2>Root cause</h2>\n<p>A stale cache.</p>\n</div>\n";
        assert_eq!(
            pieces(source).unwrap(),
            [
                ("markdown", "<div>\n"),
                ("heading", "<h2>Root cause</h2>"),
                ("markdown", "<p>A stale cache.</p>\n</div>\n"),
            ]
        );
    }

    #[test]
    fn a_markdown_heading_taken_into_an_html_block_is_read_as_markdown() {
        let source = "<img src=\"outage.png\" alt=\"graph\">\n## Issue Summary\n";
        assert_eq!(
            pieces(source).unwrap(),
            [
                ("markdown", "<img src=\"outage.png\" alt=\"graph\">\n"),
                ("markdown", "## Issue Summary\n"),
            ]
        );
        assert_eq!(pieces("<div>\n#hashtag\n####### seven\n</div>\n"), None);
    }

    #[test]
    fn an_html_block_in_a_list_item_stays_whole() {
        let document = crate::parse("- <h3>Impact</h3>\n  About a third of sign-ins failed.\n");
        assert!(document.sections.is_empty(), "{:?}", document.sections);
        assert_eq!(document.preamble.len(), 1);
    }

    #[test]
    fn leaves_blocks_without_a_whole_heading_line_alone() {
        assert_eq!(pieces("<p>Impact</p>\ntext\n"), None);
        assert_eq!(pieces("<h3>Impact</h3> and more\ntext\n"), None);
        assert_eq!(pieces("<h7>Impact</h7>\ntext\n"), None);
        assert_eq!(pieces("<hr>\n"), None);
    }

    #[test]
    fn a_heading_in_a_comment_or_raw_text_is_not_one() {
        assert_eq!(pieces("<!--\n<h2>Timeline</h2>\n-->\n"), None);
        assert_eq!(pieces("<!--\n## Timeline\n-->\n"), None);
        assert_eq!(pieces("<pre>\n<h2>Timeline</h2>\n</pre>\n"), None);
        assert_eq!(
            pieces("<div><!-- draft\n<h2>Timeline</h2>\n--></div>\n"),
            None
        );
    }
}
