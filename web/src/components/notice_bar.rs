//! `<NoticeBar/>`: passing messages (with undo after a deletion, or a shared draft to open), the choice to make when
//! another tab changed the draft being edited, and a new version of the app ready to load.

use crate::state::{NoticeAction, use_editor_state};
use leptos::prelude::*;

/// The notice and the conflict banner, announced to screen readers as they appear.
#[component]
pub(crate) fn NoticeBar() -> impl IntoView {
    let state = use_editor_state();
    let notice = move || {
        state.notice.get().map(|notice| {
            let action = notice.action.as_ref().map(|action| match action {
                NoticeAction::Undo(..) => ("Undo", "undo"),
                NoticeAction::OpenShared(_) => ("Open as a new draft", "open-shared"),
            });
            view! {
                <div class="notice" data-testid="notice">
                    <span data-testid="notice-text">{notice.text}</span>
                    {action.map(|(label, test_id)| view! {
                        <button type="button" data-testid=test_id on:click=move |_| state.notice_action()>
                            {label}
                        </button>
                    })}
                    <button
                        type="button"
                        class="icon"
                        aria-label="Dismiss"
                        on:click=move |_| state.notice.set(None)
                    >
                        "×"
                    </button>
                </div>
            }
        })
    };
    let conflict = move || {
        state.conflict.with(Option::is_some).then(|| {
            view! {
                <div class="notice conflict" data-testid="conflict">
                    <span>
                        "Another tab saved a different version of this draft. Which one do you want to keep here?"
                    </span>
                    <button type="button" data-testid="keep-mine" on:click=move |_| state.resolve_conflict(true)>
                        "Keep this tab's text"
                    </button>
                    <button type="button" data-testid="take-theirs" on:click=move |_| state.resolve_conflict(false)>
                        "Open the other version (this one is kept as a copy)"
                    </button>
                </div>
            }
        })
    };
    let update = move || {
        state.update_ready.get().then(|| {
            view! {
                <div class="notice" data-testid="update-ready">
                    <span>"A new version of postmortem is ready. Your drafts are saved."</span>
                    <button type="button" data-testid="update-reload" on:click=|_| crate::offline::take_update()>
                        "Reload now"
                    </button>
                </div>
            }
        })
    };
    view! {
        <div class="notices" role="status" aria-live="polite">
            {update}
            {conflict}
            {notice}
        </div>
    }
}
