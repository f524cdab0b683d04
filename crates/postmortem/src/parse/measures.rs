//! The measures sections' blocks → broad improvements and specific tasks.

use crate::model::{
    Block, BlockKind, Document, ListItem, Measures, RunOrigin, Section, SectionKind, Task,
    TaskList, TextRun,
};
use crate::parse::exceeds_words;
use crate::parse::html_lists::html_block_items;
use crate::span::Span;
use crate::text::push_lowercase_words;
use std::sync::LazyLock;

/// Labels and sub-headings that introduce a task list.
const TASK_LABELS: &[&str] = &[
    "task",
    "tasks",
    "todo",
    "to do",
    "to-do",
    "action item",
    "action items",
    "action plan",
    "next steps",
    "follow-up",
    "follow up",
    "follow-ups",
    "checklist",
    "corrective actions",
    "preventive actions",
    "preventative actions",
    "remediation items",
    "immediate fixes",
    "immediate actions",
    "quick fixes",
    "short-term fixes",
];
/// Labels and sub-headings that introduce broad improvements.
const IMPROVEMENT_LABELS: &[&str] = &[
    "improvement",
    "improvements",
    "corrective",
    "preventative",
    "preventive",
    "measures",
    "lessons",
    "recommendations",
];

/// Verbs that begin a specific, checkable task ("Add monitoring on server memory").
const SPECIFIC_VERBS: &[&str] = &[
    "add",
    "patch",
    "set",
    "configure",
    "create",
    "write",
    "deploy",
    "enable",
    "install",
    "upgrade",
    "migrate",
    "automate",
    "document",
    "schedule",
    "remove",
    "replace",
    "rotate",
    "alert",
    "pin",
    "rename",
    "fix",
    "update",
    "limit",
    "cap",
    "raise",
    "lower",
    "restrict",
    "disable",
    "move",
    "split",
    "backfill",
    "revert",
    "roll",
    "tune",
    "reduce",
    "introduce",
    "require",
    "block",
    "rewrite",
    "refactor",
];
/// Verbs that begin a broad aim rather than a task ("Improve our testing procedures").
const BROAD_VERBS: &[&str] = &[
    "improve",
    "increase",
    "enhance",
    "establish",
    "strengthen",
    "ensure",
    "maintain",
    "continue",
    "consider",
    "foster",
    "promote",
    "encourage",
    "prioritize",
    "prioritise",
    "invest",
    "explore",
    "evaluate",
    "regularly",
    "be",
];
/// Other verbs an imperative line begins with: enough to tell a task line from prose.
const OTHER_VERBS: &[&str] = &[
    "conduct",
    "provide",
    "review",
    "develop",
    "train",
    "implement",
    "optimize",
    "optimise",
    "monitor",
    "run",
    "test",
    "audit",
    "integrate",
    "incorporate",
    "perform",
    "check",
    "verify",
    "validate",
    "apply",
    "adopt",
    "use",
    "switch",
    "build",
    "define",
    "publish",
    "share",
    "assign",
    "track",
    "investigate",
    "analyze",
    "analyse",
    "assess",
    "expand",
    "extend",
    "hold",
    "keep",
    "make",
    "adjust",
    "modify",
    "change",
    "clean",
    "harden",
    "isolate",
    "separate",
    "standardize",
    "standardise",
    "plan",
    "design",
    "benchmark",
    "measure",
    "simulate",
    "scale",
    "provision",
    "retire",
    "deprecate",
    "delete",
    "drop",
    "enforce",
    "educate",
    "communicate",
    "notify",
    "prepare",
    "setup",
    "decrease",
    "allow",
    "describe",
    "figure",
    "find",
    "revisit",
    "look",
    "tighten",
    "label",
    "select",
    "restart",
    "reinstall",
    "backup",
    "archive",
    "purge",
    "inspect",
    "identify",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Unlabelled,
    Tasks,
    Improvements,
}

