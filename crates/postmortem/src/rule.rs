//! What a rule is: metadata with its documentation, and a check over the typed model.

use crate::check::Context;
use crate::diagnostic::{Diagnostic, Severity};

/// Everything known about a rule without running it.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleMeta {
    /// `PM` and three digits; the hundreds digit is the category.
    pub code: &'static str,
    /// Kebab-case, naming the problem.
    pub name: &'static str,
    pub default_severity: Severity,
    /// Whether the rule's diagnostics carry a mechanical fix.
    pub fixable: bool,
    /// Whether the rule runs without being turned on in the configuration. Noisy style rules
    /// ship off, so that a good document is not flooded.
    pub enabled_by_default: bool,
    /// The rule's documentation in Markdown: a one-line summary, then sections.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The first line of the documentation.
    pub fn summary(&self) -> &'static str {
        self.docs.lines().next().unwrap_or_default().trim()
    }

    /// The page of the generated rule reference, relative to the repository root.
    pub fn doc_path(&self) -> String {
        format!("docs/rules/{}.md", self.name)
    }
}

/// A check over one document.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// Pushes a diagnostic for each finding.
    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>);
}

/// Declares a rule struct whose doc comment becomes its [`RuleMeta::docs`].
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            severity: $severity:expr,
            fixable: $fixable:literal
            $(, enabled_by_default: $enabled:literal)? $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            pub const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                code: $code,
                name: $rule_name,
                default_severity: $severity,
                fixable: $fixable,
                enabled_by_default: $crate::rule::declare_rule!(@enabled $($enabled)?),
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
    (@enabled) => { true };
    (@enabled $enabled:literal) => { $enabled };
}
pub(crate) use declare_rule;

/// What every rule file imports.
pub(crate) mod prelude {
    pub(crate) use super::{Rule, RuleMeta, declare_rule};
    pub(crate) use crate::check::Context;
    pub(crate) use crate::diagnostic::{Diagnostic, Edit, Severity};
    pub(crate) use crate::model::SectionKind;
    pub(crate) use crate::span::Span;
}
