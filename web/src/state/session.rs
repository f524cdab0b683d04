//! Plain Rust: how this tab keeps step with other tabs that edit the same drafts. Each save
//! names its version (a random `revision`) and the version it was written over (`parent`); a
//! version written over another than the one this tab holds was made without seeing this
//! tab's work, so it is asked about rather than followed. No reactive code and no browser
//! calls: every decision returns the steps to take, and `EditorState` takes them.

use super::library::{Draft, Library, StoredDraft, decode_draft};
use crate::storage;

/// What this tab holds when something happens.
#[derive(Clone, Copy, Debug)]
pub struct Session<'a> {
    /// The drafts as this tab knows them, and which one is open.
    pub library: &'a Library,
    /// The open draft's text, as the editor shows it.
    pub text: &'a str,
    /// The text last written to storage for the open draft (or read from it).
    pub saved: Option<&'a str>,
    /// Another tab's version of the open draft, waiting for the user's choice.
    pub conflict: Option<&'a Draft>,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// This tab saves the open draft as it is, as the version named `revision`.
    Save { revision: u64 },
    /// Another tab stored `value` under `key`, or removed the key (`None`).
    Stored {
        key: &'a str,
        value: Option<&'a str>,
    },
    /// The user keeps this tab's text, saved as the version named `revision`.
    KeepMine { revision: u64 },
    /// The user takes the other tab's version; this tab's text is kept under `copy_id`.
    TakeTheirs { copy_id: String },
}

/// One thing to do, in the order given.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Put this draft in place of the library's one with its id, or add it.
    Put(Draft),
    /// Take the draft with this id out of the library.
    Remove(String),
    /// Write this draft, which is not the open one, to storage.
    Write(Draft),
    /// Write this version of the open draft; once written, it is the version this tab holds
    /// and its text the saved text.
    Save(Draft),
    /// Show another tab's version of the open draft (a step this tab can undo), and hold it
    /// as saved.
    Follow(Draft),
    /// Ask the user which version of the open draft to keep.
    Ask(Draft),
    /// Nothing waits for the user's choice any more.
    Settle,
    Notify(&'static str),
    /// Nothing is known to be saved: the next change is written, whatever it is.
    Unsaved,
}

const DELETED_ELSEWHERE: &str =
    "This draft was deleted in another tab. It stays open here; editing it saves it again.";

impl Session<'_> {
    /// What to do about `event`.
    pub fn decide(&self, event: Event) -> Vec<Step> {
        match event {
            Event::Save { revision } => self.save(revision),
            Event::Stored { key, value } => self.stored_elsewhere(key, value),
            Event::KeepMine { revision } => self.keep_mine(revision),
            Event::TakeTheirs { copy_id } => self.take_theirs(copy_id),
        }
    }

    /// The open draft's next version, to write: named `revision`, written over the version
    /// this tab holds. Nothing while another tab's version waits for the user's choice, which
    /// a write now would replace unseen.
    fn save(&self, revision: u64) -> Vec<Step> {
        match self.library.current() {
            Some(draft) if self.conflict.is_none() => {
                vec![Step::Save(next_version(draft, revision))]
            }
            _ => Vec::new(),
        }
    }

    fn stored_elsewhere(&self, key: &str, value: Option<&str>) -> Vec<Step> {
        let Some(id) = storage::draft_id(key) else {
            return Vec::new();
        };
        let is_open = id == self.library.current;
        let Some(raw) = value else {
            return if is_open {
                vec![Step::Notify(DELETED_ELSEWHERE), Step::Unsaved]
            } else {
                vec![Step::Remove(id.to_owned())]
            };
        };
        // A value this version cannot read is left alone, as loading leaves it.
        let StoredDraft::Readable(theirs) = decode_draft(raw) else {
            return Vec::new();
        };
        if !is_open {
            return vec![Step::Put(theirs)];
        }
        let unsaved = self.saved != Some(self.text);
        // A version written over another than the one this tab holds was made without seeing
        // this tab's last save (two tabs typing at once): following it would drop what was
        // typed here.
        let over_ours = self
            .library
            .current()
            .is_some_and(|ours| ours.revision == theirs.parent);
        if (unsaved || !over_ours) && self.text != theirs.text {
            vec![Step::Ask(theirs)]
        } else {
            vec![Step::Follow(theirs)]
        }
    }

    /// This tab's text is saved over the other tab's version, so that the other tab follows.
    fn keep_mine(&self, revision: u64) -> Vec<Step> {
        let Some(theirs) = self.conflict else {
            return Vec::new();
        };
        let Some(ours) = self.library.current() else {
            return vec![Step::Settle];
        };
        // Held before the write, so that a save that fails now is still made over theirs.
        let over_theirs = Draft {
            revision: theirs.revision,
            ..ours.clone()
        };
        let version = next_version(&over_theirs, revision);
        vec![
            Step::Settle,
            Step::Put(over_theirs),
            Step::Unsaved,
            Step::Save(version),
        ]
    }

    /// This tab's text is first kept as a draft of its own, then the editor follows the other
    /// tab.
    fn take_theirs(&self, copy_id: String) -> Vec<Step> {
        let Some(theirs) = self.conflict else {
            return Vec::new();
        };
        let mut steps = vec![Step::Settle];
        if let Some(mine) = self.library.current() {
            let copy = Draft {
                id: copy_id,
                name: format!("{} (this tab's version)", mine.display_name()),
                text: self.text.to_owned(),
                revision: 0,
                parent: 0,
                ..mine.clone()
            };
            steps.push(Step::Put(copy.clone()));
            steps.push(Step::Write(copy));
        }
        steps.push(Step::Follow(theirs.clone()));
        steps
    }
}

