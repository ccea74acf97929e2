//! The web app's entry point: panic hook, the lazy chunks' split points, and mount.
//! Everything else is in the library.

// No byte-range slicing or indexing that can panic on user data (as in the library).
#![cfg_attr(not(test), deny(clippy::string_slice, clippy::indexing_slicing))]

#[cfg(target_arch = "wasm32")]
mod split_points;

#[cfg(target_arch = "wasm32")]
fn main() {
    use model_card_studio::ui::{chunks, deferred};

    console_error_panic_hook::set_once();
    split_points::provide();
    deferred::finish_on_first_press();
    // Stored drafts are read by a chunk (docs/decisions.md §11d). A visitor who has some
    // waits for it behind the static first screen; a first visit mounts at once. If it
    // cannot load, the app says so at start and leaves the drafts alone.
    if chunks::needs_reader() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = chunks::READER.get().await;
            mount();
        });
    } else {
        // The first start-up slice (`ui::deferred`): this task only instantiated the wasm.
        deferred::later(mount);
    }
}

/// Mounts the app out of sight, in `#app`, behind the static first screen of
/// `index.html`; the app's start-up slices build it, and the one that completes its first
/// screen swaps the two in one task, so no frame shows both or a half-built app.
#[cfg(target_arch = "wasm32")]
fn mount() {
    use leptos::prelude::document;
    use model_card_studio::ui::deferred;
    use wasm_bindgen::JsCast;

    let document = document();
    let host = document.get_element_by_id("app").and_then(|host| host.dyn_into().ok());
    let Some(host) = host.or_else(|| document.body()) else {
        return;
    };
    let shell = document.get_element_by_id("app-shell");
    let shown = host.clone();
    deferred::on_reveal(move || {
        if let Some(shell) = shell {
            shell.remove();
        }
        shown.set_hidden(false);
    });
    leptos::mount::mount_to(host, model_card_studio::ui::App).forget();
}

/// Markdown to sanitized HTML through the app's one renderer: what every preview section
/// does. Exposed (as `wasmBindings.renderMarkdown`) so `make bench` can time it against
/// markdown-it in the same page. The renderer is in the preview's lazy chunk, so this
/// answers only once the preview has been shown.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = renderMarkdown)]
pub fn render_markdown(markdown: &str) -> Result<String, wasm_bindgen::JsError> {
    let render = model_card_studio::ui::chunks::RENDERER
        .get()
        .ok_or_else(|| wasm_bindgen::JsError::new("the preview's chunk has not loaded yet"))?;
    Ok(render(markdown))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "model-card-studio is the web app and runs in the browser: use `make serve`.\n\
         For the command line, use the `modelcard` binary."
    );
    std::process::exit(2);
}
