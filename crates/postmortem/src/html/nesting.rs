//! Where the HTML parser lets each element stand, so that the writer puts elements only
//! where the parser keeps them: the content each element may hold, the category each one
//! belongs to, and how deep elements may nest.

use super::heading_element;
use crate::parse::markdown::Tag;

/// How deep elements may nest in the output, counting Markdown's and raw ones (written as up
/// to two tags each). Browsers stop nesting at 512 (Chromium puts deeper elements beside
/// their parent), and no real document nests anywhere near this.
pub(super) const MAX_DEPTH: usize = 128;

/// Where the HTML parser lets an element stand, by what its parent may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Category {
    Phrasing,
    Block,
    ListItem,
    TableSection,
    TableRow,
    TableCell,
}

/// What an element may hold. Writing only these nestings keeps the browser from moving
/// anything: a block start tag closes an open paragraph, a second `<a>` closes the first, and
/// text or an element in a table that is not its own part is moved out in front of it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Content {
    Flow,
    Phrasing,
    ListItems,
    TableSections,
    TableRows,
    TableCells,
    /// A Markdown list of definitions: only Markdown writes its parts.
    Definitions,
}

impl Content {
    pub(super) fn of(name: &str) -> Content {
        CONTENTS
            .iter()
            .find(|(known, _)| *known == name)
            .map_or(Content::Phrasing, |(_, content)| *content)
    }

    pub(super) fn accepts(self, category: Category) -> bool {
        matches!(
            (self, category),
            (Content::Flow, Category::Phrasing | Category::Block)
                | (Content::Phrasing, Category::Phrasing)
                | (Content::ListItems, Category::ListItem)
                | (Content::TableSections, Category::TableSection)
                | (Content::TableRows, Category::TableRow)
                | (Content::TableCells, Category::TableCell)
        )
    }
}

pub(super) fn category(name: &str) -> Category {
    CATEGORIES
        .iter()
        .find(|(known, _)| *known == name)
        .map_or(Category::Phrasing, |(_, category)| *category)
}

/// The elements that hold more than phrasing content, with what they hold; every other
/// element holds phrasing content. Tables rather than `match`es, which compile to far more
/// code in the bundles.
const CONTENTS: &[(&str, Content)] = &[
    ("blockquote", Content::Flow),
    ("details", Content::Flow),
    ("div", Content::Flow),
    ("li", Content::Flow),
    ("td", Content::Flow),
    ("th", Content::Flow),
    ("dd", Content::Flow),
    ("ul", Content::ListItems),
    ("ol", Content::ListItems),
    ("table", Content::TableSections),
    ("thead", Content::TableRows),
    ("tbody", Content::TableRows),
    ("tr", Content::TableCells),
    ("dl", Content::Definitions),
];

/// The elements that are not phrasing content, with where they may stand.
const CATEGORIES: &[(&str, Category)] = &[
    ("li", Category::ListItem),
    ("thead", Category::TableSection),
    ("tbody", Category::TableSection),
    ("tr", Category::TableRow),
    ("td", Category::TableCell),
    ("th", Category::TableCell),
    ("blockquote", Category::Block),
    ("details", Category::Block),
    ("div", Category::Block),
    ("dl", Category::Block),
    ("h1", Category::Block),
    ("h2", Category::Block),
    ("h3", Category::Block),
    ("h4", Category::Block),
    ("h5", Category::Block),
    ("h6", Category::Block),
    ("hr", Category::Block),
    ("ol", Category::Block),
    ("p", Category::Block),
    ("pre", Category::Block),
    ("summary", Category::Block),
    ("table", Category::Block),
    ("ul", Category::Block),
];

/// The element a Markdown block or span is written as, for where it may stand.
pub(super) fn markdown_element(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::Paragraph => "p",
        Tag::Heading { level, .. } => heading_element(*level),
        Tag::BlockQuote(_) => "blockquote",
        Tag::CodeBlock(_) => "pre",
        Tag::List(Some(_)) => "ol",
        Tag::List(None) => "ul",
        Tag::Item => "li",
        Tag::Table(_) => "table",
        Tag::TableHead => "thead",
        Tag::TableRow => "tr",
        Tag::TableCell => "td",
        Tag::Emphasis => "em",
        Tag::Strong => "strong",
        Tag::Strikethrough => "del",
        Tag::Superscript => "sup",
        Tag::Subscript => "sub",
        Tag::Link { .. } => "a",
        Tag::FootnoteDefinition(_) => "div",
        Tag::DefinitionList => "dl",
        Tag::DefinitionListTitle => "dt",
        Tag::DefinitionListDefinition => "dd",
        Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock => "span",
    }
}

/// How many levels an element takes with the parts it cannot be without, itself included.
pub(super) fn reserved_depth(name: &str) -> usize {
    match name {
        "table" => 4,
        "thead" | "tbody" => 3,
        "tr" | "ul" | "ol" | "dl" => 2,
        _ => 1,
    }
}
