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
//! 3. show it with `<Lazy chunk=&chunks::NAME />` where the component was;
//! 4. `make bench` lists the new chunk with its size, and times its first opening; add
//!    it to `LAZY_VIEWS` in `scripts/bench.mjs` and `tests/e2e/lazy-chunks.spec.ts`.
//!
//! A lazily shown component reads what it needs from context (`Studio`, `Workspace`):
//! a chunk's entry point takes no arguments.

use leptos::prelude::*;

pub use super::lazy::{Chunk, ChunkError, LoadFuture, MakeView};

/// The review screen: workflow, checklist, reviews, history, and the diff (`similar`).
pub static REVIEW: Chunk = Chunk::new("the review screen");

/// The review screen's view.
pub fn review_screen() -> AnyView {
    super::review::ReviewScreen().into_any()
}