/// Where the reader stands inside a measures section.
struct Reader {
    /// What the section (or the current sub-heading) makes of its lists.
    base: Context,
    /// Set by a label line for the next list only.
    context: Context,
    /// The section's own heading names a task list ("Action items").
    section_is_tasks: bool,
    /// The first task of the run of task lines being read, across paragraphs.
    run: Option<usize>,
    /// Lines no label names that read as instructions, one after another across short
    /// paragraphs: a task list when most of them name actions, like a list's items.
    instructions: Vec<(String, Span)>,
}

impl Reader {
    /// Ends the run of instruction lines: a task list (and improvements) when they name
    /// actions, improvements otherwise.
    fn end_instructions(&mut self, measures: &mut Measures) {
        let lines = std::mem::take(&mut self.instructions);
        let Some(span) = lines.iter().map(|(_, span)| *span).reduce(Span::cover) else {
            return;
        };
        let items: Vec<(&str, Span, Option<bool>)> = lines
            .iter()
            .map(|(text, span)| (text.as_str(), *span, None))
            .collect();
        if items.len() >= 2 {
            push_items(&items, span, Context::Unlabelled, measures);
        } else {
            for (text, span, _) in items {
                push_line(Context::Improvements, text, span, measures);
            }
        }
    }
}

pub(crate) fn measures(source: &str, document: &Document) -> Measures {
    let mut measures = Measures::default();
    for section in measures_sections(document) {
        let heading = label_context(&section.heading.text);
        let base = match (section.kind, heading) {
            (_, Some(Context::Tasks)) => Context::Tasks,
            (SectionKind::Other, Some(Context::Improvements)) => Context::Improvements,
            _ => Context::Unlabelled,
        };
        let mut reader = Reader {
            base,
            context: base,
            section_is_tasks: base == Context::Tasks,
            run: None,
            instructions: Vec::new(),
        };
        for block in &section.blocks {
            if !matches!(block.kind, BlockKind::Paragraph { .. }) {
                reader.end_instructions(&mut measures);
            }
            read_block(source, block, &mut reader, &mut measures);
        }
        reader.end_instructions(&mut measures);
    }
    for task in &mut measures.tasks {
        task.line = task_line(source, task.span, &task.text);
    }
    measures
}

/// The measures sections, and the sections right after them that only a label names
/// ("# Tasks:", "### Tasks to Address the Issue:"): the author's sub-sections of the measures.
fn measures_sections(document: &Document) -> Vec<&Section> {
    let mut sections = Vec::new();
    let mut following_measures = false;
    for section in &document.sections {
        match section.kind {
            SectionKind::Measures => {
                sections.push(section);
                following_measures = true;
            }
            SectionKind::Other
                if following_measures && label_context(&section.heading.text).is_some() =>
            {
                sections.push(section);
            }
            _ => following_measures = false,
        }
    }
    sections
}

fn read_block(source: &str, block: &Block, reader: &mut Reader, measures: &mut Measures) {
    match &block.kind {
        BlockKind::Heading { heading } => {
            reader.base = match label_context(&heading.text) {
                _ if reader.section_is_tasks => Context::Tasks,
                Some(context) => context,
                None => Context::Unlabelled,
            };
            reader.context = reader.base;
            reader.run = None;
        }
        BlockKind::Paragraph { lines } => {
            for line in lines {
                let text = line.text.trim();
                let task_start = measures.tasks.len();
                let is_label = text.ends_with(':') && !exceeds_words(text, 5);
                if let Some(labelled) = label_line_context(text, line.bold) {
                    reader.context = labelled;
                } else if let Some((context, rest)) = inline_label(text) {
                    push_line(context, rest, line.span, measures);
                } else if reader.context == Context::Tasks && is_imperative(text) {
                    push_line(Context::Tasks, text, line.span, measures);
                } else if reader.context == Context::Unlabelled
                    && is_imperative(text)
                    && !ends_sentence_mid_line(text)
                {
                    reader.instructions.push((text.to_owned(), line.span));
                    continue;
                } else if !text.ends_with(':') && exceeds_words(text, 3) {
                    reader.end_instructions(measures);
                    push_line(Context::Improvements, text, line.span, measures);
                }
                if measures.tasks.len() > task_start {
                    let first = *reader.run.get_or_insert(task_start);
                    close_list(measures, first);
                } else if !is_label {
                    reader.run = None;
                }
            }
        }
        BlockKind::List { items, .. } => {
            read_list(block, items, reader.context, measures);
            reader.context = reader.base;
            reader.run = None;
        }
        BlockKind::Table { rows, .. } => {
            let first = measures.tasks.len();
            for row in rows {
                let Some(first_cell) = row.first() else {
                    continue;
                };
                let span = row
                    .iter()
                    .map(|cell| cell.span)
                    .reduce(Span::cover)
                    .unwrap_or(first_cell.span);
                measures.tasks.push(Task {
                    actions: actions_in(&first_cell.text),
                    text: first_cell.text.clone(),
                    span,
                    line: span,
                    done: None,
                });
            }
            if measures.tasks.len() > first {
                measures.task_lists.push(TaskList {
                    span: block.span,
                    tasks: first..measures.tasks.len(),
                });
            }
            reader.context = reader.base;
            reader.run = None;
        }
        BlockKind::Html { text } if !block.is_blank() => {
            let items = html_items(source, block, text);
            if items.is_empty() {
                let text = crate::text::strip_tags(text);
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.ends_with(':') && exceeds_words(&text, 3) {
                    push_line(Context::Improvements, &text, block.span, measures);
                }
            } else {
                read_list(block, &items, reader.context, measures);
                reader.context = reader.base;
            }
            reader.run = None;
        }
        _ => {}
    }
}

