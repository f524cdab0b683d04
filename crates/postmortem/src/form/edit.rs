//! Form edit → text edits: the smallest change to the Markdown that makes it say the new value.

use super::markdown::{
    block_insertion, escape_body, escape_line_start, line_block, line_start, list_marker_len,
    one_line, ordered_marker_len, starts_line, table_cell,
};
use super::read::{self, RowParts, TableRow, checkbox_span, row_parts, table_cells};
use super::{Field, Form, Moment, place};
use crate::config::Profile;
use crate::diagnostic::Edit;
use crate::model::{Document, SectionKind, WindowTime};
use crate::span::Span;
use crate::time::{self, CivilDate, ClockTime};
use serde::{Deserialize, Serialize};

/// One change made in the form. Indices are those of [`Form::timeline`] and [`Form::tasks`].
///
/// Serialized with a `kind` tag in camelCase: `{"kind": "setRowText", "index": 2, "text": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FormEdit {
    /// Sets the title (one line; an empty title is not written).
    SetTitle { text: String },
    /// Sets when the outage started: `date` as `YYYY-MM-DD` (empty: leave the date as it is)
    /// and `time` as `HH:MM`.
    SetStart { date: String, time: String },
    /// Sets when the outage ended, as [`FormEdit::SetStart`]. Refused while the start is
    /// missing: the first time a summary gives is read as the start.
    SetEnd { date: String, time: String },
    /// Sets the summary's timezone (`UTC`, `EST`, `GMT+3`).
    SetZone { text: String },
    /// Sets the sentence that says what was affected and what users experienced.
    SetImpact { text: String },
    /// Sets the share or number of users affected (`45%`, `all users`).
    SetAffectedShare { text: String },
    /// Sets the sentence of the summary that states the root cause.
    SetRootCause { text: String },
    /// Sets the time of a timeline row, as it should be written (`14:05 UTC`).
    SetRowTime { index: usize, time: String },
    /// Sets what happened in a timeline row.
    SetRowText { index: usize, text: String },
    /// Adds a timeline row so that it becomes row `index` (`index` = the number of rows adds
    /// it at the end). A time without a zone takes the zone its neighbour writes.
    AddRow {
        index: usize,
        time: String,
        text: String,
    },
    /// Removes a timeline row.
    RemoveRow { index: usize },
    /// Moves a timeline row so that it becomes row `to`.
    MoveRow { from: usize, to: usize },
    /// Sets the body of the root cause and resolution section (Markdown).
    SetRootCauseAndResolution { markdown: String },
    /// Sets the broad improvements of the measures section (Markdown).
    SetImprovements { markdown: String },
    /// Sets the text of a task.
    SetTaskText { index: usize, text: String },
    /// Checks or unchecks a task, writing a checkbox when it has none.
    SetTaskDone { index: usize, done: bool },
    /// Adds a task so that it becomes task `index` (`index` = the number of tasks adds it at
    /// the end).
    AddTask {
        index: usize,
        text: String,
        done: bool,
    },
    /// Removes a task.
    RemoveTask { index: usize },
}

/// The text edits that make `source` (parsed as `document`) say what `form_edit` sets, to be
/// applied with [`crate::fix::apply_edits`].
///
/// Empty when the edit changes nothing (the field already has the value) or cannot be made:
/// an index out of range, an empty value for a field that cannot be cleared, or a value that
/// would change the document's structure even once flattened and escaped (a section opened, an
/// entry split in two). Never panics.
pub fn edit(
    source: &str,
    document: &Document,
    profile: Profile,
    form_edit: &FormEdit,
) -> Vec<Edit> {
    let form = Form::read(source, document, profile);
    let context = Context {
        source,
        document,
        profile,
        form: &form,
    };
    let Some(edits) = context.plan(form_edit) else {
        return Vec::new();
    };
    if keeps_structure(source, document, &edits, form_edit) {
        edits
    } else {
        Vec::new()
    }
}

/// `source` with `form_edit` applied: [`edit`] for callers that want the new text.
pub fn apply(source: &str, profile: Profile, form_edit: &FormEdit) -> String {
    let document = crate::parse(source);
    crate::fix::apply_edits(source, &edit(source, &document, profile, form_edit))
}

struct Context<'a> {
    source: &'a str,
    document: &'a Document,
    profile: Profile,
    form: &'a Form,
}

type Plan = Option<Vec<Edit>>;

