//! The browser shell: Leptos components over the pure core, compiled only for wasm32.
//!
//! Components hold no card logic: they read and write the [`state::Studio`] signals and
//! call into `card`, `formats`, `render` and `storage`.

mod app;
mod autosave;
mod browser;
mod editor;
mod metrics_editor;
mod preview;
mod state;
mod toolbar;

pub use app::App;
