//! Raw HTML split into tokens as the browser's tokenizer reads it: tags with their attributes
//! (names lowercased, character references decoded, where each value is written), text, and
//! comments and the like to drop. The renderer sanitises with it and the parser reads images
//! and list items with it, so that the two never read a tag differently.

use super::comment_end;
use std::ops::Range;

/// Whether the text after an `&` starts a well-formed character reference, named or numeric,
/// ended by `;` (`copy;`, `#8594;`, `#x41;`).
pub(crate) fn is_character_reference(after_ampersand: &str) -> bool {
    let bytes = after_ampersand.as_bytes();
    let (body, is_digit): (&[u8], fn(&u8) -> bool) = match bytes {
        [b'#', b'x' | b'X', rest @ ..] => (rest, u8::is_ascii_hexdigit),
        [b'#', rest @ ..] => (rest, u8::is_ascii_digit),
        [first, ..] if first.is_ascii_alphabetic() => (bytes, u8::is_ascii_alphanumeric),
        _ => return false,
    };
    let length = body.iter().take_while(|byte| is_digit(byte)).count();
    length > 0 && body.get(length) == Some(&b';')
}

/// Decodes character references the way a browser does in an attribute value: numeric ones
/// with or without `;`, and the named ones that matter (all that can hide a URL scheme, plus
/// common punctuation). An unknown name stays as written, and is later escaped so that the
/// browser sees the same literal text.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(ampersand) = rest.find('&') {
        decoded.push_str(&rest[..ampersand]);
        let after = &rest[ampersand + 1..];
        if let Some((character, consumed)) = decode_character_reference(after) {
            decoded.push(character);
            rest = after.get(consumed..).unwrap_or_default();
        } else {
            decoded.push('&');
            rest = after;
        }
    }
    decoded.push_str(rest);
    decoded
}

/// The character a reference starting after `&` stands for, and how many bytes it spans.
fn decode_character_reference(after_ampersand: &str) -> Option<(char, usize)> {
    let bytes = after_ampersand.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (radix, digits_start) = match bytes.get(1) {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = after_ampersand.get(digits_start..).unwrap_or_default();
        let digit_count = digits
            .chars()
            .take_while(|character| character.is_digit(radix))
            .count();
        if digit_count == 0 {
            return None;
        }
        let value = digits
            .chars()
            .take(digit_count)
            .fold(0_u32, |value, digit| {
                value
                    .saturating_mul(radix)
                    .saturating_add(digit.to_digit(radix).unwrap_or(0))
            });
        let mut consumed = digits_start + digit_count;
        if bytes.get(consumed) == Some(&b';') {
            consumed += 1;
        }
        let character = match value {
            0 => '\u{FFFD}',
            _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
        };
        return Some((character, consumed));
    }
    let name_length = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_alphanumeric())
        .count();
    if bytes.get(name_length) != Some(&b';') {
        return None;
    }
    let character = named_character(after_ampersand.get(..name_length)?)?;
    Some((character, name_length + 1))
}

/// The named references decoded in attribute values: all that can hide a URL scheme, and
/// common punctuation. A table rather than a `match`, which compiles to far more code.
const NAMED_CHARACTERS: &[(&str, char)] = &[
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("apos", '\''),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("nbsp", '\u{A0}'),
    ("colon", ':'),
    ("sol", '/'),
    ("bsol", '\\'),
    ("lpar", '('),
    ("rpar", ')'),
    ("period", '.'),
    ("comma", ','),
    ("semi", ';'),
    ("equals", '='),
    ("excl", '!'),
    ("quest", '?'),
    ("num", '#'),
    ("percnt", '%'),
    ("plus", '+'),
    ("copy", '©'),
    ("reg", '®'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("rarr", '→'),
    ("larr", '←'),
    ("times", '×'),
    ("middot", '·'),
];

fn named_character(name: &str) -> Option<char> {
    NAMED_CHARACTERS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, character)| *character)
}

/// A piece of raw HTML as the browser's tokenizer would see it.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// Text as written, character references not decoded.
    Text(&'a str),
    /// `<name attributes…>`, or `<name …/>` when `self_closing`.
    StartTag {
        name: String,
        attributes: Vec<Attribute>,
        self_closing: bool,
    },
    /// `</name>`, any attributes dropped.
    EndTag { name: String },
    /// A comment, doctype, CDATA section or processing instruction.
    Ignored,
}

