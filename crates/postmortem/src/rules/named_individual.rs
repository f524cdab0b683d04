//! PM605 `named-individual`.

use crate::model::for_each_passage;
use crate::rule::prelude::*;
use crate::text::{CharSet, Lexicon};
use crate::time::{self, Weekday};
use std::sync::LazyLock;

declare_rule! {
    /// Reports a person named in the text, once per person.
    ///
    /// ## Why is this bad?
    /// Blameless writing names roles ("the on-call engineer", "a senior backend developer"),
    /// not people. A name ties the incident to a person in every later reading, and makes
    /// the next person less willing to raise their hand. The rule only fires on clear signs
    /// of a person: an honorific and a name (`Mr. Kyle`), a name set off by a role
    /// (`Mahari, our senior backend developer,`, `our engineer, Sarah,`) and a mention
    /// (`@dana`). Products, companies and technologies (`Nginx`, `MySQL`, `AWS`), days, months and
    /// sentence adverbs ("Additionally, the engineer ...") are not names.
    ///
    /// The rule is on by default: it reports at info level, so it never fails a check, and
    /// it reads only these unambiguous patterns, so a well-written postmortem gets no
    /// findings. Turn it off (`"named-individual": "off"`) where naming people is the
    /// custom, such as timelines of chat mentions.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Timeline
    /// - 18:20 UTC - Mahari, our senior backend developer, saw failed bookings.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Timeline
    /// - 12:00 EAT - Our Site Reliability Engineer, Mr. Kyle, noticed slow responses.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 18:20 UTC - Our senior backend developer saw failed bookings on Nginx.
    /// - 18:30 UTC - Additionally, the on-call engineer restarted MySQL.
    /// ```
    pub NamedIndividual {
        code: "PM605",
        name: "named-individual",
        severity: Severity::Info,
        fixable: false,
    }
}

impl Rule for NamedIndividual {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let mut seen: Vec<String> = Vec::new();
        for_each_passage(context.document, |passage| {
            for name in names(passage.text) {
                let key = name
                    .rsplit(' ')
                    .next()
                    .unwrap_or(name)
                    .trim_start_matches('@')
                    .to_lowercase();
                if !seen.contains(&key) {
                    seen.push(key);
                    report.push(named(passage.locate(context.source, name), name));
                }
            }
        });
    }
}

fn named(span: Span, name: &str) -> Diagnostic {
    Diagnostic::new(
        &NamedIndividual::META,
        span,
        format!("`{name}` names a person"),
    )
    .with_help("Refer to the person by their role, e.g. `the on-call engineer`")
}

/// Titles that come before a surname or given name.
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof"];

/// Roles that set off a name: "Mahari, our senior backend developer".
const ROLES: &[&str] = &[
    "engineer",
    "developer",
    "administrator",
    "admin",
    "sysadmin",
    "manager",
    "lead",
    "sre",
    "architect",
    "analyst",
    "operator",
    "intern",
    "technician",
    "specialist",
    "officer",
    "cto",
    "ceo",
    "cio",
    "vp",
    "director",
    "designer",
    "tester",
    "consultant",
    "contractor",
    "dba",
    "programmer",
    "scientist",
    "colleague",
    "teammate",
    "founder",
    "owner",
];

/// Capitalised words that are not names: sentence adverbs, days, months, and the products
/// and technologies postmortems mention most.
const NOT_NAMES: &[&str] = &[
    "However",
    "Furthermore",
    "Moreover",
    "Meanwhile",
    "Then",
    "Next",
    "Later",
    "First",
    "Second",
    "Third",
    "Afterwards",
    "Afterward",
    "Thereafter",
    "Today",
    "Yesterday",
    "Tonight",
    "Therefore",
    "Thus",
    "Hence",
    "Here",
    "There",
    "Now",
    "Yes",
    "Also",
    "Again",
    "Instead",
    "Otherwise",
    "Nevertheless",
    "Nonetheless",
    "Still",
    "Soon",
    "Luckily",
    "Sadly",
    "Happily",
    "Overall",
    "Alas",
    "Oops",
    "Well",
    "Once",
    "Since",
    "After",
    "Before",
    "During",
    "While",
    "When",
    "Unless",
    "Suddenly",
    "Hopefully",
    "Indeed",
    "Besides",
    "Above",
    "Below",
    "Finally",
    "Initially",
    "Nginx",
    "Apache",
    "Redis",
    "Docker",
    "Kubernetes",
    "Terraform",
    "Puppet",
    "Ubuntu",
    "Linux",
    "Google",
    "Slack",
    "Datadog",
    "Grafana",
    "Prometheus",
    "Jenkins",
    "Postgres",
    "Mongo",
    "Cloudflare",
    "Azure",
    "Heroku",
    "Python",
    "Java",
    "Node",
    "Rails",
    "Django",
    "Flask",
    "Wordpress",
    "Boskos",
    "Prow",
    "Binder",
    "Helm",
    "Nagios",
    "Zabbix",
    "Sentry",
    "Jira",
    "Gitter",
    "Discord",
    "Twitter",
    "Amazon",
    "Microsoft",
    "Oracle",
    "Elasticsearch",
    "Kafka",
    "Rabbit",
    "Celery",
    "Varnish",
    "Haproxy",
    "Netlify",
    "Vercel",
    "Firebase",
    "Stripe",
    "Paypal",
    "Ansible",
    "Chef",
    "Vagrant",
    "Git",
    "Team",
    "Support",
    "Engineering",
    "Operations",
    "Customer",
    "Customers",
    "Users",
    "User",
    "Everyone",
    "Nobody",
    "Someone",
    "Server",
    "Database",
    "Overnight",
    "Tomorrow",
    "Earlier",
    "Morning",
    "Evening",
    "Afternoon",
    "Night",
    "Midnight",
    "Noon",
    "Weekend",
    "Anyway",
    "Regardless",
    "Likewise",
    "Plus",
    "Yet",
    "Okay",
    "Sure",
    "Together",
    "Minutes",
    "Hours",
    "Moments",
    "Seconds",
    "Moment",
    "Dear",
    "Hello",
    "Thanks",
    "Sir",
    "Madam",
];

