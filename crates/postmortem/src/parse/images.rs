//! The images a document renders, read from the same Markdown events as its blocks.

use crate::model::Image;
use crate::span::Span;
use crate::text::{Token, Tokenizer};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// Collects the images of a document, Markdown or HTML, outside code and comments, as the
/// parser's events go by.
#[derive(Default)]
pub(crate) struct ImageReader {
    in_html_block: bool,
    pub(crate) images: Vec<Image>,
}

impl ImageReader {
    pub(crate) fn event(&mut self, source: &str, event: &Event<'_>, range: &Range<usize>) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                let span = url_span(source, range, dest_url);
                self.images.push(Image {
                    exact: span.text(source) == dest_url.as_ref(),
                    span,
                    url: dest_url.to_string(),
                });
            }
            Event::Start(Tag::HtmlBlock) => {
                self.in_html_block = true;
                html_images(source, range.clone(), &mut self.images);
            }
            Event::End(TagEnd::HtmlBlock) => self.in_html_block = false,
            Event::InlineHtml(_) | Event::Html(_) if !self.in_html_block => {
                html_images(source, range.clone(), &mut self.images);
            }
            _ => {}
        }
    }
}

/// Where `url` is written in the image at `range`, or the whole image when it is not written
/// there (a reference image).
fn url_span(source: &str, range: &Range<usize>, url: &str) -> Span {
    let written = &source[range.clone()];
    match written.rfind("](").and_then(|destination| {
        written[destination..]
            .find(url)
            .filter(|_| !url.is_empty())
            .map(|index| destination + index)
    }) {
        Some(index) => Span::from_range(range.start + index..range.start + index + url.len()),
        None => Span::from_range(range.clone()),
    }
}

/// The `src` of each `<img>` tag in some HTML, read as the browser's tokenizer reads it (the
/// renderer's), so comments hold no images and a `>` in a quoted attribute does not end the
/// tag. The span is where the value is written; when character references make it differ
/// from the address, it is not `exact`, so no fix rewrites it.
fn html_images(source: &str, range: Range<usize>, images: &mut Vec<Image>) {
    let Some(html) = source.get(range.clone()) else {
        return;
    };
    let in_source = |written: Range<usize>| {
        Span::from_range(range.start + written.start..range.start + written.end)
    };
    let mut tokenizer = Tokenizer::new(html);
    loop {
        let tag_start = tokenizer.position();
        let Some(token) = tokenizer.next_token() else {
            break;
        };
        let Token::StartTag {
            name, attributes, ..
        } = token
        else {
            continue;
        };
        if name != "img" {
            continue;
        }
        // The browser keeps the first of repeated attributes.
        let image = match attributes
            .into_iter()
            .find(|attribute| attribute.name == "src")
        {
            Some(src) => Image {
                exact: html.get(src.value_range.clone()) == Some(src.value.as_str()),
                span: in_source(src.value_range),
                url: src.value,
            },
            None => Image {
                url: String::new(),
                span: in_source(tag_start..tokenizer.position()),
                exact: false,
            },
        };
        images.push(image);
    }
}

#[cfg(test)]
mod tests {
    use super::html_images;

    /// The images `html_images` reads in `html`: address, the text its span covers, exact.
    fn images(html: &str) -> Vec<(String, &str, bool)> {
        let mut images = Vec::new();
        html_images(html, 0..html.len(), &mut images);
        images
            .into_iter()
            .map(|image| {
                let written = image.span.text(html);
                (image.url, written, image.exact)
            })
            .collect()
    }

    #[test]
    fn a_quoted_greater_than_sign_does_not_end_the_tag() {
        assert_eq!(
            images("<img alt=\"a>b\" src=x>"),
            [("x".to_owned(), "x", true)]
        );
    }

    #[test]
    fn an_image_in_a_comment_is_no_image() {
        assert_eq!(
            images("<!-- <img src=old.png> --><img src='new.png'>"),
            [("new.png".to_owned(), "new.png", true)]
        );
        assert_eq!(images("<!-- <img src=x> -- > <img src=y> -->"), []);
    }

    #[test]
    fn an_address_with_character_references_is_not_exact() {
        assert_eq!(
            images("<IMG SRC=\"a.png?x=1&amp;y=2\"><img alt=none>"),
            [
                ("a.png?x=1&y=2".to_owned(), "a.png?x=1&amp;y=2", false),
                (String::new(), "<img alt=none>", false)
            ]
        );
    }
}
