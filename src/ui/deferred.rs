//! Start-up in slices: a view that renders only after the browser has had a turn.
//!
//! Mounting the whole editor in one task kept the main thread busy for hundreds of
//! milliseconds on a phone (Lighthouse's total blocking time). Each [`Deferred`] renders
//! its children in a task of its own, scheduled when it is created, so the first screen
//! paints and can be typed in while the rest arrives: the first section in the mounting
//! task, then each further section, then the preview (timers run in the order they were
//! set, which is document order). Only start-up is sliced: once the first slice has run,
//! a `Deferred` renders at once, so a screen shown later (the editor after the review
//! screen, with focus moved to one of its fields) is whole in its first frame.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use leptos::prelude::*;

/// Whether start-up's first slice has run.
static STARTED: AtomicBool = AtomicBool::new(false);

/// Its children: during start-up, rendered in a later task than the one that created it.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let started = STARTED.load(Ordering::Relaxed);
    let ready = RwSignal::new(started);
    if !started {
        set_timeout(
            move || {
                STARTED.store(true, Ordering::Relaxed);
                ready.set(true);
            },
            Duration::ZERO,
        );
    }
    move || ready.get().then(|| children())
}