/// The `<li>` items of an HTML list, with their spans when the block's text is its source.
fn html_items(source: &str, block: &Block, html: &str) -> Vec<ListItem> {
    html_block_items(source, block, html)
        .into_iter()
        .map(|(span, text)| ListItem {
            text,
            span,
            task: None,
            children: Vec::new(),
        })
        .collect()
}

fn read_list(block: &Block, items: &[ListItem], context: Context, measures: &mut Measures) {
    // Items that are only labels over nested items ("- **Tasks:**" then "  - Patch ...") are
    // read as their own lists, each in the context its label gives.
    let labelled =
        |item: &ListItem| nested_label(&item.text).is_some() || item_label(&item.text).is_some();
    if items.iter().any(labelled) {
        for item in items {
            if nested_label(&item.text).is_none()
                && let Some((context, rest)) = item_label(&item.text)
            {
                push_items(
                    &[(rest, item.span, item.task)],
                    item.span,
                    context,
                    measures,
                );
                continue;
            }
            match nested_label(&item.text) {
                Some((label, nested)) => {
                    let context = label_context(label).unwrap_or(context);
                    // Nested items are read each with its own span and checkbox; nested lines
                    // that are not list items share the label item's.
                    let nested: Vec<(&str, Span, Option<bool>)> = if item.children.is_empty() {
                        nested
                            .lines()
                            .filter(|line| is_nested_entry(line))
                            .map(|line| (line.trim(), item.span, None))
                            .collect()
                    } else {
                        item.children
                            .iter()
                            .filter(|child| is_nested_entry(&child.text))
                            .map(|child| (child.text.trim(), child.span, child.task))
                            .collect()
                    };
                    push_items(&nested, item.span, context, measures);
                }
                None => push_items(
                    &[(item.text.as_str(), item.span, item.task)],
                    item.span,
                    context,
                    measures,
                ),
            }
        }
        return;
    }
    let items: Vec<(&str, Span, Option<bool>)> = items
        .iter()
        .map(|item| (item.text.as_str(), item.span, item.task))
        .collect();
    push_items(&items, block.span, context, measures);
}

/// Whether a nested line reads as an entry: it starts with a word of two letters or more and
/// has more than one word (code and diagrams in an item do not).
fn is_nested_entry(text: &str) -> bool {
    let line = text.lines().next().unwrap_or_default().trim();
    line.split_whitespace().next().is_some_and(|word| {
        word.starts_with(char::is_alphanumeric)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }) && exceeds_words(line, 1)
}

