//! Tags a timeline entry with what it records, from the words real postmortems use. Each list
//! was tuned on the corpus in ../shared/corpus and the seeds: a keyword matches at the start of
//! a word (`detect` matches "detected", not "undetected"), and the checks that need more than
//! a word (who notified whom, an attempt that did not help) are spelled out below.

use crate::model::Milestones;
use crate::text::Patterns;
use std::ops::ControlFlow;
use std::sync::LazyLock;

const DETECTION: &[&str] = &[
    "detect",
    "notice",
    "alert",
    "alarm",
    "paged",
    "pager",
    "reported",
    "reports",
    "users report",
    "customers report",
    "user report",
    "customer report",
    "complain",
    "flagged",
    "observed",
    "spotted",
    "became aware",
    "becomes aware",
    "became apparent",
    "came to our attention",
    "first sign",
    "monitoring system",
    "monitoring tool",
    "raised a ticket",
    "users began",
    "customers began",
    "users started",
    "customers started",
    "discovered the issue",
    "issue was discovered",
    "outage began",
    "issue began",
    "issue begins",
    "problem began",
    "incident began",
    "started receiving",
    "received",
];
const ACTION: &[&str] = &[
    "investigat",
    "check",
    "looked into",
    "looking into",
    "looked at",
    "examin",
    "review",
    "analy",
    "diagnos",
    "debug",
    "inspect",
    "assum",
    "suspect",
    "suspicion",
    "thought",
    "believ",
    "theory",
    "find the root cause",
    "find the cause",
    "hypothes",
    "troubleshoot",
    "explor",
    "focus",
    "ran ",
    "tested",
    "verif",
    "identified",
    "traced",
    "restart",
    "rolled back",
    "rolling back",
    "attempt",
    "tried",
    "search",
    "dig",
    "found",
    "finds",
    "discover",
    "noted",
    "determined",
    "confirmed",
    "logs",
];
const MISLEADING: &[&str] = &[
    "mislead",
    "misled",
    "misdiagnos",
    "red herring",
    "false lead",
    "false alarm",
    "wrong direction",
    "wrong path",
    "wrong track",
    "off-course",
    "off course",
    "dead end",
    "dead-end",
    "wild goose",
    "mistakenly",
    "incorrectly",
    "erroneous",
    "initially thought",
    "initially suspected",
    "initially assumed",
    "initially believed",
    "initially attributed",
    "initially focused",
    "focusing initially",
    "assumed initially",
    "initial assumption",
    "initial hypothesis",
    "initial suspicion",
    "initial theory",
    "initial investigation path",
    "initial investigation pointed",
    "initial investigations led",
    "at first",
    "first suspected",
    "suspected first",
    "first thought",
    "thought it was",
    "was believed",
    "believing the issue",
    "with the assumption",
    "under the assumption",
    "presumption",
    "was not the cause",
    "wasn't the cause",
    "not the root cause",
    "not on their side",
    "not on our side",
    "fine on their end",
    "working fine on",
    "ruled out",
    "no issues found",
    "showed no issues",
    "no immediate issues",
    "no abnormalities",
    "no anomalies",
    "nothing unusual",
    "all normal",
    "all clear",
    "no improvement",
    "no change",
    "limited relief",
    "to no avail",
    "unsuccessful",
    "without success",
    "despite",
    "persisted",
    "persists",
    "persisting",
    "remained",
    "issue still",
    "problem still",
    "error still",
    "errors still",
    "still slow",
    "still down",
    "still unresponsive",
    "still failing",
    "still occurr",
    "diverting attention",
    "distracted",
    "turned out not",
    "turned out to be fine",
    "turned out to be unrelated",
    "proved wrong",
    "proved incorrect",
    "proved unfounded",
    "proved fruitless",
    "fruitless",
    "dismissed",
    "innocent",
    "until we realiz",
    "until we realis",
    "redirected focus",
    "redirected attention",
    "redirected the investigation",
    "shifted",
    // An action that did not help.
    "changed nothing",
    "made no difference",
    "had no effect",
    "has no effect",
    "without effect",
    // A theory given up.
    "theory was dropped",
    "theory was abandoned",
    "theory was discarded",
    "theory was rejected",
    "hypothesis was dropped",
    "hypothesis was abandoned",
    "hypothesis was discarded",
    "hypothesis was rejected",
    "dropped the theory",
    "abandoned the theory",
];
/// Words that, within the three words before an outcome, say it did not happen ("did not
/// resolve", "failed to fix").
const NEGATIONS: &[&str] = &["not", "never", "no", "without", "failed", "unable"];
/// Words that, before a resolution word, make it an attempt or an aim ("attempted to restore",
/// "escalated for resolution"), not the resolution.
const INTENTS: &[&str] = &[
    "attempt",
    "attempted",
    "attempting",
    "tried",
    "trying",
    "for",
];
/// Outcomes that, negated, make the attempt before them a misleading path.
const NEGATED_OUTCOMES: &[&str] = &[
    "resolv", "help", "fix", "improv", "solv", "restor", "reduc", "lower",
];
const ESCALATION: &[&str] = &[
    "escalat",
    "called in",
    "brought in",
    "looped in",
    "roped in",
    "involved the",
    "handed over",
    "handed off",
    "handed to",
    "handled by",
    "reached out to",
    "joined the investigation",
    "joined the call",
    "joined the team",
    "joined the effort",
    "assigned",
    "passed to",
    "forwarded to",
    "summoned",
    "wake-up call",
    "engaged the",
    "engaged our",
];
/// Verbs that escalate when a person does them ("the engineer paged the DBA team"), but record
/// the detection when a tool or a user does ("monitoring alerts notified the team").
const NOTIFYING: &[&str] = &[
    "notified",
    "notify",
    "alerted",
    "informed",
    "contacted",
    "paged",
    "pinged",
    "pings",
];
/// Who notifies when the notice is the detection, not an escalation.
const DETECTORS: &[&str] = &[
    "monitor",
    "alert",
    "alarm",
    "system",
    "pagerduty",
    "datadog",
    "nagios",
    "grafana",
    "stackdriver",
    "user",
    "customer",
    "client",
    "community",
    "member",
];
/// Who is told about an incident without being asked to handle it: an announcement, not an
/// escalation.
const AUDIENCES: &[&str] = &[
    "mailing",
    "list",
    "users",
    "customers",
    "clients",
    "stakeholders",
    "public",
    "subscribers",
    "twitter",
];
const RESOLUTION: &[&str] = &[
    "resolv",
    "resolution",
    "restor",
    "fixed",
    "fixing the issue",
    "fixing the problem",
    "back online",
    "back to normal",
    "back up and",
    "is back up",
    "was back up",
    "were back up",
    "came back up",
    "back to 100",
    "was back",
    "100% back",
    "fully back",
    "were back",
    "is back",
    "are back",
    "are now back",
    "came back",
    "recover",
    "mitigat",
    "normal operation",
    "normal functioning",
    "normal service",
    "functioning normally",
    "function normally",
    "working normally",
    "running normally",
    "returned to normal",
    "returns to normal",
    "return to normal",
    "stabiliz",
    "stabilis",
    "fully functional",
    "fully operational",
    "operational again",
    "working again",
    "work correctly again",
    "accessible again",
    "accessible to users again",
    "closed the incident",
    "incident closed",
    "incident ends",
    "incident ended",
    "outage ends",
    "outage ended",
    "goes away",
    "went away",
    "service resum",
    "services resum",
    "was corrected",
    "were corrected",
    "problem solved",
    "issue solved",
    "up and running",
    "is healthy",
    "are healthy",
    "healthy again",
];
/// Words that, with a deploy or apply verb, say a fix went out ("a fix for the bug was
/// deployed").
const FIXES: &[&str] = &["fix", "hotfix", "patch"];
const SHIPPED: &[&str] = &["deployed", "applied", "rolled out", "released", "shipped"];

