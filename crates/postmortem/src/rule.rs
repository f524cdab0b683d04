//! What a rule is: metadata with its documentation, and a check over the typed model.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ActionItem, Attribute, Document, Gap, Profile, WordRange};

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
    /// The checklist requirement a finding of the rule shows unmet, if any (a finding can
    /// name its own: PM102 names its section's).
    pub requirement: Option<&'static str>,
    /// The profiles that turn the rule off by default, because it checks another profile's
    /// requirements. A level set in the configuration still turns it on.
    pub off_in: &'static [Profile],
    /// The rule's documentation in Markdown: a summary paragraph, then sections.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The documentation's first paragraph, on one line: what the rule finds.
    pub fn summary(&self) -> String {
        let paragraph = self.docs.split("\n\n").next().unwrap_or_default();
        paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The documentation as Markdown, without the space each doc comment line starts with.
    pub fn markdown(&self) -> String {
        let mut markdown = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            markdown.push_str(line.strip_prefix(' ').unwrap_or(line));
            markdown.push('\n');
        }
        markdown
    }

    /// The page of the generated rule reference, relative to the repository root.
    pub fn doc_path(&self) -> String {
        format!("docs/rules/{}.md", self.name)
    }
}

/// What a rule sees: the source, its model, and what the configuration asks of it.
pub struct Context<'a> {
    pub source: &'a str,
    pub document: &'a Document,
    pub profile: Profile,
    /// The range of prose words in force.
    pub word_range: WordRange,
}

impl<'a> Context<'a> {
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// The action items that lack `attribute`, each with what is missing there, in the
    /// profile that asks every action item for one (`sre`); none in the others.
    pub fn action_items_without(
        &self,
        attribute: Attribute,
    ) -> impl Iterator<Item = (&'a ActionItem, &'a Gap)> + use<'a> {
        let items = if self.profile == Profile::Sre {
            crate::parse::action_items(self.source, self.document)
        } else {
            &[]
        };
        items
            .iter()
            .filter_map(move |item| item.gap(attribute).map(|gap| (item, gap)))
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
            $(, enabled_by_default: $enabled:literal)?
            $(, requirement: $requirement:literal)?
            $(, off_in: [$($off:ident),* $(,)?])? $(,)?
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
                requirement: $crate::rule::declare_rule!(@requirement $($requirement)?),
                off_in: &[$($($crate::model::Profile::$off),*)?],
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
    (@enabled) => { true };
    (@enabled $enabled:literal) => { $enabled };
    (@requirement) => { None };
    (@requirement $requirement:literal) => { Some($requirement) };
}
pub(crate) use declare_rule;

/// What every rule file imports.
pub(crate) mod prelude {
    pub(crate) use super::{Context, Rule, RuleMeta, declare_rule};
    pub(crate) use crate::diagnostic::{Diagnostic, Edit, Severity};
    pub(crate) use crate::model::SectionKind;
    pub(crate) use crate::span::Span;
}
