//! The open draft and the library behind the screens: opening, creating, saving (with a
//! debounced autosave flushed when the page is hidden), and every library action. The
//! signals in [`Studio`] are what the screens show; this is where they are kept in step
//! with storage.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::VisibilityState;

use super::browser::{download, measure, now_ms, random_id};
use super::formats_worker;
use super::state::{
    FileReport, NoticeKind, PendingMetrics, SaveState, Screen, StorageInfo, Studio, Toast,
    UndoAction,
};
use crate::card::Card;
use crate::display::plural;
use crate::document::{self, Document};
use crate::formats::job::{Answer, Job};
use crate::formats::{self, ExportFormat, ImportOutcome, metrics};
use crate::review::Workflow;
use crate::storage::backup::{self, RestorePlan};
use crate::storage::browser::AnyBackend;
use crate::storage::{DraftRecord, Drafts, LoadError, SaveError, StorageError, draft_key};

/// How long typing must pause before the draft is written.
const DEBOUNCE: Duration = Duration::from_millis(400);
/// How long a toast with "Undo" stays.
const TOAST_TIME: Duration = Duration::from_secs(10);

/// The library in storage and the open draft as last saved.
pub struct Session {
    drafts: Drafts<AnyBackend>,
    /// The open draft as it was last loaded or saved: the base of the next save.
    record: Option<DraftRecord>,
    timer: Option<TimeoutHandle>,
    toast_serial: u64,
}

/// The handle every component uses for anything that touches the library.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub studio: Studio,
    session: StoredValue<Session, LocalStorage>,
}

impl Workspace {
    /// Opens storage (or memory, when the browser has none), the library, and the draft
    /// that was open last time, or a new one.
    pub fn start(studio: Studio) -> Self {
        let backend = AnyBackend::open();
        let memory_only = backend.is_memory();
        let drafts = measure("open-library", || Drafts::open(backend)).unwrap_or_else(|error| {
            studio.tell(
                NoticeKind::Error,
                format!("Browser storage could not be read ({error}). Working in memory."),
            );
            Drafts::empty(AnyBackend::Memory(Default::default()))
        });
        let memory_only = memory_only || drafts.backend().is_memory();
        studio.storage.update(|info| info.memory_only = memory_only);
        let last_open = drafts.last_open().map(str::to_owned);
        let workspace = Self {
            studio,
            session: StoredValue::new_local(Session {
                drafts,
                record: None,
                timer: None,
                toast_serial: 0,
            }),
        };
        measure("list-library", || workspace.refresh_library());
        let reopened = match last_open {
            Some(id) => workspace.open(&id),
            None => false,
        };
        if !reopened {
            let has_drafts =
                studio.drafts.with_untracked(|drafts| drafts.iter().any(|d| !d.in_trash()));
            if has_drafts {
                studio.screen.set(Screen::Library);
            } else {
                workspace.create(Document::default(), None);
            }
        }
        if memory_only {
            studio.save.set(SaveState::MemoryOnly);
        }
        workspace
    }

    fn with_session<R>(&self, f: impl FnOnce(&mut Session) -> R) -> Option<R> {
        self.session.try_update_value(f)
    }

    /// Lists the library's drafts and problems in the signals.
    pub fn refresh_library(&self) {
        if let Some((drafts, problems)) =
            self.with_session(|s| (s.drafts.summaries(), s.drafts.problems().to_vec()))
        {
            self.studio.drafts.set(drafts);
            self.studio.problems.set(problems);
        }
    }

