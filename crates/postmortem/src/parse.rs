//! Markdown → the typed model. Never fails: whatever the input, a [`Document`] comes out.

mod blocks;
mod sections;

pub use sections::classify_heading;

use crate::model::Document;
use crate::span::Span;

/// Parses a postmortem written in Markdown (or plain text) into its typed model.
pub fn parse(source: &str) -> Document {
    let blocks = blocks::read_blocks(source);
    let mut document = Document {
        front_matter: blocks.front_matter,
        len: Span::from_range(0..source.len()).end,
        ..Document::default()
    };
    sections::sectionize(blocks.blocks, &mut document);
    document
}
