//! The open draft's session with storage: starting up, opening and creating drafts,
//! the debounced autosave (flushed when the page is hidden), other tabs' changes and
//! conflicts, Ctrl+S, and workflow actions, which save at once.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::VisibilityState;

use super::Actions;
use crate::card::Card;
use crate::document::Document;
use crate::review::Workflow;
use crate::storage::browser::AnyBackend;
use crate::storage::{
    DraftRecord, Drafts, LoadError, Read, SaveError, StorageError, draft_key, has_drafts,
};
use crate::ui::browser::{measure, now_ms, random_id};
use crate::ui::state::{NoticeKind, SaveState, Screen, Signals, StorageInfo};
use crate::ui::{chunks, deferred};

/// How long typing must pause before the draft is written.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// The storage handle behind [`Actions`]: the library in storage, the open draft as last
/// saved, the pending autosave and the toast counter. Only `Actions` reaches it.
pub struct StorageSession {
    pub(super) drafts: Drafts<AnyBackend>,
    /// The open draft as it was last loaded or saved: the base of the next save.
    pub(super) record: Option<DraftRecord>,
    pub(super) timer: Option<TimeoutHandle>,
    pub(super) toast_serial: u64,
}

impl Actions {
    /// Opens storage (or memory, when the browser has none), the library, and the draft
    /// that was open last time, or a new one.
    ///
    /// Stored drafts are read by the reader chunk, which `main` loads before the mount
    /// when there are any ([`chunks::needs_reader`]). Without stored drafts there is nothing to
    /// read, and the first visit starts without that code.
    pub fn start(signals: Signals) -> Self {
        let backend = AnyBackend::open();
        let memory_only = backend.is_memory();
        let read = chunks::READER.loaded();
        let unreadable =
            |error| format!("Browser storage could not be read ({error}). Working in memory.");
        let opened = match read {
            Some(read) => measure("open-library", || Drafts::open(backend, read)).map_err(unreadable),
            None => match has_drafts(&backend) {
                Ok(false) => Ok(Drafts::empty(backend)),
                Ok(true) => Err("Couldn't load the code that reads your stored drafts, so they are not shown. \
                     They are safe and unchanged: reload the page to try again. Working in memory until then."
                    .to_owned()),
                Err(error) => Err(unreadable(error)),
            },
        };
        let drafts = opened.unwrap_or_else(|message| {
            signals.tell(NoticeKind::Error, message);
            Drafts::empty(AnyBackend::Memory(Default::default()))
        });
        let memory_only = memory_only || drafts.backend().is_memory();
        signals.storage.update(|info| info.memory_only = memory_only);
        let last_open = drafts.last_open().map(str::to_owned);
        let actions = Self {
            signals,
            session: StoredValue::new_local(StorageSession {
                drafts,
                record: None,
                timer: None,
                toast_serial: 0,
            }),
        };
        measure("list-library", || actions.refresh_library());
        let reopened = match (last_open, read) {
            (Some(id), Some(read)) => actions.open(&id, read),
            _ => false,
        };
        let has_drafts =
            signals.drafts.with_untracked(|drafts| drafts.iter().any(|d| !d.in_trash()));
        if !reopened && has_drafts {
            signals.screen.set(Screen::Library);
        }
        // A first visit's new draft is written in a start-up slice of its own, before
        // the slices that build the screen (`ui::deferred`).
        deferred::later(move || {
            if !reopened && !has_drafts {
                actions.create(Document::default(), None);
            }
            if memory_only {
                signals.save.set(SaveState::MemoryOnly);
            }
        });
        actions
    }

    /// Runs `then` with the reader of stored drafts: at once when its chunk is in, else
    /// once it has loaded. If it cannot load, says so, and nothing is read or written.
    pub(crate) fn reading(&self, then: impl FnOnce(Read) + 'static) {
        if let Some(read) = chunks::READER.loaded() {
            return then(read);
        }
        let signals = self.signals;
        spawn_local(async move {
            match chunks::READER.get().await {
                Ok(read) => then(read),
                Err(error) => signals.tell(
                    NoticeKind::Error,
                    format!(
                        "Couldn't read the stored drafts: {error}. Nothing was changed; check the connection and try again."
                    ),
                ),
            }
        });
    }

