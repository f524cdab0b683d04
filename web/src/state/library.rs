//! Plain Rust: the drafts a browser keeps, and the backup file that carries them all. No
//! reactive code and no browser calls, so every operation is unit-tested natively.

use postmortem::Profile;
use serde::{Deserialize, Serialize};

/// The stored format's version. Version 1 kept one draft (see [`migrate_single_draft`]).
pub const FORMAT_VERSION: u32 = 2;

/// One named draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    /// The name the user gave; empty means "named after its title".
    #[serde(default)]
    pub name: String,
    pub text: String,
    /// Last change, in milliseconds since the Unix epoch.
    pub modified: u64,
    #[serde(default = "standard_profile")]
    pub profile: String,
    /// Names the saved version (0: never saved), so that a tab can tell whether another
    /// tab's write was made over the version it holds.
    #[serde(default)]
    pub revision: u64,
    /// The version this one was written over.
    #[serde(default)]
    pub parent: u64,
}

fn standard_profile() -> String {
    Profile::Standard.name().to_owned()
}

impl Draft {
    pub fn new(id: String, text: String, modified: u64) -> Self {
        Self {
            id,
            name: String::new(),
            text,
            modified,
            profile: standard_profile(),
            revision: 0,
            parent: 0,
        }
    }

    /// What the drafts list calls it: its name, else its title, else "Untitled draft".
    pub fn display_name(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_owned();
        }
        title_of(&self.text).unwrap_or_else(|| "Untitled draft".to_owned())
    }

    pub fn profile(&self) -> Profile {
        Profile::from_name(&self.profile).unwrap_or(Profile::Standard)
    }
}

/// The first heading's text: cheap enough to run for every draft in the list.
pub fn title_of(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix('#'))
        .map(|heading| heading.trim_start_matches('#').trim().to_owned())
        .filter(|title| !title.is_empty())
}

/// When a draft last changed, as the drafts list says it: relative while recent, else the date.
/// `offset_minutes` is the browser's offset from UTC, for the date.
pub fn last_changed(now: u64, then: u64, offset_minutes: i32) -> String {
    let minutes = now.saturating_sub(then) / 60_000;
    match minutes {
        0 => "just now".to_owned(),
        1..60 => format!("{minutes} min ago"),
        60..1440 => format!("{} h ago", minutes / 60),
        _ => local_date(then, offset_minutes),
    }
}

/// The local date (`YYYY-MM-DD`) of an instant in milliseconds since the Unix epoch.
pub fn local_date(milliseconds: u64, offset_minutes: i32) -> String {
    let minutes = i64::try_from(milliseconds / 60_000).unwrap_or(i64::MAX / 2);
    let local_minutes = minutes + i64::from(offset_minutes);
    postmortem::time::CivilDate::from_days_since_epoch(local_minutes.div_euclid(1440))
        .map_or_else(String::new, |date| {
            format!("{}-{:02}-{:02}", date.year(), date.month(), date.day())
        })
}

/// A stored draft as read back: usable, or kept aside untouched with the reason.
#[derive(Debug, PartialEq)]
pub enum StoredDraft {
    Readable(Draft),
    /// Written by a later version of the app; never overwritten or dropped.
    Newer(u32),
    Unreadable,
}

/// How a draft is stored: its fields beside the format's version.
#[derive(Serialize)]
pub struct Stored<'a> {
    version: u32,
    #[serde(flatten)]
    draft: &'a Draft,
}

