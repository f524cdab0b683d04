//! Markdown to HTML that is safe to show: nothing in a document can run.
//!
//! [`to_html`] feeds the web app's preview, the package's `toHtml` and the CLI, and its output
//! goes into a page through `innerHTML`, so every document is treated as hostile. What it
//! guarantees is stated about the DOM the browser builds from the output, not about the
//! string; `tests/html_oracle.rs` and the `html` fuzz target check it with an HTML5 parser
//! (html5ever) reading the output as `innerHTML` does:
//!
//! - **The browser builds the tree that was written.** Every element is closed, in order, and
//!   written only where the HTML parser keeps it: no block inside an inline element or a
//!   paragraph, no `<li>` outside a list, no `<a>` inside `<a>` (a Markdown link inside a raw
//!   one is written as its text, and the other way round), tables holding only their own parts
//!   (a raw `<td>` gets the `<tbody>` and `<tr>` the parser would add; anything else there is
//!   dropped), and no nesting deeper than `MAX_DEPTH` (browsers flatten past 512). A raw tag
//!   that fits nowhere open is dropped, its text kept. So nothing is moved by the parser, which
//!   is where mutation XSS grows from.
//! - **Raw HTML stays inside the Markdown block it was written in.** A raw element is closed
//!   when the Markdown block or span it was opened in ends, and an inline one (`<a href>`,
//!   `<b>`, `<span>`…) or a paragraph at the end of the HTML block it was opened in, so that an
//!   unclosed `<a href>` on a line of its own cannot make the rest of the document one link.
//!   Blocks that hold blocks (`<div>`, `<details>`, a table cell) may wrap the Markdown that
//!   follows, as real documents use them, until their closing tag or their Markdown parent's
//!   end. A closing tag that matches nothing open there is dropped.
//! - **Only allowed elements and attributes.** Text, code and attribute values are always
//!   escaped, and the writer builds every tag itself. Raw HTML is sanitised rather than
//!   escaped, because real postmortems use it for layout (`<img width=50%>`, `<details>`,
//!   `<br>`, `<p align=center>`): a tokenizer that follows the browser's rules reads each tag,
//!   tags in `ALLOWED_TAGS` are written anew with only the attributes allowed for them, other
//!   tags are dropped but their text is kept, and the elements in `DROPPED_WITH_CONTENT`
//!   (script, style, svg, iframe…) are dropped with everything inside them, up to their
//!   closing tag or the end of their HTML block or Markdown span. Comments, doctypes and
//!   processing instructions are dropped; an unfinished tag is shown as text.
//! - **Links cannot run anything.** A link keeps its URL only if it is http, https, mailto or
//!   relative, judged after decoding entities and percent-escapes and removing whitespace and
//!   control characters, and gets `rel="noopener noreferrer nofollow"`.
//! - **Showing a document makes no request.** Images are placeholders by default (their
//!   description and address shown as text). [`Images::Https`] loads those with an absolute
//!   `https:` address and nothing else: no relative, same-origin or protocol-relative address,
//!   which would send a request the document chose to the embedding site's own origin.
//! - Nothing from a document becomes an `id`, `name`, `class`, `style` or event handler (ids
//!   and names could clobber the page's DOM), and headings get no ids.
//! - **The output is bounded.** It stops past 20 times the document's size (at least 64 KiB)
//!   or 200,000 elements, with everything open closed and a last paragraph,
//!   `<p class="truncated">`, saying that the preview stops there (`budget.rs`).
//! - **Time is linear in the input**: an end tag finds its element without a scan, and a tag
//!   cut off by the end of the input is read once (`tests/linear_time.rs`).
//! - Front matter (YAML `---` or TOML `+++`) is not rendered.

mod budget;
mod nesting;
mod url;

use crate::parse::markdown::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd,
};
use crate::text::{Attribute, Token, Tokenizer, is_character_reference, is_html_whitespace};
use budget::Budget;
use nesting::{Category, Content, MAX_DEPTH, category, markdown_element, reserved_depth};
use url::{is_absolute_https_url, is_safe_url};

/// Renders Markdown as HTML that is safe to insert with `innerHTML`, with placeholders for
/// images: showing it makes no request.
///
/// ```
/// let html = postmortem::html::to_html("Hi <b>there</b><script>alert(1)</script>");
/// assert_eq!(html, "<p>Hi <b>there</b></p>\n");
/// ```
pub fn to_html(markdown: &str) -> String {
    to_html_with(markdown, Images::Placeholder)
}

/// What the HTML does with a document's images.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Images {
    /// A placeholder instead of each image, showing its description and address as text, so
    /// that showing the HTML makes no request at all: a draft never tells a host who reads it.
    #[default]
    Placeholder,
    /// `<img>` for images with an absolute `https:` address, which the page showing the HTML
    /// loads (telling that host who looks, and when); a placeholder for every other image.
    Https,
}

/// [`to_html`], choosing what happens to images.
///
/// ```
/// use postmortem::html::{Images, to_html_with};
/// let markdown = "![Latency graph](https://example.com/graph.png) ![Local](/api/graph.png)";
/// let html = to_html_with(markdown, Images::Https);
/// assert!(html.contains("<img src=\"https://example.com/graph.png\""));
/// assert!(!html.contains("<img src=\"/api"));
/// assert!(html.contains("Image: Local (/api/graph.png)"));
/// ```
pub fn to_html_with(markdown: &str, images: Images) -> String {
    // The parser's own options, so the preview and the checks read the same document.
    let mut events = crate::parse::markdown::events(markdown);
    // The event and two ahead, so that a list item can see its task marker; a `Vec` of three
    // rather than a `VecDeque`, whose code the bundles would carry only for this.
    let mut window: Vec<Event<'_>> = events.by_ref().take(3).collect();
    let budget = Budget::for_markdown(markdown);
    let mut writer = HtmlWriter::new(images, budget.initial_capacity(markdown), budget);
    while !window.is_empty() {
        let event = window.remove(0);
        window.extend(events.next());
        writer.write_event(&event, &window);
        if writer.budget.charge(&writer.output) {
            break;
        }
    }
    writer.finish()
}

/// Raw HTML tags that are kept, each with the only attributes it may keep, sorted by name.
const ALLOWED_TAGS: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("b", &[]),
    ("blockquote", &[]),
    ("br", &[]),
    ("code", &[]),
    ("del", &[]),
    ("details", &["open"]),
    ("div", &["align"]),
    ("em", &[]),
    ("h1", &["align"]),
    ("h2", &["align"]),
    ("h3", &["align"]),
    ("h4", &["align"]),
    ("h5", &["align"]),
    ("h6", &["align"]),
    ("hr", &[]),
    ("i", &[]),
    ("img", &["src", "alt", "title", "width", "height"]),
    ("kbd", &[]),
    ("li", &[]),
    ("ol", &["start"]),
    ("p", &["align"]),
    ("pre", &[]),
    ("s", &[]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["align", "colspan", "rowspan"]),
    ("th", &["align", "colspan", "rowspan"]),
    ("thead", &[]),
    ("tr", &[]),
    ("u", &[]),
    ("ul", &[]),
];

/// Allowed tags that never have content or a closing tag.
const VOID_TAGS: &[&str] = &["br", "hr", "img"];

/// Elements dropped together with their content: it is script, style or foreign markup, or text
/// the page would never show. (`embed` is void, so dropping its tag is enough.)
const DROPPED_WITH_CONTENT: &[&str] = &[
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "plaintext",
    "script",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
];

/// Elements whose content the browser reads as text up to their closing tag, so a `<` inside
/// them starts no tag and must not end the dropping early.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

const LINK_REL: &str = " rel=\"noopener noreferrer nofollow\"";

/// Turns pulldown-cmark events into HTML, one event at a time.
struct HtmlWriter {
    output: String,
    /// Every element open in the output, Markdown's and the document's raw HTML alike,
    /// innermost last. Raw elements are closed before the Markdown element holding them.
    open: Vec<OpenElement>,
    /// Where the Markdown elements are in `open`: raw HTML closes only what it opened inside
    /// the innermost one.
    markdown_positions: Vec<usize>,
    /// For each tag of `ALLOWED_TAGS`, where its raw elements are in `open`, innermost last,
    /// so that an end tag finds its element (or that there is none) without a scan.
    raw_positions: Vec<Vec<usize>>,
    /// Open `<a>` elements: a link is never written inside a link.
    open_links: usize,
    /// Where in `open` the first element too deep to be written is: everything inside it is
    /// left out too, so that no table part or list item is written without its parent.
    too_deep_from: Option<usize>,
    dropped: Option<DroppedElement>,
    /// The text of the HTML block being read: a tag may span several of its lines.
    html_block: Option<String>,
    image: Option<PendingImage>,
    images: Images,
    in_metadata_block: bool,
    table: TableState,
    budget: Budget,
}

