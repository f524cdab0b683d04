//! Counting words as a reader counts them: prose only, no Markdown syntax, URLs, HTML tags,
//! comments, code or front matter.

use crate::model::{Block, BlockKind, Document, Section};
use crate::parse::strip_tags;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The number of words a reader sees in a piece of plain text.
pub fn count_words(text: &str) -> u32 {
    // One pass over the bytes, where splitting and then testing each piece read them several
    // times: pieces between ASCII whitespace are read a byte at a time, each byte's kind looked
    // up in a table, and only those with a colon or a character other than ASCII, which may
    // hold a link or other whitespace, are split and tested as words are defined.
    let bytes = text.as_bytes();
    let mut words = 0_u32;
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        // The kinds of the piece's bytes, together.
        let mut kinds = 0;
        while let Some(&byte) = bytes.get(at) {
            let kind = BYTE_KINDS[usize::from(byte)];
            if kind & WHITESPACE != 0 {
                break;
            }
            kinds |= kind;
            at += 1;
        }
        let has_word_character = kinds & WORD_CHARACTER != 0;
        let piece = &bytes[start..at];
        let piece_words = if kinds & LINK_OR_OTHER == 0 {
            // Without a colon, `www.` at the first letter or digit, with one after it, is the
            // only link.
            let is_word = has_word_character
                && !piece
                    .iter()
                    .position(u8::is_ascii_alphanumeric)
                    .and_then(|first| piece[first..].strip_prefix(b"www."))
                    .is_some_and(|rest| rest.iter().any(u8::is_ascii_alphanumeric));
            usize::from(is_word)
        } else {
            split_whitespace(&text[start..at])
                .filter(|piece| is_word(piece))
                .count()
        };
        words = words.saturating_add(u32::try_from(piece_words).unwrap_or(u32::MAX));
        // Past the whitespace, an ASCII character.
        at += 1;
    }
    words
}

/// What each byte is to [`count_words`], looked up rather than tested.
static BYTE_KINDS: [u8; 256] = {
    let mut kinds = [0; 256];
    let mut byte: u8 = 0;
    loop {
        kinds[byte as usize] = byte_kind(byte);
        if byte == u8::MAX {
            break kinds;
        }
        byte += 1;
    }
};

const WHITESPACE: u8 = 1;
const WORD_CHARACTER: u8 = 2;
/// A colon, which may start a link's `://`, or a byte of a character other than ASCII.
const LINK_OR_OTHER: u8 = 4;

/// What a byte is to [`count_words`]: ASCII whitespace to [`char::is_whitespace`] (the vertical
/// tab too, which [`u8::is_ascii_whitespace`] leaves out), an ASCII letter or digit, or a colon
/// or a byte of another character.
const fn byte_kind(byte: u8) -> u8 {
    match byte {
        b'\t'..=b'\r' | b' ' => WHITESPACE,
        b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => WORD_CHARACTER,
        b':' | 128.. => LINK_OR_OTHER,
        _ => 0,
    }
}

/// A piece between whitespace counts as a word when it has a letter or digit and is not a URL
/// or a path: from its first to its last letter or digit, it neither holds `://` nor starts with
/// `www.` or `mailto:`.
fn is_word(piece: &str) -> bool {
    let core = piece.trim_matches(|c: char| !c.is_alphanumeric());
    !core.is_empty()
        && !core.contains("://")
        && !core.starts_with("www.")
        && !core.starts_with("mailto:")
}

/// Characters other than whitespace.
static NOT_WHITESPACE: LazyLock<CharSet> =
    LazyLock::new(|| CharSet::new(|character| !character.is_whitespace()));

/// Whether `text` splits at whitespace as [`str::split_ascii_whitespace`] splits it: ASCII
/// text without the vertical tab, whitespace to [`char::is_whitespace`] but not to ASCII.
fn splits_as_ascii(text: &str) -> bool {
    text.is_ascii() && !text.contains('\u{b}')
}

