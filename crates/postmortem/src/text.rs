//! Text at the bottom of the core: words as the rules and the parser read them.
//!
//! The fast paths live here once, each with a test that holds it equal to its plain
//! definition, so that no rule carries a twin of its own.

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
    // The kind of byte the run is made of when it is ASCII.
    let wanted = if whitespace {
        ByteKind::Whitespace
    } else {
        ByteKind::Other
    };
    loop {
        // ASCII bytes are read with one look-up each; other characters are decoded.
        at += bytes[at..]
            .iter()
            .take_while(|&&byte| BYTE_KINDS[usize::from(byte)] == wanted)
            .count();
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

/// What a byte of UTF-8 text is, for [`run_end`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ByteKind {
    /// An ASCII character that `char::is_whitespace` accepts: the space and `\t` to `\r`.
    Whitespace,
    /// Another ASCII character.
    Other,
    /// A byte of a non-ASCII character.
    NonAscii,
}

/// The kind of each byte value.
static BYTE_KINDS: [ByteKind; 256] = {
    let mut kinds = [ByteKind::NonAscii; 256];
    let mut byte: u8 = 0;
    while byte < 128 {
        kinds[byte as usize] = if matches!(byte, b' ' | b'\t'..=b'\r') {
            ByteKind::Whitespace
        } else {
            ByteKind::Other
        };
        byte += 1;
    }
    kinds
};

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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Texts with what splitting, trimming and lowercasing can trip on.
    pub(crate) const TRICKY: &[&str] = &[
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
    pub(crate) fn plain_words(text: &str) -> Vec<&str> {
        text.split_whitespace()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect()
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
            let kind = BYTE_KINDS[usize::from(byte)];
            let expected = if char::from(byte).is_whitespace() {
                ByteKind::Whitespace
            } else {
                ByteKind::Other
            };
            assert_eq!(kind, expected, "{byte}");
        }
        assert!(
            BYTE_KINDS[128..]
                .iter()
                .all(|&kind| kind == ByteKind::NonAscii)
        );
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
}
