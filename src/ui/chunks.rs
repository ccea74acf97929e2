//! Every lazily loaded chunk of the web app, in one place.
//!
//! Each is a split point: a function marked `wasm_split(<chunk>, …, fallible)` whose body
//! returns a view maker. Everything only that body reaches (the screen's components, and
//! crates only they use) moves into the chunk's own `.wasm`, fetched the first time the
//! view is shown ([`super::lazy::Lazy`]).
//!
//! To make another screen or dialog lazy:
//! 1. add a `split_view!` line below: the static's name, the chunk's name (a file name
//!    stem), the words for messages ("the review screen"), and the component;
//! 2. show it with `<Lazy chunk=&chunks::NAME />` where the component was;
//! 3. `make bench` lists the new chunk with its size; check the first load went down.
//!
//! A component shown lazily reads what it needs from context (`Studio`, `Workspace`),
//! because a chunk's entry point takes no arguments.

use leptos::prelude::*;

use super::lazy::{Chunk, ChunkError, MakeView};

/// Declares a lazily loaded view: a split function returning the component's view
/// maker, and the [`Chunk`] static that `Lazy` shows.
macro_rules! split_view {
    ($name:ident, $chunk:ident, $what:literal, $component:path) => {
        pub(crate) static $name: Chunk = Chunk::new($what, || Box::pin($chunk()));

        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $chunk() -> Result<MakeView, ChunkError> {
            fn make() -> AnyView {
                $component().into_any()
            }
            Ok(make)
        }
    };
}

split_view!(REVIEW, review, "the review screen", super::review::ReviewScreen);
