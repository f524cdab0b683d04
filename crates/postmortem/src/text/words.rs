//! Words: counting them as a reader counts them, and reading them one by one.

use super::matchers::CharSet;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The number of words a reader sees in a piece of plain text.
pub(crate) fn count_words(text: &str) -> u32 {
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

/// What each byte is to [`count_words`] and [`trimmed_words`], looked up rather than tested.
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
fn split_whitespace(text: &str) -> impl Iterator<Item = &str> {
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

/// The words of `text`: the pieces of `text.split_whitespace()` trimmed of the characters that
/// are not letters or digits, the empty ones left out. The pieces are found a byte at a time,
/// decoding only the non-ASCII characters.
pub(crate) fn trimmed_words(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = run_end(text, at, true);
            if start == text.len() {
                at = start;
                return None;
            }
            at = run_end(text, start, false);
            let piece = &text[start..at];
            let bytes = piece.as_bytes();
            // Most pieces start with a letter and end with one, or with a digit: they are
            // already trimmed.
            let is_trimmed = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
                && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
            let word = if is_trimmed {
                piece
            } else {
                piece.trim_matches(|c: char| !c.is_alphanumeric())
            };
            if !word.is_empty() {
                return Some(word);
            }
        }
    })
}

/// The end of the run of whitespace (`whitespace`) or of other characters from `at`, a char
/// boundary of `text`.
fn run_end(text: &str, mut at: usize, whitespace: bool) -> usize {
    let bytes = text.as_bytes();
    let in_run = |byte: u8| {
        byte.is_ascii() && (BYTE_KINDS[usize::from(byte)] & WHITESPACE != 0) == whitespace
    };
    loop {
        // ASCII bytes are read with one look-up each; other characters are decoded.
        at += bytes[at..].iter().take_while(|&&byte| in_run(byte)).count();
        match bytes.get(at) {
            Some(byte) if !byte.is_ascii() => {
                let character = text[at..].chars().next().unwrap_or_default();
                if character.is_whitespace() != whitespace {
                    return at;
                }
                at += character.len_utf8();
            }
            _ => return at,
        }
    }
}

/// Appends the words of `text` (as [`trimmed_words`] reads them), lowercased, to `joined`,
/// after the words it has and each after a space; at most `limit` of them.
pub(crate) fn push_lowercase_words(text: &str, limit: usize, joined: &mut String) {
    for word in trimmed_words(text).take(limit) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        if word.is_ascii() {
            joined.extend(
                word.bytes()
                    .map(|byte| char::from(byte.to_ascii_lowercase())),
            );
        } else {
            // Lowercasing can depend on the letters around (a final sigma): a whole word is
            // lowercased at once.
            joined.push_str(&word.to_lowercase());
        }
    }
}

/// The first line of `text`, shortened to its first eight words, for messages.
pub(crate) fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() <= 8 {
        line.trim_end_matches(['.', ':']).to_owned()
    } else {
        format!("{} ...", words[..8].join(" "))
    }
}

/// The range of the sentence of `text` that holds byte `index`: from after the sentence end
/// or line break before it to its own sentence end, trimmed.
pub(crate) fn sentence_around(text: &str, index: usize) -> std::ops::Range<usize> {
    let is_end = |at: usize, byte: u8| {
        byte == b'\n'
            || (matches!(byte, b'.' | b'!' | b'?')
                && text
                    .as_bytes()
                    .get(at + 1)
                    .is_none_or(u8::is_ascii_whitespace))
    };
    let index = index.min(text.len());
    let start = text.as_bytes()[..index]
        .iter()
        .enumerate()
        .rev()
        .find(|&(at, &byte)| is_end(at, byte))
        .map_or(0, |(at, _)| at + 1);
    let end = text.as_bytes()[index..]
        .iter()
        .enumerate()
        .find(|&(at, &byte)| is_end(index + at, byte))
        .map_or(text.len(), |(at, &byte)| {
            index + at + usize::from(byte != b'\n')
        });
    let sentence = &text[start..end];
    let leading = sentence.len() - sentence.trim_start().len();
    start + leading..start + sentence.trim_end().len()
}

/// `text` without what stands between `open` and `close`, nested pairs included: a heading
/// without its "(UTC)", a line without its links' text. Borrowed when it holds neither.
pub(crate) fn without_enclosed(text: &str, open: char, close: char) -> Cow<'_, str> {
    if !text.contains([open, close]) {
        return Cow::Borrowed(text);
    }
    let mut kept = String::with_capacity(text.len());
    let mut depth = 0_usize;
    for character in text.chars() {
        match character {
            _ if character == open => depth += 1,
            _ if character == close => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(character),
            _ => {}
        }
    }
    Cow::Owned(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sentence_around_a_place() {
        let text = "Checkout failed. About 55% of users saw errors! It was v2.1.\nNext line";
        let around = |at: usize| &text[sentence_around(text, at)];
        assert_eq!(around(0), "Checkout failed.");
        assert_eq!(
            around(text.find("55%").unwrap()),
            "About 55% of users saw errors!"
        );
        assert_eq!(around(text.find("v2").unwrap()), "It was v2.1.");
        assert_eq!(around(text.len()), "Next line");
        assert_eq!(around(usize::MAX), "Next line");
    }

    /// Texts with what splitting, trimming and lowercasing can trip on.
    const TRICKY: &[&str] = &[
        "",
        " \t\n ",
        "- [ ] Add monitoring on server memory.",
        "**Patch Database Server:** Review and apply patches",
        "We'll look into it... (later)",
        "Line one\nline two\r\n\tline\u{b}three\u{c}four\u{85}five",
        "Überprüfe die Datenbank-Verbindung — bald",
        "ΟΔΟΣ. ΣΟΦΟΣ fix it",
        "\u{212a}elvin İstanbul 100\u{a0}nbsp\u{2003}em\u{3000}space",
        "--- *** ... !!",
        "a_b c-d e.f 'quoted' \"word\"",
    ];

    /// The words as first defined: split at whitespace, trimmed of other characters than
    /// letters and digits, empty ones left out.
    fn plain_words(text: &str) -> Vec<&str> {
        text.split_whitespace()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect()
    }

    #[test]
    fn without_enclosed_drops_nested_pairs_and_keeps_the_rest() {
        assert_eq!(
            without_enclosed("Timeline (all (local) times) today", '(', ')'),
            "Timeline  today"
        );
        assert_eq!(
            without_enclosed("see [the docs](x) here", '[', ']'),
            "see (x) here"
        );
        assert!(matches!(
            without_enclosed("plain", '[', ']'),
            Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn trimmed_words_are_the_plain_definition() {
        for text in TRICKY {
            assert_eq!(
                trimmed_words(text).collect::<Vec<_>>(),
                plain_words(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn byte_kinds_are_what_char_is_whitespace_says() {
        for byte in 0..128_u8 {
            let whitespace = BYTE_KINDS[usize::from(byte)] & WHITESPACE != 0;
            assert_eq!(whitespace, char::from(byte).is_whitespace(), "{byte}");
        }
        assert!(BYTE_KINDS[128..].iter().all(|&kind| kind & WHITESPACE == 0));
    }

    #[test]
    fn lowercase_words_are_the_plain_definition() {
        for text in TRICKY {
            for limit in [0, 3, usize::MAX] {
                let plain: Vec<String> = plain_words(text)
                    .into_iter()
                    .take(limit)
                    .map(str::to_lowercase)
                    .collect();
                let mut joined = String::new();
                push_lowercase_words(text, limit, &mut joined);
                assert_eq!(joined, plain.join(" "), "{text:?}");
            }
        }
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