/// Whether `text` has more than `count` whitespace-separated words: what comparing
/// `text.split_whitespace().count()` with `count` says, without counting past it.
pub(crate) fn more_words_than(text: &str, count: usize) -> bool {
    split_whitespace(text).nth(count).is_some()
}

/// The pieces [`str::split_whitespace`] gives, found a byte at a time: by
/// [`str::split_ascii_whitespace`] where it splits the same, else by it and then, in the few
/// pieces that have other characters, by a [`CharSet`] (ASCII whitespace is whitespace to both).
pub(crate) fn split_whitespace(text: &str) -> impl Iterator<Item = &str> {
    let (fast, general) = if splits_as_ascii(text) {
        (Some(text.split_ascii_whitespace()), None)
    } else {
        let pieces = text.split_ascii_whitespace().flat_map(|piece| {
            let (plain, other) = if splits_as_ascii(piece) {
                (Some(piece), None)
            } else {
                (None, Some(NOT_WHITESPACE.runs(piece)))
            };
            plain.into_iter().chain(other.into_iter().flatten())
        });
        (None, Some(pieces))
    };
    fast.into_iter()
        .flatten()
        .chain(general.into_iter().flatten())
}

/// A set of characters, for splitting text into the runs of them a byte at a time: ASCII
/// characters are looked up in a table, and only the others are decoded and tested.
pub(crate) struct CharSet {
    ascii: [bool; 128],
    other: fn(char) -> bool,
}

impl CharSet {
    pub(crate) fn new(contains: fn(char) -> bool) -> Self {
        Self {
            ascii: std::array::from_fn(|byte| {
                u8::try_from(byte).is_ok_and(|byte| contains(char::from(byte)))
            }),
            other: contains,
        }
    }

    /// The runs of characters of the set in `text`: the non-empty pieces of splitting it at
    /// every other character.
    pub(crate) fn runs<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'t str> + 't {
        let mut at = 0;
        std::iter::from_fn(move || {
            let start = self.run_end(text, at, false);
            at = self.run_end(text, start, true);
            (start < at).then(|| &text[start..at])
        })
    }

    /// The end of the run of characters in the set (`inside`) or out of it, from `at` (a char
    /// boundary).
    #[inline]
    fn run_end(&self, text: &str, mut at: usize, inside: bool) -> usize {
        let bytes = text.as_bytes();
        while let Some(&byte) = bytes.get(at) {
            let (contained, width) = if let Some(&contained) = self.ascii.get(usize::from(byte)) {
                (contained, 1)
            } else {
                let character = text[at..].chars().next().unwrap_or_default();
                ((self.other)(character), character.len_utf8())
            };
            if contained != inside {
                break;
            }
            at += width;
        }
        at
    }
}

/// Where `needle` (not empty) starts in `haystack`, as [`str::match_indices`] finds it (from the
/// left, without overlaps), but without its set-up cost, which dominates on short texts.
pub(crate) fn match_starts<'a>(
    haystack: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = find_from(haystack, needle, from)?;
        from = found + needle.len();
        Some(found)
    })
}

/// The first occurrence of `needle` in `haystack` at or after `from`, a char boundary.
pub(crate) fn find_from(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let first = needle.chars().next()?;
    let mut at = from;
    loop {
        let index = at + haystack.get(at..)?.find(first)?;
        if haystack.as_bytes()[index..].starts_with(needle.as_bytes()) {
            return Some(index);
        }
        at = index + first.len_utf8();
    }
}

/// Phrases (lowercase ASCII) found anywhere in a text in one pass over it: what searching for
/// each phrase in turn with [`find_from`] finds, without a search per phrase (on a short line,
/// twenty searches cost far more than one look at each byte).
pub(crate) struct Phrases {
    list: &'static [&'static str],
    /// The phrases' places in the list, by their first byte.
    by_first_byte: [Vec<usize>; 128],
    /// For each first byte, the bytes its phrases go on with, as bits (see [`second_byte_bit`]):
    /// one look-up turns away most places, where the phrases' lists would each be read.
    next_bytes: [u32; 128],
}

