//! The incident as a picture: an SVG timeline (the outage window, each timed entry a marker
//! labelled by what it records) and a Mermaid `timeline` block that Markdown hosts render,
//! kept in sync with the timeline between two marker comments.

use crate::diagnostic::Edit;
use crate::metrics::{Metrics, Source};
use crate::model::{Document, SectionKind, TimelineEntry};
use crate::span::Span;
use std::fmt::Write as _;

/// What a marker on the diagram stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Detected,
    Escalated,
    MisleadingPath,
    Resolved,
    Event,
}

impl Mark {
    pub const fn label(self) -> &'static str {
        match self {
            Mark::Detected => "detected",
            Mark::Escalated => "escalated",
            Mark::MisleadingPath => "misleading path",
            Mark::Resolved => "resolved",
            Mark::Event => "event",
        }
    }

    /// The marker drawn at (`x`, `y`): milestones differ by shape, never by colour (colour
    /// marks severity and nothing else), and each label names its milestone too.
    fn marker(self, x: i64, y: i64) -> String {
        let class = self.class();
        match self {
            Mark::Detected => {
                format!("<circle class=\"pm-marker {class}\" cx=\"{x}\" cy=\"{y}\" r=\"6\"/>")
            }
            Mark::MisleadingPath => {
                format!("<circle class=\"pm-marker {class}\" cx=\"{x}\" cy=\"{y}\" r=\"5\"/>")
            }
            Mark::Event => {
                format!("<circle class=\"pm-marker {class}\" cx=\"{x}\" cy=\"{y}\" r=\"4\"/>")
            }
            Mark::Escalated => format!(
                "<rect class=\"pm-marker {class}\" x=\"{}\" y=\"{}\" width=\"11\" height=\"11\"/>",
                x - 5,
                y - 5
            ),
            Mark::Resolved => format!(
                "<polygon class=\"pm-marker {class}\" points=\"{x},{} {},{y} {x},{} {},{y}\"/>",
                y - 8,
                x + 8,
                y + 8,
                x - 8
            ),
        }
    }

    const fn class(self) -> &'static str {
        match self {
            Mark::Detected => "pm-detected",
            Mark::Escalated => "pm-escalated",
            Mark::MisleadingPath => "pm-misleading",
            Mark::Resolved => "pm-resolved",
            Mark::Event => "pm-event",
        }
    }
}

/// One timed entry placed on the diagram's time axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// Minutes from the diagram's origin (the earlier of the outage's start and the first
    /// entry).
    pub minute: i64,
    /// The time as written.
    pub time: String,
    /// The entry's text without its time.
    pub text: String,
    /// What the entry stands for, in the order of an incident; empty for an event.
    pub marks: Vec<Mark>,
}

impl Point {
    /// The mark whose shape the entry is drawn with: the turning point that matters most.
    pub fn shape(&self) -> Mark {
        const SIGNIFICANCE: [Mark; 4] = [
            Mark::Resolved,
            Mark::Detected,
            Mark::Escalated,
            Mark::MisleadingPath,
        ];
        SIGNIFICANCE
            .into_iter()
            .find(|mark| self.marks.contains(mark))
            .unwrap_or(Mark::Event)
    }

    /// `detected and escalated: ` before the entry's text; empty for an event.
    fn mark_prefix(&self) -> String {
        if self.marks.is_empty() {
            return String::new();
        }
        let labels: Vec<&str> = self.marks.iter().map(|mark| mark.label()).collect();
        format!("{}: ", labels.join(" and "))
    }
}

/// The turning points the metrics name, so that the picture and "Incident at a glance" agree:
/// the first detection, the first escalation, the resolution; each at the entry it was read
/// from.
struct TurningPoints {
    detected: Option<Span>,
    escalated: Option<Span>,
    resolved: Option<Span>,
}

impl TurningPoints {
    fn of(metrics: &Metrics, document: &Document) -> Self {
        let in_timeline = |instant: Option<crate::metrics::Instant>| {
            instant
                .filter(|instant| instant.source == Source::Timeline)
                .map(|instant| instant.span)
        };
        // With the window stated in the summary, the resolution drawn is the last entry that
        // records one, as the metrics would read it from the timeline alone.
        let resolved = in_timeline(metrics.resolved).or_else(|| {
            document
                .timeline
                .entries
                .iter()
                .rev()
                .filter(|entry| entry.milestones.resolution)
                .find_map(|entry| entry.time.as_ref().map(|time| time.span))
        });
        Self {
            detected: in_timeline(metrics.detected),
            escalated: in_timeline(metrics.escalated),
            resolved,
        }
    }

