//! `<SidePanel/>`: the checks (checklist, metrics and diagnostics), the preview and the
//! diagram, a tab apart.

use crate::components::checklist_panel::ChecklistPanel;
use crate::components::diagnostics_panel::DiagnosticsPanel;
use crate::components::diagram_pane::DiagramPane;
use crate::components::metrics_panel::MetricsPanel;
use crate::components::preview_pane::PreviewPane;
use crate::state::{Pane, SideTab, use_editor_state};
use leptos::prelude::*;

/// Tabs over the checks and the preview.
#[component]
pub(crate) fn SidePanel() -> impl IntoView {
    let state = use_editor_state();
    let tab = state.side_tab;
    let tab_button = move |which: SideTab, label: &'static str, test_id: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                class="tab"
                data-testid=test_id
                aria-selected=move || (tab.get() == which).to_string()
                on:click=move |_| tab.set(which)
            >
                {label}
            </button>
        }
    };
    view! {
        <section
            class="side-pane"
            class:shown=move || state.pane.get() == Pane::Checks
            aria-label="Checks and preview"
        >
            <div class="tabs" role="tablist">
                {tab_button(SideTab::Checks, "Checks", "tab-checks")}
                {tab_button(SideTab::Preview, "Preview", "tab-preview")}
                {tab_button(SideTab::Diagram, "Diagram", "tab-diagram")}
            </div>
            {move || match tab.get() {
                SideTab::Checks => view! {
                    <ChecklistPanel />
                    <MetricsPanel />
                    <DiagnosticsPanel />
                }
                .into_any(),
                SideTab::Preview => view! { <PreviewPane /> }.into_any(),
                SideTab::Diagram => view! { <DiagramPane /> }.into_any(),
            }}
        </section>
    }
}
