//! The CLI's printed shapes: human text and the JSON document of SPEC section 5.

use postmortem::LineIndex;
use postmortem::checklist::Requirement;
use postmortem::stats::Statistics;
use serde::Serialize;
use std::fmt::Write as _;

/// One checked file with its findings.
pub(crate) struct Checked {
    pub(crate) path: String,
    pub(crate) source: String,
    pub(crate) validation: postmortem::Validation,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    stats: &'a Statistics,
    checklist: &'a [Requirement],
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

pub(crate) fn json(files: &[Checked]) -> String {
    let report = JsonReport {
        files: files
            .iter()
            .map(|file| {
                let index = LineIndex::new(&file.source);
                JsonFile {
                    path: &file.path,
                    stats: &file.validation.stats,
                    checklist: &file.validation.checklist,
                    diagnostics: file
                        .validation
                        .diagnostics
                        .iter()
                        .map(|diagnostic| {
                            let start = index.line_column(&file.source, diagnostic.span.start);
                            let end = index.line_column(&file.source, diagnostic.span.end);
                            JsonDiagnostic {
                                code: diagnostic.code(),
                                name: diagnostic.name(),
                                severity: diagnostic.severity.as_str(),
                                message: &diagnostic.message,
                                help: &diagnostic.help,
                                line: start.line,
                                column: start.column,
                                end_line: end.line,
                                end_column: end.column,
                                fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
                                    title: &fix.title,
                                    edits: fix
                                        .edits
                                        .iter()
                                        .map(|edit| {
                                            let start =
                                                index.line_column(&file.source, edit.span.start);
                                            let end =
                                                index.line_column(&file.source, edit.span.end);
                                            JsonEdit {
                                                line: start.line,
                                                column: start.column,
                                                end_line: end.line,
                                                end_column: end.column,
                                                replacement: &edit.replacement,
                                            }
                                        })
                                        .collect(),
                                }),
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

pub(crate) fn human(files: &[Checked]) -> String {
    let mut out = String::new();
    for file in files {
        let index = LineIndex::new(&file.source);
        for diagnostic in &file.validation.diagnostics {
            let at = index.line_column(&file.source, diagnostic.span.start);
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                file.path,
                at.line,
                at.column,
                diagnostic.severity,
                diagnostic.code(),
                diagnostic.message
            );
            if !diagnostic.help.is_empty() {
                let _ = writeln!(out, "  help: {}", diagnostic.help);
            }
        }
    }
    out
}
