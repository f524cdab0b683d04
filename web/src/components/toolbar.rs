//! `<Toolbar/>`: the page header with the draft's title, profile, word count and actions.

use crate::files::{copy_to_clipboard, download, import_files};
use crate::state::{Analysis, SideTab, use_editor_state};
use leptos::ev;
use leptos::prelude::*;
use postmortem::Profile;
use wasm_bindgen::JsCast;

/// The header: title, profile switch, word counter, storage status and the draft's actions.
#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    let state = use_editor_state();
    let analysis = state.analysis;
    let words_class = move || {
        analysis.with(|a| match a.word_range {
            Some((min, max)) if a.words < min || a.words > max => "word-count outside",
            _ => "word-count",
        })
    };
    view! {
        <header class="toolbar">
            <button
                type="button"
                class="icon drafts-toggle"
                data-testid="drafts-toggle"
                aria-controls="drafts"
                aria-expanded=move || state.drafts_open.get().to_string()
                title="Show or hide the drafts list"
                on:click=move |_| state.drafts_open.update(|open| *open = !*open)
            >
                <span aria-hidden="true">"☰"</span>
                <span class="visually-hidden">"Drafts"</span>
            </button>
            <span class="product">"postmortem"</span>
            <h1 class="draft-title" data-testid="draft-title">
                {move || analysis.with(|a| a.title().map(str::to_owned)).unwrap_or_else(|| "Untitled draft".to_owned())}
            </h1>
            <label class="profile">
                <span>"Profile"</span>
                <select
                    data-testid="profile"
                    prop:value=move || state.config.with(|config| config.profile.name())
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
            <span class="save-status" data-testid="save-status" role="status" title="Drafts are kept in this browser's storage, never sent anywhere">
                {move || state.storage_message.get().unwrap_or_else(|| "Saved".to_owned())}
            </span>
            <DraftActions />
        </header>
    }
}

/// Closes a menu once one of its items is chosen.
fn close(menu: NodeRef<leptos::html::Details>) {
    if let Some(menu) = menu.get_untracked() {
        menu.set_open(false);
    }
}

/// New (from the template or blank), import, share (copy, link, print) and download.
#[component]
fn DraftActions() -> impl IntoView {
    let state = use_editor_state();
    let analysis = state.analysis;
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let new_menu: NodeRef<leptos::html::Details> = NodeRef::new();
    let share_menu: NodeRef<leptos::html::Details> = NodeRef::new();
    // A menu closes on Escape and on a click anywhere outside it, as menus do.
    let escape = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" {
            for menu in [new_menu, share_menu] {
                if menu.get_untracked().is_some_and(|menu| menu.open()) {
                    close(menu);
                    if let Some(summary) = menu
                        .get_untracked()
                        .and_then(|menu| menu.query_selector("summary").ok().flatten())
                        .and_then(|summary| summary.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = summary.focus();
                    }
                }
            }
        }
    });
    let outside = window_event_listener(ev::pointerdown, move |event| {
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
        for menu in [new_menu, share_menu] {
            if let Some(element) = menu.get_untracked()
                && element.open()
                && !element.contains(target.as_ref())
            {
                close(menu);
            }
        }
    });
    on_cleanup(move || {
        escape.remove();
        outside.remove();
    });
    let new_draft = move |from_template: bool| {
        close(new_menu);
        state.new_draft(from_template);
    };
    let download_draft = move |_| {
        let text = state.source.get_untracked();
        let name = analysis.with_untracked(Analysis::file_name);
        if download(&name, "text/markdown;charset=utf-8", &text).is_err() {
            state.notify("The browser refused the download.");
        }
    };
    view! {
        <div class="actions">
            <details class="menu" node_ref=new_menu>
                <summary data-testid="new">"New"</summary>
                <div class="menu-items">
                    <button type="button" data-testid="new-template" on:click=move |_| new_draft(true)>
                        "From the template"
                    </button>
                    <button type="button" data-testid="new-blank" on:click=move |_| new_draft(false)>
                        "Blank"
                    </button>
                </div>
            </details>
            <button
                type="button"
                data-testid="import"
                title="Open a .md file (or a backup) as a new draft; you can also drop or paste a file"
                on:click=move |_| {
                    if let Some(input) = file_input.get_untracked() {
                        input.click();
                    }
                }
            >
                "Import"
            </button>
            <input
                type="file"
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                data-testid="import-file"
                accept=".md,.markdown,.txt,.json,text/markdown,text/plain,application/json"
                node_ref=file_input
                on:change:target=move |event| {
                    let input = event.target();
                    if let Some(files) = input.files() {
                        import_files(state, &files);
                    }
                    // The same file may be imported twice in a row.
                    input.set_value("");
                }
            />
            <details class="menu end" node_ref=share_menu>
                <summary data-testid="more">"Share"</summary>
                <div class="menu-items">
                    <button type="button" data-testid="copy"
                        on:click=move |_| {
                            close(share_menu);
                            copy_to_clipboard(state, &state.source.get_untracked());
                        }>
                        "Copy the Markdown"
                    </button>
                    <button type="button" data-testid="share"
                        title="Copy a link that carries the whole draft; nothing is sent to a server"
                        on:click=move |_| {
                            close(share_menu);
                            crate::share::share(state);
                        }>
                        "Copy a share link"
                    </button>
                    <button type="button" data-testid="print" title="Print the preview as a report, or save it as PDF"
                        on:click=move |_| {
                            close(share_menu);
                            state.side_tab.set(SideTab::Preview);
                            // Once the preview is in the page.
                            set_timeout(
                                || {
                                    if let Some(window) = web_sys::window() {
                                        let _ = window.print();
                                    }
                                },
                                std::time::Duration::ZERO,
                            );
                        }>
                        "Print or save as PDF"
                    </button>
                </div>
            </details>
            <button type="button" class="primary" data-testid="download" on:click=download_draft>
                "Download .md"
            </button>
        </div>
    }
}
