//! PM305 `missing-detection`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a timeline in which no entry says when and how the issue was detected.
    ///
    /// ## Why is this bad?
    /// Detection is where the response starts and where most improvements begin: an outage noticed
    /// by a customer an hour in calls for different work than one caught by an alert in a minute.
    /// Without it, readers cannot judge how long users were affected before anyone knew.
    ///
    /// An entry counts when it says the issue was detected, noticed, reported, flagged or alerted
    /// on, that monitoring fired, or that users began complaining. The whole timeline section is
    /// read: entries, prose timelines and the paragraphs around a list. The rule runs only when the
    /// timeline has content (`missing-section` and `empty-section` report the others).
    ///
    /// The `sre` profile turns the rule off by default: its template records detection and
    /// resolution in sections of their own, and asks nothing of the timeline's content.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Timeline
    /// - 10:05 UTC - Engineers investigated the database logs.
    /// - 10:40 UTC - The primary was restarted and service was restored.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - 10:40 UTC - The primary was restarted and service was restored.
    /// ```
    pub MissingDetection {
        code: "PM305",
        name: "missing-detection",
        severity: Severity::Error,
        fixable: false,
        requirement: "timeline.detection",
        off_in: [Sre],
    }
}

impl Rule for MissingDetection {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if let Some(heading) = context
            .document
            .timeline_without(|milestones| milestones.detection)
        {
            report.push(missing(heading));
        }
    }
}

fn missing(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingDetection::META,
        heading,
        "No timeline entry says when and how the issue was detected",
    )
    .with_help("Add an entry for the moment the issue was detected, and how: an alert, an engineer noticing, a customer report")
}