/// The items of one list, each with its text, span and checkbox: tasks or improvements as a
/// whole, by `context` and what they say.
fn push_items(
    items: &[(&str, Span, Option<bool>)],
    list_span: Span,
    context: Context,
    measures: &mut Measures,
) {
    if items.is_empty() {
        return;
    }
    let (is_tasks, is_improvements) = match context {
        _ if items.iter().any(|(_, _, done)| done.is_some()) => (true, false),
        Context::Tasks => (true, false),
        Context::Improvements => (false, true),
        // A list no label names is both when its items are actions: they are the tasks, and
        // together they say broadly what will be improved.
        Context::Unlabelled => (
            mostly_specific(items.iter().map(|(text, _, _)| *text)),
            true,
        ),
    };
    if is_tasks {
        let first = measures.tasks.len();
        measures
            .tasks
            .extend(items.iter().map(|&(text, span, done)| Task {
                text: text.to_owned(),
                span,
                line: span,
                done,
                actions: actions_in(text),
            }));
        measures.task_lists.push(TaskList {
            span: list_span,
            tasks: first..measures.tasks.len(),
        });
    }
    if is_improvements {
        measures.improvements.extend(
            items
                .iter()
                .filter(|(text, _, _)| !text.trim().is_empty())
                .map(|&(text, span, _)| TextRun {
                    text: text.to_owned(),
                    span,
                    origin: RunOrigin::ListItem,
                }),
        );
    }
}

fn push_line(context: Context, text: &str, span: Span, measures: &mut Measures) {
    if context == Context::Tasks {
        measures.tasks.push(Task {
            text: text.to_owned(),
            span,
            line: span,
            done: None,
            actions: actions_in(text),
        });
    } else {
        measures.improvements.push(TextRun {
            text: text.to_owned(),
            span,
            origin: RunOrigin::Paragraph,
        });
    }
}

/// How many actions a task names: "Conduct security audits, enforce USB device policies"
/// names two, since each part starts with a verb; "Add alerts for CPU, memory and disk", one.
fn actions_in(text: &str) -> usize {
    let mut parts = 0;
    let mut all_actions = true;
    for part in text.split([',', ';']) {
        let part = part.trim();
        let part = part.strip_prefix("and ").unwrap_or(part);
        if part.trim().is_empty() {
            continue;
        }
        parts += 1;
        all_actions &= first_word(part).as_deref().and_then(verb).is_some();
    }
    if parts >= 2 && all_actions { parts } else { 1 }
}

/// Makes the tasks from `first` on one task list, extending the last one if it starts there.
fn close_list(measures: &mut Measures, first: usize) {
    let end = measures.tasks.len();
    let span = measures.tasks[first..end]
        .iter()
        .map(|task| task.span)
        .reduce(Span::cover)
        .unwrap_or_default();
    match measures.task_lists.last_mut() {
        Some(list) if list.tasks.start == first => {
            list.tasks = first..end;
            list.span = span;
        }
        _ => measures.task_lists.push(TaskList {
            span,
            tasks: first..end,
        }),
    }
}

/// A list item whose first line is only a label, followed by nested lines: (label, nested).
fn nested_label(text: &str) -> Option<(&str, &str)> {
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    let is_label = first.ends_with(':') && !exceeds_words(first, 6);
    let nested_lines = rest.lines().filter(|line| !line.trim().is_empty()).count();
    let is_list_label = label_context(first).is_some() || nested_lines >= 2;
    (is_label && is_list_label && nested_lines > 0).then_some((first, rest))
}

/// A list item that starts with a task label and goes on: "**Tasks:** Conduct audits".
fn item_label(text: &str) -> Option<(Context, &str)> {
    inline_label(text).filter(|(context, _)| *context == Context::Tasks)
}

/// A line that starts with a task or improvement label and goes on: "Tasks: Conduct audits".
fn inline_label(text: &str) -> Option<(Context, &str)> {
    let (label, rest) = text.split_once(':')?;
    let rest = rest.trim();
    if exceeds_words(label, 4) || !exceeds_words(rest, 2) {
        return None;
    }
    let context = label_context(label)?;
    // "Preventive measures: we will ..." is a label over prose, read as an improvement.
    Some((context, rest))
}

/// A line that is only a label ("TODO:", "**Tasks:**") sets the context for what follows.
fn label_line_context(text: &str, bold: bool) -> Option<Context> {
    let is_label = bold || text.ends_with(':');
    if !is_label || exceeds_words(text, 5) {
        return None;
    }
    label_context(text)
}