    /// Opens a draft in the editor. Returns whether it could be opened.
    pub fn open(&self, id: &str, read: Read) -> bool {
        self.flush();
        let signals = self.signals;
        match self.with_session(|s| s.drafts.load(id, read)) {
            Some(Ok(loaded)) => {
                self.open_record(loaded.record, loaded.read_only);
                true
            }
            Some(Err(error)) => {
                self.refresh_library();
                let text = match &error {
                    LoadError::Quarantined(_) => {
                        format!("Could not open the draft: {error}. See the library.")
                    }
                    _ => format!("Could not open the draft: {error}."),
                };
                signals.tell(NoticeKind::Error, text);
                signals.screen.set(Screen::Library);
                false
            }
            None => {
                self.refresh_library();
                false
            }
        }
    }

    /// Opens a record just read from storage, or just stored, as the open draft.
    fn open_record(&self, record: DraftRecord, read_only: Option<String>) {
        let signals = self.signals;
        self.with_session(|s| {
            s.record = Some(record.clone());
            if read_only.is_none() {
                s.drafts.set_open(&record.id);
            }
        });
        self.refresh_library();
        let saved_at = record.updated_at;
        let document =
            Document { card: record.card, workflow: record.workflow, source: record.source };
        self.show(record.id, document, read_only);
        if signals.read_only.with_untracked(Option::is_none)
            && !signals.storage.with_untracked(|s| s.memory_only)
        {
            signals.save.set(SaveState::Saved { at: saved_at });
        }
    }

    /// Puts a draft on the editor screen.
    fn show(&self, id: String, document: Document, read_only: Option<String>) {
        let signals = self.signals;
        signals.save.set(if read_only.is_some() {
            SaveState::ReadOnly
        } else if signals.storage.with_untracked(|s| s.memory_only) {
            SaveState::MemoryOnly
        } else {
            signals.save.get_untracked()
        });
        signals.read_only.set(read_only);
        signals.forget_history();
        signals.downloaded.set(None);
        signals.card.set(document.card);
        signals.workflow.set(document.workflow);
        signals.source.set(document.source);
        signals.open_id.set(Some(id));
        signals.conflict.set(false);
        signals.screen.set(Screen::Editor);
    }

    /// Creates a draft from a document and opens it. `message` is announced on success.
    pub fn create(&self, mut document: Document, message: Option<String>) {
        self.flush();
        let now = now_ms();
        if document.workflow.history.is_empty() {
            document.workflow.history = Workflow::created(now).history;
        }
        let id = random_id(now);
        let created = self.with_session(|s| s.drafts.create_document(&id, document.clone(), now));
        match created {
            // Opened as stored, not read back: what was just written needs no second parse.
            Some(Ok(record)) => {
                self.open_record(record, None);
                if let Some(message) = message {
                    self.signals.tell(NoticeKind::Info, message);
                }
            }
            Some(Err(error)) => {
                // Nothing was stored. Open the card anyway, over an empty never-saved base,
                // so it counts as unsaved and every later edit tries the save again.
                let base = DraftRecord::new(id.clone(), Card::default(), Workflow::default(), now);
                self.with_session(|s| s.record = Some(base));
                self.show(id, document, None);
                self.report_save_error(&error);
            }
            None => {}
        }
    }

    /// Saves a document as a new draft without opening it: the other models of a BOM.
    pub fn store_new(&self, mut document: Document) {
        let now = now_ms();
        if document.workflow.history.is_empty() {
            document.workflow.history = Workflow::created(now).history;
        }
        let id = random_id(now);
        let created =
            self.with_session(|s| s.drafts.create(&id, document.card, document.workflow, now));
        if let Some(Err(error)) = created {
            self.report_save_error(&error);
        }
    }