    fn marks(&self, entry: &TimelineEntry) -> Vec<Mark> {
        let at = entry.time.as_ref().map(|time| time.span);
        let is = |point: Option<Span>| point.is_some() && point == at;
        let mut marks = Vec::new();
        if is(self.detected) {
            marks.push(Mark::Detected);
        }
        if is(self.escalated) {
            marks.push(Mark::Escalated);
        }
        if entry.milestones.misleading {
            marks.push(Mark::MisleadingPath);
        }
        if is(self.resolved) {
            marks.push(Mark::Resolved);
        }
        marks
    }
}

/// The timeline laid out in time: its points and the outage window, in minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub points: Vec<Point>,
    /// The outage window on the same axis, when the summary places it against the timeline.
    pub window: Option<(i64, i64)>,
}

impl Layout {
    /// `None` when the timeline has no timed entry to draw.
    pub fn of(source: &str, document: &Document) -> Option<Layout> {
        let timed: Vec<(&TimelineEntry, i64)> = document
            .timeline
            .entries
            .iter()
            .filter_map(|entry| Some((entry, entry.time.as_ref()?.elapsed_minutes?)))
            .collect();
        let (first_entry, _) = timed.first()?;
        let first_instant = first_entry.time.as_ref().and_then(|time| time.instant);
        let metrics = Metrics::of(document);
        let turning_points = TurningPoints::of(&metrics, document);
        // The summary's window, moved onto the timeline's axis through the first entry's
        // instant; without instants, the timeline's own span.
        let window = match (metrics.start, metrics.resolved, first_instant) {
            (Some(start), Some(end), Some(origin))
                if start.source == Source::Summary && end.source == Source::Summary =>
            {
                Some((start.epoch_minutes? - origin, end.epoch_minutes? - origin))
            }
            _ => None,
        };
        let shift = window.map_or(0, |(start, _)| start.min(0));
        let points = timed
            .iter()
            .map(|(entry, minute)| Point {
                minute: minute - shift,
                time: written_time(entry, source).to_owned(),
                text: text_after_time(entry, source),
                marks: turning_points.marks(entry),
            })
            .collect();
        Some(Layout {
            points,
            window: window.map(|(start, end)| (start - shift, end - shift)),
        })
    }

    fn span_minutes(&self) -> i64 {
        let last = self
            .points
            .iter()
            .map(|point| point.minute)
            .max()
            .unwrap_or(0);
        let end = self.window.map_or(last, |(_, end)| end.max(last));
        end.max(1)
    }
}

/// The entry's time as written, with the zone written right after it (`14:08 UTC`).
fn written_time<'a>(entry: &TimelineEntry, source: &'a str) -> &'a str {
    let Some(time) = entry.time.as_ref() else {
        return "";
    };
    let span = time
        .zone
        .as_ref()
        .and_then(|zone| zone.with_time_before(source, time.span))
        .unwrap_or(time.span);
    span.text(source).trim()
}

/// The entry's text with its leading time (and the separator after it) removed.
fn text_after_time(entry: &TimelineEntry, source: &str) -> String {
    let written = written_time(entry, source);
    let text = entry.text.trim();
    let rest = text
        .find(written)
        .filter(|_| !written.is_empty())
        .map_or(text, |at| &text[at + written.len()..]);
    rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|' | '*')
    })
    .trim()
    .to_owned()
}

const WIDTH: i64 = 520;
const AXIS_X: i64 = 104;
const TOP: i64 = 36;
/// The least room between two entries, so that their labels never overlap.
const GAP: i64 = 30;
/// Pixels per minute before gaps are enforced; long incidents are compressed to fit.
const MAX_HEIGHT: i64 = 560;
const LABEL_CHARACTERS: usize = 52;
/// The width of a character of a time label, at its size, with room to spare.
const TIME_CHARACTER_WIDTH: i64 = 8;