struct OpenElement {
    name: &'static str,
    /// The index in `ALLOWED_TAGS` of a raw element; `None` for Markdown's.
    raw_tag: Option<usize>,
    /// False for a Markdown element whose tags are left out, its content written in its
    /// parent: a link inside a link, or an element nested deeper than `MAX_DEPTH`.
    written: bool,
    /// What it may hold: its own content model, or its parent's when it is not written.
    content: Content,
}

/// An element of `DROPPED_WITH_CONTENT` whose content is being skipped.
struct DroppedElement {
    name: &'static str,
    /// Open elements of this name, so that `<svg><svg></svg>` is still dropped.
    nesting: usize,
    /// Markdown blocks and spans opened (and skipped) inside it: only a closing tag outside
    /// them ends it.
    skipped_markdown: usize,
}

/// An image whose alt text is being collected from the events inside it.
struct PendingImage {
    src: String,
    title: String,
    alt: String,
    nesting: usize,
}

#[derive(Default)]
struct TableState {
    alignments: Vec<Alignment>,
    cell_index: usize,
    in_head: bool,
    body_open: bool,
}

/// Where a tag is in `ALLOWED_TAGS`, which is sorted by name.
fn allowed_tag_index(name: &str) -> Option<usize> {
    ALLOWED_TAGS
        .binary_search_by(|(known, _)| (*known).cmp(name))
        .ok()
}

impl HtmlWriter {
    fn new(images: Images, capacity: usize, budget: Budget) -> Self {
        HtmlWriter {
            output: String::with_capacity(capacity),
            open: Vec::new(),
            markdown_positions: Vec::new(),
            raw_positions: ALLOWED_TAGS.iter().map(|_| Vec::new()).collect(),
            open_links: 0,
            too_deep_from: None,
            dropped: None,
            html_block: None,
            image: None,
            images,
            in_metadata_block: false,
            table: TableState::default(),
            budget,
        }
    }

