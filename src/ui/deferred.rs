//! Start-up in slices: work that runs only after the browser has had a turn.
//!
//! Mounting the whole app in one task kept the main thread busy for hundreds of
//! milliseconds on a phone (Lighthouse's total blocking time), most of it V8 compiling
//! each function on its first call. So start-up is a queue of slices, each a task of its
//! own: [`later`] puts work at the end of the queue, and [`Deferred`] renders its children
//! in a slice. Slices run in the order they were queued: what an earlier slice queues
//! runs after everything already queued.
//!
//! Until the first screen is whole, the app is built out of sight (in `#app`, hidden)
//! behind the static shell of `index.html`, which shows the same first screen. A
//! [`Reveal`] placed after the first screen's slices swaps the two in one task, so no
//! frame shows a half-built app; if start-up finishes without passing one (a screen
//! other than the editor), the swap happens then. Out of sight, slices follow each other
//! as fast as tasks can; once the app is shown, a frame is drawn after every few of
//! them, so what they added is laid out in short frames (a browser that
//! runs timers back to back draws no frame in between, then lays out everything they
//! added at once). A key or pointer press during start-up finishes it at once
//! ([`finish_on_first_press`]).
//!
//! Only start-up is sliced: once the queue has drained, [`later`] runs its work at once
//! and a `Deferred` renders at once, so a screen shown later (the editor after the review
//! screen, with focus moved to one of its fields) is whole in its first frame.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A slice of start-up work and the reactive owner that queued it.
type Slice = (Option<Owner>, Box<dyn FnOnce()>);

thread_local! {
    /// Slices queued and not yet run, in order.
    static QUEUE: RefCell<VecDeque<Slice>> = const { RefCell::new(VecDeque::new()) };
    /// Whether the next run of the queue is already scheduled.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// Whether the app is shown: from then on the slices wait for a frame now and then.
    static SHOWN: Cell<bool> = const { Cell::new(false) };
    /// How many slices have run since the last frame; `None` until the app is shown, and
    /// right after, so the first frame shows the app on its own.
    static SINCE_FRAME: Cell<Option<usize>> = const { Cell::new(None) };
    /// Whether start-up has finished: the queue drained once.
    static FINISHED: Cell<bool> = const { Cell::new(false) };
    /// What waits for start-up to finish.
    static WHEN_FINISHED: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
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
        SHOWN.set(true);
        show();
    }
}

/// Runs `work` in a start-up slice of its own, after every slice queued before it, under
/// the reactive owner that queued it; once start-up has finished, at once.
pub fn later(work: impl FnOnce() + 'static) {
    if FINISHED.get() {
        return work();
    }
    QUEUE.with(|queue| queue.borrow_mut().push_back((Owner::current(), Box::new(work))));
    schedule();
}

/// How many slices may follow each other, once the app is shown, before the next waits
/// for a frame: what they added (a few fields) is then laid out in a short frame. A count,
/// not a time: what a frame lays out is what the slices added, however fast they ran.
const SLICES_PER_FRAME: usize = 4;

/// Schedules the next slice, unless it is already. While the app is out of sight, slices
/// follow each other as tasks. Once it is shown, [`SLICES_PER_FRAME`] of them do, and
/// then the next waits until a frame has been drawn: a browser that runs tasks back to
/// back draws no frame in between, and then lays out all they added in one long frame.
/// (A hidden page draws no frames, so it goes on with tasks.)
fn schedule() {
    if SCHEDULED.replace(true) {
        return;
    }
    let next = || {
        let posted = NEXT_TASK.with(|port| {
            port.as_ref().is_some_and(|port| port.post_message(&JsValue::NULL).is_ok())
        });
        if !posted {
            set_timeout(run_next, Duration::ZERO);
        }
    };
    let frame_due = SINCE_FRAME.get().is_none_or(|slices| slices >= SLICES_PER_FRAME);
    if SHOWN.get() && frame_due && !document().hidden() {
        request_animation_frame(move || {
            SINCE_FRAME.set(Some(0));
            next();
        });
    } else {
        next();
    }
}