impl Phrases {
    pub(crate) fn new(phrases: &'static [&'static str]) -> Self {
        let mut by_first_byte: [Vec<usize>; 128] = std::array::from_fn(|_| Vec::new());
        let mut next_bytes = [0; 128];
        for (rank, phrase) in phrases.iter().enumerate() {
            assert!(phrase.is_ascii() && !phrase.is_empty(), "{phrase:?}");
            let first = usize::from(phrase.as_bytes()[0]);
            by_first_byte[first].push(rank);
            next_bytes[first] |= phrase
                .as_bytes()
                .get(1)
                .map_or(u32::MAX, |&second| second_byte_bit(second));
        }
        Self {
            list: phrases,
            by_first_byte,
            next_bytes,
        }
    }

    /// Whether a phrase may start at `at`: one with the byte there and the byte after it.
    fn may_start_at(&self, bytes: &[u8], at: usize) -> bool {
        self.next_bytes
            .get(usize::from(bytes[at]))
            .is_some_and(|&next| {
                // Past the end, NUL: a phrase of one byte, which sets every bit, still matches.
                next & second_byte_bit(bytes.get(at + 1).copied().unwrap_or_default()) != 0
            })
    }

    /// The first phrase of the list that `text` contains, and where it first occurs: what
    /// `find_map` over the list with [`find_from`] gives.
    pub(crate) fn first_listed(&self, text: &str) -> Option<(usize, &'static str)> {
        let bytes = text.as_bytes();
        // (place in the list, where it occurs). The text is read from the left, so the first
        // time a phrase is seen is its first occurrence, and a phrase later in the list than
        // the best so far need not be tried.
        let mut best: Option<(usize, usize)> = None;
        for at in 0..bytes.len() {
            if !self.may_start_at(bytes, at) {
                continue;
            }
            for &rank in &self.by_first_byte[usize::from(bytes[at])] {
                if best.is_none_or(|(best_rank, _)| rank < best_rank)
                    && starts_with(&bytes[at..], self.list[rank].as_bytes())
                {
                    best = Some((rank, at));
                }
            }
            if best.is_some_and(|(rank, _)| rank == 0) {
                break;
            }
        }
        best.map(|(rank, at)| (at, self.list[rank]))
    }

    /// Whether `text` contains any of the phrases.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|at| {
            self.may_start_at(bytes, at)
                && self.by_first_byte[usize::from(bytes[at])]
                    .iter()
                    .any(|&rank| starts_with(&bytes[at..], self.list[rank].as_bytes()))
        })
    }
}

/// The bit of a phrase's second byte: the low five bits, which tell lowercase letters apart
/// (other bytes share bits with them, which only lets more places through to the comparison).
fn second_byte_bit(second: u8) -> u32 {
    1 << (second & 31)
}

/// Word beginnings and phrases (lowercase ASCII, starting with a letter, at least two bytes long)
/// found where a word of a text starts: what `text.match_indices(marker)` at a word boundary
/// finds for each marker, for several lists in one pass over the text.
pub(crate) struct Markers {
    /// The markers, each with the bit of its list, sorted by [`bucket`].
    entries: Vec<(&'static [u8], u8)>,
    /// Where each bucket's markers start in `entries`, and where the last one ends: a word start
    /// is compared only with the markers that share its first two bytes' bucket.
    bucket_starts: Vec<u16>,
    /// A bit for each list.
    all_lists: u8,
}

/// Which ASCII bytes are letters or digits: one look-up where [`u8::is_ascii_alphanumeric`]
/// takes two range checks, at every byte of a text.
static ASCII_ALPHANUMERIC: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = matches!(byte, 0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a);
        byte += 1;
    }
    table
};

