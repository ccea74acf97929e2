//! Screens and dialogs whose code arrives in its own chunk the first time they are shown.
//!
//! A [`Chunk`] is a slot for one lazily loaded view. The app binary fills it at start-up
//! with a split function (`src/split_points.rs`, made with `wasm_split`, the machinery
//! behind Leptos' `#[lazy]`), and `scripts/bin/wasm-bindgen` cuts the wasm there at build
//! time. [`Lazy`] shows the chunk's view once its code has loaded, "Loading …" until
//! then, and a message with a Retry button if it cannot load (offline before the service
//! worker has it, or a deployment replaced the files). Nothing is lost either way: the
//! draft lives in the signals and in storage, never in the lazy view. `ui::chunks` lists
//! the chunks and says how to add one.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// A chunk's view, made by code inside the chunk.
pub type MakeView = fn() -> AnyView;

/// The future a split function returns: the chunk's view maker once its code is loaded.
pub type LoadFuture = Pin<Box<dyn Future<Output = Result<MakeView, ChunkError>>>>;

/// A chunk failed to load. The browser console has the reason (wasm-split logs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("its code could not be loaded")]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// One lazily loaded view: what it is called in messages, the split function that
/// loads it (given by the app binary), and its view maker once loaded (kept, so later
/// visits render at once, without a loading frame).
pub struct Chunk {
    what: &'static str,
    load: OnceLock<fn() -> LoadFuture>,
    loaded: OnceLock<MakeView>,
}

impl Chunk {
    /// `what` completes "Loading …" and "Couldn't load …", e.g. "the review screen".
    pub const fn new(what: &'static str) -> Self {
        Self { what, load: OnceLock::new(), loaded: OnceLock::new() }
    }

    /// Sets the split function that loads this chunk; called once, before the mount.
    pub fn provide(&self, load: fn() -> LoadFuture) {
        let _ = self.load.set(load);
    }

    async fn fetch(&'static self) -> Result<MakeView, ChunkError> {
        let load = self.load.get().ok_or(ChunkError)?;
        let make = load().await?;
        let _ = self.loaded.set(make);
        Ok(make)
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
pub fn Lazy(chunk: &'static Chunk) -> impl IntoView {
    let state =
        RwSignal::new(chunk.loaded.get().map_or(State::Loading, |make| State::Ready(*make)));
    let load = move || {
        state.set(State::Loading);
        spawn_local(async move {
            state.set(match chunk.fetch().await {
                Ok(make) => State::Ready(make),
                Err(ChunkError) => State::Failed,
            });
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
