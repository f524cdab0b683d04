//! `<EditorPane/>`: the Markdown editor bound to the draft.

use crate::components::Tab;
use crate::components::form_pane::FormPane;
use crate::state::{EditorView, Pane, use_editor_state};
use leptos::prelude::*;

/// The Markdown source of the draft, editable; selects the range a diagnostic points at.
#[component]
pub(crate) fn EditorPane() -> impl IntoView {
    let state = use_editor_state();
    let textarea: NodeRef<leptos::html::Textarea> = NodeRef::new();
    // The text the textarea holds. Writing a long text back into a textarea costs a full
    // re-layout of it, so the editor is only written to when the text changed elsewhere
    // (a quick fix, an import, another draft opened), never to echo what was just typed.
    let shown = StoredValue::new(String::new());
    Effect::new(move || {
        let Some(textarea) = textarea.get() else {
            return;
        };
        state.source.with(|source| {
            if shown.with_value(|shown| shown != source) {
                // A change made elsewhere (a fix, the diagram kept in sync) keeps the caret
                // where it was rather than sending it to the end.
                let caret = (textarea.selection_start(), textarea.selection_end());
                textarea.set_value(source);
                if let (Ok(Some(start)), Ok(Some(end))) = caret {
                    let _ = textarea.set_selection_range(start, end);
                }
                shown.set_value(source.clone());
            }
        });
    });
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
            <div class="tabs" role="tablist" aria-label="Views of the draft">
                <Tab current=state.editor_view value=EditorView::Form label="Form" test_id="tab-form" />
                <Tab current=state.editor_view value=EditorView::Markdown label="Markdown" test_id="tab-markdown" />
            </div>
            <Show when=move || state.editor_view.get() == EditorView::Form>
                <FormPane />
            </Show>
            <label class="visually-hidden" for="editor">"Markdown"</label>
            <textarea
                hidden=move || state.editor_view.get() != EditorView::Markdown
                id="editor"
                data-testid="editor"
                spellcheck="true"
                node_ref=textarea
                on:input:target=move |event| {
                    let text = event.target().value();
                    shown.set_value(text.clone());
                    state.source.set(text);
                }
            ></textarea>
        </section>
    }
}
