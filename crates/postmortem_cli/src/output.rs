//! The printed shapes of a check: human text, the JSON document of SPEC section 5, SARIF 2.1.0
//! and GitHub Actions workflow commands.

mod github;
mod human;
mod json;
mod sarif;

pub(crate) use github::github;
pub(crate) use human::human;
pub(crate) use json::json;
pub(crate) use sarif::sarif;

use postmortem::{LineIndex, Severity, Span};
use serde::Serialize;

/// One checked file with its findings.
pub(crate) struct Checked {
    /// How the file is named in the report: as given on the command line.
    pub(crate) path: String,
    pub(crate) source: String,
    pub(crate) validation: postmortem::Validation,
    /// With `--fix`, how many fixes were applied before these findings.
    pub(crate) fixes_applied: Option<usize>,
}

/// A range as 1-based lines and columns, columns counted in characters (Unicode scalar
/// values); the end column is one past the last character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Region {
    pub(crate) start_line: u32,
    pub(crate) start_column: u32,
    pub(crate) end_line: u32,
    pub(crate) end_column: u32,
}

impl Region {
    pub(crate) fn of(index: &LineIndex, source: &str, span: Span) -> Self {
        let start = index.line_column(source, span.start);
        let end = index.line_column(source, span.end);
        Self {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

/// How many findings of each severity the files hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) infos: usize,
}

impl Counts {
    pub(crate) fn of(files: &[Checked]) -> Self {
        let mut counts = Counts::default();
        for diagnostic in files.iter().flat_map(|file| &file.validation.diagnostics) {
            match diagnostic.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }
}