/// The buckets: a lowercase ASCII letter then the low five bits of the next byte, which tell
/// lowercase letters apart (other bytes share a bucket with one, which only lets more
/// candidates through to the comparison).
const BUCKETS: usize = 26 * 32;

/// The bucket of a word that starts with `first` then `second`, if a marker may start so.
fn bucket(first: u8, second: u8) -> Option<usize> {
    first
        .is_ascii_lowercase()
        .then(|| usize::from(first - b'a') * 32 + usize::from(second & 31))
}

impl Markers {
    /// The markers of `lists` (at most eight), list `i` reported as bit `1 << i`.
    pub(crate) fn new(lists: &[&[&'static str]]) -> Self {
        assert!(lists.len() <= 8, "{} lists", lists.len());
        let mut markers = Vec::new();
        let mut all_lists = 0;
        for (bit, list) in (0..).map(|shift| 1_u8 << shift).zip(lists) {
            all_lists |= bit;
            for &marker in *list {
                let bytes = marker.as_bytes();
                assert!(
                    bytes.len() >= 2 && bytes[0].is_ascii_lowercase() && marker.is_ascii(),
                    "{marker:?}"
                );
                markers.push((bytes, bit));
            }
        }
        let key = |marker: &[u8]| bucket(marker[0], marker[1]).unwrap_or(BUCKETS);
        markers.sort_by_key(|&(marker, _)| key(marker));
        let bucket_starts = (0..=BUCKETS)
            .map(|bucket| {
                let start = markers.partition_point(|&(marker, _)| key(marker) < bucket);
                u16::try_from(start).unwrap_or(u16::MAX)
            })
            .collect();
        Self {
            entries: markers,
            bucket_starts,
            all_lists,
        }
    }

    /// The lists with a marker where a word of `text` starts (at the start of the text or
    /// after a character that is not a letter or digit), as bits.
    pub(crate) fn lists_at_word_starts(&self, text: &str) -> u8 {
        let bytes = text.as_bytes();
        let mut found = 0;
        // Whether the character before is a letter or digit, carried along a byte at a time
        // rather than looked up at each byte.
        let mut after_word_character = false;
        for (index, &byte) in bytes.iter().enumerate() {
            if byte.is_ascii() {
                if !after_word_character
                    && let Some(&second) = bytes.get(index + 1)
                    && let Some(bucket) = bucket(byte, second)
                {
                    found |= self.lists_starting(&bytes[index..], bucket, found);
                    if found == self.all_lists {
                        break;
                    }
                }
                after_word_character = ASCII_ALPHANUMERIC[usize::from(byte)];
            } else if text.is_char_boundary(index) {
                after_word_character = text[index..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            }
        }
        found
    }

    /// The lists, other than those `found` already, with a marker of `bucket` that `text`
    /// starts with.
    fn lists_starting(&self, text: &[u8], bucket: usize, found: u8) -> u8 {
        let start = usize::from(self.bucket_starts[bucket]);
        let end = usize::from(self.bucket_starts[bucket + 1]);
        let mut lists = 0;
        for &(marker, list) in self.entries.get(start..end).unwrap_or_default() {
            // Byte by byte in place: most candidates differ in a byte or two, and calling
            // `memcmp` for that costs more than the comparison.
            if (found | lists) & list == 0
                && text.len() >= marker.len()
                && text.iter().zip(marker).all(|(byte, wanted)| byte == wanted)
            {
                lists |= list;
            }
        }
        lists
    }
}

/// The number of pieces `text.split_whitespace()` gives, counted a byte at a time in ASCII
/// text (where the whitespace is the space and `\t` to `\r`) rather than a character at a time.
pub(crate) fn whitespace_word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut count = 0;
    let mut after_whitespace = true;
    for &byte in text.as_bytes() {
        let whitespace = matches!(byte, b' ' | b'\t'..=b'\r');
        count += usize::from(after_whitespace && !whitespace);
        after_whitespace = whitespace;
    }
    count
}

/// `bytes.starts_with(prefix)`, comparing the second byte before calling `memcmp`: where a
/// word list is tried at each word start, most candidates already differ there.
pub(crate) fn starts_with(bytes: &[u8], prefix: &[u8]) -> bool {
    prefix
        .get(1)
        .is_none_or(|second| bytes.get(1) == Some(second))
        && bytes.starts_with(prefix)
}

/// Whether `marker`, found from the left without overlaps, can hide an occurrence that starts a
/// word: only when a part of it after a space or hyphen is also how it begins. Lists read with
/// [`Markers`] are tested to have no such marker, so that both ways of reading agree.
#[cfg(test)]
pub(crate) fn hides_word_starts(marker: &str) -> bool {
    marker
        .char_indices()
        .filter(|(_, c)| !c.is_alphanumeric())
        .any(|(index, c)| {
            marker.starts_with(&marker[index + c.len_utf8()..])
                && index + c.len_utf8() < marker.len()
        })
}

/// Words (lowercase ASCII) with a value each, looked up in any ASCII case. Most words are turned
/// away by their first and last letters and length before they are lowercased and hashed.
pub(crate) struct Lexicon<V> {
    values: HashMap<&'static [u8], V, BuildHasherDefault<Fnv>>,
    /// For each pair of first and last letters (see [`ends`]), the lengths below 32 of the words
    /// with them, as bits: the first letter and length alone let through most common words of
    /// a large list ("failed" for "caused").
    shapes: [u32; 256],
    /// Whether a word of 32 bytes or more is in the lexicon.
    has_long_words: bool,
}

/// A slot for the first and last bytes of an ASCII word, in any case: pairs share slots, which
/// only lets more words through to the lookup.
fn ends(word: &[u8]) -> usize {
    let first = usize::from(
        word.first()
            .copied()
            .unwrap_or_default()
            .to_ascii_lowercase(),
    );
    let last = usize::from(
        word.last()
            .copied()
            .unwrap_or_default()
            .to_ascii_lowercase(),
    );
    (first * 31 + last) % 256
}

impl<V: Copy> Lexicon<V> {
    /// The lexicon of `entries`; a later entry for the same word replaces an earlier one.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut lexicon = Self {
            values: HashMap::default(),
            shapes: [0; 256],
            has_long_words: false,
        };
        for (word, value) in entries {
            debug_assert!(
                !word.bytes().any(|byte| byte.is_ascii_uppercase()),
                "{word}"
            );
            match u32::try_from(word.len()) {
                Ok(length) if length < 32 => lexicon.shapes[ends(word.as_bytes())] |= 1 << length,
                _ => lexicon.has_long_words = true,
            }
            lexicon.values.insert(word.as_bytes(), value);
        }
        lexicon
    }

