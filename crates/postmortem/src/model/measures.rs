//! Corrective and preventative measures: broad improvements and specific tasks.

use crate::model::TextRun;
use crate::span::Span;
use serde::Serialize;

/// What the measures section(s) promise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Measures {
    /// Broad statements of what can be improved.
    pub improvements: Vec<TextRun>,
    /// Specific, checkable tasks.
    pub tasks: Vec<Task>,
    /// The lists (or tables) read as task lists, in order.
    pub task_lists: Vec<TaskList>,
}

/// A list of tasks, kept whole so that a repeated list can be recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaskList {
    pub span: Span,
    /// Indices into [`Measures::tasks`].
    pub tasks: std::ops::Range<usize>,
}

/// One task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    pub text: String,
    /// The list item, table row or line the task is read from.
    pub span: Span,
    /// The task's own line in the source, where its findings point: a list item spans its
    /// nested items, and the tasks of a labelled paragraph share its span.
    pub line: Span,
    /// `Some(done)` when written as a checkbox.
    pub done: Option<bool>,
    /// How many actions the task names: "Conduct audits, enforce USB policies" names two.
    pub actions: usize,
}

/// What a team records of every action item: who does it, what kind of action it is, and
/// where it is tracked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    Owner,
    Type,
    Tracking,
}

/// How an action item lacks an attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type", content = "column")]
pub enum Gap {
    /// Its table has a column for the attribute, blank (or `TBD`) in the item's row.
    EmptyCell(String),
    /// Nothing in the item gives it.
    Missing,
}

/// A task of the measures as an action item: what it gives of its owner, type and tracking
/// reference, each `None` when given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionItem {
    /// The item's line, where its findings point.
    pub span: Span,
    /// The item's first words, for messages.
    pub excerpt: String,
    pub owner: Option<Gap>,
    pub kind: Option<Gap>,
    pub tracking: Option<Gap>,
}

impl ActionItem {
    /// How the item lacks `attribute`, if it does.
    pub fn gap(&self, attribute: Attribute) -> Option<&Gap> {
        match attribute {
            Attribute::Owner => self.owner.as_ref(),
            Attribute::Type => self.kind.as_ref(),
            Attribute::Tracking => self.tracking.as_ref(),
        }
    }
}
