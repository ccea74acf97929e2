//! The open draft and the library behind the screens: opening, creating, saving (with a
//! debounced autosave flushed when the page is hidden), and every library action. The
//! [`Signals`] are what the screens show; [`Actions`] is what the screens do, and keeps
//! the signals in line with storage through its [`StorageSession`].
//!
//! This file holds the handle; what it does is split by concern: `session.rs` (the open
//! draft and its autosave), `library_actions.rs` (what the library does to drafts),
//! `transfer.rs` (import, export and downloads), `backup.rs` (backup and restore) and
//! `space.rs` (storage used, and dropping old versions to free some).

mod backup;
mod library_actions;
mod session;
mod space;
mod transfer;

use leptos::prelude::*;

use super::state::Signals;

pub use session::StorageSession;
pub use transfer::PASTED;

/// What the screens can do: every action on the open draft and the library, shared
/// through context. It is `Copy`: the signals it updates, and a handle to the one
/// [`StorageSession`].
#[derive(Clone, Copy)]
pub struct Actions {
    pub signals: Signals,
    session: StoredValue<StorageSession, LocalStorage>,
}

impl Actions {
    fn with_session<R>(&self, f: impl FnOnce(&mut StorageSession) -> R) -> Option<R> {
        self.session.try_update_value(f)
    }
}
