//! PM503 `vague-task`.

use crate::rule::prelude::*;
use crate::text::Lexicon;
use crate::text::{excerpt, trimmed_words};
use std::borrow::Cow;
use std::sync::LazyLock;

declare_rule! {
    /// Reports tasks that are not actionable, specific and bounded.
    ///
    /// ## Why is this bad?
    /// A task is done when someone can tick it off. "Investigate the database failure",
    /// "Be more careful with deploys" and "Improve monitoring" have no end: nobody can say
    /// when they are finished, so they stay open or are closed without changing anything.
    /// The rule reads each task (after numbering, a checkbox, a time or priority, and a short
    /// bold label such as `**Patch Database Server:**`) and reports one that does not start
    /// with a verb, that only asks to investigate, look into, consider or explore, that asks
    /// people to be more careful, that improves monitoring (or testing, logging...) with no
    /// object or measure, or that has fewer than 3 words.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - [ ] Investigate the database server failure.
    /// - [ ] Add monitoring on server memory.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - [ ] Improve monitoring.
    /// - [ ] Patch Nginx server.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - [ ] Better database connection handling.
    /// - [ ] Patch Nginx server.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - [ ] Dashboard for the export queue.
    /// - [ ] Patch Nginx server.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Corrective and Preventative Measures
    /// - [ ] Add monitoring on server memory.
    /// - [ ] Patch Nginx server.
    /// - [ ] Investigate and fix the memory leak in the image cleaner.
    /// - [ ] **Load testing:** Run a weekly load test at twice the peak traffic.
    /// - [ ] Shard the export queue by customer region.
    /// ```
    pub VagueTask {
        code: "PM503",
        name: "vague-task",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for VagueTask {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        for task in &context.document.measures.tasks {
            if let Some(problem) = vagueness(&task.text) {
                report.push(vague_task(task.line, &task.text, &problem));
            }
        }
    }
}

fn vague_task(span: Span, text: &str, problem: &Problem) -> Diagnostic {
    let quoted = excerpt(strip_prefix(text));
    let (message, help) = match problem {
        Problem::Exploratory(verb) => (
            format!("Task `{quoted}` only asks to {verb}, with no outcome"),
            "Say what will change, or what the investigation must deliver, e.g. `Fix the connection pool limit`",
        ),
        Problem::Carefulness(phrase) => (
            format!("Task `{quoted}` asks people to {phrase}, which nobody can check"),
            "Replace vigilance with a safeguard: a check, an alert or an automated test",
        ),
        Problem::NoObject(phrase) => (
            format!("Task `{quoted}` says to {phrase} without saying what or how much"),
            "Name what to improve and how to tell it is done, e.g. `Alert when database memory exceeds 80 %`",
        ),
        Problem::NoVerb => (
            format!("Task `{quoted}` does not say what to do"),
            "Start the task with the action to take, e.g. `Add an alert on ...`",
        ),
        Problem::TooShort => (
            format!("Task `{quoted}` is too short to be specific"),
            "Say what to change, where, and how to tell it is done",
        ),
    };
    Diagnostic::new(&VagueTask::META, span, message).with_help(help)
}

/// Why a task is vague.
enum Problem {
    /// "investigate", "look into": a verb with no end.
    Exploratory(&'static str),
    /// "be more careful".
    Carefulness(&'static str),
    /// "improve monitoring" and nothing more.
    NoObject(String),
    NoVerb,
    TooShort,
}

/// Verbs that start an open-ended task, unless a concrete verb follows ("investigate and fix").
const EXPLORATORY: &[(&str, &str)] = &[
    ("investigate", "investigate"),
    ("look into", "look into something"),
    ("looking into", "look into something"),
    ("consider", "consider something"),
    ("considering", "consider something"),
    ("explore", "explore"),
    ("exploring", "explore"),
    ("research", "research"),
    ("think about", "think about something"),
    ("figure out", "figure something out"),
    ("try to", "try"),
];

/// Phrases that ask for vigilance instead of a change.
const CAREFULNESS: &[(&str, &str)] = &[
    ("be more careful", "be more careful"),
    ("be careful", "be careful"),
    ("more careful", "be more careful"),
    ("pay more attention", "pay more attention"),
    ("be more vigilant", "be more vigilant"),
    ("be more diligent", "be more diligent"),
    ("be more cautious", "be more cautious"),
    ("always be ready", "always be ready"),
];

/// Verbs of improvement that need an object ("improve monitoring" says nothing).
/// [`CAREFULNESS`] with each phrase split into its words once, to compare with a task's words.
static CAREFULNESS_WORDS: LazyLock<Vec<(Vec<&str>, &str)>> = LazyLock::new(|| {
    CAREFULNESS
        .iter()
        .map(|&(phrase, description)| (phrase.split(' ').collect(), description))
        .collect()
});

/// [`IMPROVING`] with each verb split into its words once.
static IMPROVING_WORDS: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| {
    IMPROVING
        .iter()
        .map(|&verb| (verb, verb.split(' ').collect()))
        .collect()
});

const IMPROVING: &[&str] = &[
    "improve",
    "improved",
    "improving",
    "enhance",
    "enhanced",
    "enhancing",
    "better",
    "increase",
    "increased",
    "more",
    "strengthen",
    "add",
    "implement",
    "setup",
    "set up",
    "review",
];
/// Areas too broad to act on without saying what in them ("monitoring", "testing").
const BROAD_AREAS: &[&str] = &[
    "monitoring",
    "testing",
    "tests",
    "logging",
    "logs",
    "alerting",
    "alerts",
    "communication",
    "documentation",
    "docs",
    "process",
    "processes",
    "procedures",
    "security",
    "training",
    "reviews",
    "code reviews",
    "observability",
    "performance",
    "reliability",
    "stability",
    "infrastructure",
    "resilience",
    "quality",
];
/// Words that may pad a broad area without making it specific ("our monitoring systems").
const FILLER: &[&str] = &[
    "our",
    "the",
    "a",
    "an",
    "more",
    "better",
    "system",
    "systems",
    "tool",
    "tools",
    "and",
    "overall",
    "general",
    "capabilities",
    "practices",
    "further",
];

/// Verbs (and their gerunds) a task can start with.
const VERBS: &[&str] = &[
    "accept",
    "add",
    "adjust",
    "adopt",
    "alert",
    "align",
    "allocate",
    "allow",
    "analyse",
    "analyze",
    "apply",
    "archive",
    "assess",
    "assign",
    "audit",
    "automate",
    "avoid",
    "back",
    "backfill",
    "backup",
    "benchmark",
    "block",
    "bump",
    "build",
    "cap",
    "change",
    "check",
    "clean",
    "clarify",
    "close",
    "collect",
    "communicate",
    "complete",
    "conduct",
    "configure",
    "confirm",
    "connect",
    "consolidate",
    "containerize",
    "continue",
    "convert",
    "cordon",
    "create",
    "cull",
    "decommission",
    "decrease",
    "define",
    "delete",
    "deploy",
    "deprecate",
    "describe",
    "design",
    "detect",
    "develop",
    "disable",
    "document",
    "double",
    "drain",
    "drop",
    "educate",
    "eliminate",
    "enable",
    "encourage",
    "encrypt",
    "enforce",
    "enhance",
    "ensure",
    "establish",
    "evaluate",
    "expand",
    "expose",
    "extend",
    "file",
    "find",
    "fix",
    "flag",
    "follow",
    "force",
    "foster",
    "gather",
    "give",
    "grant",
    "handle",
    "harden",
    "hire",
    "hold",
    "identify",
    "implement",
    "improve",
    "include",
    "incorporate",
    "increase",
    "inform",
    "inspect",
    "install",
    "instrument",
    "integrate",
    "introduce",
    "invest",
    "isolate",
    "keep",
    "label",
    "launch",
    "limit",
    "list",
    "load",
    "lock",
    "log",
    "lower",
    "maintain",
    "make",
    "mandate",
    "map",
    "mark",
    "measure",
    "merge",
    "migrate",
    "minimize",
    "minimise",
    "mitigate",
    "modify",
    "monitor",
    "move",
    "notify",
    "offload",
    "onboard",
    "open",
    "optimize",
    "optimise",
    "organize",
    "own",
    "partition",
    "patch",
    "perform",
    "pin",
    "plan",
    "point",
    "prepare",
    "prevent",
    "prioritize",
    "prioritise",
    "profile",
    "promote",
    "protect",
    "provide",
    "provision",
    "publish",
    "purge",
    "push",
    "put",
    "queue",
    "raise",
    "rate",
    "rebuild",
    "record",
    "redesign",
    "reduce",
    "refactor",
    "refine",
    "reinforce",
    "release",
    "remove",
    "rename",
    "reorganize",
    "repair",
    "replace",
    "replicate",
    "report",
    "require",
    "reserve",
    "reset",
    "resize",
    "restart",
    "restrict",
    "retire",
    "retry",
    "revert",
    "review",
    "revise",
    "revisit",
    "rewrite",
    "roll",
    "rotate",
    "run",
    "scale",
    "schedule",
    "secure",
    "select",
    "send",
    "separate",
    "set",
    "setup",
    "share",
    "shorten",
    "simplify",
    "simulate",
    "split",
    "stage",
    "standardize",
    "standardise",
    "start",
    "stop",
    "store",
    "streamline",
    "strengthen",
    "submit",
    "switch",
    "sync",
    "synchronize",
    "take",
    "teach",
    "test",
    "throttle",
    "tighten",
    "track",
    "train",
    "transition",
    "tune",
    "turn",
    "update",
    "upgrade",
    "use",
    "utilise",
    "utilize",
    "validate",
    "verify",
    "version",
    "warn",
    "watch",
    "write",
    "investigate",
    "consider",
    "explore",
    "research",
    "look",
    "figure",
    "think",
    "try",
    "have",
    "get",
    "ask",
    "cordon",
];

/// Leading words that are not part of the task: priorities and markers.
const PREFIX_WORDS: &[&str] = &[
    "high", "medium", "low", "critical", "p0", "p1", "p2", "p3", "p4", "todo", "done", "am", "pm",
];

/// Subjects and modals before the verb of a task written as a sentence.
const MODAL_PREFIXES: &[&str] = &[
    "we will",
    "we'll",
    "we should",
    "we need to",
    "we must",
    "we plan to",
    "we are going to",
    "we want to",
    "we would like to",
    "we can",
    "i will",
    "i'll",
    "the team will",
    "the team should",
    "team should",
    "let's",
    "we'd like to",
    "need to",
    "must",
];

fn vagueness(text: &str) -> Option<Problem> {
    let text = if text.contains('\n') {
        Cow::Owned(text.replace('\n', " "))
    } else {
        Cow::Borrowed(text)
    };
    let lower = strip_modal(strip_prefix(&text)).to_lowercase();
    // "Patch Database Server: Review and apply patches": the label names the task, the rest
    // says what to do. Without a label the whole task is the action.
    let (label, rest) = split_label(&lower);
    let rest = strip_adverb(strip_modal(rest));
    let label = label.map(strip_adverb);
    if let Some(description) = exploratory(rest) {
        return Some(Problem::Exploratory(description));
    }
    // From here on the rest is not exploratory.
    let rest_acts = starts_with_verb(rest);
    if let Some(description) = label.and_then(exploratory)
        && !rest_acts
    {
        return Some(Problem::Exploratory(description));
    }
    let lower_words: Vec<&str> = trimmed_words(&lower).collect();
    for (phrase, description) in CAREFULNESS_WORDS.iter() {
        if lower_words
            .windows(phrase.len())
            .any(|window| same_words(window, phrase))
        {
            return Some(Problem::Carefulness(description));
        }
    }
    if let Some(phrase) = improvement_without_object(rest) {
        return Some(Problem::NoObject(phrase));
    }
    if !rest_acts && !label.is_some_and(starts_with_verb) {
        return Some(Problem::NoVerb);
    }
    if lower_words.len() < 3 {
        return Some(Problem::TooShort);
    }
    None
}

/// Whether `words` are `phrase`, word for word. Words that differ mostly differ in length or
/// in their first byte: those are compared before calling `memcmp` on the rest.
fn same_words(words: &[&str], phrase: &[&str]) -> bool {
    words.len() == phrase.len()
        && words.iter().zip(phrase).all(|(word, wanted)| {
            word.len() == wanted.len()
                && word.as_bytes().first() == wanted.as_bytes().first()
                && word == wanted
        })
}

/// The open-ended verb a part starts with, unless a concrete verb follows it.
fn exploratory(part: &str) -> Option<&'static str> {
    EXPLORATORY.iter().find_map(|(verb, description)| {
        // Most parts differ from a verb in their first byte: those are turned away before the
        // rest is compared.
        if part.as_bytes().first() != verb.as_bytes().first() {
            return None;
        }
        let after = part.strip_prefix(verb)?;
        let bounded = after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric());
        (bounded && !leads_to_action(after)).then_some(*description)
    })
}

