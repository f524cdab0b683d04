//! PM505 `action-item-without-owner`, and how the `sre` profile reads an action item's owner,
//! type and tracking reference (shared with PM506 and PM507).

use super::vague_task::task_span;
use crate::config::Profile;
use crate::model::{Block, BlockKind, Cell, Document, Line, Section, Task};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports each action item that names no owner (`sre` profile).
    ///
    /// ## Why is this bad?
    /// An action item that nobody owns is rarely done, and the review loses its follow-through.
    /// The SRE postmortem template gives every action item an owner, usually in an `Owner`
    /// column of the action-item table. The rule accepts a filled `Owner` (or `Assignee`, `Who`)
    /// cell, a `@handle`, or an `owner:` field in the item (`(owner: storage team)`); an empty
    /// cell, `TBD` or `?` is no owner. It runs only under the `sre` profile.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// | Action item | Type | Owner | Bug |
    /// |---|---|---|---|
    /// | Add a canary stage to the deploy pipeline | prevent | | OPS-12 |
    /// ```
    ///
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// - [ ] Alert on queue depth above 10,000 (detect, OPS-13)
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// | Action item | Type | Owner | Bug |
    /// |---|---|---|---|
    /// | Add a canary stage to the deploy pipeline | prevent | @dana | OPS-12 |
    /// ```
    ///
    /// ```markdown
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// ## Action Items
    /// - [ ] Alert on queue depth above 10,000 (detect, owner: storage team, OPS-13)
    /// ```
    pub ActionItemWithoutOwner {
        code: "PM505",
        name: "action-item-without-owner",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for ActionItemWithoutOwner {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if context.profile() != Profile::Sre {
            return;
        }
        for item in action_items(context.source, context.document) {
            if let Some(gap) = item.gap(Attribute::Owner) {
                report.push(without_owner(&item, gap));
            }
        }
    }
}

fn without_owner(item: &ActionItem, gap: &Gap) -> Diagnostic {
    let help = match gap {
        Gap::EmptyCell(column) => format!("Fill in the `{column}` cell with who will do it"),
        Gap::Missing => {
            "Name who will do it: an `Owner` column in the action-item table, or `(owner: @handle)`"
                .to_owned()
        }
    };
    Diagnostic::new(
        &ActionItemWithoutOwner::META,
        item.span,
        format!("Action item `{}` has no owner", item.excerpt),
    )
    .with_help(help)
}

/// What the `sre` profile asks of every action item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Attribute {
    Owner,
    Type,
    Tracking,
}

/// How an action item lacks an attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    /// Its table has a column for the attribute, blank (or `TBD`) in the item's row.
    EmptyCell(String),
    /// Nothing in the item gives it.
    Missing,
}

/// An action item as the `sre` rules read it.
pub(super) struct ActionItem {
    /// The item's line, where its findings point.
    pub(super) span: Span,
    /// The item's first words, for messages.
    pub(super) excerpt: String,
    owner: Option<Gap>,
    kind: Option<Gap>,
    tracking: Option<Gap>,
}

impl ActionItem {
    /// How the item lacks `attribute`, if it does.
    pub(super) fn gap(&self, attribute: Attribute) -> Option<&Gap> {
        match attribute {
            Attribute::Owner => self.owner.as_ref(),
            Attribute::Type => self.kind.as_ref(),
            Attribute::Tracking => self.tracking.as_ref(),
        }
    }
}

/// Header words of a table column holding each attribute.
const OWNER_COLUMNS: &[&str] = &[
    "owner",
    "owners",
    "assignee",
    "assignees",
    "assigned",
    "who",
    "responsible",
    "dri",
    "poc",
];
const TYPE_COLUMNS: &[&str] = &["type", "kind", "category", "class", "classification"];
const TRACKING_COLUMNS: &[&str] = &[
    "bug",
    "bugs",
    "ticket",
    "tickets",
    "issue",
    "issues",
    "tracking",
    "tracker",
    "link",
    "links",
    "reference",
    "references",
    "ref",
    "jira",
    "pr",
    "url",
];