/// What a keyword says about an entry, by the list it comes from.
#[derive(Clone, Copy)]
enum Cue {
    Detection,
    Action,
    Misleading,
    NegatedOutcome,
    Escalation,
    Notifying,
    Resolution,
    Fix,
    Shipped,
}

/// Every keyword with its list, read in one pass over an entry's word starts.
static KEYWORDS: LazyLock<Patterns<Cue>> = LazyLock::new(|| {
    let lists = [
        (DETECTION, Cue::Detection),
        (ACTION, Cue::Action),
        (MISLEADING, Cue::Misleading),
        (NEGATED_OUTCOMES, Cue::NegatedOutcome),
        (ESCALATION, Cue::Escalation),
        (NOTIFYING, Cue::Notifying),
        (RESOLUTION, Cue::Resolution),
        (FIXES, Cue::Fix),
        (SHIPPED, Cue::Shipped),
    ];
    Patterns::new(
        lists
            .into_iter()
            .flat_map(|(keywords, cue)| keywords.iter().map(move |&keyword| (keyword, cue))),
    )
});

/// The milestones an entry's text records; `responding` says whether an earlier entry already
/// records an action, which makes a passive notice ("the DBA team was alerted") an escalation.
pub(crate) fn classify(text: &str, responding: bool) -> Milestones {
    let lowered = text.to_lowercase();
    let mut milestones = Milestones::default();
    let (mut fix, mut shipped) = (false, false);
    let mut first_action = None;
    let mut notices = Vec::new();
    KEYWORDS.at_word_starts(&lowered, |at, keyword, cue| {
        match cue {
            Cue::Detection => milestones.detection = true,
            Cue::Action => {
                milestones.action = true;
                first_action = first_action.or(Some(at));
            }
            Cue::Misleading => {
                milestones.misleading = milestones.misleading || !negated(&lowered, at, &[]);
            }
            Cue::NegatedOutcome => {
                milestones.misleading = milestones.misleading || negated(&lowered, at, &[]);
            }
            Cue::Escalation => milestones.escalation = true,
            Cue::Notifying => notices.push((keyword, at)),
            Cue::Resolution => {
                milestones.resolution = milestones.resolution || !negated(&lowered, at, INTENTS);
            }
            Cue::Fix => fix = true,
            Cue::Shipped => shipped = true,
        }
        ControlFlow::Continue(())
    });
    let response_begun = |at: usize| responding || first_action.is_some_and(|first| first < at);
    for (verb, at) in notices {
        match notice(&lowered, verb, at, response_begun(at)) {
            Some(Notice::Escalation) => milestones.escalation = true,
            Some(Notice::Detection) => milestones.detection = true,
            None => {}
        }
    }
    milestones.resolution |= fix && shipped;
    milestones
}

