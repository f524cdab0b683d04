//! `<SidePanel/>`: the checks (checklist and diagnostics) and the preview, a tab apart.

use crate::components::checklist_panel::ChecklistPanel;
use crate::components::diagnostics_panel::DiagnosticsPanel;
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
            </div>
            <Show
                when=move || tab.get() == SideTab::Checks
                fallback=|| view! { <PreviewPane /> }
            >
                <ChecklistPanel />
                <MetricsPanel />
                <DiagnosticsPanel />
            </Show>
        </section>
    }
}