impl Context<'_> {
    fn plan(&self, form_edit: &FormEdit) -> Plan {
        let summary = &self.form.summary;
        match form_edit {
            FormEdit::SetTitle { text } => self.set_title(text),
            FormEdit::SetStart { date, time } => self.set_moment(
                &summary.start,
                self.document.summary.start.as_ref(),
                "Start",
                date,
                time,
            ),
            FormEdit::SetEnd { date, time } => {
                if !summary.start.present {
                    return None;
                }
                self.set_moment(
                    &summary.end,
                    self.document.summary.end.as_ref(),
                    "End",
                    date,
                    time,
                )
            }
            FormEdit::SetZone { text } => self.set_zone(text),
            FormEdit::SetImpact { text } => self.set_fact(&summary.impact, "Impact", text),
            FormEdit::SetAffectedShare { text } => {
                self.set_fact(&summary.affected_share, "Affected users", text)
            }
            FormEdit::SetRootCause { text } => {
                self.set_fact(&summary.root_cause, "Root cause", text)
            }
            FormEdit::SetRowTime { index, time } => self.set_row_time(*index, time),
            FormEdit::SetRowText { index, text } => self.set_row_text(*index, text),
            FormEdit::AddRow { index, time, text } => self.add_row(*index, time, text),
            FormEdit::RemoveRow { index } => {
                let spans: Vec<Span> = self.form.timeline.iter().map(|row| row.span).collect();
                remove_line_block(self.source, &spans, *index)
            }
            FormEdit::MoveRow { from, to } => {
                let spans: Vec<Span> = self.form.timeline.iter().map(|row| row.span).collect();
                move_line_block(self.source, &spans, *from, *to)
            }
            FormEdit::SetRootCauseAndResolution { markdown } => self.set_body(
                &self.form.root_cause_and_resolution,
                markdown,
                |context, body| {
                    place::append_to_section(
                        context.source,
                        context.document,
                        context.profile,
                        SectionKind::RootCause,
                        body,
                    )
                },
            ),
            FormEdit::SetImprovements { markdown } => {
                self.set_body(&self.form.improvements, markdown, |context, body| {
                    place::improvements_edit(
                        context.source,
                        context.document,
                        context.profile,
                        body,
                    )
                })
            }
            FormEdit::SetTaskText { index, text } => self.set_task_text(*index, text),
            FormEdit::SetTaskDone { index, done } => self.set_task_done(*index, *done),
            FormEdit::AddTask { index, text, done } => self.add_task(*index, text, *done),
            FormEdit::RemoveTask { index } => {
                let spans: Vec<Span> = self.form.tasks.iter().map(|task| task.span).collect();
                remove_line_block(self.source, &spans, *index)
            }
        }
    }

    fn set_title(&self, text: &str) -> Plan {
        if one_line(text).is_empty() || unchanged(text, &self.form.title.value) {
            return None;
        }
        let field = &self.form.title;
        if field.present {
            let html = self
                .document
                .title
                .as_ref()
                .is_some_and(|heading| heading.style == crate::model::HeadingStyle::Html);
            let line_start = starts_line(self.source, field.span.start);
            return Some(vec![Edit::replace(
                field.span,
                title_text(text, html, line_start),
            )]);
        }
        let (span, replacement) = block_insertion(
            self.source,
            field.span.start,
            &format!("# {}", title_text(text, false, false)),
        );
        Some(vec![Edit::replace(span, replacement)])
    }

    /// A one-line value escaped when it is written at the start of a line.
    fn at_line_start(&self, span: Span, value: &str) -> String {
        if starts_line(self.source, span.start) {
            escape_line_start(value)
        } else {
            value.to_owned()
        }
    }

    fn set_moment(
        &self,
        field: &Moment,
        written: Option<&WindowTime>,
        label: &str,
        date: &str,
        time: &str,
    ) -> Plan {
        let clock = parse_clock(time)?;
        let date = date.trim();
        let new_date = if date.is_empty() {
            None
        } else {
            Some(parse_date(date)?)
        };
        let new_time = format!("{:02}:{:02}", clock.hour(), clock.minute());
        let same_date = new_date.is_none_or(|date| read::iso_date(date) == field.date);
        if new_time == field.time && same_date {
            return None;
        }
        let Some(written) = written else {
            let stamp = match new_date {
                Some(date) => format!("{} {new_time}", read::iso_date(date)),
                None => new_time,
            };
            let item = format!("**{label}:** {stamp}");
            return Some(vec![place::summary_fact(
                self.source,
                self.document,
                self.profile,
                &item,
            )]);
        };
        let mut edits = Vec::new();
        if new_time != field.time {
            edits.push(Edit::replace(
                written.span,
                restyled_clock(written.span.text(self.source), clock),
            ));
        }
        if let Some(date) = new_date.filter(|_| !same_date) {
            edits.push(match self.written_date(written) {
                Some(span) => Edit::replace(span, restyled_date(span.text(self.source), date)),
                None => Edit::insert(written.span.start, format!("{} ", read::iso_date(date))),
            });
        }
        Some(edits)
    }

    /// Where the date written with a summary time is, when it is written with it (not carried
    /// from the other end of a range).
    fn written_date(&self, written: &WindowTime) -> Option<Span> {
        let run = self
            .document
            .summary
            .runs
            .iter()
            .find(|run| read::within(written.span, run.span))?;
        let text = run.span.text(self.source);
        let mention = time::find_times(text).into_iter().find(|mention| {
            run.span.start + Span::from_range(mention.span.clone()).start == written.span.start
        })?;
        let date = mention.date.filter(|_| !mention.date_inherited)?;
        let span = Span::from_range(date.span);
        Some(Span::new(
            run.span.start + span.start,
            run.span.start + span.end,
        ))
    }

    fn set_zone(&self, text: &str) -> Plan {
        let zone = one_line(text);
        let field = &self.form.summary.zone;
        if zone.is_empty() || unchanged(text, &field.value) {
            return None;
        }
        let summary = &self.document.summary;
        if let Some(written) = &summary.zone {
            // The same zone written at each end of the window changes with it.
            let mut spans = vec![written.span];
            for time in [&summary.start, &summary.end].into_iter().flatten() {
                if let Some(own) = &time.zone
                    && own.text == written.text
                    && !spans.contains(&own.span)
                {
                    spans.push(own.span);
                }
            }
            return Some(
                spans
                    .into_iter()
                    .map(|span| Edit::replace(span, zone.clone()))
                    .collect(),
            );
        }
        let times: Vec<&WindowTime> = [&summary.start, &summary.end]
            .into_iter()
            .flatten()
            .collect();
        if times.is_empty() {
            let item = format!("**Timezone:** {zone}");
            return Some(vec![place::summary_fact(
                self.source,
                self.document,
                self.profile,
                &item,
            )]);
        }
        // After each time, except a start on the end's line ("from 10:00 to 11:00"): a zone
        // written at the end of a range is shared by both ends.
        let end_line = summary
            .end
            .as_ref()
            .map(|end| line_start(self.source, end.span.start));
        Some(
            times
                .into_iter()
                .filter(|time| {
                    summary
                        .end
                        .as_ref()
                        .is_some_and(|end| end.span == time.span)
                        || Some(line_start(self.source, time.span.start)) != end_line
                })
                .map(|time| Edit::insert(time.span.end, format!(" {zone}")))
                .collect(),
        )
    }

    fn set_fact(&self, field: &Field, label: &str, text: &str) -> Plan {
        let value = one_line(text);
        if value.is_empty() || unchanged(text, &field.value) {
            return None;
        }
        if field.present {
            return Some(vec![Edit::replace(
                field.span,
                self.at_line_start(field.span, &value),
            )]);
        }
        let item = format!("**{label}:** {value}");
        Some(vec![place::summary_fact(
            self.source,
            self.document,
            self.profile,
            &item,
        )])
    }

    fn row_parts(&self, index: usize) -> Option<RowParts> {
        let entry = self.document.timeline.entries.get(index)?;
        Some(row_parts(self.source, self.document, entry))
    }

    fn set_row_time(&self, index: usize, time: &str) -> Plan {
        let row = self.form.timeline.get(index)?;
        let parts = self.row_parts(index)?;
        let value = cell_or_line(parts.table.is_some(), time);
        if value.is_empty() || unchanged(time, &row.time.value) {
            return None;
        }
        if row.time.present {
            return Some(vec![Edit::replace(
                row.time.span,
                self.at_line_start(row.time.span, &value),
            )]);
        }
        if parts.table.is_some() {
            return None;
        }
        Some(vec![Edit::insert(parts.text.start, format!("{value} - "))])
    }

    fn set_row_text(&self, index: usize, text: &str) -> Plan {
        let row = self.form.timeline.get(index)?;
        let parts = self.row_parts(index)?;
        let value = cell_or_line(parts.table.is_some(), text);
        if value.is_empty() || unchanged(text, &row.text.value) {
            return None;
        }
        if row.text.present {
            return Some(vec![Edit::replace(
                row.text.span,
                self.at_line_start(row.text.span, &value),
            )]);
        }
        if parts.table.is_some() {
            return None;
        }
        Some(vec![Edit::insert(row.text.span.end, format!(" - {value}"))])
    }

    fn add_row(&self, index: usize, time: &str, text: &str) -> Plan {
        let rows = &self.form.timeline;
        if index > rows.len() {
            return None;
        }
        let lined = read::has_row_lines(self.form.timeline_layout);
        if rows.is_empty() || !lined {
            if index != rows.len() {
                return None;
            }
            let zone = self.form.summary.zone.value.as_str();
            let bullet = format!(
                "- {}",
                stamped(&one_line(time), zone, &one_line(text), " - ")
            );
            return Some(vec![place::append_to_section(
                self.source,
                self.document,
                self.profile,
                SectionKind::Timeline,
                &bullet,
            )]);
        }
        let template = self.row_parts(index.saturating_sub(1))?;
        let line = match &template.table {
            Some(table) => table_row(table, template.zone.as_deref(), time, text),
            None => self.row_like(&template, time, text),
        };
        let spans: Vec<Span> = rows.iter().map(|row| row.span).collect();
        insert_line(self.source, &spans, index, &line)
    }

    /// A row written like `template`: its list marker and emphasis, its separator, its zone.
    fn row_like(&self, template: &RowParts, time: &str, text: &str) -> String {
        let separator = template.separator.text(self.source);
        let separator = if separator.is_empty() {
            " - "
        } else {
            separator
        };
        let prefix = template.prefix.text(self.source);
        let zone = template.zone.as_deref().unwrap_or_default();
        let row = stamped(&one_line(time), zone, &one_line(text), separator);
        if prefix.trim().is_empty() {
            format!("{prefix}{}", escape_line_start(&row))
        } else {
            format!("{prefix}{row}")
        }
    }

    fn set_body(
        &self,
        field: &Field,
        markdown: &str,
        insert: impl Fn(&Self, &str) -> Edit,
    ) -> Plan {
        if markdown == field.value || markdown.trim() == field.value.trim() {
            return None;
        }
        let body = escape_body(markdown);
        if field.present {
            return Some(vec![Edit::replace(field.span, body)]);
        }
        if body.trim().is_empty() {
            return None;
        }
        Some(vec![insert(self, &body)])
    }

    fn set_task_text(&self, index: usize, text: &str) -> Plan {
        let task = self.form.tasks.get(index)?;
        let table = task.span.text(self.source).starts_with('|');
        let value = cell_or_line(table, text);
        if value.is_empty() || unchanged(text, &task.text.value) || !task.text.present {
            return None;
        }
        Some(vec![Edit::replace(
            task.text.span,
            self.at_line_start(task.text.span, &value),
        )])
    }

    fn set_task_done(&self, index: usize, done: bool) -> Plan {
        let task = self.form.tasks.get(index)?;
        if task.done.unwrap_or(false) == done {
            return None;
        }
        let mark = if done { "[x]" } else { "[ ]" };
        if let Some(checkbox) = checkbox_span(self.source, task.span) {
            return Some(vec![Edit::replace(checkbox, mark)]);
        }
        let raw = task.span.text(self.source);
        if list_marker_len(raw) == 0 {
            return self.tick_task_line(index, mark);
        }
        let start = task.span.start + Span::from_range(0..list_marker_len(raw)).end;
        Some(vec![Edit::insert(start, format!("{mark} "))])
    }

    /// A checkbox for a task written as a line of its own ("Add an alert on memory" under
    /// "Tasks:"): the lines of its list become list items, this one checked, since a marker
    /// on one line alone would take the lines after it into its item.
    fn tick_task_line(&self, index: usize, mark: &str) -> Plan {
        let measures = &self.document.measures;
        let list = measures
            .task_lists
            .iter()
            .find(|list| list.tasks.contains(&index))?;
        let tasks = measures.tasks.get(list.tasks.clone())?;
        let is_plain_line = |span: Span| {
            let raw = span.text(self.source);
            !raw.contains('\n') && !raw.starts_with('|') && list_marker_len(raw) == 0
        };
        if !tasks.iter().all(|task| is_plain_line(task.span)) {
            return None;
        }
        Some(
            list.tasks
                .clone()
                .zip(tasks)
                .map(|(task_index, task)| {
                    let marker = if task_index == index {
                        format!("- {mark} ")
                    } else {
                        "- ".to_owned()
                    };
                    Edit::insert(task.span.start, marker)
                })
                .collect(),
        )
    }

    fn add_task(&self, index: usize, text: &str, done: bool) -> Plan {
        let tasks = &self.form.tasks;
        if index > tasks.len() || one_line(text).is_empty() {
            return None;
        }
        let mark = if done { "[x]" } else { "[ ]" };
        let Some(template) = tasks.get(index.saturating_sub(1)) else {
            let item = format!("- {mark} {}", one_line(text));
            return Some(vec![place::append_to_section(
                self.source,
                self.document,
                self.profile,
                SectionKind::Measures,
                &item,
            )]);
        };
        let raw = template.span.text(self.source);
        let line = if raw.starts_with('|') {
            let columns = table_cells(self.source, template.span).len().max(1);
            let mut cells = vec![String::new(); columns];
            cells[0] = table_cell(text);
            format!("| {} |", cells.join(" | "))
        } else {
            let prefix = Span::new(
                line_start(self.source, template.span.start),
                template.text.span.start,
            )
            .text(self.source);
            let prefix = task_prefix(prefix, template.done.is_some() || done, mark, index > 0);
            if prefix.trim().is_empty() {
                format!("{prefix}{}", escape_line_start(&one_line(text)))
            } else {
                format!("{prefix}{}", one_line(text))
            }
        };
        let spans: Vec<Span> = tasks.iter().map(|task| task.span).collect();
        insert_line(self.source, &spans, index, &line)
    }
}

