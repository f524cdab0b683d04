//! Sets of characters, single needles and word lexicons: the matchers under the multi-pattern
//! one (see `patterns.rs`).

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
}
