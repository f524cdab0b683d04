//! PM309 `missing-resolution-entry`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a timeline in which no entry says how the incident was resolved.
    ///
    /// ## Why is this bad?
    /// The timeline should end where the outage ends: the fix, and the moment service was back.
    /// Without it readers cannot tell how long users were affected, nor which action actually ended
    /// the outage.
    ///
    /// An entry counts when it says the issue was resolved, fixed, mitigated or corrected, or that
    /// service was restored, recovered, back online or back to normal. The whole timeline section
    /// is read: entries, prose timelines and the paragraphs around a list. The rule runs only when
    /// the timeline has content (`missing-section` and `empty-section` report the others).
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
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - 10:10 UTC - The engineer examined the database's slow query log.
    /// - 10:40 UTC - An index was added and service was restored.
    /// ```
    pub MissingResolutionEntry {
        code: "PM309",
        name: "missing-resolution-entry",
        severity: Severity::Error,
        fixable: false,
        requirement: "timeline.resolution",
        off_in: [Sre],
    }
}

impl Rule for MissingResolutionEntry {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if let Some(heading) = context
            .document
            .timeline_without(|milestones| milestones.resolution)
        {
            report.push(missing(heading));
        }
    }
}

fn missing(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingResolutionEntry::META,
        heading,
        "No timeline entry says how the incident was resolved",
    )
    .with_help("Add an entry for the fix and the moment service was restored")
}