fn label_context(text: &str) -> Option<Context> {
    let label = text
        .trim()
        .trim_end_matches(':')
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if TASK_LABELS.iter().any(|known| {
        label == *known
            || label
                .strip_prefix(known)
                .is_some_and(|rest| rest.starts_with(' '))
            || label
                .strip_suffix(known)
                .is_some_and(|rest| rest.ends_with(' '))
    }) {
        Some(Context::Tasks)
    } else if label
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| IMPROVEMENT_LABELS.contains(&word))
    {
        Some(Context::Improvements)
    } else {
        None
    }
}

/// Which list a verb is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Specific,
    Broad,
    Other,
}

/// Every verb with its list, sorted, to be found by a binary search instead of a comparison
/// with each in turn.
static VERBS: LazyLock<Vec<(&'static str, Verb)>> = LazyLock::new(|| {
    let mut verbs: Vec<(&'static str, Verb)> = [
        (SPECIFIC_VERBS, Verb::Specific),
        (BROAD_VERBS, Verb::Broad),
        (OTHER_VERBS, Verb::Other),
    ]
    .into_iter()
    .flat_map(|(verbs, list)| verbs.iter().map(move |&verb| (verb, list)))
    .collect();
    verbs.sort_unstable_by_key(|&(verb, _)| verb);
    verbs
});

/// The list a (lowercase) word is in, if it is one of the verbs, or the verb it is the
/// gerund of: "Adding alerts on memory" names the same action as "Add alerts on memory".
fn verb(word: &str) -> Option<Verb> {
    let listed = |word: &str| {
        VERBS
            .binary_search_by_key(&word, |&(verb, _)| verb)
            .ok()
            .map(|index| VERBS[index].1)
    };
    listed(word).or_else(|| {
        // "adding" → "add", "configuring" → "configure", "setting" → "set".
        let stem = word
            .strip_suffix("ing")
            .filter(|stem| stem.len() >= 2 && stem.is_ascii())?;
        let bytes = stem.as_bytes();
        let undoubled =
            (bytes[bytes.len() - 1] == bytes[bytes.len() - 2]).then(|| &stem[..stem.len() - 1]);
        listed(stem)
            .or_else(|| listed(&format!("{stem}e")))
            .or_else(|| undoubled.and_then(listed))
    })
}

/// Whether a line holds more than one sentence ("Patch the server. Train the team."): prose
/// run together, not one task a line.
fn ends_sentence_mid_line(text: &str) -> bool {
    text.trim_end()
        .match_indices(". ")
        .any(|(index, _)| text[index + 2..].starts_with(char::is_uppercase))
}

/// Whether an unlabelled list is a task list: two or more of its items, and at least half,
/// name something to do (they start, after a short label, with a verb of action, even a
/// generic one such as "monitor" or "implement"), and more of them than aim at an area with a
/// verb of degree ("improve", "strengthen").
fn mostly_specific<'a>(items: impl Iterator<Item = &'a str>) -> bool {
    let mut actions = 0;
    let mut broad = 0;
    let mut total = 0;
    for item in items {
        total += 1;
        match item_verb(item) {
            Some(Verb::Broad) => broad += 1,
            Some(Verb::Specific | Verb::Other) => actions += 1,
            None => {}
        }
    }
    actions >= 2 && actions > broad && actions * 2 >= total
}

/// The verb an item starts with, or the one after its short label ("Audits: Conduct ...").
fn item_verb(item: &str) -> Option<Verb> {
    first_word(item).as_deref().and_then(verb).or_else(|| {
        let (label, rest) = item.split_once(':')?;
        if exceeds_words(label, 6) {
            return None;
        }
        first_word(rest).as_deref().and_then(verb)
    })
}

/// A line that reads as an instruction: it starts with a verb, or with a short label
/// followed by one ("Monitor Resource Utilization: Set up ...").
fn is_imperative(text: &str) -> bool {
    let is_verb = |part: &str| first_word(part).is_some_and(|word| verb(&word).is_some());
    if is_verb(text) {
        return true;
    }
    text.split_once(':')
        .is_some_and(|(label, rest)| !exceeds_words(label, 6) && is_verb(rest))
}