/// Mentions that address a group, not a person.
const GROUP_MENTIONS: &[&str] = &[
    "here", "channel", "everyone", "all", "team", "oncall", "on-call",
];

/// Parts of handles that belong to services and teams, not people (`@cratesiostatus`).
const ACCOUNT_WORDS: &[&str] = &[
    "status", "bot", "team", "support", "official", "news", "help", "info", "noreply", "service",
    "ops", "alerts", "security",
];

/// A word of a run with its byte range.
struct Word<'s> {
    text: &'s str,
    start: usize,
    end: usize,
}

/// The names in a run, as written.
fn names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let signs = Signs::of(text);
    let words = if signs.may_name {
        words(text)
    } else {
        Vec::new()
    };
    for (index, word) in words.iter().enumerate() {
        let next = words.get(index + 1);
        let after = &text[word.end..];
        // "Mr. Kyle", "Dr Smith".
        if HONORIFICS.contains(&word.text)
            && let Some(next) = next
            && is_name(next.text)
            && text[word.end..next.start]
                .trim()
                .trim_start_matches('.')
                .is_empty()
        {
            names.push(&text[word.start..next.end]);
            continue;
        }
        // "Mahari, our senior backend developer," and "Habtamwa, the server administrator who".
        if after.starts_with(", ")
            && is_name(word.text)
            && role_phrase_after(text, &words[index + 1..])
            && !preceded_by_honorific(&words, index)
        {
            // "John Smith, our DBA": take the given name too.
            let start = match index.checked_sub(1).map(|before| &words[before]) {
                Some(given) if is_name(given.text) && &text[given.end..word.start] == " " => {
                    given.start
                }
                _ => word.start,
            };
            names.push(&text[start..word.end]);
            continue;
        }
        // "our lead engineer, Sarah, noticed".
        if after.starts_with(", ")
            && is_role(word.text)
            && let Some(next) = next
            && is_name(next.text)
            && text[next.end..].starts_with([',', ')'])
            && has_determiner_before(&words, index)
        {
            names.push(next.text);
        }
    }
    if signs.may_mention {
        names.extend(mentions(text));
    }
    names
}

/// What a run shows of the names it may hold: most runs show none, and are not read word by
/// word.
struct Signs {
    /// Every name but a mention comes after an honorific (written anywhere), or a name or a
    /// role comes right before ", ".
    may_name: bool,
    /// Every mention starts with `@`.
    may_mention: bool,
}

impl Signs {
    fn of(text: &str) -> Self {
        Self {
            may_name: HONORIFICS.iter().any(|honorific| text.contains(honorific))
                || text.match_indices(", ").any(|(at, _)| {
                    let word = word_before(text, at);
                    is_name(word) || is_role(word)
                }),
            may_mention: text.contains('@'),
        }
    }
}

/// Whether a word, in lowercase, is one of the [`ROLES`].
fn is_role(word: &str) -> bool {
    // The word before every ", " is looked up: a lexicon turns most away by their first and
    // last letters and length, where the list compared each with every role.
    static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::of(ROLES));
    LEXICON.contains(word)
}

