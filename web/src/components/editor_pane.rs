//! `<EditorPane/>`: the Markdown editor bound to the draft.

use crate::components::Tab;
use crate::components::form_pane::FormPane;
use crate::state::history::Kind;
use crate::state::{EditorState, EditorView, Pane, use_editor_state};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
            let _ = textarea.focus();
            let _ = textarea.set_selection_range(start, end);
            scroll_to(&textarea, start);
        }
    });
    view! {
        <section
            class="editor-pane"
            class:shown=move || state.pane.get() == Pane::Editor
            aria-label="Editor"
        >
            <div class="editor-bar">
                <div class="tabs" role="tablist" aria-label="Views of the draft">
                    <Tab current=state.editor_view value=EditorView::Form label="Form" test_id="tab-form" />
                    <Tab current=state.editor_view value=EditorView::Markdown label="Markdown" test_id="tab-markdown" />
                </div>
                <UndoButtons />
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
                on:keydown=move |event: ev::KeyboardEvent| undo_keys(state, &event)
                on:beforeinput=move |event: ev::InputEvent| undo_input(state, &event)
                on:input=move |event: ev::Event| {
                    let Some(target) = event
                        .target()
                        .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                    else {
                        return;
                    };
                    let text = target.value();
                    shown.set_value(text.clone());
                    let input_type = event
                        .dyn_ref::<web_sys::InputEvent>()
                        .map(web_sys::InputEvent::input_type)
                        .unwrap_or_default();
                    let kind = match input_type.as_str() {
                        "insertFromPaste" | "insertFromDrop" | "insertReplacementText" => Kind::Step,
                        _ => Kind::Typing,
                    };
                    state.change_text(text, kind);
                }
            ></textarea>
        </section>
    }
}

/// Undo and redo, in the editor's own history: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, or Cmd on a
/// Mac. The browser's history of a field knows nothing of fixes and form edits.
pub(crate) fn undo_keys(state: EditorState, event: &ev::KeyboardEvent) {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
        return;
    }
    let redo = match event.key().to_lowercase().as_str() {
        "z" => event.shift_key(),
        "y" if !event.shift_key() => true,
        _ => return,
    };
    event.prevent_default();
    state.undo(redo);
}

/// Undo and redo from the browser's menus (Edit, the context menu) go to the editor's history.
pub(crate) fn undo_input(state: EditorState, event: &ev::InputEvent) {
    let redo = match event.input_type().as_str() {
        "historyUndo" => false,
        "historyRedo" => true,
        _ => return,
    };
    event.prevent_default();
    state.undo(redo);
}

/// The undo and redo buttons.
#[component]
pub(crate) fn UndoButtons() -> impl IntoView {
    let state = use_editor_state();
    view! {
        <span class="undo-buttons">
            <button type="button" class="small" data-testid="undo-edit" title="Undo (Ctrl+Z)"
                aria-label="Undo" disabled=move || !state.undoable.get().0
                on:click=move |_| { state.undo(false); }>"↶ Undo"</button>
            <button type="button" class="small" data-testid="redo-edit" title="Redo (Ctrl+Shift+Z)"
                aria-label="Redo" disabled=move || !state.undoable.get().1
                on:click=move |_| { state.undo(true); }>"↷ Redo"</button>
        </span>
    }
}

/// Scrolls the textarea so that the line holding UTF-16 offset `start` shows, a third of the
/// way down. The textarea measures it: its text up to `start`, laid out at its own width with
/// its own wrapping, is as tall as the scroll position of that line.
fn scroll_to(textarea: &web_sys::HtmlTextAreaElement, start: u32) {
    let text = textarea.value();
    let units: Vec<u16> = text.encode_utf16().collect();
    let Some(before) = units.get(..start as usize) else {
        return;
    };
    let before = String::from_utf16_lossy(before);
    let (selection_start, selection_end) = (
        textarea.selection_start().ok().flatten(),
        textarea.selection_end().ok().flatten(),
    );
    textarea.set_value(&before);
    let height = textarea.scroll_height();
    textarea.set_value(&text);
    if let (Some(selection_start), Some(selection_end)) = (selection_start, selection_end) {
        let _ = textarea.set_selection_range(selection_start, selection_end);
    }
    textarea.set_scroll_top((height - textarea.client_height() / 3).max(0));
}
