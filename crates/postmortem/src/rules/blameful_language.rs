//! PM603 `blameful-language`.

use crate::model::for_each_passage;
use crate::rule::prelude::*;
use crate::text::{CharSet, Lexicon, Patterns};
use std::borrow::Cow;
use std::sync::LazyLock;

declare_rule! {
    /// Reports wording that puts the blame for the incident on people.
    ///
    /// ## Why is this bad?
    /// A blameless postmortem describes systems and decisions: what made the mistake
    /// possible and what will stop it next time. Naming a person, a role or "human error" as
    /// the cause ("a junior developer mistakenly saved the file", "the engineer forgot to
    /// restart Nginx", "careless", "should have known") teaches people to hide mistakes and
    /// stops the analysis one step short of the real cause. The rule looks for judgements
    /// (`careless`, `negligence`, `incompetent`, `lazy`), `human error` given as a cause,
    /// someone's mistake or fault, `should have known`, blame aimed at a person, an issue
    /// `caused by` a person or team, a person or role who `forgot to` or `neglected to` do
    /// something or `accidentally`/`mistakenly` did it, and an intern or junior developer as
    /// the one who made the change. Plain descriptions are not blame: "a misconfiguration",
    /// "the engineer investigated", "the team mistakenly believed the API was down" (a
    /// misleading path), "we forgot to", "to reduce human error", "failures can come from
    /// bugs, hardware or human error".
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Root Cause and Resolution
    /// An intern accidentally deleted the production database.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Root Cause and Resolution
    /// The outage was caused by human error during the deploy.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Root Cause and Resolution
    /// The deploy script ran against production because both environments shared one
    /// credential. The engineer on call investigated and restored the database from backup.
    /// We will automate the deploy to reduce human error.
    /// ```
    pub BlamefulLanguage {
        code: "PM603",
        name: "blameful-language",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for BlamefulLanguage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        // A passage's words are read once, for the passage and for each of its sentences: a
        // sentence ends at punctuation, which no word holds, so its words are a run of them.
        let mut words = Vec::new();
        for_each_passage(context.document, |passage| {
            let text = passage.text;
            // Most passages have no key cue, and are passed over without reading their words.
            if !may_hold_key_cue(text) {
                return;
            }
            read_words(text, &mut words);
            if !may_blame(text, &words) {
                return;
            }
            for sentence in sentences(text) {
                let start = sentence.as_ptr() as usize - text.as_ptr() as usize;
                let end = start + sentence.len();
                let first = words.partition_point(|word| word.start < start);
                let last = words.partition_point(|word| word.end <= end);
                let sentence_words = &words[first..last];
                if may_blame(text, sentence_words)
                    && let Some(phrase) = blame(text, sentence_words)
                {
                    report.push(blameful(passage.locate(context.source, phrase), phrase));
                }
            }
        });
    }
}

fn blameful(span: Span, phrase: &str) -> Diagnostic {
    Diagnostic::new(
        &BlamefulLanguage::META,
        span,
        format!("`{phrase}` blames people rather than the system"),
    )
    .with_help(
        "Describe what in the system or process allowed the failure, e.g. `The deploy script accepted a misnamed file`",
    )
}

/// Whether a passage (or a sentence) has the words every blameful phrase needs, so that text
/// without them is not read in detail: a word that only blame uses ("careless", "human",
/// "mistakenly", "intern", "blamed"), or "caused by", "did not bother", "should have known" or
/// "new" before a person.
fn may_blame(text: &str, words: &[PassageWord]) -> bool {
    let mut previous = [Cue::None; 2];
    for word in words {
        // Whether a word names a person only matters after "new".
        let cue = match word.cue {
            Cue::None
                if previous[1] == Cue::New
                    && is_person_or_qualifier(&text[word.start..word.end]) =>
            {
                Cue::Person
            }
            cue => cue,
        };
        match (previous, cue) {
            (_, Cue::Blame)
            | ([_, Cue::Caused], Cue::By)
            | ([Cue::Did, Cue::Not], Cue::Bother)
            | ([Cue::Should, Cue::Have], Cue::Lapse)
            | ([_, Cue::New], Cue::Person) => return true,
            _ => previous = [previous[1], cue],
        }
    }
    false
}

/// Replaces `words` with the words of `text` and their cues.
fn read_words(text: &str, words: &mut Vec<PassageWord>) {
    words.clear();
    words.extend(word_slices(text).map(|word| {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        PassageWord {
            start,
            end: start + word.len(),
            cue: cue(word),
        }
    }));
}