/// The part without a leading adverb: "Regularly update ..." → "update ...".
fn strip_adverb(part: &str) -> &str {
    let mut split = part.splitn(2, ' ');
    match (split.next(), split.next()) {
        (Some(first), Some(rest)) if first.len() > 4 && first.ends_with("ly") => rest.trim_start(),
        _ => part,
    }
}

/// The task without numbering, times, priorities and markers: "1. ", "3:30 PM:", "HIGH".
fn strip_prefix(text: &str) -> &str {
    let mut rest = text.trim();
    loop {
        let Some(word) = rest.split_whitespace().next() else {
            return rest;
        };
        let core = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let is_number = !core.is_empty()
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ')'))
            || word.len() <= 3 && word.ends_with(['.', ')']) && word.len() >= 2;
        let is_marker = word.starts_with('[') && word.ends_with(']')
            || word.starts_with('#') && word.trim_end_matches(':').len() > 1
            || PREFIX_WORDS.contains(&core.as_str()) && word.len() <= 9;
        if !(is_number || is_marker || core.is_empty()) {
            return rest;
        }
        rest = rest[word.len()..].trim_start();
        rest = rest.trim_start_matches([':', '-', '–', '—']).trim_start();
    }
}

/// The text after a leading modal (`we will`, `need to`), in any ASCII case: modals are ASCII,
/// so their case is compared in place.
fn strip_modal(text: &str) -> &str {
    MODAL_PREFIXES
        .iter()
        .find(|modal| {
            text.get(..modal.len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case(modal))
                && text[modal.len()..].starts_with(' ')
        })
        .map_or(text, |modal| text[modal.len()..].trim_start())
}

