//! pulldown-cmark events (with offsets) → top-level blocks with plain text and spans.

use crate::model::{Block, BlockKind, Cell, Heading, HeadingStyle, Image, Line, ListItem};
use crate::parse::html_headings;
use crate::parse::images::ImageReader;
use crate::span::Span;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The front matter extensions, which only apply at the start of a document.
const FRONT_MATTER: Options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

/// The blocks of a document, its front matter if it has some, and its images.
pub(crate) struct Content {
    pub(crate) front_matter: Option<Span>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) images: Vec<Image>,
}

/// The Markdown extensions postmortems use. Front matter is only read where it can be: at the
/// very start of the document (pulldown-cmark would take a `---` block anywhere).
pub(crate) fn markdown_options(source: &str) -> Options {
    let mut options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    if source.starts_with("---") {
        options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    }
    if source.starts_with("+++") {
        options |= Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    }
    options
}

pub(crate) fn read_blocks(source: &str) -> Content {
    let mut reader = BlockReader {
        source,
        front_matter: None,
        blocks: Vec::new(),
        open: None,
        depth: 0,
        strong: 0,
        image: 0,
        item: None,
        child: None,
        children: Vec::new(),
    };
    let mut images = ImageReader::default();
    let mut read = |event: Event<'_>, range: Range<usize>| {
        images.event(source, &event, &range);
        reader.event(event, range);
    };
    let options = markdown_options(source);
    let mut events = Parser::new_ext(source, options).into_offset_iter();
    // Blocks open around the event: only a top-level HTML block is split, since a block in
    // a list item or a quote holds its container's indents and markers.
    let mut depth = 0_usize;
    while let Some((event, range)) = events.next() {
        let pieces = (depth == 0 && matches!(event, Event::Start(Tag::HtmlBlock)))
            .then(|| html_headings::split(source, range.clone()))
            .flatten();
        let Some(pieces) = pieces else {
            match &event {
                Event::Start(tag) if is_container(tag) => depth += 1,
                Event::End(tag) if is_container_end(*tag) => depth = depth.saturating_sub(1),
                _ => {}
            }
            read(event, range);
            continue;
        };
        // The block's own events are replaced by its pieces'.
        events
            .by_ref()
            .find(|(event, _)| matches!(event, Event::End(TagEnd::HtmlBlock)));
        for piece in pieces {
            match piece {
                html_headings::Piece::Heading(range) => {
                    read(Event::Start(Tag::HtmlBlock), range.clone());
                    read(Event::Html(source[range.clone()].into()), range.clone());
                    read(Event::End(TagEnd::HtmlBlock), range);
                }
                // Each piece is read once, so a document is still read in one pass.
                html_headings::Piece::Markdown(range) => {
                    let text = &source[range.clone()];
                    let inner = Parser::new_ext(text, options & !FRONT_MATTER).into_offset_iter();
                    for (event, inner_range) in inner {
                        let shifted =
                            inner_range.start + range.start..inner_range.end + range.start;
                        read(event, shifted);
                    }
                }
            }
        }
    }
    Content {
        front_matter: reader.front_matter,
        blocks: reader.blocks,
        images: images.images,
    }
}

/// The top-level block being read.
enum Open {
    Paragraph {
        lines: Vec<Line>,
        line: LineBuilder,
    },
    Heading {
        level: u8,
        style: HeadingStyle,
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
        in_head: bool,
        cell: Option<(String, Span)>,
    },
    Html {
        text: String,
    },
    Code {
        text: String,
    },
    /// A code block that holds prose: an indented block, or a fence with no language. Real
    /// documents indent paragraphs with tabs or fence the whole text; a reader sees prose.
    ProseCode {
        /// Paragraphs: runs of lines between blank lines.
        paragraphs: Vec<Vec<Line>>,
    },
    Quote {
        text: String,
    },
    FrontMatter,
}

/// A paragraph line under construction: its text and the extent of its inline events.
#[derive(Default)]
struct LineBuilder {
    text: String,
    span: Option<Span>,
    /// Whether text in strong emphasis, and text outside it, shows on the line.
    has_strong: bool,
    has_plain: bool,
}

