//! `<MetricsPanel/>`: the incident at a glance, as the core measures it from the summary and
//! the timeline.

use crate::state::use_editor_state;
use leptos::prelude::*;

/// Start, detection, escalation and resolution, and the times between them.
#[component]
pub(crate) fn MetricsPanel() -> impl IntoView {
    let analysis = use_editor_state().analysis;
    view! {
        <details class="metrics" open>
            <summary class="pane-title">"Incident at a glance"</summary>
            <dl data-testid="metrics">
                {move || {
                    analysis
                        .with(|a| a.metrics.clone())
                        .into_iter()
                        .map(|row| {
                            let known = row.value != "unknown";
                            view! {
                                <div class="metric" class:unknown=!known data-testid="metric" data-label=row.label>
                                    <dt>{row.label}</dt>
                                    <dd>
                                        {row.value}
                                        {row.source.map(|source| view! { <span class="metric-source">{format!(" (from the {source})")}</span> })}
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </dl>
        </details>
    }
}
