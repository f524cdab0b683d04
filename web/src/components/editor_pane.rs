//! `<EditorPane/>`: the Markdown editor bound to the draft.

use crate::state::use_editor_state;
use leptos::prelude::*;

/// The Markdown source of the draft, editable.
#[component]
pub(crate) fn EditorPane() -> impl IntoView {
    let state = use_editor_state();
    view! {
        <section class="editor-pane" aria-label="Markdown editor">
            <label class="pane-title" for="editor">"Markdown"</label>
            <textarea
                id="editor"
                data-testid="editor"
                spellcheck="true"
                prop:value=move || state.source.get()
                on:input:target=move |event| state.source.set(event.target().value())
            ></textarea>
        </section>
    }
}