fn preceded_by_honorific(words: &[Word<'_>], index: usize) -> bool {
    index > 0 && HONORIFICS.contains(&words[index - 1].text)
}

/// "our senior backend developer," or "the server administrator who": a determiner, a few
/// words, a role, and then the end of the phrase.
fn role_phrase_after(text: &str, words: &[Word<'_>]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if !matches!(
        first.text.to_lowercase().as_str(),
        "our" | "the" | "a" | "an" | "my" | "their"
    ) {
        return false;
    }
    words
        .iter()
        .enumerate()
        .skip(1)
        .take(5)
        .any(|(index, word)| {
            let role = is_role(word.text);
            let rest = &text[word.end..];
            let closes = rest.is_empty()
                || rest.starts_with([',', ')', '.', ';', ':'])
                || words
                    .get(index + 1)
                    .is_some_and(|next| matches!(next.text, "who" | "whose"));
            role && closes
        })
}

fn has_determiner_before(words: &[Word<'_>], index: usize) -> bool {
    words[index.saturating_sub(5)..index].iter().any(|word| {
        matches!(
            word.text.to_lowercase().as_str(),
            "our" | "the" | "a" | "an" | "my" | "their"
        )
    })
}

/// A capitalised word that reads as a given name or surname: "Kyle", not `MySQL`, `AWS`,
/// "Friday" or "Additionally".
fn is_name(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    first.is_uppercase()
        && rest.chars().nth(1).is_some()
        && rest.chars().all(char::is_lowercase)
        && !NOT_NAMES.contains(&word)
        && !is_calendar_name(word)
        && !is_adverb(&word.to_lowercase())
}

/// "Friday", "March": capitalised as names are, but days and months.
fn is_calendar_name(word: &str) -> bool {
    Weekday::is_name(word) || (1..=12).any(|month| time::month_name(month) == Some(word))
}

/// "Additionally", "Unfortunately": sentence adverbs, by their endings.
fn is_adverb(lower: &str) -> bool {
    [
        "ally", "ately", "ently", "antly", "ously", "ively", "fully", "edly", "ingly", "arly",
        "ctly", "stly", "ckily", "ssly",
    ]
    .iter()
    .any(|suffix| lower.ends_with(suffix))
}

/// `@handle` mentions, except e-mail addresses, package scopes and group mentions.
fn mentions(text: &str) -> Vec<&str> {
    let mut mentions = Vec::new();
    for (index, _) in text.match_indices('@') {
        let before = text[..index].chars().next_back();
        if before.is_some_and(|c| !(c.is_whitespace() || matches!(c, '(' | '[' | ',' | '`'))) {
            continue;
        }
        let handle_len = text[index + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_')))
            .unwrap_or(text.len() - index - 1);
        let handle = &text[index + 1..index + 1 + handle_len];
        let after = &text[index + 1 + handle_len..];
        let continues = after.starts_with('/')
            || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_alphanumeric());
        let lower = handle.to_lowercase();
        let valid = handle.len() >= 2
            && handle.starts_with(|c: char| c.is_ascii_alphabetic())
            && !GROUP_MENTIONS.contains(&lower.as_str())
            && !ACCOUNT_WORDS.iter().any(|word| lower.contains(word));
        if valid && !continues {
            mentions.push(&text[index..=index + handle_len]);
        }
    }
    mentions
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '-')
}

/// The word of [`words`] that ends at byte `end`, or "" when none does.
fn word_before(text: &str, end: usize) -> &str {
    let before = &text[..end];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(0, |(index, c)| index + c.len_utf8());
    &before[start..]
}

/// Words of a run: letters, digits, apostrophes and hyphens.
fn words(text: &str) -> Vec<Word<'_>> {
    static WORD_CHARS: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(is_word_char));
    WORD_CHARS
        .runs(text)
        .map(|word| {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            Word {
                text: word,
                start,
                end: start + word.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_shows_signs_of_names_by_honorifics_names_before_commas_and_mentions() {
        for (text, may_name, may_mention) in [
            ("Ask Dr Kim", true, false),
            ("Mahari, our developer,", true, false),
            ("lead engineer, then", true, false),
            ("Friday, then", false, false),
            ("ping @dana", false, true),
            ("the end, and", false, false),
            (", ", false, false),
        ] {
            let signs = Signs::of(text);
            assert_eq!(
                (signs.may_name, signs.may_mention),
                (may_name, may_mention),
                "{text:?}"
            );
        }
    }

    #[test]
    fn finds_the_roles_the_list_holds() {
        let mut words: Vec<String> = ROLES
            .iter()
            .flat_map(|role| [role.to_uppercase(), role[..1].to_uppercase() + &role[1..]])
            .collect();
        words.extend(
            [
                "",
                "engineers",
                "engine",
                "Mahari",
                "our",
                "sré",
                "\u{212A}",
                "Ceo.",
                "x-dba",
            ]
            .map(str::to_owned),
        );
        for word in &words {
            let listed = ROLES.contains(&word.to_lowercase().as_str());
            assert_eq!(is_role(word), listed, "{word:?}");
        }
    }
}
