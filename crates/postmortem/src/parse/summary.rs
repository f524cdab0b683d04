//! The summary's text → its facts. Times are scanned in each run's own source text, so every
//! span points at the exact characters written.

use crate::model::{
    AffectedShare, Document, SectionKind, Summary, TextRun, WindowTime, WrittenZone, text_runs,
};
use crate::span::Span;
use crate::text::{Patterns, sentence_around};
use crate::time::{self, CivilDate, TimeMention, epoch_minutes};
use std::borrow::Cow;
use std::cell::LazyCell;
use std::sync::LazyLock;

/// Words that say what failed or what users saw, read at word starts: the impact is not the
/// impact without one. "80% of users were affected" says how many, not what happened to them.
const EXPERIENCE_WORDS: &[&str] = &[
    // What failed.
    "service",
    "website",
    "web site",
    "site",
    "page",
    "application",
    "the app",
    "our app",
    "mobile app",
    "api",
    "endpoint",
    "server",
    "database",
    "platform",
    "login",
    "log in",
    "sign in",
    "sign-in",
    "checkout",
    "payment",
    "search",
    "dashboard",
    "gateway",
    "network",
    "notification",
    "email",
    "delivery",
    // What users saw.
    "outage",
    "down",
    "unavailab",
    "inaccessib",
    "unreachable",
    "offline",
    "unresponsive",
    "slow",
    "latency",
    "error",
    "fail",
    "unable",
    "could not",
    "couldn't",
    "cannot",
    "can't",
    "not load",
    "not work",
    "not respond",
    "disrupt",
    "degrad",
    "interrupt",
    "timeout",
    "timed out",
    "crash",
    "lost",
    "loss",
    "charged",
    "delay",
    "missing",
    "broken",
    "stuck",
    "blank",
    "invalid",
    "wrong",
    "incorrect",
    "vanish",
    "disappear",
    "stopped",
    "no longer",
    "sent no",
    "received no",
    "not receive",
    "heard nothing",
];
const ROOT_CAUSE_WORDS: &[&str] = &[
    "root cause",
    "it was found that",
    "was found to be",
    "turned out",
    "was identified as",
    "identified as the",
    "led to",
    "leading to",
    "caused",
    "a bug",
    "due to",
    "because",
    "the cause",
    "resulted from",
    "result of",
    "triggered by",
    "stemmed from",
    "stems from",
    "traced to",
    "traced back",
    "culprit",
    "causing",
    "attributed to",
    "originated",
];
/// Read in one pass over each run: the summary tries every run for every list.
static EXPERIENCE: LazyLock<Patterns<()>> = LazyLock::new(|| Patterns::of(EXPERIENCE_WORDS));
static ROOT_CAUSE_PHRASES: LazyLock<Patterns<()>> =
    LazyLock::new(|| Patterns::of(ROOT_CAUSE_WORDS));
const WHOLE_SHARES: &[&str] = &[
    "all users",
    "all of our users",
    "all our users",
    "all the users",
    "all customers",
    "all of our customers",
    "all our customers",
    "every user",
    "everyone",
    "entire user base",
    "all visitors",
    "all clients",
    "all requests",
    "all of the users",
    "all active users",
    "all website visitors",
    "all platform users",
];
const PEOPLE: &[&str] = &[
    "user",
    "customer",
    "client",
    "visitor",
    "people",
    "subscriber",
    "account",
    "shopper",
    "student",
    "member",
    "player",
    "merchant",
    "seller",
    "buyer",
    "tenant",
    "driver",
    "depositor",
    "employee",
    "developer",
    "patient",
    "passenger",
    "reader",
    "viewer",
    "learner",
];

