//! `<DiagnosticsPanel/>`: what the core found, live.

use crate::state::use_editor_state;
use leptos::prelude::*;

/// The list of diagnostics with counts by severity.
#[component]
pub(crate) fn DiagnosticsPanel() -> impl IntoView {
    let state = use_editor_state();
    let analysis = state.analysis;
    view! {
        <section class="diagnostics-pane" aria-label="Diagnostics">
            <h2 class="pane-title">"Diagnostics"</h2>
            <p class="counts" data-testid="diagnostic-counts">
                <span class="count error">{move || plural(analysis.with(|a| a.errors), "error")}</span>
                <span class="count warning">{move || plural(analysis.with(|a| a.warnings), "warning")}</span>
                <span class="count info">{move || plural(analysis.with(|a| a.infos), "note")}</span>
            </p>
            <ul class="diagnostics" data-testid="diagnostics">
                <For
                    each=move || analysis.get().diagnostics.into_iter().enumerate()
                    key=|(index, diagnostic)| (*index, diagnostic.code, diagnostic.message.clone(), diagnostic.line, diagnostic.column)
                    let((_, diagnostic))
                >
                    <li class=format!("diagnostic {}", diagnostic.severity) data-testid="diagnostic" data-code=diagnostic.code>
                        <span class="where">{format!("{}:{}", diagnostic.line, diagnostic.column)}</span>
                        <span class="code">{diagnostic.code}</span>
                        <span class="message">{diagnostic.message.clone()}</span>
                        <span class="help">{diagnostic.help.clone()}</span>
                    </li>
                </For>
            </ul>
        </section>
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
