//! HTML as text: the browser's tokenizer, where comments end, the words of a fragment without
//! its tags or comments, and the items of its lists.

mod list_items;
mod tokenizer;

pub(crate) use list_items::html_list_items;
pub(crate) use tokenizer::{
    Attribute, Token, Tokenizer, decode_entities, is_character_reference, is_html_whitespace,
};

use std::ops::Range;

/// The text of an HTML fragment with its tags removed.
pub(crate) fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for character in html.chars() {
        match character {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(character),
            _ => {}
        }
    }
    text
}

/// The fragment without its `<!-- comments -->`.
pub(crate) fn without_comments(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut kept_from = 0;
    for comment in comment_ranges(html) {
        text.push_str(&html[kept_from..comment.start]);
        kept_from = comment.end;
    }
    text.push_str(&html[kept_from..]);
    text
}

/// The byte ranges of the `<!-- comments -->` in some text, in order, one left open running
/// to the end. The one definition of a comment's extent outside a tag; the tokenizer ends its
/// comments the same way.
pub(crate) fn comment_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + text.get(from..)?.find("<!--")?;
        let end = comment_end(text, start).unwrap_or(text.len());
        from = end;
        Some(start..end)
    })
}

/// Where the comment whose `<!--` is at `start` ends: after its `-->`, which may share the
/// opener's dashes (`<!-->` and `<!--->` are whole comments, as the browser reads them), or
/// `None` if it is left open.
pub(crate) fn comment_end(text: &str, start: usize) -> Option<usize> {
    let after_bang = start + "<!".len();
    let close = text.get(after_bang..)?.find("-->")?;
    Some(after_bang + close + "-->".len())
}

#[cfg(test)]
mod tests {
    use super::{comment_end, comment_ranges, without_comments};

    #[test]
    fn comments_are_cut_out_where_the_browser_ends_them() {
        assert_eq!(without_comments("a<!-- b -->c<!-->d<!--->e"), "acde");
        assert_eq!(without_comments("a<!-- b --> c <!-- open"), "a c ");
        assert_eq!(
            comment_ranges("x<!--y-->z<!--").collect::<Vec<_>>(),
            [1..9, 10..14]
        );
        assert_eq!(comment_end("<!-- -- > -->", 0), Some(13));
        assert_eq!(comment_end("<!-- open", 0), None);
    }
}