impl LineBuilder {
    fn touch(&mut self, range: &Range<usize>) {
        let span = Span::from_range(range.clone());
        self.span = Some(self.span.map_or(span, |line| line.cover(span)));
    }

    fn finish(&mut self, lines: &mut Vec<Line>) {
        let line = std::mem::take(self);
        if let Some(span) = line.span {
            lines.push(Line {
                bold: line.has_strong && !line.has_plain,
                text: trimmed(line.text),
                span,
            });
        }
    }
}

struct BlockReader<'s> {
    source: &'s str,
    front_matter: Option<Span>,
    blocks: Vec<Block>,
    open: Option<(Open, Span)>,
    /// Nesting of block containers inside the open top-level block.
    depth: usize,
    strong: usize,
    image: usize,
    /// Text of the list item being read, and its task marker.
    item: Option<(String, Span, Option<bool>)>,
    /// The item of a list nested in it that is being read, and those read.
    child: Option<(String, Span, Option<bool>)>,
    children: Vec<ListItem>,
}

impl BlockReader<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if self.open.is_none() {
            if let Event::Start(tag) = &event {
                self.start_block(tag, &range);
            } else {
                self.lone_event(&event, &range);
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start_inner(&tag, &range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text, &range),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, &range),
            Event::SoftBreak | Event::HardBreak => self.line_break(),
            Event::TaskListMarker(done) => {
                if let Some((_, _, task)) = self.child.as_mut().or(self.item.as_mut()) {
                    *task = Some(done);
                }
            }
            _ => self.text_like(&range),
        }
    }

    /// Events that are whole blocks by themselves.
    fn lone_event(&mut self, event: &Event<'_>, range: &Range<usize>) {
        let kind = match event {
            Event::Rule => BlockKind::ThematicBreak,
            Event::Html(html) => BlockKind::Html {
                text: html.to_string(),
            },
            _ => return,
        };
        self.blocks.push(Block {
            kind,
            span: Span::from_range(range.clone()),
        });
    }

    fn start_block(&mut self, tag: &Tag<'_>, range: &Range<usize>) {
        let open = match tag {
            Tag::Paragraph => Open::Paragraph {
                lines: Vec::new(),
                line: LineBuilder::default(),
            },
            Tag::Heading { level, .. } => Open::Heading {
                level: heading_level(*level),
                style: if self.source[range.clone()].starts_with('#') {
                    HeadingStyle::Atx
                } else {
                    HeadingStyle::Setext
                },
                text: String::new(),
            },
            Tag::List(first) => Open::List {
                ordered: first.is_some(),
                items: Vec::new(),
            },
            Tag::Table(_) => Open::Table {
                header: Vec::new(),
                rows: Vec::new(),
                in_head: false,
                cell: None,
            },
            Tag::HtmlBlock => Open::Html {
                text: String::new(),
            },
            Tag::CodeBlock(kind) if holds_prose(kind) => Open::ProseCode {
                paragraphs: vec![Vec::new()],
            },
            Tag::CodeBlock(_) => Open::Code {
                text: String::new(),
            },
            Tag::MetadataBlock(_) => Open::FrontMatter,
            _ => Open::Quote {
                text: String::new(),
            },
        };
        self.open = Some((open, Span::from_range(range.clone())));
        self.depth = 0;
    }

    fn start_inner(&mut self, tag: &Tag<'_>, range: &Range<usize>) {
        match tag {
            Tag::Strong => self.strong += 1,
            Tag::Image { .. } => self.image += 1,
            _ => {}
        }
        let Some((open, _)) = &mut self.open else {
            return;
        };
        // An item of a list directly inside the open item: item, list, item.
        if matches!(tag, Tag::Item) && self.depth == 2 && self.item.is_some() {
            self.child = Some((String::new(), Span::from_range(range.clone()), None));
        }
        match (open, tag) {
            (Open::List { .. }, Tag::Item) if self.depth == 0 => {
                self.item = Some((String::new(), Span::from_range(range.clone()), None));
            }
            (Open::Paragraph { line, .. }, _) => line.touch(range),
            (Open::Table { in_head, .. }, Tag::TableHead) => *in_head = true,
            (Open::Table { cell, .. }, Tag::TableCell) => {
                *cell = Some((String::new(), Span::from_range(range.clone())));
            }
            (Open::Table { rows, .. }, Tag::TableRow) => rows.push(Vec::new()),
            (_, Tag::Paragraph | Tag::Item) => {
                if let Some(text) = self.item_or_text() {
                    push_break(text);
                }
            }
            _ => {}
        }
        if is_container(tag) {
            self.depth += 1;
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            _ => {}
        }
        if is_container_end(tag) {
            if self.depth == 0 {
                self.finish_block();
                return;
            }
            self.depth -= 1;
        }
        let Some((open, _)) = &mut self.open else {
            return;
        };
        match (open, tag) {
            (Open::List { items, .. }, TagEnd::Item) if self.depth == 0 => {
                if let Some((text, span, task)) = self.item.take() {
                    items.push(ListItem {
                        text: trimmed(text),
                        span: trim_end(self.source, span),
                        task,
                        children: std::mem::take(&mut self.children),
                    });
                }
            }
            (Open::List { .. }, TagEnd::Item) if self.depth == 2 => {
                if let Some((text, span, task)) = self.child.take() {
                    self.children.push(ListItem {
                        text: trimmed(text),
                        span: trim_end(self.source, span),
                        task,
                        children: Vec::new(),
                    });
                }
            }
            (Open::Table { in_head, .. }, TagEnd::TableHead) => *in_head = false,
            (
                Open::Table {
                    header,
                    rows,
                    in_head,
                    cell,
                },
                TagEnd::TableCell,
            ) => {
                if let Some((text, span)) = cell.take() {
                    let cell = Cell {
                        text: trimmed(text),
                        span,
                    };
                    if *in_head {
                        header.push(cell);
                    } else if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, range: &Range<usize>) {
        if self.image > 0 {
            self.text_like(range);
            return;
        }
        let strong = self.strong > 0;
        match self.open.as_mut().map(|(open, _)| open) {
            Some(Open::Paragraph { line, .. }) => {
                line.touch(range);
                line.text.push_str(text);
                let visible = text.chars().any(|c| !c.is_whitespace());
                if strong {
                    line.has_strong |= visible;
                } else {
                    line.has_plain |= visible;
                }
            }
            Some(Open::Table {
                cell: Some((cell, _)),
                ..
            }) => cell.push_str(text),
            Some(Open::ProseCode { paragraphs }) => push_code_lines(paragraphs, text, range.start),
            _ => {
                if let Some((child, _, _)) = &mut self.child {
                    child.push_str(text);
                }
                if let Some(target) = self.item_or_text() {
                    target.push_str(text);
                }
            }
        }
    }

    fn html(&mut self, html: &str, range: &Range<usize>) {
        match self.open.as_mut().map(|(open, _)| open) {
            Some(Open::Html { text }) => text.push_str(html),
            Some(Open::Paragraph { line, .. }) => line.touch(range),
            _ => {}
        }
    }

    fn text_like(&mut self, range: &Range<usize>) {
        if let Some((Open::Paragraph { line, .. }, _)) = &mut self.open {
            line.touch(range);
        }
    }

    fn line_break(&mut self) {
        match self.open.as_mut().map(|(open, _)| open) {
            Some(Open::Paragraph { lines, line }) => line.finish(lines),
            Some(Open::Table {
                cell: Some((cell, _)),
                ..
            }) => cell.push(' '),
            _ => {
                if let Some((child, _, _)) = &mut self.child {
                    child.push('\n');
                }
                if let Some(text) = self.item_or_text() {
                    text.push('\n');
                }
            }
        }
    }

    /// Where plain text goes in blocks without lines: the open list item, or the block's text.
    fn item_or_text(&mut self) -> Option<&mut String> {
        if let Some((text, _, _)) = &mut self.item {
            return Some(text);
        }
        match &mut self.open {
            Some((
                Open::Heading { text, .. }
                | Open::Html { text }
                | Open::Code { text }
                | Open::Quote { text },
                _,
            )) => Some(text),
            _ => None,
        }
    }

    fn finish_block(&mut self) {
        let Some((open, span)) = self.open.take() else {
            return;
        };
        self.item = None;
        self.child = None;
        self.children.clear();
        let kind = match open {
            Open::Paragraph {
                mut lines,
                mut line,
            } => {
                line.finish(&mut lines);
                align_with_source_lines(self.source, span, &mut lines);
                BlockKind::Paragraph { lines }
            }
            Open::Heading { level, style, text } => BlockKind::Heading {
                heading: Heading {
                    text: trimmed(text),
                    level,
                    style,
                    span: trim_end(self.source, span),
                },
            },
            Open::List { ordered, items } => BlockKind::List { ordered, items },
            Open::Table {
                header, mut rows, ..
            } => {
                rows.retain(|row| !row.is_empty());
                BlockKind::Table { header, rows }
            }
            Open::Html { text } => BlockKind::Html { text },
            Open::Code { text } => BlockKind::Code { text },
            Open::ProseCode { paragraphs } => {
                for lines in paragraphs.into_iter().filter(|lines| !lines.is_empty()) {
                    let span = lines
                        .iter()
                        .map(|line| line.span)
                        .reduce(Span::cover)
                        .unwrap_or(span);
                    self.blocks.push(Block {
                        kind: BlockKind::Paragraph { lines },
                        span,
                    });
                }
                return;
            }
            Open::Quote { text } => BlockKind::Quote { text },
            Open::FrontMatter => {
                self.front_matter = Some(span);
                return;
            }
        };
        self.blocks.push(Block {
            kind,
            span: trim_end(self.source, span),
        });
    }
}

/// Gives each paragraph line the span of its whole source line. Inline events can reach
/// across lines (a link whose text wraps), so their ranges alone would let lines overlap.
fn align_with_source_lines(source: &str, paragraph: Span, lines: &mut [Line]) {
    let mut source_lines = Vec::with_capacity(lines.len());
    let mut offset = paragraph.start as usize;
    for line in paragraph.text(source).split_inclusive('\n') {
        let content = line.trim_end();
        let leading = content.len() - content.trim_start().len();
        if !content.trim().is_empty() {
            source_lines.push(Span::from_range(offset + leading..offset + content.len()));
        }
        offset += line.len();
    }
    if source_lines.len() == lines.len() {
        for (line, span) in lines.iter_mut().zip(source_lines) {
            line.span = span;
        }
    }
}

fn holds_prose(kind: &CodeBlockKind<'_>) -> bool {
    match kind {
        CodeBlockKind::Indented => true,
        CodeBlockKind::Fenced(info) => matches!(
            info.trim().to_ascii_lowercase().as_str(),
            "" | "text" | "txt" | "plain" | "plaintext" | "markdown" | "md"
        ),
    }
}

/// Splits a code block's text into lines that keep their source spans. Code text arrives
/// verbatim, one event per line or more, so offsets map one to one.
fn push_code_lines(paragraphs: &mut Vec<Vec<Line>>, text: &str, start: usize) {
    let mut offset = start;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let leading = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if paragraphs.last().is_some_and(|lines| !lines.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(lines) = paragraphs.last_mut() {
            let line_start = offset + leading;
            lines.push(Line {
                text: trimmed.to_owned(),
                span: Span::from_range(line_start..line_start + trimmed.len()),
                bold: false,
            });
        }
        offset += line.len();
    }
}

/// `text` without whitespace at either end, reusing its buffer when there is none.
fn trimmed(text: String) -> String {
    if text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_owned()
    }
}

fn push_break(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// Block ranges from pulldown-cmark may include trailing line breaks; spans do not.
fn trim_end(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let trimmed = text.trim_end();
    Span::new(
        span.start,
        span.start + u32::try_from(trimmed.len()).unwrap_or(0),
    )
}

/// Tags that open a level of block nesting (their end closes the top-level block at depth 0).
fn is_container(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_container_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
