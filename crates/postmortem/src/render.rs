//! Model → canonical Markdown: the profile's sections in order under their canonical headings,
//! the timeline as `- HH:MM TZ - text` bullets, tasks as `- [ ]` items. Everything the model
//! does not restructure is kept as written, so nothing is lost.

use crate::config::Profile;
use crate::model::{
    Block, BlockKind, Document, HeadingStyle, Section, SectionKind, Timeline, TimelineEntry,
    TimelineForm, WrittenZone,
};
use crate::span::Span;
use crate::time::{self, CivilDate};
use std::fmt::Write as _;

/// Renders a parsed document in the canonical layout of `profile`.
pub fn render(source: &str, document: &Document, profile: Profile) -> String {
    let mut out = Output::default();
    if let Some(front_matter) = document.front_matter {
        out.block(front_matter.text(source));
    }
    let title = document
        .title
        .as_ref()
        .map_or("Postmortem", |title| title.text.as_str());
    out.block(&format!("# {}", one_line(title)));
    let opening_is_summary =
        document.section(SectionKind::Summary).is_none() && document.summary.anchor.is_some();
    let (opening_prose, opening_rest): (Vec<&Block>, Vec<&Block>) =
        document.preamble.iter().partition(|block| {
            opening_is_summary
                && matches!(
                    block.kind,
                    BlockKind::Paragraph { .. } | BlockKind::List { .. }
                )
        });
    for block in opening_rest {
        render_block(&mut out, source, block);
    }
    let required = profile.required_sections();
    let first_required = document
        .sections
        .iter()
        .position(|section| required.contains(&section.kind));
    let (leading, trailing) = document.sections.split_at(first_required.unwrap_or(0));
    for section in leading {
        render_section(&mut out, source, document, profile, section);
    }
    for &kind in required {
        let mut sections = trailing
            .iter()
            .filter(|section| section.kind == kind)
            .peekable();
        if sections.peek().is_none() {
            out.block(&format!("## {}", profile.heading(kind)));
            if kind == SectionKind::Summary {
                for block in &opening_prose {
                    render_block(&mut out, source, block);
                }
            }
        }
        for section in sections {
            render_section(&mut out, source, document, profile, section);
        }
    }
    for section in trailing
        .iter()
        .filter(|section| !required.contains(&section.kind))
    {
        render_section(&mut out, source, document, profile, section);
    }
    out.finish()
}

/// Parses and renders in one call, until the output no longer changes: a heading renamed to
/// its canonical form can change how the section reads ("Action Items" makes its list a task
/// list), and the canonical form is the one that re-renders to itself.
pub fn render_markdown(source: &str, profile: Profile) -> String {
    const MAX_PASSES: usize = 4;
    let mut rendered = render(source, &crate::parse(source), profile);
    for _ in 1..MAX_PASSES {
        let again = render(&rendered, &crate::parse(&rendered), profile);
        if again == rendered {
            break;
        }
        rendered = again;
    }
    rendered
}

fn render_section(
    out: &mut Output,
    source: &str,
    document: &Document,
    profile: Profile,
    section: &Section,
) {
    let heading = match section.kind {
        SectionKind::Other => one_line(&section.heading.text),
        kind => profile.heading(kind).to_owned(),
    };
    out.block(&format!("## {heading}"));
    match section.kind {
        SectionKind::Timeline
            if document
                .section(SectionKind::Timeline)
                .is_some_and(|first| first.span == section.span) =>
        {
            render_timeline(
                out,
                source,
                &document.timeline,
                document.summary.zone.as_ref(),
                &section.blocks,
            );
        }
        SectionKind::Measures => render_measures(out, source, document, section),
        _ => {
            for block in &section.blocks {
                render_block(out, source, block);
            }
        }
    }
}

