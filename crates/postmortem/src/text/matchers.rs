//! Finding many words or phrases in a text at once: the multi-pattern matchers the parser and
//! the rules share.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
        self.scan(text, |_| true)
    }

    /// Where the first marker of any list starts a word of `text`.
    pub(crate) fn first_at_word_start(&self, text: &str) -> Option<usize> {
        let mut first = None;
        self.scan(text, |index| {
            first = Some(index);
            false
        });
        first
    }

    /// Reads `text` for markers at word starts, telling `visit` where each list is first
    /// found until it returns false; returns the lists found, as bits.
    fn scan(&self, text: &str, mut visit: impl FnMut(usize) -> bool) -> u8 {
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
                    let lists = self.lists_starting(&bytes[index..], bucket, found);
                    if lists != 0 {
                        found |= lists;
                        if !visit(index) || found == self.all_lists {
                            break;
                        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
            let first = text.char_indices().map(|(index, _)| index).find(|&index| {
                lists.iter().flat_map(|list| list.iter()).any(|marker| {
                    text[index..].starts_with(marker)
                        && !text[..index]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                })
            });
            assert_eq!(markers.first_at_word_start(text), first, "{text:?}");
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
}
