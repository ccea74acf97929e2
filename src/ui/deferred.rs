//! Start-up in slices: a view that renders only after the browser has had a turn.
//!
//! Mounting the whole editor in one task kept the main thread busy for hundreds of
//! milliseconds on a phone (Lighthouse's total blocking time). Each [`Deferred`] renders
//! its children in a task of its own, scheduled when it is created, so the first screen
//! paints and can be typed in while the rest arrives: the first section in the mounting
//! task, then each further section, then the preview (timers run in the order they were
//! set, which is document order).

use std::time::Duration;

use leptos::prelude::*;

/// Its children, rendered in a later task than the one that created it.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), Duration::ZERO);
    move || ready.get().then(|| children())
}
