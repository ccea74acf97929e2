//! Where drafts are kept between visits. This module and its `browser` backend are the
//! only code that touches localStorage; everything else goes through [`Drafts`].
//!
//! Layout (every key starts with [`PREFIX`], so we never touch another app's keys on a
//! shared `user.github.io` origin, and never call `clear()`):
//! - `model-card-studio/v1/draft/<id>`: one [`DraftRecord`] per draft, the source of truth;
//! - `model-card-studio/v1/index`: summaries of all drafts and the list of quarantined
//!   records; a cache, rebuilt from the draft keys whenever it is missing or stale;
//! - `model-card-studio/v1/session`: the id of the draft that was open.
//!
//! The `v1` in the keys is the version of this layout. The card's schema version is
//! inside each record (see `document::SCHEMA_VERSION`).

use serde::Serialize;

pub mod backup;
#[cfg(target_arch = "wasm32")]
pub mod browser;
mod library;
mod memory;
mod record;

pub use library::{DraftOpError, Drafts, LoadError, Loaded, SaveError, check_generation};
pub use memory::MemoryBackend;
pub use record::{Decoded, DraftRecord, DraftSummary, StorageProblem, decode};

/// The namespace of every key this app writes.
pub const PREFIX: &str = "model-card-studio/v1/";
const DRAFT_PREFIX: &str = "model-card-studio/v1/draft/";
const INDEX_KEY: &str = "model-card-studio/v1/index";
const SESSION_KEY: &str = "model-card-studio/v1/session";

/// The key of one draft's record.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// Why a storage call failed, in terms the user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("browser storage is full")]
    QuotaExceeded,
    #[error("browser storage is not available")]
    Unavailable,
    #[error("browser storage failed: {0}")]
    Other(String),
}

/// A key-value store with localStorage's semantics. Values go in typed and are stored as
/// their compact JSON text (as gloo-storage writes them); they come out as that text,
/// byte for byte, so that a record nobody can read is still kept exactly.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    /// Every key in the store, ours and others'.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Whether a DOMException from `setItem` means the quota is exhausted. Browsers disagree
/// on the spelling: Chromium and Safari say `QuotaExceededError` (code 22), older Firefox
/// says `NS_ERROR_DOM_QUOTA_REACHED` (code 1014), old WebKit `QUOTA_EXCEEDED_ERR`. The
/// name is enough (gloo-storage keeps only the name); `code` is 0 when not known.
pub fn is_quota_error(name: &str, code: u16) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "QUOTA_EXCEEDED_ERR")
        || code == 22
}

/// How much of the store is used, in bytes as browsers count them (UTF-16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    /// By this app's keys.
    pub ours: usize,
    /// By every key of this origin, ours included.
    pub total: usize,
}

impl Usage {
    /// "This site uses 4.9 MB of browser storage, 1.2 MB of it for Model Card Studio. "
    /// (with the space, since a sentence follows it).
    pub fn summary(&self) -> String {
        format!(
            "This site uses {} of browser storage, {} of it for Model Card Studio. ",
            crate::display::bytes(self.total),
            crate::display::bytes(self.ours)
        )
    }
}

/// Bytes a string takes in localStorage.
pub fn stored_size(text: &str) -> usize {
    text.encode_utf16().count() * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_much_storage_is_used_and_how_much_is_ours() {
        let usage = Usage { ours: 5_000, total: 5 * 1024 * 1024 };
        assert_eq!(
            usage.summary(),
            "This site uses 5.0 MB of browser storage, 4.9 KB of it for Model Card Studio. "
        );
    }

    #[test]
    fn recognises_every_spelling_of_a_full_quota() {
        assert!(is_quota_error("QuotaExceededError", 22));
        assert!(is_quota_error("NS_ERROR_DOM_QUOTA_REACHED", 1014));
        assert!(is_quota_error("", 22));
        assert!(is_quota_error("QUOTA_EXCEEDED_ERR", 0), "old WebKit, as gloo-storage reports it");
        assert!(!is_quota_error("SecurityError", 18));
    }

    #[test]
    fn every_key_is_namespaced() {
        for key in [draft_key("a"), INDEX_KEY.to_owned(), SESSION_KEY.to_owned()] {
            assert!(key.starts_with(PREFIX), "{key}");
        }
    }
}