    /// Opens a draft in the editor. Returns whether it could be opened.
    pub fn open(&self, id: &str) -> bool {
        self.flush();
        let studio = self.studio;
        let loaded = self.with_session(|s| {
            let loaded = s.drafts.load(id);
            if let Ok(loaded) = &loaded {
                s.record = Some(loaded.record.clone());
                if loaded.read_only.is_none() {
                    s.drafts.set_open(id);
                }
            }
            loaded
        });
        self.refresh_library();
        match loaded {
            Some(Ok(loaded)) => {
                let saved_at = loaded.record.updated_at;
                self.show(
                    loaded.record.id,
                    loaded.record.card,
                    loaded.record.workflow,
                    loaded.read_only,
                );
                if studio.read_only.with_untracked(Option::is_none)
                    && !studio.storage.with_untracked(|s| s.memory_only)
                {
                    studio.save.set(SaveState::Saved { at: saved_at });
                }
                true
            }
            Some(Err(error)) => {
                let text = match &error {
                    LoadError::Quarantined(_) => {
                        format!("Could not open the draft: {error}. See the library.")
                    }
                    _ => format!("Could not open the draft: {error}."),
                };
                studio.tell(NoticeKind::Error, text);
                studio.screen.set(Screen::Library);
                false
            }
            None => false,
        }
    }

    /// Puts a draft on the editor screen.
    fn show(&self, id: String, card: Card, workflow: Workflow, read_only: Option<String>) {
        let studio = self.studio;
        studio.save.set(if read_only.is_some() {
            SaveState::ReadOnly
        } else if studio.storage.with_untracked(|s| s.memory_only) {
            SaveState::MemoryOnly
        } else {
            studio.save.get_untracked()
        });
        studio.read_only.set(read_only);
        studio.forget_history();
        studio.downloaded.set(None);
        studio.card.set(card);
        studio.workflow.set(workflow);
        studio.open_id.set(Some(id));
        studio.conflict.set(false);
        studio.screen.set(Screen::Editor);
    }

    /// Creates a draft from a document and opens it. `message` is announced on success.
    pub fn create(&self, mut document: Document, message: Option<String>) {
        self.flush();
        let now = now_ms();
        if document.workflow.history.is_empty() {
            document.workflow.history = Workflow::created(now).history;
        }
        let id = random_id(now);
        let created = self.with_session(|s| {
            s.drafts.create(&id, document.card.clone(), document.workflow.clone(), now)
        });
        match created {
            Some(Ok(_)) => {
                self.open(&id);
                if let Some(message) = message {
                    self.studio.tell(NoticeKind::Info, message);
                }
            }
            Some(Err(error)) => {
                // Nothing was stored. Open the card anyway, over an empty never-saved base,
                // so it counts as unsaved and every later edit tries the save again.
                let base = DraftRecord::new(id.clone(), Card::default(), Workflow::default(), now);
                self.with_session(|s| s.record = Some(base));
                self.show(id, document.card, document.workflow, None);
                self.report_save_error(&error);
            }
            None => {}
        }
    }

    /// Imports a file of any supported format. A card opens as a new draft, with a
    /// report of what was mapped, kept as written and not read; a metrics file waits for
    /// the user to see what it adds and replaces. The open draft is never touched here.
    pub fn import(&self, name: String, text: String) {
        let workspace = *self;
        spawn_local(async move {
            match formats_worker::run(Job::Import { text, now: now_ms() }).await {
                Answer::Imported(report) => workspace.open_imported(&name, *report),
                Answer::Metrics { values } => {
                    workspace.studio.metrics.set(Some(PendingMetrics { file: name, values }))
                }
                Answer::Failed { message } => workspace.refuse_import(&name, &message),
                _ => workspace
                    .refuse_import(&name, "the worker gave an answer that is not an import"),
            }
        });
    }

    fn refuse_import(&self, name: &str, reason: &str) {
        self.studio.tell(
            NoticeKind::Error,
            format!("Could not import {name}. {reason}. Your current card is unchanged."),
        );
    }

    fn open_imported(&self, name: &str, outcome: ImportOutcome) {
        let ImportOutcome { document, format, report, .. } = outcome;
        let format = format.label();
        let mut message = format!("Imported {name} as {format}, as a new draft.");
        if !report.kept_raw.is_empty() {
            message.push_str(&format!(
                " {} part(s) with no field here are kept as written.",
                report.kept_raw.len()
            ));
        }
        if !report.problems.is_empty() {
            message.push_str(&format!(" Problems: {}.", report.problems.join("; ")));
        }
        self.create(document, Some(message));
        self.studio.report.set(Some(FileReport::new(
            format!("Imported {name} ({format})"),
            vec![
                ("Could not be read", report.problems),
                ("Mapped to fields", report.mapped),
                ("Kept as written (no field here; exported again unchanged)", report.kept_raw),
                ("Notes", report.notes),
            ],
        )));
    }

