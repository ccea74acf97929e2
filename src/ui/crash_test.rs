//! A hidden trigger that makes the app trap on purpose, so the crash fallback
//! (`js/crash.js`) can be tested against a real trap. Compiled only with the
//! `crash-test` feature, which only `make dist-crash` turns on (into `dist-crash/`,
//! never `dist/`); the shipped build has no such code.
//!
//! The `mcs:test-trap` window event traps the app: with the detail "promise", in a
//! promise callback (it reaches the page as an unhandled rejection); with "render", while
//! the Review screen is being built after its tab was chosen (the crash of issue 14);
//! otherwise in an event handler, in the middle of an update of the open card (a window
//! error).

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

use super::state::{Screen, Signals};

/// Listens for `mcs:test-trap`.
#[allow(clippy::panic)]
pub fn install(signals: Signals) {
    let armed = RwSignal::new(false);
    // A render that panics, as the Review screen's did on a multibyte hash.
    Effect::new(move |_| {
        if armed.get() && signals.screen.get() == Screen::Review {
            panic!("forced trap (crash-test build), while the Review screen is built")
        }
    });
    let _ = window_event_listener_untyped("mcs:test-trap", move |event| {
        let detail = js_sys::Reflect::get(&event, &JsValue::from_str("detail"))
            .ok()
            .and_then(|detail| detail.as_string());
        match detail.as_deref() {
            Some("promise") => {
                let trap: Closure<dyn FnMut(JsValue)> = Closure::once(|_: JsValue| {
                    panic!("forced trap (crash-test build), in a promise callback")
                });
                let _ = js_sys::Promise::resolve(&JsValue::NULL).then(&trap);
                trap.forget();
            }
            Some("render") => armed.set(true),
            _ => signals.card.update(|_| {
                panic!("forced trap (crash-test build), while the open card is being changed")
            }),
        }
    });
}