/// The runs a summary is judged on, and the first run of a root-cause section among them
/// (whose text states the cause, as a `Root Cause:` label's line does). Under a summary
/// heading, the summary runs on to the timeline when the timeline stands in its usual place,
/// before the root cause or the measures (LABELS.md: "the summary runs from it to the
/// timeline"): a reader takes the background, the impact and even a short `## Root Cause`
/// written between them as part of it. With the timeline written last or missing, it ends at
/// the first section that plays another part, unless that section is nested under the
/// summary heading. Impact sections elsewhere count too. Without a summary heading, the
/// opening stands in for it: the text and the sections before the first that plays another
/// part.
fn summary_runs(document: &Document) -> (Vec<TextRun>, Option<Span>) {
    let sections = &document.sections;
    let headed = sections
        .iter()
        .position(|section| section.kind == SectionKind::Summary);
    let (summary, mut runs) = if let Some(first) = headed {
        let depth = sections[first].depth;
        let later = &sections[first + 1..];
        // The timeline in its usual place, before the root cause or the measures, ends the
        // summary; one written last leaves the summary to end at the root cause.
        let timeline_follows = later
            .iter()
            .skip_while(|section| section.kind != SectionKind::Timeline)
            .any(|section| {
                matches!(
                    section.kind,
                    SectionKind::RootCause | SectionKind::Resolution | SectionKind::Measures
                )
            });
        let within = later
            .iter()
            .take_while(|section| {
                section.kind != SectionKind::Timeline
                    && (timeline_follows
                        || section.depth > depth
                        || !plays_its_own_part(section.kind))
            })
            .count();
        (first..first + within + 1, Vec::new())
    } else {
        // The opening runs on only to a section that ends it: in a story told in chapters,
        // with no timeline or root cause heading, the opening is the text before the first.
        let opening = sections
            .iter()
            .position(|section| plays_its_own_part(section.kind))
            .unwrap_or(0);
        (0..opening, text_runs(&document.preamble))
    };
    let mut cause_run = None;
    for (index, section) in sections.iter().enumerate() {
        if summary.contains(&index) || section.kind == SectionKind::Impact {
            let section_runs = text_runs(&section.blocks);
            if section.kind == SectionKind::RootCause && cause_run.is_none() {
                cause_run = section_runs.first().map(|run| run.span);
            }
            runs.extend(section_runs);
        }
    }
    (runs, cause_run)
}

/// Whether a section of `kind` ends the summary that runs into it.
fn plays_its_own_part(kind: SectionKind) -> bool {
    !matches!(
        kind,
        SectionKind::Summary
            | SectionKind::Impact
            | SectionKind::Detection
            | SectionKind::Trigger
            | SectionKind::Other
    )
}

pub(crate) fn summary(source: &str, document: &Document) -> Summary {
    let (runs, cause_run) = summary_runs(document);
    let mut summary = Summary::default();
    let mut times: Vec<Located> = Vec::new();
    let mut first_date = None;
    let mut labelled: Option<Fact> = None;
    for run in &runs {
        let text = run.span.text(source);
        // Lowered only for the checks that still need it: most runs after the first few don't.
        let lowered = LazyCell::new(|| text.to_lowercase());
        let dates = time::find_dates(text);
        for mention in time::find_times_among_dates(text, &dates) {
            times.push((mention, run.span.start));
        }
        if first_date.is_none() {
            first_date = dates.iter().find_map(time::DateMention::civil);
        }
        if summary.zone.is_none() {
            summary.zone = time::find_zones(text)
                .into_iter()
                .next()
                .map(|zone| written_zone(&zone, run.span.start));
        }
        if summary.stated_minutes.is_none()
            && let Some(duration) = time::find_durations(text)
                .into_iter()
                .find(|duration| states_outage_length(text, &duration.span))
        {
            summary.stated_minutes =
                Some((duration.minutes, shift(&duration.span, run.span.start)));
        }
        if is_label(text) {
            let label = lowered.as_str();
            labelled = if label.contains("cause") {
                Some(Fact::RootCause)
            } else if label.contains("impact") {
                Some(Fact::Impact)
            } else {
                None
            };
            continue;
        }
        // A fact is what its label says: the line after "Root Cause:", or an item labelled
        // "**Impact:**", which states the impact even when it says what the impact led to.
        let fact = labelled.take().or_else(|| labelled_fact(text));
        match fact {
            Some(Fact::RootCause) if summary.root_cause.is_none() => {
                summary.root_cause = Some(run.span);
                summary.root_cause_sentence = Some(run.span);
            }
            Some(Fact::Impact) if summary.impact.is_none() => summary.impact = Some(run.span),
            _ => {}
        }
        // Lowercased in ASCII only, where a byte offset must point into `text` too; only for
        // the facts still missing.
        let ascii = LazyCell::new(|| -> Cow<str> {
            if text.is_ascii() {
                Cow::Borrowed(lowered.as_str())
            } else {
                Cow::Owned(text.to_ascii_lowercase())
            }
        });
        let sentence_at = |at: usize| shift(&sentence_around(text, at), run.span.start);
        // The labelled impact, when it says what happened, is the impact's own sentence.
        if (summary.experience.is_none() || fact == Some(Fact::Impact))
            && fact != Some(Fact::RootCause)
            && let Some(at) = EXPERIENCE.first_at_word_start(&ascii)
        {
            summary.experience = Some(sentence_at(at));
            summary.impact = summary.impact.or(Some(run.span));
        }
        if summary.affected_share.is_none() {
            summary.affected_share = affected_share_in(&ascii, run.span.start);
        }
        if summary.root_cause.is_none()
            && fact != Some(Fact::Impact)
            && let Some((at, _)) = ROOT_CAUSE_PHRASES.first_listed(&ascii)
        {
            summary.root_cause = Some(run.span);
            summary.root_cause_sentence = Some(sentence_at(at));
        }
    }
    if summary.root_cause.is_none() {
        summary.root_cause = cause_run;
        summary.root_cause_sentence = cause_run;
    }
    let default_offset = summary.zone.as_ref().and_then(|zone| zone.offset_minutes);
    if let Some((start, end)) = window(source, &times) {
        summary.start = Some(window_time(&start.0, start.1, first_date, default_offset));
        summary.end =
            end.map(|(mention, base)| window_time(mention, *base, first_date, default_offset));
    }
    if let (Some(start), Some(end)) = (&summary.start, &mut summary.end) {
        roll_past_midnight(start, end);
    }
    summary.anchor = match document.section(SectionKind::Summary) {
        Some(section) => Some(section.heading.span),
        None => runs
            .iter()
            .find(|run| run.origin != crate::model::RunOrigin::Html)
            .or(runs.first())
            .map(|run| run.span),
    };
    summary.runs = runs;
    summary
}

