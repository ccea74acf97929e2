//! The app's one store of reactive state, shared through context.

use leptos::prelude::*;

use crate::card::Card;

/// The state every screen shares. `Copy`, because signals are handles.
#[derive(Clone, Copy)]
pub struct Studio {
    /// The card being edited.
    pub card: RwSignal<Card>,
    /// The latest message for the user: an import result or an error.
    pub notice: RwSignal<Option<Notice>>,
    /// Where the latest edits stand with respect to browser storage.
    pub save: RwSignal<SaveState>,
}

impl Studio {
    pub fn new(card: Card, save: SaveState) -> Self {
        Self { card: RwSignal::new(card), notice: RwSignal::new(None), save: RwSignal::new(save) }
    }

    /// Applies an edit to the card. Every editor writes through here.
    pub fn edit(&self, change: impl FnOnce(&mut Card)) {
        self.card.update(change);
    }

    pub fn tell(&self, kind: NoticeKind, text: impl Into<String>) {
        self.notice.set(Some(Notice { kind, text: text.into() }));
    }
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

/// The save status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// Edits are waiting for the autosave.
    Pending,
    /// The last save failed; the edits are in memory only.
    Failed(String),
    /// The browser gives us no storage at all.
    MemoryOnly,
}

impl SaveState {
    pub fn label(&self) -> String {
        match self {
            Self::Saved => "Saved in this browser".into(),
            Self::Pending => "Saving…".into(),
            Self::Failed(reason) => format!("Not saved: {reason}"),
            Self::MemoryOnly => {
                "Not saved: browser storage is not available. Download your card to keep it.".into()
            }
        }
    }

    pub fn is_problem(&self) -> bool {
        matches!(self, Self::Failed(_) | Self::MemoryOnly)
    }
}
