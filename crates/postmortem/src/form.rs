//! The structured form: a second view of a draft, kept in sync with its Markdown.
//!
//! [`Form::read`] reads the fields the form shows (title, summary facts, timeline rows, root
//! cause and resolution, improvements, tasks) from a parsed document, each with the source
//! [`Span`] it was read from. [`edit`] turns one [`FormEdit`] into the smallest text [`Edit`](crate::Edit)s
//! that make the document say the new value:
//!
//! - a field that is written is replaced exactly at its span, and nothing else changes, so
//!   writing back a field's current value changes nothing at all;
//! - a field that is missing is inserted where a canonical document has it (a missing section
//!   under its canonical heading at its profile position, a missing summary fact as a labelled
//!   `- **Start:** …` item, a first timeline row as a `- HH:MM TZ - text` bullet, a first task
//!   as `- [ ] text`), following the document's own style where it has one (a table timeline
//!   gets a table row, `* [ ]` tasks get a `* [ ]` task);
//! - a value is flattened or escaped so that it cannot change the document's structure, and an
//!   edit that would still change it (a new section opened by a line typed into a body, an
//!   entry split in two) is refused: it yields no edit.
//!
//! [`type_into`] is the same for a person typing key by key: each keystroke replaces the text
//! the last one wrote, found where that one left it, since half-typed text (`4`, `40`) may not
//! yet read as the field it is meant to be.
//!
//! ```
//! use postmortem::form::{self, Form, FormEdit};
//! use postmortem::Profile;
//!
//! let source = "# Outage\n\n## Timeline\n\n- 10:00 UTC - Alert fired\n";
//! let edited = form::apply(source, Profile::Standard, &FormEdit::AddRow {
//!     index: 1,
//!     time: "10:05".into(),
//!     text: "Rolled back".into(),
//! });
//! assert_eq!(edited, "# Outage\n\n## Timeline\n\n- 10:00 UTC - Alert fired\n- 10:05 UTC - Rolled back\n");
//! let form = Form::read(&edited, &postmortem::parse(&edited), Profile::Standard);
//! assert_eq!(form.timeline[1].text.value, "Rolled back");
//! ```

mod edit;
mod markdown;
mod place;
mod read;
mod typing;

pub use edit::{FormEdit, apply, edit};
pub use typing::{FieldId, Keystroke, Typed, type_into};

use crate::config::Profile;
use crate::model::{Document, TimelineForm};
use crate::span::Span;
use serde::Serialize;

/// The form's view of a document: every field it shows, with where it is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Form {
    /// The title, without its Markdown heading syntax.
    pub title: Field,
    pub summary: SummaryFields,
    /// How the timeline is written: new rows follow it.
    pub timeline_layout: TimelineForm,
    /// The timeline's entries, in the order written.
    pub timeline: Vec<Row>,
    /// The body of the root cause and resolution section, as Markdown.
    pub root_cause_and_resolution: Field,
    /// The broad improvements of the measures section, as Markdown.
    pub improvements: Field,
    /// The specific tasks of the measures section, in the order written.
    pub tasks: Vec<TaskItem>,
}

impl Form {
    /// Reads the form's fields from `document`, parsed from `source`. `profile` decides where a
    /// missing section would go, which is where the span of a missing field points.
    pub fn read(source: &str, document: &Document, profile: Profile) -> Form {
        read::form(source, document, profile)
    }
}

/// A text field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// The text exactly as written in the source (Markdown inline syntax included), or empty
    /// when the field is missing.
    pub value: String,
    /// Where the value is written; for a missing field, the empty span where it would go.
    pub span: Span,
    /// Whether the document writes this field.
    pub present: bool,
}

impl Field {
    fn written(source: &str, span: Span) -> Field {
        Field {
            value: span.text(source).to_owned(),
            span,
            present: true,
        }
    }

    fn missing(at: u32) -> Field {
        Field {
            value: String::new(),
            span: Span::empty(at),
            present: false,
        }
    }
}

/// The facts of the issue summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryFields {
    /// When the outage started.
    pub start: Moment,
    /// When the outage ended.
    pub end: Moment,
    /// The summary's timezone as written (`EST`, `GMT+3`, `UTC`).
    pub zone: Field,
    /// What was affected and what users experienced: the sentence (or labelled line) that
    /// says it.
    pub impact: Field,
    /// The share or number of users affected as written (`45%`, `all users`).
    pub affected_share: Field,
    /// The sentence (or labelled line) that states the root cause.
    pub root_cause: Field,
}

/// One end of the outage window, in the shapes of `<input type="date">` and
/// `<input type="time">`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Moment {
    /// `YYYY-MM-DD`, or empty when the document does not say (or says ambiguously).
    pub date: String,
    /// `HH:MM` on a 24-hour clock, or empty when missing.
    pub time: String,
    /// The time as written; for a missing time, the empty span where it would go.
    pub span: Span,
    pub present: bool,
}

impl Moment {
    /// The value of an `<input type="datetime-local">`: `YYYY-MM-DDTHH:MM`, when both parts
    /// are known.
    pub fn datetime_local(&self) -> Option<String> {
        (!self.date.is_empty() && !self.time.is_empty())
            .then(|| format!("{}T{}", self.date, self.time))
    }
}

/// A timeline entry, split into its time and what happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// The time as written, with the date and zone written with it (`6:20 PM GMT+3`); missing
    /// when the entry has none.
    pub time: Field,
    /// What happened: the entry after its time and separator. In a prose timeline, where the
    /// time sits inside a sentence, the whole entry (time included).
    pub text: Field,
    /// The whole entry.
    pub span: Span,
}

/// A task of the measures section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskItem {
    /// The task without its list marker and checkbox.
    pub text: Field,
    /// `Some(done)` when written as a checkbox, `None` when not (shown unchecked; checking it
    /// writes a checkbox).
    pub done: Option<bool>,
    /// The whole task.
    pub span: Span,
}
