//! The open draft and the library behind the screens: opening, creating, saving (with a
//! debounced autosave flushed when the page is hidden), and every library action. The
//! signals in [`Studio`] are what the screens show; this is where they are kept in step
//! with storage.
//!
//! This file holds the handle; what it does is split by concern: `session.rs` (the open
//! draft and its autosave), `library_actions.rs` (what the library does to drafts),
//! `transfer.rs` (import, export and downloads) and `backup.rs` (backup and restore).

mod backup;
mod library_actions;
mod session;
mod transfer;

use leptos::prelude::*;

use super::state::Studio;

use session::Session;

/// The handle every component uses for anything that touches the library.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub studio: Studio,
    session: StoredValue<Session, LocalStorage>,
}

impl Workspace {
    fn with_session<R>(&self, f: impl FnOnce(&mut Session) -> R) -> Option<R> {
        self.session.try_update_value(f)
    }
}
