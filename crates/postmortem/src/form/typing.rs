//! Typing into a form field key by key.
//!
//! A field is read from the Markdown by what the text says: the share of users affected is
//! the `40%` the summary states. Half-typed text says nothing yet (`a`, `ab`, `abo`...), so a
//! keystroke cannot find its field by reading the document again. [`type_into`] therefore
//! remembers where each keystroke wrote its field ([`Typed`]), and the next keystroke in the
//! same field replaces exactly that text: one keystroke, one edit, the rest of the document
//! kept byte for byte. Only the first keystroke goes through [`super::edit`], which finds the
//! field or the place a missing one goes.

use super::edit::{FormEdit, keeps_structure, title_text};
use super::markdown::{escape_body, escape_line_start, one_line, starts_line, table_cell};
use super::{Field, Form};
use crate::config::Profile;
use crate::diagnostic::Edit;
use crate::model::{Document, HeadingStyle};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A text field of the form that a person types into.
///
/// Serialized with a `field` tag in camelCase: `{"field": "rowText", "index": 2}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "field", content = "index", rename_all = "camelCase")]
pub enum FieldId {
    Title,
    Impact,
    AffectedShare,
    RootCause,
    /// The time of timeline row `index`.
    RowTime(usize),
    /// What happened, in timeline row `index`.
    RowText(usize),
    RootCauseAndResolution,
    Improvements,
    /// The text of task `index`.
    TaskText(usize),
}

impl FieldId {
    /// The form edit that sets this field to `text`.
    pub fn edit(self, text: String) -> FormEdit {
        match self {
            FieldId::Title => FormEdit::SetTitle { text },
            FieldId::Impact => FormEdit::SetImpact { text },
            FieldId::AffectedShare => FormEdit::SetAffectedShare { text },
            FieldId::RootCause => FormEdit::SetRootCause { text },
            FieldId::RowTime(index) => FormEdit::SetRowTime { index, time: text },
            FieldId::RowText(index) => FormEdit::SetRowText { index, text },
            FieldId::RootCauseAndResolution => {
                FormEdit::SetRootCauseAndResolution { markdown: text }
            }
            FieldId::Improvements => FormEdit::SetImprovements { markdown: text },
            FieldId::TaskText(index) => FormEdit::SetTaskText { index, text },
        }
    }

    /// This field as `form` reads it, if the document has it.
    pub fn read(self, form: &Form) -> Option<&Field> {
        Some(match self {
            FieldId::Title => &form.title,
            FieldId::Impact => &form.summary.impact,
            FieldId::AffectedShare => &form.summary.affected_share,
            FieldId::RootCause => &form.summary.root_cause,
            FieldId::RowTime(index) => &form.timeline.get(index)?.time,
            FieldId::RowText(index) => &form.timeline.get(index)?.text,
            FieldId::RootCauseAndResolution => &form.root_cause_and_resolution,
            FieldId::Improvements => &form.improvements,
            FieldId::TaskText(index) => &form.tasks.get(index)?.text,
        })
    }

    fn is_body(self) -> bool {
        matches!(
            self,
            FieldId::RootCauseAndResolution | FieldId::Improvements
        )
    }
}

/// Where the last keystroke in a field wrote it: the next keystroke in the same field, on the
/// text this one produced, replaces exactly [`Typed::span`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typed {
    pub field: FieldId,
    /// The value as typed, which the field shows.
    pub value: String,
    /// Where the value is written in the text the keystroke produced.
    pub span: Span,
    style: Style,
}

impl Typed {
    /// The value as it is written at its span: flattened to one line for a one-line field,
    /// escaped where it would open a block, its pipes escaped in a table cell.
    pub fn written(&self) -> String {
        self.style.write(&self.value)
    }
}

/// How a field's value is written at its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// A title's text, after its heading syntax (or alone on its line).
    Title { html: bool, line_start: bool },
    /// One line; escaped when it starts its line.
    Line { line_start: bool },
    /// One table cell.
    Cell,
    /// Markdown blocks: a section's body.
    Body,
}

impl Style {
    fn write(self, value: &str) -> String {
        match self {
            Style::Title { html, line_start } => title_text(value, html, line_start),
            Style::Line { line_start: true } => escape_line_start(&one_line(value)),
            Style::Line { line_start: false } => one_line(value),
            Style::Cell => table_cell(value),
            Style::Body => escape_body(value),
        }
    }
}

/// One keystroke typed into a field: the text edits that write it, and where it now is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keystroke {
    /// Empty when the written text stays the same (a space typed at the end of a one-line
    /// field shows once a word follows it).
    pub edits: Vec<Edit>,
    pub typed: Typed,
}