fn render_block(out: &mut Output, source: &str, block: &Block) {
    match &block.kind {
        BlockKind::Heading { heading }
            if matches!(heading.style, HeadingStyle::Atx | HeadingStyle::Setext) =>
        {
            out.block(&format!("### {}", one_line(&heading.text)));
        }
        BlockKind::Code { .. } => out.block(&closed_fence(block.span.text(source))),
        BlockKind::Paragraph { lines } => {
            let lines: Vec<String> = lines
                .iter()
                .map(|line| escaped_line(line.span.text(source)))
                .collect();
            out.block(&lines.join("\n"));
        }
        _ => out.block(block.span.text(source)),
    }
}

/// A paragraph line as written, escaped where it would otherwise start another block when
/// read again: prose taken out of a code block ("# not a heading") or a lazy line.
fn escaped_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let starts_block = trimmed.starts_with(['#', '>', '<', '|', '`', '~'])
        || ["- ", "* ", "+ "]
            .iter()
            .any(|marker| trimmed.starts_with(marker))
        || matches!(trimmed, "-" | "*" | "+")
        || (!trimmed.is_empty()
            && trimmed
                .chars()
                .all(|c| matches!(c, '=' | '-' | '*' | '_' | ' ')))
        || ordered_marker(trimmed);
    if starts_block {
        format!("\\{trimmed}")
    } else {
        line.to_owned()
    }
}

fn ordered_marker(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 9 && text[digits..].starts_with(['.', ')'])
}

/// A fenced code block as written, with its closing fence added when the author left it out
/// (an unclosed fence would swallow every section rendered after it).
fn closed_fence(code: &str) -> String {
    let first = code.trim_start();
    let fence: String = first
        .chars()
        .take_while(|&c| c == '`' || c == '~')
        .collect();
    if fence.len() < 3 {
        return code.to_owned();
    }
    let closed = code.lines().skip(1).any(|line| {
        let line = line.trim();
        line.starts_with(&fence)
            && line
                .chars()
                .all(|c| c == fence.chars().next().unwrap_or('`'))
    });
    if closed {
        code.to_owned()
    } else {
        format!("{}\n{fence}", code.trim_end())
    }
}

/// Timed entries become canonical bullets; prose and lines that are not entries stay as written.
fn render_timeline(
    out: &mut Output,
    source: &str,
    timeline: &Timeline,
    summary_zone: Option<&WrittenZone>,
    blocks: &[Block],
) {
    if matches!(timeline.form, TimelineForm::Prose | TimelineForm::Missing) {
        for block in blocks {
            render_block(out, source, block);
        }
        return;
    }
    let zone = timeline
        .declared_zone
        .as_ref()
        .or(summary_zone)
        .map(|zone| zone.text.as_str());
    let mut bullets = Vec::new();
    let mut previous_date: Option<CivilDate> = None;
    let mut dates = timeline
        .entries
        .iter()
        .filter_map(|entry| entry.time.as_ref()?.date);
    let multi_day = dates
        .next()
        .is_some_and(|first| dates.any(|date| date != first));
    for block in blocks {
        let entries: Vec<&TimelineEntry> = timeline
            .entries
            .iter()
            .filter(|entry| within(entry.span, block.span))
            .collect();
        if entries.is_empty() {
            if !bullets.is_empty() {
                out.block(&bullets.join("\n"));
                bullets.clear();
            }
            render_block(out, source, block);
            continue;
        }
        if let BlockKind::Paragraph { lines } = &block.kind {
            let loose: Vec<&str> = lines
                .iter()
                .filter(|line| !entries.iter().any(|entry| within(line.span, entry.span)))
                .map(|line| line.span.text(source))
                .collect();
            if !loose.is_empty() {
                out.block(&loose.join("\n"));
            }
        }
        for entry in entries {
            bullets.push(bullet(source, entry, zone, multi_day, &mut previous_date));
        }
    }
    if !bullets.is_empty() {
        out.block(&bullets.join("\n"));
    }
}

