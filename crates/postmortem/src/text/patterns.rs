//! Many words and phrases found in a text at once, in any ASCII case: the one multi-pattern
//! matcher the parser and the rules share.
//!
//! Each place of the text is turned away or narrowed down by one look-up of its first two
//! bytes, and only the few patterns that begin so are compared with it: on the short lines of a
//! postmortem that costs less than one search per pattern, and less than building an automaton
//! per call (see ARCHITECTURE.md, "Matching words", for the measurement against aho-corasick).

use std::ops::ControlFlow;

/// Patterns (lowercase ASCII, two bytes or more) with a value each.
pub(crate) struct Patterns<V> {
    /// The patterns, sorted by [`bucket`] and in list order within one.
    entries: Vec<Entry<V>>,
    /// Where each bucket's patterns start in `entries`, and where the last one ends.
    bucket_starts: Vec<u16>,
}

struct Entry<V> {
    pattern: &'static str,
    value: V,
    /// The pattern's place in the list it was built from: [`Patterns::first_listed`] prefers
    /// the earliest.
    rank: u16,
}

/// The buckets: an ASCII byte, then the low five bits of the next one, both lowercased. The
/// low five bits tell lowercase letters apart; other bytes share a bucket with one, which only
/// lets more candidates through to the comparison.
const BUCKETS: usize = 128 * 32;

fn bucket(first: u8, second: u8) -> Option<usize> {
    first.is_ascii().then(|| {
        usize::from(first.to_ascii_lowercase()) * 32 + usize::from(second.to_ascii_lowercase() & 31)
    })
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

impl<V: Copy> Patterns<V> {
    /// The patterns of `entries`, in order.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut entries: Vec<Entry<V>> = entries
            .into_iter()
            .zip(0..)
            .map(|((pattern, value), rank)| {
                assert!(
                    pattern.len() >= 2
                        && pattern.is_ascii()
                        && !pattern.bytes().any(|byte| byte.is_ascii_uppercase()),
                    "{pattern:?} is not lowercase ASCII of two bytes or more"
                );
                Entry {
                    pattern,
                    value,
                    rank,
                }
            })
            .collect();
        let key = |entry: &Entry<V>| {
            let bytes = entry.pattern.as_bytes();
            bucket(bytes[0], bytes[1]).unwrap_or(BUCKETS)
        };
        // Stable: list order within a bucket.
        entries.sort_by_key(key);
        let bucket_starts = (0..=BUCKETS)
            .map(|bucket| {
                let start = entries.partition_point(|entry| key(entry) < bucket);
                u16::try_from(start).expect("fewer than 64Ki patterns")
            })
            .collect();
        Self {
            entries,
            bucket_starts,
        }
    }

    /// The patterns that may start at `text`'s first byte: those with its first two bytes'
    /// bucket.
    #[inline]
    fn candidates(&self, text: &[u8]) -> &[Entry<V>] {
        let (Some(&first), Some(&second)) = (text.first(), text.get(1)) else {
            return &[];
        };
        let Some(bucket) = bucket(first, second) else {
            return &[];
        };
        let start = usize::from(self.bucket_starts[bucket]);
        let end = usize::from(self.bucket_starts[bucket + 1]);
        &self.entries[start..end]
    }

    /// Calls `visit` with each pattern that starts a word of `text` (at its start, or after a
    /// character that is not a letter or digit), where, and its value, from the left, until it
    /// breaks.
    pub(crate) fn at_word_starts(
        &self,
        text: &str,
        mut visit: impl FnMut(usize, &'static str, V) -> ControlFlow<()>,
    ) {
        let bytes = text.as_bytes();
        // Whether the character before is a letter or digit, carried along a byte at a time
        // rather than looked up at each byte.
        let mut after_word_character = false;
        for (at, &byte) in bytes.iter().enumerate() {
            if byte.is_ascii() {
                if !after_word_character {
                    for entry in self.candidates(&bytes[at..]) {
                        if starts_with_pattern(&bytes[at..], entry.pattern)
                            && visit(at, entry.pattern, entry.value).is_break()
                        {
                            return;
                        }
                    }
                }
                after_word_character = ASCII_ALPHANUMERIC[usize::from(byte)];
            } else if text.is_char_boundary(at) {
                after_word_character = text[at..].chars().next().is_some_and(char::is_alphanumeric);
            }
        }
    }

    /// Where the first pattern that starts a word of `text` starts.
    pub(crate) fn first_at_word_start(&self, text: &str) -> Option<usize> {
        let mut first = None;
        self.at_word_starts(text, |at, _, _| {
            first = Some(at);
            ControlFlow::Break(())
        });
        first
    }

    /// The earliest-listed pattern found anywhere in `text`, and where it first occurs.
    pub(crate) fn first_listed(&self, text: &str) -> Option<(usize, &'static str)> {
        let bytes = text.as_bytes();
        // (rank, where). The text is read from the left, so the first time a pattern is seen
        // is its first occurrence, and one listed later than the best so far need not be tried.
        let mut best: Option<(u16, usize, &'static str)> = None;
        for at in 0..bytes.len() {
            for entry in self.candidates(&bytes[at..]) {
                if best.is_none_or(|(rank, ..)| entry.rank < rank)
                    && starts_with_pattern(&bytes[at..], entry.pattern)
                {
                    best = Some((entry.rank, at, entry.pattern));
                }
            }
            if best.is_some_and(|(rank, ..)| rank == 0) {
                break;
            }
        }
        best.map(|(_, at, pattern)| (at, pattern))
    }

    /// Whether any pattern occurs anywhere in `text`.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|at| {
            self.candidates(&bytes[at..])
                .iter()
                .any(|entry| starts_with_pattern(&bytes[at..], entry.pattern))
        })
    }
}

