//! PM301 `timeline-not-a-list`.

use crate::model::TimelineForm;
use crate::rule::prelude::*;

declare_rule! {
    /// Reports a timeline written as narrative paragraphs instead of a list of timed entries.
    ///
    /// ## Why is this bad?
    /// A timeline is read by scanning down its times: when was it detected, how long until
    /// someone acted, when was it escalated, when did it end. In a paragraph those moments are
    /// buried in sentences, and gaps and misordered events go unnoticed.
    ///
    /// A Markdown list, a table with a time column, separate lines that each start with a time
    /// and headings that each start with a time (`### 14:29`, with the detail under them) are
    /// all lists of entries. Paragraphs with times inside their sentences, or several entries
    /// run together on one line, are not. The diagnostic points at the first line of prose.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Timeline
    /// The error came to our attention at 12:00 EAT, when an engineer noticed the slowness.
    /// The team worked through the night and resolved it by 18:00 EAT the next day.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 12:00 EAT - An engineer noticed the slowness on the master server.
    /// - 18:00 EAT (next day) - The load balancer was reconfigured and service recovered.
    /// ```
    ///
    /// ```markdown
    /// ## Timeline
    /// 12:00 EAT: An engineer noticed the slowness on the master server.
    /// 12:30 EAT: The load balancer was reconfigured and service recovered.
    /// ```
    pub TimelineNotAList {
        code: "PM301",
        name: "timeline-not-a-list",
        severity: Severity::Error,
        fixable: false,
        requirement: "timeline.list",
    }
}

impl Rule for TimelineNotAList {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let timeline = &context.document.timeline;
        if timeline.form != TimelineForm::Prose {
            return;
        }
        if let Some(first) = timeline.entries.first() {
            report.push(prose(first.span.up_to_line_end(context.source)));
        }
    }
}

fn prose(line: Span) -> Diagnostic {
    Diagnostic::new(
        &TimelineNotAList::META,
        line,
        "The timeline is narrative prose, not a list of entries",
    )
    .with_help("Rewrite it as a list with one entry per event, each starting with its time: `- 12:00 EAT - An engineer noticed the slowness`")
}