    fn write_event(&mut self, event: &Event<'_>, following: &[Event<'_>]) {
        if self.in_metadata_block {
            self.in_metadata_block = !matches!(event, Event::End(TagEnd::MetadataBlock(_)));
            return;
        }
        if self.dropped.is_some() && self.skip_dropped_event(event) {
            return;
        }
        if self.image.is_some() {
            self.collect_image_event(event);
            return;
        }
        if let Some(html_block) = &mut self.html_block {
            match event {
                Event::Html(html) => {
                    html_block.push_str(html);
                    return;
                }
                Event::End(TagEnd::HtmlBlock) => {
                    let html = std::mem::take(html_block);
                    self.html_block = None;
                    self.write_raw_html(&html);
                    // Content dropped in an HTML block never outlives it, nor does an inline
                    // element or a paragraph opened there: what follows is another block.
                    self.dropped = None;
                    self.close_raw_phrasing();
                    return;
                }
                _ => {}
            }
        }
        match event {
            Event::Start(tag) => self.write_start(tag, following),
            Event::End(tag) => self.write_end(*tag),
            Event::Html(html) | Event::InlineHtml(html) => self.write_raw_html(html),
            Event::Rule => {
                self.make_room_for(Category::Block);
                self.output.push_str("<hr>\n");
            }
            _ => {
                self.make_room_for(Category::Phrasing);
                self.write_phrasing_event(event);
            }
        }
    }

    fn write_phrasing_event(&mut self, event: &Event<'_>) {
        let output = &mut self.output;
        match event {
            Event::Text(text) => escape_into(output, text),
            Event::Code(code) | Event::InlineMath(code) | Event::DisplayMath(code) => {
                output.push_str("<code>");
                escape_into(output, code);
                output.push_str("</code>");
            }
            Event::FootnoteReference(label) => {
                output.push_str("[^");
                escape_into(output, label);
                output.push(']');
            }
            Event::SoftBreak => output.push('\n'),
            Event::HardBreak => output.push_str("<br>\n"),
            // Named, so that a screen reader says "Task, checkbox, checked".
            Event::TaskListMarker(checked) => output.push_str(if *checked {
                "<input type=\"checkbox\" aria-label=\"Task\" disabled checked> "
            } else {
                "<input type=\"checkbox\" aria-label=\"Task\" disabled> "
            }),
            Event::Start(_)
            | Event::End(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Rule => {}
        }
    }

    /// Skips an event inside dropped content; returns false for the event that ends the
    /// Markdown span owning it, which must still be written.
    fn skip_dropped_event(&mut self, event: &Event<'_>) -> bool {
        let Some(dropped) = &mut self.dropped else {
            return false;
        };
        match event {
            Event::Start(_) => dropped.skipped_markdown += 1,
            Event::End(_) if dropped.skipped_markdown > 0 => dropped.skipped_markdown -= 1,
            Event::End(_) => {
                self.dropped = None;
                return false;
            }
            Event::Html(html) | Event::InlineHtml(html) => self.write_raw_html(html),
            _ => {}
        }
        true
    }

    fn collect_image_event(&mut self, event: &Event<'_>) {
        let Some(image) = &mut self.image else {
            return;
        };
        match event {
            Event::Start(_) => image.nesting += 1,
            Event::End(_) if image.nesting > 0 => image.nesting -= 1,
            Event::End(_) => {
                if let Some(image) = self.image.take() {
                    self.make_room_for(Category::Phrasing);
                    self.write_image(&image);
                }
            }
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => image.alt.push_str(text),
            Event::SoftBreak | Event::HardBreak => image.alt.push(' '),
            _ => {}
        }
    }

    fn write_start(&mut self, tag: &Tag<'_>, following: &[Event<'_>]) {
        match tag {
            Tag::Image {
                link_type,
                dest_url,
                title,
                ..
            } => {
                self.image = Some(PendingImage {
                    src: link_destination(*link_type, dest_url),
                    title: title.to_string(),
                    alt: String::new(),
                    nesting: 0,
                });
                return;
            }
            Tag::MetadataBlock(_) => {
                self.in_metadata_block = true;
                return;
            }
            Tag::HtmlBlock => {
                self.html_block = Some(String::new());
                return;
            }
            _ => {}
        }
        let name = markdown_element(tag);
        self.make_room_for(category(name));
        // A link inside a link (`[a <a href=x>b</a>](y)`, or the other way round) would make
        // the parser close the outer one; the inner one is written as its text.
        let fits = self.has_room_for(name);
        if !fits && self.too_deep_from.is_none() {
            self.too_deep_from = Some(self.open.len());
        }
        let written = fits && !(name == "a" && self.open_links > 0);
        self.push(name, None, written);
        if !written {
            return;
        }
        let output = &mut self.output;
        match tag {
            Tag::Paragraph => output.push_str("<p>"),
            Tag::Heading { level, .. } => {
                output.push('<');
                output.push_str(heading_element(*level));
                output.push('>');
            }
            Tag::BlockQuote(_) => output.push_str("<blockquote>\n"),
            Tag::CodeBlock(kind) => {
                output.push_str("<pre><code");
                if let CodeBlockKind::Fenced(info) = kind {
                    let language = code_language(info);
                    if !language.is_empty() {
                        output.push_str(" class=\"language-");
                        output.push_str(language);
                        output.push('"');
                    }
                }
                output.push('>');
            }
            Tag::List(Some(1)) => output.push_str("<ol>\n"),
            Tag::List(Some(start)) => {
                output.push_str("<ol start=\"");
                output.push_str(&start.to_string());
                output.push_str("\">\n");
            }
            Tag::List(None) => output.push_str("<ul>\n"),
            Tag::Item if starts_with_task_marker(following) => {
                output.push_str("<li class=\"task\">");
            }
            Tag::Item => output.push_str("<li>"),
            Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => {
                self.write_table_start(tag);
            }
            Tag::Emphasis => output.push_str("<em>"),
            Tag::Strong => output.push_str("<strong>"),
            Tag::Strikethrough => output.push_str("<del>"),
            Tag::Superscript => output.push_str("<sup>"),
            Tag::Subscript => output.push_str("<sub>"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => write_link_start(output, &link_destination(*link_type, dest_url), title),
            Tag::FootnoteDefinition(_) => output.push_str("<div>"),
            Tag::DefinitionList => output.push_str("<dl>\n"),
            Tag::DefinitionListTitle => output.push_str("<dt>"),
            Tag::DefinitionListDefinition => output.push_str("<dd>"),
            Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock => {}
        }
    }

    /// Table tags need state: the columns' alignments, and whether the body has begun.
    fn write_table_start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Table(alignments) => {
                self.table = TableState {
                    alignments: alignments.clone(),
                    ..TableState::default()
                };
                self.output.push_str("<table>\n");
            }
            Tag::TableHead => {
                self.table.in_head = true;
                self.table.cell_index = 0;
                self.output.push_str("<thead>\n<tr>");
            }
            Tag::TableRow => {
                self.table.cell_index = 0;
                if !self.table.body_open {
                    self.table.body_open = true;
                    self.output.push_str("<tbody>\n");
                }
                self.output.push_str("<tr>");
            }
            Tag::TableCell => {
                self.output
                    .push_str(if self.table.in_head { "<th" } else { "<td" });
                match self.table.alignments.get(self.table.cell_index) {
                    Some(Alignment::Left) => self.output.push_str(" align=\"left\""),
                    Some(Alignment::Center) => self.output.push_str(" align=\"center\""),
                    Some(Alignment::Right) => self.output.push_str(" align=\"right\""),
                    Some(Alignment::None) | None => {}
                }
                self.output.push('>');
            }
            _ => {}
        }
    }

    fn write_end(&mut self, tag: TagEnd) {
        if matches!(
            tag,
            TagEnd::Image | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock
        ) {
            return;
        }
        self.close_raw_from(self.container());
        self.close_markdown();
    }

    /// Closes the innermost element, a Markdown one (raw elements above it are closed first).
    fn close_markdown(&mut self) {
        let Some(element) = self.pop_markdown() else {
            return;
        };
        if !element.written {
            return;
        }
        let output = &mut self.output;
        match element.name {
            "table" => {
                if self.table.body_open {
                    output.push_str("</tbody>\n");
                }
                output.push_str("</table>\n");
                self.table = TableState::default();
            }
            "thead" => {
                self.table.in_head = false;
                output.push_str("</tr>\n</thead>\n");
            }
            "td" => {
                output.push_str(if self.table.in_head { "</th>" } else { "</td>" });
                self.table.cell_index += 1;
            }
            "pre" => output.push_str("</code></pre>\n"),
            name => {
                write_end_tag(output, name);
                if category(name) != Category::Phrasing {
                    output.push('\n');
                }
            }
        }
    }

    fn write_image(&mut self, image: &PendingImage) {
        if !self.loads(&image.src) {
            write_image_placeholder(&mut self.output, &image.src, &image.alt);
            return;
        }
        let output = &mut self.output;
        output.push_str("<img");
        write_attribute(output, "src", &image.src);
        write_attribute(output, "alt", &image.alt);
        if !image.title.is_empty() {
            write_attribute(output, "title", &image.title);
        }
        output.push_str(" loading=\"lazy\">");
    }

    /// Whether an image at this address is loaded rather than shown as a placeholder.
    fn loads(&self, src: &str) -> bool {
        self.images == Images::Https && is_absolute_https_url(src)
    }

    /// Sanitises a piece of raw HTML: a whole HTML block, or one inline tag.
    fn write_raw_html(&mut self, html: &str) {
        let mut tokenizer = Tokenizer::new(html);
        loop {
            if let Some(dropped) = &self.dropped
                && RAW_TEXT_ELEMENTS.contains(&dropped.name)
            {
                tokenizer.skip_to_end_tag(dropped.name);
            }
            let Some(token) = tokenizer.next_token() else {
                break;
            };
            self.write_raw_token(token);
            // An HTML block may hold the whole document.
            if self.budget.charge(&self.output) {
                break;
            }
        }
    }

    fn write_raw_token(&mut self, token: Token<'_>) {
        match token {
            Token::Ignored => {}
            Token::Text(text) => {
                if self.dropped.is_some() {
                    return;
                }
                if text.bytes().all(is_html_whitespace)
                    && !self.top_content().accepts(Category::Phrasing)
                {
                    // Between a list's items or a table's rows only whitespace stays in place.
                    self.output.push_str(text);
                    return;
                }
                // The preview keeps every word: text straight in a raw list gets the item the
                // list left out, and text where the parser takes none (`<table>x`) ends the
                // raw table, as Markdown text does.
                let in_raw_list = self.open.last().is_some_and(|element| {
                    element.raw_tag.is_some() && element.content == Content::ListItems
                });
                if in_raw_list {
                    self.open_raw_wrapper("li");
                } else {
                    self.make_room_for(Category::Phrasing);
                }
                if self.top_content().accepts(Category::Phrasing) {
                    escape_raw_text_into(&mut self.output, text);
                }
            }
            Token::StartTag {
                name,
                attributes,
                self_closing,
            } => self.write_raw_start_tag(&name, &attributes, self_closing),
            Token::EndTag { name } => {
                if let Some(dropped) = &mut self.dropped {
                    if dropped.name == name && dropped.skipped_markdown == 0 {
                        dropped.nesting -= 1;
                        if dropped.nesting == 0 {
                            self.dropped = None;
                        }
                    }
                } else {
                    self.close_raw_element(&name);
                }
            }
        }
    }

    fn write_raw_start_tag(&mut self, name: &str, attributes: &[Attribute], self_closing: bool) {
        if let Some(dropped) = &mut self.dropped {
            if dropped.name == name && dropped.skipped_markdown == 0 {
                dropped.nesting += 1;
            }
            return;
        }
        if let Some(dropped_name) = DROPPED_WITH_CONTENT.iter().find(|known| **known == name) {
            // Even `<script/>` opens a script in HTML, so self-closing changes nothing here.
            self.dropped = Some(DroppedElement {
                name: dropped_name,
                nesting: 1,
                skipped_markdown: 0,
            });
            return;
        }
        let Some(raw_tag) = allowed_tag_index(name) else {
            return;
        };
        let (tag_name, allowed_attributes) = ALLOWED_TAGS[raw_tag];
        if (tag_name == "a" && self.open_links > 0) || !self.has_room_for(tag_name) {
            return;
        }
        if !self.make_place_for_raw(category(tag_name)) {
            return;
        }
        if tag_name == "img" {
            // The first of duplicate attributes is the one the browser keeps.
            let value = |wanted: &str| {
                attributes
                    .iter()
                    .find(|attribute| attribute.name == wanted)
                    .map_or("", |attribute| attribute.value.as_str())
            };
            if !self.loads(value("src")) {
                write_image_placeholder(&mut self.output, value("src"), value("alt"));
                return;
            }
        }
        let output = &mut self.output;
        output.push('<');
        output.push_str(tag_name);
        let mut written: Vec<&str> = Vec::new();
        for attribute in attributes {
            // The browser keeps the first of duplicate attributes, and so do we.
            let Some(attribute_name) = allowed_attributes
                .iter()
                .find(|allowed| **allowed == attribute.name)
            else {
                continue;
            };
            if written.contains(attribute_name) {
                continue;
            }
            written.push(attribute_name);
            let is_url = matches!(*attribute_name, "href" | "src");
            if !is_url || is_safe_url(&attribute.value) {
                write_attribute(output, attribute_name, &attribute.value);
            }
        }
        match tag_name {
            "a" => output.push_str(LINK_REL),
            "img" => output.push_str(" loading=\"lazy\""),
            _ => {}
        }
        output.push('>');
        if VOID_TAGS.contains(&tag_name) {
            return;
        }
        if self_closing {
            write_end_tag(output, tag_name);
            return;
        }
        self.push(tag_name, Some(raw_tag), true);
    }

    /// Makes the innermost element one that may hold a raw element of this category, as the
    /// parser would: an `<li>` ends the open item, a `<td>` the open cell, a `<tr>` the open
    /// row, and a `<tr>` straight in a `<table>` gets the `<tbody>` the parser would add.
    /// Returns false when no open raw element can hold it: the tag is dropped.
    fn make_place_for_raw(&mut self, category: Category) -> bool {
        if self.top_content().accepts(category) {
            return true;
        }
        let holders: &[&str] = match category {
            Category::ListItem => &["ul", "ol"],
            Category::TableSection => &["table"],
            Category::TableRow => &["tbody", "thead", "table"],
            Category::TableCell => &["tr", "tbody", "thead", "table"],
            Category::Phrasing | Category::Block => return false,
        };
        let Some(holder) = self.innermost_raw(holders) else {
            return false;
        };
        self.close_raw_from(holder + 1);
        if category == Category::TableRow || category == Category::TableCell {
            if self.top_content() == Content::TableSections {
                self.open_raw_wrapper("tbody");
            }
            if category == Category::TableCell && self.top_content() == Content::TableRows {
                self.open_raw_wrapper("tr");
            }
        }
        true
    }

    /// Writes a table part the document left out, as the parser would add it.
    fn open_raw_wrapper(&mut self, name: &'static str) {
        let Some(raw_tag) = allowed_tag_index(name) else {
            return;
        };
        self.output.push('<');
        self.output.push_str(name);
        self.output.push('>');
        // The table's own depth left room for its parts.
        self.push(name, Some(raw_tag), true);
    }

    /// The position of the innermost open raw element with one of these names, in the
    /// innermost Markdown element.
    fn innermost_raw(&self, names: &[&str]) -> Option<usize> {
        let container = self.container();
        names
            .iter()
            .filter_map(|name| allowed_tag_index(name))
            .filter_map(|raw_tag| self.raw_positions[raw_tag].last().copied())
            .filter(|position| *position >= container)
            .max()
    }

    /// The first position in `open` that raw HTML may close: above the innermost Markdown
    /// element.
    fn container(&self) -> usize {
        self.markdown_positions
            .last()
            .map_or(0, |position| position + 1)
    }

    fn top_content(&self) -> Content {
        self.open
            .last()
            .map_or(Content::Flow, |element| element.content)
    }

    /// Whether an element fits under `MAX_DEPTH` with the parts it needs (a list its items, a
    /// table its rows and cells), so that a list or table is written whole or not at all.
    fn has_room_for(&self, name: &str) -> bool {
        self.too_deep_from.is_none() && self.open.len() + reserved_depth(name) <= MAX_DEPTH
    }

    fn push(&mut self, name: &'static str, raw_tag: Option<usize>, written: bool) {
        let position = self.open.len();
        match raw_tag {
            Some(raw_tag) => self.raw_positions[raw_tag].push(position),
            None => self.markdown_positions.push(position),
        }
        if name == "a" && written {
            self.open_links += 1;
        }
        let content = if written {
            Content::of(name)
        } else {
            self.top_content()
        };
        self.open.push(OpenElement {
            name,
            raw_tag,
            written,
            content,
        });
    }

    /// Removes the innermost element (a Markdown one: every raw element above it is closed).
    fn pop_markdown(&mut self) -> Option<OpenElement> {
        let element = self.open.pop()?;
        self.markdown_positions.pop();
        if self.too_deep_from == Some(self.open.len()) {
            self.too_deep_from = None;
        }
        if element.name == "a" && element.written {
            self.open_links -= 1;
        }
        Some(element)
    }

    /// Closes the raw elements open from `position` on, innermost first.
    fn close_raw_from(&mut self, position: usize) {
        while self.open.len() > position {
            let Some(element) = self.open.pop_if(|element| element.raw_tag.is_some()) else {
                return;
            };
            if let Some(raw_tag) = element.raw_tag {
                self.raw_positions[raw_tag].pop();
            }
            if element.name == "a" {
                self.open_links -= 1;
            }
            write_end_tag(&mut self.output, element.name);
        }
    }

    /// Closes raw elements in the innermost Markdown element until one may hold `category`:
    /// a Markdown block after a raw `<table>` ends the table, text after a raw `<ul>` the list.
    fn make_room_for(&mut self, category: Category) {
        let container = self.container();
        while self.open.len() > container && !self.top_content().accepts(category) {
            self.close_raw_from(self.open.len() - 1);
        }
    }

    /// Closes the raw inline elements and paragraphs at the end of the HTML block that opened
    /// them, so that `<a href=x>` on a line of its own cannot make the rest of the document
    /// one link. Blocks that hold blocks (`<div>`, `<details>`, a table cell) stay open.
    fn close_raw_phrasing(&mut self) {
        let container = self.container();
        while self.open.len() > container && self.top_content() == Content::Phrasing {
            self.close_raw_from(self.open.len() - 1);
        }
    }

    /// Closes the innermost raw element of this name opened in the current Markdown block or
    /// span (and any opened inside it); a closing tag matching nothing there is dropped.
    fn close_raw_element(&mut self, name: &str) {
        let Some(raw_tag) = allowed_tag_index(name) else {
            return;
        };
        if let Some(&position) = self.raw_positions[raw_tag].last()
            && position >= self.container()
        {
            self.close_raw_from(position);
        }
    }

    /// Closes what is open. When the budget is spent, what was being read is left out, and a
    /// notice ends the HTML.
    fn finish(mut self) -> String {
        let spent = self.budget.is_spent();
        if !spent && let Some(html) = self.html_block.take() {
            self.write_raw_html(&html);
        }
        while !self.open.is_empty() {
            self.close_raw_from(self.container());
            self.close_markdown();
        }
        if spent {
            self.budget.write_notice(&mut self.output);
        }
        self.output
    }
}

