//! The app's reactive state, shared through context. [`Signals`] holds only signals, so
//! it is `Copy` and every component can take it from context. It knows nothing of
//! storage: [`super::workspace::Actions`] keeps it in line with the library.

use leptos::prelude::*;

use crate::card::Card;
use crate::document::source::ReadmeSource;
use crate::review::Workflow;
use crate::storage::{DraftSummary, StorageProblem, Usage};
use crate::undo::History;

/// The signals every screen reads and writes: the open card and workflow, the library's
/// summaries, the messages, and the save status.
#[derive(Clone, Copy)]
pub struct Signals {
    /// The open draft's card.
    pub card: RwSignal<Card>,
    /// The open draft's workflow: status, reviews, history.
    pub workflow: RwSignal<Workflow>,
    /// The README the open draft was imported from, if it was: its export and its
    /// preview are printed from it. Edits never change it.
    pub source: RwSignal<Option<ReadmeSource>>,
    /// The open draft's id.
    pub open_id: RwSignal<Option<String>>,
    /// Why the open draft cannot be edited, when it cannot.
    pub read_only: RwSignal<Option<String>>,
    /// Which screen is shown.
    pub screen: RwSignal<Screen>,
    /// The library: every draft's summary, and the records that could not be read.
    pub drafts: RwSignal<Vec<DraftSummary>>,
    pub problems: RwSignal<Vec<StorageProblem>>,
    /// The latest message for the user: an import result or an error.
    pub notice: RwSignal<Option<Notice>>,
    /// A short message with an "Undo" action, e.g. after a delete.
    pub toast: RwSignal<Option<Toast>>,
    /// What the last import or export mapped, kept as written, or could not carry.
    pub report: RwSignal<Option<FileReport>>,
    /// A metrics file waiting for the user to see and accept what it changes.
    pub metrics: RwSignal<Option<PendingMetrics>>,
    /// Whether files are being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// A new version of the app is downloaded and waits for a reload.
    pub update_available: RwSignal<bool>,
    /// The card shown in the viewer, which is not a draft and is never saved.
    pub viewed: RwSignal<Option<Viewed>>,
    /// Undo and redo of the open card's edits, and whether each is possible now.
    history: StoredValue<History<Card>, LocalStorage>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The open card as it was last downloaded to a file in this session.
    pub downloaded: RwSignal<Option<Card>>,
    /// Where the open draft's latest edits stand with respect to storage.
    pub save: RwSignal<SaveState>,
    /// Set when another tab saved the open draft.
    pub conflict: RwSignal<bool>,
    pub storage: RwSignal<StorageInfo>,
    /// Milliseconds since the epoch, updated every few seconds for "2 s ago".
    pub clock: RwSignal<u64>,
}

