//! The images a document renders, read from the same Markdown events as its blocks.

use crate::model::Image;
use crate::span::Span;
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

/// The `src` of each `<img>` tag in some HTML, skipping comments.
fn html_images(source: &str, range: Range<usize>, images: &mut Vec<Image>) {
    let html = &source[range.clone()];
    let lowered = html.to_ascii_lowercase();
    let comments: Vec<Range<usize>> = lowered
        .match_indices("<!--")
        .map(|(start, _)| {
            start
                ..lowered[start..]
                    .find("-->")
                    .map_or(lowered.len(), |end| start + end + 3)
        })
        .collect();
    for (tag_start, _) in lowered.match_indices("<img") {
        if comments.iter().any(|comment| comment.contains(&tag_start))
            || lowered[tag_start + 4..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '/' && c != '>')
        {
            continue;
        }
        let tag_end = lowered[tag_start..]
            .find('>')
            .map_or(lowered.len(), |end| tag_start + end);
        match src_attribute(&html[tag_start + 4..tag_end]) {
            Some((offset, value)) => {
                let start = range.start + tag_start + 4 + offset;
                images.push(Image {
                    url: value.to_owned(),
                    span: Span::from_range(start..start + value.len()),
                    exact: true,
                });
            }
            None => images.push(Image {
                url: String::new(),
                span: Span::from_range(range.start + tag_start..range.start + tag_end),
                exact: false,
            }),
        }
    }
}

/// The value of the `src` attribute in a tag's attributes, and its offset: quoted with `"` or
/// `'`, or unquoted.
fn src_attribute(attributes: &str) -> Option<(usize, &str)> {
    let mut index = 0;
    let bytes = attributes.as_bytes();
    while index < bytes.len() {
        while index < bytes.len() && (bytes[index].is_ascii_whitespace() || bytes[index] == b'/') {
            index += 1;
        }
        let name_start = index;
        while index < bytes.len()
            && !bytes[index].is_ascii_whitespace()
            && !matches!(bytes[index], b'=' | b'>' | b'/')
        {
            index += 1;
        }
        let name = &attributes[name_start..index];
        while index < bytes.len() && bytes[index].is_ascii_whitespace() {
            index += 1;
        }
        if index >= bytes.len() || bytes[index] != b'=' {
            if name.is_empty() {
                index += 1;
            }
            continue;
        }
        index += 1;
        while index < bytes.len() && bytes[index].is_ascii_whitespace() {
            index += 1;
        }
        let (value_start, value_end) = if let Some(&quote @ (b'"' | b'\'')) = bytes.get(index) {
            let end = attributes[index + 1..]
                .find(char::from(quote))
                .map_or(attributes.len(), |end| index + 1 + end);
            (index + 1, end)
        } else {
            let end = attributes[index..]
                .find(|c: char| c.is_whitespace() || c == '>')
                .map_or(attributes.len(), |end| index + end);
            (index, end)
        };
        if name.eq_ignore_ascii_case("src") {
            return Some((value_start, &attributes[value_start..value_end]));
        }
        index = value_end + 1;
    }
    None
}
