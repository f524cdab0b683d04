//! PM206 `missing-root-cause-summary`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a summary that does not state the root cause.
    ///
    /// ## Why is this bad?
    /// Many readers stop after the summary. If it does not say why the outage happened, they
    /// leave with the symptom and none of the lesson.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC all users could not pay.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC all users could not pay. The root cause was an expired
    /// certificate on the payment gateway.
    /// ```
    pub MissingRootCauseSummary {
        code: "PM206",
        name: "missing-root-cause-summary",
        severity: Severity::Error,
        fixable: false,
        requirement: "summary.root-cause",
        off_in: [Sre],
    }
}

impl Rule for MissingRootCauseSummary {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let summary = &context.document.summary;
        if let Some(anchor) = summary.anchor
            && summary.root_cause.is_none()
        {
            report.push(
                Diagnostic::new(
                    &Self::META,
                    anchor,
                    "The summary does not state the root cause",
                )
                .with_help("Add one sentence: `The root cause was ...`"),
            );
        }
    }
}