impl Signals {
    pub fn new(now: u64) -> Self {
        Self {
            card: RwSignal::new(Card::default()),
            workflow: RwSignal::new(Workflow::default()),
            source: RwSignal::new(None),
            open_id: RwSignal::new(None),
            read_only: RwSignal::new(None),
            screen: RwSignal::new(Screen::Editor),
            drafts: RwSignal::new(Vec::new()),
            problems: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            toast: RwSignal::new(None),
            report: RwSignal::new(None),
            metrics: RwSignal::new(None),
            dragging: RwSignal::new(false),
            update_available: RwSignal::new(false),
            viewed: RwSignal::new(None),
            history: StoredValue::new_local(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            downloaded: RwSignal::new(None),
            save: RwSignal::new(SaveState::Saved { at: now }),
            conflict: RwSignal::new(false),
            storage: RwSignal::new(StorageInfo::default()),
            clock: RwSignal::new(now),
        }
    }

    /// Whether the open card's content may be edited now: not read-only in storage, and
    /// not locked by the workflow (in review, approved, published). Tracked.
    pub fn can_edit(&self) -> bool {
        self.read_only.with(Option::is_none) && !self.workflow.with(Workflow::is_locked)
    }

    /// Applies an edit to the card, and keeps the workflow in line with it (history, and
    /// the approval voided or restored by the content hash). Every editor writes here.
    pub fn edit(&self, change: impl FnOnce(&mut Card)) {
        if !untrack(|| self.can_edit()) {
            return;
        }
        let now = super::browser::now_ms();
        self.card.with_untracked(|card| self.history.update_value(|h| h.before_edit(card, now)));
        self.card.update(change);
        self.content_changed(now);
    }

    /// Undoes the last undo entry, a burst of edits (Ctrl+Z).
    pub fn undo(&self) {
        self.undo_or_redo(History::undo);
    }

    /// Redoes the last undone entry (Ctrl+Shift+Z).
    pub fn redo(&self) {
        self.undo_or_redo(History::redo);
    }

    fn undo_or_redo(&self, direction: fn(&mut History<Card>, Card) -> Option<Card>) {
        if !untrack(|| self.can_edit()) {
            return;
        }
        let current = self.card.get_untracked();
        if let Some(Some(card)) = self.history.try_update_value(|h| direction(h, current)) {
            self.card.set(card);
            self.content_changed(super::browser::now_ms());
        }
    }

    /// Forgets the undo entries, when another card opens.
    pub fn forget_history(&self) {
        self.history.update_value(History::clear);
        self.sync_history();
    }

    /// Keeps the workflow in line with the content (history, and the approval voided or
    /// restored by the content hash), and the undo buttons with the undo entries.
    fn content_changed(&self, now: u64) {
        self.card.with_untracked(|card| {
            self.workflow.update(|workflow| workflow.content_edited(card, now))
        });
        self.sync_history();
    }

    fn sync_history(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    pub fn tell(&self, kind: NoticeKind, text: impl Into<String>) {
        self.notice.set(Some(Notice { kind, text: text.into() }));
    }
}

/// The app's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Editor,
    Review,
    Library,
    Viewer,
}

/// Whether a message reports a failure (announced assertively) or news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// A report on a file that came in or went out, shown until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub title: String,
    /// Headed lists, e.g. "Kept as written" and its items; empty ones are left out.
    pub groups: Vec<(&'static str, Vec<String>)>,
    /// The file exactly as it came in, offered for download when the import set
    /// something aside, so nothing of it is lost.
    pub original: Option<OriginalFile>,
}

impl FileReport {
    pub fn new(title: String, groups: Vec<(&'static str, Vec<String>)>) -> Self {
        let groups = groups.into_iter().filter(|(_, items)| !items.is_empty()).collect();
        Self { title, groups, original: None }
    }
}

/// A file's text as it was imported, and the name to download it under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginalFile {
    pub filename: String,
    pub text: String,
}

/// A card opened read-only in the viewer, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Viewed {
    pub document: crate::document::Document,
    /// "a share link" or the file's name.
    pub source: String,
    /// What its import could not read or set aside, each with where (the report's
    /// problems), shown above the card.
    pub set_aside: Vec<String>,
}

/// A training run's metrics file, read but not yet merged.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingMetrics {
    pub file: String,
    pub values: serde_json::Map<String, serde_json::Value>,
}

/// What an "Undo" in a toast undoes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoAction {
    /// Take this draft back out of the trash.
    Restore(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub text: String,
    pub undo: UndoAction,
    /// Identifies this toast, so an old timer does not close a newer one.
    pub serial: u64,
}

/// The save status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored, as of this time.
    Saved { at: u64 },
    /// Edits are waiting for the autosave.
    Pending,
    /// The last save failed; the edits are in memory only.
    Failed(String),
    /// The browser gives us no storage at all.
    MemoryOnly,
    /// The open draft cannot be edited, so nothing is saved.
    ReadOnly,
}

impl SaveState {
    /// The words announced in the live region. The "2 s ago" is shown beside them but
    /// not announced, so screen readers are not interrupted every second.
    pub fn label(&self) -> String {
        match self {
            Self::Saved { .. } => "Saved".into(),
            Self::Pending => "Saving…".into(),
            Self::Failed(reason) => format!("Not saved: {reason}"),
            Self::MemoryOnly => "Not saved: browser storage is not available".into(),
            Self::ReadOnly => "Read-only".into(),
        }
    }

    pub fn is_problem(&self) -> bool {
        matches!(self, Self::Failed(_) | Self::MemoryOnly)
    }
}

/// What we know about the browser's storage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StorageInfo {
    /// No localStorage: the app runs in memory.
    pub memory_only: bool,
    /// The last save failed because storage is full.
    pub full: bool,
    /// Measured when storage filled up.
    pub usage: Option<Usage>,
    /// `navigator.storage.persisted()`, where the browser has it.
    pub persistent: Option<bool>,
    /// The user dismissed the reminder to download a backup.
    pub reminder_dismissed: bool,
}
