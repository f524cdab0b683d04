//! The undo history of one draft, shared by its two views: every change to the text, from
//! typing in the Markdown or in the form, a quick fix, a paste, a conversion, an inserted
//! diagram, is one step or part of one, and undo puts back exactly the text before it.
//!
//! Steps hold what changed (where, what was removed, what was inserted), not copies of the
//! text, so a long draft's history stays small. Typing groups into words as editors do: a run
//! of keystrokes next to each other is one step until a pause, a new word or a jump elsewhere.

/// One change: `removed` at byte `at` replaced by `inserted`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Change {
    at: usize,
    removed: String,
    inserted: String,
}

impl Change {
    /// The change that turns `before` into `after`: the text between their common start and
    /// their common end. `None` when they are equal.
    fn between(before: &str, after: &str) -> Option<Change> {
        if before == after {
            return None;
        }
        let mut start = before
            .bytes()
            .zip(after.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !(before.is_char_boundary(start) && after.is_char_boundary(start)) {
            start -= 1;
        }
        let longest = before.len().min(after.len()) - start;
        let mut end = before
            .bytes()
            .rev()
            .zip(after.bytes().rev())
            .take(longest)
            .take_while(|(a, b)| a == b)
            .count();
        while !(before.is_char_boundary(before.len() - end)
            && after.is_char_boundary(after.len() - end))
        {
            end -= 1;
        }
        Some(Change {
            at: start,
            removed: before[start..before.len() - end].to_owned(),
            inserted: after[start..after.len() - end].to_owned(),
        })
    }

    /// `text` with this change made; `None` when `text` does not hold what it removes.
    fn apply(&self, text: &str) -> Option<String> {
        let end = self.at.checked_add(self.removed.len())?;
        if text.get(self.at..end)? != self.removed {
            return None;
        }
        let mut changed = String::with_capacity(text.len() + self.inserted.len());
        changed.push_str(&text[..self.at]);
        changed.push_str(&self.inserted);
        changed.push_str(&text[end..]);
        Some(changed)
    }

    fn inverse(&self) -> Change {
        Change {
            at: self.at,
            removed: self.inserted.clone(),
            inserted: self.removed.clone(),
        }
    }

    /// This change followed by `next` as one change, when `next` touches only the text this
    /// one inserted or the text right before it (Backspace past the start of a word).
    fn then(&self, next: &Change) -> Option<Change> {
        let inserted_end = self.at + self.inserted.len();
        let next_end = next.at + next.removed.len();
        if next.at >= self.at && next_end <= inserted_end {
            let from = next.at - self.at;
            let inserted = format!(
                "{}{}{}",
                &self.inserted[..from],
                next.inserted,
                &self.inserted[from + next.removed.len()..]
            );
            return Some(Change {
                at: self.at,
                removed: self.removed.clone(),
                inserted,
            });
        }
        if next_end == self.at && next.inserted.is_empty() {
            return Some(Change {
                at: next.at,
                removed: format!("{}{}", next.removed, self.removed),
                inserted: self.inserted.clone(),
            });
        }
        None
    }
}

/// What made a change, which decides how it is grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A keystroke: grouped with the keystrokes next to it into words.
    Typing,
    /// A step of its own: a paste, a quick fix, a form button, a conversion.
    Step,
    /// Made because of the change just before (a diagram kept in step with the timeline):
    /// undone with it.
    FollowUp,
}

/// A step: its changes, in the order they were made.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    changes: Vec<Change>,
    /// Keystrokes may still join it.
    open: bool,
    last_at_ms: f64,
}

/// The text after an undo or a redo, and the range to select in it (byte offsets): the text
/// the step put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub text: String,
    pub selection: (usize, usize),
}

