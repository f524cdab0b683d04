//! PM604 `unresolvable-image`.

use crate::rule::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

declare_rule! {
    /// Reports images that cannot render outside the repository they were written in.
    ///
    /// Those are images with a relative path, a file on the author's machine, or a link to a
    /// repository's page for the image instead of the image file.
    ///
    /// ## Why is this bad?
    /// A postmortem travels: it is pasted into a blog, an issue, a wiki, this app. A relative
    /// path (`./image.png`) only resolves next to the file it was written in, and a
    /// `github.com/.../blob/...` address is an HTML page, not an image, so readers see a broken
    /// image instead of the diagram.
    ///
    /// Both Markdown images (`![alt](url)`, reference images) and HTML `<img src=...>` are
    /// checked; absolute `https://` addresses of image files are fine.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ![Timeline of the outage](timeline_diagram.jpg)
    /// ```
    ///
    /// ```markdown,invalid
    /// # Checkout outage
    /// ![Diagram](https://github.com/acme/docs/blob/main/outage.png)
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ![Diagram](https://raw.githubusercontent.com/acme/docs/main/outage.png)
    /// <img src="https://example.com/outage.png" width="50%">
    /// ```
    ///
    /// ## Fix
    /// Replaces a GitHub or GitLab `blob` page address with the address of the raw file.
    /// Relative paths have no fix: only the author knows where the image is published.
    pub UnresolvableImage {
        code: "PM604",
        name: "unresolvable-image",
        severity: Severity::Warning,
        fixable: true,
    }
}

impl Rule for UnresolvableImage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        for image in images(context.source) {
            if let Some(problem) = problem(&image.url) {
                report.push(diagnostic(&image, problem));
            }
        }
    }
}

fn diagnostic(image: &Image, problem: Problem) -> Diagnostic {
    let url = &image.url;
    match problem {
        Problem::Empty => {
            Diagnostic::new(&UnresolvableImage::META, image.span, "Image has no address")
                .with_help("Add the image's `https://` address, or remove the image")
        }
        Problem::Relative => Diagnostic::new(
            &UnresolvableImage::META,
            image.span,
            format!("Image `{url}` has a relative path, which only resolves inside its repository"),
        )
        .with_help(
            "Link the image by an absolute `https://` address, such as \
             `https://raw.githubusercontent.com/<owner>/<repo>/<branch>/<path>`",
        ),
        Problem::Local => Diagnostic::new(
            &UnresolvableImage::META,
            image.span,
            format!("Image `{url}` is on the author's machine"),
        )
        .with_help("Publish the image and link it by an absolute `https://` address"),
        Problem::RepositoryPage { raw } => {
            let diagnostic = Diagnostic::new(
                &UnresolvableImage::META,
                image.span,
                "Image links to a repository page, not to the image file",
            );
            match raw {
                Some(raw) if image.exact => diagnostic
                    .with_help(format!("Link the file itself: `{raw}`"))
                    .with_fix(
                        "Link the raw image file",
                        vec![Edit::replace(image.span, raw)],
                    ),
                Some(raw) => diagnostic.with_help(format!("Link the file itself: `{raw}`")),
                None => {
                    diagnostic.with_help("Link the image file itself, not the page that shows it")
                }
            }
        }
    }
}

/// Why an image's address does not render elsewhere.
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    Empty,
    Relative,
    Local,
    /// A `github.com/.../blob/...` page, with the raw file's address when it can be derived.
    RepositoryPage {
        raw: Option<String>,
    },
}

fn problem(url: &str) -> Option<Problem> {
    let url = url.trim();
    if url.is_empty() {
        return Some(Problem::Empty);
    }
    if url.starts_with("//") {
        return None;
    }
    let Some((scheme, rest)) = url.split_once(':').filter(|(scheme, _)| is_scheme(scheme)) else {
        return Some(Problem::Relative);
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme.len() == 1 || scheme == "file" {
        // `C:\Users\...` or `file:///...`.
        return Some(Problem::Local);
    }
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.strip_prefix("//")?;
    let (address, query) = match rest.find(['?', '#']) {
        Some(index) => (&rest[..index], rest[index..].to_ascii_lowercase()),
        None => (rest, String::new()),
    };
    let (authority, path) = address.split_once('/').unwrap_or((address, ""));
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if host == "localhost" || host == "127.0.0.1" || host.rsplit('.').next() == Some("local") {
        return Some(Problem::Local);
    }
    repository_page(&host, path, &query)
}

/// A GitHub or GitLab page for a file (`/blob/`, `/tree/`) used as an image address.
fn repository_page(host: &str, path: &str, query: &str) -> Option<Problem> {
    if query.contains("raw=true") || query.contains("raw=1") {
        return None;
    }
    let segments: Vec<&str> = path.split('/').collect();
    match host {
        "github.com" | "www.github.com" => match segments.as_slice() {
            [owner, repo, "blob", reference, file @ ..] if !file.is_empty() => {
                Some(Problem::RepositoryPage {
                    raw: Some(format!(
                        "https://raw.githubusercontent.com/{owner}/{repo}/{reference}/{}",
                        file.join("/")
                    )),
                })
            }
            [_, _, "tree", ..] => Some(Problem::RepositoryPage { raw: None }),
            _ => None,
        },
        "gitlab.com" | "www.gitlab.com" => {
            let blob = segments.iter().position(|&segment| segment == "-")?;
            (segments.get(blob + 1) == Some(&"blob")).then(|| Problem::RepositoryPage {
                raw: Some(format!(
                    "https://gitlab.com/{}",
                    path.replacen("/-/blob/", "/-/raw/", 1)
                )),
            })
        }
        _ => None,
    }
}

/// `https`, `data`, `C`: letters, digits, `+`, `-`, `.`, starting with a letter.
fn is_scheme(scheme: &str) -> bool {
    scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// An image in the document: its address and where the address (or the image) is written.
struct Image {
    url: String,
    span: Span,
    /// Whether `span` covers exactly the address, so that an edit can replace it.
    exact: bool,
}

/// Every image the document renders, Markdown or HTML, outside code and comments.
fn images(source: &str) -> Vec<Image> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut images = Vec::new();
    let mut in_html_block = false;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                let span = url_span(source, &range, &dest_url);
                images.push(Image {
                    exact: span.text(source) == dest_url.as_ref(),
                    span,
                    url: dest_url.into_string(),
                });
            }
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                html_images(source, range, &mut images);
            }
            Event::End(TagEnd::HtmlBlock) => in_html_block = false,
            Event::InlineHtml(_) | Event::Html(_) if !in_html_block => {
                html_images(source, range, &mut images);
            }
            _ => {}
        }
    }
    images
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
