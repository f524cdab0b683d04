//! The issue summary's facts: the outage window, its zone, the impact, the share of users
//! affected and the root cause, each with where it is written.

use crate::model::{TextRun, WrittenZone};
use crate::span::Span;
use crate::time::{CivilDate, ClockTime};
use serde::Serialize;

/// What the summary (or the opening text standing in for it) states.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Where findings about the summary point: its heading, or its first line when unlabelled.
    /// `None` when the document has no summary at all.
    pub anchor: Option<Span>,
    /// The text judged: the summary section, any impact section, or the unlabelled opening.
    pub runs: Vec<TextRun>,
    pub start: Option<WindowTime>,
    pub end: Option<WindowTime>,
    /// A stated length of the outage ("for two hours"), in minutes, and where it is written.
    pub stated_minutes: Option<(u32, Span)>,
    /// The first zone written in the summary.
    pub zone: Option<WrittenZone>,
    /// Where the summary gives its impact: the line labelled so, or else the first that says
    /// what failed or what users experienced.
    pub impact: Option<Span>,
    /// The sentence that says what failed or what users experienced, which a labelled impact
    /// may not ("Impact: 80% of users were affected" says only how many).
    pub experience: Option<Span>,
    pub affected_share: Option<AffectedShare>,
    /// Where the summary states the root cause: the line labelled so, or the run that says it.
    pub root_cause: Option<Span>,
    /// The sentence that states the root cause, within [`Summary::root_cause`].
    pub root_cause_sentence: Option<Span>,
}

impl Summary {
    /// The outage window's length in minutes, from its instants, or its clock times when no
    /// instant is known.
    pub fn window_minutes(&self) -> Option<i64> {
        let (start, end) = (self.start.as_ref()?, self.end.as_ref()?);
        match (start.instant, end.instant) {
            (Some(start), Some(end)) => Some(end - start),
            _ => None,
        }
    }
}

/// One end of the outage window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowTime {
    pub span: Span,
    pub clock: ClockTime,
    pub date: Option<CivilDate>,
    /// The date was written with this time, not carried from elsewhere.
    pub date_written: bool,
    /// The zone written with this time (or shared across its range), if any.
    pub zone: Option<WrittenZone>,
    pub offset_minutes: Option<i32>,
    /// Minutes since the Unix epoch when date and offset are known.
    pub instant: Option<i64>,
}

/// How many users were affected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AffectedShare {
    pub span: Span,
    /// The share in tenths of a percent (`45%` is 450), when given as a percentage or as "all".
    pub per_mille: Option<u32>,
}
