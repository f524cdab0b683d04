//! Share without a server: the draft, compressed by the browser's own deflate, rides in the
//! link's fragment, which browsers never send to a server. Opening such a link offers to import
//! the draft.

use crate::state::EditorState;
use crate::state::share::{checked_link, compressed_draft, fragment};
use js_sys::Uint8Array;
use leptos::prelude::GetUntracked;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The Compression Streams API (stable in browsers; web-sys still marks it unstable).
    #[wasm_bindgen(js_name = CompressionStream)]
    type CompressionStream;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// `bytes` through a compression or decompression stream.
async fn transform(bytes: &[u8], stream: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let piped = blob.stream().pipe_through(stream.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&piped))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Copies a link carrying the current draft, or says why it cannot.
pub(crate) fn share(state: EditorState) {
    let text = state.source.get_untracked();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(window) = web_sys::window() else {
            return;
        };
        let compressed = match CompressionStream::new("deflate-raw") {
            Ok(stream) => transform(text.as_bytes(), &stream).await,
            Err(error) => Err(error),
        };
        let Ok(compressed) = compressed else {
            state.notify("This browser cannot compress the draft for a link. Download it instead.");
            return;
        };
        let location = window.location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        match checked_link(format!("{base}{}", fragment(&compressed))) {
            Ok(link) => {
                let copying = window.navigator().clipboard().write_text(&link);
                let message = match JsFuture::from(copying).await {
                    Ok(_) => format!(
                        "Link copied ({} characters). It carries the whole draft in its fragment, which is never sent to a server.",
                        link.len()
                    ),
                    Err(_) => "The browser refused the clipboard: the link could not be copied."
                        .to_owned(),
                };
                state.notify(message);
            }
            Err(refusal) => state.notify(refusal),
        }
    });
}

/// On load: a link carrying a draft offers to open it as a new draft.
pub(crate) fn offer_shared_draft(state: EditorState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(compressed) = compressed_draft(&hash) else {
        return;
    };
    // Once read, the fragment goes: a reload must not offer it again.
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_default();
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    let compressed = match compressed {
        Ok(compressed) => compressed,
        Err(problem) => {
            state.notify(problem);
            return;
        }
    };
    wasm_bindgen_futures::spawn_local(async move {
        let text = match DecompressionStream::new("deflate-raw") {
            Ok(stream) => transform(&compressed, &stream).await.ok(),
            Err(_) => None,
        };
        match text.and_then(|bytes| String::from_utf8(bytes).ok()) {
            Some(text) => state.offer_shared(text),
            None => state.notify(
                "This link's draft is damaged (it may have been cut short when it was copied).",
            ),
        }
    });
}