/// A title as written after its heading syntax: on one line, a trailing `#` escaped (it would
/// close an ATX heading), `<` escaped in an HTML heading, and escaped where it would open a
/// block when it stands alone on its line.
pub(super) fn title_text(text: &str, html: bool, line_start: bool) -> String {
    let title = one_line(text);
    let title = match title.strip_suffix('#') {
        Some(rest) => format!("{rest}\\#"),
        None => title,
    };
    if html {
        title.replace('<', "&lt;")
    } else if line_start {
        escape_line_start(&title)
    } else {
        title
    }
}

/// Whether a typed value says what the field already says: the same text, or the same words
/// (a single-line field is written on one line, so its line breaks and runs of spaces are
/// how it was wrapped, not what it says).
fn unchanged(typed: &str, current: &str) -> bool {
    typed == current || one_line(typed) == one_line(current)
}

/// A table row with the time and text in their columns and the other cells empty.
fn table_row(table: &TableRow, zone: Option<&str>, time: &str, text: &str) -> String {
    let mut cells = vec![String::new(); table.cells.max(2)];
    if let Some(cell) = cells.get_mut(table.time_column) {
        *cell = table_cell(&with_zone(time, zone));
    }
    if let Some(cell) = cells.get_mut(table.text_column) {
        *cell = table_cell(text);
    }
    format!("| {} |", cells.join(" | "))
}

