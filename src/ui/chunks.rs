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
//!    `<LazyDialog>` in `App`, with a signal in `ui::dialogs::Dialogs`; a part of the
//!    first screen that a phone shows only after scrolling: `<LazyWhenNear>`);
//! 4. `make bench` lists the new chunk with its size, and times its first opening; add
//!    it to `LAZY_VIEWS` in `scripts/bench.mjs` and `tests/e2e/lazy-chunks.spec.ts`.
//!
//! A lazily shown component reads what it needs from context (`Signals`, `Actions`):
//! a chunk's entry point takes no arguments. A chunk may also give functions instead of
//! a view ([`FORMATS`], the formats worker's client): `Chunk<T>::get` loads it and
//! hands them over.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use leptos::prelude::*;

pub use super::lazy::{Chunk, ChunkError, LoadFuture, MakeView};
use super::workspace::Actions;
use crate::formats::ImportOutcome;
use crate::formats::job::{Answer, Job};
use crate::storage::Read;

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

/// The formats worker's client: starting the worker, sending jobs, reading its answers
/// (`ui::formats_worker`), and what the page does with a review file that came in
/// (`ui::signed`: trusting a reviewer, opening a request, verifying and attaching a
/// signed review). Not a view: it gives those functions.
pub static FORMATS: Chunk<FormatsClient> = Chunk::new("the import and export code");

/// The functions in the formats client's chunk.
#[derive(Clone, Copy)]
pub struct FormatsClient {
    /// Runs one job in the formats worker.
    pub run: fn(Job) -> Pin<Box<dyn Future<Output = Answer>>>,
    /// `ui::signed::received`.
    pub received: fn(Actions, &str, ImportOutcome) -> Option<ImportOutcome>,
    /// `ui::signed::check_imported_signatures`.
    pub check_imported_signatures: fn(Actions, String),
}

/// The client's entry point.
pub fn formats_client() -> FormatsClient {
    FormatsClient {
        run: |job| Box::pin(super::formats_worker::run_in_worker(job)),
        received: super::signed::received_here,
        check_imported_signatures: super::signed::check_imported_signatures_here,
    }
}

/// Reading stored drafts: [`crate::storage::decode`], with the deserializers of the
/// card, the workflow and the README source that only it needs. The page reads a stored
/// draft only through it, so a first visit, which has none, never downloads that code;
/// `main` loads it before the mount when storage holds drafts ([`needs_reader`]), and
/// [`Actions::reading`] on any later read (docs/decisions.md §11d). Code that only
/// chunks run passes `decode` directly: the library opening a draft and planning a
/// restore, the formats client opening the draft a signed review names.
pub static READER: Chunk<Read> = Chunk::new("the code that reads stored drafts");

/// The reader's entry point.
pub fn reader() -> Read {
    crate::storage::decode
}

/// Whether this page must load [`READER`] before it starts: storage holds drafts.
pub fn needs_reader() -> bool {
    crate::storage::has_drafts(&crate::storage::browser::AnyBackend::open()).unwrap_or(false)
}

/// The one renderer (Markdown to sanitized HTML), once a chunk that has it has loaded:
/// for `make bench`, which times it through `wasmBindings.renderMarkdown` (`src/main.rs`).
pub static RENDERER: OnceLock<fn(&str) -> String> = OnceLock::new();

fn render_markdown(markdown: &str) -> String {
    crate::render::markdown_to_html(markdown).into_string()
}