/// `- 14:05 UTC - text`, with the date in front when the day changes. An entry whose time
/// cannot be lifted out cleanly (a label or a link before it) is kept as written.
fn bullet(
    source: &str,
    entry: &TimelineEntry,
    zone_in_force: Option<&str>,
    multi_day: bool,
    previous_date: &mut Option<CivilDate>,
) -> String {
    let written = strip_list_marker(entry.span.text(source));
    let (Some(time), Some(text)) = (&entry.time, without_leading_time(written)) else {
        return format!("- {}", one_line(written));
    };
    let mut stamp = String::new();
    if let Some(date) = time.date
        && multi_day
        && *previous_date != Some(date)
    {
        let _ = write!(
            stamp,
            "{:04}-{:02}-{:02} ",
            date.year(),
            date.month(),
            date.day()
        );
    }
    if time.date.is_some() {
        *previous_date = time.date;
    }
    let _ = write!(stamp, "{:02}:{:02}", time.clock.hour(), time.clock.minute());
    if let Some(zone) = time
        .zone
        .as_ref()
        .map(|zone| zone.text.as_str())
        .or(zone_in_force)
    {
        stamp.push(' ');
        stamp.push_str(zone);
    }
    format!("- {stamp} - {}", one_line(text))
}

/// The text after an entry's leading time (and the date and zone written with it), when
/// nothing but emphasis stands before the time.
fn without_leading_time(written: &str) -> Option<&str> {
    let mention = time::find_times(written).into_iter().next()?;
    let start = match &mention.date {
        Some(date) if !mention.date_inherited => date.span.start.min(mention.span.start),
        _ => mention.span.start,
    };
    let prefix = written.get(..start)?;
    let opening = prefix.trim();
    if !opening.chars().all(|c| matches!(c, '*' | '_')) {
        return None;
    }
    let mut rest = written.get(mention.extent.end..)?.trim_start();
    rest = rest.strip_prefix(':').unwrap_or(rest);
    if !opening.is_empty() {
        rest = rest.strip_prefix(opening).unwrap_or(rest);
    }
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | ',')
    });
    (!rest.is_empty() && !rest.starts_with(['*', '_'])).then_some(rest)
}

fn strip_list_marker(text: &str) -> &str {
    let trimmed = text.trim_start();
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = trimmed[digits..]
            .strip_prefix(". ")
            .or_else(|| trimmed[digits..].strip_prefix(") "))
    {
        return rest.trim_start();
    }
    trimmed
}

/// Broad improvements stay as written; every task list becomes `- [ ]` items.
fn render_measures(out: &mut Output, source: &str, document: &Document, section: &Section) {
    let measures = &document.measures;
    for block in &section.blocks {
        let task_list = measures
            .task_lists
            .iter()
            .find(|list| list.span == block.span);
        match task_list {
            Some(list) => {
                let items: Vec<String> = measures.tasks[list.tasks.clone()]
                    .iter()
                    .map(|task| {
                        let mark = if task.done == Some(true) { "x" } else { " " };
                        format!(
                            "- [{mark}] {}",
                            one_line(&task_text(source, task.span, &task.text))
                        )
                    })
                    .collect();
                out.block(&items.join("\n"));
            }
            None => render_block(out, source, block),
        }
    }
}

/// A task's text as written, without its list marker and checkbox.
fn task_text(source: &str, span: Span, plain: &str) -> String {
    let written = strip_list_marker(span.text(source));
    let written = written
        .strip_prefix("[ ]")
        .or_else(|| written.strip_prefix("[x]"))
        .or_else(|| written.strip_prefix("[X]"))
        .map_or(written, str::trim_start);
    if written.starts_with('|') {
        plain.to_owned()
    } else {
        written.to_owned()
    }
}

fn within(inner: Span, outer: Span) -> bool {
    inner.start >= outer.start && inner.end <= outer.end
}

/// Joins a multi-line text into one line, so a bullet stays one entry.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Blocks separated by one blank line, ending with one newline.
#[derive(Default)]
struct Output {
    text: String,
}

impl Output {
    fn block(&mut self, block: &str) {
        let block = block.trim_end();
        if block.trim().is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(block);
    }

    fn finish(mut self) -> String {
        self.text.push('\n');
        self.text
    }
}
