//! HTML as text: the browser's tokenizer, and the words of a fragment without its tags or
//! comments.

mod tokenizer;

pub(crate) use tokenizer::{
    Attribute, Token, Tokenizer, decode_entities, is_character_reference, is_html_whitespace,
};

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
