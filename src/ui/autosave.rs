//! Keeps the open draft in browser storage: loads it at start, saves edits after a short
//! pause, and flushes a pending save when the page is hidden or closed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use web_sys::VisibilityState;

use super::browser::now_ms;
use super::state::{SaveState, Studio};
use crate::card::Card;
use crate::storage::browser::WebStorage;
use crate::storage::{DraftRecord, Drafts};

/// How long typing must pause before the draft is written.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// The open draft and where it is stored.
pub struct Persistence {
    /// `None` when the browser gives us no storage: the app then works in memory.
    drafts: Option<Drafts<WebStorage>>,
    record: DraftRecord,
}

impl Persistence {
    /// Opens browser storage and the draft that was open last time, or starts a new one.
    pub fn open() -> (Self, SaveState) {
        let Some(drafts) = WebStorage::open().map(Drafts::new) else {
            return (Self { drafts: None, record: new_record() }, SaveState::MemoryOnly);
        };
        match drafts.open_draft() {
            Ok(record) => {
                let record = record.unwrap_or_else(new_record);
                (Self { drafts: Some(drafts), record }, SaveState::Saved)
            }
            Err(error) => {
                (Self { drafts: None, record: new_record() }, SaveState::Failed(error.to_string()))
            }
        }
    }

    pub fn card(&self) -> Card {
        self.record.card.clone()
    }

    fn save(&mut self, card: Card) -> SaveState {
        self.record.card = card;
        match &mut self.drafts {
            None => SaveState::MemoryOnly,
            Some(drafts) => match drafts.save(&mut self.record, now_ms()) {
                Ok(()) => SaveState::Saved,
                Err(error) => SaveState::Failed(error.to_string()),
            },
        }
    }
}

fn new_record() -> DraftRecord {
    // Time plus randomness: unique enough for drafts in one browser profile.
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    DraftRecord::new(format!("{:x}-{random:08x}", now_ms()), Card::default())
}

/// Installs the autosave: every change to the card is saved after [`DEBOUNCE`], and a
/// pending save is flushed on `pagehide` and when the page becomes hidden.
pub fn install(studio: Studio, persistence: Persistence) {
    let saver = Rc::new(Saver::new(studio, persistence));

    Effect::new({
        let saver = Rc::clone(&saver);
        move |previous: Option<()>| {
            studio.card.track();
            // The first run only subscribes: the loaded card is already stored.
            if previous.is_some() {
                saver.schedule();
            }
        }
    });

    let on_pagehide = Rc::clone(&saver);
    let pagehide = window_event_listener(ev::pagehide, move |_| on_pagehide.flush());
    let on_hidden = Rc::clone(&saver);
    let hidden = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == VisibilityState::Hidden {
            on_hidden.flush();
        }
    });
    on_cleanup(move || {
        pagehide.remove();
        hidden.remove();
    });
}

struct Saver {
    studio: Studio,
    persistence: RefCell<Persistence>,
    dirty: Cell<bool>,
    timer: Cell<Option<TimeoutHandle>>,
}

impl Saver {
    fn new(studio: Studio, persistence: Persistence) -> Self {
        Self {
            studio,
            persistence: RefCell::new(persistence),
            dirty: Cell::new(false),
            timer: Cell::new(None),
        }
    }

    fn schedule(self: &Rc<Self>) {
        self.dirty.set(true);
        if !self.studio.save.get_untracked().is_problem() {
            self.studio.save.set(SaveState::Pending);
        }
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let saver = Rc::clone(self);
        self.timer.set(set_timeout_with_handle(move || saver.flush(), DEBOUNCE).ok());
    }

    fn flush(&self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        if !self.dirty.get() {
            return;
        }
        let Ok(mut persistence) = self.persistence.try_borrow_mut() else {
            return;
        };
        let state = persistence.save(self.studio.card.get_untracked());
        // A failed save stays dirty, so the next edit or flush tries again.
        self.dirty.set(state != SaveState::Saved);
        self.studio.save.set(state);
    }
}