/// A value for a table cell or for a line.
fn cell_or_line(table: bool, text: &str) -> String {
    if table {
        table_cell(text)
    } else {
        one_line(text)
    }
}

/// `time zone<separator>text`, the zone added when the time has none of its own.
fn stamped(time: &str, zone: &str, text: &str, separator: &str) -> String {
    let time = with_zone(time, Some(zone).filter(|zone| !zone.is_empty()));
    match (time.is_empty(), text.is_empty()) {
        (true, _) => text.to_owned(),
        (false, true) => time,
        (false, false) => format!("{time}{separator}{text}"),
    }
}

fn with_zone(time: &str, zone: Option<&str>) -> String {
    let time = one_line(time);
    match zone {
        Some(zone) if !time.is_empty() && time::find_zones(&time).is_empty() => {
            format!("{time} {zone}")
        }
        _ => time,
    }
}

/// The list marker and checkbox a new task copies from its neighbour: the checkbox set to
/// `mark` (or added when the new task is done), an ordered number counted on.
fn task_prefix(prefix: &str, checkbox: bool, mark: &str, after: bool) -> String {
    let content = prefix.trim_start();
    let indent = &prefix[..prefix.len() - content.len()];
    let marker_len = list_marker_len(content);
    let (marker, rest) = content.split_at(marker_len);
    let marker = match ordered_marker_len(marker) {
        Some(length) if after => {
            let number: u64 = marker[..length - 1].parse().unwrap_or(0);
            format!("{}{}", number + 1, &marker[length - 1..])
        }
        _ => marker.to_owned(),
    };
    let rest = match super::markdown::checkbox_len(rest) {
        Some(length) => format!("{mark}{}", &rest[3..length]),
        None if checkbox => format!("{mark} {rest}"),
        None => rest.to_owned(),
    };
    let marker = if marker.is_empty() && checkbox {
        "- ".to_owned()
    } else {
        marker
    };
    format!("{indent}{marker}{rest}")
}

