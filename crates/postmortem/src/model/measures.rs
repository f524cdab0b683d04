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
    pub span: Span,
    /// `Some(done)` when written as a checkbox.
    pub done: Option<bool>,
}