/// A fact that the line after a label states ("Root Cause:" then the cause).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fact {
    RootCause,
    Impact,
}

/// "lasted two hours", "down for 90 minutes", "Duration: 1 hour", but not "within 10 minutes of
/// the update", nor how long one request waited ("the page spun for a minute", "requests hung
/// for 30 seconds"): that is what users saw of the outage, not its length.
fn states_outage_length(text: &str, duration: &std::ops::Range<usize>) -> bool {
    let before = text
        .get(..duration.start)
        .unwrap_or_default()
        .to_lowercase();
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(4)
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let states_length = words.iter().any(|word| {
        matches!(
            *word,
            "lasted"
                | "lasting"
                | "for"
                | "duration"
                | "total"
                | "took"
                | "spanned"
                | "approximately"
                | "about"
                | "roughly"
                | "nearly"
                | "almost"
                | "over"
        )
    });
    let waited = words
        .iter()
        .skip_while(|word| **word != "for")
        .nth(1)
        .is_some_and(|verb| WAITING.contains(verb));
    let after = text.get(duration.end..).unwrap_or_default().trim_start();
    let ended = words.iter().any(|word| ENDED.contains(word));
    // "fixed 20 minutes later", "patched within 24 minutes": the time from the start to the
    // end. "Within 10 minutes of the deploy" measures from something else.
    let ended_within = ended
        && words.contains(&"within")
        && !["of", "after", "from"]
            .iter()
            .any(|word| after.split_whitespace().next() == Some(word));
    let ended_later = ended && after.starts_with("later");
    (states_length && !waited && !words.contains(&"within")) || ended_within || ended_later
}

/// Verbs that say the outage ended.
const ENDED: &[&str] = &[
    "fixed",
    "resolved",
    "restored",
    "mitigated",
    "recovered",
    "stopped",
    "patched",
    "ended",
];

/// Verbs of a request or a page waiting: the length after them ("spun for") is a latency.
const WAITING: &[&str] = &[
    "spun", "spin", "spins", "spinning", "hung", "hang", "hangs", "hanging", "waited", "wait",
    "waits", "waiting", "loaded", "loading", "froze", "freeze", "freezes", "freezing", "paused",
    "pausing",
];

