//! Findings: what is wrong, where, how to fix it.

use crate::rule::RuleMeta;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Only errors fail a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Required content is missing or wrong.
    Error,
    /// Likely wrong: an inconsistency or a quality problem.
    Warning,
    /// A matter of style.
    Info,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// One text replacement: an insertion has an empty span, a deletion an empty replacement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn insert(offset: u32, text: impl Into<String>) -> Self {
        Self {
            span: Span::empty(offset),
            replacement: text.into(),
        }
    }

    pub fn replace(span: Span, text: impl Into<String>) -> Self {
        Self {
            span,
            replacement: text.into(),
        }
    }
}

/// A mechanical fix: edits that never overlap, applied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// One finding in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    /// What is wrong in this document: a fragment, no trailing period.
    pub message: String,
    /// The primary source range.
    pub span: Span,
    /// What to do about it, in the imperative.
    pub help: String,
    pub fix: Option<Fix>,
    /// The profile requirement this finding shows unmet, such as `timeline.escalation`.
    pub requirement: Option<&'static str>,
}

impl Diagnostic {
    /// A finding at the rule's default severity; `check` applies the configured one.
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity: rule.default_severity,
            message: message.into(),
            span,
            help: String::new(),
            fix: None,
            requirement: rule.requirement,
        }
    }

    /// Names the requirement this finding shows unmet, where the rule's code alone does not.
    #[must_use]
    pub fn with_requirement(mut self, requirement: &'static str) -> Self {
        self.requirement = Some(requirement);
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    #[must_use]
    pub fn with_fix(mut self, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix {
            title: title.into(),
            edits,
        });
        self
    }

    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    pub fn name(&self) -> &'static str {
        self.rule.name
    }
}
