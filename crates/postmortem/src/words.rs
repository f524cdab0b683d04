//! Counting words as a reader counts them: prose only, no Markdown syntax, URLs, HTML tags,
//! comments, code or front matter.

use crate::model::{Block, BlockKind, Document, Section};
use crate::parse::strip_tags;

/// The number of words a reader sees in a piece of plain text.
pub fn count_words(text: &str) -> u32 {
    let count = split_whitespace(text)
        .filter(|token| is_word(token))
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// A token counts when it has a letter or digit and is not a URL or a path.
fn is_word(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    !token.is_empty()
        && !token.as_bytes().windows(3).any(|window| window == b"://")
        && !token.starts_with("www.")
        && !token.starts_with("mailto:")
}

/// The pieces [`str::split_whitespace`] gives, found a byte at a time: only non-ASCII
/// characters are decoded.
pub(crate) fn split_whitespace(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = run_end(text, at, true);
        at = run_end(text, start, false);
        (start < at).then(|| &text[start..at])
    })
}

/// The end of the run of whitespace (or, with `whitespace` false, of other characters) that
/// starts at `at`, a char boundary.
fn run_end(text: &str, mut at: usize, whitespace: bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(at) {
        let (is_space, width) = if byte.is_ascii() {
            (byte.is_ascii_whitespace() || byte == b'\x0B', 1)
        } else {
            let character = text[at..].chars().next().unwrap_or_default();
            (character.is_whitespace(), character.len_utf8())
        };
        if is_space != whitespace {
            break;
        }
        at += width;
    }
    at
}

/// Calls `read` with `word` in lowercase, without allocating when the word is short ASCII.
pub(crate) fn with_lowercase<R>(word: &str, read: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0_u8; 24];
    match buffer.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            read(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => read(&word.to_lowercase()),
    }
}

/// The words of one block as it renders.
pub fn block_words(block: &Block) -> u32 {
    match &block.kind {
        BlockKind::Paragraph { lines } => lines.iter().map(|line| count_words(&line.text)).sum(),
        BlockKind::List { items, .. } => items.iter().map(|item| count_words(&item.text)).sum(),
        BlockKind::Table { header, rows } => header
            .iter()
            .chain(rows.iter().flatten())
            .map(|cell| count_words(&cell.text))
            .sum(),
        BlockKind::Heading { heading } => count_words(&heading.text),
        BlockKind::Html { text } => count_words(&strip_tags(&without_comments(text))),
        BlockKind::Quote { text } => count_words(text),
        BlockKind::Code { .. } | BlockKind::ThematicBreak => 0,
    }
}

/// The document's words: title, headings and every block.
pub fn document_words(document: &Document) -> u32 {
    outside_sections_words(document) + document.sections.iter().map(section_words).sum::<u32>()
}

/// The words of the title and of the text before the first section.
pub(crate) fn outside_sections_words(document: &Document) -> u32 {
    let title = document
        .title
        .as_ref()
        .map_or(0, |title| count_words(&title.text));
    title + document.preamble.iter().map(block_words).sum::<u32>()
}

/// The words of a section: its heading and its blocks.
pub fn section_words(section: &Section) -> u32 {
    count_words(&section.heading.text) + section.blocks.iter().map(block_words).sum::<u32>()
}

fn without_comments(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn counts_prose_not_syntax_urls_tags_or_comments() {
        assert_eq!(
            count_words("The **database** was - slow, see https://example.com/x"),
            5
        );
        let document = parse(
            "---\ntitle: x y z\n---\n# Two words\n\n<!-- not counted at all -->\n\n<b>Three more words</b>\n\n- one\n- [ ] two\n\n```sh\ncode is not prose\n```\n\n```\nunlabelled fences hold prose\n```\n\n| Time | Event |\n|---|---|\n| 10:00 | up |\n",
        );
        assert_eq!(document_words(&document), 2 + 3 + 2 + 4 + 4);
    }

    #[test]
    fn splits_at_the_whitespace_std_splits_at() {
        for text in [
            "",
            "  one two\tthree\nfour\r\n",
            "a\u{b}b\u{c}c\u{a0}d\u{2003}e\u{3000}f\u{85}g",
            "café — naïve 😀 x\u{1c}y",
            " \u{a0} ",
        ] {
            let ours: Vec<&str> = split_whitespace(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }
}
