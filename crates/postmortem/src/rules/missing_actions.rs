//! PM306 `missing-actions`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a timeline in which no entry says what was investigated or assumed.
    ///
    /// ## Why is this bad?
    /// The actions taken (which parts of the system were examined, what the responders assumed
    /// about the cause) show how the diagnosis went and where time was spent. A timeline that jumps
    /// from the alert to the fix teaches nothing about the response.
    ///
    /// An entry counts when it says something was investigated, checked, examined, reviewed,
    /// analysed, debugged, tested, suspected or assumed, or that a restart or rollback was tried.
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
    /// - 10:40 UTC - Service was restored.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - 10:10 UTC - The engineer examined the database's slow query log.
    /// - 10:40 UTC - Service was restored.
    /// ```
    pub MissingActions {
        code: "PM306",
        name: "missing-actions",
        severity: Severity::Error,
        fixable: false,
        requirement: "timeline.actions",
        off_in: [Sre],
    }
}

impl Rule for MissingActions {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if let Some(heading) = context
            .document
            .timeline_without(|milestones| milestones.action)
        {
            report.push(missing(heading));
        }
    }
}

fn missing(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingActions::META,
        heading,
        "No timeline entry says what was investigated or assumed",
    )
    .with_help("Add entries for what the responders examined and what they assumed the cause to be")
}