/// The timeline as an SVG picture, time flowing down: the outage window as a band along the
/// axis, each entry a marker with its time on the left and what it records on the right.
/// Styled by classes (`pm-window`, `pm-marker`, `pm-detected`, …); with `standalone`, it carries its own
/// styles for light and dark mode, ready to save as a file.
pub fn svg(source: &str, document: &Document, standalone: bool) -> Option<String> {
    let layout = Layout::of(source, document)?;
    let span = layout.span_minutes();
    // Times are written right-aligned left of the axis: room for the longest of them
    // (`6:20 PM GMT+3`), so that none is clipped at the picture's edge.
    let longest_time = layout
        .points
        .iter()
        .map(|point| point.time.chars().count())
        .max()
        .unwrap_or(0);
    let axis_x = AXIS_X.max(32 + TIME_CHARACTER_WIDTH * i64::try_from(longest_time).unwrap_or(0));
    let width = WIDTH - AXIS_X + axis_x;
    // One axis: time scaled to fit, then pushed down where entries would crowd.
    let mut placed: Vec<(i64, i64)> = Vec::new();
    for point in &layout.points {
        let proportional = TOP + point.minute.max(0) * MAX_HEIGHT / span;
        let y = placed.last().map_or(proportional, |&(_, previous)| {
            proportional.max(previous + GAP)
        });
        placed.push((point.minute, y));
    }
    let y_of = |minute: i64| y_at(&placed, minute, span);
    let bottom = placed.iter().map(|&(_, y)| y).max().unwrap_or(TOP);
    let window = layout.window.map(|(start, end)| (y_of(start), y_of(end)));
    let height = bottom.max(window.map_or(0, |(_, end)| end)) + TOP;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pm-diagram\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Timeline of the incident\">"
    );
    if standalone {
        svg.push_str(STANDALONE_STYLE);
    }
    if let Some((from, to)) = window {
        let _ = write!(
            svg,
            "<rect class=\"pm-window\" x=\"{}\" y=\"{from}\" width=\"14\" height=\"{}\" rx=\"7\"><title>Outage window</title></rect><text class=\"pm-window-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">outage</text>",
            axis_x - 7,
            (to - from).max(2),
            axis_x,
            (from - 12).max(12)
        );
    }
    let _ = write!(
        svg,
        "<line class=\"pm-axis\" x1=\"{axis_x}\" y1=\"{}\" x2=\"{axis_x}\" y2=\"{}\"/>",
        TOP - 8,
        height - TOP + 8
    );
    for (point, &(_, y)) in layout.points.iter().zip(&placed) {
        let shape = point.shape();
        let class = shape.class();
        let description = shorten(
            &format!("{}{}", point.mark_prefix(), point.text),
            LABEL_CHARACTERS,
        );
        let _ = write!(
            svg,
            "<g class=\"pm-entry\"><title>{}</title><text class=\"pm-time\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>{}<text class=\"pm-label {class}\" x=\"{}\" y=\"{}\">{}</text></g>",
            escape(&format!("{} {}", point.time, point.text)),
            axis_x - 16,
            y + 4,
            escape(&point.time),
            shape.marker(axis_x, y),
            axis_x + 16,
            y + 4,
            escape(&description)
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// The height at `minute`, between the placed entries around it (or beyond them, at the
/// proportional scale).
fn y_at(placed: &[(i64, i64)], minute: i64, span: i64) -> i64 {
    let mut sorted: Vec<(i64, i64)> = placed.to_vec();
    sorted.sort_unstable();
    let scaled = |from: (i64, i64), minute: i64| from.1 + (minute - from.0) * MAX_HEIGHT / span;
    match sorted.iter().position(|&(at, _)| at >= minute) {
        None => sorted.last().map_or(TOP, |&last| scaled(last, minute)),
        Some(0) => scaled(sorted[0], minute).max(TOP - 8),
        Some(index) => {
            let (before, after) = (sorted[index - 1], sorted[index]);
            let width = (after.0 - before.0).max(1);
            before.1 + (minute - before.0) * (after.1 - before.1) / width
        }
    }
}

/// Styles for a saved SVG file: readable on a light or a dark page.
const STANDALONE_STYLE: &str = "<style>\
.pm-diagram{font:12px system-ui,sans-serif;color:#1f2328}\
.pm-axis,.pm-leader{stroke:currentColor;stroke-opacity:.45}\
.pm-window{fill:currentColor;fill-opacity:.08;stroke:currentColor;stroke-opacity:.3}\
.pm-window-label,.pm-label,.pm-time{fill:currentColor}\
.pm-window-label,.pm-time{fill-opacity:.7}\
.pm-marker{fill:currentColor;stroke:#fff;stroke-width:2}\
.pm-marker.pm-misleading{fill:#fff;stroke:currentColor}\
.pm-marker.pm-event{fill-opacity:.6}\
@media (prefers-color-scheme:dark){.pm-diagram{color:#e6e8eb}.pm-marker{stroke:#1b1f24}\
.pm-marker.pm-misleading{fill:#1b1f24;stroke:currentColor}}\
</style>";

const START_MARKER: &str = "<!-- postmortem:diagram -->";
const END_MARKER: &str = "<!-- /postmortem:diagram -->";

/// The timeline as a Mermaid `timeline` block between marker comments; `None` when there is
/// no timed entry.
pub fn mermaid(source: &str, document: &Document) -> Option<String> {
    let layout = Layout::of(source, document)?;
    let title = document
        .title
        .as_ref()
        .map_or("Timeline", |title| title.text.as_str());
    let mut block = format!(
        "{START_MARKER}\n```mermaid\ntimeline\n    title {}\n",
        mermaid_text(title)
    );
    for point in &layout.points {
        let mark = point.mark_prefix();
        let _ = writeln!(
            block,
            "    {} : {}",
            mermaid_text(&point.time),
            mermaid_text(&format!("{mark}{}", shorten(&point.text, 80)))
        );
    }
    block.push_str("```\n");
    block.push_str(END_MARKER);
    Some(block)
}

/// Mermaid reads `:` as the separator between a time and its events, and `#` and `;` as
/// syntax: they are replaced by look-alikes so the text reads the same.
fn mermaid_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(':', "∶")
        .replace('#', "＃")
        .replace(';', ",")
}

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Whether the document holds an inserted diagram (a cheap test, before any parse).
pub fn has_block(source: &str) -> bool {
    existing_block(source).is_some()
}

/// Where the diagram block already is: the span from its start marker to its end marker.
fn existing_block(source: &str) -> Option<Span> {
    let start = source.find(START_MARKER)?;
    let end = source[start..].find(END_MARKER)? + start + END_MARKER.len();
    Some(Span::new(
        u32::try_from(start).ok()?,
        u32::try_from(end).ok()?,
    ))
}

/// The edit that puts a diagram at the end of the timeline section: `None` when the document
/// already has one, or has no timeline to draw.
pub fn insert(source: &str, document: &Document) -> Option<Edit> {
    if existing_block(source).is_some() {
        return None;
    }
    let block = mermaid(source, document)?;
    let section = document.section(SectionKind::Timeline)?;
    let end = section.span.end;
    Some(Edit::insert(end, format!("\n\n{block}")))
}

/// The edit that brings an inserted diagram up to date with the timeline, if it is stale.
pub fn sync(source: &str, document: &Document) -> Option<Edit> {
    let span = existing_block(source)?;
    let fresh = mermaid(source, document)?;
    (span.text(source) != fresh).then(|| Edit::replace(span, fresh))
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            _ => escaped.push(character),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;

    /// An outage with each milestone, shared with the app's end-to-end diagram test.
    const OUTAGE: &str = include_str!("diagram/checkout_outage.md");

    #[test]
    fn lays_out_the_window_and_each_entry_by_its_milestone() {
        let document = crate::parse(OUTAGE);
        let layout = Layout::of(OUTAGE, &document).unwrap();
        assert_eq!(layout.window, Some((0, 75)));
        let points: Vec<(i64, &str, Mark)> = layout
            .points
            .iter()
            .map(|point| (point.minute, point.time.as_str(), point.shape()))
            .collect();
        assert_eq!(
            points,
            [
                (3, "14:08 UTC", Mark::Detected),
                (10, "14:15 UTC", Mark::MisleadingPath),
                (15, "14:20 UTC", Mark::Escalated),
                (75, "15:20 UTC", Mark::Resolved),
            ]
        );
        assert_eq!(layout.points[0].text, "An alert fired for checkout errors.");
    }

    #[test]
    fn marks_the_escalation_where_the_metrics_place_it() {
        // The alert that detects the outage is escalated at once; the later hand-off is a
        // step of the response, not the escalation the metrics time.
        let source = "# Database outage\n\n## Timeline\n\n- 09:00 UTC - Replication stopped.\n- 09:04 UTC - An alert fired; the on-call engineer pinged the database team.\n- 09:30 UTC - Escalated to the storage team.\n- 09:50 UTC - Replication restarted; resolved.\n";
        let document = crate::parse(source);
        let metrics = Metrics::of(&document);
        let escalated = metrics.escalated.unwrap().span.text(source);
        let layout = Layout::of(source, &document).unwrap();
        let marked: Vec<(&str, Vec<Mark>)> = layout
            .points
            .iter()
            .map(|point| (point.time.as_str(), point.marks.clone()))
            .collect();
        assert_eq!(escalated, "09:04");
        assert_eq!(
            marked,
            [
                ("09:00 UTC", vec![]),
                ("09:04 UTC", vec![Mark::Detected, Mark::Escalated]),
                ("09:30 UTC", vec![]),
                ("09:50 UTC", vec![Mark::Resolved]),
            ]
        );
        let svg = svg(source, &document, false).unwrap();
        assert!(
            svg.contains("detected and escalated: An alert fired"),
            "{svg}"
        );
        assert_eq!(svg.matches("pm-marker pm-escalated").count(), 0);
    }

    #[test]
    fn draws_an_svg_with_a_marker_per_entry() {
        let document = crate::parse(OUTAGE);
        let svg = svg(OUTAGE, &document, false).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(svg.matches("class=\"pm-marker ").count(), 4);
        // One shape per milestone, in the timeline's order: detected, misleading path,
        // escalated, resolved.
        let shapes: Vec<&str> = svg
            .match_indices(" class=\"pm-marker ")
            .map(|(at, _)| svg[..at].rsplit('<').next().unwrap_or_default())
            .collect();
        assert_eq!(shapes, ["circle", "circle", "rect", "polygon"]);
        assert_eq!(svg.matches("class=\"pm-window\"").count(), 1);
        for label in [
            ">14:08 UTC</text>",
            ">detected: An alert fired for checkout errors.</text>",
            ">escalated: Escalated to the payments team.</text>",
            ">resolved: Rolled back; the incident is resolved.</text>",
        ] {
            assert!(svg.contains(label), "{label} in {svg}");
        }
        assert!(!svg.contains("<style>"));
        assert!(svg::contains_style(
            &super::svg(OUTAGE, &document, true).unwrap()
        ));
        assert_eq!(
            super::svg("# No timeline\n", &crate::parse("# No timeline\n"), false),
            None
        );
    }

    #[test]
    fn leaves_room_for_long_times_left_of_the_axis() {
        let source = "# Outage\n\n## Timeline\n\n- 6:20 PM GMT+3 - Alerts fired.\n- 7:45 PM GMT+3 - Rolled back; resolved.\n";
        let svg = svg(source, &crate::parse(source), false).unwrap();
        for (at, _) in svg.match_indices("class=\"pm-time\" x=\"") {
            let rest = &svg[at + "class=\"pm-time\" x=\"".len()..];
            let x: i64 = rest[..rest.find('"').unwrap()].parse().unwrap();
            let label = &rest[rest.find('>').unwrap() + 1..rest.find("</text>").unwrap()];
            let characters = i64::try_from(label.chars().count()).unwrap();
            assert!(x - 7 * characters >= 0, "{label} at {x} is clipped: {svg}");
        }
    }

    mod svg {
        pub(super) fn contains_style(svg: &str) -> bool {
            svg.contains("<style>") && svg.contains("prefers-color-scheme:dark")
        }
    }

    #[test]
    fn escapes_what_the_author_wrote() {
        let source = OUTAGE.replace("An alert fired", "The \"cache & queue\" alert fired");
        let svg = svg(&source, &crate::parse(&source), false).unwrap();
        assert!(
            svg.contains("The &quot;cache &amp; queue&quot; alert fired"),
            "{svg}"
        );
    }

    #[test]
    fn inserts_a_mermaid_block_that_changes_no_finding_and_stays_in_sync() {
        let document = crate::parse(OUTAGE);
        let with_diagram = apply_edits(OUTAGE, &[insert(OUTAGE, &document).unwrap()]);
        assert!(with_diagram.contains(
            "```mermaid\ntimeline\n    title Checkout outage\n    14∶08 UTC : detected∶ An alert fired for checkout errors.\n"
        ));
        let block_at = with_diagram.find(START_MARKER).unwrap();
        assert!(
            block_at < with_diagram.find("## Root Cause").unwrap(),
            "inside the timeline section"
        );
        let parsed = crate::parse(&with_diagram);
        assert_eq!(insert(&with_diagram, &parsed), None, "one diagram only");
        assert_eq!(sync(&with_diagram, &parsed), None, "fresh");
        let codes = |text: &str| -> Vec<&'static str> {
            crate::check(text, &crate::Config::default())
                .iter()
                .map(crate::Diagnostic::code)
                .collect()
        };
        assert_eq!(
            codes(&with_diagram),
            codes(OUTAGE),
            "the block changes no finding"
        );

        // An entry changes: the block follows.
        let edited = with_diagram.replacen(
            "Escalated to the payments team.",
            "Escalated to the database team.",
            1,
        );
        let stale = crate::parse(&edited);
        let synced = apply_edits(&edited, &[sync(&edited, &stale).unwrap()]);
        assert!(
            synced.contains("14∶20 UTC : escalated∶ Escalated to the database team."),
            "{synced}"
        );
        assert_eq!(sync(&synced, &crate::parse(&synced)), None);
    }
}
