//! The `<li>` items of an HTML block, placed in the source: one reader for the timeline and
//! the measures.

use crate::model::Block;
use crate::span::Span;
use crate::text::html_list_items;

/// The `<li>` items of an HTML block whose text is `html`, as (span, text), the empty ones
/// left out. An item's span is its own when the block's text is its source (up to the line
/// ending after it, which the block's span leaves out); when the block sits in a list item or
/// a quote, its text lacks the container's markers, so every item gets the block's span.
pub(super) fn html_block_items(source: &str, block: &Block, html: &str) -> Vec<(Span, String)> {
    let written = block.span.text(source);
    let text_is_source = html
        .strip_prefix(written)
        .is_some_and(|after| after.trim().is_empty());
    html_list_items(html)
        .into_iter()
        .filter(|item| !item.text.is_empty())
        .map(|item| {
            let span = if text_is_source {
                let end = item.range.end.min(written.len());
                let within = Span::from_range(item.range.start.min(end)..end);
                Span::new(
                    block.span.start.saturating_add(within.start),
                    block.span.start.saturating_add(within.end),
                )
            } else {
                block.span
            };
            (span, item.text)
        })
        .collect()
}
