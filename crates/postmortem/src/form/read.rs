//! Document → form: where each field is written, and what its value is.

use super::markdown::{checkbox_len, list_marker_len, trimmed};
use super::place;
use super::{Field, Form, Moment, Row, SummaryFields, TaskItem};
use crate::config::Profile;
use crate::model::{
    BlockKind, Cell, Document, Heading, HeadingStyle, Section, SectionKind, Task, TimelineEntry,
    TimelineForm, WindowTime,
};
use crate::span::Span;
use crate::time;

pub(super) fn form(source: &str, document: &Document, profile: Profile) -> Form {
    Form {
        title: title(source, document),
        summary: summary(source, document, profile),
        timeline_layout: document.timeline.form,
        timeline: document
            .timeline
            .entries
            .iter()
            .map(|entry| row(source, document, entry))
            .collect(),
        root_cause_and_resolution: section_body(source, document, profile, SectionKind::RootCause),
        improvements: improvements(source, document, profile),
        tasks: document
            .measures
            .tasks
            .iter()
            .map(|task| task_item(source, task))
            .collect(),
    }
}

fn title(source: &str, document: &Document) -> Field {
    match &document.title {
        Some(heading) => Field::written(source, heading_content(source, heading)),
        None => Field::missing(place::title_offset(document)),
    }
}

/// The heading's text without its syntax: `# Title #` → `Title`, `**Title**` → `Title`.
pub(super) fn heading_content(source: &str, heading: &Heading) -> Span {
    let span = heading.span;
    let first_line = Span::new(span.start, super::markdown::line_end(source, span.start));
    let line = first_line.text(source);
    let (start, end) = match heading.style {
        HeadingStyle::Atx => {
            let content = line.trim_start().trim_start_matches('#');
            let start = line.len() - content.len();
            let body = content.trim_end();
            let closing = body.trim_end_matches('#');
            let end =
                if closing.len() < body.len() && (closing.is_empty() || closing.ends_with(' ')) {
                    start + closing.len()
                } else {
                    start + body.len()
                };
            (start, end)
        }
        HeadingStyle::Bold => {
            let body = line.trim();
            let start = line.len() - line.trim_start().len();
            let inner = body.trim_start_matches(['*', '_']);
            let opening = body.len() - inner.len();
            let closing = inner.len() - inner.trim_end_matches(['*', '_']).len();
            (start + opening, start + body.len() - closing)
        }
        HeadingStyle::Html => {
            let opening = line.find('>').map_or(0, |index| index + 1);
            let closing = line[opening..]
                .find("</")
                .map_or(line.len(), |index| opening + index);
            (opening, closing)
        }
        HeadingStyle::Setext | HeadingStyle::Plain => (0, line.len()),
    };
    let start = start.min(line.len());
    let end = end.clamp(start, line.len());
    trimmed(
        source,
        Span::new(
            first_line.start + Span::from_range(0..start).end,
            first_line.start + Span::from_range(0..end).end,
        ),
    )
}

fn summary(source: &str, document: &Document, profile: Profile) -> SummaryFields {
    let summary = &document.summary;
    let insertion = place::summary_fact_offset(source, document, profile);
    let fact = |span: Option<Span>, is_fact: fn(&Document) -> bool| match span {
        Some(run) => Field::written(source, fact_span(source, run, is_fact)),
        None => Field::missing(insertion),
    };
    SummaryFields {
        start: moment(source, summary.start.as_ref(), insertion),
        end: moment(source, summary.end.as_ref(), insertion),
        zone: summary.zone.as_ref().map_or_else(
            || Field::missing(place::zone_offset(source, document, profile)),
            |zone| Field::written(source, zone.span),
        ),
        impact: fact(summary.impact, |document| document.summary.impact.is_some()),
        affected_share: summary.affected_share.as_ref().map_or_else(
            || Field::missing(insertion),
            |share| Field::written(source, share_span(source, document, share.span)),
        ),
        root_cause: fact(summary.root_cause, |document| {
            document.summary.root_cause.is_some()
        }),
    }
}