/// The whole lines of each item, when no two items share a line.
fn item_blocks(source: &str, spans: &[Span]) -> Option<Vec<Span>> {
    let blocks: Vec<Span> = spans.iter().map(|&span| line_block(source, span)).collect();
    let disjoint = blocks.windows(2).all(|pair| pair[0].end <= pair[1].start);
    disjoint.then_some(blocks)
}

/// Inserts `line` so that it becomes item `index` of the items at `spans`.
fn insert_line(source: &str, spans: &[Span], index: usize, line: &str) -> Plan {
    let blocks = item_blocks(source, spans)?;
    if let Some(next) = blocks.get(index) {
        return Some(vec![Edit::insert(next.start, format!("{line}\n"))]);
    }
    let last = blocks.last()?;
    let edit = if source[..last.end as usize].ends_with('\n') {
        Edit::insert(last.end, format!("{line}\n"))
    } else {
        Edit::insert(last.end, format!("\n{line}"))
    };
    Some(vec![edit])
}

fn remove_line_block(source: &str, spans: &[Span], index: usize) -> Plan {
    let blocks = item_blocks(source, spans)?;
    let block = *blocks.get(index)?;
    Some(vec![Edit::replace(deletable(source, block), "")])
}

/// A line block to delete: with the line break before it when it is the document's last line
/// and has none of its own.
fn deletable(source: &str, block: Span) -> Span {
    if block.text(source).ends_with('\n') || block.start == 0 {
        block
    } else {
        Span::new(block.start - 1, block.end)
    }
}