    /// Merges the waiting metrics into the open card, as their plan showed.
    pub fn merge_metrics(&self, plan: &metrics::Plan) {
        let studio = self.studio;
        let Some(pending) = studio.metrics.get_untracked() else { return };
        studio.edit(|card| metrics::apply(card, plan));
        studio.metrics.set(None);
        studio.tell(
            NoticeKind::Info,
            format!(
                "Merged {}: {} added, {} replaced.",
                pending.file,
                plan.added(),
                plan.replaced()
            ),
        );
    }

    /// Downloads the open card in a format. Our JSON is written here, so it always works;
    /// the others come from the formats worker. What a format could not carry is reported.
    pub fn export(&self, format: ExportFormat) {
        let document = self.document();
        let filename = format!("{}.{}", formats::file_stem(&document.card), format.extension());
        if format == ExportFormat::CardJson {
            let text = document::to_json(&document);
            self.offer_open_card(document.card, &filename, format.mime(), &text);
            return;
        }
        let workspace = *self;
        let job = Job::Export { document: document::to_json(&document), format };
        let card = document.card;
        spawn_local(async move {
            match formats_worker::run(job).await {
                Answer::Exported { text, notes } => {
                    workspace.offer_open_card(card, &filename, format.mime(), &text);
                    let report = (!notes.is_empty()).then(|| {
                        FileReport::new(
                            format!("Downloaded {filename}"),
                            vec![("Not carried over as a field of its own", notes)],
                        )
                    });
                    workspace.studio.report.set(report);
                }
                Answer::Failed { message } => workspace.studio.tell(
                    NoticeKind::Error,
                    format!("Could not write {filename}. {message}. Download JSON still works."),
                ),
                _ => workspace.studio.tell(
                    NoticeKind::Error,
                    format!(
                        "Could not write {filename}: the worker gave an answer that is not a file."
                    ),
                ),
            }
        });
    }

