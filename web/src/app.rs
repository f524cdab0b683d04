//! `<App/>`: provides the editor state, saves drafts as they change, follows other tabs,
//! takes dropped and pasted files, lays out the page.

use crate::components::{DraftsPanel, EditorPane, NoticeBar, SidePanel, Tab, Toolbar};
use crate::files::import_files;
use crate::state::{EditorState, Pane, provide_editor_state};
use leptos::ev;
use leptos::prelude::*;

/// The whole editor page.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_editor_state(EditorState::load());
    crate::offline::register(state);
    crate::share::offer_shared_draft(state);
    // Every change of the text, typed, fixed or imported, is recorded and saved.
    Effect::new(move || {
        state.source.track();
        state.text_changed();
    });
    let storage = window_event_listener(ev::storage, move |event| {
        if let Some(key) = event.key() {
            state.stored_elsewhere(&key, event.new_value().as_deref());
        }
    });
    // A file pasted (copied in a file manager) is imported; pasted text goes where the caret is.
    let paste = window_event_listener(ev::paste, move |event| {
        let files = event.clipboard_data().and_then(|data| data.files());
        if let Some(files) = files.filter(|files| files.length() > 0) {
            event.prevent_default();
            import_files(state, &files);
        }
    });
    // Printing (the browser's menu or Ctrl+P) prints the preview: show it first.
    let print = window_event_listener(ev::beforeprint, move |_| {
        state.side_tab.set(crate::state::SideTab::Preview);
    });
    on_cleanup(move || {
        storage.remove();
        paste.remove();
        print.remove();
    });
    let dragging = RwSignal::new(false);
    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            on:dragover=move |event: ev::DragEvent| {
                event.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |event: ev::DragEvent| {
                event.prevent_default();
                dragging.set(false);
                if let Some(files) = event.data_transfer().and_then(|data| data.files()) {
                    import_files(state, &files);
                }
            }
        >
            <Toolbar />
            <NoticeBar />
            <div class="pane-tabs tabs" role="tablist" aria-label="Panes">
                <Tab current=state.pane value=Pane::Drafts label="Drafts" test_id="pane-drafts" />
                <Tab current=state.pane value=Pane::Editor label="Editor" test_id="pane-editor" />
                <Tab current=state.pane value=Pane::Checks label="Checks" test_id="pane-checks" />
            </div>
            <main
                class="workspace"
                class:drafts-collapsed=move || !state.drafts_open.get()
                data-pane=move || match state.pane.get() {
                    Pane::Drafts => "drafts",
                    Pane::Editor => "editor",
                    Pane::Checks => "checks",
                }
            >
                <DraftsPanel />
                <EditorPane />
                <SidePanel />
            </main>
            <div class="drop-hint" aria-hidden="true">"Drop a .md file to open it as a new draft"</div>
        </div>
    }
}
