//! PM504 `duplicate-task`.

use crate::rule::prelude::*;
use crate::text::split_whitespace;

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
        if text.is_ascii() {
            Self::of_ascii(text)
        } else {
            Self::of_unicode(text)
        }
    }

    /// The key of ASCII text, made in one pass over its bytes: each token's letters and digits
    /// are copied straight into the key, lowercased, and taken back out if the token turns out
    /// to be empty or numbering.
    fn of_ascii(text: &str) -> Self {
        let mut key = Self {
            text: String::with_capacity(text.len()),
            words: 0,
        };
        let mut numbering = true;
        // Where the token being read starts in the key, before its space, and its word after.
        let mut token: Option<(usize, usize)> = None;
        for &byte in text.as_bytes() {
            // The ASCII characters that `char::is_whitespace` accepts: the space and `\t` to `\r`.
            if matches!(byte, b' ' | b'\t'..=b'\r') {
                if let Some((token_start, word_start)) = token.take() {
                    key.end_token(token_start, word_start, &mut numbering);
                }
                continue;
            }
            if token.is_none() {
                let token_start = key.text.len();
                if !key.text.is_empty() {
                    key.text.push(' ');
                }
                token = Some((token_start, key.text.len()));
            }
            if byte.is_ascii_alphanumeric() {
                key.text.push(char::from(byte.to_ascii_lowercase()));
            }
        }
        if let Some((token_start, word_start)) = token {
            key.end_token(token_start, word_start, &mut numbering);
        }
        key
    }

    /// Keeps the word copied from `word_start` on, or takes the token back out from
    /// `token_start` if it is empty or numbering.
    fn end_token(&mut self, token_start: usize, word_start: usize, numbering: &mut bool) {
        let word = &self.text[word_start..];
        let is_numbering =
            *numbering && (word.bytes().all(|byte| byte.is_ascii_digit()) || word == "x");
        if word.is_empty() || is_numbering {
            self.text.truncate(token_start);
        } else {
            *numbering = false;
            self.words += 1;
        }
    }

    /// The key of any text, a token at a time.
    fn of_unicode(text: &str) -> Self {
        let mut key = String::with_capacity(text.len());
        let mut words = 0;
        let mut numbering = true;
        // The letters and digits of a token with other characters, reused from token to token.
        let mut letters = String::new();
        for token in split_whitespace(text) {
            // A token of ASCII letters and digits is its own word, and an ASCII token's letters
            // and digits are: both are lowercased as they are copied.
            let word = if token.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
                token
            } else {
                letters.clear();
                let kept = token.chars().filter(|c| c.is_alphanumeric());
                if token.is_ascii() {
                    letters.extend(kept);
                } else {
                    letters.push_str(&kept.collect::<String>().to_lowercase());
                }
                letters.as_str()
            };
            if word.is_empty() {
                continue;
            }
            numbering = numbering
                && (word.bytes().all(|byte| byte.is_ascii_digit())
                    || word.eq_ignore_ascii_case("x"));
            if numbering {
                continue;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            let start = key.len();
            key.push_str(word);
            key[start..].make_ascii_lowercase();
            words += 1;
        }
        Self { text: key, words }
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

    /// The key as first defined: lowercased letters and digits of each whitespace-separated
    /// token, empty tokens and leading numbering dropped, joined by spaces.
    fn plain_key(text: &str) -> String {
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
            .skip_while(|word| word.chars().all(|c| c.is_ascii_digit()) || word == "x")
            .collect();
        words.join(" ")
    }

    #[test]
    fn keys_are_the_plain_definition() {
        for text in [
            "",
            "   ",
            "- [ ] Add monitoring on server memory.",
            "1. [x] 2) Patch the Nginx server!",
            "X x 12 Upgrade x 3 things",
            "[X] -- ... Done: re-run the job (twice)",
            "Line one\nline two\r\n\tline\u{b}three\u{c}four",
            "Überprüfe die Datenbank-Verbindung",
            "ΟΔΟΣ Σ fix it",
            "\u{212a}elvin 100\u{a0}nbsp\u{2003}em space",
            "1 2 3",
            "a_b c-d e.f",
        ] {
            let key = Key::of(text);
            let plain = plain_key(text);
            assert_eq!(key.text, plain, "{text:?}");
            let words = if plain.is_empty() {
                0
            } else {
                plain.split(' ').count()
            };
            assert_eq!(key.words, words, "{text:?}");
        }
    }
}
