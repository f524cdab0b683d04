//! `<PreviewPane/>`: the draft rendered by the core's safe HTML renderer.

use crate::state::use_editor_state;
use leptos::prelude::*;
use postmortem::html::{Images, to_html_with};

/// The rendered draft. The core's renderer sanitises raw HTML and drops dangerous URLs, so
/// nothing in a document can run here; images are shown as placeholders, so showing a draft
/// never makes a request (a draft must not leave the browser, not even as a referrer).
#[component]
pub(crate) fn PreviewPane() -> impl IntoView {
    let source = use_editor_state().source;
    view! {
        <article
            class="preview"
            data-testid="preview"
            inner_html=move || source.with(|source| to_html_with(source, Images::Placeholder))
        ></article>
    }
}
