//! PM201 `missing-duration`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a summary that does not give the outage's start and end.
    ///
    /// ## Why is this bad?
    /// How long users were hurt is the first thing an executive asks. "Last week" or "for a
    /// while" cannot be compared with other incidents or with the timeline. An end computed
    /// from the start and a stated length ("from 14:05 UTC, for two hours") counts.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// Last week checkout failed for all users because of a bad deploy.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC checkout failed for all users because of a bad deploy.
    /// ```
    ///
    /// Each end may carry its own date, across midnight:
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 23:10 UTC on 3 March 2024 to 00:40 UTC on 4 March 2024, checkout failed for all
    /// users because of a bad deploy.
    /// ```
    pub MissingDuration {
        code: "PM201",
        name: "missing-duration",
        severity: Severity::Error,
        fixable: false,
        requirement: "summary.duration",
        off_in: [Sre],
    }
}

impl Rule for MissingDuration {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let summary = &context.document.summary;
        let Some(anchor) = summary.anchor else { return };
        let message = match (&summary.start, &summary.end, summary.stated_minutes) {
            (None, _, _) => "The summary gives no start or end time for the outage",
            (Some(_), None, None) => "The summary gives a start time but no end time or length",
            _ => return,
        };
        let span = summary.start.as_ref().map_or(anchor, |start| start.span);
        report.push(Diagnostic::new(&Self::META, span, message).with_help(
            "State when the outage started and ended, with the timezone: `from 14:05 to 15:20 UTC`",
        ));
    }
}
