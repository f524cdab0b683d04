//! Plain Rust: what an imported file is (a postmortem, a backup of drafts, or something the
//! editor must refuse) and the message the user sees when it is refused.

use crate::state::library::{Draft, decode_backup, is_backup};

/// Larger files are refused before they are read: a postmortem is a few pages, and
/// localStorage holds about 5 MB per site.
pub const MAX_IMPORT_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// A file the editor can open.
#[derive(Debug, PartialEq)]
pub enum Imported {
    Markdown(String),
    Backup(Vec<Draft>),
}

/// Refuses, by its size alone, a file too large to be a postmortem.
pub fn check_size(file_name: &str, bytes: f64) -> Result<(), String> {
    if bytes > MAX_IMPORT_BYTES {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // Display only.
        let megabytes = (bytes / 1024.0 / 1024.0).ceil() as u64;
        return Err(format!(
            "“{file_name}” is {megabytes} MB: too large for a postmortem (the limit is 2 MB). Nothing was imported."
        ));
    }
    Ok(())
}

/// Reads a file's bytes as a postmortem or a backup.
pub fn read_import(file_name: &str, bytes: &[u8]) -> Result<Imported, String> {
    #[allow(clippy::cast_precision_loss)] // Sizes far below 2^52.
    check_size(file_name, bytes.len() as f64)?;
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return Err(format!(
            "“{file_name}” is a binary file, not Markdown text. Nothing was imported."
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        format!(
            "“{file_name}” is not UTF-8 text. Save it as UTF-8 (most editors offer this) and import it again."
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A textarea reports line ends as \n; storing them the same way keeps drafts comparable.
    let text = text.replace("\r\n", "\n");
    if is_backup(&text) {
        return decode_backup(&text).map(Imported::Backup);
    }
    if text.trim().is_empty() {
        return Err(format!("“{file_name}” is empty. Nothing was imported."));
    }
    Ok(Imported::Markdown(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::library::encode_backup;

    #[test]
    fn reads_markdown_without_bom_or_carriage_returns() {
        let bytes = "\u{feff}# Outage\r\n\r\nText.\r\n".as_bytes();
        assert_eq!(
            read_import("outage.md", bytes),
            Ok(Imported::Markdown("# Outage\n\nText.\n".to_owned()))
        );
    }

    #[test]
    fn recognises_a_backup() {
        let draft = Draft::new("a".to_owned(), "# A\n".to_owned(), 1);
        let file = encode_backup(std::slice::from_ref(&draft), &[], 2);
        assert_eq!(
            read_import("drafts.json", file.as_bytes()),
            Ok(Imported::Backup(vec![draft]))
        );
    }

    #[test]
    fn refuses_binary_non_utf8_empty_and_huge_files_with_a_reason() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(
            read_import("shot.png", png)
                .unwrap_err()
                .contains("binary file")
        );
        let latin1 = b"# Caf\xe9 outage\n";
        assert!(
            read_import("cafe.md", latin1)
                .unwrap_err()
                .contains("not UTF-8")
        );
        assert!(
            read_import("blank.md", b"  \n")
                .unwrap_err()
                .contains("empty")
        );
        let huge = vec![b'a'; 3 * 1024 * 1024];
        let refusal = read_import("huge.md", &huge).unwrap_err();
        assert!(
            refusal.contains("3 MB") && refusal.contains("limit"),
            "{refusal}"
        );
        assert!(check_size("ten.md", 10.0 * 1024.0 * 1024.0).is_err());
        assert!(check_size("small.md", 4096.0).is_ok());
    }

    #[test]
    fn a_broken_backup_is_refused_not_opened_as_text() {
        let broken = r#"{"format":"postmortem-backup","version":2,"drafts":[{"id":1}]}"#;
        assert!(read_import("drafts.json", broken.as_bytes()).is_err());
    }
}
