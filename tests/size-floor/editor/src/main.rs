//! An editor reduced to what any editor built on this stack carries: Leptos (client-side,
//! components erased as the app's are), a textarea whose text is kept in localStorage, its
//! word count and the validator floor's findings, and two tabs. Its wasm size is the floor
//! under the app's (`cargo xtask size` prints both).

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const DRAFT_KEY: &str = "size-floor/draft";

#[component]
fn Editor() -> impl IntoView {
    let (text, set_text) = signal(LocalStorage::get::<String>(DRAFT_KEY).unwrap_or_default());
    Effect::new(move || {
        // A full or disabled storage only loses the floor's draft.
        let _ = LocalStorage::set(DRAFT_KEY, text.get());
    });
    let findings = Memo::new(move |_| text.with(|text| size_floor_validator::findings(text)));
    let words = move || text.with(|text| text.split_whitespace().count());
    let (showing_findings, set_showing_findings) = signal(false);
    view! {
        <header>
            <span>{words} " words"</span>
            <button on:click=move |_| set_showing_findings.set(false)>"Write"</button>
            <button on:click=move |_| set_showing_findings.set(true)>"Findings"</button>
        </header>
        <Show
            when=move || showing_findings.get()
            fallback=move || {
                view! {
                    <textarea
                        prop:value=move || text.get()
                        on:input=move |event| set_text.set(event_target_value(&event))
                    ></textarea>
                }
            }
        >
            <ol>
                <For
                    each=move || findings.with(|findings| findings.iter().map(|finding| (finding.start, finding.message.clone())).collect::<Vec<_>>())
                    key=|(start, _)| *start
                    let((start, message))
                >
                    <li>{start} ": " {message}</li>
                </For>
            </ol>
        </Show>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Editor);
}
