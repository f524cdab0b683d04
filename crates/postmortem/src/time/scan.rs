//! Byte-level reading helpers shared by the time, date, zone and duration finders.
//!
//! Every helper reads through `get`, so an index past the end or inside a multibyte character
//! is a non-match, never a panic. Matches only ever end on ASCII bytes, so the ranges the finders
//! build from them always fall on char boundaries.

/// The byte at `index`, or NUL past the end (NUL never matches anything the finders look for).
pub(super) fn byte_at(bytes: &[u8], index: usize) -> u8 {
    bytes.get(index).copied().unwrap_or(0)
}

/// Whether `bytes` has an ASCII digit: checked a block at a time, which the compiler turns into
/// vector instructions.
pub(super) fn has_ascii_digit(bytes: &[u8]) -> bool {
    bytes.chunks(64).any(|block| {
        block
            .iter()
            .fold(false, |found, byte| found | byte.is_ascii_digit())
    })
}

/// The first index at or after `from` whose byte is `wanted` (`bytes.len()` when there is
/// none). Blocks without one are passed over whole, which the compiler does with vector
/// instructions; `wanted` should be branch-free (`|` rather than `||`) to allow that.
pub(super) fn next_byte(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> usize {
    next_pair(bytes, from, |byte, _| wanted(byte))
}

/// As [`next_byte`], for a byte and the one after it (NUL after the last).
pub(super) fn next_pair(bytes: &[u8], from: usize, wanted: impl Fn(u8, u8) -> bool) -> usize {
    const BLOCK: usize = 16;
    let mut at = from;
    while let (Some(block), Some(after)) =
        (bytes.get(at..at + BLOCK), bytes.get(at + 1..at + 1 + BLOCK))
    {
        let found = block
            .iter()
            .zip(after)
            .fold(false, |found, (&byte, &next)| found | wanted(byte, next));
        if found {
            break;
        }
        at += BLOCK;
    }
    (at..bytes.len())
        .find(|&index| wanted(bytes[index], byte_at(bytes, index + 1)))
        .unwrap_or(bytes.len())
}

/// The end of the run of ASCII digits starting at `start`.
pub(super) fn digits_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while byte_at(bytes, end).is_ascii_digit() {
        end += 1;
    }
    end
}

/// The value of the ASCII digits in `start..end`; callers keep runs short enough not to overflow.
pub(super) fn digits_value(bytes: &[u8], start: usize, end: usize) -> u32 {
    bytes
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .fold(0_u32, |value, digit| {
            value
                .saturating_mul(10)
                .saturating_add(u32::from(digit - b'0'))
        })
}

/// Exactly `count` ASCII digits at `start`, not followed by another digit.
pub(super) fn exact_digits(bytes: &[u8], start: usize, count: usize) -> Option<u32> {
    let end = digits_end(bytes, start);
    (end - start == count).then(|| digits_value(bytes, start, end))
}

/// The end of the run of ASCII letters starting at `start`.
pub(super) fn letters_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while byte_at(bytes, end).is_ascii_alphabetic() {
        end += 1;
    }
    end
}

/// A short ASCII word in lowercase, to `match` against lowercase names without allocating.
pub(super) struct Lowercase {
    bytes: [u8; Lowercase::CAPACITY],
    len: usize,
}

impl Lowercase {
    /// Longer than every name the finders look up.
    const CAPACITY: usize = 12;

