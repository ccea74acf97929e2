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

pub use library::{
    DraftOpError, Drafts, LoadError, Loaded, SaveError, SnapshotsDropped, check_generation,
    has_drafts,
};
pub use memory::MemoryBackend;
pub use record::{Decoded, DraftRecord, DraftSummary, Read, StorageProblem, decode};

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

/// About how much one origin may keep in localStorage, in the units browsers count
/// against it: UTF-16 code units of keys and values. Chromium and Firefox allow 5 Mi of
/// them (Chromium's "10 MiB" is of bytes, two to a unit), Safari about as much; every
/// page of one `user.github.io` shares it. Shown as "about 5 MB".
pub const CAPACITY: usize = 5 * 1024 * 1024;

/// From this share of [`CAPACITY`], in percent, the library warns that space runs short.
pub const WARN_PERCENT: usize = 80;

/// How much of the store is used, in the units of [`stored_size`].
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

    /// How full the origin's storage is, in percent of [`CAPACITY`].
    pub fn percent(&self) -> usize {
        self.total.saturating_mul(100) / CAPACITY
    }

    /// Whether so little space is left that the library warns.
    pub fn nearly_full(&self) -> bool {
        self.percent() >= WARN_PERCENT
    }

    /// The library's line: "Drafts use 1.8 MB of about 5 MB of browser storage.", and
    /// what other pages of this site keep there, when they do.
    pub fn meter(&self) -> String {
        let mut line = format!(
            "Drafts use {} of about {} MB of browser storage.",
            crate::display::bytes(self.ours),
            CAPACITY / (1024 * 1024)
        );
        let others = self.total.saturating_sub(self.ours);
        if others > 0 {
            line.push_str(&format!(
                " Other pages of this site use {} of it.",
                crate::display::bytes(others)
            ));
        }
        line
    }

    /// The warning at [`WARN_PERCENT`]: how full, and what happens when it is full.
    pub fn warning(&self) -> String {
        format!(
            "Browser storage is {}% full. When it is full, edits can no longer be saved in this browser. Free some space now:",
            self.percent().min(100)
        )
    }
}

/// What a string counts against the localStorage quota: its UTF-16 code units, which
/// for the ASCII of most JSON is its size in bytes, and is shown as bytes.
pub fn stored_size(text: &str) -> usize {
    text.encode_utf16().count()
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
    fn says_what_drafts_use_of_about_5_mb_and_warns_from_80_percent() {
        let mb = 1024 * 1024;
        let alone = Usage { ours: 1_887_437, total: 1_887_437 };
        assert_eq!(alone.meter(), "Drafts use 1.8 MB of about 5 MB of browser storage.");
        assert!(!alone.nearly_full());
        let shared = Usage { ours: 2 * mb, total: 4_509_000 };
        assert_eq!(
            shared.meter(),
            "Drafts use 2.0 MB of about 5 MB of browser storage. Other pages of this site use 2.3 MB of it."
        );
        assert_eq!(shared.percent(), 86);
        assert!(shared.nearly_full());
        assert!(shared.warning().starts_with("Browser storage is 86% full."));
        let edge = Usage { ours: 0, total: CAPACITY * 4 / 5 };
        assert!(edge.nearly_full(), "80% warns");
        assert!(!Usage { ours: 0, total: CAPACITY * 4 / 5 - 1 }.nearly_full());
        let over = Usage { ours: 0, total: 2 * CAPACITY };
        assert!(over.warning().starts_with("Browser storage is 100% full."));
    }

    #[test]
    fn counts_what_browsers_count_against_the_quota() {
        assert_eq!(stored_size("ab"), 2);
        assert_eq!(stored_size("é€"), 2, "one unit each");
        assert_eq!(stored_size("😀"), 2, "a surrogate pair");
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