impl<'a> Stored<'a> {
    pub fn new(draft: &'a Draft) -> Self {
        Self {
            version: FORMAT_VERSION,
            draft,
        }
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// The JSON stored for one draft.
pub fn encode_draft(draft: &Draft) -> String {
    serde_json::to_string(&Stored::new(draft)).unwrap_or_default()
}

/// Reads one stored draft, migrating older formats forward.
pub fn decode_draft(raw: &str) -> StoredDraft {
    match serde_json::from_str::<VersionOnly>(raw) {
        Ok(VersionOnly { version }) if version > FORMAT_VERSION => StoredDraft::Newer(version),
        // The draft's fields sit beside `version`, which `Draft` ignores: read directly, not
        // through `#[serde(flatten)]`, whose buffering deserializer is large in wasm.
        Ok(_) => serde_json::from_str::<Draft>(raw)
            .map_or(StoredDraft::Unreadable, StoredDraft::Readable),
        Err(_) => StoredDraft::Unreadable,
    }
}

/// Version 1 stored a single draft as `{"version":1,"text":...}`; it becomes a named draft.
pub fn migrate_single_draft(raw: &str, id: String, now: u64) -> StoredDraft {
    #[derive(Deserialize)]
    struct SingleDraft {
        version: u32,
        text: String,
    }
    match serde_json::from_str::<SingleDraft>(raw) {
        Ok(single) if single.version == 1 => {
            StoredDraft::Readable(Draft::new(id, single.text, now))
        }
        Ok(single) => StoredDraft::Newer(single.version),
        Err(_) => StoredDraft::Unreadable,
    }
}

/// Every draft of this browser, the one being edited first among equals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    pub drafts: Vec<Draft>,
    pub current: String,
}

impl Library {
    pub fn get(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|draft| draft.id == id)
    }

    pub fn current(&self) -> Option<&Draft> {
        self.get(&self.current)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Draft> {
        self.drafts.iter_mut().find(|draft| draft.id == id)
    }

    /// The drafts, most recently changed first.
    pub fn by_last_change(&self) -> Vec<&Draft> {
        let mut drafts: Vec<&Draft> = self.drafts.iter().collect();
        drafts.sort_unstable_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.id.cmp(&b.id)));
        drafts
    }

    /// Adds a draft and makes it the current one.
    pub fn add(&mut self, draft: Draft) {
        self.current.clone_from(&draft.id);
        self.drafts.push(draft);
    }

    /// Puts a draft in place of the one with its id (another tab's version of it), or adds it
    /// at the end without opening it.
    pub fn put(&mut self, draft: Draft) {
        match self.get_mut(&draft.id) {
            Some(kept) => *kept = draft,
            None => self.drafts.push(draft),
        }
    }

    /// Replaces the text of a draft; `false` when it does not exist or nothing changed.
    pub fn set_text(&mut self, id: &str, text: &str, now: u64) -> bool {
        match self.get_mut(id) {
            Some(draft) if draft.text != text => {
                text.clone_into(&mut draft.text);
                draft.modified = now;
                true
            }
            _ => false,
        }
    }

    pub fn set_profile(&mut self, id: &str, profile: Profile, now: u64) -> bool {
        match self.get_mut(id) {
            Some(draft) if draft.profile != profile.name() => {
                profile.name().clone_into(&mut draft.profile);
                draft.modified = now;
                true
            }
            _ => false,
        }
    }

    pub fn rename(&mut self, id: &str, name: &str, now: u64) -> bool {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        match self.get_mut(id) {
            Some(draft) if draft.name != name => {
                draft.name = name;
                draft.modified = now;
                true
            }
            _ => false,
        }
    }

    /// Copies a draft under a new id and name, and opens the copy.
    pub fn duplicate(&mut self, id: &str, new_id: String, now: u64) -> Option<&Draft> {
        let original = self.get(id)?;
        let copy = Draft {
            id: new_id,
            name: format!("{} (copy)", original.display_name()),
            modified: now,
            revision: 0,
            parent: 0,
            ..original.clone()
        };
        self.add(copy);
        self.drafts.last()
    }

    /// Removes a draft, returning it and its position for [`Library::restore`]. The current
    /// draft moves to the most recently changed remaining one (none when the list is empty).
    pub fn remove(&mut self, id: &str) -> Option<(usize, Draft)> {
        let index = self.drafts.iter().position(|draft| draft.id == id)?;
        let removed = self.drafts.remove(index);
        if self.current == id {
            self.current = self
                .by_last_change()
                .first()
                .map(|draft| draft.id.clone())
                .unwrap_or_default();
        }
        Some((index, removed))
    }

    /// Undoes [`Library::remove`]: the draft comes back where it was, and is opened.
    pub fn restore(&mut self, index: usize, draft: Draft) {
        self.current.clone_from(&draft.id);
        if self.get(&draft.id).is_none() {
            self.drafts.insert(index.min(self.drafts.len()), draft);
        }
    }

    /// Takes in drafts from a backup. A draft already here with the same text is skipped; one
    /// whose id is taken by a different text comes in under a new id, so nothing is overwritten.
    /// Returns how many were added.
    pub fn merge(&mut self, drafts: Vec<Draft>, mut new_id: impl FnMut() -> String) -> usize {
        let mut added = 0;
        for mut draft in drafts {
            if self.drafts.iter().any(|kept| kept.text == draft.text) {
                continue;
            }
            if self.get(&draft.id).is_some() || draft.id.is_empty() {
                draft.id = new_id();
            }
            draft.revision = 0;
            draft.parent = 0;
            self.drafts.push(draft);
            added += 1;
        }
        added
    }
}

