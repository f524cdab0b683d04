//! PM401 `missing-cause-detail`.

use super::missing_fix_detail::names_fix;
use crate::model::{Section, text_runs};
use crate::rule::prelude::*;

declare_rule! {
    /// Checks that the root cause section explains in detail what caused the issue.
    ///
    /// ## Why is this bad?
    /// The root cause is what the corrective measures answer. A section that names a culprit
    /// without a causal statement ("The database."), or states it in a few words ("A bad
    /// deploy."), leaves readers unable to judge whether the fixes go deep enough. The rule
    /// looks for a sentence that says what caused what ("was caused by", "because", "due to",
    /// "led to", "triggered", "the root cause was", ...) and for at least 12 words of such
    /// explanation. It does not fire when the section is missing (`missing-section` reports that) or empty
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
    /// ### Valid
    /// ```markdown
    /// ## Root Cause and Resolution
    /// The outage was caused by a connection pool limited to 10 connections, which the new
    /// booking feature exhausted within minutes of the deploy. We raised the limit to 100.
    /// ```
    pub MissingCauseDetail {
        code: "PM401",
        name: "missing-cause-detail",
        severity: Severity::Error,
        fixable: false,
    }
}

/// Fewer words of causal explanation than this read as a name, not an explanation.
const MIN_CAUSE_WORDS: usize = 12;

impl Rule for MissingCauseDetail {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let sections: Vec<&Section> = context
            .document
            .sections_of(SectionKind::RootCause)
            .collect();
        let Some(first) = sections.first() else {
            return;
        };
        let sentences: Vec<Sentence> = sections
            .iter()
            .flat_map(|section| section_sentences(section))
            .collect();
        if sentences.is_empty() {
            return;
        }
        let causal: Vec<&Sentence> = sentences
            .iter()
            .filter(|sentence| match sentence.part {
                // What follows a "Root cause:" label may already tell the fix.
                Part::Cause => is_causal(&sentence.text) || !names_fix(&sentence.text),
                Part::Either => is_causal(&sentence.text),
                Part::Fix => false,
            })
            .collect();
        if causal.is_empty() {
            report.push(no_causal_statement(first.heading.span));
            return;
        }
        let words: usize = causal
            .iter()
            .map(|sentence| sentence.text.split_whitespace().count())
            .sum();
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

/// Words and phrases that make a sentence say what caused what.
const CAUSAL_MARKERS: &[&str] = &[
    "cause",
    "because",
    "due to",
    "owing to",
    "result of",
    "resulted",
    "resulting",
    "led to",
    "leading to",
    "lead to",
    "leads to",
    "stemmed",
    "stems from",
    "stemming",
    "trigger",
    "traced",
    "attributed",
    "originated",
    "introduced",
    "culprit",
    "responsible for",
    "the reason",
    "prevented",
    "preventing",
    "overwhelm",
    "exhausted",
    "consequently",
    "as a result",
    "which meant",
    "hence",
    "therefore",
    "broke",
    "discovered",
    "found that",
    "turned out",
    "realiz",
    "realis",
    "the issue was",
    "the problem was",
    "the error was",
    "identified as",
    "came from",
    "comes from",
    "come from",
];

pub(super) fn is_causal(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    CAUSAL_MARKERS
        .iter()
        .any(|marker| contains_word(&lower, marker))
        || label_of(sentence).is_some_and(|label| label.contains("cause"))
}

/// Whether `marker` occurs in `text` starting at a word boundary.
fn contains_word(text: &str, marker: &str) -> bool {
    text.match_indices(marker).any(|(index, _)| {
        text[..index]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Which part of the root cause and resolution a sentence is in, by the labels above it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// Under "Root Cause", "Cause:" or "Why".
    Cause,
    /// Under "Resolution", "Fix:" or "Recovery".
    Fix,
    /// Under a heading that covers both, or none.
    Either,
}

/// A sentence of the root cause or resolution, without its leading label.
pub(super) struct Sentence {
    pub(super) text: String,
    pub(super) part: Part,
}

/// The sentences of a section, each in the part its heading or last label puts it in. What
/// follows a colon in the heading counts as text ("Root Cause and Resolution: The root cause
/// was ...").
pub(super) fn section_sentences(section: &Section) -> Vec<Sentence> {
    let (heading, rest) = section
        .heading
        .text
        .split_once(':')
        .unwrap_or((section.heading.text.as_str(), ""));
    let mut part = part_of_label(heading).unwrap_or(Part::Either);
    let mut lines: Vec<String> = Vec::new();
    if rest.split_whitespace().count() >= 4 {
        lines.push(rest.to_owned());
    }
    for run in text_runs(&section.blocks) {
        lines.extend(run.text.lines().map(str::to_owned));
    }
    let mut found = Vec::new();
    for line in &lines {
        let line = line.trim();
        let words = line.trim_end_matches(':').split_whitespace().count();
        if words <= 4
            && let Some(labelled) = part_of_label(line)
        {
            part = labelled;
            continue;
        }
        for sentence in sentences(line) {
            if let Some(label) = label_of(&sentence)
                && let Some(labelled) = part_of_label(&label)
            {
                part = labelled;
            }
            let text = strip_label(&sentence);
            if text.split_whitespace().count() >= 2 {
                found.push(Sentence {
                    text: text.to_owned(),
                    part,
                });
            }
        }
    }
    found
}

/// The part a label names: "Root Cause" → cause, "Resolution" → fix, "Root Cause and
/// Resolution" → neither.
fn part_of_label(label: &str) -> Option<Part> {
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|word| list.contains(&word.as_str()));
    let cause = has(&["cause", "causes", "why", "trigger", "triggers"]);
    let fix = has(&[
        "resolution",
        "resolutions",
        "fix",
        "fixes",
        "solution",
        "recovery",
        "remediation",
        "mitigation",
        "resolve",
        "resolved",
        "resolving",
    ]);
    match (cause, fix) {
        (true, false) => Some(Part::Cause),
        (false, true) => Some(Part::Fix),
        _ => None,
    }
}

/// Splits text into sentences at line breaks and sentence-ending punctuation.
fn sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            current.push(c);
            if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|next| next.is_whitespace())
            {
                push_sentence(&mut sentences, &mut current);
            }
        }
        push_sentence(&mut sentences, &mut current);
    }
    sentences
}

fn push_sentence(sentences: &mut Vec<String>, current: &mut String) {
    let sentence = current.trim();
    if !sentence.is_empty() {
        sentences.push(sentence.to_owned());
    }
    current.clear();
}

/// A short label before a colon ("Root Cause: ..."), lowercased.
fn label_of(sentence: &str) -> Option<String> {
    let (label, _) = sentence.split_once(':')?;
    (label.split_whitespace().count() <= 4).then(|| label.trim().to_lowercase())
}

/// The sentence without a leading short label ("Root Cause: ").
pub(super) fn strip_label(sentence: &str) -> &str {
    match sentence.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 4 => rest.trim(),
        _ => sentence,
    }
}
