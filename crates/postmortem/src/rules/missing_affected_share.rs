//! PM205 `missing-affected-share`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a summary that gives no share or number of affected users, or a share outside
    /// 0 to 100 %.
    ///
    /// ## Why is this bad?
    /// "Users were affected" could mean one user or all of them. A share ("45 % of users"), a
    /// number ("about 10,000 customers") or "all users" lets readers size the incident.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC users could not pay because of a bad deploy.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 14:05 to 15:20 UTC 45% of users could not pay because of a bad deploy.
    /// ```
    pub MissingAffectedShare {
        code: "PM205",
        name: "missing-affected-share",
        severity: Severity::Error,
        fixable: false,
        requirement: "summary.affected-share",
        off_in: [Sre],
    }
}

impl Rule for MissingAffectedShare {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let summary = &context.document.summary;
        let Some(anchor) = summary.anchor else { return };
        match &summary.affected_share {
            None => report.push(
                Diagnostic::new(
                    &Self::META,
                    anchor,
                    "The summary does not say how many users were affected",
                )
                .with_help(
                    "Give the share or number of users affected: `about 45% of users`, `all users`",
                ),
            ),
            Some(share) if share.per_mille.is_some_and(|per_mille| per_mille > 1000) => report
                .push(
                    Diagnostic::new(
                        &Self::META,
                        share.span,
                        format!(
                            "`{}` is not a share of users",
                            share.span.text(context.source)
                        ),
                    )
                    .with_help("A share of users lies between 0 and 100 %"),
                ),
            Some(_) => {}
        }
    }
}