    /// The value of `word` in any case.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        // Non-ASCII words are looked up lowercased in full: some lowercase to ASCII ("K", the
        // kelvin sign, is "k").
        if word.is_ascii() {
            if word.is_empty() {
                return None;
            }
            let may_be_listed = match u32::try_from(word.len()) {
                Ok(length) if length < 32 => self.shapes[ends(word.as_bytes())] >> length & 1 == 1,
                _ => self.has_long_words,
            };
            if !may_be_listed {
                return None;
            }
        }
        with_lowercase(word, |lower| self.values.get(lower).copied())
    }
}

impl Lexicon<()> {
    /// A lexicon used as a set of words.
    pub(crate) fn of(words: &[&'static str]) -> Self {
        Self::new(words.iter().map(|&word| (word, ())))
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// The FNV-1a hash: quick on the short keys of a word list (the standard hasher resists
/// attacks that fixed lists cannot mount, at several times the cost).
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Calls `read` with the bytes of `word` in lowercase, without allocating when the word is
/// short ASCII.
pub(crate) fn with_lowercase<R>(word: &str, read: impl FnOnce(&[u8]) -> R) -> R {
    let mut buffer = [0_u8; 24];
    match buffer.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            for (lower, byte) in lower.iter_mut().zip(word.bytes()) {
                *lower = byte.to_ascii_lowercase();
            }
            read(lower)
        }
        _ => read(word.to_lowercase().as_bytes()),
    }
}

/// The words of one block as it renders.
pub fn block_words(block: &Block) -> u32 {
    match &block.kind {
        BlockKind::Paragraph { lines } => lines.iter().map(|line| count_words(&line.text)).sum(),
        BlockKind::List { items, .. } => items.iter().map(|item| count_words(&item.text)).sum(),
        BlockKind::Table { header, rows } => header
            .iter()
            .chain(rows.iter().flatten())
            .map(|cell| count_words(&cell.text))
            .sum(),
        BlockKind::Heading { heading } => count_words(&heading.text),
        BlockKind::Html { text } => count_words(&strip_tags(&without_comments(text))),
        BlockKind::Quote { text } => count_words(text),
        BlockKind::Code { .. } | BlockKind::ThematicBreak => 0,
    }
}

/// The document's words: title, headings and every block.
pub fn document_words(document: &Document) -> u32 {
    document.word_counts().total()
}

/// The words of a document: of its title and opening text, and of each of its sections.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordCounts {
    pub(crate) outside_sections: u32,
    /// A section's heading and blocks, for each section.
    pub(crate) sections: Vec<u32>,
}

