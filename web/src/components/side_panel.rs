//! `<SidePanel/>`: the checks (checklist, metrics and diagnostics), the preview and the
//! diagram, a tab apart.

use crate::components::Tab;
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
    view! {
        <section
            class="side-pane"
            class:shown=move || state.pane.get() == Pane::Checks
            aria-label="Checks and preview"
        >
            <div class="tabs" role="tablist">
                <Tab current=tab value=SideTab::Checks label="Checks" test_id="tab-checks" />
                <Tab current=tab value=SideTab::Preview label="Preview" test_id="tab-preview" />
                <Tab current=tab value=SideTab::Diagram label="Diagram" test_id="tab-diagram" />
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
