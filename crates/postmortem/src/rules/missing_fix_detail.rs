//! PM402 `missing-fix-detail`.

use super::missing_cause_detail::{Part, Sentence};
use crate::config::Profile;
use crate::rule::prelude::*;

declare_rule! {
    /// Checks that the root cause and resolution explain in detail how the issue was fixed.
    ///
    /// ## Why is this bad?
    /// Readers come back to a postmortem when the problem returns. "It was resolved" tells
    /// them nothing they can repeat; "we raised the connection pool limit from 10 to 100 and
    /// restarted the API" does. The rule looks in the root cause section and any resolution
    /// section for a sentence that says what was done ("fixed", "rolled back", "restarted",
    /// "increased", "to resolve the issue", "by raising ...") and for at least 8 words of such
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
    }
}

/// Fewer words about the fix than this say that it was fixed, not how.
const MIN_FIX_WORDS: usize = 8;

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
        // Only root cause and resolution sections have sentences here.
        let sentences: Vec<&Sentence> = document
            .cause_and_fix_sentences()
            .iter()
            .flatten()
            .collect();
        if sentences.is_empty() {
            return;
        }
        let fixes: Vec<&Sentence> = sentences
            .into_iter()
            .filter(|sentence| sentence.part == Part::Fix || is_fix(sentence))
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

/// Word beginnings and phrases that say what was done to fix the issue.
pub(super) const FIX_MARKERS: &[&str] = &[
    "fix",
    "hotfix",
    "resolv",
    "restart",
    "rolled back",
    "roll back",
    "rolling back",
    "rollback",
    "revert",
    "correct",
    "patch",
    "restor",
    "replac",
    "reconfigur",
    "mitigat",
    "reinstall",
    "reboot",
    "recover",
    "rebuil",
    "solv",
    "solution",
    "rectif",
    "remed",
    "to address",
    "addressed",
    "redeploy",
    "workaround",
    "work around",
];
/// Word beginnings that describe a fix when the sentence is not about the cause: "the limit
/// was increased" fixes, "increased traffic caused" does not.
pub(super) const ACTION_MARKERS: &[&str] = &[
    "increas",
    "decreas",
    "updat",
    "chang",
    "optimi",
    "remov",
    "added",
    "adding",
    "applied",
    "applying",
    "scaled",
    "scaling",
    "installed",
    "renam",
    "disabl",
    "enabl",
    "cleared",
    "clearing",
    "freed",
    "flush",
    "adjust",
    "modif",
    "edited",
    "reconnect",
    "redirect",
    "migrat",
    "upgrad",
    "downgrad",
    "raised",
    "lowered",
    "killed",
    "terminat",
    "cleaned",
    "purged",
    "recreat",
    "reran",
    "re-ran",
    "rerun",
    "implemented",
    "switched",
    "moved",
    "reset",
    "rotated",
    "unblock",
    "appended",
    "deployed",
    "rolled out",
    "brought",
    "started",
];

fn is_fix(sentence: &Sentence) -> bool {
    sentence.names_fix || (!sentence.causal && sentence.describes_action)
}

/// "by restarting", "by raising": a means of fixing.
pub(super) fn has_by_gerund(text: &str) -> bool {
    if !text.contains("by") {
        return false;
    }
    let mut previous = "";
    text.split_whitespace().any(|word| {
        let after_by = previous == "by";
        previous = word;
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        after_by && word.len() > 5 && word.ends_with("ing")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_read_at_word_starts_hide_nothing() {
        assert!(
            !FIX_MARKERS
                .iter()
                .chain(ACTION_MARKERS)
                .any(|marker| crate::words::hides_word_starts(marker))
        );
    }
}