/// Field names that introduce an owner or a type inside an item (`owner: @dana`, `type: prevent`).
const OWNER_FIELDS: &[&str] = &[
    "owner",
    "owners",
    "assignee",
    "assignees",
    "assigned",
    "dri",
    "poc",
    "responsible",
];
const TYPE_FIELDS: &[&str] = &["type", "kind", "category"];

/// Word stems of the action-item types (mitigate, prevent, detect, repair, process...).
const TYPE_STEMS: &[&str] = &[
    "mitigat",
    "prevent",
    "detect",
    "repair",
    "process",
    "investigat",
];

/// Words that introduce a numbered tracking reference (`bug 123`, `PR #12`, `b/123`).
const TRACKING_WORDS: &[&str] = &[
    "bug", "bugs", "issue", "issues", "ticket", "pr", "pull", "cl", "b", "crbug", "jira", "case",
];

/// Uppercase prefixes of `ABC-12` words that are not ticket keys.
const NOT_TICKET_KEYS: &[&str] = &[
    "SHA", "UTF", "ISO", "TLS", "SSL", "HTTP", "IPV", "MD", "CVE", "COVID", "RFC", "GPT",
];

/// Values that stand for a missing one.
const PLACEHOLDERS: &[&str] = &[
    "",
    "-",
    "–",
    "—",
    "?",
    "??",
    "...",
    "…",
    "tbd",
    "tba",
    "todo",
    "n/a",
    "na",
    "none",
    "unknown",
    "unassigned",
    "nobody",
    "xxx",
];

/// The action items (the tasks of the action-items section), each with what it lacks.
pub(super) fn action_items(source: &str, document: &Document) -> Vec<ActionItem> {
    let tasks = &document.measures.tasks;
    let mut items: Vec<ActionItem> = Vec::with_capacity(tasks.len());
    for task in tasks {
        let nested = tasks.iter().filter(|other| other.span == task.span).count() > 1;
        let span = task_span(source, task.span, &task.text);
        if items.iter().any(|item| item.span == span) {
            continue;
        }
        items.push(read_item(source, document, task, span, nested));
    }
    items
}

fn read_item(
    source: &str,
    document: &Document,
    task: &Task,
    span: Span,
    nested: bool,
) -> ActionItem {
    let place = place_of(document, task.span);
    let row = place.and_then(|(section, index)| table_row(&section.blocks[index], task.span));
    // The item's own words: its row, its line when it is one of a labelled item's nested
    // items, else the whole list item (a tracking link often sits on its second line).
    let own = if nested && row.is_none() {
        span.text(source)
    } else {
        task.span.text(source)
    };
    let own = strip_marker(own);
    let mut grouped = place.is_some_and(|(section, index)| group_names_type(section, index, task));
    if nested {
        let first_line = task.span.text(source).lines().next().unwrap_or_default();
        grouped |= strip_marker(first_line)
            .split_once(':')
            .is_some_and(|(label, _)| names_type(label));
    }
    ActionItem {
        span,
        excerpt: excerpt(&task.text),
        owner: gap(has_owner(own), column(row, OWNER_COLUMNS)),
        kind: gap(grouped || has_type(own), column(row, TYPE_COLUMNS)),
        tracking: gap(has_tracking(own), column(row, TRACKING_COLUMNS)),
    }
}

/// The name of the row's column for an attribute, and whether the row fills it.
fn column(row: Option<(&[Cell], &[Cell])>, names: &[&str]) -> Option<(String, bool)> {
    let (header, cells) = row?;
    let index = header.iter().position(|cell| has_word(&cell.text, names))?;
    let filled = cells
        .get(index)
        .is_some_and(|cell| !is_placeholder(&cell.text));
    Some((header[index].text.trim().to_owned(), filled))
}

