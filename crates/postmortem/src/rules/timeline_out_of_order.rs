//! PM303 `timeline-out-of-order`.

use crate::model::{BlockKind, ListItem, Section, Timeline, TimelineEntry};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports a timeline entry that is earlier than the entry before it.
    ///
    /// ## Why is this bad?
    /// Readers take a timeline's order as the order of events. An entry out of place makes the
    /// response read differently from what happened, and is often a typo in the time (`12:30 AM`
    /// for `12:30 PM`) that misstates how long something took.
    ///
    /// Times are compared on one axis, whatever is known: dates written on entries, on lines or
    /// headings of their own, carried from entry to entry; the timezone of each entry; and a
    /// clock that goes back from the evening to the early morning (or by more than twelve hours)
    /// is read as the next day, so `23:50` then `00:10` is in order. An entry is reported once,
    /// against the entry just before it; entries written in different timezones are reported
    /// only when both their instants and their clock times go backwards (`mixed-timezones`
    /// reports the zones). Prose timelines are not checked.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Timeline
    /// - 10:00 UTC - A latency alert paged the on-call engineer.
    /// - 10:40 UTC - An index was added and service was restored.
    /// - 10:10 UTC - The engineer examined the database's slow query log.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Timeline
    /// - 23:50 UTC - A latency alert paged the on-call engineer.
    /// - 00:10 UTC - The engineer examined the database's slow query log.
    /// - 00:40 UTC - An index was added and service was restored.
    /// ```
    ///
    /// ## Fix
    /// When the entry and the one before it are items of the same Markdown list, sorts that
    /// list's items by time, keeping each item's text as written (and the numbers of an ordered
    /// list in place).
    pub TimelineOutOfOrder {
        code: "PM303",
        name: "timeline-out-of-order",
        severity: Severity::Warning,
        fixable: true,
        requirement: "timeline.order",
    }
}

impl Rule for TimelineOutOfOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let timeline = &document.timeline;
        if !timeline.form.has_entries() {
            return;
        }
        let Some(section) = document.section(SectionKind::Timeline) else {
            return;
        };
        let mut fixed_lists: Vec<Span> = Vec::new();
        let mut previous: Option<(&TimelineEntry, Moment)> = None;
        for (entry, time) in timeline.timed_entries() {
            let Some(elapsed) = time.elapsed_minutes else {
                continue;
            };
            let moment = Moment {
                elapsed,
                offset: time.offset_minutes,
            };
            if let Some((before, earlier)) = previous
                && moment.is_before(earlier)
            {
                let mut diagnostic = out_of_order(context.source, entry, before);
                let list = list_of(section, entry.span)
                    .filter(|(list, _)| list.span.start <= before.span.start)
                    .filter(|(list, _)| !fixed_lists.contains(&list.span));
                if let Some((list, items)) = list
                    && let Some(edit) = sorted(context.source, timeline, items)
                {
                    fixed_lists.push(list.span);
                    diagnostic = diagnostic.with_fix("Sort the list's entries by time", vec![edit]);
                }
                report.push(diagnostic);
            }
            previous = Some((entry, moment));
        }
    }
}

fn out_of_order(source: &str, entry: &TimelineEntry, before: &TimelineEntry) -> Diagnostic {
    let time_text = |entry: &TimelineEntry| {
        entry
            .time
            .as_ref()
            .map(|time| time.span.text(source).to_owned())
            .unwrap_or_default()
    };
    let span = entry.time.as_ref().map_or(entry.span, |time| time.span);
    Diagnostic::new(
        &TimelineOutOfOrder::META,
        span,
        format!(
            "Entry at `{}` is earlier than the entry before it, at `{}`",
            time_text(entry),
            time_text(before)
        ),
    )
    .with_help("Move the entry to its place in time, or correct its time")
}

/// Where an entry falls: minutes on the timeline's axis, and its UTC offset.
#[derive(Clone, Copy)]
struct Moment {
    elapsed: i64,
    offset: Option<i32>,
}

impl Moment {
    /// Earlier in time and, when the two are written in different zones, on the clock too.
    fn is_before(self, other: Moment) -> bool {
        let wall = |moment: Moment| moment.elapsed + i64::from(moment.offset.unwrap_or(0));
        let zones_differ = matches!((self.offset, other.offset), (Some(a), Some(b)) if a != b);
        self.elapsed < other.elapsed && (!zones_differ || wall(self) < wall(other))
    }
}

/// The Markdown list of the timeline section that holds the entry at `span`.
fn list_of(section: &Section, span: Span) -> Option<(&crate::model::Block, &[ListItem])> {
    section.blocks.iter().find_map(|block| match &block.kind {
        BlockKind::List { items, .. } if items.iter().any(|item| item.span == span) => {
            Some((block, items.as_slice()))
        }
        _ => None,
    })
}

/// An edit that rewrites the list's items in time order, when every item is a timed entry.
fn sorted(source: &str, timeline: &Timeline, items: &[ListItem]) -> Option<Edit> {
    let mut order: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| {
            let entry = timeline
                .entries
                .iter()
                .find(|entry| entry.span == item.span)?;
            Some((entry.time.as_ref()?.elapsed_minutes?, position))
        })
        .collect::<Option<_>>()?;
    crate::sort::sort_by_key(&mut order, |&(elapsed, _)| crate::sort::signed(elapsed));
    if order
        .iter()
        .enumerate()
        .all(|(at, &(_, position))| at == position)
    {
        return None;
    }
    let texts: Vec<&str> = items
        .iter()
        .map(|item| item.span.text(source).trim_end())
        .collect();
    let end_of = |position: usize| items[position].span.start + to_u32(texts[position].len());
    let mut replacement = String::new();
    for (at, &(_, position)) in order.iter().enumerate() {
        let (marker, _) = split_marker(texts[at]);
        let (_, content) = split_marker(texts[position]);
        replacement.push_str(marker);
        replacement.push_str(content);
        if let Some(next) = items.get(at + 1) {
            replacement.push_str(Span::new(end_of(at), next.span.start).text(source));
        }
    }
    let last = items.len() - 1;
    Some(Edit::replace(
        Span::new(items[0].span.start, end_of(last)),
        replacement,
    ))
}

/// An item's list marker (`- `, `1. `) and the rest. Bullet markers travel with their items;
/// numbers stay in place, so an ordered list keeps counting up.
fn split_marker(item: &str) -> (&str, &str) {
    let digits = item.len() - item.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return ("", item);
    }
    let rest = &item[digits..];
    if !rest.starts_with(['.', ')']) {
        return ("", item);
    }
    let spaces = rest[1..].len() - rest[1..].trim_start_matches([' ', '\t']).len();
    item.split_at(digits + 1 + spaces)
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
