//! The document's words, counted once: the statistics and the length rule both need them.

use crate::model::{Block, BlockKind, Document, Section};
use crate::text::{count_words, strip_tags, without_comments};

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
    document.word_counts().total()
}

/// The words of a document: of its title and opening text, and of each of its sections.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordCounts {
    pub(crate) outside_sections: u32,
    /// A section's heading and blocks, for each section.
    pub(crate) sections: Vec<u32>,
}

impl WordCounts {
    pub(crate) fn of(document: &Document) -> Self {
        let title = document
            .title
            .as_ref()
            .map_or(0, |title| count_words(&title.text));
        Self {
            outside_sections: title + document.preamble.iter().map(block_words).sum::<u32>(),
            sections: document.sections.iter().map(section_words).collect(),
        }
    }

    pub(crate) fn total(&self) -> u32 {
        self.outside_sections + self.sections.iter().sum::<u32>()
    }
}

/// The words of a section: its heading and its blocks.
fn section_words(section: &Section) -> u32 {
    count_words(&section.heading.text) + section.blocks.iter().map(block_words).sum::<u32>()
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
}
