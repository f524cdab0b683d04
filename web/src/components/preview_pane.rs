//! `<PreviewPane/>`: the draft rendered by the core's safe HTML renderer.

use crate::state::use_editor_state;
use leptos::prelude::*;

/// The rendered draft. The core's renderer sanitises raw HTML and drops dangerous URLs, so
/// nothing in a document can run here.
#[component]
pub(crate) fn PreviewPane() -> impl IntoView {
    let source = use_editor_state().source;
    view! {
        <article
            class="preview"
            data-testid="preview"
            inner_html=move || source.with(|source| postmortem::html::to_html(source))
        ></article>
    }
}
