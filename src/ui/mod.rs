//! The browser shell: Leptos components over the pure core, compiled only for wasm32.
//!
//! Components hold no card logic: they read and write the [`state::Studio`] signals and
//! call into `card`, `formats`, `render` and `storage`.

mod app;
mod autosave;
mod browser;
mod editor;
mod field;
mod list_editor;
mod new_card;
mod preview;
mod section_nav;
mod slice_editor;
mod state;
mod toolbar;

pub use app::App;

/// Moves keyboard focus to the element with this id and brings it into view.
pub(crate) fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = leptos::prelude::document().get_element_by_id(id)
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
    }
}
