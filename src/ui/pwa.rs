//! Offline support from the page's side: registers the service worker, and raises
//! `Signals::update_available` when a new version has been downloaded and is waiting.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::state::Signals;

#[wasm_bindgen(module = "/js/pwa.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerServiceWorker)]
    fn register_service_worker(on_update: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update();
}

/// Registers the service worker; a waiting new version sets `update_available`.
pub fn install(signals: Signals) {
    let on_update = Closure::<dyn Fn()>::new(move || signals.update_available.set(true));
    register_service_worker(&on_update);
    // Called whenever a new version arrives, for the life of the page.
    on_update.forget();
}

/// Switches to the waiting version and reloads. The pending autosave is flushed by the
/// page's `pagehide` handler, so nothing typed is lost.
pub fn update_now() {
    apply_update();
}
