//! `<ChecklistPanel/>`: the profile's requirements, ticked when met.

use crate::state::use_editor_state;
use leptos::prelude::*;

/// The requirement checklist, each with why: the finding when unmet, what was found when met.
#[component]
pub(crate) fn ChecklistPanel() -> impl IntoView {
    let analysis = use_editor_state().analysis;
    let met = move || {
        analysis.with(|a| {
            a.checklist()
                .iter()
                .filter(|requirement| requirement.met)
                .count()
        })
    };
    let total = move || analysis.with(|a| a.checklist().len());
    view! {
        <details class="checklist" open>
            <summary class="pane-title" data-testid="checklist-summary">
                {move || format!("Requirements {} / {}", met(), total())}
            </summary>
            <ul data-testid="checklist">
                <For
                    each=move || analysis.with(|a| a.checklist().to_vec())
                    key=|requirement| (requirement.id, requirement.met, requirement.reason.clone())
                    let(requirement)
                >
                    <li
                        class=if requirement.met { "requirement met" } else { "requirement unmet" }
                        data-testid="requirement"
                        data-id=requirement.id
                        data-met=requirement.met.to_string()
                        title=requirement.reason.clone()
                    >
                        <span class="tick" aria-hidden="true">{if requirement.met { "✓" } else { "○" }}</span>
                        <span class="what">
                            <span class="label">{requirement.label}</span>
                            <span class="visually-hidden">{if requirement.met { " (met)" } else { " (not met)" }}</span>
                            {(!requirement.reason.is_empty()).then(|| view! {
                                <span class="reason" data-testid="requirement-reason">{requirement.reason.clone()}</span>
                            })}
                        </span>
                    </li>
                </For>
            </ul>
        </details>
    }
}