/// A word of a passage (as [`word_slices`] gives it): its byte range and its [`cue`].
struct PassageWord {
    start: usize,
    end: usize,
    cue: Cue,
}

/// What a word contributes to a blameful phrase, for [`may_blame`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A word that only blameful phrases are built on.
    Blame,
    Caused,
    By,
    Did,
    Not,
    Bother,
    Should,
    Have,
    /// What someone "should have" done.
    Lapse,
    New,
    /// A person, a group or a word that may stand before one ("senior").
    Person,
    None,
}

fn cue(word: &str) -> Cue {
    // A lexicon turns most words away by their first letter and length before lowercasing
    // them, where matching each word against the list compared it with every cue of its length.
    static CUES: LazyLock<Lexicon<Cue>> = LazyLock::new(|| {
        // The judgements and the mistaken adverbs, and the other words only blame uses.
        let blame = JUDGEMENTS
            .iter()
            .chain(MISTAKEN)
            .chain(OTHER_BLAME_CUES)
            .map(|&word| (word, Cue::Blame));
        Lexicon::new(blame.chain(PHRASE_CUES.iter().copied()))
    });
    if let Some(cue) = CUES.get(word) {
        return cue;
    }
    // "blame", "blamed", "blaming", "blameless": no other character lowercases to these ASCII
    // letters, so comparing the first bytes in ASCII case says what lowercasing would.
    if word
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case("blam"))
    {
        Cue::Blame
    } else {
        Cue::None
    }
}

/// The words of blameful phrases and what each contributes.
const PHRASE_CUES: &[(&str, Cue)] = &[
    ("caused", Cue::Caused),
    ("triggered", Cue::Caused),
    ("by", Cue::By),
    ("did", Cue::Did),
    ("not", Cue::Not),
    ("bother", Cue::Bother),
    ("should", Cue::Should),
    ("have", Cue::Have),
    ("known", Cue::Lapse),
    ("checked", Cue::Lapse),
    ("tested", Cue::Lapse),
    ("noticed", Cue::Lapse),
    ("caught", Cue::Lapse),
    ("new", Cue::New),
];

/// Whether a cue is one that [`may_blame`] needs in every phrase it finds: a passage without
/// a word of these cues is not read word by word.
fn is_key(cue: Cue) -> bool {
    matches!(
        cue,
        Cue::Blame | Cue::Caused | Cue::Bother | Cue::Should | Cue::New
    )
}

/// Whether `text` may have a word whose cue [`is_key`], found in one pass over it rather than
/// by splitting it into words and looking each up: whether a key cue's word (or `blam`) starts
/// one of its words in any ASCII case. A word with other characters lowercases to a cue's word
/// only with the kelvin sign (`K`, "k"), so text with one is read word by word.
fn may_hold_key_cue(text: &str) -> bool {
    static KEY_WORDS: LazyLock<Patterns<()>> = LazyLock::new(|| {
        Patterns::new(
            JUDGEMENTS
                .iter()
                .chain(MISTAKEN)
                .chain(OTHER_BLAME_CUES)
                .chain(&["blam"])
                .chain(
                    PHRASE_CUES
                        .iter()
                        .filter(|(_, cue)| is_key(*cue))
                        .map(|(word, _)| word),
                )
                .map(|&word| (word, ())),
        )
    });
    text.contains(KELVIN_SIGN) || KEY_WORDS.first_at_word_start(text).is_some()
}

/// `K`, which lowercases to "k": the one character outside ASCII that does so.
const KELVIN_SIGN: char = '\u{212A}';

/// Whether a word (in any case) is a person, a group or a word that may stand before one.
fn is_person_or_qualifier(word: &str) -> bool {
    static WORDS: LazyLock<Lexicon<()>> = LazyLock::new(|| {
        Lexicon::new(
            [PERSONS, GROUPS, QUALIFIERS]
                .into_iter()
                .flatten()
                .map(|&word| (word, ())),
        )
    });
    WORDS.contains(word)
}

/// Words that start a blame cue besides the judgements and the mistaken adverbs: a lapse
/// ("forgot"), a fault, or a junior role named as a cause.
const OTHER_BLAME_CUES: &[&str] = &[
    "human",
    "mistake",
    "fault",
    "forgot",
    "neglected",
    "intern",
    "interns",
    "junior",
    "trainee",
];

