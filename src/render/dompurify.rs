//! The browser sanitizer: DOMPurify, through `js/sanitize.js`, configured from
//! [`super::policy`]. Thin by design; tested by the Playwright XSS specs.

use std::sync::LazyLock;

use wasm_bindgen::prelude::*;

use super::policy;

#[wasm_bindgen(module = "/js/sanitize.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = sanitize)]
    fn dompurify_sanitize(html: &str, policy: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = loadSanitizer)]
    fn load_sanitizer_script() -> js_sys::Promise;
}

/// Fetches DOMPurify, once: the page does not load it at start-up (only the preview and
/// the viewer render user text). An error means it could not be fetched; a later call
/// tries again.
pub async fn load() -> Result<(), JsValue> {
    wasm_bindgen_futures::JsFuture::from(load_sanitizer_script()).await.map(|_| ())
}

static POLICY: LazyLock<String> = LazyLock::new(policy::to_json);

/// Sanitizes with DOMPurify. If DOMPurify is missing or throws, nothing of the input
/// is trusted: the caller gets `None` and shows the text escaped instead.
pub fn sanitize(html: &str) -> Option<String> {
    dompurify_sanitize(html, &POLICY).ok()
}