/// What the item lacks, from whether its text gives the attribute and its table column.
fn gap(given: bool, column: Option<(String, bool)>) -> Option<Gap> {
    match column {
        _ if given => None,
        Some((_, true)) => None,
        Some((name, false)) => Some(Gap::EmptyCell(name)),
        None => Some(Gap::Missing),
    }
}

/// The section and the index of the block holding `span`.
fn place_of(document: &Document, span: Span) -> Option<(&Section, usize)> {
    let contains = |outer: Span| outer.start <= span.start && span.start <= outer.end;
    document
        .sections
        .iter()
        .filter(|section| contains(section.span))
        .find_map(|section| {
            let index = section
                .blocks
                .iter()
                .position(|block| contains(block.span))?;
            Some((section, index))
        })
}

/// The header and the cells of the table row `span` covers, when `block` is a table.
fn table_row(block: &Block, span: Span) -> Option<(&[Cell], &[Cell])> {
    let BlockKind::Table { header, rows } = &block.kind else {
        return None;
    };
    let row = rows.iter().find(|row| {
        row.iter()
            .any(|cell| span.start <= cell.span.start && cell.span.end <= span.end)
    })?;
    Some((header, row))
}

/// Whether the sub-heading or label the item sits under names a type ("### Prevent",
/// "**Mitigations:**").
fn group_names_type(section: &Section, index: usize, task: &Task) -> bool {
    let mut grouped = section.kind == SectionKind::Other && names_type(&section.heading.text);
    for block in &section.blocks[..=index] {
        match &block.kind {
            BlockKind::Heading { heading } if block.span.start < task.span.start => {
                grouped = names_type(&heading.text);
            }
            BlockKind::Paragraph { lines } => {
                for line in lines
                    .iter()
                    .filter(|line| line.span.start < task.span.start)
                {
                    if is_label(line) {
                        grouped = names_type(&line.text);
                    }
                }
            }
            _ => {}
        }
    }
    grouped
}

fn is_label(line: &Line) -> bool {
    let text = line.text.trim();
    (line.bold || text.ends_with(':')) && text.split_whitespace().count() <= 5
}

/// Whether a heading or label names a type of action item.
fn names_type(text: &str) -> bool {
    words(text).any(|(_, word)| is_type_word(&word.to_lowercase()))
}

fn is_type_word(word: &str) -> bool {
    TYPE_STEMS.iter().any(|stem| word.starts_with(stem))
}

