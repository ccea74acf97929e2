//! Thin wrappers over browser APIs the components need: files in, files out, the clock.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A new draft id: time plus randomness, unique enough within one browser profile.
pub fn random_id(now: u64) -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{now:x}-{random:08x}")
}

/// Runs `f` and records how long it took as a User Timing measure named `mcs:<name>`,
/// which the browser's performance panel shows and `make bench` reads.
pub fn measure<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f();
    };
    let start = format!("mcs:{name}:start");
    let _ = performance.mark(&start);
    let result = f();
    let _ = performance.measure_with_start_mark(&format!("mcs:{name}"), &start);
    performance.clear_marks_with_mark_name(&start);
    result
}

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor: HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "could not create a download link".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoke later: some browsers start reading the blob only after click() returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ()).map_err(describe)
}

/// Reads a picked file as UTF-8 text, every byte kept: `Blob.text()` would drop a byte
/// order mark (a README must come back as it was) and replace invalid bytes silently.
pub async fn read_text(file: &File) -> Result<String, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    String::from_utf8(bytes).map_err(|error| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            file.name(),
            error.utf8_error().valid_up_to()
        )
    })
}

/// A browser error as a sentence: its message, or what it says of itself.
pub fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

/// Asks a yes/no question with the browser's own dialog, which every assistive
/// technology knows. Without a window, the answer is no.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|window| window.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Asks the browser to keep our storage through its clean-ups
/// (`navigator.storage.persist()`), and says whether it will. `None` where the browser
/// has no Storage API.
pub async fn request_persistence() -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    let manager: web_sys::StorageManager = manager.unchecked_into();
    let persisted = JsFuture::from(manager.persisted().ok()?).await.ok()?.as_bool()?;
    if persisted {
        return Some(true);
    }
    JsFuture::from(manager.persist().ok()?).await.ok()?.as_bool()
}
