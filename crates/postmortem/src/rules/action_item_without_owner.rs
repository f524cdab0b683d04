//! PM505 `action-item-without-owner`.

use crate::model::{ActionItem, Attribute, Gap};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports each action item that names no owner (`sre` profile).
    ///
    /// ## Why is this bad?
    /// An action item that nobody owns is rarely done, and the review loses its follow-through.
    /// The SRE postmortem template gives every action item an owner, usually in an `Owner`
    /// column of the action-item table. The rule accepts a filled `Owner` (or `Assignee`, `Who`)
    /// cell, a `@handle`, or an `owner:` field in the item (`(owner: storage team)`); an empty
    /// cell, `TBD` or `?` is no owner. It runs only under the `sre` profile.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// | Action item | Type | Owner | Bug |
    /// |---|---|---|---|
    /// | Add a canary stage to the deploy pipeline | prevent | | OPS-12 |
    /// ```
    ///
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// - [ ] Alert on queue depth above 10,000 (detect, OPS-13)
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
    /// - [ ] Alert on queue depth above 10,000 (detect, owner: storage team, OPS-13)
    /// ```
    pub ActionItemWithoutOwner {
        code: "PM505",
        name: "action-item-without-owner",
        severity: Severity::Warning,
        fixable: false,
        requirement: "sre.action-items",
    }
}

impl Rule for ActionItemWithoutOwner {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        report.extend(
            context
                .action_items_without(Attribute::Owner)
                .map(|(item, gap)| without_owner(item, gap)),
        );
    }
}

fn without_owner(item: &ActionItem, gap: &Gap) -> Diagnostic {
    let help = match gap {
        Gap::EmptyCell(column) => format!("Fill in the `{column}` cell with who will do it"),
        Gap::Missing => {
            "Name who will do it: an `Owner` column in the action-item table, or `(owner: @handle)`"
                .to_owned()
        }
    };
    Diagnostic::new(
        &ActionItemWithoutOwner::META,
        item.span,
        format!("Action item `{}` has no owner", item.excerpt),
    )
    .with_help(help)
}
