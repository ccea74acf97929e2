//! The browser shell: Leptos components over the pure core, compiled only for wasm32.
//!
//! Components hold no card logic: they read and write the [`state::Signals`], act
//! through [`workspace::Actions`] (which alone holds the [`workspace::StorageSession`]),
//! and call into `card`, `formats`, `render`.

mod app;
mod banners;
mod browser;
pub mod chunks;
#[cfg(feature = "crash-test")]
mod crash_test;
pub mod deferred;
mod dialogs;
mod diff_view;
mod editor;
mod field;
mod formats_worker;
mod lazy;
mod library;
mod list_editor;
mod new_card;
mod preview;
mod pwa;
mod review;
mod section_nav;
mod signed;
mod signing;
mod slice_editor;
mod state;
mod stepper;
mod storage_meter;
mod toolbar;
mod viewer;
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

/// Shows a field in the editor and moves focus to it; for a list, to its first item (or
/// its "Add" button when it has none).
pub(crate) fn focus_field(signals: state::Signals, path: &'static str) {
    use crate::card::fields;
    use leptos::prelude::*;
    let target = signals.card.with_untracked(|card| {
        let list = fields::LISTS.iter().find(|l| l.path() == path)?;
        Some(if list.len(card) > 0 {
            list_editor::item_id(path, 0, list.first_key())
        } else {
            format!("{path}.add")
        })
    });
    let target = target.unwrap_or_else(|| path.to_owned());
    if signals.screen.get_untracked() == state::Screen::Editor {
        focus(&target);
    } else {
        signals.screen.set(state::Screen::Editor);
        request_animation_frame(move || focus(&target));
    }
}