const BACKUP_FORMAT: &str = "postmortem-backup";

#[derive(Serialize, Deserialize)]
struct Backup {
    format: String,
    version: u32,
    exported: u64,
    drafts: Vec<Draft>,
    /// Stored drafts this version could not read, kept verbatim so a backup loses nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    unreadable: Vec<String>,
}

/// One file holding every draft (and the raw text of any unreadable stored draft).
pub fn encode_backup(drafts: &[Draft], unreadable: &[String], now: u64) -> String {
    let backup = Backup {
        format: BACKUP_FORMAT.to_owned(),
        version: FORMAT_VERSION,
        exported: now,
        drafts: drafts.to_vec(),
        unreadable: unreadable.to_vec(),
    };
    serde_json::to_string(&backup).unwrap_or_default()
}

/// Whether a file's text looks like a backup rather than a postmortem.
pub fn is_backup(text: &str) -> bool {
    let start = text.trim_start();
    start.starts_with('{') && start.contains(BACKUP_FORMAT)
}

/// The drafts in a backup file.
pub fn decode_backup(text: &str) -> Result<Vec<Draft>, String> {
    let backup: Backup = serde_json::from_str(text)
        .map_err(|error| format!("This backup file could not be read ({error})."))?;
    if backup.format != BACKUP_FORMAT {
        return Err("This JSON file is not a postmortem backup.".to_owned());
    }
    if backup.version > FORMAT_VERSION {
        return Err(format!(
            "This backup was made by a newer version of postmortem (format {}). Update the app to import it.",
            backup.version
        ));
    }
    Ok(backup.drafts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, text: &str, modified: u64) -> Draft {
        Draft::new(id.to_owned(), text.to_owned(), modified)
    }

    fn library() -> Library {
        let mut library = Library::default();
        library.add(draft("a", "# Alpha outage\n", 10));
        library.add(draft("b", "# Beta outage\n", 30));
        library.add(draft("c", "no heading", 20));
        library
    }

    #[test]
    fn says_when_a_draft_changed() {
        let minute = 60_000;
        let now = 1_764_000_000_000; // 2025-11-24T16:00Z
        assert_eq!(last_changed(now, now - 10_000, 0), "just now");
        assert_eq!(last_changed(now, now - 5 * minute, 0), "5 min ago");
        assert_eq!(last_changed(now, now - 125 * minute, 0), "2 h ago");
        assert_eq!(last_changed(now, now - 3 * 1440 * minute, 0), "2025-11-21");
        assert_eq!(
            last_changed(now, now - 3 * 1440 * minute, 9 * 60),
            "2025-11-22",
            "the date is the browser's local one"
        );
        assert_eq!(last_changed(now, now + minute, 0), "just now", "clock skew");
    }

    #[test]
    fn lists_drafts_by_last_change() {
        let library = library();
        let names: Vec<String> = library
            .by_last_change()
            .iter()
            .map(|draft| draft.display_name())
            .collect();
        assert_eq!(names, ["Beta outage", "Untitled draft", "Alpha outage"]);
    }

    #[test]
    fn a_name_wins_over_the_title_and_is_tidied() {
        let mut library = library();
        assert!(library.rename("a", "  Database   failover ", 40));
        assert_eq!(
            library.get("a").unwrap().display_name(),
            "Database failover"
        );
        assert_eq!(library.by_last_change()[0].id, "a");
        assert!(!library.rename("a", "Database failover", 50), "no change");
        assert!(!library.rename("missing", "x", 50));
    }

    #[test]
    fn editing_text_moves_a_draft_up_only_when_it_changes() {
        let mut library = library();
        assert!(!library.set_text("a", "# Alpha outage\n", 99));
        assert!(library.set_text("a", "# Alpha outage, updated\n", 99));
        assert_eq!(
            library.by_last_change()[0].display_name(),
            "Alpha outage, updated"
        );
    }

    #[test]
    fn putting_a_draft_replaces_the_one_with_its_id_or_adds_it_unopened() {
        let mut library = library();
        library.put(draft("a", "# Alpha, from another tab\n", 40));
        library.put(draft("d", "# Delta\n", 50));
        let texts: Vec<&str> = library.drafts.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "# Alpha, from another tab\n",
                "# Beta outage\n",
                "no heading",
                "# Delta\n"
            ]
        );
        assert_eq!(library.current, "c");
    }

    #[test]
    fn duplicating_opens_a_named_copy() {
        let mut library = library();
        let copy = library.duplicate("b", "d".to_owned(), 50).unwrap().clone();
        assert_eq!(copy.name, "Beta outage (copy)");
        assert_eq!(copy.text, "# Beta outage\n");
        assert_eq!(library.current, "d");
        assert_eq!(library.drafts.len(), 4);
    }

    #[test]
    fn removing_and_restoring_puts_everything_back() {
        let mut library = library();
        library.current = "a".to_owned();
        let before = library.clone();
        let (index, removed) = library.remove("a").unwrap();
        assert_eq!(
            library.current, "b",
            "the most recent remaining draft opens"
        );
        assert_eq!(library.drafts.len(), 2);
        library.restore(index, removed);
        assert_eq!(library, before);
    }

    #[test]
    fn removing_the_last_draft_leaves_no_current_one() {
        let mut library = Library::default();
        library.add(draft("a", "x", 1));
        library.remove("a");
        assert!(library.current().is_none());
        assert!(library.remove("a").is_none());
    }

    #[test]
    fn stored_drafts_round_trip_and_later_formats_are_kept_aside() {
        let original = draft("a", "# Alpha\n\nText with \"quotes\" and ünïcode.\n", 12);
        assert_eq!(
            decode_draft(&encode_draft(&original)),
            StoredDraft::Readable(original)
        );
        assert_eq!(
            decode_draft(r#"{"version":3,"id":"a","somethingNew":true}"#),
            StoredDraft::Newer(3)
        );
        assert_eq!(decode_draft("{not json"), StoredDraft::Unreadable);
        assert_eq!(decode_draft(r#"{"version":2}"#), StoredDraft::Unreadable);
    }

    #[test]
    fn the_single_draft_of_version_one_migrates() {
        let migrated = migrate_single_draft(r##"{"version":1,"text":"# Old"}"##, "n".to_owned(), 5);
        assert_eq!(migrated, StoredDraft::Readable(draft("n", "# Old", 5)));
        assert_eq!(
            migrate_single_draft("garbage", "n".to_owned(), 5),
            StoredDraft::Unreadable
        );
    }

    #[test]
    fn a_backup_round_trips_and_merging_never_overwrites() {
        let library = library();
        let file = encode_backup(&library.drafts, &["{raw".to_owned()], 100);
        assert!(is_backup(&file));
        let drafts = decode_backup(&file).unwrap();
        assert_eq!(drafts, library.drafts);

        let mut other = Library::default();
        other.add(draft("a", "# A different draft with the same id\n", 1));
        other.add(draft("z", "# Beta outage\n", 1));
        let mut ids = (0..).map(|n| format!("new{n}"));
        let added = other.merge(drafts, || ids.next().unwrap());
        assert_eq!(added, 2, "Beta is already here");
        let texts: Vec<&str> = other
            .drafts
            .iter()
            .map(|draft| draft.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "# A different draft with the same id\n",
                "# Beta outage\n",
                "# Alpha outage\n",
                "no heading"
            ]
        );
        assert_eq!(other.drafts[2].id, "new0", "a taken id is replaced");
        assert_eq!(other.drafts[3].id, "c");
    }

    #[test]
    fn a_bad_backup_says_what_is_wrong() {
        assert!(!is_backup("# A postmortem {"));
        assert!(
            decode_backup("{}")
                .unwrap_err()
                .contains("could not be read")
        );
        let newer = r#"{"format":"postmortem-backup","version":9,"exported":0,"drafts":[]}"#;
        assert!(decode_backup(newer).unwrap_err().contains("newer version"));
        let foreign = r#"{"format":"something-else","version":1,"exported":0,"drafts":[]}"#;
        assert!(
            decode_backup(foreign)
                .unwrap_err()
                .contains("not a postmortem backup")
        );
    }
}
