//! Incident metrics: when the outage started, was detected, escalated and resolved, and the
//! times between, from the summary and the timeline.
//!
//! The summary's window wins for the start and the resolution: it is the author's statement of
//! the outage. The timeline gives the detection and the escalation (the first entries that
//! record them), and stands in for a window the summary does not state. Every instant says
//! which of the two it came from. Where the two contradict each other (a detection written
//! before the outage began), the duration between them is `null` rather than negative: the
//! diagnostics (PM304) already point at the contradiction.

use crate::model::{Document, Milestones, TimelineEntry};
use crate::span::Span;
use crate::time::format_rfc3339;
use serde::{Serialize, Serializer};

/// Where an instant was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Summary,
    Timeline,
}

/// A point of the incident, as far as the document places it in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instant {
    /// Minutes since the Unix epoch, when the date (with its year) and the zone are known.
    pub epoch_minutes: Option<i64>,
    pub offset_minutes: Option<i32>,
    /// For a timeline entry, minutes since the timeline's first timed entry: entries compare
    /// with one another even when their dates or zones are not written.
    pub elapsed_minutes: Option<i64>,
    pub source: Source,
    /// Where it is written.
    pub span: Span,
}

impl Instant {
    /// RFC 3339 in the zone it was written in (`2024-10-03T14:05:00Z`), when the instant is
    /// known.
    pub fn rfc3339(&self) -> Option<String> {
        format_rfc3339(self.epoch_minutes?, self.offset_minutes?)
    }

    /// Minutes from `self` to `later`: from the instants, else (both in the timeline) from
    /// the timeline's own clock.
    fn minutes_until(&self, later: &Instant) -> Option<i64> {
        match (self.epoch_minutes, later.epoch_minutes) {
            (Some(from), Some(to)) => to.checked_sub(from),
            _ if self.source == Source::Timeline && later.source == Source::Timeline => {
                later.elapsed_minutes?.checked_sub(self.elapsed_minutes?)
            }
            _ => None,
        }
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.rfc3339() {
            Some(text) => serializer.serialize_str(&text),
            None => serializer.serialize_none(),
        }
    }
}

/// The incident's key instants and the durations between them; `None` (JSON `null`) for what
/// the document does not tell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub start: Option<Instant>,
    pub detected: Option<Instant>,
    pub escalated: Option<Instant>,
    pub resolved: Option<Instant>,
    /// From the start to the detection.
    pub time_to_detect_seconds: Option<i64>,
    /// From the detection to the escalation.
    pub time_to_escalate_seconds: Option<i64>,
    /// From the start to the resolution.
    pub time_to_resolve_seconds: Option<i64>,
    /// The outage window: the summary's start to its end, else the first to the last timed
    /// timeline entry.
    pub duration_seconds: Option<i64>,
    /// Which source each instant came from.
    pub sources: Sources,
}

/// The source of each of [`Metrics`]' instants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sources {
    pub start: Option<Source>,
    pub detected: Option<Source>,
    pub escalated: Option<Source>,
    pub resolved: Option<Source>,
}

impl Metrics {
    pub fn of(document: &Document) -> Self {
        let summary = &document.summary;
        // A summary time counts only with its instant: a clock alone cannot be set against
        // the timeline's.
        let from_summary = |time: Option<&crate::model::WindowTime>| {
            let time = time?;
            Some(Instant {
                epoch_minutes: Some(time.instant?),
                offset_minutes: time.offset_minutes,
                elapsed_minutes: None,
                source: Source::Summary,
                span: time.span,
            })
        };
        let timed: Vec<(&TimelineEntry, Instant)> = document
            .timeline
            .entries
            .iter()
            .filter_map(|entry| Some((entry, timeline_instant(entry)?)))
            .collect();
        let first_with = |milestone: fn(&Milestones) -> bool| {
            timed
                .iter()
                .find(|(entry, _)| milestone(&entry.milestones))
                .map(|(_, instant)| *instant)
        };
        let start = from_summary(summary.start.as_ref())
            .or_else(|| timed.first().map(|(_, instant)| *instant));
        let resolved = from_summary(summary.end.as_ref()).or_else(|| {
            timed
                .iter()
                .rev()
                .find(|(entry, _)| entry.milestones.resolution)
                .map(|(_, instant)| *instant)
        });
        let detected = first_with(|milestones| milestones.detection);
        let escalated = first_with(|milestones| milestones.escalation);
        let window_end = from_summary(summary.end.as_ref())
            .or_else(|| timed.last().map(|(_, instant)| *instant));
        let window_start = from_summary(summary.start.as_ref())
            .or_else(|| timed.first().map(|(_, instant)| *instant));
        Self {
            time_to_detect_seconds: seconds_between(start, detected),
            time_to_escalate_seconds: seconds_between(detected, escalated),
            time_to_resolve_seconds: seconds_between(start, resolved),
            duration_seconds: seconds_between(window_start, window_end),
            sources: Sources {
                start: start.map(|instant| instant.source),
                detected: detected.map(|instant| instant.source),
                escalated: escalated.map(|instant| instant.source),
                resolved: resolved.map(|instant| instant.source),
            },
            start,
            detected,
            escalated,
            resolved,
        }
    }
}

fn timeline_instant(entry: &TimelineEntry) -> Option<Instant> {
    let time = entry.time.as_ref()?;
    Some(Instant {
        epoch_minutes: time.instant,
        offset_minutes: time.offset_minutes,
        elapsed_minutes: time.elapsed_minutes,
        source: Source::Timeline,
        span: time.span,
    })
    .filter(|instant| instant.epoch_minutes.is_some() || instant.elapsed_minutes.is_some())
}

