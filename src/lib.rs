//! Model Card Studio: write, review and publish ML model cards.
//!
//! The pure core has no browser dependency and is tested natively. Its modules form
//! layers, each using only those below it (`docs/architecture.md`; a test checks it):
//!
//! 1. [`display`], [`undo`], [`order`]: words and numbers as the app shows them; undo and
//!    redo; the one sort helper.
//! 2. [`card`]: what a model card says, its field registry, values and templates.
//! 3. [`review`]: the workflow, the content hash, history and diffs.
//! 4. [`document`]: a card with its workflow, its versions and our JSON.
//! 5. [`markdown`]: a card as Markdown sections.
//! 6. [`render`]: Markdown to sanitized HTML, the chart, the HTML page.
//! 7. [`formats`]: every other file format, and `import_any`, the one way in.
//! 8. [`check`], [`storage`]: a card's problems; drafts kept between visits.
//!
//! The browser shell, `ui`, compiles only for wasm32; the binaries sit on top.

// User data and the browser reach almost every path: failures are values, never panics.
// That includes indexing and byte-range slicing (`s[a..b]` panics off a char boundary):
// use `get`, iterators, `split_once` and `char_indices` instead. Tests may index.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::string_slice,
        clippy::indexing_slicing
    )
)]

pub mod card;
pub mod check;
pub mod display;
pub mod document;
pub mod formats;
pub mod markdown;
pub mod order;
pub mod render;
pub mod review;
pub mod storage;
pub mod undo;

#[cfg(target_arch = "wasm32")]
pub mod ui;