fn move_line_block(source: &str, spans: &[Span], from: usize, to: usize) -> Plan {
    if from == to {
        return None;
    }
    let blocks = item_blocks(source, spans)?;
    let (moved, target) = (*blocks.get(from)?, *blocks.get(to)?);
    let text = moved.text(source).trim_end_matches('\n');
    let insertion = if from > to {
        Edit::insert(target.start, format!("{text}\n"))
    } else if target.text(source).ends_with('\n') {
        Edit::insert(target.end, format!("{text}\n"))
    } else {
        Edit::insert(target.end, format!("\n{text}"))
    };
    Some(vec![Edit::replace(deletable(source, moved), ""), insertion])
}

/// Whether applying `edits` keeps the document's structure: the same sections (plus, at
/// most, one of a kind it lacked), its title, and the number of rows and tasks the edit
/// means to have.
pub(super) fn keeps_structure(
    source: &str,
    before: &Document,
    edits: &[Edit],
    form_edit: &FormEdit,
) -> bool {
    let edited = crate::fix::apply_edits(source, edits);
    let after = crate::parse(&edited);
    let kinds = |document: &Document| -> Vec<SectionKind> {
        document
            .sections
            .iter()
            .map(|section| section.kind)
            .collect()
    };
    let (old, new) = (kinds(before), kinds(&after));
    let sections_kept = old == new
        || (new.len() == old.len() + 1
            && (0..new.len()).any(|index| {
                let mut without = new.clone();
                let added = without.remove(index);
                without == old && added != SectionKind::Other && !old.contains(&added)
            }));
    let title_kept = before.title.is_none() || after.title.is_some();
    let (rows, tasks) = (before.timeline.entries.len(), before.measures.tasks.len());
    let (expected_rows, expected_tasks) = match form_edit {
        FormEdit::AddRow { .. } => (Some(rows + 1), Some(tasks)),
        FormEdit::RemoveRow { .. } => (Some(rows.wrapping_sub(1)), Some(tasks)),
        FormEdit::AddTask { .. } => (Some(rows), Some(tasks + 1)),
        FormEdit::RemoveTask { .. } => (Some(rows), Some(tasks.wrapping_sub(1))),
        FormEdit::SetImprovements { .. } => (Some(rows), None),
        _ => (Some(rows), Some(tasks)),
    };
    sections_kept
        && title_kept
        && expected_rows.is_none_or(|rows| after.timeline.entries.len() == rows)
        && expected_tasks.is_none_or(|tasks| after.measures.tasks.len() == tasks)
}