/// "Patch Database Server: Review and apply patches" → (Some(label), rest).
fn split_label(text: &str) -> (Option<&str>, &str) {
    match text.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 6 && !rest.trim().is_empty() => {
            (Some(label.trim()), rest.trim())
        }
        _ => (None, text.trim()),
    }
}

/// "investigate and fix ...", "investigate why X and patch it": the task ends in a change.
/// `after` is in lowercase.
fn leads_to_action(after: &str) -> bool {
    // Only the first eight words are read.
    let mut previous = None;
    trimmed_words(after).take(8).any(|word| {
        let joined = matches!(previous, Some("and" | "then" | "to"));
        previous = Some(word);
        joined
            && is_listed_verb(word)
            && !matches!(word, "identify" | "understand" | "review" | "find")
    })
}

/// The improving verb and broad area `part` (in lowercase) is made of, such as "improve
/// monitoring", if that is all it says.
fn improvement_without_object(part: &str) -> Option<String> {
    // The verbs have one or two words: most tasks start with another verb, and are read no
    // further.
    let mut words = trimmed_words(part);
    let first_two = [words.next(), words.next()];
    let (verb, verb_words) = IMPROVING_WORDS.iter().find(|(_, words)| {
        words.len() <= first_two.len()
            && words
                .iter()
                .zip(&first_two)
                .all(|(word, read)| *read == Some(*word))
    })?;
    // The broad areas have one or two words: a third word makes the rest specific.
    let mut rest = trimmed_words(part)
        .skip(verb_words.len())
        .filter(|word| !FILLER.contains(word));
    let area = match (rest.next(), rest.next(), rest.next()) {
        (Some(word), None, _) => word.to_owned(),
        (Some(first), Some(second), None) => format!("{first} {second}"),
        _ => return None,
    };
    BROAD_AREAS
        .contains(&area.as_str())
        .then(|| format!("{verb} {area}"))
}

