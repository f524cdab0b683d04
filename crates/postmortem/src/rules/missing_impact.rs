//! PM204 `missing-impact`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a summary that does not say which service was affected or what users experienced.
    ///
    /// An impact that only counts the people affected ("Impact: 80% of users") is reported
    /// too: it says how many, not what happened to them.
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
        let Some(anchor) = summary.anchor else {
            return;
        };
        if summary.experience.is_some() {
            return;
        }
        let (span, message) = match summary.impact {
            Some(impact) => (
                impact,
                "The impact says how many were affected, not what failed or what users saw",
            ),
            None => (
                anchor,
                "The summary does not say what was affected or what users experienced",
            ),
        };
        report.push(Diagnostic::new(&Self::META, span, message).with_help(
            "Name the service and what users saw: `checkout returned errors for all users`",
        ));
    }
}