/// Words that judge a person.
const JUDGEMENTS: &[&str] = &[
    "careless",
    "carelessly",
    "carelessness",
    "negligence",
    "negligent",
    "negligently",
    "incompetent",
    "incompetence",
    "lazy",
    "laziness",
];

/// People and roles that can be named as a cause.
const PERSONS: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "developers",
    "dev",
    "programmer",
    "programmers",
    "intern",
    "interns",
    "admin",
    "admins",
    "administrator",
    "administrators",
    "sysadmin",
    "operator",
    "operators",
    "employee",
    "employees",
    "contractor",
    "contractors",
    "member",
    "members",
    "colleague",
    "coworker",
    "co-worker",
    "technician",
    "person",
    "individual",
    "someone",
    "somebody",
    "he",
    "she",
    "tester",
    "dba",
    "manager",
    "hire",
    "trainee",
    "staff",
    "user",
];
/// Groups, named as a cause when they did something by mistake.
const GROUPS: &[&str] = &["team", "teams"];

/// Words that may come between a determiner and the person: "a junior developer".
const QUALIFIERS: &[&str] = &[
    "junior", "senior", "new", "on-call", "lead", "backend", "frontend", "devops", "database",
    "team", "staff", "software", "system", "systems", "network", "ops", "other", "same",
];

/// Adverbs that make an action a mistake.
const MISTAKEN: &[&str] = &[
    "accidentally",
    "accidently",
    "mistakenly",
    "inadvertently",
    "carelessly",
    "wrongly",
    "erroneously",
    "unknowingly",
    "unintentionally",
];

/// Verbs of thinking: "the team mistakenly believed" describes a misleading path, not blame.
const COGNITIVE: &[&str] = &[
    "believe",
    "believed",
    "believes",
    "thought",
    "think",
    "thinks",
    "assumed",
    "assume",
    "assumes",
    "suspected",
    "suspect",
    "suspects",
    "identified",
    "attributed",
    "concluded",
    "considered",
    "interpreted",
    "diagnosed",
    "focused",
    "looked",
    "investigated",
    "reported",
    "flagged",
    "treated",
    "took",
    "expected",
    "guessed",
    "blamed",
    "suspecting",
    "believing",
    "assuming",
    "thinking",
];

/// Lapses a person can be blamed for.
const LAPSES: &[&[&str]] = &[
    &["forgot", "to"],
    &["forgot"],
    &["neglected", "to"],
    &["did", "not", "bother"],
    &["should", "have", "known"],
    &["should", "have", "checked"],
    &["should", "have", "tested"],
    &["should", "have", "noticed"],
    &["should", "have", "caught"],
];

/// Things a junior person is often blamed for doing.
const ACTIONS: &[&str] = &[
    "added",
    "deleted",
    "removed",
    "changed",
    "modified",
    "edited",
    "pushed",
    "committed",
    "deployed",
    "ran",
    "made",
    "introduced",
    "misconfigured",
    "misspelled",
    "mistyped",
    "typed",
    "saved",
    "renamed",
    "overwrote",
    "broke",
    "dropped",
    "merged",
    "uploaded",
    "updated",
    "set",
    "left",
    "wrote",
    "put",
    "disabled",
    "enabled",
    "restarted",
    "shut",
    "turned",
    "killed",
];

/// Words that make "human error" an aim to reduce, not a cause: "to reduce human error".
const PREVENTIVE: &[&str] = &[
    "reduce",
    "reducing",
    "reduces",
    "minimize",
    "minimise",
    "minimizing",
    "minimising",
    "prevent",
    "preventing",
    "avoid",
    "avoiding",
    "eliminate",
    "eliminating",
    "likelihood",
    "risk",
    "risks",
    "prone",
    "chance",
    "chances",
    "no",
    "not",
    "without",
];

/// Words that make a sentence about failures in general, not this one: "failure can stem
/// from bugs, hardware failures, human error".
const GENERAL: &[&str] = &[
    "can",
    "could",
    "may",
    "might",
    "any",
    "possible",
    "often",
    "usually",
    "sometimes",
];

/// A word of a sentence with its byte range.
struct Word<'s> {
    lower: Cow<'s, str>,
    text: &'s str,
    start: usize,
    end: usize,
}