impl WordCounts {
    pub(crate) fn of(document: &Document) -> Self {
        let title = document
            .title
            .as_ref()
            .map_or(0, |title| count_words(&title.text));
        Self {
            outside_sections: title + document.preamble.iter().map(block_words).sum::<u32>(),
            sections: document.sections.iter().map(section_words).collect(),
        }
    }

    pub(crate) fn total(&self) -> u32 {
        self.outside_sections + self.sections.iter().sum::<u32>()
    }
}

/// The words of a section: its heading and its blocks.
fn section_words(section: &Section) -> u32 {
    count_words(&section.heading.text) + section.blocks.iter().map(block_words).sum::<u32>()
}

fn without_comments(html: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn counts_prose_not_syntax_urls_tags_or_comments() {
        assert_eq!(
            count_words("The **database** was - slow, see https://example.com/x"),
            5
        );
        let document = parse(
            "---\ntitle: x y z\n---\n# Two words\n\n<!-- not counted at all -->\n\n<b>Three more words</b>\n\n- one\n- [ ] two\n\n```sh\ncode is not prose\n```\n\n```\nunlabelled fences hold prose\n```\n\n| Time | Event |\n|---|---|\n| 10:00 | up |\n",
        );
        assert_eq!(document_words(&document), 2 + 3 + 2 + 4 + 4);
    }

    /// [`count_words`] as first written: split at whitespace, then test each piece.
    fn count_words_by_definition(text: &str) -> u32 {
        u32::try_from(
            text.split_whitespace()
                .filter(|piece| is_word(piece))
                .count(),
        )
        .unwrap()
    }

    #[test]
    fn counts_the_words_the_definition_counts() {
        for text in [
            "",
            "  one two\tthree\nfour\r\n",
            "a\u{b}b\u{c}c\u{a0}d\u{2003}e\u{3000}f\u{85}g x\u{1c}y",
            "café — naïve 😀 ... - ** | 12:00 ü",
            "see https://example.com/x, (www.example.com) and mailto:a@b.c or <http://x>",
            "www. mailto: a:// ://a www.é mailto:é x://é é://x wwww.x (mailto:) http:///",
            "mailto://x www.://x a:/b a//b ::// x:::// https://",
            "ÀB\u{2028}cd\u{1680}ef",
        ] {
            assert_eq!(
                count_words(text),
                count_words_by_definition(text),
                "{text:?}"
            );
        }
        // Every text of up to four pieces from these, which meet in every order.
        let pieces = [
            "a", "Z9", "w", " ", "\t", ":", "//", "://", "www.", "mailto:", ".", "é", "\u{b}",
            "\u{a0}", "—", "(",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .collect();
            for text in &texts {
                assert_eq!(
                    count_words(text),
                    count_words_by_definition(text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn finds_what_match_indices_finds() {
        for (haystack, needle) in [
            ("XX:XX:XX xx:xx", "XX:XX"),
            ("aaaa", "aa"),
            ("TODO: TODO", "TODO"),
            ("é TODO é", "é"),
            ("", "x"),
            ("abc", "abcd"),
        ] {
            let ours: Vec<usize> = match_starts(haystack, needle).collect();
            let std: Vec<usize> = haystack
                .match_indices(needle)
                .map(|(index, _)| index)
                .collect();
            assert_eq!(ours, std, "{needle:?} in {haystack:?}");
        }
    }

    #[test]
    fn finds_the_phrase_a_search_per_phrase_finds() {
        static LIST: &[&str] = &["all users", "users", "all", "500", "is", "x"];
        let phrases = Phrases::new(LIST);
        for text in [
            "",
            "users then all users",
            "all users",
            "a 500 for all",
            "é users é",
            "this is é",
            "nothing",
            "ends with i",
            "ends with x",
            "xé",
            "isé",
            "i\u{0}s",
            "\u{0}is\u{0}",
        ] {
            let searched = LIST
                .iter()
                .find_map(|&phrase| find_from(text, phrase, 0).map(|index| (index, phrase)));
            assert_eq!(phrases.first_listed(text), searched, "{text:?}");
            assert_eq!(phrases.any_in(text), searched.is_some(), "{text:?}");
        }
    }

    #[test]
    fn finds_the_lists_with_a_marker_at_a_word_start() {
        static CAUSES: &[&str] = &["cause", "due to", "led to"];
        static FIXES: &[&str] = &["fix", "rolled back", "restor", "re-ran"];
        static ACTIONS: &[&str] = &["rais", "ab", "re"];
        let lists = [CAUSES, FIXES, ACTIONS];
        let markers = Markers::new(&lists);
        for text in [
            "",
            "the cause was fixed",
            "because of it, nothing",
            "prefix and suffix",
            "due to a typo",
            "é:cause éfix",
            "café fix",
            "raised; rolled back",
            "rolled",
            "x-ab",
            "çab",
            "r",
            "restored",
            "re-ran it",
            "ab",
            "a",
        ] {
            let at_word_start = |marker: &str| {
                text.char_indices().any(|(index, _)| {
                    text[index..].starts_with(marker)
                        && !text[..index]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                })
            };
            let expected = (0..)
                .zip(lists)
                .filter(|(_, list)| list.iter().any(|marker| at_word_start(marker)))
                .fold(0_u8, |bits, (shift, _)| bits | 1 << shift);
            assert_eq!(markers.lists_at_word_starts(text), expected, "{text:?}");
        }
    }

    #[test]
    fn knows_the_ascii_letters_and_digits() {
        for byte in 0..128_u8 {
            assert_eq!(
                ASCII_ALPHANUMERIC[usize::from(byte)],
                byte.is_ascii_alphanumeric()
            );
        }
    }

    #[test]
    fn counts_the_pieces_split_whitespace_gives() {
        for text in [
            "",
            " ",
            "one",
            "  one two\tthree\nfour\r\n",
            "a\u{b}b\u{c}c\x1cd",
            "café — naïve\u{a0}x\u{2003}y",
        ] {
            assert_eq!(
                whitespace_word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn splits_at_the_whitespace_std_splits_at() {
        for text in [
            "",
            "  one two\tthree\nfour\r\n",
            "a\u{b}b\u{c}c\u{a0}d\u{2003}e\u{3000}f\u{85}g",
            "café — naïve 😀 x\u{1c}y",
            " \u{a0} ",
        ] {
            let ours: Vec<&str> = split_whitespace(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }
}
