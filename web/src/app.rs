//! `<App/>`: provides the editor state, saves drafts as they change, lays out the page.

use crate::components::{EditorPane, SidePanel, Toolbar};
use crate::state::{EditorState, provide_editor_state};
use crate::storage;
use leptos::prelude::*;

/// The whole editor page.
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load_draft();
    let state = provide_editor_state(EditorState::new(loaded.text));
    if let Some(problem) = loaded.problem {
        state.storage_message.set(Some(problem));
    }
    // Save whenever the text differs from what was saved; a failed write keeps the text in
    // the editor and says why. Comparing, rather than skipping the effect's first run, also
    // saves an edit made before that first run.
    let saved = StoredValue::new(state.source.get_untracked());
    Effect::new(move || {
        let text = state.source.get();
        if saved.with_value(|saved| *saved == text) {
            return;
        }
        match storage::save_draft(&text) {
            Ok(()) => {
                saved.set_value(text);
                state.storage_message.set(None);
            }
            Err(problem) => state.storage_message.set(Some(problem)),
        }
    });
    view! {
        <div class="app">
            <Toolbar />
            <main class="workspace">
                <EditorPane />
                <SidePanel />
            </main>
        </div>
    }
}
