//! An oracle for the safe HTML, independent of its writer: `html::to_html`'s output read by an
//! HTML5 parser (html5ever) as a browser's `innerHTML` reads it, in a `<div>`, and judged
//! against an allowlist written here. Two questions:
//!
//! - Does the parser keep what was written? The tags of the output, read by the parser's own
//!   tokenizer and nested strictly as written, must make the same tree as the one the parser
//!   builds. The tree builder is where the parser moves content (a block start tag closes a
//!   paragraph, a second `<a>` closes the first, text in a table is put in front of it), so
//!   any difference is output the browser rebuilds into something nobody checked.
//! - Is that tree safe? Only the elements and attributes listed here, only link schemes a
//!   click cannot run (http, https, mailto or relative), no event handler or style, and no
//!   image at all unless images are on, then only from absolute `https:` addresses.
//!
//! Used by `crates/postmortem/tests/html_oracle.rs` and the `html` fuzz target.

use html5ever::interface::QualName;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, ParseOpts, local_name, ns, parse_fragment};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use postmortem::html::Images;
use std::cell::RefCell;

/// Checks that the parser builds exactly the tree `html` was written as, and that this tree
/// holds only what the allowlist allows. The error names the first problem and where it is.
pub fn check(html: &str, images: Images) -> Result<(), String> {
    let written = written_tree(html)?;
    let parsed = parsed_tree(html);
    if let Some(index) =
        (0..written.len().max(parsed.len())).find(|index| written.get(*index) != parsed.get(*index))
    {
        return Err(format!(
            "the parser rebuilds the output: written {:?}, parsed {:?}, after {:?}",
            written.get(index..written.len().min(index + 4)),
            parsed.get(index..parsed.len().min(index + 4)),
            &written[index.saturating_sub(6)..index],
        ));
    }
    check_allowed(&parsed, images)
}

/// A tree as the sequence of its nodes in document order: no recursion, however deep, and a
/// difference is found by comparing two sequences.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    Open {
        name: String,
        attributes: Vec<(String, String)>,
    },
    Close,
    Text(String),
}

/// Browsers stop nesting past this depth (Chromium at 512), putting deeper elements beside
/// their parent rather than inside it.
const BROWSER_DEPTH_LIMIT: usize = 512;

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The tree the output was written as: the parser's tokenizer reads the tags, and each end tag
/// must close the element opened last. What the tree builder does on its own, and is no
/// moving of content, is done here too: a newline straight after `<pre>` is not content.
pub fn written_tree(html: &str) -> Result<Vec<Piece>, String> {
    let tokenizer = Tokenizer::new(
        TokenCollector::default(),
        TokenizerOpts {
            discard_bom: false,
            ..TokenizerOpts::default()
        },
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let tokens = tokenizer.sink.tokens.take();
    let mut pieces = Vec::new();
    let mut open: Vec<LocalName> = Vec::new();
    let mut after_pre = false;
    for token in tokens {
        let was_after_pre = std::mem::take(&mut after_pre);
        match token {
            Token::CharacterTokens(text) => {
                let text = if was_after_pre {
                    text.strip_prefix('\n').unwrap_or(&text).to_owned()
                } else {
                    text.to_string()
                };
                push_text(&mut pieces, &text);
            }
            Token::NullCharacterToken => push_text(&mut pieces, "\0"),
            Token::TagToken(Tag {
                kind: TagKind::StartTag,
                name,
                self_closing,
                attrs,
                ..
            }) => {
                let is_void = VOID.contains(&&*name);
                if self_closing && !is_void {
                    return Err(format!("<{name}/>: HTML ignores the slash"));
                }
                pieces.push(Piece::Open {
                    name: name.to_string(),
                    attributes: attrs
                        .iter()
                        .map(|attribute| {
                            (
                                attribute.name.local.to_string(),
                                attribute.value.to_string(),
                            )
                        })
                        .collect(),
                });
                if is_void {
                    pieces.push(Piece::Close);
                } else {
                    after_pre = &*name == "pre";
                    open.push(name);
                    if open.len() > BROWSER_DEPTH_LIMIT {
                        return Err(format!("elements nested deeper than {BROWSER_DEPTH_LIMIT}"));
                    }
                }
            }
            Token::TagToken(Tag {
                kind: TagKind::EndTag,
                name,
                ..
            }) => match open.pop() {
                Some(opened) if opened == name => pieces.push(Piece::Close),
                opened => return Err(format!("</{name}> closes {opened:?}")),
            },
            Token::CommentToken(_) => return Err("a comment in the output".into()),
            Token::DoctypeToken(_) => return Err("a doctype in the output".into()),
            Token::ParseError(_) | Token::EOFToken => {}
        }
    }
    if open.is_empty() {
        Ok(pieces)
    } else {
        Err(format!("left open: {open:?}"))
    }
}

/// Collects the tokenizer's tokens.
#[derive(Default)]
struct TokenCollector {
    tokens: RefCell<Vec<Token>>,
}

impl TokenSink for TokenCollector {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        self.tokens.borrow_mut().push(token);
        TokenSinkResult::Continue
    }
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(previous)) = pieces.last_mut() {
        previous.push_str(text);
    } else {
        pieces.push(Piece::Text(text.to_owned()));
    }
}

