//! The sentences of the root cause and resolution sections, each with its role: whether it
//! stands under a cause or a fix label, says what caused what, names a fix or describes an
//! action. Two rules weigh them, so they are read once, here.

use crate::model::{
    Causality, CausePart, CauseSentence, HeadingStyle, Section, SectionKind, block_runs,
};
use crate::text::{Patterns, more_words_than, whitespace_word_count};
use std::sync::LazyLock;

/// The sentences of a section, each in the part its heading or last label puts it in. What
/// follows a colon in the heading counts as text ("Root Cause and Resolution: The root cause
/// was ...").
pub(super) fn section_sentences(section: &Section) -> Vec<CauseSentence> {
    let (heading, rest) = section
        .heading
        .text
        .split_once(':')
        .unwrap_or((section.heading.text.as_str(), ""));
    let mut part = part_of_label(heading).unwrap_or(CausePart::Either);
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

/// Whether a section plays the root cause's part by what it says, whatever its heading calls it
/// ("Tokens issues", "What broke"): a section under a heading of its own (not a label, which
/// is a field of the text around it), whose heading names no section, with several sentences
/// of which two or more say what caused what. A reviewer reads such a section as the root
/// cause and resolution, and the opening before it as the summary.
pub(super) fn plays_the_root_cause_part(section: &Section) -> bool {
    /// Sentences enough to explain a chain of events rather than mention a cause.
    const SEVERAL: usize = 4;
    if section.kind != SectionKind::Other
        || !matches!(
            section.heading.style,
            HeadingStyle::Atx | HeadingStyle::Setext | HeadingStyle::Html
        )
    {
        return false;
    }
    let sentences = section_sentences(section);
    sentences.len() >= SEVERAL
        && sentences
            .iter()
            .filter(|sentence| sentence.causal())
            .count()
            >= 2
}

/// Adds a line's sentences, each in the part the labels so far put it in.
fn read_line(line: &str, part: &mut CausePart, found: &mut Vec<CauseSentence>) {
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
            found.push(read_sentence(text, &lower, *part));
        }
    }
}