/// The keystroke that makes `field` hold `text`, in `source` parsed as `document`.
///
/// `last` is what the previous keystroke returned, if the caller still holds the text it
/// produced: then the same field's text is replaced where that keystroke wrote it. Without it
/// (the first keystroke, or the text changed since), the field is found as [`super::edit`]
/// finds it. `None` when the value cannot be written: it would change the document's
/// structure (an empty title, a line that opens a section), or the field does not exist (a
/// row removed meanwhile). The caller keeps `last` then: the text is unchanged.
pub fn type_into(
    source: &str,
    document: &Document,
    profile: Profile,
    field: FieldId,
    text: &str,
    last: Option<&Typed>,
) -> Option<Keystroke> {
    let last = last.filter(|last| last.field == field && still_written(source, last));
    let Some(last) = last else {
        return first_keystroke(source, document, profile, field, text);
    };
    let typed = Typed {
        value: text.to_owned(),
        ..last.clone()
    };
    let written = typed.written();
    if written == last.span.text(source) {
        return Some(Keystroke {
            edits: Vec::new(),
            typed,
        });
    }
    let edits = vec![Edit::replace(last.span, written.clone())];
    if !keeps_structure(source, document, &edits, &field.edit(text.to_owned())) {
        return None;
    }
    let span = Span::new(
        last.span.start,
        last.span.start + Span::from_range(0..written.len()).end,
    );
    Some(Keystroke {
        edits,
        typed: Typed { span, ..typed },
    })
}

/// Whether `source` still holds what `typed` wrote, where it wrote it.
fn still_written(source: &str, typed: &Typed) -> bool {
    source.get(typed.span.range()) == Some(typed.written().as_str())
}

fn first_keystroke(
    source: &str,
    document: &Document,
    profile: Profile,
    field: FieldId,
    text: &str,
) -> Option<Keystroke> {
    let form = Form::read(source, document, profile);
    let current = field.read(&form)?;
    let edits = super::edit(source, document, profile, &field.edit(text.to_owned()));
    if edits.is_empty() {
        // Nothing to write: the field already says this (a space typed after its last word).
        // Typing goes on from where it is written.
        if !current.present {
            return None;
        }
        let style = style_at(source, document, field, current.span);
        let typed = Typed {
            field,
            value: text.to_owned(),
            span: current.span,
            style,
        };
        return still_written(source, &typed).then_some(Keystroke { edits, typed });
    }
    let [edit] = edits.as_slice() else {
        return None;
    };
    let edited = crate::fix::apply_edits(source, &edits);
    let span = located(&edited, edit, field, text)?;
    let style = style_at(&edited, &crate::parse(&edited), field, span);
    let typed = Typed {
        field,
        value: text.to_owned(),
        span,
        style,
    };
    still_written(&edited, &typed).then(|| Keystroke {
        edits: edits.clone(),
        typed,
    })
}

/// Where the value written by `edit` (applied, giving `edited`) sits: the whole replacement
/// when the field was replaced where it stood; else the end of an inserted labelled item or
/// block (`- **Affected users:** 40%`, `## Root Cause\n\n...`), or the start of an inserted
/// row time (`10:05 - `).
fn located(edited: &str, edit: &Edit, field: FieldId, text: &str) -> Option<Span> {
    let replacement = edit.replacement.as_str();
    let start = edit.span.start;
    let candidates: Vec<String> = if field.is_body() {
        vec![escape_body(text)]
    } else {
        let line = one_line(text);
        vec![
            title_text(text, false, false),
            title_text(text, true, false),
            title_text(text, false, true),
            escape_line_start(&line),
            table_cell(text),
            line,
        ]
    };
    let at = |offset: usize, length: usize| {
        let from = start + Span::from_range(0..offset).end;
        Span::new(from, from + Span::from_range(0..length).end)
    };
    let content = replacement.trim_end_matches([' ', '\n']);
    let leading = replacement.len() - replacement.trim_start_matches([' ', '\n']).len();
    candidates
        .iter()
        .find_map(|written| {
            if replacement == written {
                Some(at(0, written.len()))
            } else if content.ends_with(written.as_str()) {
                Some(at(content.len() - written.len(), written.len()))
            } else if matches!(field, FieldId::RowTime(_))
                && replacement[leading..].starts_with(written.as_str())
            {
                Some(at(leading, written.len()))
            } else {
                None
            }
        })
        .filter(|span| edited.get(span.range()).is_some())
}

fn style_at(source: &str, document: &Document, field: FieldId, span: Span) -> Style {
    if field.is_body() {
        return Style::Body;
    }
    if field == FieldId::Title {
        let html = document
            .title
            .as_ref()
            .is_some_and(|heading| heading.style == HeadingStyle::Html);
        return Style::Title {
            html,
            line_start: !html && starts_line(source, span.start),
        };
    }
    let line_start = super::markdown::line_start(source, span.start);
    let in_table = source
        .get(line_start as usize..span.start as usize)
        .is_some_and(|before| before.trim_start().starts_with('|'));
    if in_table {
        Style::Cell
    } else {
        Style::Line {
            line_start: starts_line(source, span.start),
        }
    }
}
