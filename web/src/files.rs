//! Files in and out of the browser: imports read with the File API, downloads through Blob
//! URLs, copies through the clipboard. Nothing leaves the browser.

use crate::state::EditorState;
use crate::state::import::{check_size, read_import};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Imports every file of a picker, a drop or a paste; each refusal says why.
pub(crate) fn import_files(state: EditorState, files: &web_sys::FileList) {
    for index in 0..files.length() {
        let Some(file) = files.item(index) else {
            continue;
        };
        let name = file.name();
        // Refused before reading, so that a huge file never stalls the page.
        if let Err(refusal) = check_size(&name, file.size()) {
            state.notify(refusal);
            continue;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = JsFuture::from(file.array_buffer()).await;
            let Ok(buffer) = outcome else {
                state.notify(format!("“{name}” could not be read. Nothing was imported."));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            match read_import(&name, &bytes) {
                Ok(imported) => state.import(&name, imported),
                Err(refusal) => state.notify(refusal),
            }
        });
    }
}

/// Offers `text` to the user as a download named `file_name`.
pub(crate) fn download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Copies `text` to the clipboard and reports the outcome as a notice.
pub(crate) fn copy_to_clipboard(state: EditorState, text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => state.notify("Copied the Markdown to the clipboard."),
            Err(_) => state.notify(
                "The browser refused the clipboard. Select the text in the editor and copy it, or download the file.",
            ),
        }
    });
}