/// An owner in the item: `@handle`, `owner: ...`, `owned by ...`, `assigned to ...`.
fn has_owner(text: &str) -> bool {
    let handle = text.char_indices().any(|(index, character)| {
        character == '@'
            && text[index + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            && text[..index].chars().next_back().is_none_or(|before| {
                !before.is_alphanumeric() && !matches!(before, '.' | '_' | '-')
            })
    });
    handle
        || has_field(text, OWNER_FIELDS)
        || ["owned by ", "assigned to "].iter().any(|phrase| {
            find_ignore_case(text, phrase).is_some_and(|index| {
                text[index + phrase.len()..]
                    .trim_start()
                    .starts_with(char::is_alphanumeric)
            })
        })
}

/// A type in the item: `type: prevent`, or a type word set apart as a tag: `[prevent]`,
/// `(mitigate, @dana)`, `Prevent: ...`, `**detect**`, a table cell.
fn has_type(text: &str) -> bool {
    if has_field(text, TYPE_FIELDS) {
        return true;
    }
    words(text).any(|(start, word)| {
        let lower = word.to_lowercase();
        if !(is_type_word(&lower) || lower == "other") {
            return false;
        }
        let end = start + word.len();
        let before = text[..start].trim_end_matches([' ', '\t', '*', '_', '`']);
        let after = text[end..].trim_start_matches([' ', '\t', '*', '_', '`']);
        let emphasised = ["**", "__", "`"]
            .iter()
            .any(|mark| text[..start].ends_with(mark) && text[end..].starts_with(mark));
        let opens = before
            .chars()
            .next_back()
            .is_none_or(|character| "([{,;|/#".contains(character));
        let closes = after
            .chars()
            .next()
            .is_none_or(|character| ")]},;:|/".contains(character));
        emphasised || opens && closes
    })
}

/// A tracking reference in the item: a link, `#123`, `OPS-12`, `b/123`, `bug 123`.
fn has_tracking(text: &str) -> bool {
    if ["http://", "https://", "](", "www."]
        .iter()
        .any(|marker| text.contains(marker))
    {
        return true;
    }
    let issue_number = text.char_indices().any(|(index, character)| {
        character == '#'
            && text[index + 1..].starts_with(|c: char| c.is_ascii_digit())
            && text[..index]
                .chars()
                .next_back()
                .is_none_or(|before| !before.is_alphanumeric() && before != '&')
    });
    issue_number
        || text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .any(is_ticket_key)
        || words(text).any(|(start, word)| {
            TRACKING_WORDS.contains(&word.to_lowercase().as_str())
                && text[start + word.len()..]
                    .trim_start_matches([' ', '#', ':', '/', '-'])
                    .starts_with(|c: char| c.is_ascii_digit())
        })
}

/// `OPS-12`, `INFRA-2024`: an uppercase project key, a dash and a number.
fn is_ticket_key(token: &str) -> bool {
    let Some((key, number)) = token.split_once('-') else {
        return false;
    };
    key.len() >= 2
        && key.starts_with(|c: char| c.is_ascii_uppercase())
        && key
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && !NOT_TICKET_KEYS.contains(&key)
}

/// `name: value` (or `name = value`, `name/value`) for one of `names`, with a real value.
fn has_field(text: &str, names: &[&str]) -> bool {
    words(text).any(|(start, word)| {
        if !names.contains(&word.to_lowercase().as_str()) {
            return false;
        }
        let rest = text[start + word.len()..].trim_start_matches([' ', '*', '_']);
        let Some(value) = rest.strip_prefix([':', '=', '/']) else {
            return false;
        };
        let value = value.trim_start_matches([' ', '*', '_', '`']);
        let value = value
            .split([',', ';', ')', ']', '|', '\n'])
            .next()
            .unwrap_or_default();
        value.chars().any(char::is_alphanumeric) && !is_placeholder(value)
    })
}

fn has_word(text: &str, vocabulary: &[&str]) -> bool {
    words(text).any(|(_, word)| vocabulary.contains(&word.to_lowercase().as_str()))
}

pub(super) fn is_placeholder(value: &str) -> bool {
    let value = value
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '`' | '"' | '\'' | '[' | ']' | '<' | '>'))
        .trim()
        .to_lowercase();
    PLACEHOLDERS.contains(&value.as_str())
}

/// Alphanumeric words with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (index, character) in chars.by_ref() {
            match (start, character.is_alphanumeric()) {
                (None, true) => start = Some(index),
                (Some(from), false) => {
                    start = None;
                    return Some((from, &text[from..index]));
                }
                _ => {}
            }
        }
        None
    })
}

fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    crate::model::find_ignore_ascii_case(text, needle)
}

/// The text after a list marker and a checkbox.
fn strip_marker(text: &str) -> &str {
    let text = text.trim_start();
    let text = text
        .strip_prefix(['-', '*', '+'])
        .filter(|rest| rest.starts_with([' ', '\t']))
        .or_else(|| {
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0)
                .then(|| text[digits..].strip_prefix(['.', ')']))
                .flatten()
        })
        .unwrap_or(text)
        .trim_start();
    ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|checkbox| text.strip_prefix(checkbox))
        .unwrap_or(text)
        .trim_start()
}

/// The first words of an item, for messages.
fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() <= 8 {
        line.trim_end_matches(['.', ':']).to_owned()
    } else {
        format!("{} ...", words[..8].join(" "))
    }
}