/// An attribute with its name lowercased and its value's character references decoded.
#[derive(Debug, PartialEq)]
pub(crate) struct Attribute {
    pub(crate) name: String,
    pub(crate) value: String,
    /// Where the value is written in the tokenizer's input, quotes excluded, before decoding:
    /// an empty range where a missing value would be (`<img src>`, `<a href=>`).
    pub(crate) value_range: Range<usize>,
}

/// Splits raw HTML into tokens following the HTML tokenizer's states for tags, attributes and
/// comments: quoted, unquoted and missing values, `/` between attributes, any case. Every
/// position it slices at is an ASCII byte, so it cannot cut a character.
pub(crate) struct Tokenizer<'a> {
    source: &'a str,
    position: usize,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `source`.
    pub(crate) fn new(source: &'a str) -> Self {
        Tokenizer {
            source,
            position: 0,
        }
    }

    /// Where the next token starts, and so where the last one ended: a byte offset into the
    /// input, always on a character boundary.
    pub(crate) fn position(&self) -> usize {
        self.position
    }

    fn byte_at(&self, index: usize) -> Option<u8> {
        self.source.as_bytes().get(index).copied()
    }

    /// The next token, or `None` at the end of the input.
    pub(crate) fn next_token(&mut self) -> Option<Token<'a>> {
        let start = self.position;
        let first = self.byte_at(start)?;
        if first == b'<' {
            if let Some(token) = self.markup(start) {
                return Some(token);
            }
            if self.opens_tag(start) {
                // A tag cut off by the end of the input: the browser would read all the rest
                // into it, so none of it is markup, and reading on from each later `<` again
                // would take quadratic time (`<a <a <a …`).
                self.position = self.source.len();
                return Some(Token::Text(self.slice(start, self.source.len())));
            }
        }
        // A `<` that starts no markup is text, like everything up to the next `<`.
        let end = self.find_byte(b'<', start + 1);
        self.position = end;
        Some(Token::Text(self.slice(start, end)))
    }

    /// Reads the markup starting with the `<` at `start`, or returns `None` (moving nothing) if
    /// that `<` is text, which includes a tag cut off by the end of the input.
    fn markup(&mut self, start: usize) -> Option<Token<'a>> {
        let after_open = start + 1;
        match self.byte_at(after_open)? {
            byte if byte.is_ascii_alphabetic() => {
                let name_end = self.tag_name_end(after_open);
                let name = self.slice(after_open, name_end).to_ascii_lowercase();
                let (attributes, self_closing, end) = self.attributes(name_end)?;
                self.position = end;
                Some(Token::StartTag {
                    name,
                    attributes,
                    self_closing,
                })
            }
            b'/' => {
                let name_start = after_open + 1;
                match self.byte_at(name_start)? {
                    byte if byte.is_ascii_alphabetic() => {
                        let name_end = self.tag_name_end(name_start);
                        let name = self.slice(name_start, name_end).to_ascii_lowercase();
                        // End tags may carry attributes; the browser reads and ignores them.
                        let (_, _, end) = self.attributes(name_end)?;
                        self.position = end;
                        Some(Token::EndTag { name })
                    }
                    b'>' => {
                        self.position = name_start + 1;
                        Some(Token::Ignored)
                    }
                    _ => Some(self.bogus_comment(name_start)),
                }
            }
            b'!' if self.source.get(after_open..)?.starts_with("!--") => {
                Some(self.comment(after_open + 3))
            }
            b'!' | b'?' => Some(self.bogus_comment(after_open)),
            _ => None,
        }
    }

    /// Whether the `<` at `start` begins a start or end tag (`<a`, `</a`).
    fn opens_tag(&self, start: usize) -> bool {
        let after_open = start + 1;
        match self.byte_at(after_open) {
            Some(b'/') => self
                .byte_at(after_open + 1)
                .is_some_and(|byte| byte.is_ascii_alphabetic()),
            Some(byte) => byte.is_ascii_alphabetic(),
            None => false,
        }
    }

    fn tag_name_end(&self, from: usize) -> usize {
        self.find_byte_where(from, |byte| {
            is_html_whitespace(byte) || matches!(byte, b'/' | b'>')
        })
    }

    /// Reads attributes up to the `>` that closes the tag; returns them, whether the tag
    /// ended with `/>`, and the position after `>`. `None` if the input ends first.
    fn attributes(&self, from: usize) -> Option<(Vec<Attribute>, bool, usize)> {
        let mut attributes = Vec::new();
        let mut index = from;
        loop {
            index = self.skip_whitespace(index);
            match self.byte_at(index)? {
                b'>' => return Some((attributes, false, index + 1)),
                b'/' if self.byte_at(index + 1) == Some(b'>') => {
                    return Some((attributes, true, index + 2));
                }
                // A lone `/` separates attributes, as in `<img/src=x/onerror=…>`.
                b'/' => index += 1,
                first => {
                    // A name may start with `=`, and then continues to the next delimiter.
                    let name_start = index;
                    let after_first = index + usize::from(first == b'=');
                    let name_end = self.find_byte_where(after_first, |byte| {
                        is_html_whitespace(byte) || matches!(byte, b'/' | b'>' | b'=')
                    });
                    let name = self.slice(name_start, name_end).to_ascii_lowercase();
                    index = self.skip_whitespace(name_end);
                    let mut value_range = name_end..name_end;
                    if self.byte_at(index) == Some(b'=') {
                        index = self.skip_whitespace(index + 1);
                        match self.byte_at(index)? {
                            quote @ (b'"' | b'\'') => {
                                let value_end = self.find_byte(quote, index + 1);
                                self.byte_at(value_end)?;
                                value_range = index + 1..value_end;
                                index = value_end + 1;
                            }
                            // `<a href=>`: the value is missing and the tag ends here.
                            b'>' => value_range = index..index,
                            _ => {
                                let value_end = self.find_byte_where(index, |byte| {
                                    is_html_whitespace(byte) || byte == b'>'
                                });
                                value_range = index..value_end;
                                index = value_end;
                            }
                        }
                    }
                    attributes.push(Attribute {
                        name,
                        value: decode_entities(self.slice(value_range.start, value_range.end)),
                        value_range,
                    });
                }
            }
        }
    }

    /// `<!--` … `-->`; `<!-->` and `<!--->` are complete comments, and one left open runs to
    /// the end of the input.
    fn comment(&mut self, body_start: usize) -> Token<'a> {
        let open = body_start - "<!--".len();
        self.position = comment_end(self.source, open).unwrap_or(self.source.len());
        Token::Ignored
    }

    /// `<!doctype …>`, `<![CDATA[…]]>`, `<?…>` and `</3>` all run to the next `>`.
    fn bogus_comment(&mut self, from: usize) -> Token<'a> {
        let end = self.find_byte(b'>', from);
        self.position = (end + 1).min(self.source.len());
        Token::Ignored
    }

    /// Moves to the closing tag of a raw text element (script, style…): nothing before it is
    /// markup, so it is all text to drop.
    pub(crate) fn skip_to_end_tag(&mut self, element: &str) {
        let bytes = self.source.as_bytes();
        let mut search_from = self.position;
        while let Some(offset) = self
            .source
            .get(search_from..)
            .and_then(|rest| rest.find("</"))
        {
            let candidate = search_from + offset;
            let name_start = candidate + 2;
            let name_end = name_start + element.len();
            let names_match = bytes
                .get(name_start..name_end)
                .is_some_and(|name| name.eq_ignore_ascii_case(element.as_bytes()));
            let name_ends = bytes
                .get(name_end)
                .is_none_or(|byte| is_html_whitespace(*byte) || matches!(byte, b'/' | b'>'));
            if names_match && name_ends {
                self.position = candidate;
                return;
            }
            search_from = name_start;
        }
        self.position = self.source.len();
    }

    fn skip_whitespace(&self, from: usize) -> usize {
        self.find_byte_where(from, |byte| !is_html_whitespace(byte))
    }

    fn find_byte(&self, wanted: u8, from: usize) -> usize {
        self.find_byte_where(from, |byte| byte == wanted)
    }

    /// The position of the first byte from `from` that matches, or the end of the input.
    /// Callers only match ASCII bytes, so the result is always a character boundary.
    fn find_byte_where(&self, from: usize, matches: impl Fn(u8) -> bool) -> usize {
        let bytes = self.source.as_bytes();
        bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|byte| matches(*byte)))
            .map_or(bytes.len(), |offset| from + offset)
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.source.get(start..end).unwrap_or_default()
    }
}