/// The fact a run's own label names: `- **Impact:** ...`, `Root cause: ...`.
fn labelled_fact(text: &str) -> Option<Fact> {
    let text = text.trim_start();
    let text = text
        .strip_prefix(['-', '*', '+'])
        .filter(|rest| rest.starts_with(' '))
        .unwrap_or(text)
        .trim_start()
        .trim_start_matches(['*', '_']);
    let (label, _) = text.split_once(':')?;
    let label = label.trim_end_matches(['*', '_']).trim();
    let is_label = !label.is_empty()
        && label.split_whitespace().count() <= 4
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '/' | '&'));
    if !is_label {
        return None;
    }
    let label = label.to_lowercase();
    if label.contains("cause") {
        Some(Fact::RootCause)
    } else if label.contains("impact") {
        Some(Fact::Impact)
    } else {
        None
    }
}

/// A label alone on its line ("**Root Cause:**"): the statement follows it.
fn is_label(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['*', '_']);
    text.ends_with(':') && text.split_whitespace().count() <= 5
}

type Located = (TimeMention, u32);

/// The outage window among the summary's times: a written range ("from 10:00 to 11:00",
/// "between 1:00 PM and 3:30 PM"), else the first time and a later one the text marks as the
/// end ("until 1:10 AM", "End Time: 12:00 PM", "restored at 15:20").
fn window<'t>(source: &str, times: &'t [Located]) -> Option<(&'t Located, Option<&'t Located>)> {
    let start = times.first()?;
    for pair in times.windows(2) {
        let ((first, first_base), (second, second_base)) = (&pair[0], &pair[1]);
        if first_base == second_base {
            let between = source
                .get(
                    (*first_base as usize + date_or_time_end(first))
                        ..(*second_base as usize + date_or_time_start(second)),
                )
                .unwrap_or_default();
            if is_range_connector(between) {
                return Some((&pair[0], Some(&pair[1])));
            }
        }
    }
    let end = times[1..].iter().find(|(mention, base)| {
        let line_start = source
            .get(..*base as usize)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |index| index + 1);
        let before = source
            .get(line_start..*base as usize + date_or_time_start(mention))
            .unwrap_or_default()
            .to_lowercase();
        let mut cut = before.len().saturating_sub(40);
        while !before.is_char_boundary(cut) {
            cut += 1;
        }
        let before = &before[cut..];
        [
            "end",
            "until",
            "till",
            "resolved",
            "restored",
            "recovered",
            "fixed",
            "mitigated",
            "back online",
            "back up",
            "persisted",
        ]
        .iter()
        .any(|word| before.contains(word))
    });
    Some((start, end))
}

fn date_or_time_start(mention: &TimeMention) -> usize {
    match &mention.date {
        Some(date) if !mention.date_inherited => date.span.start.min(mention.span.start),
        _ => mention.span.start,
    }
}

/// Where a time ends with its zone, or with its date when the date follows it ("23:38 UTC on
/// 7 February 2025"), so that what follows is what joins it to the range's other end.
fn date_or_time_end(mention: &TimeMention) -> usize {
    match &mention.date {
        Some(date) if !mention.date_inherited => date.span.end.max(mention.extent.end),
        _ => mention.extent.end,
    }
}

/// "to", "-", "until", "and" (after "between"): what stands between the two ends of a range.
fn is_range_connector(between: &str) -> bool {
    let words: String = between
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '–' | '—' | '~' | '→') {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = words.split_whitespace().collect();
    matches!(
        words.as_slice(),
        ["to" | "-" | "–" | "—" | "~" | "→" | "until" | "till" | "through" | "and"]
            | ["and" | "up", "to" | "until"]
            | ["on", _, "to"]
    )
}

fn window_time(
    mention: &TimeMention,
    base: u32,
    default_date: Option<CivilDate>,
    default_offset: Option<i32>,
) -> WindowTime {
    let date = mention.civil_date(default_date);
    let offset_minutes = mention.offset_minutes().or(if mention.zone.is_none() {
        default_offset
    } else {
        None
    });
    WindowTime {
        span: shift(&mention.span, base),
        clock: mention.clock,
        date,
        date_written: mention.date.is_some() && !mention.date_inherited,
        zone: mention.zone.as_ref().map(|zone| written_zone(zone, base)),
        offset_minutes,
        instant: date
            .zip(offset_minutes)
            .map(|(date, offset)| epoch_minutes(date, mention.clock, offset)),
    }
}

