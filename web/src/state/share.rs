//! Plain Rust: a draft carried whole in a link's fragment (`#draft=…`), which browsers never
//! send to a server. The bytes are compressed by the browser (deflate); this module encodes
//! them as base64url and says when a link would be too long to share.

/// Longer links are refused: chat tools, mail clients and some browsers cut or reject them.
pub const MAX_LINK_CHARS: usize = 8000;

const PREFIX: &str = "#draft=";

/// The fragment carrying `compressed`.
pub fn fragment(compressed: &[u8]) -> String {
    format!("{PREFIX}{}", base64url_encode(compressed))
}

/// A link no longer than [`MAX_LINK_CHARS`], or why it cannot be shared.
pub fn checked_link(link: String) -> Result<String, String> {
    let length = link.chars().count();
    if length > MAX_LINK_CHARS {
        return Err(format!(
            "This draft is too long to share as a link ({length} characters; links stop at {MAX_LINK_CHARS}). Download it and send the file instead."
        ));
    }
    Ok(link)
}

/// The compressed draft a page's fragment carries: `None` when the fragment is not a shared
/// draft, an error when it is one but damaged.
pub fn compressed_draft(fragment: &str) -> Option<Result<Vec<u8>, String>> {
    let encoded = fragment.strip_prefix(PREFIX)?;
    Some(base64url_decode(encoded).ok_or_else(|| {
        "This link's draft is damaged (it may have been cut short when it was copied).".to_owned()
    }))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// RFC 4648 base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |group, (index, &byte)| {
                group | u32::from(byte) << (16 - 8 * index)
            });
        for index in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * index)) & 0x3f;
            text.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    text
}

/// The bytes of base64url text (padding tolerated); `None` if it is not base64url.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut group = 0_u32;
        for (index, &symbol) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|&known| known == symbol)?;
            group |= u32::try_from(value).ok()? << (18 - 6 * index);
        }
        for index in 0..chunk.len() - 1 {
            bytes.push(u8::try_from((group >> (16 - 8 * index)) & 0xff).ok()?);
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_and_round_trips() {
        // RFC 4648 section 10, in the URL-safe alphabet without padding.
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xfe], "-__-"),
        ] {
            assert_eq!(base64url_encode(bytes), text);
            assert_eq!(base64url_decode(text).as_deref(), Some(bytes));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64url_decode(&base64url_encode(&all)), Some(all));
        assert_eq!(base64url_decode("Zg=="), Some(b"f".to_vec()));
    }

    #[test]
    fn a_damaged_fragment_is_reported() {
        assert_eq!(compressed_draft("#section-2"), None);
        assert_eq!(compressed_draft("#draft=Zm9v"), Some(Ok(b"foo".to_vec())));
        assert!(compressed_draft("#draft=Zm9v!").unwrap().is_err());
        assert!(compressed_draft("#draft=Z").unwrap().is_err());
    }

    #[test]
    fn long_links_are_refused_with_what_to_do() {
        assert!(checked_link("x".repeat(MAX_LINK_CHARS)).is_ok());
        let refusal = checked_link("x".repeat(MAX_LINK_CHARS + 1)).unwrap_err();
        assert!(
            refusal.contains("8001 characters") && refusal.contains("Download"),
            "{refusal}"
        );
        assert!(fragment(b"foo").starts_with("#draft="));
    }
}