impl Patterns<()> {
    /// The patterns of a list, with no values.
    pub(crate) fn of(list: &[&'static str]) -> Self {
        Self::new(list.iter().map(|&pattern| (pattern, ())))
    }
}

impl Patterns<u8> {
    /// The patterns of `lists` (at most eight), list `i` with the value `1 << i`.
    pub(crate) fn of_lists(lists: &[&[&'static str]]) -> Self {
        assert!(lists.len() <= 8, "{} lists", lists.len());
        Self::new(
            (0..)
                .map(|shift| 1_u8 << shift)
                .zip(lists)
                .flat_map(|(bit, list)| list.iter().map(move |&pattern| (pattern, bit))),
        )
    }

    /// The lists with a pattern that starts a word of `text`, as bits.
    pub(crate) fn lists_at_word_starts(&self, text: &str) -> u8 {
        let all = self
            .entries
            .iter()
            .fold(0, |bits, entry| bits | entry.value);
        let mut found = 0;
        self.at_word_starts(text, |_, _, bit| {
            found |= bit;
            if found == all {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        found
    }
}

/// Whether `text` starts with `pattern` (lowercase) in any ASCII case, compared byte by byte in
/// place: most candidates differ in a byte or two, and calling `memcmp` costs more than that.
#[inline]
fn starts_with_pattern(text: &[u8], pattern: &str) -> bool {
    text.len() >= pattern.len()
        && text
            .iter()
            .zip(pattern.as_bytes())
            .all(|(byte, wanted)| byte.to_ascii_lowercase() == *wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static LISTS: [&[&str]; 3] = [
        &["cause", "due to", "led to", "is", "all users"],
        &["fix", "fixed", "rolled back", "re-ran", "50"],
        &["users", "ab", "x-y"],
    ];

    fn patterns() -> Patterns<u8> {
        Patterns::of_lists(&LISTS)
    }

    /// Every (place, pattern, value) of the plain definition: each pattern in turn, compared
    /// at each char boundary, ASCII case folded.
    fn plain_matches(text: &str, at_word_starts: bool) -> Vec<(usize, &'static str, u8)> {
        let mut found = Vec::new();
        for (at, _) in text.char_indices() {
            let word_start = !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if at_word_starts && !word_start {
                continue;
            }
            for (bit, list) in (0..).map(|shift| 1_u8 << shift).zip(LISTS) {
                for &pattern in list {
                    if text.as_bytes()[at..]
                        .get(..pattern.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(pattern.as_bytes()))
                    {
                        found.push((at, pattern, bit));
                    }
                }
            }
        }
        found
    }

    fn sorted(mut found: Vec<(usize, &'static str, u8)>) -> Vec<(usize, &'static str, u8)> {
        found.sort_unstable();
        found
    }

    fn check(text: &str) {
        let patterns = patterns();
        let listed: Vec<&str> = LISTS.iter().flat_map(|list| list.iter().copied()).collect();

        let mut at_word_starts = Vec::new();
        patterns.at_word_starts(text, |at, pattern, bit| {
            at_word_starts.push((at, pattern, bit));
            ControlFlow::Continue(())
        });
        let plain = plain_matches(text, true);
        assert_eq!(sorted(at_word_starts), sorted(plain.clone()), "{text:?}");
        assert_eq!(
            patterns.first_at_word_start(text),
            plain.first().map(|&(at, ..)| at),
            "{text:?}"
        );
        let bits = plain.iter().fold(0, |bits, &(_, _, bit)| bits | bit);
        assert_eq!(patterns.lists_at_word_starts(text), bits, "{text:?}");

        let anywhere = plain_matches(text, false);
        let first_listed = listed.iter().find_map(|&pattern| {
            anywhere
                .iter()
                .find(|&&(_, found, _)| found == pattern)
                .map(|&(at, ..)| (at, pattern))
        });
        assert_eq!(patterns.first_listed(text), first_listed, "{text:?}");
        assert_eq!(patterns.any_in(text), !anywhere.is_empty(), "{text:?}");
    }

    #[test]
    fn finds_what_the_plain_definition_finds() {
        for text in [
            "",
            "the cause was fixed",
            "because of it, nothing",
            "prefix and suffix",
            "Due To a typo",
            "é:cause éfix",
            "café fix",
            "ROLLED BACK; re-ran",
            "x-y-ab",
            "all users then users",
            "this is 50%",
            "i",
            "\u{212A}ab",
        ] {
            check(text);
        }
    }

    proptest! {
        #[test]
        fn finds_what_the_plain_definition_finds_in_any_text(
            text in "([a-zA-Z0-9 é-]|cause|due to|fix|ed|rolled back|re-ran|50|users|ab|x-y|is){0,12}"
        ) {
            check(&text);
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
