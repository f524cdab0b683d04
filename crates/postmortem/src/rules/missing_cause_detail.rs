//! PM401 `missing-cause-detail`.

use crate::model::{Causality, CausePart, CauseSentence};
use crate::rule::prelude::*;

declare_rule! {
    /// Checks that the root cause section explains in detail what caused the issue.
    ///
    /// ## Why is this bad?
    /// The root cause is what the corrective measures answer. A section that names a culprit
    /// without a causal statement ("The database."), or states it in a few words ("A bad
    /// deploy."), leaves readers unable to judge whether the fixes go deep enough. The rule
    /// looks for a sentence that says what caused what. One that tells how the cause acted
    /// ("because", "due to", "led to", "resulted in", "overwhelmed", ", so ...") gives the
    /// mechanism, however short; one that only names the cause ("the root cause was", "the
    /// culprit", a `Cause:` label) needs at least 12 words of explanation. It does not fire
    /// when the section is missing (`missing-section` reports that) or empty
    /// (`empty-section`).
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Root Cause and Resolution
    /// The database server. We restarted it and the site came back.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Root Cause and Resolution
    /// Root cause: a bad deploy.
    /// We rolled back the deploy and the site came back.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Root Cause and Resolution
    /// Root cause: a fault in the payment service.
    /// We restarted the payment service.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Root Cause and Resolution
    /// The outage was caused by a connection pool limited to 10 connections, which the new
    /// booking feature exhausted within minutes of the deploy. We raised the limit to 100.
    /// ```
    ///
    /// A mechanism told as a chain of consequences explains the cause without naming it:
    /// ```markdown
    /// ## Root Cause and Resolution
    /// A config push set the export workers to one per region, so the queue grew faster than
    /// it drained. Jobs waited past their deadline, so the scheduler retried each of them.
    /// We restored the worker count and cleared the retries.
    /// ```
    ///
    /// One short sentence that tells how the cause acted is enough:
    /// ```markdown
    /// ## Root Cause and Resolution
    /// Root cause: a flood of bot traffic overwhelmed the login API.
    /// We blocked the bots' addresses at the load balancer.
    /// ```
    pub MissingCauseDetail {
        code: "PM401",
        name: "missing-cause-detail",
        severity: Severity::Error,
        fixable: false,
        requirement: "root-cause.cause",
    }
}

/// Fewer words of causal explanation than this read as a name, not an explanation.
const MIN_CAUSE_WORDS: usize = 12;

impl Rule for MissingCauseDetail {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let Some(first) = document.section(SectionKind::RootCause) else {
            return;
        };
        let sentences: Vec<&CauseSentence> = document
            .sections_of(SectionKind::RootCause)
            .flat_map(|section| &section.sentences)
            .collect();
        if sentences.is_empty() {
            return;
        }
        let causal: Vec<&CauseSentence> = sentences
            .into_iter()
            .filter(|sentence| match sentence.part {
                // What follows a "Root cause:" label may already tell the fix.
                CausePart::Cause => sentence.causal() || !sentence.names_fix,
                CausePart::Either => sentence.causal(),
                CausePart::Fix => false,
            })
            .collect();
        if causal.is_empty() {
            report.push(no_causal_statement(first.heading.span));
            return;
        }
        if causal
            .iter()
            .any(|sentence| sentence.causality == Causality::Explains)
        {
            return;
        }
        let words: usize = causal.iter().map(|sentence| sentence.words).sum();
        if words < MIN_CAUSE_WORDS {
            report.push(thin_cause(first.heading.span, words));
        }
    }
}

fn no_causal_statement(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingCauseDetail::META,
        heading,
        "The root cause section does not say what caused the issue",
    )
    .with_help("State the cause and how it led to the failure, e.g. `The outage was caused by ...`")
}

fn thin_cause(heading: Span, words: usize) -> Diagnostic {
    let words = if words == 1 {
        "1 word".to_owned()
    } else {
        format!("{words} words")
    };
    Diagnostic::new(
        &MissingCauseDetail::META,
        heading,
        format!("The root cause is stated in only {words}"),
    )
    .with_help("Explain in detail what caused the issue and how it led to the outage")
}
