//! `<Tab/>`: one tab of a tab list; it shows which value a signal holds and selects its own.

use leptos::prelude::*;

/// A tab that selects `value` in `current`.
#[component]
pub(crate) fn Tab<T>(
    current: RwSignal<T>,
    value: T,
    label: &'static str,
    test_id: &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <button
            type="button"
            role="tab"
            class="tab"
            data-testid=test_id
            aria-selected=move || (current.get() == value).to_string()
            on:click=move |_| current.set(value)
        >
            {label}
        </button>
    }
}