    /// Installs the autosave and the listeners that keep this tab in step with storage
    /// and with other tabs.
    pub fn install(self) {
        let studio = self.studio;
        Effect::new(move |previous: Option<()>| {
            studio.card.track();
            studio.workflow.track();
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
            set_interval_with_handle(move || studio.clock.set(now_ms()), Duration::from_secs(1))
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
        if !self.studio.save.with_untracked(SaveState::is_problem)
            && !self.studio.conflict.get_untracked()
        {
            self.studio.save.set(SaveState::Pending);
        }
        let this = *self;
        let timer = set_timeout_with_handle(move || this.flush(), DEBOUNCE).ok();
        self.with_session(|s| {
            if let Some(old) = std::mem::replace(&mut s.timer, timer) {
                old.clear();
            }
        });
    }

    fn is_dirty(&self, session: &Session) -> bool {
        session.record.as_ref().is_some_and(|record| {
            self.studio.card.with_untracked(|card| *card != record.card)
                || self.studio.workflow.with_untracked(|workflow| *workflow != record.workflow)
        })
    }

    /// Saves the open draft now, if it has unsaved edits.
    pub fn flush(&self) {
        let studio = self.studio;
        if studio.read_only.with_untracked(Option::is_some) {
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
            next.card = studio.card.get_untracked();
            next.workflow = studio.workflow.get_untracked();
            let result = measure("save", || s.drafts.save(&mut next, now));
            if result.is_ok() {
                *record = next;
            }
            Some(result)
        });
        match outcome.flatten() {
            None => {}
            Some(Ok(())) => {
                let memory_only = studio.storage.with_untracked(|info| info.memory_only);
                studio.save.set(if memory_only {
                    SaveState::MemoryOnly
                } else {
                    SaveState::Saved { at: now }
                });
                if studio.storage.with_untracked(|info| info.full) {
                    studio.storage.update(|info| {
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
        let studio = self.studio;
        match error {
            SaveError::Storage(StorageError::QuotaExceeded) => {
                let usage = self.with_session(|s| s.drafts.usage().ok()).flatten();
                studio.storage.update(|info| {
                    info.full = true;
                    info.usage = usage;
                });
            }
            SaveError::Conflict { .. } => studio.conflict.set(true),
            SaveError::ReadOnly => studio.read_only.set(Some(error.to_string())),
            _ => {}
        }
        studio.save.set(SaveState::Failed(error.to_string()));
    }

    /// Another tab changed our keys: refresh the library, and notice if it saved the
    /// draft open here.
    fn on_storage_changed(&self, key: &str) {
        let studio = self.studio;
        let open = studio.open_id.get_untracked();
        let newer = self
            .with_session(|s| {
                let _ = s.drafts.refresh();
                let id = open.as_deref()?;
                let base = s.record.as_ref()?.generation;
                let stored = s.drafts.stored_generation(id)?;
                Some(stored > base && (key.is_empty() || key == draft_key(id)))
            })
            .flatten()
            .unwrap_or(false);
        self.refresh_library();
        if newer {
            studio.conflict.set(true);
        }
    }

    /// Resolves a conflict by taking the version the other tab saved.
    pub fn reload_from_storage(&self) {
        if let Some(id) = self.studio.open_id.get_untracked() {
            // Drop our base so opening does not try to save over the newer version.
            self.with_session(|s| s.record = None);
            self.open(&id);
            self.studio.tell(NoticeKind::Info, "Loaded the version saved in the other tab.");
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

    /// Duplicates a draft and opens the copy.
    pub fn duplicate(&self, id: &str) {
        self.flush();
        let now = now_ms();
        let new_id = random_id(now);
        match self.with_session(|s| s.drafts.duplicate(id, &new_id, now)) {
            Some(Ok(copy)) => {
                self.refresh_library();
                self.studio.tell(
                    NoticeKind::Info,
                    format!("Made a copy: {}.", copy.card.model_details.name),
                );
            }
            Some(Err(error)) => self
                .studio
                .tell(NoticeKind::Error, format!("Could not duplicate the draft: {error}.")),
            None => {}
        }
    }

    /// Renames a draft. The open draft is renamed through the editor's card, like any edit.
    pub fn rename(&self, id: &str, name: &str) {
        if self.studio.open_id.get_untracked().as_deref() == Some(id) {
            self.studio.edit(|card| card.model_details.name = name.to_owned());
            self.flush();
            return;
        }
        match self.with_session(|s| s.drafts.rename(id, name, now_ms())) {
            Some(Ok(_)) => self.refresh_library(),
            Some(Err(error)) => {
                self.studio.tell(NoticeKind::Error, format!("Could not rename the draft: {error}."))
            }
            None => {}
        }
    }

    /// Moves a draft to the trash, with a toast that can undo it.
    pub fn trash(&self, id: &str) {
        self.flush();
        let studio = self.studio;
        match self.with_session(|s| s.drafts.trash(id, now_ms())) {
            Some(Ok(record)) => {
                if studio.open_id.get_untracked().as_deref() == Some(id) {
                    self.with_session(|s| s.record = None);
                    studio.open_id.set(None);
                    studio.screen.set(Screen::Library);
                }
                self.refresh_library();
                let name = display_name(&record.card.model_details.name);
                self.show_toast(
                    format!("Moved “{name}” to the trash."),
                    UndoAction::Restore(id.to_owned()),
                );
            }
            Some(Err(error)) => {
                studio.tell(NoticeKind::Error, format!("Could not delete the draft: {error}."))
            }
            None => {}
        }
    }

    fn show_toast(&self, text: String, undo: UndoAction) {
        let serial = self.with_session(|s| {
            s.toast_serial += 1;
            s.toast_serial
        });
        let Some(serial) = serial else { return };
        let toast = self.studio.toast;
        toast.set(Some(Toast { text, undo, serial }));
        set_timeout(
            move || {
                if toast.with_untracked(|t| t.as_ref().is_some_and(|t| t.serial == serial)) {
                    toast.set(None);
                }
            },
            TOAST_TIME,
        );
    }

    pub fn undo(&self, action: &UndoAction) {
        self.studio.toast.set(None);
        match action {
            UndoAction::Restore(id) => self.restore(id),
        }
    }

    /// Takes a draft out of the trash.
    pub fn restore(&self, id: &str) {
        match self.with_session(|s| s.drafts.restore(id, now_ms())) {
            Some(Ok(record)) => {
                self.refresh_library();
                let name = display_name(&record.card.model_details.name);
                self.studio.tell(NoticeKind::Info, format!("Restored “{name}” from the trash."));
            }
            Some(Err(error)) => self
                .studio
                .tell(NoticeKind::Error, format!("Could not restore the draft: {error}.")),
            None => {}
        }
    }

    pub fn delete_forever(&self, id: &str) {
        let outcome = self.with_session(|s| s.drafts.delete_forever(id));
        self.after_storage_op(outcome, "Deleted the draft for good.");
    }

    pub fn empty_trash(&self) {
        let outcome = self.with_session(|s| s.drafts.empty_trash());
        let message = outcome
            .as_ref()
            .and_then(|r| r.as_ref().ok())
            .map(|n| {
                format!("Emptied the trash: {} deleted for good.", plural(*n, "draft", "drafts"))
            })
            .unwrap_or_default();
        self.after_storage_op(outcome.map(|r| r.map(|_| ())), &message);
    }

    pub fn delete_problem(&self, key: &str) {
        let outcome = self.with_session(|s| s.drafts.delete_problem(key));
        self.after_storage_op(outcome, "Deleted the unreadable record.");
    }

    fn after_storage_op(&self, outcome: Option<Result<(), StorageError>>, success: &str) {
        match outcome {
            Some(Ok(())) => self.studio.tell(NoticeKind::Info, success),
            Some(Err(error)) => {
                self.studio.tell(NoticeKind::Error, format!("That did not work: {error}."))
            }
            None => {}
        }
        self.refresh_library();
    }

    /// Downloads the raw text of a quarantined record, exactly as stored.
    pub fn download_problem(&self, key: &str) {
        let text = self.with_session(|s| s.drafts.raw(key)).and_then(Result::ok).flatten();
        let Some(text) = text else {
            self.studio.tell(NoticeKind::Error, "That record is no longer stored.");
            return;
        };
        let name = key.rsplit('/').next().unwrap_or("record");
        self.offer(&format!("unreadable-record-{name}.json"), "application/json", &text);
    }

    /// Downloads every draft as one backup file.
    pub fn download_all(&self) {
        self.flush();
        let now = now_ms();
        match self.with_session(|s| backup::bundle(&s.drafts, now)) {
            Some(Ok(text)) => {
                self.offer("model-card-studio-backup.json", "application/json", &text);
            }
            Some(Err(error)) => {
                self.studio.tell(NoticeKind::Error, format!("Could not make the backup: {error}."))
            }
            None => {}
        }
    }

    /// Downloads the open draft, e.g. when storage is full and nothing else is safe.
    pub fn download_open_draft(&self) {
        let document = self.document();
        let stem = crate::formats::file_stem(&document.card);
        let text = document::to_json(&document);
        self.offer_open_card(document.card, &format!("{stem}.json"), "application/json", &text);
    }

    /// Offers a file for download and says so.
    pub fn offer(&self, filename: &str, mime: &str, text: &str) -> bool {
        match download(filename, mime, text) {
            Ok(()) => {
                self.studio.tell(NoticeKind::Info, format!("Downloaded {filename}"));
                true
            }
            Err(reason) => {
                self.studio
                    .tell(NoticeKind::Error, format!("Could not download {filename}: {reason}"));
                false
            }
        }
    }

    /// Offers the open card as a file; once it is downloaded, the "not downloaded"
    /// marker goes until the next edit.
    pub fn offer_open_card(&self, card: Card, filename: &str, mime: &str, text: &str) {
        if self.offer(filename, mime, text) {
            self.studio.downloaded.set(Some(card));
        }
    }

    /// "Start from the example card": the seed's ImageClassifier fills the open card when
    /// it is blank (one undoable edit), and opens as a new draft otherwise.
    pub fn start_from_example(&self) {
        let studio = self.studio;
        let blank = studio.open_id.with_untracked(Option::is_some)
            && studio.card.with_untracked(|card| *card == Card::default())
            && untrack(|| studio.can_edit());
        if blank {
            studio.edit(|card| *card = crate::card::example::seed_card());
            studio.tell(NoticeKind::Info, "Filled in the example card. Ctrl+Z takes it back.");
        } else {
            let message = "Started a new draft from the example card.".to_owned();
            self.create(Document::new(crate::card::example::seed_card()), Some(message));
        }
    }

    /// Ctrl+S: saves now, and says where.
    pub fn save_now(&self) {
        self.flush();
        let studio = self.studio;
        let name = studio.card.with_untracked(|c| c.model_details.name.trim().to_owned());
        let name = if name.is_empty() { "this draft".to_owned() } else { format!("“{name}”") };
        let message = match studio.save.get_untracked() {
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
                return studio.tell(
                    NoticeKind::Error,
                    format!("Not saved: {reason}. Use Download to keep a file."),
                );
            }
            SaveState::Pending => return,
        };
        studio.tell(NoticeKind::Info, message);
    }

    /// Works out what restoring a backup would do, without writing anything.
    pub fn plan_restore(&self, text: &str) -> Result<RestorePlan, String> {
        self.flush();
        self.with_session(|s| backup::plan(&s.drafts, text).map_err(|e| e.to_string()))
            .unwrap_or_else(|| Err("the library is busy; try again".into()))
    }

    pub fn apply_restore(&self, plan: &RestorePlan) {
        let now = now_ms();
        let mut serial = 0;
        let outcome = self.with_session(|s| {
            backup::apply(&mut s.drafts, plan, || {
                serial += 1;
                random_id(now + serial)
            })
        });
        match outcome {
            Some(Ok(written)) => {
                self.refresh_library();
                self.studio.tell(
                    NoticeKind::Info,
                    format!("Restored {} from the backup.", plural(written, "draft", "drafts")),
                );
            }
            Some(Err(error)) => {
                self.studio.tell(NoticeKind::Error, format!("The restore stopped: {error}."))
            }
            None => {}
        }
    }

    /// Applies a workflow step (submit, review, publish, …) to the open draft and saves it
    /// at once. On failure nothing changes and the reason is shown.
    pub fn step(
        &self,
        success: &str,
        op: impl FnOnce(&mut Workflow, &Card, u64) -> Result<(), String>,
    ) -> bool {
        let studio = self.studio;
        let card = studio.card.get_untracked();
        let mut workflow = studio.workflow.get_untracked();
        match op(&mut workflow, &card, now_ms()) {
            Ok(()) => {
                studio.workflow.set(workflow);
                self.flush();
                studio.tell(NoticeKind::Info, success);
                true
            }
            Err(reason) => {
                studio.tell(NoticeKind::Error, reason);
                false
            }
        }
    }

    /// The open draft as a document, for downloads.
    pub fn document(&self) -> Document {
        Document {
            card: self.studio.card.get_untracked(),
            workflow: self.studio.workflow.get_untracked(),
        }
    }

    /// Records whether the browser keeps our storage through its clean-ups.
    pub fn set_persistence(&self, persistent: Option<bool>) {
        self.studio.storage.update(|info: &mut StorageInfo| info.persistent = persistent);
    }
}

/// A draft's name for messages.
pub fn display_name(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() { "Untitled model".to_owned() } else { name.to_owned() }
}
