//! The web app's split points: one `wasm_split` function per lazily loaded chunk, which
//! `scripts/bin/wasm-bindgen` cuts out of the wasm at build time. Each returns its
//! chunk's view maker and is given to the chunk's slot in `ui::chunks` before the mount.
//! They live in this binary, not the library, so the formats worker (which links the
//! library too) does not export them and link the screens they reach.

use model_card_studio::storage::Read;
use model_card_studio::ui::chunks::{self, ChunkError, FormatsClient, MakeView};

/// The formats worker's client: not a view, so outside `split_points!`.
#[leptos::wasm_split::wasm_split(formats, wasm_split_path = ::leptos::wasm_split, fallible)]
fn formats() -> Result<FormatsClient, ChunkError> {
    Ok(chunks::formats_client())
}

/// The reader of stored drafts: not a view either.
#[leptos::wasm_split::wasm_split(reader, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reader() -> Result<Read, ChunkError> {
    Ok(chunks::reader())
}

/// `chunk => SLOT, view_maker;`: the split function `chunk` (its name becomes the chunk's
/// file name, `split_<chunk>-<hash>.wasm`) returning `chunks::view_maker`, and the line
/// in `provide` that gives it to `chunks::SLOT`.
macro_rules! split_points {
    ($($chunk:ident => $slot:ident, $make:ident;)*) => {
        $(
            #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $chunk() -> Result<MakeView, ChunkError> {
                Ok(chunks::$make)
            }
        )*

        /// Gives every chunk slot its split function.
        pub fn provide() {
            $(chunks::$slot.provide(|| Box::pin($chunk()));)*
            chunks::FORMATS.provide(|| Box::pin(formats()));
            chunks::READER.provide(|| Box::pin(reader()));
        }
    };
}

split_points! {
    review => REVIEW, review_screen;
    library => LIBRARY, library_screen;
    new_card => NEW_CARD, new_card_dialog;
    share => SHARE, share_dialog;
    metrics => METRICS, metrics_dialog;
    transfer => TRANSFER, transfer_report;
    preview => PREVIEW, preview;
    viewer => VIEWER, viewer_screen;
}