/// The up to `count` words before byte `at`, nearest first, without punctuation.
fn words_before(lowered: &str, at: usize, count: usize) -> impl Iterator<Item = &str> {
    let clause = text_since(lowered, at, b".;,:!?\n");
    clause
        .split_whitespace()
        .rev()
        .take(count)
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
}

/// The text before byte `at` back to the last of the (ASCII) `stops`: what
/// `text[..at].rsplit(stops).next()` gives, found a byte at a time.
fn text_since<'t>(text: &'t str, at: usize, stops: &[u8]) -> &'t str {
    let start = text.as_bytes()[..at]
        .iter()
        .rposition(|byte| stops.contains(byte))
        .map_or(0, |stop| stop + 1);
    &text[start..at]
}

/// Whether a negation, or one of `also`, stands in the three words before byte `at` ("did not
/// resolve", "failed to fix").
fn negated(lowered: &str, at: usize, also: &[&str]) -> bool {
    words_before(lowered, at, 3)
        .any(|word| NEGATIONS.contains(&word) || also.contains(&word) || word.ends_with("n't"))
}

/// What a notice records.
enum Notice {
    Escalation,
    Detection,
}

/// What the notifying verb at byte `at` records, by who does the notifying. A tool or a user
/// notifying is the detection. A person notifying someone ("the engineer paged the DBA team",
/// "pings @oncall") is an escalation. A passive notice ("the server administrator was alerted",
/// "developers notified") is an escalation once the response has begun (`response_begun`: in an
/// earlier entry or earlier in this one), and the detection before that. A notice to an
/// audience (a mailing list, the users) records neither.
fn notice(lowered: &str, verb: &str, at: usize, response_begun: bool) -> Option<Notice> {
    let sentence = text_since(lowered, at, b".;!?\n");
    let by_detector = sentence.split_whitespace().rev().take(8).any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        DETECTORS.iter().any(|detector| word.starts_with(detector))
    });
    let object = lowered[at + verb.len()..]
        .trim_start_matches(|c: char| c.is_alphabetic())
        .split_whitespace()
        .next()
        .unwrap_or_default();
    let active = object.starts_with('@')
        || matches!(
            object,
            "the" | "our" | "their" | "a" | "an" | "all" | "team"
        );
    let to_audience = words_before(lowered, at, 3)
        .chain(lowered[at..].split_whitespace().skip(1).take(4))
        .any(|word| AUDIENCES.iter().any(|audience| word.starts_with(audience)));
    if to_audience {
        None
    } else if !by_detector && (active || response_begun) {
        Some(Notice::Escalation)
    } else {
        Some(Notice::Detection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_what_entries_record() {
        let detection = classify(
            "The issue was detected through an increase in user complaints.",
            false,
        );
        assert!(detection.detection && !detection.escalation);
        assert!(
            classify(
                "Misleading investigation paths led us to a recent deploy.",
                false
            )
            .misleading
        );
        assert!(
            classify(
                "Initial assumption was a network issue; network diagnostics were run.",
                false
            )
            .misleading
        );
        assert!(classify("The incident was escalated to the DevOps team.", false).escalation);
        assert!(
            classify(
                "Normal application functionality was fully restored.",
                false
            )
            .resolution
        );
        assert!(classify("Engineers investigated the system logs.", false).action);
        assert_eq!(classify("Lunch.", false), Milestones::default());
    }

    #[test]
    fn reads_attempts_that_did_not_help_as_misleading() {
        let attempt = classify(
            "The team attempted to fix the issue by disabling the faulty code, but the website \
             remained slow and unresponsive.",
            false,
        );
        assert!(attempt.misleading && !attempt.resolution);
        let restart = classify(
            "The proxy pod is restarted. This does not resolve the issue.",
            false,
        );
        assert!(restart.misleading && !restart.resolution);
        assert!(!classify("Application performance improved.", false).misleading);
        for text in [
            "Raising the cache size did not reduce the timeouts, so it was reverted.",
            "Restarting the brokers changed nothing: lag kept growing.",
            "The replica failover had no effect on the error rate.",
            "Latency on the queue was normal all along, so the network theory was dropped.",
        ] {
            assert!(classify(text, false).misleading, "{text}");
        }
        for text in [
            "Raising the cache size reduced the timeouts by half.",
            "The change had an effect within minutes: errors fell.",
            "The theory was confirmed by the heap dump.",
        ] {
            assert!(!classify(text, false).misleading, "{text}");
        }
    }

    #[test]
    fn tells_escalation_from_detection_by_who_notifies() {
        let monitoring = classify("Monitoring alerts notified the engineering team.", false);
        assert!(monitoring.detection && !monitoring.escalation);
        let user = classify(
            "A community member notified the registry team on Zulip.",
            false,
        );
        assert!(user.detection && !user.escalation);
        assert!(
            classify(
                "Share price dip is verified, Yearn developers notified.",
                false
            )
            .escalation
        );
        let paged = classify("Operations team alerted and began diagnosing.", false);
        assert!(paged.detection && !paged.escalation);
        assert!(classify("The server administrator was alerted to the issue.", true).escalation);
        assert!(classify("The on-call engineer pinged the database team.", false).escalation);
        let paging = classify(
            "Detected by the monitoring system, which alerted the on-call engineer.",
            false,
        );
        assert!(paging.detection && !paging.escalation);
        assert!(classify("A senior developer joined the investigation.", false).escalation);
        let announced = classify("Fixed; the kubernetes-dev mailing list is notified.", true);
        assert!(!announced.escalation);
    }

    #[test]
    fn matches_at_word_starts() {
        assert!(!classify("The bug went undetected for a week.", false).detection);
        assert!(
            classify(
                "Stackdriver sends emails about the outage which we notice.",
                false
            )
            .detection
        );
        assert!(classify("A fix for the bug was deployed by the engineer.", false).resolution);
        assert!(!classify("Deploying fails; the memory leak is not fixed.", false).resolution);
    }
}
