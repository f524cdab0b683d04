//! Offline support: registers the service worker (web/service-worker.js), and says when a new
//! version of the app has been downloaded and waits to take over.

use crate::state::EditorState;
use leptos::prelude::Set;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The browser's service worker container, where there is one: not on plain HTTP away from
/// localhost, nor in some private modes. The app works without it, online only.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers the service worker and watches for updates of the app.
pub(crate) fn register(state: EditorState) {
    let Some(container) = container() else {
        return;
    };
    let registering = container.register("./service-worker.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        watch_for_updates(state, &container, &registration);
    });
}

/// A new worker that finishes installing while a page is controlled is an update.
fn watch_for_updates(
    state: EditorState,
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
) {
    let controlled = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && controlled() {
        state.update_ready.set(true);
    }
    let watched = registration.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = watched.installing() else {
            return;
        };
        let worker = installing.clone();
        let controlled = controlled.clone();
        let on_state_change = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                state.update_ready.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        // Lives as long as the worker it listens to.
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Lets the waiting version take over, and reloads the page when it has. Drafts are already
/// saved: nothing typed is lost.
pub(crate) fn take_update() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let looking = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(looking).await else {
            return;
        };
        let registration: Option<ServiceWorkerRegistration> = registration.dyn_into().ok();
        if let Some(waiting) = registration.and_then(|registration| registration.waiting()) {
            let _ = waiting.post_message(&JsValue::from_str("take-over"));
        }
    });
}
