//! Parse, validate and render incident postmortems written in Markdown.
//!
//! ```
//! let source = "# Outage\n\n## Issue Summary\n\nCheckout failed.\n";
//! let diagnostics = postmortem::check(source, &postmortem::Config::default());
//! assert!(diagnostics.iter().any(|d| d.code() == "PM102"));
//! ```

pub mod check;
pub mod checklist;
pub mod config;
pub mod convert;
pub mod diagnostic;
pub mod diagram;
pub mod fix;
pub mod form;
pub mod html;
pub mod metrics;
pub mod model;
pub mod parse;
pub mod render;
pub mod rule;
pub mod rules;
mod sort;
pub mod span;
pub mod stats;
mod template;
mod text;
pub mod time;

pub use check::{Validation, check_document, validate};
pub use config::{Config, ConfigError, Profile, RuleLevel, WordRange};
pub use diagnostic::{Diagnostic, Edit, Fix, Severity};
pub use model::{Document, SectionKind};
pub use parse::parse;
pub use rule::{Rule, RuleMeta};
pub use span::{LineColumn, LineIndex, Span};
pub use template::template;

/// Parses and checks a document in one call.
pub fn check(source: &str, config: &Config) -> Vec<Diagnostic> {
    check_document(source, &parse(source), config)
}

/// The documentation and defaults of every rule, in code order.
pub fn rule_catalogue() -> impl Iterator<Item = &'static RuleMeta> {
    rules::ALL.iter().map(|rule| rule.meta())
}