/// The blameful phrase of a sentence, given its words in `text`, if any, as written.
fn blame<'t>(text: &'t str, sentence: &[PassageWord]) -> Option<&'t str> {
    let words = words(text, sentence);
    let lower: Vec<&str> = words.iter().map(|word| word.lower.as_ref()).collect();
    let phrase = |from: usize, to: usize| &text[words[from].start..words[to].end];

    if let Some(index) = lower.iter().position(|word| JUDGEMENT.contains(word)) {
        return Some(words[index].text);
    }
    for (index, pair) in lower.windows(2).enumerate() {
        if pair[0] == "human"
            && matches!(pair[1], "error" | "errors" | "mistake" | "mistakes")
            && !lower
                .iter()
                .any(|word| PREVENTIVE.contains(word) || GENERAL.contains(word))
        {
            return Some(phrase(index, index + 1));
        }
        let possessive = matches!(
            pair[0],
            "his" | "her" | "their" | "someone's" | "somebody's"
        ) || pair[0].ends_with("'s") && is_person(&pair[0][..pair[0].len() - 2]);
        if possessive && matches!(pair[1], "mistake" | "fault") {
            return Some(phrase(index, index + 1));
        }
        if pair[0] == "fault" && pair[1] == "of" && person_after(&lower, index + 2) {
            return Some(phrase(index, index + 2));
        }
    }
    if let Some(index) = lower.iter().position(|word| word.starts_with("blam")) {
        let negated = lower[..index]
            .iter()
            .any(|word| matches!(*word, "no" | "not" | "nobody" | "without"))
            || lower[index].starts_with("blameless");
        if !negated && lower.iter().any(|word| is_person(word)) {
            return Some(words[index].text);
        }
    }
    for (start, end) in subjects(&lower) {
        let after = &lower[end..];
        let is_person = PERSON.contains(lower[end - 1]);
        // "caused by a developer", "triggered by the intern".
        if start >= 2
            && lower[start - 1] == "by"
            && matches!(lower[start - 2], "caused" | "triggered")
            && !matches!(lower[end - 1], "user" | "he" | "she")
        {
            return Some(phrase(start - 2, end - 1));
        }
        if let Some(lapse) = LAPSES
            .iter()
            .find(|lapse| is_person && after.starts_with(lapse))
        {
            return Some(phrase(start, end + lapse.len() - 1));
        }
        let adverb = after
            .iter()
            .take(2)
            .position(|word| MISTAKEN.contains(word));
        if let Some(adverb) = adverb
            && let Some(verb) = after.get(adverb + 1)
            && !COGNITIVE.contains(verb)
        {
            return Some(phrase(start, end + adverb + 1));
        }
        let junior = lower[start..end]
            .iter()
            .any(|word| matches!(*word, "intern" | "interns" | "junior" | "trainee" | "new"));
        if junior && after.first().is_some_and(|verb| ACTIONS.contains(verb)) {
            return Some(phrase(start, end));
        }
    }
    None
}

/// [`JUDGEMENTS`], [`PERSONS`] and [`QUALIFIERS`] as lexicons: a sentence's every word is
/// looked up in them, where a search through each list compared it with every entry.
static JUDGEMENT: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::of(JUDGEMENTS));
static PERSON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::of(PERSONS));
static QUALIFIER: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::of(QUALIFIERS));

/// Word ranges naming a person or group as a subject: "a junior developer", "one of the
/// interns", "someone", "the DevOps team".
fn subjects(lower: &[&str]) -> Vec<(usize, usize)> {
    let mut subjects = Vec::new();
    for (index, word) in lower.iter().enumerate() {
        let is_subject = PERSON.contains(word) || GROUPS.contains(word);
        if !is_subject
            || lower
                .get(index + 1)
                .is_some_and(|next| PERSON.contains(next))
        {
            continue;
        }
        let mut start = index;
        while start > 0 && QUALIFIER.contains(lower[start - 1]) {
            start -= 1;
        }
        if start > 0
            && matches!(
                lower[start - 1],
                "a" | "an" | "the" | "our" | "one" | "another"
            )
        {
            start -= 1;
            if start >= 2 && lower[start - 1] == "of" && lower[start - 2] == "one" {
                start -= 2;
            }
        }
        let standalone = matches!(*word, "someone" | "somebody" | "he" | "she");
        if start < index || standalone {
            subjects.push((start, index + 1));
        }
    }
    subjects
}