thread_local! {
    /// Where a message starts the task that runs the next slice. A timer set from a timer
    /// would do, but after five levels of that a browser waits at least 4 ms before each
    /// one; a message is a task at once. (Without a channel, a timer it is.)
    static NEXT_TASK: Option<web_sys::MessagePort> = {
        let channel = web_sys::MessageChannel::new().ok()?;
        let run = Closure::<dyn Fn()>::new(run_next);
        channel.port1().set_onmessage(Some(run.as_ref().unchecked_ref()));
        // The handler for the page's whole life.
        run.forget();
        Some(channel.port2())
    };
}

/// Finishes start-up now, if it has not finished: runs every queued slice at once, in
/// order, and shows the app.
fn finish_now() {
    if FINISHED.replace(true) {
        return;
    }
    while let Some((owner, work)) = QUEUE.with(|queue| queue.borrow_mut().pop_front()) {
        run(owner, work);
    }
    finished();
}

/// Makes the first key or pointer press during start-up finish it at once, so whatever
/// the user reaches for (a field further down, an item of the missing list, a section)
/// is there. It is a capture listener on the window, so it runs before the press's own
/// handlers, and what the slices render is in the page before the click or the key's
/// default action.
pub fn finish_on_first_press() {
    let finish = Closure::<dyn Fn()>::new(finish_now);
    for event in ["pointerdown", "keydown"] {
        let _ = window().add_event_listener_with_callback_and_bool(
            event,
            finish.as_ref().unchecked_ref(),
            true,
        );
    }
    // One listener for the page's whole life.
    finish.forget();
}

/// Runs one slice, under the owner that queued it, so what it provides is in that
/// owner's context.
fn run(owner: Option<Owner>, work: Box<dyn FnOnce()>) {
    match owner {
        Some(owner) => owner.with(work),
        None => work(),
    }
}

/// Start-up has finished: the app is shown if no [`Reveal`] did it, and what waited runs.
fn finished() {
    reveal();
    for work in WHEN_FINISHED.take() {
        work();
    }
}

/// Runs the first queued slice. What it renders runs in this task's microtasks and may
/// queue more, so the queue has drained only when a later turn finds it empty: then
/// start-up has finished, and the app is shown if no [`Reveal`] did it.
fn run_next() {
    SCHEDULED.set(false);
    if let Some(slices) = SINCE_FRAME.get() {
        SINCE_FRAME.set(Some(slices + 1));
    }
    match QUEUE.with(|queue| queue.borrow_mut().pop_front()) {
        Some((owner, work)) => {
            run(owner, work);
            schedule();
        }
        None => {
            if !FINISHED.replace(true) {
                finished();
            }
        }
    }
}

/// Its children: during start-up, rendered in a slice of their own.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    rendered_when(children, later)
}

/// Marks the end of the first screen: during start-up, the slice that swaps the static
/// shell for the app, after every slice queued before it.
#[component]
pub fn Reveal() -> impl IntoView {
    later(reveal);
}

/// Its children: once start-up has finished. For what sits below the screen (the
/// footer): shown earlier, it would be drawn under a screen still arriving slice by
/// slice, then pushed down by each one (a layout shift).
#[component]
pub fn AfterStartUp(children: ChildrenFn) -> impl IntoView {
    rendered_when(children, |show| WHEN_FINISHED.with_borrow_mut(|waiting| waiting.push(show)))
}

/// `children`, rendered once start-up has finished, or earlier when the function that
/// `wait` is given runs.
fn rendered_when(children: ChildrenFn, wait: impl FnOnce(Box<dyn FnOnce()>)) -> impl IntoView {
    let ready = RwSignal::new(FINISHED.get());
    if !ready.get_untracked() {
        wait(Box::new(move || ready.set(true)));
    }
    move || ready.get().then(|| children())
}
