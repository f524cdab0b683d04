//! The JavaScript contract: plain objects converted from core types, with UTF-16 positions so
//! that `markdown.slice(offset.start, offset.end)` is the flagged text.

use postmortem::checklist::Requirement;
use postmortem::span::{LineIndex, Utf16Cursor};
use postmortem::stats::Statistics;
use serde::Serialize;

/// What `validate` returns: the findings, the document's statistics and the profile's
/// requirement checklist.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Validation {
    pub(crate) diagnostics: Vec<JsDiagnostic>,
    pub(crate) stats: Statistics,
    pub(crate) checklist: Vec<Requirement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JsDiagnostic {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) severity: &'static str,
    pub(crate) message: String,
    pub(crate) help: String,
    pub(crate) range: Range,
    pub(crate) offset: Offset,
}

/// 1-based lines; columns in UTF-16 code units, 1-based.
#[derive(Serialize)]
pub(crate) struct Range {
    pub(crate) start: Position,
    pub(crate) end: Position,
}

#[derive(Serialize)]
pub(crate) struct Position {
    pub(crate) line: u32,
    pub(crate) column: u32,
}

/// UTF-16 offsets into the validated string.
#[derive(Serialize)]
pub(crate) struct Offset {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

impl Validation {
    pub(crate) fn new(source: &str, validation: postmortem::Validation) -> Self {
        let postmortem::Validation {
            diagnostics,
            stats,
            checklist,
            ..
        } = validation;
        let index = LineIndex::new(source);
        let mut cursor = Utf16Cursor::new(source);
        let diagnostics = diagnostics
            .iter()
            .map(|diagnostic| {
                let start = index.line_column_utf16(source, diagnostic.span.start);
                let end = index.line_column_utf16(source, diagnostic.span.end);
                JsDiagnostic {
                    code: diagnostic.code(),
                    name: diagnostic.name(),
                    severity: diagnostic.severity.as_str(),
                    message: diagnostic.message.clone(),
                    help: diagnostic.help.clone(),
                    range: Range {
                        start: Position {
                            line: start.line,
                            column: start.column,
                        },
                        end: Position {
                            line: end.line,
                            column: end.column,
                        },
                    },
                    offset: Offset {
                        start: cursor.offset(diagnostic.span.start),
                        end: cursor.offset(diagnostic.span.end),
                    },
                }
            })
            .collect();
        Self {
            diagnostics,
            stats,
            checklist,
        }
    }
}