fn is_person(word: &str) -> bool {
    PERSON.contains(word) || matches!(word, "him" | "them" | "whoever" | "intern" | "interns")
}

fn person_after(lower: &[&str], from: usize) -> bool {
    lower.iter().skip(from).take(4).any(|word| is_person(word))
}

/// Words of a sentence, lowercased, with apostrophes normalised ("someone’s" → "someone's").
fn words<'t>(text: &'t str, sentence: &[PassageWord]) -> Vec<Word<'t>> {
    sentence
        .iter()
        .map(|&PassageWord { start, end, .. }| {
            let text = &text[start..end];
            let is_lower = text
                .bytes()
                .all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase());
            Word {
                lower: if is_lower {
                    Cow::Borrowed(text)
                } else {
                    Cow::Owned(text.to_lowercase().replace('’', "'"))
                },
                text,
                start,
                end,
            }
        })
        .collect()
}

/// The words of a text as written: runs of letters, digits, apostrophes and hyphens, without
/// apostrophes and hyphens at either end.
fn word_slices(text: &str) -> impl Iterator<Item = &str> {
    static WORD_CHARS: LazyLock<CharSet> =
        LazyLock::new(|| CharSet::new(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')));
    WORD_CHARS
        .runs(text)
        .map(|word| {
            let bytes = word.as_bytes();
            if bytes.first().is_some_and(u8::is_ascii_alphanumeric)
                && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
            {
                word
            } else {
                word.trim_matches(['\'', '’', '-'])
            }
        })
        .filter(|word| !word.is_empty())
}

/// Sentences of a run, split at sentence-ending punctuation.
fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut from = 0;
    let bytes = text.as_bytes();
    for (index, c) in text.char_indices() {
        let ends = matches!(c, '.' | '!' | '?' | ';' | '\n')
            && bytes.get(index + 1).is_none_or(u8::is_ascii_whitespace);
        if ends {
            sentences.push(&text[from..=index]);
            from = index + 1;
        }
    }
    sentences.push(&text[from..]);
    sentences.retain(|sentence| !sentence.trim().is_empty());
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_judgement_and_mistaken_adverb_cues_blame() {
        for word in JUDGEMENTS.iter().chain(MISTAKEN) {
            assert!(cue(word) == Cue::Blame, "{word}");
            assert!(cue(&word.to_uppercase()) == Cue::Blame, "{word}");
        }
        assert!(cue("Blamed") == Cue::Blame);
        assert!(cue("blameless") == Cue::Blame);
        assert!(cue("team") == Cue::None);
        assert!(is_person_or_qualifier("Engineer") && is_person_or_qualifier("on-call"));
    }

    #[test]
    fn passes_over_no_text_that_may_blame() {
        let key_words = JUDGEMENTS
            .iter()
            .chain(MISTAKEN)
            .chain(OTHER_BLAME_CUES)
            .chain(PHRASE_CUES.iter().map(|(word, _)| word))
            .chain(&["blamed", "Blameless", "BLAMING"]);
        let mut texts: Vec<String> = key_words
            .flat_map(|word| {
                let capitalised = word[..1].to_uppercase() + &word[1..];
                [
                    (*word).to_owned(),
                    word.to_uppercase(),
                    format!("The x-{word} ({capitalised}) and '{word}’, —{word}."),
                    word.replace('k', "\u{212A}"),
                ]
            })
            .collect();
        texts.extend(
            [
                "The outage was caused, by a developer.",
                "It was triggered by the intern; she did not bother to test.",
                "A new hire should have known. 12:00 - blamed.",
                "The team mistakenly believed the API was down.",
                "We will automate the deploy to reduce human error.",
                "The deploy script ran against production.",
                "causedby newly shouldn't bothered",
                "",
            ]
            .map(str::to_owned),
        );
        let mut words = Vec::new();
        for text in &texts {
            read_words(text, &mut words);
            if words.iter().any(|word| is_key(word.cue)) || may_blame(text, &words) {
                assert!(may_hold_key_cue(text), "{text:?}");
            }
        }
        assert!(!may_hold_key_cue(
            "The deploy script ran against production."
        ));
    }

    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii_alone() {
        let lowercasing_to_ascii: Vec<char> = (char::MIN..=char::MAX)
            .filter(|c| !c.is_ascii() && c.to_lowercase().all(|lower| lower.is_ascii()))
            .collect();
        assert_eq!(lowercasing_to_ascii, ['\u{212A}']);
    }
}