fn write_link_start(output: &mut String, href: &str, title: &str) {
    output.push_str("<a");
    if is_safe_url(href) {
        write_attribute(output, "href", href);
    }
    if !title.is_empty() {
        write_attribute(output, "title", title);
    }
    output.push_str(LINK_REL);
    output.push('>');
}

fn write_end_tag(output: &mut String, name: &str) {
    output.push_str("</");
    output.push_str(name);
    output.push('>');
}

/// An image shown as its description and address, as text, never fetched.
fn write_image_placeholder(output: &mut String, src: &str, alt: &str) {
    output.push_str("<span class=\"image-placeholder\">Image: ");
    let alt = alt.trim();
    match (alt.is_empty(), src.is_empty()) {
        (true, _) => escape_into(output, src),
        (false, true) => escape_into(output, alt),
        (false, false) => {
            escape_into(output, alt);
            output.push_str(" (");
            escape_into(output, src);
            output.push(')');
        }
    }
    output.push_str("</span>");
}

fn write_attribute(output: &mut String, name: &str, value: &str) {
    output.push(' ');
    output.push_str(name);
    output.push_str("=\"");
    escape_into(output, value);
    output.push('"');
}

fn heading_element(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}

/// The language of a fenced code block, cut at the first character that could leave the
/// class attribute or add another class.
fn code_language(info: &str) -> &str {
    let word = info.split_ascii_whitespace().next().unwrap_or_default();
    let length = word
        .find(|character: char| {
            !(character.is_ascii_alphanumeric() || matches!(character, '_' | '+' | '-'))
        })
        .unwrap_or(word.len());
    word.get(..length).unwrap_or_default()
}

/// Whether a list item starts with `[ ]` or `[x]` (directly, or in its first paragraph when
/// the list is loose).
fn starts_with_task_marker(following: &[Event<'_>]) -> bool {
    matches!(
        following,
        [Event::TaskListMarker(_), ..]
            | [Event::Start(Tag::Paragraph), Event::TaskListMarker(_), ..]
    )
}

fn link_destination(link_type: LinkType, destination: &str) -> String {
    if link_type == LinkType::Email {
        format!("mailto:{destination}")
    } else {
        destination.to_owned()
    }
}

/// Escapes the five characters that matter in HTML text and quoted attribute values.
fn escape_into(output: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => output.push_str("&amp;"),
            '<' => output.push_str("&lt;"),
            '>' => output.push_str("&gt;"),
            '"' => output.push_str("&quot;"),
            '\'' => output.push_str("&#39;"),
            '\0' => output.push('\u{FFFD}'),
            _ => output.push(character),
        }
    }
}

