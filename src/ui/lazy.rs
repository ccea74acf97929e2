//! Screens and dialogs whose code arrives in its own chunk the first time they are shown.
//!
//! A [`Chunk`] names a split point made with `wasm_split` (the machinery behind Leptos'
//! `#[lazy]`); `scripts/bin/wasm-bindgen` cuts the wasm there at build time. [`Lazy`]
//! shows the chunk's view once it has loaded, "Loading …" until then, and a message with
//! a Retry button if it cannot load (offline before the service worker has it, or a
//! deployment replaced the files). Nothing is lost either way: the draft lives in the
//! signals and in storage, never in the lazy view. See `src/ui/chunks.rs` for the list
//! and the recipe for adding one.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// A chunk's view, made by code inside the chunk.
pub(crate) type MakeView = fn() -> AnyView;

/// The future a split function returns: the chunk's view maker once its code is loaded.
pub(crate) type LoadFuture = Pin<Box<dyn Future<Output = Result<MakeView, ChunkError>>>>;

/// A chunk failed to load. The browser console has the reason (wasm-split logs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("its code could not be loaded")]
pub(crate) struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// One lazily loaded view: what it is called in messages, how to load it, and its view
/// maker once loaded (kept, so later visits render at once, without a loading frame).
pub(crate) struct Chunk {
    what: &'static str,
    load: fn() -> LoadFuture,
    loaded: OnceLock<MakeView>,
}

impl Chunk {
    /// `what` completes "Loading …" and "Couldn't load …", e.g. "the review screen".
    pub(crate) const fn new(what: &'static str, load: fn() -> LoadFuture) -> Self {
        Self { what, load, loaded: OnceLock::new() }
    }
}

#[derive(Clone, Copy)]
enum State {
    Loading,
    Ready(MakeView),
    Failed,
}

/// The chunk's view, loading it first if needed.
#[component]
pub(crate) fn Lazy(chunk: &'static Chunk) -> impl IntoView {
    let state =
        RwSignal::new(chunk.loaded.get().map_or(State::Loading, |make| State::Ready(*make)));
    let load = move || {
        state.set(State::Loading);
        spawn_local(async move {
            match (chunk.load)().await {
                Ok(make) => {
                    let _ = chunk.loaded.set(make);
                    state.set(State::Ready(make));
                }
                Err(ChunkError) => state.set(State::Failed),
            }
        });
    };
    if matches!(state.get_untracked(), State::Loading) {
        load();
    }
    move || {
        match state.get() {
        State::Ready(make) => make(),
        State::Loading => view! {
            <p class="chunk-loading pane" role="status">"Loading " {chunk.what} "…"</p>
        }
        .into_any(),
        State::Failed => view! {
            <div class="banner error chunk-failed" role="alert">
                <p>
                    "Couldn't load " {chunk.what} ": its code did not arrive (you may be offline, or the app was just updated). "
                    "Your draft is safe and unchanged."
                </p>
                <button type="button" on:click=move |_| load()>"Retry"</button>
            </div>
        }
        .into_any(),
    }
    }
}
