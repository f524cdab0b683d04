//! PM304 `entry-outside-outage`.

use crate::model::{EntryTime, TimelineEntry, WindowTime};
use crate::rule::prelude::*;

/// How long before the summary's start a detection may be written and still be the same
/// moment: summaries round their start to the quarter hour.
const EARLY_DETECTION_MINUTES: i64 = 15;
/// How far the timeline's resolution may be from the summary's end.
const END_TOLERANCE_MINUTES: i64 = 30;
const MINUTES_PER_DAY: i64 = 24 * 60;

declare_rule! {
    /// Reports a summary outage window that the timeline contradicts.
    ///
    /// The timeline contradicts the window when it detects the issue before the outage began,
    /// or resolves it well before or after the outage ended.
    ///
    /// ## Why is this bad?
    /// The window in the summary is what executives read and what availability is computed
    /// from; the timeline is the evidence. When they disagree, one of them is wrong, and readers
    /// cannot tell which.
    ///
    /// Real timelines rightly hold entries outside the window: the deploy that triggered the
    /// outage minutes before it, the monitoring after it, the next day's review. So the rule
    /// compares only two moments with the window. The first entry that records the detection
    /// must not come more than 15 minutes before the summary's start (summaries round to the
    /// quarter hour). The last entry that records the resolution must be within 30 minutes of
    /// the summary's end (a fix, then a few checks before the all-clear, is common on both
    /// sides of a stated end; a gap of hours is a contradiction). These tolerances come from
    /// reading real postmortems: the agreeing ones all fall within them.
    ///
    /// Times are compared as instants when dates and zones are known, and otherwise by their
    /// clock times on the timeline's own axis (midnight crossings included), with the summary's
    /// start placed on the day nearest the detection.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Issue Summary
    /// The outage lasted from 6:20 PM until 1:10 AM GMT+3; 45% of users could not book.
    /// ## Timeline
    /// - 6:20 PM GMT+3 - Users reported failed bookings.
    /// - 6:50 PM GMT+3 - The incident was escalated to the DevOps team.
    /// - 7:10 PM GMT+3 - The database was restarted and the incident declared resolved.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Issue Summary
    /// The outage lasted from 6:20 PM until 7:10 PM GMT+3; 45% of users could not book.
    /// ## Timeline
    /// - 6:12 PM GMT+3 - A new booking feature was deployed.
    /// - 6:20 PM GMT+3 - Users reported failed bookings.
    /// - 7:10 PM GMT+3 - The database was restarted and the incident declared resolved.
    /// - 9:30 PM GMT+3 - The team met to plan the postmortem.
    /// ```
    pub EntryOutsideOutage {
        code: "PM304",
        name: "entry-outside-outage",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for EntryOutsideOutage {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let timeline = &document.timeline;
        let Some(start) = document.summary.start.as_ref() else {
            return;
        };
        if !timeline.is_present() {
            return;
        }
        let timed: Vec<Placed> = timeline
            .timed_entries()
            .filter_map(|(entry, time)| {
                Some(Placed {
                    entry,
                    time,
                    at: time.elapsed_minutes?,
                })
            })
            .collect();
        let Some(first) = timed.first() else {
            return;
        };
        let detection = timed
            .iter()
            .find(|placed| placed.entry.milestones.detection);
        let anchor = detection.map_or(0, |placed| placed.at);
        let outage_start = position(start, first.time, anchor);
        let source = context.source;
        if let Some(detection) = detection
            && outage_start - detection.at > EARLY_DETECTION_MINUTES
        {
            report.push(early_detection(
                source,
                detection.time,
                start,
                outage_start - detection.at,
            ));
        }
        let Some(end) = document.summary.end.as_ref() else {
            return;
        };
        let Some(length) = window_length(start, end) else {
            return;
        };
        let outage_end = outage_start + length;
        let resolution = timed
            .iter()
            .rev()
            .find(|placed| placed.entry.milestones.resolution);
        if let Some(resolution) = resolution
            && (resolution.at - outage_end).abs() > END_TOLERANCE_MINUTES
        {
            report.push(resolution_off(
                source,
                resolution.time,
                end,
                resolution.at - outage_end,
            ));
        }
    }
}

fn early_detection(source: &str, detection: &EntryTime, start: &WindowTime, by: i64) -> Diagnostic {
    Diagnostic::new(
        &EntryOutsideOutage::META,
        detection.span,
        format!(
            "Detection at `{}` is {} before the start the summary gives (`{}`)",
            detection.span.text(source),
            duration(by),
            start.span.text(source)
        ),
    )
    .with_help("Correct the summary's start or this entry's time: the outage began no later than it was detected")
}

fn resolution_off(source: &str, resolution: &EntryTime, end: &WindowTime, by: i64) -> Diagnostic {
    let side = if by > 0 { "after" } else { "before" };
    Diagnostic::new(
        &EntryOutsideOutage::META,
        resolution.span,
        format!(
            "Resolution at `{}` is {} {side} the end the summary gives (`{}`)",
            resolution.span.text(source),
            duration(by.abs()),
            end.span.text(source)
        ),
    )
    .with_help(
        "Correct the summary's end or this entry's time, so that both say when the outage ended",
    )
}

/// A timed entry and where it falls on the timeline's axis.
struct Placed<'a> {
    entry: &'a TimelineEntry,
    time: &'a EntryTime,
    at: i64,
}

/// Where a summary time falls on the timeline's axis (minutes from its first timed entry):
/// exactly when both instants are known, else by clock and zone on the day nearest `anchor`.
fn position(window: &WindowTime, first: &EntryTime, anchor: i64) -> i64 {
    if let (Some(window), Some(first)) = (window.instant, first.instant) {
        return window - first;
    }
    let window_offset = window.offset_minutes.or(first.offset_minutes).unwrap_or(0);
    let first_offset = first.offset_minutes.or(window.offset_minutes).unwrap_or(0);
    let raw = utc_clock(window.clock, window_offset) - utc_clock(first.clock, first_offset);
    let days = (anchor - raw + MINUTES_PER_DAY / 2).div_euclid(MINUTES_PER_DAY);
    raw + days * MINUTES_PER_DAY
}

/// The outage's length: from the instants when known, else from the clocks ("6:20 PM until
/// 1:10 AM" ends the next day). `None` for an empty or backwards window, which
/// `inconsistent-duration` reports.
fn window_length(start: &WindowTime, end: &WindowTime) -> Option<i64> {
    let length = if let (Some(start), Some(end)) = (start.instant, end.instant) {
        end - start
    } else {
        let start_offset = start.offset_minutes.or(end.offset_minutes).unwrap_or(0);
        let end_offset = end.offset_minutes.or(start.offset_minutes).unwrap_or(0);
        (utc_clock(end.clock, end_offset) - utc_clock(start.clock, start_offset))
            .rem_euclid(MINUTES_PER_DAY)
    };
    (length > 0).then_some(length)
}

fn utc_clock(clock: crate::time::ClockTime, offset: i32) -> i64 {
    i64::from(clock.minutes_since_midnight()) - i64::from(offset)
}

/// "45 min", "6 h", "1 h 30 min".
fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, minutes) => format!("{minutes} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, minutes) => format!("{hours} h {minutes} min"),
    }
}