    /// `word` in lowercase, or `None` when it is longer than any name looked up.
    pub(super) fn of(word: &[u8]) -> Option<Self> {
        if word.len() > Self::CAPACITY {
            return None;
        }
        let mut bytes = [0; Self::CAPACITY];
        for (lower, byte) in bytes.iter_mut().zip(word) {
            *lower = byte.to_ascii_lowercase();
        }
        Some(Self {
            bytes,
            len: word.len(),
        })
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Skips spaces and tabs (and the no-break space), never a line break.
pub(super) fn skip_inline_space(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    loop {
        match byte_at(bytes, at) {
            b' ' | b'\t' => at += 1,
            0xC2 if byte_at(bytes, at + 1) == 0xA0 => at += 2,
            _ => return at,
        }
    }
}

/// The character that ends just before `index`, if `index` is a char boundary.
pub(super) fn char_before(text: &str, index: usize) -> Option<char> {
    text.get(..index)?.chars().next_back()
}

/// The character that starts at `index`, if any.
pub(super) fn char_at(text: &str, index: usize) -> Option<char> {
    text.get(index..)?.chars().next()
}

/// Whether a word-like token may end at `index`: the next character is not a letter or digit.
pub(super) fn is_word_end(text: &str, index: usize) -> bool {
    !char_at(text, index).is_some_and(char::is_alphanumeric)
}

/// Whether a word-like token may start at `index`: the previous character is not a letter or digit.
pub(super) fn is_word_start(text: &str, index: usize) -> bool {
    !char_before(text, index).is_some_and(char::is_alphanumeric)
}

/// Whether `word` (lowercase ASCII) is written at `start`, in any case, as a whole word.
/// Returns the end of the word.
pub(super) fn word_at(text: &str, start: usize, word: &str) -> Option<usize> {
    let end = start + word.len();
    let written = text.as_bytes().get(start..end)?;
    (written.eq_ignore_ascii_case(word.as_bytes()) && is_word_end(text, end)).then_some(end)
}

/// Whether the ASCII text `start..end` equals one of `words` (lowercase), in any case.
pub(super) fn is_one_of(bytes: &[u8], start: usize, end: usize, words: &[&str]) -> bool {
    let written = bytes.get(start..end).unwrap_or_default();
    words
        .iter()
        .any(|word| written.eq_ignore_ascii_case(word.as_bytes()))
}

/// Matches `phrase` (lowercase ASCII, words separated by single spaces) at `start`, in any case,
/// letting each space stand for any run of inline spaces. Returns the end of the match, which
/// must be a word end.
pub(super) fn phrase_at(text: &str, start: usize, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = start;
    for expected in phrase.bytes() {
        if expected == b' ' {
            let after = skip_inline_space(text, at);
            if after == at {
                return None;
            }
            at = after;
        } else if byte_at(bytes, at).eq_ignore_ascii_case(&expected) {
            at += 1;
        } else {
            return None;
        }
    }
    is_word_end(text, at).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_reads_are_non_matches() {
        assert_eq!(byte_at(b"ab", 5), 0);
        assert_eq!(digits_end(b"12", 7), 7);
        assert_eq!(exact_digits(b"12", 3, 2), None);
        assert_eq!(char_before("é", 1), None);
        assert_eq!(char_at("é", 1), None);
        assert_eq!(word_at("am", 1, "am"), None);
    }

    #[test]
    fn finds_digits_in_any_block() {
        let mut text = "x".repeat(200);
        assert!(!has_ascii_digit(text.as_bytes()));
        text.push('7');
        assert!(has_ascii_digit(text.as_bytes()));
        assert!(!has_ascii_digit(b""));
    }

    #[test]
    fn finds_the_next_wanted_byte_in_any_block() {
        let text = format!("{}7{}Q", "a".repeat(40), "b".repeat(17));
        let bytes = text.as_bytes();
        assert_eq!(next_byte(bytes, 0, |byte| byte.is_ascii_digit()), 40);
        assert_eq!(next_byte(bytes, 40, |byte| byte.is_ascii_digit()), 40);
        assert_eq!(
            next_byte(bytes, 41, |byte| byte.is_ascii_digit()),
            bytes.len()
        );
        assert_eq!(next_byte(bytes, 3, |byte| byte.is_ascii_uppercase()), 58);
        assert_eq!(
            next_byte(bytes, 99, |byte| byte.is_ascii_digit()),
            bytes.len()
        );
    }

    #[test]
    fn digits_are_read_exactly() {
        assert_eq!(exact_digits(b"0930x", 0, 4), Some(930));
        assert_eq!(exact_digits(b"09301", 0, 4), None);
        assert_eq!(digits_value(b"99999999999999", 0, 14), u32::MAX);
    }

    #[test]
    fn words_and_phrases_need_boundaries() {
        assert_eq!(word_at("PM GMT", 0, "pm"), Some(2));
        assert_eq!(word_at("pmx", 0, "pm"), None);
        assert_eq!(
            phrase_at("East  Africa Time)", 0, "east africa time"),
            Some(17)
        );
        assert_eq!(phrase_at("East Africa Timed", 0, "east africa time"), None);
        assert_eq!(phrase_at("EastAfrica Time", 0, "east africa time"), None);
        assert!(!is_word_start("é1", 2));
        assert!(is_word_end("1 é", 1));
        assert_eq!(skip_inline_space("a \u{a0}\tb", 1), 5);
        assert!(is_one_of(b"Hrs", 0, 3, &["hours", "hrs"]));
    }
}