/// Whether `part` (in lowercase) starts with a verb: a listed one, or any word the task uses
/// as one, which its direct object shows ("Shard the queue ...", "Wire our alerts ..."): a task
/// that names a thing ("Dashboard for lock waits") does not follow its first word with a
/// determiner, and the words that do (prepositions, conjunctions) are not actions.
fn starts_with_verb(part: &str) -> bool {
    let mut words = trimmed_words(part);
    let Some(first) = words.next() else {
        return false;
    };
    if is_verb(first) {
        return true;
    }
    let object_follows = words
        .next()
        .is_some_and(|second| DETERMINERS.contains(&second));
    object_follows
        && first.bytes().all(|byte| byte.is_ascii_alphabetic())
        && !NOT_ACTIONS.contains(&first)
}

/// Words that open a noun phrase: after a task's first word, they make it a verb with its object.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "their", "its", "your", "this", "that", "these", "those", "each",
    "every", "all", "any", "both",
];

/// Words that a determiner may follow without being a verb.
const NOT_ACTIONS: &[&str] = &[
    "about", "across", "after", "against", "all", "also", "among", "and", "around", "as", "at",
    "because", "before", "between", "both", "but", "by", "during", "each", "every", "for", "from",
    "how", "if", "in", "into", "maybe", "of", "on", "once", "only", "or", "over", "per", "perhaps",
    "since", "so", "then", "through", "to", "under", "unless", "until", "upon", "via", "what",
    "when", "where", "whether", "which", "while", "who", "why", "with", "within", "without",
];