/// Seconds from `from` to `to`; `None` when they cannot be compared or `to` comes first.
fn seconds_between(from: Option<Instant>, to: Option<Instant>) -> Option<i64> {
    let minutes = from?.minutes_until(&to?)?;
    (minutes >= 0).then(|| minutes.saturating_mul(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics(source: &str) -> Metrics {
        Metrics::of(&crate::parse(source))
    }

    fn json(source: &str) -> serde_json::Value {
        serde_json::to_value(metrics(source)).unwrap()
    }

    const OUTAGE: &str = "# Checkout outage

## Issue Summary

From 14:05 to 15:20 UTC on October 3, 2024, checkout failed for 45% of users. The root cause was a bad deploy.

## Timeline

- 14:08 UTC - An alert fired: checkout error rate above 5%.
- 14:20 UTC - Escalated to the payments team.
- 15:10 UTC - Rolled back the deploy.
- 15:20 UTC - Error rate back to normal; incident resolved.
";

    #[test]
    fn reads_the_window_from_the_summary_and_the_milestones_from_the_timeline() {
        assert_eq!(
            json(OUTAGE),
            serde_json::json!({
                "start": "2024-10-03T14:05:00Z",
                "detected": "2024-10-03T14:08:00Z",
                "escalated": "2024-10-03T14:20:00Z",
                "resolved": "2024-10-03T15:20:00Z",
                "timeToDetectSeconds": 180,
                "timeToEscalateSeconds": 720,
                "timeToResolveSeconds": 4500,
                "durationSeconds": 4500,
                "sources": {
                    "start": "summary",
                    "detected": "timeline",
                    "escalated": "timeline",
                    "resolved": "summary"
                }
            })
        );
    }

    #[test]
    fn keeps_the_offset_the_times_were_written_in() {
        let source = OUTAGE.replace(" UTC", " EAT");
        let metrics = metrics(&source);
        assert_eq!(
            metrics.start.unwrap().rfc3339().as_deref(),
            Some("2024-10-03T14:05:00+03:00")
        );
        assert_eq!(metrics.time_to_resolve_seconds, Some(4500));
    }

    #[test]
    fn the_timeline_stands_in_for_a_summary_without_a_window() {
        let source = OUTAGE
            .replace(
                "From 14:05 to 15:20 UTC on October 3, 2024, checkout",
                "Checkout",
            )
            .replace("- 1", "- 2024-10-03 1");
        let metrics = metrics(&source);
        assert_eq!(metrics.sources.start, Some(Source::Timeline));
        assert_eq!(metrics.sources.resolved, Some(Source::Timeline));
        assert_eq!(
            metrics.time_to_detect_seconds,
            Some(0),
            "the first entry is the detection"
        );
        assert_eq!(metrics.time_to_resolve_seconds, Some(72 * 60));
    }

    #[test]
    fn crosses_midnight_and_days() {
        let source = "# Night outage

## Issue Summary

From 23:40 UTC on March 9, 2024 to 01:10 UTC on March 10, 2024, logins failed for all users. The root cause was an expired certificate.

## Timeline

- 23:52 UTC - Alert fired for login failures.
- 00:15 UTC - Escalated to the identity team.
- 01:10 UTC - New certificate deployed; resolved.
";
        let metrics = metrics(source);
        assert_eq!(
            metrics.escalated.unwrap().rfc3339().as_deref(),
            Some("2024-03-10T00:15:00Z")
        );
        assert_eq!(metrics.time_to_detect_seconds, Some(12 * 60));
        assert_eq!(metrics.time_to_escalate_seconds, Some(23 * 60));
        assert_eq!(metrics.time_to_resolve_seconds, Some(90 * 60));
    }

    #[test]
    fn a_contradiction_gives_no_negative_duration() {
        let source = OUTAGE.replace("- 14:08 UTC - An alert", "- 13:50 UTC - An alert");
        let metrics = metrics(&source);
        assert_eq!(metrics.sources.detected, Some(Source::Timeline));
        assert_eq!(metrics.time_to_detect_seconds, None);
        assert_eq!(metrics.time_to_escalate_seconds, Some(30 * 60));
    }

    #[test]
    fn a_timeline_without_dates_still_gives_its_durations() {
        let source = "# Booking outage

## Issue Summary

The incident began at 6:20 PM and persisted until 1:10 AM. Bookings failed for 45% of users because of a misconfigured connection pool.

## Timeline

- 6:20 PM GMT+3: Users report failed bookings; the monitoring alert fires.
- 6:30 PM GMT+3: The team investigates the database.
- 7:05 PM GMT+3: Escalated to the database administrators.
- 1:10 AM GMT+3: Pool settings corrected; the incident is resolved.
";
        let metrics = metrics(source);
        assert_eq!(
            metrics.start.and_then(|start| start.rfc3339()),
            None,
            "no date, no instant"
        );
        assert_eq!(metrics.sources.start, Some(Source::Timeline));
        assert_eq!(metrics.time_to_detect_seconds, Some(0));
        assert_eq!(metrics.time_to_escalate_seconds, Some(45 * 60));
        assert_eq!(
            metrics.time_to_resolve_seconds,
            Some((6 * 60 + 50) * 60),
            "past midnight"
        );
    }

    #[test]
    fn what_is_not_written_is_null() {
        let value = json("# Outage\n\nSomething broke.\n");
        for key in [
            "start",
            "detected",
            "escalated",
            "resolved",
            "timeToDetectSeconds",
        ] {
            assert_eq!(value[key], serde_json::Value::Null, "{key}");
        }
    }
}
