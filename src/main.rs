//! The web app's entry point: panic hook and mount. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(model_card_studio::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "model-card-studio is the web app and runs in the browser: use `make serve`.\n\
         For the command line, use the `modelcard` binary."
    );
    std::process::exit(2);
}
