//! `<DraftsPanel/>`: every draft, most recently changed first; open, rename, duplicate,
//! delete; the backup of them all.

use crate::files::download;
use crate::state::library::{last_changed, local_date};
use crate::state::{Pane, now, use_editor_state};
use leptos::prelude::*;

/// The drafts list, collapsible on a wide screen, a tab of its own on a phone.
#[component]
pub(crate) fn DraftsPanel() -> impl IntoView {
    let state = use_editor_state();
    let renaming = RwSignal::new(None::<String>);
    let offset_minutes = {
        #[allow(clippy::cast_possible_truncation)] // Offsets are whole minutes.
        let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        offset
    };
    let export_backup = move |_| {
        let date = local_date(now(), offset_minutes);
        let name = format!("postmortem-drafts-{date}.json");
        if download(&name, "application/json", &state.backup()).is_err() {
            state.notify("The browser refused the download.");
        }
    };
    let rows = move || {
        let current = state.library.with(|library| library.current.clone());
        let time = now();
        state.library.with(|library| {
            library
                .by_last_change()
                .into_iter()
                .map(|draft| {
                    let id = draft.id.clone();
                    let name = draft.display_name();
                    let is_current = draft.id == current;
                    let when = last_changed(time, draft.modified, offset_minutes);
                    view! {
                        <DraftRow id name is_current when renaming />
                    }
                })
                .collect_view()
        })
    };
    view! {
        <nav
            id="drafts"
            class="drafts-pane"
            class:collapsed=move || !state.drafts_open.get()
            class:shown=move || state.pane.get() == Pane::Drafts
            aria-label="Drafts"
        >
            <h2 class="pane-title">"Drafts"</h2>
            <ul class="drafts" data-testid="drafts">{rows}</ul>
            <div class="backup">
                <button type="button" data-testid="export-backup" on:click=export_backup>
                    "Export all drafts"
                </button>
                <p class="hint">"A backup file holds every draft; import it with Import."</p>
            </div>
        </nav>
    }
}

/// One draft in the list, or its name being edited.
#[component]
fn DraftRow(
    id: String,
    name: String,
    is_current: bool,
    when: String,
    renaming: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_editor_state();
    let is_renaming = {
        let id = id.clone();
        move || renaming.with(|renaming| renaming.as_deref() == Some(id.as_str()))
    };
    let commit = {
        let id = id.clone();
        move |value: String| {
            renaming.set(None);
            state.rename(&id, &value);
        }
    };
    let label = format!("Open draft {name}");
    let (rename_label, duplicate_label, delete_label) = (
        format!("Rename {name}"),
        format!("Duplicate {name}"),
        format!("Delete {name}"),
    );
    let (open_id, rename_id, duplicate_id, delete_id) =
        (id.clone(), id.clone(), id.clone(), id.clone());
    let editing_name = name.clone();
    view! {
        <li class="draft" class:current=is_current data-testid="draft">
            <Show
                when=is_renaming
                fallback=move || {
                    let open_id = open_id.clone();
                    view! {
                        <button
                            type="button"
                            class="draft-open"
                            aria-current=is_current.then_some("true")
                            aria-label=label.clone()
                            on:click=move |_| state.open(&open_id)
                        >
                            <span class="draft-name" data-testid="draft-name">{name.clone()}</span>
                            <span class="draft-when">{when.clone()}</span>
                        </button>
                    }
                }
            >
                {
                    let commit = commit.clone();
                    let commit_on_blur = commit.clone();
                    // `autofocus` works only when a page loads: focus the field once it is in.
                    let field: NodeRef<leptos::html::Input> = NodeRef::new();
                    Effect::new(move || {
                        if let Some(field) = field.get() {
                            let _ = field.focus();
                            field.select();
                        }
                    });
                    view! {
                        <input
                            class="draft-rename"
                            data-testid="draft-rename"
                            aria-label="Draft name"
                            value=editing_name.clone()
                            node_ref=field
                            on:keydown:target=move |event| {
                                match event.key().as_str() {
                                    "Enter" => commit(event.target().value()),
                                    "Escape" => renaming.set(None),
                                    _ => {}
                                }
                            }
                            on:blur:target=move |event| {
                                if renaming.get_untracked().is_some() {
                                    commit_on_blur(event.target().value());
                                }
                            }
                        />
                    }
                }
            </Show>
            <div class="draft-actions">
                <button type="button" class="small" data-testid="draft-rename-button"
                    aria-label=rename_label title="Rename"
                    on:click=move |_| renaming.set(Some(rename_id.clone()))>"Rename"</button>
                <button type="button" class="small" data-testid="draft-duplicate"
                    aria-label=duplicate_label title="Duplicate"
                    on:click=move |_| state.duplicate(&duplicate_id)>"Duplicate"</button>
                <button type="button" class="small" data-testid="draft-delete"
                    aria-label=delete_label title="Delete (can be undone)"
                    on:click=move |_| state.delete(&delete_id)>"Delete"</button>
            </div>
        </li>
    }
}
