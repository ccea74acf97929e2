//! What the library screen does to drafts: list, duplicate, rename, trash (with a toast
//! that undoes it), restore, delete for good, and the records that could not be read.

use std::time::Duration;

use leptos::prelude::*;

use super::Actions;
use crate::card::{Card, display_name};
use crate::display::plural;
use crate::document::Document;
use crate::storage::{Read, StorageError};
use crate::ui::browser::{now_ms, random_id};
use crate::ui::state::{NoticeKind, Screen, Toast, UndoAction};

/// How long a toast with "Undo" stays.
const TOAST_TIME: Duration = Duration::from_secs(10);

impl Actions {
    /// Lists the library's drafts and problems in the signals.
    pub fn refresh_library(&self) {
        if let Some((drafts, problems)) =
            self.with_session(|s| (s.drafts.summaries(), s.drafts.problems().to_vec()))
        {
            self.signals.drafts.set(drafts);
            self.signals.problems.set(problems);
        }
    }

    /// Duplicates a draft and opens the copy.
    pub fn duplicate(&self, id: &str) {
        self.flush();
        let id = id.to_owned();
        let this = *self;
        self.reading(move |read| this.duplicate_with(&id, read));
    }

    fn duplicate_with(&self, id: &str, read: Read) {
        let now = now_ms();
        let new_id = random_id(now);
        match self.with_session(|s| s.drafts.duplicate(id, &new_id, now, read)) {
            Some(Ok(copy)) => {
                self.refresh_library();
                self.signals.tell(
                    NoticeKind::Info,
                    format!("Made a copy: {}.", copy.card.model_details.name),
                );
            }
            Some(Err(error)) => self
                .signals
                .tell(NoticeKind::Error, format!("Could not duplicate the draft: {error}.")),
            None => {}
        }
    }

    /// Renames a draft. The open draft is renamed through the editor's card, like any edit.
    pub fn rename(&self, id: &str, name: &str) {
        if self.signals.open_id.get_untracked().as_deref() == Some(id) {
            self.signals.edit(|card| card.model_details.name = name.to_owned());
            self.flush();
            return;
        }
        let (id, name, this) = (id.to_owned(), name.to_owned(), *self);
        self.reading(move |read| this.rename_with(&id, &name, read));
    }

    fn rename_with(&self, id: &str, name: &str, read: Read) {
        match self.with_session(|s| s.drafts.rename(id, name, now_ms(), read)) {
            Some(Ok(_)) => self.refresh_library(),
            Some(Err(error)) => self
                .signals
                .tell(NoticeKind::Error, format!("Could not rename the draft: {error}.")),
            None => {}
        }
    }

    /// Moves a draft to the trash, with a toast that can undo it.
    pub fn trash(&self, id: &str) {
        self.flush();
        let id = id.to_owned();
        let this = *self;
        self.reading(move |read| this.trash_with(&id, read));
    }

    fn trash_with(&self, id: &str, read: Read) {
        let signals = self.signals;
        match self.with_session(|s| s.drafts.trash(id, now_ms(), read)) {
            Some(Ok(record)) => {
                if signals.open_id.get_untracked().as_deref() == Some(id) {
                    self.with_session(|s| s.record = None);
                    signals.open_id.set(None);
                    signals.screen.set(Screen::Library);
                }
                self.refresh_library();
                let name = display_name(&record.card.model_details.name);
                self.show_toast(
                    format!("Moved “{name}” to the trash."),
                    UndoAction::Restore(id.to_owned()),
                );
            }
            Some(Err(error)) => {
                signals.tell(NoticeKind::Error, format!("Could not delete the draft: {error}."))
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
        let toast = self.signals.toast;
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
        self.signals.toast.set(None);
        match action {
            UndoAction::Restore(id) => self.restore(id),
        }
    }

    /// Takes a draft out of the trash.
    pub fn restore(&self, id: &str) {
        let id = id.to_owned();
        let this = *self;
        self.reading(move |read| this.restore_with(&id, read));
    }

    fn restore_with(&self, id: &str, read: Read) {
        match self.with_session(|s| s.drafts.restore(id, now_ms(), read)) {
            Some(Ok(record)) => {
                self.refresh_library();
                let name = display_name(&record.card.model_details.name);
                self.signals.tell(NoticeKind::Info, format!("Restored “{name}” from the trash."));
            }
            Some(Err(error)) => self
                .signals
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
            Some(Ok(())) => self.signals.tell(NoticeKind::Info, success),
            Some(Err(error)) => {
                self.signals.tell(NoticeKind::Error, format!("That did not work: {error}."))
            }
            None => {}
        }
        self.refresh_library();
    }

    /// Downloads the raw text of a quarantined record, exactly as stored.
    pub fn download_problem(&self, key: &str) {
        let text = self.with_session(|s| s.drafts.raw(key)).and_then(Result::ok).flatten();
        let Some(text) = text else {
            self.signals.tell(NoticeKind::Error, "That record is no longer stored.");
            return;
        };
        let name = key.rsplit('/').next().unwrap_or("record");
        self.offer(&format!("unreadable-record-{name}.json"), "application/json", &text);
    }

    /// "Start from the example card": the seed's ImageClassifier fills the open card when
    /// it is blank (one undoable edit), and opens as a new draft otherwise.
    pub fn start_from_example(&self) {
        let signals = self.signals;
        let blank = signals.open_id.with_untracked(Option::is_some)
            && signals.card.with_untracked(|card| *card == Card::default())
            && untrack(|| signals.can_edit());
        if blank {
            signals.edit(|card| *card = crate::card::example::seed_card());
            signals.tell(NoticeKind::Info, "Filled in the example card. Ctrl+Z takes it back.");
        } else {
            let message = "Started a new draft from the example card.".to_owned();
            self.create(Document::new(crate::card::example::seed_card()), Some(message));
        }
    }
}