/// A pause in typing longer than this ends a step.
const PAUSE_MS: f64 = 1000.0;
/// Steps kept: older ones are forgotten.
const DEPTH: usize = 500;

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records that the text changed from `before` to `after`, at `now_ms`.
    pub fn record(&mut self, before: &str, after: &str, kind: Kind, now_ms: f64) {
        let Some(change) = Change::between(before, after) else {
            return;
        };
        self.redo.clear();
        if let Some(last) = self.undo.last_mut() {
            match kind {
                Kind::FollowUp => {
                    last.changes.push(change);
                    last.open = false;
                    return;
                }
                Kind::Typing if last.open && now_ms - last.last_at_ms < PAUSE_MS => {
                    let previous = last.changes.last().filter(|_| last.changes.len() == 1);
                    let starts_word = previous.is_some_and(|previous| {
                        previous.inserted.ends_with(char::is_whitespace)
                            && change.inserted.starts_with(|c: char| !c.is_whitespace())
                    });
                    if let Some(joined) = previous
                        .filter(|_| !starts_word)
                        .and_then(|previous| previous.then(&change))
                    {
                        last.changes = vec![joined];
                        last.last_at_ms = now_ms;
                        return;
                    }
                }
                _ => {}
            }
            last.open = false;
        }
        self.undo.push(Step {
            changes: vec![change],
            open: kind == Kind::Typing,
            last_at_ms: now_ms,
        });
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// `current` with the last step undone. `None` when there is none, or when `current` is
    /// not the text the step left (the history is then forgotten rather than misapplied).
    pub fn undo(&mut self, current: &str) -> Option<Restored> {
        let step = self.undo.pop()?;
        let inverse: Vec<Change> = step.changes.iter().rev().map(Change::inverse).collect();
        let Some(restored) = replay(current, &inverse) else {
            self.forget();
            return None;
        };
        self.redo.push(Step {
            open: false,
            ..step
        });
        Some(restored)
    }

    /// `current` with the last undone step made again.
    pub fn redo(&mut self, current: &str) -> Option<Restored> {
        let step = self.redo.pop()?;
        let Some(restored) = replay(current, &step.changes) else {
            self.forget();
            return None;
        };
        self.undo.push(step);
        Some(restored)
    }

    fn forget(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// `text` with `changes` made in order, selecting what the last one inserted.
fn replay(text: &str, changes: &[Change]) -> Option<Restored> {
    let mut text = text.to_owned();
    let mut selection = (0, 0);
    for change in changes {
        text = change.apply(&text)?;
        selection = (change.at, change.at + change.inserted.len());
    }
    Some(Restored { text, selection })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Types `text` at the end of `start` a character at a time, `gap_ms` apart.
    fn type_text(history: &mut History, start: &str, text: &str, from_ms: f64) -> String {
        let mut current = start.to_owned();
        for (index, c) in text.chars().enumerate() {
            let next = format!("{current}{c}");
            #[allow(clippy::cast_precision_loss)] // A small count.
            let now = from_ms + 100.0 * index as f64;
            history.record(&current, &next, Kind::Typing, now);
            current = next;
        }
        current
    }

    #[test]
    fn finds_the_change_between_two_texts() {
        let change = Change::between("the pool is full", "the big pool is full").unwrap();
        assert_eq!(
            (change.at, change.removed.as_str(), change.inserted.as_str()),
            (4, "", "big ")
        );
        let change = Change::between("aaa", "aa").unwrap();
        assert_eq!(change.apply("aaa").as_deref(), Some("aa"));
        assert_eq!(change.inverse().apply("aa").as_deref(), Some("aaa"));
        // Never splits a character.
        let change = Change::between("café", "cafè").unwrap();
        assert_eq!(
            (change.removed.as_str(), change.inserted.as_str()),
            ("é", "è")
        );
        assert!(Change::between("same", "same").is_none());
    }

    #[test]
    fn typing_undoes_a_word_at_a_time() {
        let mut history = History::default();
        let text = type_text(&mut history, "Pool ", "was full", 0.0);
        assert_eq!(text, "Pool was full");
        let undone = history.undo(&text).unwrap();
        assert_eq!(undone.text, "Pool was ");
        let undone = history.undo(&undone.text).unwrap();
        assert_eq!(undone.text, "Pool ");
        assert!(!history.can_undo());
        let redone = history.redo(&undone.text).unwrap();
        assert_eq!(redone.text, "Pool was ");
        assert_eq!(history.redo(&redone.text).unwrap().text, "Pool was full");
    }

    #[test]
    fn a_pause_ends_a_step() {
        let mut history = History::default();
        let text = type_text(&mut history, "", "ab", 0.0);
        let text = type_text(&mut history, &text, "cd", 5_000.0);
        assert_eq!(history.undo(&text).unwrap().text, "ab");
    }

    #[test]
    fn backspace_joins_the_word_being_typed() {
        let mut history = History::default();
        let text = type_text(&mut history, "x ", "abc", 0.0);
        history.record(&text, "x ab", Kind::Typing, 400.0);
        history.record("x ab", "x a", Kind::Typing, 500.0);
        history.record("x a", "x ", Kind::Typing, 600.0);
        history.record("x ", "x", Kind::Typing, 700.0);
        assert_eq!(history.undo("x").unwrap().text, "x ");
    }

    #[test]
    fn a_step_is_undone_whole_with_what_followed_it() {
        let mut history = History::default();
        let before = "- 10:00 Alert\n\n```mermaid\n10:00 Alert\n```\n";
        let edited = "- 10:00 Alert fired\n\n```mermaid\n10:00 Alert\n```\n";
        let synced = "- 10:00 Alert fired\n\n```mermaid\n10:00 Alert fired\n```\n";
        history.record(before, edited, Kind::Step, 0.0);
        history.record(edited, synced, Kind::FollowUp, 0.0);
        let undone = history.undo(synced).unwrap();
        assert_eq!(undone.text, before);
        assert_eq!(history.redo(before).unwrap().text, synced);
    }

    #[test]
    fn undo_never_appends_or_duplicates() {
        // A quick fix, then typing, then undo twice and redo twice: the texts go back and
        // forth exactly, whatever their length.
        let mut history = History::default();
        let template = "# Title\n\n## Summary\n\nText\n".repeat(20);
        let fixed = template.replace("Text", "Text UTC");
        history.record(&template, &fixed, Kind::Step, 0.0);
        let typed = type_text(&mut history, &fixed, "more", 100.0);
        let once = history.undo(&typed).unwrap().text;
        let twice = history.undo(&once).unwrap().text;
        assert_eq!(twice, template);
        assert!(history.undo(&twice).is_none());
        let again = history.redo(&twice).unwrap().text;
        assert_eq!(again, fixed);
        assert_eq!(history.redo(&again).unwrap().text, typed);
        assert!(history.redo(&typed).is_none());
    }

    #[test]
    fn a_new_change_clears_what_could_be_redone() {
        let mut history = History::default();
        history.record("a", "ab", Kind::Step, 0.0);
        let undone = history.undo("ab").unwrap();
        history.record(&undone.text, "ac", Kind::Step, 10.0);
        assert!(!history.can_redo());
    }

    #[test]
    fn a_text_changed_behind_its_back_forgets_the_history() {
        let mut history = History::default();
        history.record("a", "ab", Kind::Step, 0.0);
        assert!(history.undo("something else").is_none());
        assert!(!history.can_undo() && !history.can_redo());
    }

    #[test]
    fn selects_what_undo_put_back() {
        let mut history = History::default();
        history.record("the pool", "the big pool", Kind::Step, 0.0);
        let undone = history.undo("the big pool").unwrap();
        assert_eq!(undone.selection, (4, 4));
        let redone = history.redo(&undone.text).unwrap();
        assert_eq!(redone.selection, (4, 8));
    }
}
