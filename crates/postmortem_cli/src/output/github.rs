//! `--format github`: GitHub Actions workflow commands, one line per finding, which GitHub
//! shows as annotations on the pull request.

use super::{Checked, Region};
use postmortem::{LineIndex, Severity};
use std::fmt::Write as _;

/// A file's findings, one workflow command each.
pub(crate) fn file(file: &Checked) -> String {
    let mut out = String::new();
    let index = LineIndex::new(&file.source);
    for diagnostic in &file.validation.diagnostics {
        let region = Region::of(&index, &file.source, diagnostic.span);
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = diagnostic.message.clone();
        if !diagnostic.help.is_empty() {
            let _ = write!(message, "\nhelp: {}", diagnostic.help);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&file.path),
            region.start_line,
            region.start_column,
            region.end_line,
            region.end_column,
            escape_property(&format!("{} {}", diagnostic.code(), diagnostic.name())),
            escape_data(&message),
        );
    }
    out
}

/// Escapes a command's message as `@actions/core` does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value as `@actions/core` does.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_end_a_property_or_the_line() {
        assert_eq!(escape_data("50% down\nthen up"), "50%25 down%0Athen up");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
