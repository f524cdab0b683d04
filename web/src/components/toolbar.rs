//! `<Toolbar/>`: the page header with the draft's title, its save state and the actions.

use crate::download::download_markdown;
use crate::state::use_editor_state;
use leptos::prelude::*;

/// The header: title, storage status, download.
#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    let state = use_editor_state();
    let download = move |_| {
        let text = state.source.get_untracked();
        let name = state
            .analysis
            .with_untracked(crate::state::Analysis::file_name);
        if download_markdown(&name, &text).is_err() {
            state
                .storage_message
                .set(Some("The browser refused the download.".to_owned()));
        }
    };
    view! {
        <header class="toolbar">
            <h1 class="product">"postmortem"</h1>
            <span class="draft-title" data-testid="draft-title">
                {move || state.analysis.with(|a| a.title.clone()).unwrap_or_else(|| "Untitled draft".to_owned())}
            </span>
            <span class="save-status" data-testid="save-status" role="status">
                {move || state.storage_message.get().unwrap_or_else(|| "Saved in this browser".to_owned())}
            </span>
            <button type="button" data-testid="download" on:click=download>"Download .md"</button>
        </header>
    }
}
