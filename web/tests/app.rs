//! The app mounted in headless Chromium: the editor, the live diagnostics and the stored draft.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn diagnostic_codes() -> Vec<String> {
    let nodes = document()
        .query_selector_all("[data-testid=diagnostic]")
        .unwrap();
    (0..nodes.length())
        .filter_map(|index| nodes.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .filter_map(|element| element.get_attribute("data-code"))
        .collect()
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn typing_updates_the_diagnostics_and_the_stored_draft() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mount = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&mount).unwrap();
    let handle = leptos::mount::mount_to(mount.clone().unchecked_into(), postmortem_web::App);

    // A fresh page opens the template, which has every section.
    assert!(!diagnostic_codes().contains(&"PM102".to_owned()));

    let editor: web_sys::HtmlTextAreaElement = document()
        .query_selector("[data-testid=editor]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    editor.set_value("# Outage\n\n## Timeline\n");
    editor
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    next_frame().await;

    let codes = diagnostic_codes();
    assert_eq!(
        codes.iter().filter(|code| *code == "PM102").count(),
        3,
        "{codes:?}"
    );
    let stored: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|index| storage.key(index).unwrap())
        .filter(|key| key.starts_with("postmortem/v2/draft/"))
        .filter_map(|key| storage.get_item(&key).unwrap())
        .collect();
    assert_eq!(stored.len(), 1, "one draft: {stored:?}");
    assert!(
        stored[0].contains(r##""text":"# Outage\n\n## Timeline\n""##),
        "{stored:?}"
    );
    drop(handle);
}
