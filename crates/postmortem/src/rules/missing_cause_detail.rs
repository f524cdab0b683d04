//! PM401 `missing-cause-detail`.

use super::missing_fix_detail::{ACTION_MARKERS, FIX_MARKERS, has_by_gerund};
use crate::model::{Document, Section, block_runs};
use crate::rule::prelude::*;
use crate::words::{Markers, more_words_than, whitespace_word_count};
use std::sync::LazyLock;

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
        let document = context.document;
        let Some(first) = document.section(SectionKind::RootCause) else {
            return;
        };
        let sentences: Vec<&Sentence> = document
            .sections
            .iter()
            .zip(document.cause_and_fix_sentences())
            .filter(|(section, _)| section.kind == SectionKind::RootCause)
            .flat_map(|(_, sentences)| sentences)
            .collect();
        if sentences.is_empty() {
            return;
        }
        let causal: Vec<&Sentence> = sentences
            .into_iter()
            .filter(|sentence| match sentence.part {
                // What follows a "Root cause:" label may already tell the fix.
                Part::Cause => sentence.causal || !sentence.names_fix,
                Part::Either => sentence.causal,
                Part::Fix => false,
            })
            .collect();
        if causal.is_empty() {
            report.push(no_causal_statement(first.heading.span));
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

/// Which part of the root cause and resolution a sentence is in, by the labels above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// Under "Root Cause", "Cause:" or "Why".
    Cause,
    /// Under "Resolution", "Fix:" or "Recovery".
    Fix,
    /// Under a heading that covers both, or none.
    Either,
}

/// A sentence of the root cause or resolution, without its leading label: what the two rules
/// weigh it by.
#[derive(Clone, Debug)]
pub(crate) struct Sentence {
    /// Its whitespace-separated words.
    pub(super) words: usize,
    pub(super) part: Part,
    /// It says what caused what.
    pub(super) causal: bool,
    /// It uses a word only a fix is described with ("fixed", "rolled back").
    pub(super) names_fix: bool,
    /// It describes an action ("the limit was raised", "by restarting"), which is a fix unless
    /// the sentence is about the cause. Left unset when it is causal or names a fix, where it
    /// does not matter.
    pub(super) describes_action: bool,
}

impl Sentence {
    /// Reads a sentence in `part` from its text and its text in lowercase: one pass over it for
    /// the three lists of markers.
    fn read(text: &str, lower: &str, part: Part) -> Self {
        const CAUSAL: u8 = 1;
        const FIX: u8 = 2;
        const ACTION: u8 = 4;
        static MARKERS: LazyLock<Markers> =
            LazyLock::new(|| Markers::new(&[CAUSAL_MARKERS, FIX_MARKERS, ACTION_MARKERS]));
        let found = MARKERS.lists_at_word_starts(lower);
        let causal =
            found & CAUSAL != 0 || label_of(text).is_some_and(|label| label.contains("cause"));
        let names_fix = found & FIX != 0;
        Self {
            words: whitespace_word_count(text),
            part,
            causal,
            names_fix,
            describes_action: !causal
                && !names_fix
                && (found & ACTION != 0 || has_by_gerund(lower)),
        }
    }
}

/// For each section of the document, its sentences if it is a root cause or resolution
/// section, else none.
pub(crate) fn cause_and_fix_sentences(document: &Document) -> Vec<Vec<Sentence>> {
    document
        .sections
        .iter()
        .map(|section| match section.kind {
            SectionKind::RootCause | SectionKind::Resolution => section_sentences(section),
            _ => Vec::new(),
        })
        .collect()
}

/// The sentences of a section, each in the part its heading or last label puts it in. What
/// follows a colon in the heading counts as text ("Root Cause and Resolution: The root cause
/// was ...").
fn section_sentences(section: &Section) -> Vec<Sentence> {
    let (heading, rest) = section
        .heading
        .text
        .split_once(':')
        .unwrap_or((section.heading.text.as_str(), ""));
    let mut part = part_of_label(heading).unwrap_or(Part::Either);
    let mut found = Vec::new();
    if more_words_than(rest, 3) {
        read_line(rest, &mut part, &mut found);
    }
    for block in &section.blocks {
        block_runs(block, |run| {
            for line in run.text.lines() {
                read_line(line, &mut part, &mut found);
            }
        });
    }
    found
}

/// Adds a line's sentences, each in the part the labels so far put it in.
fn read_line(line: &str, part: &mut Part, found: &mut Vec<Sentence>) {
    let line = line.trim();
    if !more_words_than(line.trim_end_matches(':'), 4)
        && let Some(labelled) = part_of_label(line)
    {
        *part = labelled;
        return;
    }
    // One buffer for the line's sentences in lowercase, lowercased in place when ASCII.
    let mut lower = String::new();
    for sentence in sentences(line) {
        let (label, text) = split_label(sentence);
        if let Some(label) = label
            && let Some(labelled) = part_of_label(&label.trim().to_lowercase())
        {
            *part = labelled;
        }
        if more_words_than(text, 1) {
            lower.clear();
            if text.is_ascii() {
                lower.push_str(text);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&text.to_lowercase());
            }
            found.push(Sentence::read(text, &lower, *part));
        }
    }
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
fn sentences<'t>(text: &'t str) -> Vec<&'t str> {
    let mut sentences = Vec::new();
    let mut push = |sentence: &'t str| {
        let sentence = sentence.trim();
        if !sentence.is_empty() {
            sentences.push(sentence);
        }
    };
    for line in text.lines() {
        let mut from = 0;
        for (index, byte) in line.bytes().enumerate() {
            if matches!(byte, b'.' | b'!' | b'?')
                && line[index + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
            {
                push(&line[from..=index]);
                from = index + 1;
            }
        }
        push(&line[from..]);
    }
    sentences
}

/// A short label before a colon ("Root Cause: ..."), lowercased.
fn label_of(sentence: &str) -> Option<String> {
    split_label(sentence)
        .0
        .map(|label| label.trim().to_lowercase())
}

/// A sentence's short label before a colon ("Root Cause: ..."), if it has one, and the sentence
/// without it.
fn split_label(sentence: &str) -> (Option<&str>, &str) {
    match sentence.split_once(':') {
        Some((label, rest)) if !more_words_than(label, 4) => (Some(label), rest.trim()),
        _ => (None, sentence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_read_at_word_starts_hide_nothing() {
        assert!(
            !CAUSAL_MARKERS
                .iter()
                .any(|marker| crate::words::hides_word_starts(marker))
        );
    }
}