/// The HTML standard's ASCII whitespace: tab, line feed, form feed, carriage return, space.
pub(crate) fn is_html_whitespace(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::{Attribute, Token, Tokenizer};

    #[test]
    fn tokenizer_reads_tags_as_a_browser_does() {
        assert_eq!(
            tokens("<IMG/SRC=x/onerror=alert(1)>"),
            [start_tag("img", &[("src", "x/onerror=alert(1)")], false)]
        );
        assert_eq!(
            tokens("<a title='>' href=\"&#106;s\" hidden =x/ =y disabled/>t</A b=\">\">"),
            [
                start_tag(
                    "a",
                    &[
                        ("title", ">"),
                        ("href", "js"),
                        ("hidden", "x/"),
                        ("=y", ""),
                        ("disabled", "")
                    ],
                    true
                ),
                Token::Text("t"),
                Token::EndTag { name: "a".into() },
            ]
        );
        assert_eq!(
            tokens("<a href=>x"),
            [start_tag("a", &[("href", "")], false), Token::Text("x")]
        );
        assert_eq!(
            tokens("1 < 2 <img src=\"x"),
            [
                Token::Text("1 "),
                Token::Text("< 2 "),
                Token::Text("<img src=\"x")
            ]
        );
        assert_eq!(
            tokens("<!-- c --><!DOCTYPE html><?php ?></>x"),
            [
                Token::Ignored,
                Token::Ignored,
                Token::Ignored,
                Token::Ignored,
                Token::Text("x")
            ]
        );
        assert_eq!(tokens("<é>"), [Token::Text("<é>")]);
    }

    #[test]
    fn attribute_values_keep_where_they_are_written() {
        let html = "<img alt=\"a>b\" src='x&amp;y' title=t hidden data-x=>";
        let Some(Token::StartTag { attributes, .. }) = Tokenizer::new(html).next_token() else {
            panic!("no start tag in {html:?}");
        };
        let written: Vec<(&str, &str, &str)> = attributes
            .iter()
            .map(|attribute| {
                (
                    attribute.name.as_str(),
                    attribute.value.as_str(),
                    &html[attribute.value_range.clone()],
                )
            })
            .collect();
        assert_eq!(
            written,
            [
                ("alt", "a>b", "a>b"),
                ("src", "x&y", "x&amp;y"),
                ("title", "t", "t"),
                ("hidden", "", ""),
                ("data-x", "", "")
            ]
        );
        assert_eq!(attributes[3].value_range, 43..43);
        assert_eq!(attributes[4].value_range, 51..51);
    }

    #[test]
    fn comments_end_where_the_browser_ends_them() {
        assert_eq!(tokens("<!-->x"), [Token::Ignored, Token::Text("x")]);
        assert_eq!(tokens("<!--->x"), [Token::Ignored, Token::Text("x")]);
        assert_eq!(
            tokens("<!-- a -- > b -->x"),
            [Token::Ignored, Token::Text("x")]
        );
        assert_eq!(tokens("<!-- open <b>"), [Token::Ignored]);
    }

    /// The tokens of `html`, with value ranges cleared: the test above checks them.
    fn tokens(html: &str) -> Vec<Token<'_>> {
        let mut tokenizer = Tokenizer::new(html);
        std::iter::from_fn(|| tokenizer.next_token())
            .map(|mut token| {
                if let Token::StartTag { attributes, .. } = &mut token {
                    for attribute in attributes {
                        attribute.value_range = 0..0;
                    }
                }
                token
            })
            .collect()
    }

    fn start_tag(name: &str, attributes: &[(&str, &str)], self_closing: bool) -> Token<'static> {
        Token::StartTag {
            name: name.into(),
            attributes: attributes
                .iter()
                .map(|(name, value)| Attribute {
                    name: (*name).into(),
                    value: (*value).into(),
                    value_range: 0..0,
                })
                .collect(),
            self_closing,
        }
    }
}
