//! The formats worker: the importers and exporters of `formats::job`, run in a Web Worker
//! that the web app starts on first use (`docs/decisions.md` §16). It answers each
//! request message with one reply message, both JSON text.

// No byte-range slicing or indexing that can panic on user data (as in the library).
#![cfg_attr(not(test), deny(clippy::string_slice, clippy::indexing_slicing))]

#[cfg(target_arch = "wasm32")]
fn main() {
    use model_card_studio::formats::job;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        let _ = replies.post_message(&JsValue::from_str(&job::run(&request)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(job::READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("formats-worker runs inside the web app; for the command line, use `modelcard`.");
    std::process::exit(2);
}
