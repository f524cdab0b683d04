//! PM504 `duplicate-task`.

use crate::rule::prelude::*;

declare_rule! {
    /// Reports a task or improvement listed twice, or a whole list repeated.
    ///
    /// ## Why is this bad?
    /// A repeated item makes the measures look longer than they are and hides the fact that
    /// one part is missing: a TODO list that copies the improvements word for word is not a
    /// list of specific tasks. Items are compared after lowercasing and dropping numbering,
    /// checkboxes and punctuation. A list whose every item repeats an item above is reported
    /// once, as a whole.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - [ ] Add monitoring on server memory.
    /// - [ ] Patch the Nginx server.
    /// - [ ] Add monitoring on server memory.
    /// ```
    ///
    /// ```markdown,invalid
    /// ## Corrective and Preventative Measures
    /// - Increase database capacity to handle traffic spikes.
    /// - Improve monitoring of database connections.
    ///
    /// TODO:
    /// - Increase database capacity to handle traffic spikes.
    /// - Improve monitoring of database connections.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// ## Corrective and Preventative Measures
    /// - Improve monitoring of database resources.
    ///
    /// TODO:
    /// - [ ] Add monitoring on server memory.
    /// - [ ] Add monitoring on database connections.
    /// ```
    pub DuplicateTask {
        code: "PM504",
        name: "duplicate-task",
        severity: Severity::Warning,
        fixable: false,
    }
}

/// Items shorter than this (after normalising) are labels, not tasks.
const MIN_WORDS: usize = 3;

/// One improvement or task, in source order.
struct Item<'k> {
    key: &'k str,
    /// The number of words of the key.
    words: usize,
    span: Span,
    line: Span,
}

impl Rule for DuplicateTask {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let source = context.source;
        let measures = &context.document.measures;
        // Each task's key is made once, for the items and for the lists.
        let improvement_keys: Vec<Key> = measures
            .improvements
            .iter()
            .map(|run| Key::of(&run.text))
            .collect();
        let task_keys: Vec<Key> = measures
            .tasks
            .iter()
            .map(|task| Key::of(&task.text))
            .collect();
        let mut items: Vec<Item> = measures
            .improvements
            .iter()
            .map(|run| (run.span, run.span.first_line(source)))
            .zip(&improvement_keys)
            .chain(
                measures
                    .tasks
                    .iter()
                    .map(|task| (task.span, task.line))
                    .zip(&task_keys),
            )
            .map(|((span, line), key)| Item {
                key: &key.text,
                words: key.words,
                span,
                line,
            })
            .collect();
        crate::sort::sort_by_key(&mut items, |item| {
            crate::sort::pair(item.line.start, item.span.start)
        });
        let mut reported: Vec<Span> = Vec::new();

        for list in &measures.task_lists {
            let tasks = &measures.tasks[list.tasks.clone()];
            if tasks.len() < 2 {
                continue;
            }
            let originals: Option<Vec<&Item>> = task_keys[list.tasks.clone()]
                .iter()
                .map(|key| {
                    let long_enough = key.words >= MIN_WORDS;
                    items.iter().find(|item| {
                        item.line.start < list.span.start && long_enough && item.key == key.text
                    })
                })
                .collect();
            let Some(originals) = originals else {
                continue;
            };
            let line = line_number(source, originals[0].line.start);
            report.push(repeated_list(list.span, tasks.len(), line));
            reported.extend(tasks.iter().map(|task| task.line));
        }

        for (index, item) in items.iter().enumerate() {
            if item.words < MIN_WORDS || reported.contains(&item.line) {
                continue;
            }
            if let Some(original) = items[..index]
                .iter()
                .find(|earlier| earlier.key == item.key && earlier.line != item.line)
            {
                let line = line_number(source, original.line.start);
                report.push(repeated_item(item.line, line));
            }
        }
    }
}

fn repeated_list(span: Span, count: usize, line: usize) -> Diagnostic {
    Diagnostic::new(
        &DuplicateTask::META,
        span,
        format!("This list repeats the {count} items listed from line {line}"),
    )
    .with_help("Remove the copy, or turn the broad items into specific tasks")
}

fn repeated_item(span: Span, line: usize) -> Diagnostic {
    Diagnostic::new(
        &DuplicateTask::META,
        span,
        format!("Same item as on line {line}"),
    )
    .with_help("Remove the repeated item")
}

/// An item's text as it is compared: lowercase words without numbering, checkboxes or
/// punctuation, separated by single spaces.
struct Key {
    text: String,
    /// The number of words in `text`.
    words: usize,
}

impl Key {
    fn of(text: &str) -> Self {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|token| {
                token
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase()
            })
            .filter(|word| !word.is_empty())
            // Numbering: `1.`, `2)`, and the `x` of a ticked checkbox.
            .skip_while(|word| word.chars().all(|c| c.is_ascii_digit()) || word == "x")
            .collect();
        Self {
            words: words.len(),
            text: words.join(" "),
        }
    }
}

fn line_number(source: &str, offset: u32) -> usize {
    source
        .get(..offset as usize)
        .map_or(0, |before| before.matches('\n').count())
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_words_without_numbering_or_punctuation() {
        for (text, key, words) in [
            ("", "", 0),
            (
                "- [ ] Add monitoring on server memory.",
                "add monitoring on server memory",
                5,
            ),
            (
                "1. [x] 2) Patch the Nginx server!",
                "patch the nginx server",
                4,
            ),
            ("X x 12 Upgrade x 3 things", "upgrade x 3 things", 4),
            (
                "[X] -- ... Done: re-run the job (twice)",
                "done rerun the job twice",
                5,
            ),
            ("Line one\nline\tTWO", "line one line two", 4),
            ("ΟΔΟΣ Σ fix it", "οδος σ fix it", 4),
        ] {
            let found = Key::of(text);
            assert_eq!((found.text.as_str(), found.words), (key, words), "{text:?}");
        }
    }
}
