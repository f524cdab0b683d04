//! PM204 `missing-impact`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a summary that does not say which service was affected or what users experienced.
    ///
    /// ## Why is this bad?
    /// The impact is why the postmortem exists: without it readers cannot judge how serious
    /// the incident was or who should read on.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC a bad deploy was the root cause.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC users could not pay; a bad deploy was the root cause.
    /// ```
    pub MissingImpact {
        code: "PM204",
        name: "missing-impact",
        severity: Severity::Error,
        fixable: false,
        requirement: "summary.impact",
    }
}

impl Rule for MissingImpact {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let summary = &context.document.summary;
        if let Some(anchor) = summary.anchor
            && summary.impact.is_none()
        {
            report.push(
                Diagnostic::new(
                    &Self::META,
                    anchor,
                    "The summary does not say what was affected or what users experienced",
                )
                .with_help(
                    "Name the service and what users saw: `checkout returned errors for all users`",
                ),
            );
        }
    }
}