/// Where the share of users is written: the whole value of an item labelled for it
/// (`- **Affected users:** about 40% of users`), else the share the summary states (`40%` in
/// "for about 40% of users").
fn share_span(source: &str, document: &Document, share: Span) -> Span {
    let labelled = document
        .summary
        .runs
        .iter()
        .filter(|run| within(share, run.span))
        .find_map(|run| {
            let item = after_marker(source, run.span);
            let value = after_label(source, item);
            let label = Span::new(item.start, value.start)
                .text(source)
                .to_lowercase();
            let names_share = value.start > item.start
                && ["affected", "users", "share", "customers"]
                    .iter()
                    .any(|word| label.contains(word));
            names_share.then_some(value)
        });
    labelled.unwrap_or(share)
}

fn moment(source: &str, time: Option<&WindowTime>, insertion: u32) -> Moment {
    let Some(time) = time else {
        return Moment {
            span: Span::empty(insertion),
            ..Moment::default()
        };
    };
    Moment {
        date: time.date.map(iso_date).unwrap_or_default(),
        time: format!("{:02}:{:02}", time.clock.hour(), time.clock.minute()),
        span: time.span,
        present: !time.span.text(source).is_empty(),
    }
}

pub(super) fn iso_date(date: time::CivilDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Where a summary fact is stated inside the run the parser found it in: after a list marker
/// and a label (`- **Impact:** …`), and, in prose, the one sentence that states it (found by
/// reading each sentence on its own), so that editing the impact does not rewrite the root
/// cause written next to it.
pub(super) fn fact_span(source: &str, run: Span, is_fact: fn(&Document) -> bool) -> Span {
    let content = after_label(source, after_marker(source, run));
    let sentences = sentences(source, content);
    if sentences.len() > 1
        && let Some(sentence) = sentences
            .into_iter()
            .find(|sentence| is_fact(&crate::parse(sentence.text(source))))
    {
        return sentence;
    }
    content
}

/// `span` after a list marker (and checkbox) at its start.
fn after_marker(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let marker = list_marker_len(text);
    let checkbox = if marker > 0 {
        checkbox_len(&text[marker..]).unwrap_or(0)
    } else {
        0
    };
    trimmed(
        source,
        Span::new(
            span.start + Span::from_range(0..marker + checkbox).end,
            span.end,
        ),
    )
}

/// `span` after a short label ending with a colon (`Impact:`, `**Root cause:**`).
fn after_label(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let Some(colon) = text.find(':') else {
        return span;
    };
    let label = text[..colon].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let is_label = !label.is_empty()
        && label.split_whitespace().count() <= 4
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '&' | '/'));
    if !is_label {
        return span;
    }
    let rest = &text[colon + 1..];
    let value = rest.trim_start_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    if value.is_empty() {
        return span;
    }
    let start = span.start + Span::from_range(0..text.len() - value.len()).end;
    Span::new(start, span.end)
}

/// The sentences of a run: split after `.`, `!` or `?` followed by a space and a capital
/// letter or digit.
fn sentences(source: &str, span: Span) -> Vec<Span> {
    let text = span.text(source);
    let mut spans = Vec::new();
    let mut start = 0;
    for (index, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &text[index + 1..];
        let after_space = rest.trim_start_matches(' ');
        let spaced = after_space.len() < rest.len();
        if spaced
            && after_space
                .chars()
                .next()
                .is_some_and(|next| next.is_uppercase() || next.is_ascii_digit())
        {
            spans.push(Span::new(
                span.start + Span::from_range(0..start).end,
                span.start + Span::from_range(0..index + 1).end,
            ));
            start = text.len() - after_space.len();
        }
    }
    if start < text.len() {
        spans.push(Span::new(
            span.start + Span::from_range(0..start).end,
            span.end,
        ));
    }
    spans
}

/// The written pieces of a timeline entry.
pub(super) struct RowParts {
    /// From the start of the entry's line to its time: list marker, emphasis.
    pub(super) prefix: Span,
    pub(super) time: Option<Span>,
    /// From the time to the text: `:** `, ` - `.
    pub(super) separator: Span,
    pub(super) text: Span,
    /// The zone written with the time, when the time carries its own.
    pub(super) zone: Option<String>,
    /// The table row holding the entry, and the columns of its time and its text.
    pub(super) table: Option<TableRow>,
}

