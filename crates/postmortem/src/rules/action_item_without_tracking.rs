//! PM507 `action-item-without-tracking`.

use crate::model::{ActionItem, Attribute, Gap};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports each action item with no bug, ticket or link that tracks it (`sre` profile).
    ///
    /// ## Why is this bad?
    /// Action items that live only in the postmortem are forgotten once the review is over.
    /// The SRE postmortem template files each one in the bug tracker and links it, so that its
    /// progress can be followed and the postmortem closed when they are done. The rule accepts
    /// a filled `Bug` (or `Ticket`, `Issue`, `Link`) column, a link, an issue number (`#123`),
    /// a ticket key (`OPS-12`) or `bug 123`, `b/123`; an empty cell or `TBD` is no reference.
    /// It runs only under the `sre` profile.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// | Action item | Type | Owner | Bug |
    /// |---|---|---|---|
    /// | Add a canary stage to the deploy pipeline | prevent | @dana | |
    /// ```
    ///
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// - [ ] Alert on queue depth above 10,000 (detect, @dana)
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
    /// - [ ] Alert on queue depth above 10,000 (detect, @dana, [#431](https://example.com/issues/431))
    /// ```
    pub ActionItemWithoutTracking {
        code: "PM507",
        name: "action-item-without-tracking",
        severity: Severity::Warning,
        fixable: false,
        requirement: "sre.action-items",
    }
}

impl Rule for ActionItemWithoutTracking {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        report.extend(
            context
                .action_items_without(Attribute::Tracking)
                .map(|(item, gap)| without_tracking(item, gap)),
        );
    }
}

fn without_tracking(item: &ActionItem, gap: &Gap) -> Diagnostic {
    let help = match gap {
        Gap::EmptyCell(column) => {
            format!("File the item in the tracker and put its reference in the `{column}` cell")
        }
        Gap::Missing => "File the item in the tracker and link it: a `Bug` column, `OPS-12`, \
                         `#123` or a URL"
            .to_owned(),
    };
    Diagnostic::new(
        &ActionItemWithoutTracking::META,
        item.span,
        format!("Action item `{}` has no tracking reference", item.excerpt),
    )
    .with_help(help)
}
