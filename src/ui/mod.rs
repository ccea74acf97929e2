//! The browser shell: Leptos components over the pure core, compiled only for wasm32.
//!
//! Components hold no card logic: they read and write the [`state::Studio`] signals, act
//! through [`workspace::Workspace`], and call into `card`, `formats`, `render`.

mod app;
mod banners;
mod browser;
mod editor;
mod field;
mod library;
mod list_editor;
mod new_card;
mod preview;
mod section_nav;
mod slice_editor;
mod state;
mod toolbar;
mod workspace;

pub use app::App;

/// Moves keyboard focus to the element with this id.
pub(crate) fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = leptos::prelude::document().get_element_by_id(id)
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
    }
}