/// "6:20 PM until 1:10 AM" ends the next day, unless the end's own date says otherwise.
fn roll_past_midnight(start: &WindowTime, end: &mut WindowTime) {
    if let (Some(start_instant), Some(end_instant)) = (start.instant, end.instant)
        && !end.date_written
        && end_instant < start_instant
        && end.date == start.date
        && end.clock < start.clock
    {
        end.instant = Some(end_instant + 24 * 60);
        end.date = end.date.and_then(|date| date.add_days(1));
    }
}

pub(crate) fn shift(range: &std::ops::Range<usize>, base: u32) -> Span {
    let span = Span::from_range(range.clone());
    Span::new(base + span.start, base + span.end)
}

pub(crate) fn written_zone(zone: &time::Zone, base: u32) -> WrittenZone {
    WrittenZone {
        text: zone.text.clone(),
        span: shift(&zone.span, base),
        offset_minutes: zone.lookup.offset_minutes(),
        ambiguous: zone.lookup.is_ambiguous(),
    }
}

/// [`affected_share_in`] of a text in any case.
#[cfg(test)]
fn affected_share(text: &str, base: u32) -> Option<AffectedShare> {
    affected_share_in(&text.to_ascii_lowercase(), base)
}

/// A percentage, "all users", or a number of people, in a text lowercased in ASCII: the
/// summary lowercases each run once, which for ASCII text is the same.
fn affected_share_in(lowered: &str, base: u32) -> Option<AffectedShare> {
    static WHOLE: LazyLock<Patterns<()>> = LazyLock::new(|| Patterns::of(WHOLE_SHARES));
    // Under a label that names people ("Affected users: 12%"), any share is theirs.
    let labelled_people = lowered.split_once(':').is_some_and(|(label, _)| {
        !crate::parse::exceeds_words(label, 4)
            && label
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| PEOPLE.iter().any(|person| word.starts_with(person)))
    });
    if let Some((start, end, per_mille)) = percentage(lowered, labelled_people) {
        return Some(AffectedShare {
            span: Span::new(base + to_u32(start), base + to_u32(end)),
            per_mille: Some(per_mille),
        });
    }
    if let Some((index, phrase)) = WHOLE.first_listed(lowered) {
        return Some(AffectedShare {
            span: Span::new(base + to_u32(index), base + to_u32(index + phrase.len())),
            per_mille: Some(1000),
        });
    }
    counted_people(lowered).map(|(start, end)| AffectedShare {
        span: Span::new(base + to_u32(start), base + to_u32(end)),
        per_mille: None,
    })
}

/// `45% of users`, `45 percent of customers`, `12.5% users`: byte range and value in tenths
/// of a percent. With `of_anyone`, any percentage: the text has said whose share it gives.
fn percentage(lowered: &str, of_anyone: bool) -> Option<(usize, usize, u32)> {
    let bytes = lowered.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index].is_ascii_digit()
            && (index == 0 || !bytes[index - 1].is_ascii_alphanumeric())
        {
            let start = index;
            while index < bytes.len() && (bytes[index].is_ascii_digit() || bytes[index] == b'.') {
                index += 1;
            }
            let number = lowered[start..index].trim_end_matches('.');
            let mut after = index;
            while after < bytes.len() && bytes[after] == b' ' {
                after += 1;
            }
            let rest = &lowered[after..];
            let marker = if rest.starts_with('%') {
                Some(1)
            } else if rest.starts_with("percent") {
                Some("percent".len())
            } else if rest.starts_with("per cent") {
                Some("per cent".len())
            } else {
                None
            };
            if let (Some(length), Ok(value)) = (marker, number.parse::<f64>())
                && (of_anyone || of_people(&lowered[after + length..]))
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let per_mille = (value * 10.0).round().clamp(0.0, f64::from(u32::MAX)) as u32;
                return Some((start, after + length, per_mille));
            }
        } else {
            index += 1;
        }
    }
    None
}

