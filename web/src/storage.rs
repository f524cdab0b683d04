//! The draft in localStorage (gloo-storage): versioned, and never silently dropped.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const DRAFT_KEY: &str = "postmortem/v1/draft";
/// Where an unreadable stored draft is kept, so that saving the editor's text never erases it.
const CORRUPT_KEY: &str = "postmortem/v1/draft.unreadable";
const STORAGE_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct StoredDraft {
    version: u32,
    text: String,
}

/// The draft to open, and what went wrong reading it, if anything did.
pub struct LoadedDraft {
    pub text: String,
    pub problem: Option<String>,
}

/// Reads the saved draft; a missing one opens the template.
pub fn load_draft() -> LoadedDraft {
    let fresh = |problem| LoadedDraft {
        text: postmortem::template(postmortem::Profile::Standard).to_owned(),
        problem,
    };
    let Some(storage) = local_storage() else {
        return fresh(Some(unavailable()));
    };
    let raw = match storage.get_item(DRAFT_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(None),
        Err(_) => return fresh(Some(unavailable())),
    };
    match serde_json::from_str::<StoredDraft>(&raw) {
        Ok(draft) if draft.version <= STORAGE_VERSION => LoadedDraft {
            text: draft.text,
            problem: None,
        },
        Ok(draft) => {
            keep_unreadable(&storage, &raw);
            fresh(Some(format!(
                "The saved draft was written by a newer version (format {}); it is kept aside, untouched.",
                draft.version
            )))
        }
        Err(_) => {
            keep_unreadable(&storage, &raw);
            fresh(Some(
                "The saved draft could not be read; its raw data is kept aside, untouched."
                    .to_owned(),
            ))
        }
    }
}

/// Saves the draft. On failure the text stays in the editor and the message says why.
pub fn save_draft(text: &str) -> Result<(), String> {
    if local_storage().is_none() {
        return Err(unavailable());
    }
    let draft = StoredDraft {
        version: STORAGE_VERSION,
        text: text.to_owned(),
    };
    LocalStorage::set(DRAFT_KEY, &draft).map_err(|error| {
        format!("Could not save the draft ({error}). Your text is still here: download it to keep a copy.")
    })
}

fn keep_unreadable(storage: &web_sys::Storage, raw: &str) {
    if !matches!(storage.get_item(CORRUPT_KEY), Ok(Some(_))) {
        let _ = storage.set_item(CORRUPT_KEY, raw);
    }
}

/// The page's localStorage, or `None` where the browser refuses it. gloo-storage assumes it
/// exists and would throw, so this is checked first.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn unavailable() -> String {
    "Drafts cannot be saved: this browser's storage is disabled. Download your work to keep it."
        .to_owned()
}
