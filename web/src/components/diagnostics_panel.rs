//! `<DiagnosticsPanel/>`: what the core found, live, grouped by section.

use crate::state::{DiagnosticView, EditorView, Pane, use_editor_state};
use leptos::prelude::*;

/// Counts by severity, then each section's diagnostics.
#[component]
pub(crate) fn DiagnosticsPanel() -> impl IntoView {
    let analysis = use_editor_state().analysis;
    view! {
        <div
            class="diagnostics-pane"
            aria-label="Diagnostics"
            data-analysed-bytes=move || analysis.with(|a| a.source_bytes)
        >
            <p class="counts" data-testid="diagnostic-counts" aria-live="polite">
                <span class="count error">{move || plural(analysis.with(|a| a.errors), "error")}</span>
                <span class="count warning">{move || plural(analysis.with(|a| a.warnings), "warning")}</span>
                <span class="count info">{move || plural(analysis.with(|a| a.infos), "note")}</span>
            </p>
            <Show when=move || analysis.with(|a| a.groups.is_empty())>
                <p class="all-clear" data-testid="all-clear">"Nothing to report: this postmortem meets the profile."</p>
            </Show>
            <div class="diagnostic-groups" data-testid="diagnostics">
                <For
                    each=move || analysis.get().groups
                    key=|group| {
                        let fingerprint: Vec<_> = group
                            .diagnostics
                            .iter()
                            .map(|d| (d.code, d.utf16_start, d.utf16_end, d.message.clone(), d.fix.is_some()))
                            .collect();
                        (group.section.clone(), fingerprint)
                    }
                    let(group)
                >
                    <section class="diagnostic-group">
                        <h3 class="group-title">{group.section.clone()}</h3>
                        <ul>
                            {group.diagnostics.into_iter().map(|diagnostic| view! { <DiagnosticRow diagnostic /> }).collect_view()}
                        </ul>
                    </section>
                </For>
            </div>
        </div>
    }
}

/// One diagnostic: click to select its text; a quick fix and the rule's help where available.
#[component]
fn DiagnosticRow(diagnostic: DiagnosticView) -> impl IntoView {
    let state = use_editor_state();
    let range = (diagnostic.utf16_start, diagnostic.utf16_end);
    let fix = diagnostic.fix.clone();
    let docs = diagnostic.docs;
    let help_opened = RwSignal::new(false);
    view! {
        <li class=format!("diagnostic {}", diagnostic.severity) data-testid="diagnostic" data-code=diagnostic.code>
            <button
                type="button"
                class="diagnostic-target"
                data-testid="diagnostic-select"
                title="Select this text in the editor"
                on:click=move |_| {
                    // The text is in the Markdown view; on a phone, the editor is another pane.
                    state.editor_view.set(EditorView::Markdown);
                    state.pane.set(Pane::Editor);
                    state.selection.set(Some(range));
                }
            >
                <span class="where">{format!("line {}, col {}", diagnostic.line, diagnostic.column)}</span>
                <span class="code">{diagnostic.code}</span>
                <span class="message">{diagnostic.message.clone()}</span>
            </button>
            <p class="help">{diagnostic.help.clone()}</p>
            {fix.map(|fix| {
                let title = fix.title.clone();
                view! {
                    <button type="button" class="quick-fix" data-testid="quick-fix" on:click=move |_| state.apply_fix(&fix)>
                        {title}
                    </button>
                }
            })}
            <details class="rule-help" on:toggle=move |_| help_opened.set(true)>
                <summary data-testid="rule-help">{format!("About {} {}", diagnostic.code, diagnostic.name)}</summary>
                // Written into the page only once opened: a long draft has hundreds of findings.
                // The rule's own documentation (the project's text, not the draft's), rendered
                // by the same sanitiser as the preview.
                {move || help_opened.get().then(|| view! {
                    <div class="rule-docs" inner_html=postmortem::html::to_html_with(docs, postmortem::html::Images::Placeholder)></div>
                })}
            </details>
        </li>
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
