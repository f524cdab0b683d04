//! PM308 `missing-escalation`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a timeline in which no entry says whom the incident was escalated to.
    ///
    /// ## Why is this bad?
    /// Who was brought in, and when, shows whether the right people were reachable and how long it
    /// took to reach them. Slow or missing escalation is one of the most common findings of a
    /// review.
    ///
    /// An entry counts when it says the incident was escalated, handed over or assigned, or that a
    /// team or person was paged, called in, brought in, looped in, notified or joined. The whole
    /// timeline section is read: entries, prose timelines and the paragraphs around a list. The
    /// rule runs only when the timeline has content (`missing-section` and `empty-section` report
    /// the others).
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
    /// - 10:40 UTC - The engineer restarted the primary and service was restored.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - 10:20 UTC - The incident was escalated to the database team.
    /// - 10:40 UTC - The database team restarted the primary and service was restored.
    /// ```
    pub MissingEscalation {
        code: "PM308",
        name: "missing-escalation",
        severity: Severity::Error,
        fixable: false,
        requirement: "timeline.escalation",
        off_in: [Sre],
    }
}

impl Rule for MissingEscalation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if let Some(heading) = context
            .document
            .timeline_without(|milestones| milestones.escalation)
        {
            report.push(missing(heading));
        }
    }
}

fn missing(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingEscalation::META,
        heading,
        "No timeline entry says to whom the incident was escalated",
    )
    .with_help("Add an entry naming the team or people the incident was escalated to, or saying that it was not escalated")
}