pub(super) struct TableRow {
    pub(super) cells: usize,
    pub(super) time_column: usize,
    pub(super) text_column: usize,
}

fn row(source: &str, document: &Document, entry: &TimelineEntry) -> Row {
    let parts = row_parts(source, document, entry);
    let end = parts.text.end;
    Row {
        time: parts.time.map_or_else(
            || Field::missing(parts.text.start),
            |time| Field::written(source, time),
        ),
        text: if parts.text.is_empty() {
            Field::missing(end)
        } else {
            Field::written(source, parts.text)
        },
        span: entry.span,
    }
}

pub(super) fn row_parts(source: &str, document: &Document, entry: &TimelineEntry) -> RowParts {
    if let Some(parts) = table_row_parts(source, document, entry.span) {
        return parts;
    }
    let line_start = super::markdown::line_start(source, entry.span.start);
    let content = trimmed(source, entry.span);
    let raw = content.text(source);
    let marker = list_marker_len(raw);
    let leading_time = time::find_times(raw).into_iter().next().filter(|mention| {
        let start = stamp_start(mention);
        raw.get(marker..start)
            .is_some_and(|between| between.chars().all(|c| matches!(c, '*' | '_' | ' ' | '\t')))
    });
    let at = |offset: usize| content.start + Span::from_range(0..offset).end;
    let Some(mention) = leading_time else {
        // A prose entry, or one without a time: its time (if any) stays inside its text.
        let text = Span::new(at(marker), content.end);
        return RowParts {
            prefix: Span::new(line_start, text.start),
            time: entry.time.as_ref().map(|time| time.span),
            separator: Span::empty(text.start),
            text,
            zone: None,
            table: None,
        };
    };
    let stamp = Span::new(at(stamp_start(&mention)), at(mention.extent.end));
    let opening = raw[marker..stamp_start(&mention)].trim();
    let mut rest = raw[mention.extent.end..].trim_start();
    rest = rest.strip_prefix(':').unwrap_or(rest);
    if !opening.is_empty() {
        rest = rest.trim_start().strip_prefix(opening).unwrap_or(rest);
    }
    let text_start = raw.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | ',')
            })
            .len();
    RowParts {
        prefix: Span::new(line_start, stamp.start),
        time: Some(stamp),
        separator: Span::new(stamp.end, at(text_start)),
        text: Span::new(at(text_start), content.end),
        zone: mention
            .zone
            .filter(|_| !mention.zone_inherited)
            .map(|zone| zone.text),
        table: None,
    }
}

/// Where a time mention starts: at its date when the date is written before it.
fn stamp_start(mention: &time::TimeMention) -> usize {
    match &mention.date {
        Some(date) if !mention.date_inherited => date.span.start.min(mention.span.start),
        _ => mention.span.start,
    }
}

/// A timeline entry written as a table row: its time cell and its first other cell.
fn table_row_parts(source: &str, document: &Document, span: Span) -> Option<RowParts> {
    let section = document.section(SectionKind::Timeline)?;
    let (header, rows) = section.blocks.iter().find_map(|block| match &block.kind {
        BlockKind::Table { header, rows } if within(span, block.span) => Some((header, rows)),
        _ => None,
    })?;
    let row = rows
        .iter()
        .find(|row| row.iter().map(|cell| cell.span).reduce(Span::cover) == Some(span))?;
    let time_column = crate::parse::time_column(header);
    let text_column = usize::from(time_column == 0);
    let cell_span = |column: usize| {
        row.get(column)
            .map(|cell: &Cell| trimmed(source, cell.span))
    };
    let time = cell_span(time_column).filter(|span| !span.is_empty());
    let text = cell_span(text_column).unwrap_or(Span::empty(span.end));
    Some(RowParts {
        prefix: Span::empty(span.start),
        time,
        separator: Span::empty(text.start),
        text,
        zone: time.and_then(|time| {
            time::find_zones(time.text(source))
                .into_iter()
                .next()
                .map(|zone| zone.text)
        }),
        table: Some(TableRow {
            cells: header.len().max(row.len()),
            time_column,
            text_column,
        }),
    })
}

