//! The printed shapes of a check: human text, the JSON document of SPEC section 5, SARIF 2.1.0
//! and GitHub Actions workflow commands. Each file's part is made on the thread that checked
//! it, so that its text can be dropped there, and the parts are joined in the files' order.

mod github;
mod human;
mod json;
mod sarif;

use crate::args::Format;
use postmortem::{LineIndex, Severity, Span};
use serde::Serialize;
use serde_json::Value;

/// One checked file with its findings.
pub(crate) struct Checked {
    /// How the file is named in the report: as given on the command line.
    pub(crate) path: String,
    pub(crate) source: String,
    pub(crate) validation: postmortem::Validation,
    /// With `--fix`, how many fixes were applied before these findings.
    pub(crate) fixes_applied: Option<usize>,
}

/// One file's part of the report, with the counts of its findings.
pub(crate) struct Part {
    pub(crate) counts: Counts,
    body: Body,
}

enum Body {
    /// Human, JSON and GitHub output: the file's text of the report.
    Text(String),
    /// SARIF: the file's results, which go into one array after the catalogue.
    Results(Vec<Value>),
}

impl Part {
    pub(crate) fn of(format: Format, file: &Checked) -> Part {
        Part {
            counts: Counts::of(file),
            body: match format {
                Format::Human => Body::Text(human::file(file)),
                Format::Json => Body::Text(json::file(file)),
                Format::Github => Body::Text(github::file(file)),
                Format::Sarif => Body::Results(sarif::results(file)),
            },
        }
    }

    fn text(&self) -> &str {
        match &self.body {
            Body::Text(text) => text,
            Body::Results(_) => "",
        }
    }

    fn results(&self) -> &[Value] {
        match &self.body {
            Body::Results(results) => results,
            Body::Text(_) => &[],
        }
    }
}

/// Writes the whole report of the files' parts, in their order, without joining them first.
pub(crate) fn write_report(
    format: Format,
    parts: &[Part],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write_report(parts, out),
        Format::Json => json::write_report(parts.iter().map(Part::text), out),
        Format::Github => parts
            .iter()
            .try_for_each(|part| out.write_all(part.text().as_bytes())),
        Format::Sarif => sarif::write_report(parts.iter().flat_map(Part::results), out),
    }
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
    pub(crate) fn of(file: &Checked) -> Self {
        let mut counts = Counts::default();
        for diagnostic in &file.validation.diagnostics {
            match diagnostic.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }

    pub(crate) fn add(self, other: Counts) -> Counts {
        Counts {
            errors: self.errors + other.errors,
            warnings: self.warnings + other.warnings,
            infos: self.infos + other.infos,
        }
    }
}