fn is_verb(word: &str) -> bool {
    if is_listed_verb(word) {
        return true;
    }
    // Gerunds: "implementing", "adding", "setting", "scheduling".
    let Some(stem) = word.strip_suffix("ing") else {
        return false;
    };
    let mut candidates = vec![stem.to_owned(), format!("{stem}e")];
    let mut chars = stem.chars();
    if let (Some(last), Some(before)) = (chars.next_back(), chars.next_back())
        && last == before
    {
        // "setting": the doubled letter written once, whatever its width.
        candidates.push(stem[..stem.len() - last.len_utf8()].to_owned());
    }
    candidates.iter().any(|candidate| is_listed_verb(candidate))
}

fn is_listed_verb(word: &str) -> bool {
    static SET: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::of(VERBS));
    SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `improvement_without_object` reads at most two words of an area.
    #[test]
    fn a_gerund_after_a_doubled_wide_character_is_read_without_splitting_it() {
        assert!(is_verb("setting"));
        assert!(!is_verb("ééing"));
        assert!(vagueness("- [ ] ééing ééing the export queue").is_some());
    }

    #[test]
    fn broad_areas_have_at_most_two_words() {
        for area in BROAD_AREAS {
            assert!(trimmed_words(area).count() <= 2, "{area:?}");
        }
    }

    #[test]
    fn strips_a_leading_modal_in_any_case() {
        for (text, stripped) in [
            ("We will add an alert", "add an alert"),
            ("we'll  add an alert", "add an alert"),
            ("MUST fix it", "fix it"),
            ("must", "must"),
            ("mustard on the menu", "mustard on the menu"),
            ("The Team Should fix it", "fix it"),
            ("Ü need to fix it", "Ü need to fix it"),
        ] {
            assert_eq!(strip_modal(text), stripped, "{text:?}");
        }
    }
}
