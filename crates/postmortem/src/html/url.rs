//! Which URLs a link may keep and which images may load, judged the way the browser's URL
//! parser reads them.

use crate::text::decode_entities;

/// The only URL schemes a link or image may use; a URL without a scheme is relative.
const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Whether the browser reads a URL as absolute `https:` with a host: exactly `https://` (in
/// any case) and a letter or digit, with no whitespace, control character or backslash
/// anywhere, since the URL parser removes or rewrites those (`https:/x` and `https:\\x` can
/// be relative to an `https:` page, `//x` is protocol-relative). `src` is the value the
/// element's attribute holds, character references already decoded.
pub(super) fn is_absolute_https_url(src: &str) -> bool {
    let Some((scheme, rest)) = src.split_at_checked(8) else {
        return false;
    };
    scheme.eq_ignore_ascii_case("https://")
        && rest.starts_with(|character: char| character.is_ascii_alphanumeric())
        && !src
            .chars()
            .any(|character| character <= ' ' || character == '\\' || character == '\u{7f}')
}

/// Whether a URL is http, https, mailto or relative. The scheme is judged on the URL as the
/// most lenient reader could see it: entities and percent-escapes decoded, ASCII whitespace and
/// control characters removed, case ignored. Anything before a `:` that is not an allowed
/// scheme (including `data:`, `file:` and garbage) makes the URL unsafe.
pub(super) fn is_safe_url(url: &str) -> bool {
    let decoded = percent_decode(&decode_entities(url));
    let normalised: String = decoded
        .chars()
        .filter(|character| !character.is_ascii_whitespace() && !character.is_ascii_control())
        .collect();
    match normalised.find([':', '/', '?', '#']) {
        Some(end) if normalised[end..].starts_with(':') => ALLOWED_SCHEMES
            .iter()
            .any(|scheme| scheme.eq_ignore_ascii_case(&normalised[..end])),
        _ => true,
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = (byte == b'%')
            .then(|| {
                Some((
                    hex_value(*bytes.get(index + 1)?)?,
                    hex_value(*bytes.get(index + 2)?)?,
                ))
            })
            .flatten();
        if let Some((high, low)) = escaped {
            decoded.push(high * 16 + low);
            index += 3;
        } else {
            decoded.push(byte);
            index += 1;
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe_url;

    #[test]
    fn url_safety_is_judged_after_decoding() {
        for safe in [
            "https://example.com",
            "HTTP://example.com",
            "mailto:oncall@example.com",
            "#fragment",
            "./image.png",
            "/path/to:colon",
            "image.png?at=10:00",
            "",
        ] {
            assert!(is_safe_url(safe), "{safe:?} should be safe");
        }
        for unsafe_url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\0script:alert(1)",
            "java&#x09;script:alert(1)",
            "&#106;avascript:alert(1)",
            "&#0000106&#0000097vascript:alert(1)",
            "javascript&colon;alert(1)",
            "%6Aavascript:alert(1)",
            "vbscript:msgbox",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "ftp://example.com",
            "\u{1}javascript:alert(1)",
        ] {
            assert!(!is_safe_url(unsafe_url), "{unsafe_url:?} should be unsafe");
        }
    }
}