/// The tree the parser builds from the output, as `element.innerHTML = html` builds it in a
/// `<div>` with scripting on. Elements outside the HTML namespace (svg, math) are named with
/// their namespace, so that they never pass for HTML ones.
pub fn parsed_tree(html: &str) -> Vec<Piece> {
    let mut options = ParseOpts::default();
    options.tokenizer.discard_bom = false;
    options.tree_builder.scripting_enabled = true;
    let dom = parse_fragment(
        RcDom::default(),
        options,
        QualName::new(None, ns!(html), local_name!("div")),
        Vec::new(),
        true,
    )
    .one(html);
    // The fragment's nodes are the children of the `html` element the parser wraps them in.
    let root = dom.document.children.borrow().first().cloned();
    let mut pieces = Vec::new();
    let Some(root) = root else {
        return pieces;
    };
    // Depth first, without recursion: `None` closes the element opened last.
    let mut stack: Vec<Option<Handle>> = root
        .children
        .borrow()
        .iter()
        .rev()
        .cloned()
        .map(Some)
        .collect();
    while let Some(entry) = stack.pop() {
        let Some(node) = entry else {
            pieces.push(Piece::Close);
            continue;
        };
        match &node.data {
            NodeData::Text { contents } => push_text(&mut pieces, &contents.borrow()),
            NodeData::Element { name, attrs, .. } => {
                let element = if name.ns == ns!(html) {
                    name.local.to_string()
                } else {
                    format!("{}:{}", name.ns, name.local)
                };
                pieces.push(Piece::Open {
                    name: element,
                    attributes: attrs
                        .borrow()
                        .iter()
                        .map(|attribute| {
                            (
                                attribute.name.local.to_string(),
                                attribute.value.to_string(),
                            )
                        })
                        .collect(),
                });
                stack.push(None);
                stack.extend(node.children.borrow().iter().rev().cloned().map(Some));
            }
            NodeData::Comment { .. } => pieces.push(Piece::Text("<!--comment-->".into())),
            NodeData::Document
            | NodeData::Doctype { .. }
            | NodeData::ProcessingInstruction { .. } => {}
        }
    }
    pieces
}

/// The elements the safe HTML may hold, each with the attributes it may have. Values are
/// checked apart: URLs, classes, `rel` and the task checkbox's attributes.
const ALLOWED: &[(&str, &[&str])] = &[
    ("a", &["href", "title", "rel"]),
    ("b", &[]),
    ("blockquote", &[]),
    ("br", &[]),
    ("code", &["class"]),
    ("dd", &[]),
    ("del", &[]),
    ("details", &["open"]),
    ("div", &["align"]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("h1", &["align"]),
    ("h2", &["align"]),
    ("h3", &["align"]),
    ("h4", &["align"]),
    ("h5", &["align"]),
    ("h6", &["align"]),
    ("hr", &[]),
    ("i", &[]),
    (
        "img",
        &["src", "alt", "title", "width", "height", "loading"],
    ),
    ("input", &["type", "aria-label", "disabled", "checked"]),
    ("kbd", &[]),
    ("li", &["class"]),
    ("ol", &["start"]),
    ("p", &["align", "class"]),
    ("pre", &[]),
    ("s", &[]),
    ("span", &["class"]),
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

/// Elements that hold only text and other phrasing elements.
const PHRASING_ONLY: &[&str] = &[
    "a", "b", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "kbd", "p", "s",
    "span", "strong", "sub", "summary", "sup", "u", "dt",
];

/// Elements that are not phrasing content.
const BLOCKS: &[&str] = &[
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The only parents an element may have, for those that belong somewhere.
fn required_parents(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "li" => &["ul", "ol"],
        "thead" | "tbody" => &["table"],
        "tr" => &["thead", "tbody"],
        "td" | "th" => &["tr"],
        "dt" | "dd" => &["dl"],
        _ => return None,
    })
}

/// What a parent may hold directly, for those that hold only their own parts (and whitespace).
fn allowed_children(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "ul" | "ol" => &["li"],
        "table" => &["thead", "tbody"],
        "thead" | "tbody" => &["tr"],
        "tr" => &["td", "th"],
        "dl" => &["dt", "dd"],
        _ => return None,
    })
}

