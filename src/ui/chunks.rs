//! Every lazily loaded chunk of the web app: its slot, and the function (inside the
//! chunk) that makes its view.
//!
//! The split points themselves are in the app binary (`src/split_points.rs`), not in
//! this library: a split point is an exported (`no_mangle`) function, and every binary
//! linking the library, the formats worker too, would export it and so link in the
//! whole screen. Here, the view makers are ordinary functions that only a split point
//! names, so wasm-split moves them, and everything only they reach, into the chunk.
//!
//! To make another screen or dialog lazy:
//! 1. here, add its [`Chunk`] slot and a `pub fn` that makes its view;
//! 2. in `src/split_points.rs`, add one line to `split_points!`: the chunk's name (its
//!    file name stem), the slot and the view maker;
//! 3. show it with `<Lazy chunk=&chunks::NAME />` where the component was (a dialog:
//!    `<LazyDialog>` in `App`, with a signal in `ui::dialogs::Dialogs`);
//! 4. `make bench` lists the new chunk with its size, and times its first opening; add
//!    it to `LAZY_VIEWS` in `scripts/bench.mjs` and `tests/e2e/lazy-chunks.spec.ts`.
//!
//! A lazily shown component reads what it needs from context (`Studio`, `Workspace`):
//! a chunk's entry point takes no arguments.

use std::sync::OnceLock;

use leptos::prelude::*;

pub use super::lazy::{Chunk, ChunkError, LoadFuture, MakeView};

/// The review screen: workflow, checklist, reviews, history, and the diff (`similar`).
pub static REVIEW: Chunk = Chunk::new("the review screen");

/// The review screen's view.
pub fn review_screen() -> AnyView {
    super::review::ReviewScreen().into_any()
}

/// The library: the drafts table, search, trash, backup and restore, unreadable records.
pub static LIBRARY: Chunk = Chunk::new("the library");

/// The library's view.
pub fn library_screen() -> AnyView {
    super::library::Library().into_any()
}

/// The "New card" dialog: the templates.
pub static NEW_CARD: Chunk = Chunk::new("the new-card dialog");

/// The "New card" dialog's view.
pub fn new_card_dialog() -> AnyView {
    super::new_card::NewCardDialog().into_any()
}

/// The share dialog: makes a link that carries the open card.
pub static SHARE: Chunk = Chunk::new("the share dialog");

/// The share dialog's view.
pub fn share_dialog() -> AnyView {
    super::viewer::ShareDialog().into_any()
}

/// The metrics merge dialog: what a metrics file adds to and replaces in the card.
pub static METRICS: Chunk = Chunk::new("the metrics dialog");

/// The metrics merge dialog's view.
pub fn metrics_dialog() -> AnyView {
    super::toolbar::MetricsMerge().into_any()
}

/// The report of the last import or export: what was mapped, kept, or not carried.
pub static TRANSFER: Chunk = Chunk::new("the import report");

/// The transfer report's view.
pub fn transfer_report() -> AnyView {
    super::toolbar::TransferReport().into_any()
}

/// The live preview beside the editor: pulldown-cmark, the card's Markdown sections and
/// the chart, with DOMPurify.
pub static PREVIEW: Chunk = Chunk::sanitizing("the preview");

/// The preview's view.
pub fn preview() -> AnyView {
    let _ = RENDERER.set(render_markdown);
    super::preview::Preview().into_any()
}

/// The viewer: a card from a file or a share link, read-only, with its signatures.
pub static VIEWER: Chunk = Chunk::sanitizing("the viewer");

/// The viewer's view.
pub fn viewer_screen() -> AnyView {
    let _ = RENDERER.set(render_markdown);
    super::viewer::ViewerScreen().into_any()
}

/// The one renderer (Markdown to sanitized HTML), once a chunk that has it has loaded:
/// for `make bench`, which times it through `wasmBindings.renderMarkdown` (`src/main.rs`).
pub static RENDERER: OnceLock<fn(&str) -> String> = OnceLock::new();

fn render_markdown(markdown: &str) -> String {
    crate::render::markdown_to_html(markdown).into_string()
}
