//! Drafts in localStorage (gloo-storage): one key per draft, so a keystroke writes one draft,
//! and another tab's write arrives as a `storage` event naming exactly the draft it changed.
//! A stored value this version cannot read is never overwritten or removed.

use crate::state::library::{
    Draft, FORMAT_VERSION, Library, Stored, StoredDraft, decode_draft, migrate_single_draft,
};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

const DRAFT_PREFIX: &str = "postmortem/v2/draft/";
const CURRENT_KEY: &str = "postmortem/v2/current";
/// Where version 1 kept its single draft; migrated on first load, then removed.
const SINGLE_DRAFT_KEY: &str = "postmortem/v1/draft";

/// The drafts found in storage, and what could not be read.
pub struct LoadedLibrary {
    pub library: Library,
    /// Messages for the user, one per problem found.
    pub problems: Vec<String>,
    /// Raw stored values that could not be read, kept so that a backup can carry them.
    pub unreadable: Vec<String>,
}

/// The key a draft is stored under.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The id of the draft stored under `key`, if `key` holds a draft.
pub fn draft_id(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
}

/// Reads every stored draft, migrating version 1's single draft forward.
pub fn load(now: u64, mut new_id: impl FnMut() -> String) -> LoadedLibrary {
    let mut loaded = LoadedLibrary {
        library: Library::default(),
        problems: Vec::new(),
        unreadable: Vec::new(),
    };
    let Some(storage) = local_storage() else {
        loaded.problems.push(unavailable());
        return loaded;
    };
    migrate_single_draft_key(&storage, now, &mut new_id, &mut loaded);
    let (mut newer, mut unreadable) = (0, 0);
    for key in stored_keys(&storage) {
        if draft_id(&key).is_none() {
            continue;
        }
        let Ok(Some(raw)) = storage.get_item(&key) else {
            continue;
        };
        match decode_draft(&raw) {
            StoredDraft::Readable(draft) => loaded.library.drafts.push(draft),
            StoredDraft::Newer(_) => newer += 1,
            StoredDraft::Unreadable => {
                unreadable += 1;
                loaded.unreadable.push(raw);
            }
        }
    }
    if newer > 0 {
        loaded.problems.push(format!(
            "{newer} saved draft(s) were written by a newer version of postmortem (format > {FORMAT_VERSION}); they are kept in storage, untouched."
        ));
    }
    if unreadable > 0 {
        loaded.problems.push(format!(
            "{unreadable} saved draft(s) could not be read; they are kept in storage, untouched, and included in backups."
        ));
    }
    let current = storage.get_item(CURRENT_KEY).ok().flatten();
    loaded.library.current = match current {
        Some(id) if loaded.library.get(&id).is_some() => id,
        _ => loaded
            .library
            .by_last_change()
            .first()
            .map(|draft| draft.id.clone())
            .unwrap_or_default(),
    };
    loaded
}

fn migrate_single_draft_key(
    storage: &web_sys::Storage,
    now: u64,
    new_id: &mut impl FnMut() -> String,
    loaded: &mut LoadedLibrary,
) {
    let Ok(Some(raw)) = storage.get_item(SINGLE_DRAFT_KEY) else {
        return;
    };
    match migrate_single_draft(&raw, new_id(), now) {
        // The old key goes only once the new one is written.
        StoredDraft::Readable(draft) => {
            if save_draft(&draft).is_ok() {
                let _ = storage.remove_item(SINGLE_DRAFT_KEY);
            } else {
                loaded.library.drafts.push(draft);
            }
        }
        StoredDraft::Newer(_) | StoredDraft::Unreadable => {
            loaded.problems.push(
                "The draft saved by an earlier version could not be read; it is kept in storage, untouched, and included in backups."
                    .to_owned(),
            );
            loaded.unreadable.push(raw);
        }
    }
}

fn stored_keys(storage: &web_sys::Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Saves one draft. On failure the text stays in the editor and the message says why.
pub fn save_draft(draft: &Draft) -> Result<(), String> {
    if local_storage().is_none() {
        return Err(unavailable());
    }
    LocalStorage::set(draft_key(&draft.id), Stored::new(draft)).map_err(|error| describe(&error))
}

/// Forgets a draft (after the user deleted it).
pub fn remove_draft(id: &str) {
    if local_storage().is_some() {
        LocalStorage::delete(draft_key(id));
    }
}

/// Remembers which draft to open next time.
pub fn save_current(id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(CURRENT_KEY, id);
    }
}

fn describe(error: &StorageError) -> String {
    match error {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => {
            "Browser storage is full: this draft is not saved. Your text is still here: download it, or export a backup and delete old drafts.".to_owned()
        }
        StorageError::JsError(js) if js.name == "SecurityError" => unavailable(),
        other => format!(
            "Could not save the draft ({other}). Your text is still here: download it to keep a copy."
        ),
    }
}

/// The page's localStorage, or `None` where the browser refuses it. gloo-storage assumes it
/// exists and would throw, so this is checked first.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn unavailable() -> String {
    "Drafts cannot be saved: this browser's storage is disabled. Your text stays here while the page is open; download it to keep it."
        .to_owned()
}