/// The first word of an item, lowercased, after numbering and a bold label ("**Patch:** ...").
pub(crate) fn first_word(text: &str) -> Option<String> {
    text.split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|word| !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()))
}

/// The source line of `task` within `span`: the first line whose words hold the task's first
/// three. Falls back to the span's first line.
fn task_line(source: &str, span: Span, task: &str) -> Span {
    let text = span.text(source);
    // The first line, with its line break.
    let first_end = text.find('\n').map_or(text.len(), |index| index + 1);
    let mut found = (0, &text[..first_end]);
    // Only a span of several lines needs its lines read: with one, that line is the answer.
    if first_end < text.len() {
        let mut key = String::new();
        push_lowercase_words(task, 3, &mut key);
        // The words of a line, reused from line to line.
        let mut joined = String::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            joined.clear();
            push_lowercase_words(line, usize::MAX, &mut joined);
            if joined.contains(&key) {
                found = (offset, line);
                break;
            }
            offset += line.len();
        }
    }
    let (start, line) = found;
    let line = line.trim_end();
    let indent = line.len() - line.trim_start().len();
    let start = span.start + Span::from_range(0..start + indent).end;
    Span::new(start, start + Span::from_range(0..line.len() - indent).end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measures_of(items: &str) -> Measures {
        crate::parse(&format!(
            "## Corrective and Preventative Measures\n\n{items}"
        ))
        .measures
    }

    #[test]
    fn an_unlabelled_list_of_actions_is_both_tasks_and_improvements() {
        let measures = measures_of(
            "1. Export audits: Review the export jobs' retry settings every quarter.\n\
             2. Alerting: Monitor queue depth per region.\n\
             3. Strengthen our release process.\n",
        );
        assert_eq!(measures.tasks.len(), 3);
        assert_eq!(measures.improvements.len(), 3);
    }

    #[test]
    fn an_unlabelled_list_of_aims_is_improvements_only() {
        let measures = measures_of(
            "- Increase our monitoring capabilities.\n\
             - Improve our testing procedures.\n\
             - Train the team on the export pipeline.\n",
        );
        assert!(measures.tasks.is_empty(), "{:?}", measures.tasks);
        assert_eq!(measures.improvements.len(), 3);
    }

    #[test]
    fn an_item_listing_actions_counts_each() {
        assert_eq!(
            actions_in("Conduct security audits, enforce USB device policies."),
            2
        );
        assert_eq!(
            actions_in("Patch nginx; add monitoring, and rotate keys"),
            3
        );
        assert_eq!(actions_in("Add alerts for CPU, memory and disk"), 1);
    }

    #[test]
    fn a_gerund_names_the_action_its_verb_does() {
        for (word, expected) in [
            ("adding", Some(Verb::Specific)),
            ("configuring", Some(Verb::Specific)),
            ("setting", Some(Verb::Specific)),
            ("modifying", Some(Verb::Other)),
            ("improving", Some(Verb::Broad)),
            ("morning", None),
            ("ing", None),
        ] {
            assert!(verb(word) == expected, "{word}");
        }
    }

    #[test]
    fn a_task_is_placed_on_the_line_that_holds_its_first_words() {
        let source = "- Items:\n  - Fix the Database pool.\n  - ÜBERPRÜFE die Logs\n\n- last\n";
        let whole = Span::from_range(0..source.len());
        for (span, task, line) in [
            (whole, "Fix the database pool", "- Fix the Database pool."),
            (whole, "überprüfe die logs", "- ÜBERPRÜFE die Logs"),
            (whole, "last", "- last"),
            (whole, "absent", "- Items:"),
            (whole, "", "- Items:"),
            (Span::from_range(0..8), "last", "- Items:"),
            (
                Span::from_range(9..source.len()),
                "absent",
                "- Fix the Database pool.",
            ),
        ] {
            assert_eq!(
                task_line(source, span, task).text(source),
                line,
                "{task:?} {span:?}"
            );
        }
    }
}
