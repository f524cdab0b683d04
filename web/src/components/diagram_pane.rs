//! `<DiagramPane/>`: the incident as an SVG timeline, drawn by the core; saved as a file, or
//! put into the Markdown as a Mermaid block that Markdown hosts render.

use crate::files::download;
use crate::state::{Analysis, use_editor_state};
use leptos::prelude::*;

/// The diagram, its export and its Mermaid insertion.
#[component]
pub(crate) fn DiagramPane() -> impl IntoView {
    let state = use_editor_state();
    // Drawn from the analysis's document, escaped by the core: nothing from the draft is
    // markup here.
    let drawing = Memo::new(move |_| state.analysis.with(|analysis| analysis.diagram(false)));
    let inserted = Memo::new(move |_| {
        state
            .source
            .with(|source| postmortem::diagram::has_block(source))
    });
    let save = move |_| {
        // The drawing shown, as a file.
        let Some(svg) = state
            .analysis
            .with_untracked(|analysis| analysis.diagram(true))
        else {
            return;
        };
        let name = state
            .analysis
            .with_untracked(Analysis::file_name)
            .replace(".md", "-timeline.svg");
        if download(&name, "image/svg+xml", &svg).is_err() {
            state.notify("The browser refused the download.");
        }
    };
    view! {
        <div class="diagram-pane" data-testid="diagram-pane">
            {move || match drawing.get() {
                Some(svg) => view! {
                    <figure class="diagram" data-testid="diagram" inner_html=svg></figure>
                    <p class="legend" aria-hidden="true">
                        <span class="key pm-detected">"detected"</span>
                        <span class="key pm-escalated">"escalated"</span>
                        <span class="key pm-misleading">"misleading path"</span>
                        <span class="key pm-resolved">"resolved"</span>
                        <span class="key pm-event">"other"</span>
                    </p>
                }
                .into_any(),
                None => view! {
                    <p class="hint" data-testid="diagram-empty">
                        "The diagram appears once the timeline has entries with times."
                    </p>
                }
                .into_any(),
            }}
            <div class="diagram-actions">
                <button type="button" data-testid="diagram-download" disabled=move || drawing.with(Option::is_none) on:click=save>
                    "Download SVG"
                </button>
                <button type="button" data-testid="diagram-insert"
                    disabled=move || inserted.get() || drawing.with(Option::is_none)
                    on:click=move |_| state.insert_diagram()>
                    {move || if inserted.get() { "In the Markdown, kept in sync" } else { "Insert as Mermaid into the Markdown" }}
                </button>
            </div>
        </div>
    }
}
