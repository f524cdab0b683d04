//! PM402 `missing-fix-detail`.

use crate::model::Profile;
use crate::model::{CausePart, CauseSentence};
use crate::rule::prelude::*;

declare_rule! {
    /// Checks that the root cause and resolution explain in detail how the issue was fixed.
    ///
    /// ## Why is this bad?
    /// Readers come back to a postmortem when the problem returns. "It was resolved" tells
    /// them nothing they can repeat; "we raised the connection pool limit from 10 to 100 and
    /// restarted the API" does. The rule looks in the root cause section and any resolution
    /// section for a sentence that says what was done ("fixed", "rolled back", "restarted",
    /// "increased", "to resolve the issue", "by raising ...") and for at least 6 words of such
    /// explanation. It does not fire when the sections are missing (`missing-section`) or
    /// empty (`empty-section`).
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Root Cause and Resolution
    /// The outage was caused by a connection pool limited to 10 connections, which the new
    /// booking feature exhausted within minutes of the deploy.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Root Cause and Resolution
    /// The outage was caused by a connection pool limited to 10 connections, which the new
    /// booking feature exhausted within minutes of the deploy. It was fixed.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Root Cause and Resolution
    /// The outage was caused by a connection pool limited to 10 connections, which the new
    /// booking feature exhausted within minutes of the deploy. We raised the limit to 100
    /// and restarted the API servers.
    /// ```
    pub MissingFixDetail {
        code: "PM402",
        name: "missing-fix-detail",
        severity: Severity::Error,
        fixable: false,
        requirement: "root-cause.fix",
    }
}

/// Fewer words about the fix than this say that it was fixed, not how: "The issue was quickly
/// resolved" names no action; "Faulty USB devices removed, service resumed" names one.
const MIN_FIX_WORDS: usize = 6;

impl Rule for MissingFixDetail {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        // Where the profile expects the fix: with the root cause in `standard`, in its own
        // section in `sre`. When that section is missing, `missing-section` says so.
        let anchor = match context.profile() {
            Profile::Standard => document.section(SectionKind::RootCause),
            Profile::Sre => document.section(SectionKind::Resolution),
        };
        let Some(anchor) = anchor else {
            return;
        };
        let anchor = document
            .section(SectionKind::Resolution)
            .unwrap_or(anchor)
            .heading
            .span;
        // Only root cause and resolution sections have sentences.
        let sentences: Vec<&CauseSentence> = document
            .sections
            .iter()
            .flat_map(|section| &section.sentences)
            .collect();
        if sentences.is_empty() {
            return;
        }
        let fixes: Vec<&CauseSentence> = sentences
            .into_iter()
            .filter(|sentence| sentence.part == CausePart::Fix || sentence.tells_a_fix())
            .collect();
        if fixes.is_empty() {
            report.push(no_fix_statement(anchor));
            return;
        }
        let words: usize = fixes.iter().map(|sentence| sentence.words).sum();
        if words < MIN_FIX_WORDS {
            report.push(thin_fix(anchor, words));
        }
    }
}

fn no_fix_statement(heading: Span) -> Diagnostic {
    Diagnostic::new(
        &MissingFixDetail::META,
        heading,
        "The root cause and resolution do not say how the issue was fixed",
    )
    .with_help(
        "Say what was changed to end the outage, e.g. `We rolled back the deploy and raised the pool limit to 100`",
    )
}

fn thin_fix(heading: Span, words: usize) -> Diagnostic {
    let words = if words == 1 {
        "1 word".to_owned()
    } else {
        format!("{words} words")
    };
    Diagnostic::new(
        &MissingFixDetail::META,
        heading,
        format!("The fix is described in only {words}"),
    )
    .with_help("Explain in detail what was changed to fix the issue and how it was verified")
}