pub(super) fn within(inner: Span, outer: Span) -> bool {
    inner.start >= outer.start && inner.end <= outer.end
}

fn section_body(source: &str, document: &Document, profile: Profile, kind: SectionKind) -> Field {
    match document.section(kind) {
        Some(section) => body_field(source, section),
        None => Field::missing(place::section_offset(source, document, profile, kind)),
    }
}

fn body_field(source: &str, section: &Section) -> Field {
    if section.blocks.is_empty() {
        Field::missing(section.heading.span.end)
    } else {
        Field::written(source, section.body_span())
    }
}

/// The improvements as one piece of Markdown: from the first improvement to the last one
/// written before any task, so that editing them never rewrites a task.
fn improvements(source: &str, document: &Document, profile: Profile) -> Field {
    match improvements_span(document) {
        Some(span) => Field::written(source, span),
        None => Field::missing(place::improvements_offset(source, document, profile)),
    }
}

pub(super) fn improvements_span(document: &Document) -> Option<Span> {
    let measures = &document.measures;
    let first = measures.improvements.first()?.span;
    let first_task_after = measures
        .tasks
        .iter()
        .map(|task| task.span.start)
        .filter(|&start| start >= first.end)
        .min()
        .unwrap_or(u32::MAX);
    let overlaps_task = |span: Span| {
        measures
            .tasks
            .iter()
            .any(|task| task.span.start < span.end && span.start < task.span.end)
    };
    if overlaps_task(first) {
        return None;
    }
    Some(
        measures
            .improvements
            .iter()
            .map(|run| run.span)
            .filter(|span| span.start >= first.start && span.end <= first_task_after)
            .take_while(|span| !overlaps_task(*span))
            .fold(first, Span::cover),
    )
}

fn task_item(source: &str, task: &Task) -> TaskItem {
    let text = task_text_span(source, task.span);
    TaskItem {
        text: if text.is_empty() {
            Field::missing(text.start)
        } else {
            Field::written(source, text)
        },
        done: task.done,
        span: task.span,
    }
}

/// The task's text: after its list marker and checkbox, or its first non-empty cell when it
/// is a table row.
pub(super) fn task_text_span(source: &str, span: Span) -> Span {
    let raw = span.text(source);
    if raw.starts_with('|') {
        return table_cells(source, span)
            .into_iter()
            .find(|cell| !cell.is_empty())
            .unwrap_or(Span::empty(span.end));
    }
    after_marker(source, span)
}

/// Where the checkbox of a list-item task is written: its `[ ]`.
pub(super) fn checkbox_span(source: &str, span: Span) -> Option<Span> {
    let raw = span.text(source);
    let marker = list_marker_len(raw);
    if marker == 0 {
        return None;
    }
    checkbox_len(&raw[marker..])?;
    let start = span.start + Span::from_range(0..marker).end;
    Some(Span::new(start, start + 3))
}

/// The trimmed contents of the cells of a table row written on one line.
pub(super) fn table_cells(source: &str, span: Span) -> Vec<Span> {
    let raw = span.text(source);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (index, c) in raw.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                if index > 0 || start > 0 {
                    cells.push(Span::new(
                        span.start + Span::from_range(0..start).end,
                        span.start + Span::from_range(0..index).end,
                    ));
                }
                start = index + 1;
            }
            _ => escaped = false,
        }
    }
    if start < raw.len() && !raw[start..].trim().is_empty() {
        cells.push(Span::new(
            span.start + Span::from_range(0..start).end,
            span.end,
        ));
    }
    cells
        .into_iter()
        .map(|cell| trimmed(source, cell))
        .collect()
}

/// Whether the timeline is written so that its rows can be added, removed and moved line by
/// line: a list, lines or a table.
pub(super) fn has_row_lines(form: TimelineForm) -> bool {
    form.has_entries()
}
