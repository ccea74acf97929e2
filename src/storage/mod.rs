//! Where drafts are kept between visits: the key layout, the record codec and the order
//! of writes. This module and its `browser` backend are the only code that touches
//! localStorage; everything else goes through [`Drafts`].
//!
//! Layout (every key starts with [`PREFIX`], so we never touch another app's keys on a
//! shared `user.github.io` origin, and never call `clear()`):
//! - `model-card-studio/v1/draft/<id>`: one [`DraftRecord`] per draft;
//! - `model-card-studio/v1/index`: summaries of all drafts, a cache rebuilt from the drafts;
//! - `model-card-studio/v1/open`: the id of the draft that was open.
//!
//! The `v1` in the keys is the version of this layout. The card's own schema version is
//! inside each record.

#[cfg(target_arch = "wasm32")]
pub mod browser;
mod memory;

use serde::{Deserialize, Serialize};

use crate::card::Card;
use crate::formats::json::SCHEMA_VERSION;

pub use memory::MemoryBackend;

/// The namespace of every key this app writes.
pub const PREFIX: &str = "model-card-studio/v1/";
const DRAFT_PREFIX: &str = "model-card-studio/v1/draft/";
const INDEX_KEY: &str = "model-card-studio/v1/index";
const OPEN_KEY: &str = "model-card-studio/v1/open";

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

/// A key-value store with localStorage's semantics.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
}

/// Whether a DOMException from `setItem` means the quota is exhausted. Browsers disagree
/// on the spelling: Chromium and Safari say `QuotaExceededError` (code 22), older Firefox
/// says `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
pub fn is_quota_error(name: &str, code: u16) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") || code == 22
}

/// One stored draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRecord {
    /// The version of the card shape in `card`.
    pub schema_version: u32,
    pub id: String,
    /// Incremented by every save, so an older tab can tell it would overwrite newer work.
    pub generation: u64,
    /// Milliseconds since the Unix epoch.
    pub updated_at: u64,
    pub card: Card,
}

impl DraftRecord {
    pub fn new(id: impl Into<String>, card: Card) -> Self {
        Self { schema_version: SCHEMA_VERSION, id: id.into(), generation: 0, updated_at: 0, card }
    }
}

/// A draft's summary, as listed in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub version: String,
    pub updated_at: u64,
}

impl DraftSummary {
    fn of(record: &DraftRecord) -> Self {
        let details = &record.card.model_details;
        Self {
            id: record.id.clone(),
            name: details.name.clone(),
            version: details.version.name.clone(),
            updated_at: record.updated_at,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    drafts: Vec<DraftSummary>,
}

/// The drafts kept in a backend.
pub struct Drafts<B> {
    backend: B,
}

impl<B: Backend> Drafts<B> {
    pub fn new(backend: B) -> Self {
        Self { backend }
    }

    /// The draft that was open last time, if it can be read.
    pub fn open_draft(&self) -> Result<Option<DraftRecord>, StorageError> {
        let Some(id) = self.backend.get(OPEN_KEY)? else {
            return Ok(None);
        };
        self.load(&id)
    }

    pub fn load(&self, id: &str) -> Result<Option<DraftRecord>, StorageError> {
        let Some(text) = self.backend.get(&draft_key(id))? else {
            return Ok(None);
        };
        Ok(serde_json::from_str(&text).ok())
    }

    /// Saves `record` as the next generation and marks it as the open draft.
    ///
    /// The draft is written before the index, so a crash in between leaves at worst an
    /// index that lacks the newest summary, never one that points at nothing. If the
    /// draft write fails, the previously stored version is untouched.
    pub fn save(&mut self, record: &mut DraftRecord, now: u64) -> Result<(), StorageError> {
        let mut next = record.clone();
        next.generation += 1;
        next.updated_at = now;
        let text = serde_json::to_string(&next).map_err(|e| StorageError::Other(e.to_string()))?;
        self.backend.set(&draft_key(&next.id), &text)?;
        *record = next;
        self.update_index(DraftSummary::of(record))?;
        self.backend.set(OPEN_KEY, &record.id)
    }

    fn update_index(&mut self, summary: DraftSummary) -> Result<(), StorageError> {
        let mut index: Index = self
            .backend
            .get(INDEX_KEY)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        match index.drafts.iter_mut().find(|entry| entry.id == summary.id) {
            Some(entry) => *entry = summary,
            None => index.drafts.push(summary),
        }
        let text = serde_json::to_string(&index).map_err(|e| StorageError::Other(e.to_string()))?;
        self.backend.set(INDEX_KEY, &text)
    }

    /// The backend, for tests that inspect what was written.
    pub fn backend(&self) -> &B {
        &self.backend
    }
}

fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(name: &str) -> Card {
        let mut card = Card::default();
        card.model_details.name = name.into();
        card
    }

    #[test]
    fn a_saved_draft_is_the_open_draft_next_time() {
        let mut drafts = Drafts::new(MemoryBackend::default());
        let mut record = DraftRecord::new("a1", card("Classifier"));
        drafts.save(&mut record, 1_000).unwrap();

        let reopened = Drafts::new(drafts.backend().clone()).open_draft().unwrap().unwrap();
        assert_eq!(reopened, record);
        assert_eq!(reopened.generation, 1);
        assert_eq!(reopened.updated_at, 1_000);
    }

    #[test]
    fn every_save_is_a_new_generation() {
        let mut drafts = Drafts::new(MemoryBackend::default());
        let mut record = DraftRecord::new("a1", card("v1"));
        drafts.save(&mut record, 1).unwrap();
        record.card = card("v2");
        drafts.save(&mut record, 2).unwrap();
        assert_eq!(drafts.open_draft().unwrap().unwrap().generation, 2);
    }

    #[test]
    fn writes_only_namespaced_keys() {
        let mut drafts = Drafts::new(MemoryBackend::default());
        drafts.save(&mut DraftRecord::new("a1", card("x")), 1).unwrap();
        let keys = drafts.backend().keys();
        assert_eq!(keys.len(), 3);
        assert!(keys.iter().all(|key| key.starts_with(PREFIX)), "{keys:?}");
    }

    #[test]
    fn a_failed_save_keeps_the_stored_version_and_the_record() {
        let mut drafts = Drafts::new(MemoryBackend::default());
        let mut record = DraftRecord::new("a1", card("stored"));
        drafts.save(&mut record, 1).unwrap();

        let mut full = drafts.backend().clone();
        full.set_quota(Some(0));
        let mut drafts = Drafts::new(full);
        record.card = card("edited");
        assert_eq!(drafts.save(&mut record, 2), Err(StorageError::QuotaExceeded));

        assert_eq!(record.card, card("edited"), "the edit stays in memory");
        assert_eq!(record.generation, 1, "the failed write is not counted");
        let stored = drafts.open_draft().unwrap().unwrap();
        assert_eq!(stored.card, card("stored"));
    }

    #[test]
    fn recognises_every_spelling_of_a_full_quota() {
        assert!(is_quota_error("QuotaExceededError", 22));
        assert!(is_quota_error("NS_ERROR_DOM_QUOTA_REACHED", 1014));
        assert!(is_quota_error("", 22));
        assert!(!is_quota_error("SecurityError", 18));
    }
}
