//! `--format json`: one object for all files (SPEC section 5), columns counted in characters.

use super::{Checked, Region};
use postmortem::checklist::Requirement;
use postmortem::metrics::Metrics;
use postmortem::stats::Statistics;
use postmortem::{Diagnostic, LineIndex};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    stats: &'a Statistics,
    checklist: &'a [Requirement],
    metrics: &'a Metrics,
    /// Only with `--fix`.
    #[serde(skip_serializing_if = "Option::is_none")]
    fixes_applied: Option<usize>,
}

/// A diagnostic with 1-based lines and columns counted in characters.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDiagnostic<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    help: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    fix: Option<JsonFix<'a>>,
}

/// A mechanical fix: replace each range with its text.
#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonEdit<'a> {
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    replacement: &'a str,
}

/// The report: `{"files": [...]}` around the files' parts, pretty-printed as one document.
pub(crate) fn write_report<'a>(
    parts: impl Iterator<Item = &'a str>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(b"{\n  \"files\": [")?;
    let mut empty = true;
    for part in parts {
        out.write_all(if empty { b"\n" } else { b",\n" })?;
        out.write_all(part.as_bytes())?;
        empty = false;
    }
    out.write_all(if empty { b"]\n}\n" } else { b"\n  ]\n}\n" })
}

/// A file's object, pretty-printed at the depth it has in the report's `files` array.
pub(crate) fn file(file: &Checked) -> String {
    let mut indented = Indented(INDENT.to_vec());
    let _ = serde_json::to_writer_pretty(&mut indented, &json_file(file));
    // Only serde_json's text with ASCII spaces added: UTF-8.
    String::from_utf8(indented.0).unwrap_or_default()
}

/// The indentation of a file's object in the report.
const INDENT: &[u8] = b"    ";

/// Indents each line `serde_json`'s pretty printer writes, without a second pass over the text.
/// It writes each line break as a piece of its own that ends with it (`\n`, `,\n`), and JSON
/// has no other line breaks: strings escape theirs.
struct Indented(Vec<u8>);

impl std::io::Write for Indented {
    fn write(&mut self, piece: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(piece);
        if piece.last() == Some(&b'\n') {
            self.0.extend_from_slice(INDENT);
        }
        Ok(piece.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn json_file(file: &Checked) -> JsonFile<'_> {
    let index = LineIndex::new(&file.source);
    JsonFile {
        path: &file.path,
        diagnostics: file
            .validation
            .diagnostics
            .iter()
            .map(|diagnostic| json_diagnostic(&index, &file.source, diagnostic))
            .collect(),
        stats: &file.validation.stats,
        checklist: &file.validation.checklist,
        metrics: &file.validation.metrics,
        fixes_applied: file.fixes_applied,
    }
}

fn json_diagnostic<'a>(
    index: &LineIndex,
    source: &str,
    diagnostic: &'a Diagnostic,
) -> JsonDiagnostic<'a> {
    let region = Region::of(index, source, diagnostic.span);
    JsonDiagnostic {
        code: diagnostic.code(),
        name: diagnostic.name(),
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        help: &diagnostic.help,
        line: region.start_line,
        column: region.start_column,
        end_line: region.end_line,
        end_column: region.end_column,
        fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
            title: &fix.title,
            edits: fix
                .edits
                .iter()
                .map(|edit| {
                    let region = Region::of(index, source, edit.span);
                    JsonEdit {
                        line: region.start_line,
                        column: region.start_column,
                        end_line: region.end_line,
                        end_column: region.end_column,
                        replacement: &edit.replacement,
                    }
                })
                .collect(),
        }),
    }
}
