//! PM307 `missing-misleading-path`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a timeline in which no entry describes a misleading investigation or debugging path.
    ///
    /// ## Why is this bad?
    /// The paths that turned out wrong are where the next incident will lose time again: the
    /// dashboard that pointed at the network, the rollback that changed nothing. Recording them is
    /// what makes the review useful to the next responder.
    ///
    /// An entry counts when it calls a path misleading, a red herring or a dead end; when it says
    /// what was initially assumed or suspected; when something was ruled out or turned out not to
    /// be the cause; or when an attempt did not help ("restarted Nginx, but the issue persisted").
    /// The whole timeline section is read: entries, prose timelines and the paragraphs around a
    /// list. The rule runs only when the timeline has content (`missing-section` and
    /// `empty-section` report the others).
    ///
    /// The `sre` profile turns the rule off by default: its template records detection and
    /// resolution in sections of their own, and asks nothing of the timeline's content.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - 10:10 UTC - The engineer examined the database's slow query log.
    /// - 10:40 UTC - An index was added and service was restored.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - 10:10 UTC - The network was suspected first; its dashboards showed nothing unusual.
    /// - 10:40 UTC - An index was added and service was restored.
    /// ```
    pub MissingMisleadingPath {
        code: "PM307",
        name: "missing-misleading-path",
        severity: Severity::Error,
        fixable: false,
        requirement: "timeline.misleading-path",
        off_in: [Sre],
    }
}

impl Rule for MissingMisleadingPath {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if let Some(heading) = context
            .document
            .timeline_without(|milestones| milestones.misleading)
        {
            report.push(missing(heading));
        }
    }
}

fn missing(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingMisleadingPath::META,
        heading,
        "No timeline entry describes a misleading investigation or debugging path",
    )
    .with_help("Add the paths that turned out wrong (what was suspected first, what did not help) and what ruled them out")
}