/// Escapes the text of raw HTML but keeps well-formed character references such as `&copy;`
/// or `&#8594;`: in text they can only ever become a character.
fn escape_raw_text_into(output: &mut String, text: &str) {
    for (index, character) in text.char_indices() {
        if character == '&' && is_character_reference(text.get(index + 1..).unwrap_or_default()) {
            output.push('&');
        } else {
            escape_into(
                output,
                text.get(index..index + character.len_utf8())
                    .unwrap_or_default(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ALLOWED_TAGS, Images, MAX_DEPTH, allowed_tag_index, to_html, to_html_with};

    /// Hostile documents, each with fragments of its harmless content that must survive.
    const HOSTILE_CORPUS: &[(&str, &[&str])] = &[
        ("<script>alert(1)</script>", &[]),
        ("<img src=x onerror=alert(1)>", &["Image: x</span>"]),
        (
            "<IMG SRC=JaVaScRiPt:alert(1)>",
            &["Image: JaVaScRiPt:alert(1)"],
        ),
        ("<img/src=x/onerror=alert(1)>", &[]),
        ("<svg onload=alert(1)>", &[]),
        ("<svg/onload=alert(1)>", &[]),
        ("<svg><script>alert(1)</script></svg>", &[]),
        ("<iframe src=javascript:alert(1)>", &[]),
        (
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>after",
            &["after"],
        ),
        ("<a href=\"javascript:alert(1)\">x</a>", &[">x</a>"]),
        ("[x](javascript:alert(1))", &[">x</a>"]),
        ("[x](JAVASCRIPT:alert(1))", &[">x</a>"]),
        ("[x](java&#x09;script:alert(1))", &[">x</a>"]),
        ("[x](&#106;avascript:alert(1))", &[">x</a>"]),
        ("[x](%6Aavascript:alert(1))", &[">x</a>"]),
        ("[x]( javascript:alert(1))", &[">x</a>"]),
        ("[x](<javascript:alert(1)>)", &[">x</a>"]),
        ("[x](java\0script:alert(1))", &[]),
        ("<a href=\"java\0script:alert(1)\">x</a>", &[">x</a>"]),
        ("[x](javascript&colon;alert(1))", &[">x</a>"]),
        ("[x](vbscript:msgbox)", &[">x</a>"]),
        ("[x](file:///etc/passwd)", &[">x</a>"]),
        (
            "![x](data:image/svg+xml;base64,PHN2Zy8+)",
            &["Image: x (data:"],
        ),
        ("<img src=\"data:image/png;base64,AAAA\">", &[]),
        (
            "<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>",
            &[">x</a>"],
        ),
        ("<a href=\"java&#x09;script:alert(1)\">x</a>", &[]),
        ("<a href=\"jav&#x0A;ascript:alert(1)\">x</a>", &[]),
        ("<a href=\" javascript:alert(1)\">x</a>", &[]),
        ("<a href=\"\u{1}javascript:alert(1)\">x</a>", &[]),
        ("<a href=\"javascript&colon;alert(1)\">x</a>", &[]),
        ("<a href=\"%6Aavascript:alert(1)\">x</a>", &[]),
        ("<details open ontoggle=alert(1)>", &["<details open=\"\">"]),
        (
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            &[],
        ),
        (
            "<div style=\"background:url(javascript:alert(1))\">",
            &["<div>"],
        ),
        ("<<script>script>alert(1)<</script>/script>", &[]),
        ("<scr<script>ipt>alert(1)</script>", &[]),
        ("\"><script>alert(1)</script>", &["&quot;&gt;"]),
        ("<a href=\"x\" onclick=\"alert(1)\">", &["href=\"x\""]),
        (
            "<img src=\"x\" alt=\"&quot; onerror=&quot;alert(1)\">",
            &["Image: &quot; onerror="],
        ),
        ("<form action=javascript:alert(1)><button>", &[]),
        ("<object data=javascript:alert(1)>", &[]),
        ("<embed src=javascript:alert(1)>", &[]),
        ("<base href=\"javascript:/\">", &[]),
        (
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            &[],
        ),
        ("<link rel=stylesheet href=x>", &[]),
        ("<input autofocus onfocus=alert(1)>", &[]),
        ("<template><script>alert(1)</script></template>", &[]),
        (
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            &[],
        ),
        ("text\n\n<script", &["<p>text</p>"]),
        ("text\n\n<script>alert(1)", &["<p>text</p>"]),
        ("<img src=x onerror=alert(1)//", &[]),
        ("<a name=x id=y>named</a>", &["named"]),
        ("<javascript:alert(1)>", &[]),
        ("[x][evil]\n\n[evil]: javascript:alert(1)", &[">x</a>"]),
        (
            "[x][evil]\n\n[evil]: <java&#115;cript:alert(1)> \"t\"",
            &[">x</a>"],
        ),
        (
            "![a](https://example.com/img.png \"t\\\"it'le\")",
            &[
                "src=\"https://example.com/img.png\"",
                "title=\"t&quot;it&#39;le\"",
            ],
        ),
        (
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            &["&lt;script&gt;alert(1)&lt;/script&gt;"],
        ),
        ("<style>body{display:none}</style>", &[]),
        ("<p onmouseover=alert(1)>hover</p>", &["<p>hover</p>"]),
        ("<b onclick=alert(1)>bold</b>", &["<b>bold</b>"]),
        ("`<script>alert(1)</script>`", &["<code>&lt;script&gt;"]),
        ("```\n<script>alert(1)</script>\n```", &["&lt;script&gt;"]),
        (
            "```js\" onclick=\"alert(1)\nx\n```",
            &["class=\"language-js\""],
        ),
        ("<textarea><img src=x onerror=alert(1)></textarea>", &[]),
        ("<title><img src=x onerror=alert(1)></title>", &[]),
        ("<xmp><script>alert(1)</script></xmp>", &[]),
        (
            "<a href=\"https://ok.example\" target=_blank>ok</a>",
            &["href=\"https://ok.example\""],
        ),
        (
            "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
            &["<th>a</th>"],
        ),
        (
            "- [ ] <script>alert(1)</script>done",
            &["<li class=\"task\">"],
        ),
        (
            "> <iframe srcdoc=\"<script>alert(1)</script>\">",
            &["<blockquote>"],
        ),
        ("<div>\n\n<script>alert(1)</script>\n\n</div>", &["<div>"]),
        ("</div></div></p><script>alert(1)</script>", &[]),
        ("<img src=x:alert(1) onerror=eval(src)>", &[]),
        ("<!--<script>alert(1)</script>-->", &[]),
        ("<![CDATA[<script>alert(1)</script>]]>", &[]),
        (
            "<a href=\"http://x\" style=\"color:red\" class=\"evil\" id=\"top\">ok</a>",
            &["ok"],
        ),
        (
            "<svg><p><style><g title=\"</style><img src onerror=alert(1)>\">",
            &[],
        ),
        ("<plaintext><img src=x onerror=alert(1)>", &[]),
        ("<a href=javascript:alert(1)//>x</a>", &[]),
        (
            "<div><img src=\"https://ok.example/a.png\" src=\"javascript:alert(1)\" \
             =onerror=alert(1)></div>",
            &["src=\"https://ok.example/a.png\""],
        ),
        ("<img src=x\tonerror=alert(1)>", &[]),
        ("<img src=`x`onerror=alert(1)>", &[]),
        ("<A HREF=\"JaVaScRiPt:alert(1)\">caps</A>", &["caps</a>"]),
    ];

    /// Contexts a payload is also placed in, `{}` standing for the payload.
    const CONTEXTS: &[&str] = &[
        "{}",
        "before {} after",
        "- {}",
        "> {}",
        "# {}",
        "| a |\n|---|\n| {} |",
        "<div>\n{}\n</div>",
        "*{}*",
        "[{}](https://example.com)",
        "![{}](x.png)",
    ];

    #[test]
    fn hostile_corpus_renders_safely_in_every_context() {
        assert!(HOSTILE_CORPUS.len() >= 40);
        for (payload, survivors) in HOSTILE_CORPUS {
            let html = to_html_with(payload, Images::Https);
            assert_safe(payload, &html);
            for survivor in *survivors {
                assert!(
                    html.contains(survivor),
                    "{survivor:?} lost from {payload:?}: {html:?}"
                );
            }
            for context in CONTEXTS {
                let markdown = context.replace("{}", payload);
                assert_safe(&markdown, &to_html_with(&markdown, Images::Https));
            }
        }
    }

    #[test]
    fn placeholders_replace_every_image_and_load_nothing() {
        for (payload, _) in HOSTILE_CORPUS {
            for context in CONTEXTS {
                let markdown = context.replace("{}", payload);
                let html = to_html_with(&markdown, Images::Placeholder);
                assert_safe(&markdown, &html);
                assert!(!html.contains("<img"), "{html:?} from {markdown:?}");
            }
        }
        assert_eq!(
            to_html_with("![Latency graph](graph.png)", Images::Placeholder),
            "<p><span class=\"image-placeholder\">Image: Latency graph (graph.png)</span></p>\n"
        );
        assert_eq!(
            to_html_with(
                "<p align=\"center\"><img src=\"javascript:alert(1)\"></p>",
                Images::Placeholder
            ),
            "<p align=\"center\"><span class=\"image-placeholder\">Image: javascript:alert(1)</span></p>",
            "an address is shown as text, never used"
        );
    }

    #[test]
    fn images_load_only_from_absolute_https_addresses() {
        for (markdown, loaded) in [
            (
                "![graph](https://example.com/g.png)",
                "https://example.com/g.png",
            ),
            (
                "![graph](HTTPS://example.com/g.png)",
                "HTTPS://example.com/g.png",
            ),
            (
                "![graph][g]\n\n[g]: https://example.com/g.png",
                "https://example.com/g.png",
            ),
            (
                "<img src=\"https://example.com/g.png\">",
                "https://example.com/g.png",
            ),
            (
                "<img src=\"&#104;ttps://example.com/g.png\">",
                "https://example.com/g.png",
            ),
        ] {
            let html = to_html_with(markdown, Images::Https);
            assert!(
                html.contains(&format!("<img src=\"{loaded}\"")),
                "{markdown:?}: {html:?}"
            );
            assert!(!to_html(markdown).contains("<img"), "{markdown:?}");
        }
        for address in [
            "/api/session/logout",
            "graph.png",
            "./graph.png",
            "?draft=1",
            "#top",
            "//tracker.example/t.gif",
            "https:/api/session/logout",
            "https:api/session/logout",
            "https:\\\\tracker.example/t.gif",
            "https:///tracker.example",
            "https://",
            " https://tracker.example/t.gif",
            "https://tracker.example/a b.gif",
            "https://tracker\t.example/t.gif",
            "http://tracker.example/t.gif",
            "data:image/png;base64,AAAA",
            "javascript:alert(1)",
            "ftp://tracker.example/t.gif",
        ] {
            for markdown in [
                format!("![graph](<{address}>)"),
                format!("![graph][g]\n\n[g]: <{address}>"),
                format!("<img src=\"{address}\">"),
                format!("<img alt=graph src='{address}'>"),
            ] {
                let html = to_html_with(&markdown, Images::Https);
                assert!(!html.contains("<img"), "{markdown:?} loads: {html:?}");
                assert!(!html.contains(" src="), "{markdown:?}: {html:?}");
            }
        }
        assert_eq!(
            to_html_with("![graph](/api/logout)", Images::Https),
            "<p><span class=\"image-placeholder\">Image: graph (/api/logout)</span></p>\n"
        );
    }

    #[test]
    fn payloads_render_to_their_harmless_part() {
        for (markdown, expected) in [
            ("<script>alert(1)</script>", ""),
            ("a <script>alert(1)</script> b", "<p>a  b</p>\n"),
            (
                "<img/src=x/onerror=alert(1)>",
                "<p>&lt;img/src=x/onerror=alert(1)&gt;</p>\n",
            ),
            (
                "<<script>script>alert(1)<</script>/script>",
                "<p>&lt;/script&gt;</p>\n",
            ),
            ("<scr<script>ipt>alert(1)</script>", "<p>&lt;scr</p>\n"),
            (
                "[x](javascript:alert(1))",
                "<p><a rel=\"noopener noreferrer nofollow\">x</a></p>\n",
            ),
            (
                "<javascript:alert(1)>",
                "<p><a rel=\"noopener noreferrer nofollow\">javascript:alert(1)</a></p>\n",
            ),
            (
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<p><span class=\"image-placeholder\">Image: x</span>&quot;&gt;</p>\n",
            ),
            ("text\n\n<script", "<p>text</p>\n&lt;script"),
            (
                "<a name=x id=y>named</a>",
                "<p><a rel=\"noopener noreferrer nofollow\">named</a></p>\n",
            ),
            ("&lt;script&gt;", "<p>&lt;script&gt;</p>\n"),
        ] {
            assert_eq!(to_html(markdown), expected, "from {markdown:?}");
        }
    }

    #[test]
    fn dropped_content_ends_with_its_span() {
        let html = to_html("a <script>alert(1)\n\nafter *the* paragraph");
        assert_eq!(html, "<p>a </p>\n<p>after <em>the</em> paragraph</p>\n");
        let html = to_html("<svg>\n<circle/>\n\nAfter the block.");
        assert_eq!(html, "<p>After the block.</p>\n");
    }

    #[test]
    fn renders_text_blocks() {
        assert_eq!(
            to_html("# Title\n\n## Impact\n\nSome *em* **strong** ~~gone~~ `code`.\n"),
            "<h1>Title</h1>\n<h2>Impact</h2>\n<p>Some <em>em</em> <strong>strong</strong> \
             <del>gone</del> <code>code</code>.</p>\n"
        );
        assert_eq!(to_html("a\nb  \nc\\\nd"), "<p>a\nb<br>\nc<br>\nd</p>\n");
        assert_eq!(to_html("a\n\n***\n"), "<p>a</p>\n<hr>\n");
        assert_eq!(
            to_html("> quoted\n> more"),
            "<blockquote>\n<p>quoted\nmore</p>\n</blockquote>\n"
        );
        assert_eq!(
            to_html("Tom & \"Jerry\" <3"),
            "<p>Tom &amp; &quot;Jerry&quot; &lt;3</p>\n"
        );
    }

    #[test]
    fn headings_get_no_ids() {
        let html = to_html("# Root cause {#main}\n\nSetext\n======\n");
        assert_eq!(html, "<h1>Root cause {#main}</h1>\n<h1>Setext</h1>\n");
    }

    #[test]
    fn renders_lists() {
        assert_eq!(
            to_html("- a\n- b\n"),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        );
        assert_eq!(to_html("1. a\n"), "<ol>\n<li>a</li>\n</ol>\n");
        assert_eq!(
            to_html("3. a\n4. b\n"),
            "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n"
        );
    }

    #[test]
    fn renders_task_lists() {
        assert_eq!(
            to_html("- [ ] Add alerting\n- [x] Roll back\n- plain\n"),
            "<ul>\n<li class=\"task\"><input type=\"checkbox\" aria-label=\"Task\" disabled> Add alerting</li>\n\
             <li class=\"task\"><input type=\"checkbox\" aria-label=\"Task\" disabled checked> Roll back</li>\n\
             <li>plain</li>\n</ul>\n"
        );
        assert_eq!(
            to_html("- [x] loose\n\n- [ ] list\n"),
            "<ul>\n<li class=\"task\"><p><input type=\"checkbox\" aria-label=\"Task\" disabled checked> loose</p>\n\
             </li>\n<li class=\"task\"><p><input type=\"checkbox\" aria-label=\"Task\" disabled> list</p>\n</li>\n\
             </ul>\n"
        );
    }

    #[test]
    fn renders_tables_with_alignment() {
        assert_eq!(
            to_html(
                "| Time | Event | Who |\n|:--|:-:|--:|\n| 10:00 | *down* | ops |\n| 10:05 | up |\n"
            ),
            "<table>\n<thead>\n<tr><th align=\"left\">Time</th><th align=\"center\">Event</th>\
             <th align=\"right\">Who</th></tr>\n</thead>\n<tbody>\n\
             <tr><td align=\"left\">10:00</td><td align=\"center\"><em>down</em></td>\
             <td align=\"right\">ops</td></tr>\n\
             <tr><td align=\"left\">10:05</td><td align=\"center\">up</td><td align=\"right\"></td></tr>\n\
             </tbody>\n</table>\n"
        );
        assert_eq!(
            to_html("| a |\n|---|\n"),
            "<table>\n<thead>\n<tr><th>a</th></tr>\n</thead>\n</table>\n"
        );
    }

    #[test]
    fn renders_code_blocks_with_a_clean_language() {
        assert_eq!(
            to_html("```rust\nfn main() { a < b && c }\n```\n"),
            "<pre><code class=\"language-rust\">fn main() { a &lt; b &amp;&amp; c }\n</code></pre>\n"
        );
        assert_eq!(
            to_html("```\nplain\n```"),
            "<pre><code>plain\n</code></pre>\n"
        );
        assert_eq!(
            to_html("    indented\n"),
            "<pre><code>indented\n</code></pre>\n"
        );
        assert_eq!(
            to_html("```c++,ignore extra\nx\n```"),
            "<pre><code class=\"language-c++\">x\n</code></pre>\n"
        );
        assert_eq!(
            to_html("```\"><script>\nx\n```"),
            "<pre><code>x\n</code></pre>\n"
        );
    }

    #[test]
    fn renders_links_and_images() {
        assert_eq!(
            to_html("[site](https://example.com/a?b=1&c=2 \"The \\\"site\\\"\")"),
            "<p><a href=\"https://example.com/a?b=1&amp;c=2\" title=\"The &quot;site&quot;\" \
             rel=\"noopener noreferrer nofollow\">site</a></p>\n"
        );
        assert_eq!(
            to_html_with(
                "![Latency *graph*](https://example.com/image.png)",
                Images::Https
            ),
            "<p><img src=\"https://example.com/image.png\" alt=\"Latency graph\" \
             loading=\"lazy\"></p>\n"
        );
        assert_eq!(
            to_html("<oncall@example.com> and <https://status.example.com>"),
            "<p><a href=\"mailto:oncall@example.com\" rel=\"noopener noreferrer nofollow\">\
             oncall@example.com</a> and <a href=\"https://status.example.com\" \
             rel=\"noopener noreferrer nofollow\">https://status.example.com</a></p>\n"
        );
        for relative in [
            "#timeline",
            "./runbook.md",
            "/path",
            "../up",
            "//cdn.example/x",
            "?q=1",
        ] {
            let html = to_html(&format!("[x]({relative})"));
            assert!(
                html.contains(&format!("href=\"{relative}\"")),
                "{relative}: {html}"
            );
        }
    }

    #[test]
    fn front_matter_is_not_rendered() {
        assert_eq!(
            to_html("---\ntitle: Outage\n---\n# Outage\n"),
            "<h1>Outage</h1>\n"
        );
        assert_eq!(
            to_html("+++\ntitle = \"Outage\"\n+++\n# Outage\n"),
            "<h1>Outage</h1>\n"
        );
    }

    #[test]
    fn keeps_the_raw_html_real_documents_use() {
        assert_eq!(
            to_html_with(
                "<p align=\"center\">\n  <img src=\"https://example.com/logo.png\" WIDTH=50% \
                 alt='Logo'>\n</p>\n",
                Images::Https
            ),
            "<p align=\"center\">\n  <img src=\"https://example.com/logo.png\" width=\"50%\" \
             alt=\"Logo\" loading=\"lazy\">\n</p>\n"
        );
        assert_eq!(
            to_html("<h2>Impact</h2>\n\nLine one<br>line two, <b>bold</b> and <kbd>Ctrl</kbd>."),
            "<h2>Impact</h2>\n<p>Line one<br>line two, <b>bold</b> and <kbd>Ctrl</kbd>.</p>\n"
        );
        assert_eq!(
            to_html("<details>\n<summary>Logs</summary>\n\n```\ncode\n```\n\n</details>\n"),
            "<details>\n<summary>Logs</summary>\n<pre><code>code\n</code></pre>\n</details>\n"
        );
        assert_eq!(
            to_html("<table><tr><td colspan=2 onclick=x>cell</td></tr></table>"),
            "<table><tbody><tr><td colspan=\"2\">cell</td></tr></tbody></table>"
        );
        assert_eq!(
            to_html("<a href=\"https://example.com\" title=\"Home\">home</a>"),
            "<p><a href=\"https://example.com\" title=\"Home\" rel=\"noopener noreferrer \
             nofollow\">home</a></p>\n"
        );
    }

    #[test]
    fn allowed_tags_are_sorted_for_lookup() {
        assert!(ALLOWED_TAGS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (index, (name, _)) in ALLOWED_TAGS.iter().enumerate() {
            assert_eq!(allowed_tag_index(name), Some(index));
        }
        assert_eq!(allowed_tag_index("script"), None);
    }

    #[test]
    fn raw_inline_elements_end_with_their_block() {
        assert_eq!(
            to_html("<a href=\"https://example.org\">\n\n# Heading\n\nParagraph.\n\n- item\n"),
            "<a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">\n</a>\
             <h1>Heading</h1>\n<p>Paragraph.</p>\n<ul>\n<li>item</li>\n</ul>\n"
        );
        assert_eq!(to_html("<b>\nbold\n</b>"), "<b>\nbold\n</b>");
        assert_eq!(to_html("<p>\n\nafter"), "<p>\n</p><p>after</p>\n");
        assert_eq!(
            to_html("- <b>a\n  - b"),
            "<ul>\n<li><b>a</b><ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"
        );
        // Blocks that hold blocks still wrap what follows, as real documents use them.
        assert_eq!(
            to_html("<details>\n<summary>Logs</summary>\n\ntext\n\n</details>"),
            "<details>\n<summary>Logs</summary>\n<p>text</p>\n</details>"
        );
        assert_eq!(
            to_html("<table>\n<tr>\n<td>\n\n**Markdown** cell\n\n</td>\n</tr>\n</table>"),
            "<table>\n<tbody><tr>\n<td>\n<p><strong>Markdown</strong> cell</p>\n</td>\n</tr>\n\
             </tbody></table>"
        );
    }

    #[test]
    fn text_where_the_parser_takes_none_stays_in_the_preview() {
        for (markdown, expected) in [
            (
                "<ul>words<li>item</ul>",
                "<ul><li>words</li><li>item</li></ul>",
            ),
            (
                "<table><tr>cell text</table>",
                "<table><tbody><tr></tr></tbody></table>cell text",
            ),
        ] {
            let html = to_html(markdown);
            assert_safe(markdown, &html);
            assert_eq!(html, expected, "{markdown:?}");
        }
    }

    #[test]
    fn nesting_stops_at_the_depth_limit_but_the_text_stays() {
        let quotes = format!("{}deep", "> ".repeat(MAX_DEPTH * 2));
        let html = to_html(&quotes);
        assert_safe(&quotes, &html);
        assert_eq!(html.matches("<blockquote>").count(), MAX_DEPTH);
        assert!(html.contains("<blockquote>\ndeep</blockquote>"), "{html}");
        let bold = "<b>".repeat(MAX_DEPTH * 2) + "bold";
        let html = to_html(&bold);
        assert_safe(&bold, &html);
        assert_eq!(html.matches("<b>").count(), MAX_DEPTH - 1);
        let lists = format!("{}item", "- ".repeat(MAX_DEPTH));
        let html = to_html(&lists);
        assert_safe(&lists, &html);
        assert_eq!(html.matches("<ul>").count(), html.matches("<li>").count());
        assert!(html.contains("item"));
    }

    #[test]
    fn a_list_or_table_is_written_whole_or_not_at_all() {
        for depth in MAX_DEPTH - 6..MAX_DEPTH {
            let quote = "> ".repeat(depth);
            let table = format!("{quote}| a | b |\n{quote}|---|---|\n{quote}| c | d |\n");
            let html = to_html(&table);
            assert_safe(&table, &html);
            let tables = html.matches("<table>").count();
            assert_eq!(
                (tables, html.matches("<td>").count()),
                (tables, tables * 2),
                "{html}"
            );
            assert!(html.contains('c') && html.contains('d'), "{html}");
            let raw = format!("{quote}<table><td>e<li>f</table>\n");
            assert_safe(&raw, &to_html(&raw));
        }
    }

    #[test]
    fn output_stops_at_its_budget_with_a_notice() {
        let columns = 112;
        let mut table = "|a".repeat(columns) + "|\n" + &"|-".repeat(columns) + "|\n";
        while table.len() < 9_600 {
            table.push_str("|a|\n");
        }
        for markdown in [
            table.clone(),
            format!("- item\n\n  > {}", table.replace('\n', "\n  > ")),
            format!("<div><b>\n\n{table}"),
        ] {
            let html = to_html(&markdown);
            assert_safe(&markdown, &html);
            let cap = 20 * markdown.len();
            assert!(html.len() <= cap + 4_096, "{} bytes", html.len());
            assert!(
                html.ends_with(
                    "<p class=\"truncated\">The preview stops here: the document renders to \
                     more than 20 times its own size in HTML.</p>\n"
                ),
                "{}",
                &html[html.len() - 200..]
            );
        }
        let many_elements = format!("<div>\n{}", "<br>".repeat(250_000));
        let html = to_html(&many_elements);
        assert_safe(&many_elements, &html);
        assert!(html.ends_with(
            "<p class=\"truncated\">The preview stops here: the document renders to more than \
             200,000 elements.</p>\n"
        ));
        assert!(html.len() < many_elements.len(), "{}", html.len());
        assert!(!to_html(&"<br>".repeat(150_000)).contains("truncated"));
    }

    #[test]
    fn raw_html_is_written_only_where_the_parser_keeps_it() {
        for (markdown, expected) in [
            (
                "- a\n  <table><li>x",
                "<ul>\n<li>a<table></table>x</li>\n</ul>\n",
            ),
            (
                "[a <a href=x>b</a> c](https://y)",
                "<p><a href=\"https://y\" rel=\"noopener noreferrer nofollow\">a b c</a></p>\n",
            ),
            (
                "<a href=x>a [b](y) c</a> d",
                "<p><a href=\"x\" rel=\"noopener noreferrer nofollow\">a b c</a> d</p>\n",
            ),
            ("<p>a<div>b</div>", "<p>ab</p>"),
            ("*a <div>b</div>*", "<p><em>a b</em></p>\n"),
            ("<ul><b>x</b><li>y", "<ul><li>x</li><li>y</li></ul>"),
            (
                "<ul>\n<li>a\n<li>b\n</ul>",
                "<ul>\n<li>a\n</li><li>b\n</li></ul>",
            ),
            (
                "<table><tr><td>a<td>b<tr><td>c</table>",
                "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>",
            ),
            (
                "<table>\n\nparagraph",
                "<table>\n</table><p>paragraph</p>\n",
            ),
            (
                "| <div>cell</div> |\n|---|",
                "<table>\n<thead>\n<tr><th><div>cell</div></th></tr>\n</thead>\n</table>\n",
            ),
        ] {
            assert_eq!(to_html(markdown), expected, "from {markdown:?}");
        }
    }

    #[test]
    fn keeps_the_text_of_dropped_tags() {
        assert_eq!(to_html("<center>Middle</center>"), "Middle");
        assert_eq!(
            to_html("a <font color=red>red</font> b"),
            "<p>a red b</p>\n"
        );
    }

    #[test]
    fn raw_html_cannot_unbalance_the_page() {
        assert_eq!(to_html("a <b>bold"), "<p>a <b>bold</b></p>\n");
        assert_eq!(to_html("a </b></div> c"), "<p>a  c</p>\n");
        assert_eq!(
            to_html("a <b>bold *x</b> y* z</b>"),
            "<p>a <b>bold <em>x y</em> z</b></p>\n"
        );
        assert_eq!(
            to_html("<div>\n\nopen to the end"),
            "<div>\n<p>open to the end</p>\n</div>"
        );
        assert_eq!(
            to_html("- <i>item\n- next</i>"),
            "<ul>\n<li><i>item</i></li>\n<li>next</li>\n</ul>\n"
        );
        assert_eq!(
            to_html("<b>x<br/>y<span/>z"),
            "<p><b>x<br>y<span></span>z</b></p>\n"
        );
    }

    #[test]
    fn character_references_stay_text() {
        assert_eq!(
            to_html("<div>&copy; &bogus; &#8594; & x &lt;script&gt;</div>"),
            "<div>&copy; &bogus; &#8594; &amp; x &lt;script&gt;</div>"
        );
        assert_eq!(to_html("&copy; &#x41;"), "<p>© A</p>\n");
    }

    #[test]
    fn never_panics_on_fragments_of_hostile_input() {
        const FRAGMENTS: &[&str] = &[
            "<",
            ">",
            "\"",
            "'",
            "=",
            "/",
            "on",
            "onerror=",
            "script",
            "<script>",
            "</script>",
            "<script",
            "&#",
            "&#x",
            "&",
            ";",
            "&#106",
            "javascript:",
            "java\tscript:",
            "[",
            "]",
            "](",
            ")",
            "![",
            "`",
            "```",
            "|",
            "|---|",
            "- [ ] ",
            "- [x] ",
            "1. ",
            "> ",
            "# ",
            "*",
            "**",
            "~~",
            "\n",
            "\n\n",
            " ",
            "    ",
            "\t",
            "\0",
            "\\",
            "é",
            "漢",
            "🦀",
            "\u{200B}",
            "<img src=",
            "<a href=",
            "<b>",
            "</b>",
            "<div>",
            "</div>",
            "<details>",
            "<svg>",
            "</svg>",
            "<math>",
            "<style>",
            "<table>",
            "<td>",
            "<p align=center>",
            "<!--",
            "-->",
            "<![CDATA[",
            "<?",
            "<br/>",
            "http://x",
            "data:",
            "%6A",
            "---\n",
            "+++\n",
            "<noscript>",
            "</noscript>",
            "<textarea>",
            "<plaintext>",
            "x",
        ];
        let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..4000 {
            let fragment_count = random.below(24) + 1;
            let markdown: String = (0..fragment_count)
                .map(|_| FRAGMENTS[random.below(FRAGMENTS.len())])
                .collect();
            assert_safe(&markdown, &to_html(&markdown));
        }
    }

    #[test]
    fn output_checker_rejects_unsafe_html() {
        for unsafe_html in [
            "<img src=\"javascript:alert(1)\">",
            "<img src=\" &#9;java&#x09;script:alert(1)\">",
            "<a href=\"data:text/html,x\">x</a>",
            "<p onclick=\"x\">x</p>",
            "<p style=\"x\">x</p>",
            "<h1 id=\"x\">x</h1>",
            "<a name=\"x\">x</a>",
            "<b>unclosed",
            "<b><i>x</b></i>",
            "<custom>x</custom>",
            "text with \" quote",
            "<p title=\"x\"y>z</p>",
        ] {
            assert!(
                check_structure(unsafe_html).is_err(),
                "{unsafe_html:?} passed"
            );
        }
    }

    struct XorShift(u64);

    impl XorShift {
        fn below(&mut self, bound: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            let bound = u64::try_from(bound).expect("bound fits in u64");
            usize::try_from(self.0 % bound).expect("below a usize bound")
        }
    }

    /// Every tag the writer can produce, and every attribute.
    const OUTPUT_TAGS: &[&str] = &[
        "a",
        "b",
        "blockquote",
        "br",
        "code",
        "del",
        "details",
        "div",
        "dl",
        "dd",
        "dt",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "input",
        "kbd",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    ];
    const OUTPUT_VOID_TAGS: &[&str] = &["br", "hr", "img", "input"];
    const OUTPUT_ATTRIBUTES: &[&str] = &[
        "href",
        "src",
        "alt",
        "title",
        "width",
        "height",
        "align",
        "colspan",
        "rowspan",
        "start",
        "open",
        "rel",
        "loading",
        "class",
        "type",
        "disabled",
        "checked",
        "aria-label",
    ];

    /// Checks the output the way a browser would read it, independently of the writer.
    fn assert_safe(markdown: &str, html: &str) {
        let lowercase = html.to_ascii_lowercase();
        for forbidden in [
            "<script",
            "<iframe",
            "<svg",
            "<object",
            "<embed",
            "<style",
            "<math",
            "<form",
            "<meta",
            "<link",
            "<base",
            "<template",
            "<noscript",
            "<textarea",
            "<input autofocus",
        ] {
            assert!(
                !lowercase.contains(forbidden),
                "{forbidden} in {html:?} from {markdown:?}"
            );
        }
        if let Err(problem) = check_structure(html) {
            panic!("{problem} in {html:?} from {markdown:?}");
        }
    }

    /// Every `<` opens a known tag with known, double-quoted attributes; no text holds a
    /// character that could end an attribute or a tag; every element is closed in order; and
    /// no URL has a scheme other than http, https or mailto.
    fn check_structure(html: &str) -> Result<(), String> {
        let mut open_elements: Vec<&str> = Vec::new();
        let mut rest = html;
        loop {
            let text_end = rest.find('<').unwrap_or(rest.len());
            let (text, after_text) = rest.split_at(text_end);
            if let Some(bad) = text
                .chars()
                .find(|character| matches!(character, '>' | '"' | '\''))
            {
                return Err(format!("unescaped {bad:?} in text {text:?}"));
            }
            let Some(after_open) = after_text.strip_prefix('<') else {
                break;
            };
            let tag_end = after_open.find('>').ok_or("unclosed tag")?;
            let (tag, after_tag) = after_open.split_at(tag_end);
            rest = &after_tag[1..];
            if let Some(name) = tag.strip_prefix('/') {
                let opened = open_elements.pop();
                if opened != Some(name) {
                    return Err(format!("</{name}> closes {opened:?}"));
                }
                continue;
            }
            let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
            if !OUTPUT_TAGS.contains(&name) {
                return Err(format!("tag <{name}>"));
            }
            while !attributes.is_empty() {
                let name_end = attributes.find(['=', ' ']).unwrap_or(attributes.len());
                let (attribute, after_name) = attributes.split_at(name_end);
                attributes = after_name;
                let mut value = "";
                if let Some(quoted) = attributes.strip_prefix("=\"") {
                    let value_end = quoted.find('"').ok_or("unclosed attribute value")?;
                    value = &quoted[..value_end];
                    attributes = &quoted[value_end + 1..];
                }
                attributes = attributes.strip_prefix(' ').unwrap_or(attributes);
                if !OUTPUT_ATTRIBUTES.contains(&attribute) || attribute.starts_with("on") {
                    return Err(format!("attribute {attribute:?}"));
                }
                let references_are_escapes = value.match_indices('&').all(|(index, _)| {
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                        .iter()
                        .any(|escape| value[index..].starts_with(escape))
                });
                if value.contains(['<', '>', '\'']) || !references_are_escapes {
                    return Err(format!("unescaped value {value:?}"));
                }
                if matches!(attribute, "href" | "src") {
                    check_url(value)?;
                }
                let own_class = matches!(value, "task" | "image-placeholder" | "truncated");
                if attribute == "class" && !own_class && !value.starts_with("language-") {
                    return Err(format!("class {value:?}"));
                }
            }
            if !OUTPUT_VOID_TAGS.contains(&name) {
                open_elements.push(name);
            }
        }
        if open_elements.is_empty() {
            Ok(())
        } else {
            Err(format!("unclosed {open_elements:?}"))
        }
    }

    /// The scheme as the URL parser finds it: leading spaces and controls trimmed, tabs and
    /// newlines removed, then letters, digits, `+`, `-` or `.` up to a `:`.
    fn check_url(escaped: &str) -> Result<(), String> {
        let url = escaped
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let cleaned: String = url
            .trim_start_matches(|character: char| character <= ' ')
            .chars()
            .filter(|character| !matches!(character, '\t' | '\n' | '\r'))
            .collect::<String>()
            .to_ascii_lowercase();
        let scheme_length = cleaned
            .find(|character: char| {
                !(character.is_ascii_alphanumeric() || matches!(character, '+' | '-' | '.'))
            })
            .unwrap_or(cleaned.len());
        let has_scheme = cleaned.starts_with(|character: char| character.is_ascii_alphabetic())
            && cleaned[scheme_length..].starts_with(':');
        let scheme = &cleaned[..scheme_length];
        if has_scheme && !matches!(scheme, "http" | "https" | "mailto") {
            return Err(format!("URL {url:?} with scheme {scheme:?}"));
        }
        for forbidden in ["javascript:", "vbscript:", "data:"] {
            if cleaned.starts_with(forbidden) {
                return Err(format!("URL {url:?}"));
            }
        }
        Ok(())
    }
}
