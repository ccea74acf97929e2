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

/// The future a split function returns: what the chunk gives (a view maker, or another
/// function inside the chunk) once its code is loaded.
pub type LoadFuture<T = MakeView> = Pin<Box<dyn Future<Output = Result<T, ChunkError>>>>;

/// A chunk failed to load. The browser console has the reason (wasm-split logs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("its code could not be loaded")]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// One lazily loaded chunk: what it is called in messages, the split function that
/// loads it (given by the app binary), and what it gives once loaded (kept, so later
/// visits render at once, without a loading frame). Most chunks give a view
/// ([`MakeView`]); the formats worker's client gives the function that runs a job.
pub struct Chunk<T: 'static = MakeView> {
    what: &'static str,
    /// Whether the view renders user text, so DOMPurify must be loaded with the chunk.
    sanitizes: bool,
    load: OnceLock<fn() -> LoadFuture<T>>,
    loaded: OnceLock<T>,
}

impl<T: Copy + 'static> Chunk<T> {
    /// `what` completes "Loading …" and "Couldn't load …", e.g. "the review screen".
    pub const fn new(what: &'static str) -> Self {
        Self { what, sanitizes: false, load: OnceLock::new(), loaded: OnceLock::new() }
    }

    /// A chunk whose view renders Markdown: DOMPurify (the browser half of the one
    /// sanitizing renderer) is fetched with it, and the view waits for both.
    pub const fn sanitizing(what: &'static str) -> Self {
        Self { what, sanitizes: true, load: OnceLock::new(), loaded: OnceLock::new() }
    }

    /// Sets the split function that loads this chunk; called once, before the mount.
    pub fn provide(&self, load: fn() -> LoadFuture<T>) {
        let _ = self.load.set(load);
    }

    /// Whether its code has arrived (then its view renders at once).
    pub fn is_loaded(&self) -> bool {
        self.loaded.get().is_some()
    }

    /// What the chunk gives, if its code has arrived.
    pub fn loaded(&self) -> Option<T> {
        self.loaded.get().copied()
    }

    /// What the chunk gives, loading its code first if needed. A failed load is not
    /// kept: the next call tries again.
    pub async fn get(&'static self) -> Result<T, ChunkError> {
        if let Some(loaded) = self.loaded.get() {
            return Ok(*loaded);
        }
        self.fetch().await
    }

    async fn fetch(&'static self) -> Result<T, ChunkError> {
        let load = self.load.get().ok_or(ChunkError)?;
        if self.sanitizes {
            crate::render::load_sanitizer().await.map_err(|_| ChunkError)?;
        }
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

/// The chunk's view, loading it first if needed. With `on_close` (a dialog), the
/// loading and failure messages float over the page instead of taking room in it, and
/// the failure can be dismissed.
#[component]
pub fn Lazy(
    chunk: &'static Chunk,
    #[prop(optional)] on_close: Option<Callback<()>>,
) -> impl IntoView {
    let floating = if on_close.is_some() { " chunk-floating" } else { "" };
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
            <p class=format!("chunk-loading pane{floating}") role="status">"Loading " {chunk.what} "…"</p>
        }
        .into_any(),
        State::Failed => view! {
            <div class=format!("banner error chunk-failed{floating}") role="alert">
                <p>
                    "Couldn't load " {chunk.what} ": its code did not arrive (you may be offline, or the app was just updated). "
                    "Your draft is safe and unchanged."
                </p>
                <button type="button" on:click=move |_| load()>"Retry"</button>
                {on_close.map(|close| view! {
                    <button type="button" class="secondary" on:click=move |_| close.run(())>"Close"</button>
                })}
            </div>
        }
        .into_any(),
    }
    }
}

/// The chunk's view, fetched only once its place is near the viewport (within one
/// screen height), or at once if its code has already arrived. For a part of the first
/// screen that a phone shows only after scrolling (the preview, below the form), so a
/// first visit on a phone does not fetch it before it can be seen.
#[component]
pub fn LazyWhenNear(chunk: &'static Chunk) -> impl IntoView {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

    let near = RwSignal::new(chunk.is_loaded());
    let place = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(place) = place.get() else { return };
        if near.get_untracked() {
            return;
        }
        let seen = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                let intersecting = entries.iter().any(|entry| {
                    entry.unchecked_into::<IntersectionObserverEntry>().is_intersecting()
                });
                if intersecting {
                    observer.disconnect();
                    near.set(true);
                }
            },
        );
        let options = IntersectionObserverInit::new();
        options.set_root_margin("100% 0px");
        match IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options) {
            Ok(observer) => observer.observe(&place),
            // No observer (a very old browser): load it now.
            Err(_) => near.set(true),
        }
        // The observer calls it until it disconnects; one per place, kept for the page's life.
        seen.forget();
    });
    view! {
        <div class="lazy-place" node_ref=place>
            {move || near.get().then(|| view! { <Lazy chunk /> })}
        </div>
    }
}