/// Checks every element, attribute and text of the parsed tree against the allowlist.
pub fn check_allowed(pieces: &[Piece], images: Images) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Close => {
                open.pop();
            }
            Piece::Text(text) => {
                if let Some(parent) = open.last()
                    && allowed_children(parent).is_some()
                    && !text
                        .chars()
                        .all(|character| character.is_ascii_whitespace())
                {
                    return Err(format!("text {text:?} straight in <{parent}>"));
                }
            }
            Piece::Open { name, attributes } => {
                check_element(name, attributes, images)?;
                let parent = open.last().copied();
                if let Some(parents) = required_parents(name)
                    && !parent.is_some_and(|parent| parents.contains(&parent))
                {
                    return Err(format!("<{name}> in {parent:?}"));
                }
                if let Some(parent) = parent
                    && let Some(children) = allowed_children(parent)
                    && !children.contains(&name.as_str())
                {
                    return Err(format!("<{name}> straight in <{parent}>"));
                }
                if BLOCKS.contains(&name.as_str())
                    && let Some(inline) =
                        open.iter().rev().find(|open| PHRASING_ONLY.contains(open))
                {
                    return Err(format!("block <{name}> inside <{inline}>"));
                }
                if name == "a" && open.contains(&"a") {
                    return Err("<a> inside <a>".into());
                }
                open.push(name);
            }
        }
    }
    Ok(())
}

fn check_element(
    name: &str,
    attributes: &[(String, String)],
    images: Images,
) -> Result<(), String> {
    let Some((_, allowed)) = ALLOWED.iter().find(|(allowed, _)| *allowed == name) else {
        return Err(format!("element <{name}>"));
    };
    if name == "img" && images == Images::Placeholder {
        return Err("an <img> with images off".into());
    }
    for (attribute, value) in attributes {
        if attribute.starts_with("on") || !allowed.contains(&attribute.as_str()) {
            return Err(format!("attribute {attribute}={value:?} on <{name}>"));
        }
        let allowed_value = match (name, attribute.as_str()) {
            (_, "href") => is_clickable_url(value),
            (_, "src") => is_absolute_https(value),
            ("a", "rel") => value == "noopener noreferrer nofollow",
            ("code", "class") => value.strip_prefix("language-").is_some_and(|language| {
                !language.is_empty()
                    && language
                        .bytes()
                        .all(|byte| byte.is_ascii_alphanumeric() || b"_+-".contains(&byte))
            }),
            ("li", "class") => value == "task",
            ("span", "class") => value == "image-placeholder",
            ("p", "class") => value == "truncated",
            ("input", "type") => value == "checkbox",
            ("input", "aria-label") => value == "Task",
            ("input", _) => value.is_empty(),
            _ => true,
        };
        if !allowed_value {
            return Err(format!("{attribute}={value:?} on <{name}>"));
        }
    }
    let has = |wanted: &str| attributes.iter().any(|(attribute, _)| attribute == wanted);
    if name == "a" && !has("rel") {
        return Err("<a> without rel".into());
    }
    if name == "input" && !has("disabled") {
        return Err("an enabled <input>".into());
    }
    Ok(())
}

/// A URL as the URL parser reads it: leading and trailing spaces and controls trimmed, tabs
/// and newlines removed anywhere.
fn as_url_parser_reads(url: &str) -> String {
    url.trim_matches(|character: char| character <= ' ')
        .chars()
        .filter(|character| !matches!(character, '\t' | '\n' | '\r'))
        .collect()
}

/// Whether a link goes somewhere when clicked rather than running anything: no scheme (a
/// relative URL), or http, https or mailto. A scheme is a letter, then letters, digits, `+`,
/// `-` or `.`, then `:`.
fn is_clickable_url(url: &str) -> bool {
    let url = as_url_parser_reads(url);
    let scheme_end = url
        .find(|character: char| {
            !(character.is_ascii_alphanumeric() || matches!(character, '+' | '-' | '.'))
        })
        .unwrap_or(url.len());
    let has_scheme = url.starts_with(|character: char| character.is_ascii_alphabetic())
        && url[scheme_end..].starts_with(':');
    !has_scheme
        || ["http", "https", "mailto"]
            .iter()
            .any(|scheme| url[..scheme_end].eq_ignore_ascii_case(scheme))
}

/// Whether an image address loads from another host over https whatever the page's own
/// address: `https://` and a host, never a path on the page's own origin.
fn is_absolute_https(url: &str) -> bool {
    let url = as_url_parser_reads(url);
    url.get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
        && url[8..].starts_with(|character: char| !matches!(character, '/' | '\\' | '?' | '#'))
}
