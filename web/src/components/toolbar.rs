//! `<Toolbar/>`: the page header with the draft's title, profile, word count and actions.

use crate::download::download_markdown;
use crate::state::use_editor_state;
use leptos::prelude::*;
use postmortem::Profile;

/// The header: title, profile switch, word counter, storage status, download.
#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    let state = use_editor_state();
    let analysis = state.analysis;
    let download = move |_| {
        let text = state.source.get_untracked();
        let name = analysis.with_untracked(crate::state::Analysis::file_name);
        if download_markdown(&name, &text).is_err() {
            state
                .storage_message
                .set(Some("The browser refused the download.".to_owned()));
        }
    };
    let words_class = move || {
        analysis.with(|a| match a.word_range {
            Some((min, max)) if a.words < min || a.words > max => "word-count outside",
            _ => "word-count",
        })
    };
    view! {
        <header class="toolbar">
            <span class="product">"postmortem"</span>
            <h1 class="draft-title" data-testid="draft-title">
                {move || analysis.with(|a| a.title.clone()).unwrap_or_else(|| "Untitled draft".to_owned())}
            </h1>
            <label class="profile">
                <span>"Profile"</span>
                <select
                    data-testid="profile"
                    on:change:target=move |event| {
                        if let Some(profile) = Profile::from_name(&event.target().value()) {
                            state.set_profile(profile);
                        }
                    }
                >
                    <option value="standard">"Standard (course)"</option>
                    <option value="sre">"SRE book"</option>
                </select>
            </label>
            <span class=words_class data-testid="word-count" title="Prose words, as a reader counts them">
                {move || analysis.with(|a| match a.word_range {
                    Some((min, max)) => format!("{} words ({min}–{max})", a.words),
                    None => format!("{} words", a.words),
                })}
            </span>
            <span class="save-status" data-testid="save-status" role="status">
                {move || state.storage_message.get().unwrap_or_else(|| "Saved in this browser".to_owned())}
            </span>
            <button type="button" data-testid="download" on:click=download>"Download .md"</button>
        </header>
    }
}
