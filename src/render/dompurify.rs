//! The browser sanitizer: DOMPurify, through `js/sanitize.js`, configured from
//! [`super::policy`]. Thin by design; tested by the Playwright XSS specs.

use std::sync::LazyLock;

use wasm_bindgen::prelude::*;

use super::policy;

#[wasm_bindgen(module = "/js/sanitize.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = sanitize)]
    fn dompurify_sanitize(html: &str, policy: &str) -> Result<String, JsValue>;
}

static POLICY: LazyLock<String> = LazyLock::new(policy::to_json);

/// Sanitizes with DOMPurify. If DOMPurify is missing or throws, nothing of the input
/// is trusted: the caller gets `None` and shows the text escaped instead.
pub fn sanitize(html: &str) -> Option<String> {
    dompurify_sanitize(html, &POLICY).ok()
}