/// The part a label names: "Root Cause" → cause, "Resolution" → fix, "Root Cause and
/// Resolution" → neither.
fn part_of_label(label: &str) -> Option<CausePart> {
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
        (true, false) => Some(CausePart::Cause),
        (false, true) => Some(CausePart::Fix),
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

/// Reads a sentence in `part` from its text and its text in lowercase: one pass over it for
/// the three lists of markers.
fn read_sentence(text: &str, lower: &str, part: CausePart) -> CauseSentence {
    const NAMING: u8 = 1;
    const MECHANISM: u8 = 2;
    const FIX: u8 = 4;
    const ACTION: u8 = 8;
    static MARKERS: LazyLock<Patterns<u8>> = LazyLock::new(|| {
        Patterns::of_lists(&[
            NAMING_MARKERS,
            MECHANISM_MARKERS,
            FIX_MARKERS,
            ACTION_MARKERS,
        ])
    });
    let found = MARKERS.lists_at_word_starts(lower);
    let causality = if found & MECHANISM != 0 || joins_a_consequence(lower) {
        Causality::Explains
    } else if found & NAMING != 0 || label_of(text).is_some_and(|label| label.contains("cause")) {
        Causality::Names
    } else {
        Causality::None
    };
    let causal = causality != Causality::None;
    let names_fix = found & FIX != 0;
    CauseSentence {
        words: whitespace_word_count(text),
        part,
        causality,
        names_fix,
        describes_action: !causal && !names_fix && (found & ACTION != 0 || has_by_gerund(lower)),
    }
}

/// ", so the pool ran dry": a clause joined to the one before as its consequence, a link in
/// the chain from what was wrong to the outage. ", so that" states a purpose instead.
fn joins_a_consequence(lower: &str) -> bool {
    [", so ", "; so "].iter().any(|joint| {
        lower
            .match_indices(joint)
            .any(|(at, _)| !lower[at + joint.len()..].starts_with("that "))
    })
}

/// Words and phrases that name a cause without telling how it acted: "the root cause was a
/// server fault", "the culprit", "it turned out". A sentence with one says what caused the
/// outage; it explains the cause once it has words enough.
const NAMING_MARKERS: &[&str] = &[
    "cause",
    "the reason",
    "responsible for",
    "attributed",
    "originated",
    "culprit",
    "traced",
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

/// Words and phrases that tell a link in the chain from what was wrong to the outage: "the
/// attack overwhelmed the API", "the queries resulted in resource exhaustion". A sentence with
/// one gives the mechanism, however short (LABELS.md: "one sentence that gives the mechanism
/// is" enough).
const MECHANISM_MARKERS: &[&str] = &[
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
    "introduced",
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
    // A causative, or a chain of events: "a change made it skip new files", "the disk grew
    // until it was full".
    "made it",
    "made the",
    "which made",
    "until it",
    "until the",
];

/// Word beginnings and phrases that say what was done to fix the issue.
const FIX_MARKERS: &[&str] = &[
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
const ACTION_MARKERS: &[&str] = &[
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

/// "by restarting", "by raising": a means of fixing.
fn has_by_gerund(text: &str) -> bool {
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

    fn read(markdown: &str) -> Vec<CauseSentence> {
        let document = crate::parse(markdown);
        section_sentences(&document.sections[0])
    }

    #[test]
    fn reads_each_sentence_in_the_part_its_label_puts_it_in() {
        let sentences = read(
            "## Root Cause and Resolution\n\n**Root cause:** A deploy exhausted the pool of database connections.\n\n**Resolution:** We raised the limit to 100 connections.\n",
        );
        let read: Vec<(usize, CausePart, bool, bool, bool)> = sentences
            .iter()
            .map(|sentence| {
                (
                    sentence.words,
                    sentence.part,
                    sentence.causal(),
                    sentence.names_fix,
                    sentence.describes_action,
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (8, CausePart::Cause, true, false, false),
                (7, CausePart::Fix, false, false, true),
            ]
        );
        assert!(sentences[1].tells_a_fix() && !sentences[0].tells_a_fix());
    }

    #[test]
    fn a_clause_joined_as_a_consequence_explains_the_cause() {
        let sentences = read(
            "## Root Cause and Resolution\n\nA config push set the worker count to one, so the \
             queue grew faster than it drained. We restarted the workers, so that the queue \
             drained.\n",
        );
        assert_eq!(sentences[0].causality, Causality::Explains, "{sentences:?}");
        assert!(!sentences[1].causal(), "{sentences:?}");
        assert!(!joins_a_consequence("it was so slow that users left"));
    }

    #[test]
    fn an_unnamed_section_that_explains_a_chain_of_causes_plays_the_root_cause_part() {
        let explained = "# Checkout outage\n\nCheckout failed for a third of users on 4 May.\n\n## Token refresh trouble\n\n\
            A release shortened the token lifetime to one second. Because every token expired \
            at once, each request asked for a new one. The load exhausted the store's connection \
            pool. We rolled the release back.\n";
        let document = crate::parse(explained);
        let section = &document.sections[0];
        assert_eq!(section.kind, SectionKind::RootCause);
        assert!(!section.names_section, "its heading still names no section");
        let summary_end = document.summary.runs.last().map(|run| run.span.end);
        assert!(
            summary_end.is_some_and(|end| end <= section.heading.span.start),
            "the summary stops at the section: {:?}",
            document.summary.runs
        );

        let mentioned = explained.replace(
            "Because every token expired at once, each request asked for a new one. \
             The load exhausted the store's connection pool. ",
            "",
        );
        assert_ne!(mentioned, explained);
        assert_eq!(
            crate::parse(&mentioned).sections[0].kind,
            SectionKind::Other
        );
        let labelled = explained.replace("## Token refresh trouble", "**Token refresh trouble**");
        assert!(
            crate::parse(&labelled)
                .sections
                .iter()
                .all(|section| section.kind != SectionKind::RootCause),
            "a bold label is a field of the text around it"
        );
    }

    #[test]
    fn a_means_of_fixing_is_an_action() {
        let sentences =
            read("## Resolution\n\nThe site came back by reloading the settings of the workers.\n");
        assert!(sentences[0].describes_action);
        assert!(!has_by_gerund("stood by the team"));
    }
}