fn next_version(draft: &Draft, revision: u64) -> Draft {
    Draft {
        parent: draft.revision,
        revision,
        ..draft.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::library::encode_draft;

    /// A draft as some tab saved it: `revision` written over `parent`.
    fn version(id: &str, text: &str, revision: u64, parent: u64) -> Draft {
        Draft {
            revision,
            parent,
            ..Draft::new(id.to_owned(), text.to_owned(), 1)
        }
    }

    /// The drafts of one tab, "open" open at `revision`, and another draft beside it.
    fn library(open_text: &str, revision: u64) -> Library {
        let mut library = Library::default();
        library.add(version("other", "# Other\n", 3, 2));
        library.add(version("open", open_text, revision, revision - 1));
        library
    }

    fn session<'a>(library: &'a Library, text: &'a str, saved: Option<&'a str>) -> Session<'a> {
        Session {
            library,
            text,
            saved,
            conflict: None,
        }
    }

    fn stored(session: &Session, draft: &Draft) -> Vec<Step> {
        let key = storage::draft_key(&draft.id);
        let value = encode_draft(draft);
        session.decide(Event::Stored {
            key: &key,
            value: Some(&value),
        })
    }

    #[test]
    fn follows_another_tabs_save_made_over_the_version_held_here() {
        let library = library("# Outage\n", 7);
        let session = session(&library, "# Outage\n", Some("# Outage\n"));
        let theirs = version("open", "# Outage\n\nFrom the other tab.\n", 8, 7);
        assert_eq!(stored(&session, &theirs), [Step::Follow(theirs)]);
    }

    #[test]
    fn saving_names_the_version_and_the_one_it_was_written_over() {
        let library = library("# Outage\n", 7);
        let session = session(&library, "# Outage\n", None);
        assert_eq!(
            session.decide(Event::Save { revision: 8 }),
            [Step::Save(version("open", "# Outage\n", 8, 7))]
        );
        let theirs = version("open", "# Theirs\n", 9, 7);
        let waiting = Session {
            conflict: Some(&theirs),
            ..session
        };
        assert_eq!(
            waiting.decide(Event::Save { revision: 8 }),
            [],
            "a waiting version is never overwritten unseen"
        );
    }

    #[test]
    fn two_tabs_saving_at_once_ask_and_lose_nothing() {
        // Both tabs held version 7; this one saved 8 over it, the other saved 9 over it too.
        let mut library = library("Typed: mine", 7);
        let Some(Step::Save(ours)) = session(&library, "Typed: mine", None).save(8).pop() else {
            panic!("nothing waits: the draft is saved");
        };
        library.put(ours);
        let session = session(&library, "Typed: mine", Some("Typed: mine"));
        let theirs = version("open", "Typed: theirs", 9, 7);
        assert_eq!(stored(&session, &theirs), [Step::Ask(theirs)]);
    }

    #[test]
    fn text_that_could_not_be_saved_here_is_asked_about_before_their_save_replaces_it() {
        // Storage was full: the text typed here is newer than the saved one.
        let library = library("# Outage\n\nUnsaved here.\n", 7);
        let session = session(&library, "# Outage\n\nUnsaved here.\n", Some("# Outage\n"));
        let theirs = version("open", "# Outage\n\nSaved there.\n", 8, 7);
        assert_eq!(stored(&session, &theirs), [Step::Ask(theirs)]);
    }

    #[test]
    fn the_same_text_is_followed_without_asking() {
        let library = library("# Outage\n\nSame.\n", 8);
        let session = session(&library, "# Outage\n\nSame.\n", None);
        let theirs = version("open", "# Outage\n\nSame.\n", 9, 7);
        assert_eq!(stored(&session, &theirs), [Step::Follow(theirs)]);
    }

    #[test]
    fn the_open_draft_deleted_elsewhere_stays_open_and_is_saved_again_on_the_next_change() {
        let library = library("# Outage\n", 7);
        let session = session(&library, "# Outage\n", Some("# Outage\n"));
        assert_eq!(
            session.stored_elsewhere(&storage::draft_key("open"), None),
            [Step::Notify(DELETED_ELSEWHERE), Step::Unsaved]
        );
    }

    #[test]
    fn other_drafts_changed_added_or_deleted_elsewhere_update_the_library() {
        let library = library("# Outage\n", 7);
        let session = session(&library, "# Outage\n", Some("# Outage\n"));
        let changed = version("other", "# Other, edited there\n", 4, 3);
        assert_eq!(stored(&session, &changed), [Step::Put(changed)]);
        let added = version("new", "# New there\n", 1, 0);
        assert_eq!(stored(&session, &added), [Step::Put(added)]);
        assert_eq!(
            session.stored_elsewhere(&storage::draft_key("other"), None),
            [Step::Remove("other".to_owned())]
        );
    }

    #[test]
    fn unreadable_values_and_other_keys_are_left_alone() {
        let library = library("# Outage\n", 7);
        let session = session(&library, "# Outage\n", Some("# Outage\n"));
        let key = storage::draft_key("open");
        assert_eq!(session.stored_elsewhere(&key, Some("{not json")), []);
        let newer = r#"{"version":99,"id":"open","text":"from a newer app"}"#;
        assert_eq!(session.stored_elsewhere(&key, Some(newer)), []);
        assert_eq!(
            session.stored_elsewhere("postmortem/v2/current", Some("other")),
            []
        );
    }

    #[test]
    fn keeping_mine_saves_over_theirs_so_that_the_other_tab_follows() {
        let library = library("Typed: mine", 8);
        let theirs = version("open", "Typed: theirs", 9, 7);
        let here = Session {
            conflict: Some(&theirs),
            ..session(&library, "Typed: mine", Some("Typed: mine"))
        };
        let saved = version("open", "Typed: mine", 10, 9);
        assert_eq!(
            here.decide(Event::KeepMine { revision: 10 }),
            [
                Step::Settle,
                Step::Put(version("open", "Typed: mine", 9, 7)),
                Step::Unsaved,
                Step::Save(saved.clone()),
            ]
        );

        // The other tab holds version 9 with nothing unsaved: it follows the save made over it.
        let mut there = Library::default();
        there.add(theirs.clone());
        let there = session(&there, "Typed: theirs", Some("Typed: theirs"));
        assert_eq!(stored(&there, &saved), [Step::Follow(saved)]);
    }

    #[test]
    fn taking_theirs_keeps_this_tabs_text_as_a_draft_of_its_own_first() {
        let library = library("# Shared draft\n\nTyped: mine", 8);
        let theirs = version("open", "# Shared draft\n\nTyped: theirs", 9, 7);
        let here = Session {
            conflict: Some(&theirs),
            ..session(&library, "# Shared draft\n\nTyped: mine", None)
        };
        let copy = Draft {
            name: "Shared draft (this tab's version)".to_owned(),
            ..version("copy", "# Shared draft\n\nTyped: mine", 0, 0)
        };
        assert_eq!(
            here.decide(Event::TakeTheirs {
                copy_id: "copy".to_owned()
            }),
            [
                Step::Settle,
                Step::Put(copy.clone()),
                Step::Write(copy),
                Step::Follow(theirs),
            ]
        );
    }
}
