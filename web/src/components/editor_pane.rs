//! `<EditorPane/>`: the Markdown editor bound to the draft.

use crate::state::{Pane, use_editor_state};
use leptos::prelude::*;

/// The Markdown source of the draft, editable; selects the range a diagnostic points at.
#[component]
pub(crate) fn EditorPane() -> impl IntoView {
    let state = use_editor_state();
    let textarea: NodeRef<leptos::html::Textarea> = NodeRef::new();
    Effect::new(move || {
        let Some((start, end)) = state.selection.get() else {
            return;
        };
        if let Some(textarea) = textarea.get_untracked() {
            // Focus first: browsers scroll a focused textarea to its selection.
            let _ = textarea.focus();
            let _ = textarea.set_selection_range(start, end);
        }
    });
    view! {
        <section
            class="editor-pane"
            class:shown=move || state.pane.get() == Pane::Editor
            aria-label="Editor"
        >
            <label class="pane-title" for="editor">"Markdown"</label>
            <textarea
                id="editor"
                data-testid="editor"
                spellcheck="true"
                node_ref=textarea
                prop:value=move || state.source.get()
                on:input:target=move |event| state.source.set(event.target().value())
            ></textarea>
        </section>
    }
}
