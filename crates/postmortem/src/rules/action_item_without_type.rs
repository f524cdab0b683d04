//! PM506 `action-item-without-type`.

use crate::model::{ActionItem, Attribute, Gap};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports each action item that does not say what kind of action it is (`sre` profile).
    ///
    /// ## Why is this bad?
    /// The SRE postmortem template types every action item: mitigate, prevent, detect, repair,
    /// process. The types show at a glance whether the follow-up only patches this incident
    /// or also stops the next one, and whether anyone will notice sooner. The rule accepts a
    /// filled `Type` column, a `type:` field, a type word set apart as a tag (`[prevent]`,
    /// `(mitigate, @dana)`, `Detect: ...`) or a sub-heading or label that groups the items by
    /// type (`### Prevent`). It runs only under the `sre` profile.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// | Action item | Type | Owner | Bug |
    /// |---|---|---|---|
    /// | Add a canary stage to the deploy pipeline | TBD | @dana | OPS-12 |
    /// ```
    ///
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// - [ ] Alert on queue depth above 10,000 (@dana, OPS-13)
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// | Action item | Type | Owner | Bug |
    /// |---|---|---|---|
    /// | Add a canary stage to the deploy pipeline | prevent | @dana | OPS-12 |
    /// ```
    ///
    /// ```markdown
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// ### Detect
    /// - [ ] Alert on queue depth above 10,000 (@dana, OPS-13)
    /// ```
    pub ActionItemWithoutType {
        code: "PM506",
        name: "action-item-without-type",
        severity: Severity::Warning,
        fixable: false,
        requirement: "sre.action-items",
    }
}

impl Rule for ActionItemWithoutType {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        report.extend(
            context
                .action_items_without(Attribute::Type)
                .map(|(item, gap)| without_type(item, gap)),
        );
    }
}

fn without_type(item: &ActionItem, gap: &Gap) -> Diagnostic {
    let help = match gap {
        Gap::EmptyCell(column) => {
            format!("Fill in the `{column}` cell: mitigate, prevent, detect, repair or process")
        }
        Gap::Missing => "Say what kind of action it is (mitigate, prevent, detect, repair, \
                         process): a `Type` column, or a tag such as `[prevent]`"
            .to_owned(),
    };
    Diagnostic::new(
        &ActionItemWithoutType::META,
        item.span,
        format!("Action item `{}` has no type", item.excerpt),
    )
    .with_help(help)
}