/// `HH:MM` (or `H:MM`, seconds ignored) → a clock time.
fn parse_clock(text: &str) -> Option<ClockTime> {
    let mut parts = text.trim().split(':');
    let hour = parts.next()?.parse().ok()?;
    let minute = parts.next()?.get(..2)?.parse().ok()?;
    ClockTime::new(hour, minute, None)
}

/// `YYYY-MM-DD` → a calendar date.
fn parse_date(text: &str) -> Option<CivilDate> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    CivilDate::new(year, month, day)
}

/// `clock` written the way `written` is: on a 12-hour clock with the same AM/PM spelling when
/// it has one, with a leading zero when it has one, and whatever follows the digits (`hours`,
/// `hrs`) kept.
fn restyled_clock(written: &str, clock: ClockTime) -> String {
    let digits = written
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(written.len());
    let (number, rest) = written.split_at(digits);
    let lowered = rest.to_ascii_lowercase();
    let meridiem = ["am", "pm", "a.m.", "p.m."]
        .iter()
        .find_map(|spelling| lowered.find(spelling));
    let (hour, rest) = match meridiem {
        Some(index) => {
            let twelve = match clock.hour() % 12 {
                0 => 12,
                hour => hour,
            };
            let pm = clock.hour() >= 12;
            let letter = &rest[index..=index];
            let upper = letter.chars().all(|c| c.is_ascii_uppercase());
            let new_letter = match (pm, upper) {
                (true, true) => "P",
                (true, false) => "p",
                (false, true) => "A",
                (false, false) => "a",
            };
            (
                twelve,
                format!("{}{new_letter}{}", &rest[..index], &rest[index + 1..]),
            )
        }
        None if number.contains(':') || number.contains('.') => (clock.hour(), rest.to_owned()),
        None => return format!("{:02}:{:02}", clock.hour(), clock.minute()),
    };
    let separator = if number.contains('.') { '.' } else { ':' };
    let two_digit_hour = number.find([':', '.']) == Some(2);
    let leading_zero = number.starts_with('0') || (meridiem.is_none() && two_digit_hour);
    if leading_zero {
        format!("{hour:02}{separator}{:02}{rest}", clock.minute())
    } else {
        format!("{hour}{separator}{:02}{rest}", clock.minute())
    }
}

/// `date` written the way `written` is: `March 1, 2023` when it names the month, else
/// `YYYY-MM-DD`.
fn restyled_date(written: &str, date: CivilDate) -> String {
    let names_month = written.chars().any(char::is_alphabetic);
    if names_month {
        let month = crate::time::month_name(date.month()).unwrap_or_default();
        format!("{month} {}, {}", date.day(), date.year())
    } else {
        read::iso_date(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restyles_clocks_as_written() {
        let clock = ClockTime::new(14, 5, None).unwrap();
        assert_eq!(restyled_clock("1:00 PM", clock), "2:05 PM");
        assert_eq!(
            restyled_clock("10:00 am", ClockTime::new(9, 30, None).unwrap()),
            "9:30 am"
        );
        assert_eq!(
            restyled_clock("09:00 AM", ClockTime::new(0, 15, None).unwrap()),
            "12:15 AM"
        );
        assert_eq!(restyled_clock("12:00 hours", clock), "14:05 hours");
        assert_eq!(restyled_clock("1300hrs", clock), "14:05");
        assert_eq!(
            restyled_clock("9.30 p.m.", ClockTime::new(8, 0, None).unwrap()),
            "8.00 a.m."
        );
    }

    #[test]
    fn copies_task_markers() {
        assert_eq!(task_prefix("- [ ] ", true, "[x]", true), "- [x] ");
        assert_eq!(task_prefix("* ", false, "[ ]", true), "* ");
        assert_eq!(task_prefix("4. ", false, "[ ]", true), "5. ");
        assert_eq!(task_prefix("  + [X] ", true, "[ ]", false), "  + [ ] ");
    }
}
