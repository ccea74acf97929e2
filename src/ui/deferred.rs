//! Start-up in slices: work that runs only after the browser has had a turn.
//!
//! Mounting the whole app in one task kept the main thread busy for hundreds of
//! milliseconds on a phone (Lighthouse's total blocking time), most of it V8 compiling
//! each function on its first call. So start-up is a queue of slices, each a task of its
//! own: [`later`] puts work at the end of the queue, and [`Deferred`] renders its children
//! in a slice. Timers run in the order they were set, so slices run in the order they
//! were queued: what an earlier slice queues runs after everything already queued.
//!
//! Until the first screen is whole, the app is built out of sight (in `#app`, hidden)
//! behind the static shell of `index.html`, which shows the same first screen. A
//! [`Reveal`] placed after the first screen's slices swaps the two in one task, so no
//! frame shows a half-built app; if start-up finishes without passing one (a screen
//! other than the editor), the swap happens then.
//!
//! Only start-up is sliced: once the queue has drained, [`later`] runs its work at once
//! and a `Deferred` renders at once, so a screen shown later (the editor after the review
//! screen, with focus moved to one of its fields) is whole in its first frame.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;

thread_local! {
    /// Slices queued and not yet run.
    static QUEUED: Cell<usize> = const { Cell::new(0) };
    /// Whether start-up has finished: the queue drained once.
    static FINISHED: Cell<bool> = const { Cell::new(false) };
    /// What shows the app in place of the static shell, until it has run.
    static REVEAL: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
}

/// Sets what [`reveal`] does: show the app built so far in place of the static shell.
pub fn on_reveal(show: impl FnOnce() + 'static) {
    REVEAL.with(|reveal| *reveal.borrow_mut() = Some(Box::new(show)));
}

/// Shows the app in place of the static shell, once; later calls do nothing.
fn reveal() {
    if let Some(show) = REVEAL.with(|reveal| reveal.borrow_mut().take()) {
        show();
    }
}

/// Runs `work` in a start-up slice of its own, after every slice queued before it, under
/// the reactive owner that queued it; once start-up has finished, at once.
pub fn later(work: impl FnOnce() + 'static) {
    if FINISHED.get() {
        return work();
    }
    QUEUED.set(QUEUED.get() + 1);
    // Run under the owner that queued it, so what it provides is in that owner's context.
    let owner = Owner::current();
    set_timeout(
        move || {
            match owner {
                Some(owner) => owner.with(work),
                None => work(),
            }
            QUEUED.set(QUEUED.get() - 1);
            if QUEUED.get() == 0 {
                // Work rendered by this slice runs in this task's microtasks and may
                // queue more, so whether the queue has drained is asked one turn later.
                set_timeout(finish_if_drained, Duration::ZERO);
            }
        },
        Duration::ZERO,
    );
}

fn finish_if_drained() {
    if QUEUED.get() == 0 && !FINISHED.get() {
        FINISHED.set(true);
        reveal();
    }
}

/// Its children: during start-up, rendered in a slice of their own.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(FINISHED.get());
    if !ready.get_untracked() {
        later(move || ready.set(true));
    }
    move || ready.get().then(|| children())
}

/// Marks the end of the first screen: during start-up, the slice that swaps the static
/// shell for the app, after every slice queued before it.
#[component]
pub fn Reveal() -> impl IntoView {
    later(reveal);
}