    /// Installs the autosave and the listeners that keep this tab in sync with storage
    /// and with other tabs.
    pub fn install(self) {
        let signals = self.signals;
        Effect::new(move |previous: Option<()>| {
            signals.card.track();
            signals.workflow.track();
            // The first run only subscribes; loading a draft is not an edit.
            if previous.is_some() {
                self.schedule();
            }
        });
        let pagehide = window_event_listener(ev::pagehide, move |_| self.flush());
        let hidden = window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == VisibilityState::Hidden {
                self.flush();
            }
        });
        let other_tab = window_event_listener(ev::storage, move |event| {
            let key = event.key().unwrap_or_default();
            if key.starts_with(crate::storage::PREFIX) || key.is_empty() {
                self.on_storage_changed(&key);
            }
        });
        let tick =
            set_interval_with_handle(move || signals.clock.set(now_ms()), Duration::from_secs(1))
                .ok();
        on_cleanup(move || {
            pagehide.remove();
            hidden.remove();
            other_tab.remove();
            if let Some(tick) = tick {
                tick.clear();
            }
        });
    }

    /// An edit happened: save after a pause.
    fn schedule(&self) {
        let dirty = self.with_session(|s| self.is_dirty(s)).unwrap_or(false);
        if !dirty {
            return;
        }
        if !self.signals.save.with_untracked(SaveState::is_problem)
            && !self.signals.conflict.get_untracked()
        {
            self.signals.save.set(SaveState::Pending);
        }
        let this = *self;
        let timer = set_timeout_with_handle(move || this.flush(), DEBOUNCE).ok();
        self.with_session(|s| {
            if let Some(old) = std::mem::replace(&mut s.timer, timer) {
                old.clear();
            }
        });
    }

    fn is_dirty(&self, session: &StorageSession) -> bool {
        session.record.as_ref().is_some_and(|record| {
            self.signals.card.with_untracked(|card| *card != record.card)
                || self.signals.workflow.with_untracked(|workflow| *workflow != record.workflow)
        })
    }

    /// Saves the open draft now, if it has unsaved edits.
    pub fn flush(&self) {
        let signals = self.signals;
        if signals.read_only.with_untracked(Option::is_some) {
            return;
        }
        let now = now_ms();
        let outcome = self.with_session(|s| {
            if let Some(timer) = s.timer.take() {
                timer.clear();
            }
            if !self.is_dirty(s) {
                return None;
            }
            let record = s.record.as_mut()?;
            let mut next = record.clone();
            next.card = signals.card.get_untracked();
            next.workflow = signals.workflow.get_untracked();
            let result = measure("save", || s.drafts.save(&mut next, now));
            if result.is_ok() {
                *record = next;
            }
            Some(result)
        });
        match outcome.flatten() {
            None => {}
            Some(Ok(())) => {
                let memory_only = signals.storage.with_untracked(|info| info.memory_only);
                signals.save.set(if memory_only {
                    SaveState::MemoryOnly
                } else {
                    SaveState::Saved { at: now }
                });
                if signals.storage.with_untracked(|info| info.full) {
                    signals.storage.update(|info| {
                        info.full = false;
                        info.usage = None;
                    });
                }
                self.refresh_library();
            }
            Some(Err(error)) => self.report_save_error(&error),
        }
    }

    fn report_save_error(&self, error: &SaveError) {
        let signals = self.signals;
        match error {
            SaveError::Storage(StorageError::QuotaExceeded) => {
                let usage = self.with_session(|s| s.drafts.usage().ok()).flatten();
                signals.storage.update(|info| {
                    info.full = true;
                    info.usage = usage;
                });
            }
            SaveError::Conflict { .. } => signals.conflict.set(true),
            SaveError::ReadOnly => signals.read_only.set(Some(error.to_string())),
            _ => {}
        }
        signals.save.set(SaveState::Failed(error.to_string()));
    }

    /// Another tab changed our keys: refresh the library, and notice if it saved the
    /// draft open here.
    fn on_storage_changed(&self, key: &str) {
        let (key, this) = (key.to_owned(), *self);
        self.reading(move |read| this.take_storage_change(&key, read));
    }

    fn take_storage_change(&self, key: &str, read: Read) {
        let signals = self.signals;
        let open = signals.open_id.get_untracked();
        let newer = self
            .with_session(|s| {
                let _ = s.drafts.refresh(read);
                let id = open.as_deref()?;
                let base = s.record.as_ref()?.generation;
                let stored = s.drafts.stored_generation(id)?;
                Some(stored > base && (key.is_empty() || key == draft_key(id)))
            })
            .flatten()
            .unwrap_or(false);
        self.refresh_library();
        if newer {
            signals.conflict.set(true);
        }
    }

    /// Resolves a conflict by taking the version the other tab saved.
    pub fn reload_from_storage(&self) {
        if let Some(id) = self.signals.open_id.get_untracked() {
            let this = *self;
            self.reading(move |read| {
                // Drop our base so opening does not try to save over the newer version.
                this.with_session(|s| s.record = None);
                if this.open(&id, read) {
                    this.signals
                        .tell(NoticeKind::Info, "Loaded the version saved in the other tab.");
                }
            });
        }
    }

    /// Resolves a conflict by keeping this tab's edits as a new draft.
    pub fn keep_both(&self) {
        let document = self.document();
        self.with_session(|s| s.record = None);
        self.create(
            document,
            Some(
                "Your edits were saved as a new draft; the other tab's version is kept too.".into(),
            ),
        );
    }

    /// Ctrl+S: saves now, and says where.
    pub fn save_now(&self) {
        self.flush();
        let signals = self.signals;
        let name = signals.card.with_untracked(|c| c.model_details.name.trim().to_owned());
        let name = if name.is_empty() { "this draft".to_owned() } else { format!("“{name}”") };
        let message = match signals.save.get_untracked() {
            SaveState::Saved { .. } => {
                format!("Saved {name} in this browser's storage. To keep a file, use Download.")
            }
            SaveState::MemoryOnly => {
                "This browser gives no storage, so nothing can be saved here: use Download."
                    .to_owned()
            }
            SaveState::ReadOnly => {
                format!("{name} is read-only here, so there is nothing to save.")
            }
            SaveState::Failed(reason) => {
                return signals.tell(
                    NoticeKind::Error,
                    format!("Not saved: {reason}. Use Download to keep a file."),
                );
            }
            SaveState::Pending => return,
        };
        signals.tell(NoticeKind::Info, message);
    }

    /// Applies a workflow action (submit, review, publish, …) to the open draft and saves
    /// it at once. On failure nothing changes and the reason is shown.
    pub fn change_workflow(
        &self,
        success: &str,
        op: impl FnOnce(&mut Workflow, &Card, u64) -> Result<(), String>,
    ) -> bool {
        let signals = self.signals;
        let card = signals.card.get_untracked();
        let mut workflow = signals.workflow.get_untracked();
        match op(&mut workflow, &card, now_ms()) {
            Ok(()) => {
                signals.workflow.set(workflow);
                self.flush();
                signals.tell(NoticeKind::Info, success);
                true
            }
            Err(reason) => {
                signals.tell(NoticeKind::Error, reason);
                false
            }
        }
    }

    /// The open draft as a document, for downloads.
    pub fn document(&self) -> Document {
        Document {
            card: self.signals.card.get_untracked(),
            workflow: self.signals.workflow.get_untracked(),
            source: self.signals.source.get_untracked(),
        }
    }

    /// Records whether the browser keeps our storage through its clean-ups.
    pub fn set_persistence(&self, persistent: Option<bool>) {
        self.signals.storage.update(|info: &mut StorageInfo| info.persistent = persistent);
    }
}
