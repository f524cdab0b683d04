//! The `<li>` items of an HTML list, read through the tokenizer.

use super::{Token, Tokenizer};
use std::ops::Range;

/// One `<li>` of an HTML fragment.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct HtmlListItem {
    /// Where the item is written in the fragment: from its `<li>` up to what ends it.
    pub(crate) range: Range<usize>,
    /// Its text without tags or comments, each run of whitespace one space, trimmed.
    pub(crate) text: String,
}

/// The `<li>` items of an HTML fragment, in order. An item runs from its start tag to the
/// next `<li>`, its `</li>`, the end tag of a list (`</ul>`, `</ol>`, `</menu>`) or the end of
/// the fragment, whichever comes first; an item nested in another ends the outer one's text.
pub(crate) fn html_list_items(html: &str) -> Vec<HtmlListItem> {
    let mut items = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut tokenizer = Tokenizer::new(html);
    loop {
        let token_start = tokenizer.position();
        let Some(token) = tokenizer.next_token() else {
            break;
        };
        let ends_item = match &token {
            Token::StartTag { name, .. } => name == "li",
            Token::EndTag { name } => matches!(name.as_str(), "li" | "ul" | "ol" | "menu"),
            Token::Text(_) | Token::Ignored => false,
        };
        if ends_item && let Some((start, text)) = open.take() {
            items.push(item(start..token_start, &text));
        }
        match token {
            Token::StartTag { name, .. } if name == "li" => {
                open = Some((token_start, String::new()));
            }
            Token::Text(text) => {
                if let Some((_, item_text)) = &mut open {
                    item_text.push_str(text);
                }
            }
            _ => {}
        }
    }
    if let Some((start, text)) = open {
        items.push(item(start..html.len(), &text));
    }
    items
}

fn item(range: Range<usize>, text: &str) -> HtmlListItem {
    HtmlListItem {
        range,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::html_list_items;

    fn items(html: &str) -> Vec<(&str, String)> {
        html_list_items(html)
            .into_iter()
            .map(|item| (&html[item.range], item.text))
            .collect()
    }

    #[test]
    fn an_item_ends_at_its_end_tag_the_next_item_or_the_list_end() {
        let html = "<ul>\n<li>One <b>bold</b>\n word</li>\n<p>between</p>\n<li>Two\n<LI>Three <!-- x > y --> end</ul>after";
        assert_eq!(
            items(html),
            [
                ("<li>One <b>bold</b>\n word", "One bold word".to_owned()),
                ("<li>Two\n", "Two".to_owned()),
                ("<LI>Three <!-- x > y --> end", "Three end".to_owned()),
            ]
        );
    }

    #[test]
    fn a_nested_list_ends_its_parent_item_and_a_lone_item_runs_to_the_end() {
        assert_eq!(
            items("<li>Parent<ol><li>Child</li></ol></li><link rel=x><li>Last"),
            [
                ("<li>Parent<ol>", "Parent".to_owned()),
                ("<li>Child", "Child".to_owned()),
                ("<li>Last", "Last".to_owned()),
            ]
        );
        assert_eq!(
            items("<ul><li alt='<li>'>a > b</ul>"),
            [("<li alt='<li>'>a > b", "a > b".to_owned())]
        );
    }
}
