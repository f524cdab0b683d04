//! The JavaScript contract: plain objects converted from core types, with UTF-16 positions so
//! that `markdown.slice(offset.start, offset.end)` is the flagged text. Their TypeScript
//! declarations are in `js_types.d.ts`; a test type-checks real values against them.

use crate::utf16::Utf16Offsets;
use postmortem::checklist::Requirement;
use postmortem::metrics::Metrics;
use postmortem::span::LineIndex;
use postmortem::stats::Statistics;
use serde::Serialize;

/// What `validate` returns: the findings, the document's statistics, the profile's
/// requirement checklist and the incident's metrics.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Validation {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) stats: Statistics,
    pub(crate) checklist: Vec<Requirement>,
    pub(crate) metrics: Metrics,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Diagnostic {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) severity: &'static str,
    pub(crate) message: String,
    pub(crate) help: String,
    pub(crate) range: LineColumnRange,
    pub(crate) offset: Span,
    pub(crate) fix: Option<Fix>,
    pub(crate) requirement: Option<&'static str>,
}

/// 1-based lines and columns, columns in UTF-16 code units.
#[derive(Serialize)]
pub(crate) struct LineColumnRange {
    pub(crate) start: LineColumn,
    pub(crate) end: LineColumn,
}

#[derive(Serialize)]
pub(crate) struct LineColumn {
    pub(crate) line: u32,
    pub(crate) column: u32,
}

/// UTF-16 offsets into the validated string.
#[derive(Serialize)]
pub(crate) struct Span {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

#[derive(Serialize)]
pub(crate) struct Fix {
    pub(crate) title: String,
    pub(crate) edits: Vec<Edit>,
}

#[derive(Serialize)]
pub(crate) struct Edit {
    pub(crate) offset: Span,
    pub(crate) replacement: String,
}

/// One entry of the rule catalogue.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Rule {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) summary: String,
    pub(crate) docs: String,
    pub(crate) default_severity: &'static str,
    pub(crate) fixable: bool,
    pub(crate) enabled_by_default: bool,
}

impl Validation {
    pub(crate) fn new(source: &str, validation: postmortem::Validation) -> Self {
        let postmortem::Validation {
            diagnostics,
            stats,
            checklist,
            metrics,
            ..
        } = validation;
        let lines = LineIndex::new(source);
        let offsets = Utf16Offsets::new(source);
        let span = |span: postmortem::Span| Span {
            start: offsets.of(span.start),
            end: offsets.of(span.end),
        };
        let position = |offset: u32| {
            let postmortem::LineColumn { line, column } = lines.line_column_utf16(source, offset);
            LineColumn { line, column }
        };
        let diagnostics = diagnostics
            .into_iter()
            .map(|diagnostic| Diagnostic {
                code: diagnostic.code(),
                name: diagnostic.name(),
                severity: diagnostic.severity.as_str(),
                range: LineColumnRange {
                    start: position(diagnostic.span.start),
                    end: position(diagnostic.span.end),
                },
                offset: span(diagnostic.span),
                fix: diagnostic.fix.map(|fix| Fix {
                    title: fix.title,
                    edits: fix
                        .edits
                        .into_iter()
                        .map(|edit| Edit {
                            offset: span(edit.span),
                            replacement: edit.replacement,
                        })
                        .collect(),
                }),
                requirement: diagnostic.requirement,
                message: diagnostic.message,
                help: diagnostic.help,
            })
            .collect();
        Self {
            diagnostics,
            stats,
            checklist,
            metrics,
        }
    }
}

impl From<&'static postmortem::RuleMeta> for Rule {
    fn from(meta: &'static postmortem::RuleMeta) -> Self {
        Self {
            code: meta.code,
            name: meta.name,
            summary: meta.summary(),
            docs: meta.markdown(),
            default_severity: meta.default_severity.as_str(),
            fixable: meta.fixable,
            enabled_by_default: meta.enabled_by_default,
        }
    }
}