/// Whether what follows a percentage says it is of people: "of users", "of our active
/// customers", "users", or nothing at all. "55% of all traffic", "100% of the webserver" and
/// "30% degradation" are shares of something else.
fn of_people(after: &str) -> bool {
    const BETWEEN: usize = 3;
    let mut words = after
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .peekable();
    let is_people = |word: &str| PEOPLE.iter().any(|person| word.starts_with(person));
    // A share with nothing after it in its clause ("12%,", "(about 40%)") is whoever the
    // sentence is about: most often the users, and nothing says otherwise.
    if !after.starts_with(char::is_whitespace) || after.trim_start().is_empty() {
        return true;
    }
    if words.next_if_eq(&"of").is_none() {
        return words.next().is_some_and(is_people);
    }
    words.take(BETWEEN + 1).any(is_people)
}

/// Counts written as words: "three depositors", "two customers".
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "fifty", "hundred", "thousand",
];

/// "10,000 users", "thousands of customers", "the majority of users", "half of our users".
fn counted_people(lowered: &str) -> Option<(usize, usize)> {
    // "Most users" or "a significant number of users" says no share: vague, not counted.
    const QUANTIFIERS: &[&str] = &["half of", "thousands of", "hundreds of", "millions of"];
    static QUANTIFIED: LazyLock<Patterns<()>> = LazyLock::new(|| Patterns::of(QUANTIFIERS));
    static NUMBERS: LazyLock<Patterns<()>> = LazyLock::new(|| Patterns::of(NUMBER_WORDS));
    if let Some((index, phrase)) = QUANTIFIED.first_listed(lowered) {
        return Some((index, index + phrase.len()));
    }
    // A count is written in digits or as a number word: without one, the words need not be
    // read.
    if !lowered.bytes().any(|byte| byte.is_ascii_digit()) && !NUMBERS.any_in(lowered) {
        return None;
    }
    let mut words = lowered
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - lowered.as_ptr() as usize, word));
    let mut previous = words.next()?;
    words.find_map(|(noun_start, noun)| {
        let (start, number) = std::mem::replace(&mut previous, (noun_start, noun));
        let is_number = is_count(number);
        // The count's span ends with the noun, not the punctuation after it: the form
        // replaces exactly this span, and "12,000 customers," keeps its comma.
        let noun = noun.trim_end_matches(|c: char| !c.is_alphanumeric());
        (is_number && PEOPLE.iter().any(|person| noun.starts_with(person)))
            .then_some((start, noun_start + noun.len()))
    })
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Whether a lowercase word is a count: digits with separators (`12,000`, `~300`, `1.5`,
/// `100+`) or a number in words.
fn is_count(word: &str) -> bool {
    (word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | '~')))
        || NUMBER_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary_of(source: &str) -> Summary {
        crate::parse(source).summary
    }

    #[test]
    fn the_summary_runs_on_to_the_section_that_plays_another_part() {
        let source = "# Checkout outage\n\n## Summary\n\nPayments failed.\n\n## Background\n\nAt 09:12 UTC the first page fired; it was fixed 20 minutes later.\n\n## Timeline\n\n- 09:12 UTC Page\n\n## Later notes\n\nAt 11:00 UTC we wrote this.\n";
        let summary = summary_of(source);
        let start = summary.start.expect("the background's time");
        assert_eq!(start.span.text(source), "09:12");
        assert!(summary.zone.is_some());
        assert_eq!(summary.stated_minutes.map(|(minutes, _)| minutes), Some(20));
        let summary_text: String = summary
            .runs
            .iter()
            .map(|run| run.span.text(source))
            .collect();
        assert!(!summary_text.contains("11:00"), "{summary_text}");
    }

    #[test]
    fn a_length_is_the_outage_s_when_it_says_so() {
        let stated = |text: &str| {
            time::find_durations(text)
                .iter()
                .any(|duration| states_outage_length(text, &duration.span))
        };
        assert!(stated("The site was down for 40 minutes."));
        assert!(stated("Service was restored 40 minutes later."));
        assert!(!stated("The first alert fired 5 minutes later."));
        assert!(!stated("Pages spun for 30 seconds before failing."));
        assert!(!stated("Restored within 10 minutes of the rollback."));
        assert!(stated("The bug was found and patched within 24 minutes."));
    }

    #[test]
    fn sections_nested_under_the_summary_are_part_of_it() {
        let source = "## Summary\n\n### Duration\n\nFrom 09:12 to 09:32 UTC.\n\n### Root Cause\n\nA bad feature flag caused the failures.\n\n## Timeline\n\n- 09:12 UTC Page\n";
        let summary = summary_of(source);
        assert!(summary.start.is_some() && summary.end.is_some());
        assert!(summary.root_cause.is_some());
    }

    #[test]
    fn without_a_summary_heading_the_opening_runs_on_to_the_timeline() {
        let source = "# Checkout outage\n\nPayments failed.\n\n## Background\n\nIt began at 09:12 UTC.\n\n## Timeline\n\n- 09:12 UTC Page\n";
        assert!(summary_of(source).start.is_some());
        // With nothing after it that ends the opening, a chapter is not part of it.
        let story = "# Checkout outage\n\nA tale of woe.\n\n## The long night\n\nIt began at 09:12 UTC and checkout failed.\n";
        let summary = summary_of(story);
        assert!(summary.start.is_none() && summary.experience.is_none());
    }

    #[test]
    fn a_timeline_label_under_the_summary_heading_ends_it() {
        let source = "## Summary\n\nOrdering failed from 09:12 to 10:40.\n\n**Timeline:**\n\n- 09:12 UTC Page\n";
        assert!(summary_of(source).zone.is_none());
    }

    #[test]
    fn a_root_cause_section_ends_the_summary() {
        let source = "## Summary\n\nPayments failed.\n\n## Root cause\n\nA bad flag, set at 09:10 UTC, caused it.\n";
        let summary = summary_of(source);
        assert!(summary.start.is_none());
        assert!(summary.root_cause.is_none());
    }

    #[test]
    fn reads_shares_as_people_write_them() {
        assert_eq!(
            percentage("approximately 45% of users", false).map(|found| found.2),
            Some(450)
        );
        assert_eq!(
            percentage("12.5 percent of our customers", false).map(|found| found.2),
            Some(125)
        );
        assert_eq!(
            percentage("80% users saw errors", false).map(|found| found.2),
            Some(800)
        );
        // A share of something other than people is not a share of users.
        for other in [
            "12.5 percent of traffic",
            "100% of the webserver was down",
            "a 30% degradation in user experience",
            "v2 of the api",
        ] {
            assert_eq!(percentage(other, false), None, "{other}");
        }
        assert!(
            affected_share("Three users that made withdrawals lost funds", 0)
                .is_some_and(|share| share.per_mille.is_none())
        );
        assert!(affected_share("Most users could not log in", 0).is_none());
        assert!(affected_share("Affected users: 12%", 0).is_some());
        assert!(affected_share("Around 12%, about 30% of those with a parcel", 0).is_some());
        assert!(affected_share("It failed for all traffic", 0).is_none());
        assert!(
            affected_share("It impacted all users.", 0)
                .is_some_and(|share| share.per_mille == Some(1000))
        );
        assert!(
            affected_share("About 10,000 users could not log in", 0)
                .is_some_and(|share| share.per_mille.is_none())
        );
        assert!(affected_share("The site was slow", 0).is_none());
    }

    #[test]
    fn counts_people_as_reading_every_pair_of_words_does() {
        let by_pairs = |lowered: &str| {
            let words: Vec<(usize, &str)> = lowered
                .split_whitespace()
                .map(|word| (word.as_ptr() as usize - lowered.as_ptr() as usize, word))
                .collect();
            words.windows(2).find_map(|pair| {
                let ((start, number), (noun_start, noun)) = (pair[0], pair[1]);
                let noun = noun.trim_end_matches(|c: char| !c.is_alphanumeric());
                let is_number = is_count(number);
                (is_number && PEOPLE.iter().any(|person| noun.starts_with(person)))
                    .then_some((start, noun_start + noun.len()))
            })
        };
        for lowered in [
            "",
            "users",
            "10,000 users",
            "about 10,000 users and 5 customers",
            "é 3 clients é",
            "v2 users",
            "2 ~ users 3",
            "5\u{a0}users",
            "12,000 customers, about",
            "three depositors lost",
        ] {
            assert_eq!(counted_people(lowered), by_pairs(lowered), "{lowered:?}");
        }
    }
}
