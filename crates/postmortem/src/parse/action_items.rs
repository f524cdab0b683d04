//! The tasks of the measures read as action items: whether each gives its owner, its type
//! and its tracking reference, in its own words or in its table's columns.

use crate::model::{
    ActionItem, Block, BlockKind, Cell, Document, Gap, Line, Section, SectionKind, Task,
};
use crate::span::Span;
use crate::text::excerpt;

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
        let span = task.line;
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

fn is_placeholder(value: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::model::Gap;

    #[test]
    fn reads_each_attribute_from_the_words_or_the_table() {
        let source = "# Outage\n\n## Action Items\n\n| Action | Owner | Type | Bug |\n|---|---|---|---|\n| Add a canary stage | @dana | prevent | OPS-12 |\n| Alert on pool use | TBD | detect | |\n\n- [ ] Rotate the keys (owner: @lee) [mitigate]\n";
        let document = crate::parse(source);
        let items: Vec<(&str, [Option<&Gap>; 3])> = crate::parse::action_items(source, &document)
            .iter()
            .map(|item| {
                let gaps = [&item.owner, &item.kind, &item.tracking].map(Option::as_ref);
                (item.excerpt.as_str(), gaps)
            })
            .collect();
        let empty = |column: &str| Gap::EmptyCell(column.to_owned());
        assert_eq!(
            items,
            [
                ("Add a canary stage", [None, None, None]),
                (
                    "Alert on pool use",
                    [Some(&empty("Owner")), None, Some(&empty("Bug"))]
                ),
                (
                    "Rotate the keys (owner: @lee) [mitigate]",
                    [None, None, Some(&Gap::Missing)]
                ),
            ]
        );
    }
}
