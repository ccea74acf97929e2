//! The draft library over a [`Backend`]: listing, opening, saving with generation checks,
//! trash, quarantine, and the index that caches it all.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::record::RecordHead;
use super::{
    Backend, DRAFT_PREFIX, Decoded, DraftRecord, DraftSummary, INDEX_KEY, Read, SESSION_KEY,
    StorageError, StorageProblem, Usage, draft_key, stored_size,
};
use crate::document::Document;
use crate::document::SCHEMA_VERSION;
use crate::review::Workflow;

/// The index: a cache of every draft's summary and of the records found unreadable.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
struct Index {
    drafts: Vec<DraftSummary>,
    #[serde(default)]
    quarantined: Vec<StorageProblem>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Session {
    open: Option<String>,
}

/// A draft opened for editing, or for viewing only.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub record: DraftRecord,
    /// Why it cannot be edited, when it cannot.
    pub read_only: Option<String>,
}

/// Why a draft could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("this draft no longer exists")]
    NotFound,
    #[error("this draft cannot be read ({0}); it is kept untouched and can be downloaded")]
    Quarantined(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Why a save did not happen. In every case the stored version is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{0}")]
    Storage(#[from] StorageError),
    #[error("this draft was changed in another tab")]
    Conflict { stored_generation: u64 },
    #[error("this draft was saved by a newer version of the app and is read-only here")]
    ReadOnly,
    #[error("the stored draft cannot be read, so it is not overwritten")]
    Unreadable,
}

/// Whether `backend` holds any stored draft, readable or not. Without one, a library
/// needs no [`Read`]: [`Drafts::empty`] is the whole of it.
pub fn has_drafts(backend: &impl Backend) -> Result<bool, StorageError> {
    Ok(backend.keys()?.iter().any(|key| key.starts_with(DRAFT_PREFIX)))
}

/// The drafts kept in a backend.
pub struct Drafts<B> {
    backend: B,
    index: Index,
    /// The session's open draft, as last written, to skip rewriting it on every save.
    session_open: Option<String>,
}

impl<B: Backend> Drafts<B> {
    /// Opens the library: reads the index and reconciles it with the draft keys. Entries
    /// without a record are dropped; records without an entry are read and listed, or
    /// quarantined when they cannot be read. A reconciled index is written back.
    pub fn open(backend: B, read: Read) -> Result<Self, StorageError> {
        let mut drafts = Self::empty(backend);
        drafts.refresh(read)?;
        Ok(drafts)
    }

    /// A library over `backend` that has not read it yet, e.g. a fresh in-memory one.
    pub fn empty(backend: B) -> Self {
        Self { backend, index: Index::default(), session_open: None }
    }

    /// Re-reads the index, the draft keys and the session from the backend, e.g. after
    /// another tab changed them.
    pub fn refresh(&mut self, read: Read) -> Result<(), StorageError> {
        let index_text = self.backend.get(INDEX_KEY)?;
        let mut index: Index = index_text
            .as_deref()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default();
        let before = index.clone();

        let keys: BTreeSet<String> =
            self.backend.keys()?.into_iter().filter(|key| key.starts_with(DRAFT_PREFIX)).collect();
        index.drafts.retain(|summary| keys.contains(&draft_key(&summary.id)));
        index.quarantined.retain(|problem| keys.contains(&problem.key));
        let known: BTreeSet<String> = index
            .drafts
            .iter()
            .map(|summary| draft_key(&summary.id))
            .chain(index.quarantined.iter().map(|problem| problem.key.clone()))
            .collect();
        for key in keys.difference(&known) {
            let Some(text) = self.backend.get(key)? else { continue };
            let size = stored_size(&text);
            match read(&text) {
                Decoded::Current { record, .. } if draft_key(&record.id) == *key => index.drafts.push(record.summary()),
                Decoded::Future { record: Some(record), schema_version } if draft_key(&record.id) == *key => {
                    let mut summary = record.summary();
                    summary.schema_version = u32::try_from(schema_version).unwrap_or(u32::MAX);
                    index.drafts.push(summary);
                }
                Decoded::Future { schema_version, .. } => index.quarantined.push(StorageProblem {
                    key: key.clone(),
                    reason: format!(
                        "saved by a newer version of the app (schema {schema_version}) in a shape this one cannot read"
                    ),
                    size,
                }),
                Decoded::Current { .. } => index.quarantined.push(StorageProblem {
                    key: key.clone(),
                    reason: "its id does not match its key".into(),
                    size,
                }),
                Decoded::Bad { reason } => index.quarantined.push(StorageProblem { key: key.clone(), reason, size }),
            }
        }

        self.session_open = self
            .backend
            .get(SESSION_KEY)?
            .and_then(|text| serde_json::from_str::<Session>(&text).ok())
            .and_then(|session| session.open);
        self.index = index;
        if self.index != before || index_text.is_none() {
            // A failed write leaves the old index, which the next start reconciles again.
            let _ = self.write_index();
        }
        Ok(())
    }

    /// Every draft, trashed ones included, most recently edited first.
    pub fn summaries(&self) -> Vec<DraftSummary> {
        let mut summaries = self.index.drafts.clone();
        crate::order::sort_by(&mut summaries, |a, b| {
            b.updated_at.cmp(&a.updated_at).then_with(|| a.id.cmp(&b.id))
        });
        summaries
    }

    /// Records that cannot be read, kept untouched.
    pub fn problems(&self) -> &[StorageProblem] {
        &self.index.quarantined
    }

    /// The draft that was open when the app was last used.
    pub fn last_open(&self) -> Option<&str> {
        self.session_open.as_deref()
    }

    /// Opens a draft. A record that cannot be read is quarantined; one from a newer app is
    /// opened read-only.
    pub fn load(&mut self, id: &str, read: Read) -> Result<Loaded, LoadError> {
        let key = draft_key(id);
        let text = self.backend.get(&key)?.ok_or(LoadError::NotFound)?;
        match read(&text) {
            Decoded::Current { record, .. } => {
                self.note_summary(record.summary());
                Ok(Loaded { record, read_only: None })
            }
            Decoded::Future { record: Some(record), schema_version } => Ok(Loaded {
                record,
                read_only: Some(format!(
                    "This draft was saved by a newer version of Model Card Studio (schema {schema_version}; this app reads up to {SCHEMA_VERSION}). \
                     It is open read-only so nothing in it is lost. Update the app to edit it."
                )),
            }),
            Decoded::Future { record: None, schema_version } => {
                let reason =
                    format!("saved by a newer version of the app (schema {schema_version})");
                self.quarantine(key, reason.clone(), stored_size(&text));
                Err(LoadError::Quarantined(reason))
            }
            Decoded::Bad { reason } => {
                self.quarantine(key, reason.clone(), stored_size(&text));
                Err(LoadError::Quarantined(reason))
            }
        }
    }

    /// Saves `record` as its next generation and marks it as the open draft.
    ///
    /// Nothing is written if the stored record is newer (another tab saved it), from a
    /// newer app, or unreadable. The draft is written before the index, so a crash in
    /// between leaves an index that lacks the newest summary, never one that points at
    /// nothing; and a failed write leaves both the stored version and `record` as they were.
    pub fn save(&mut self, record: &mut DraftRecord, now: u64) -> Result<(), SaveError> {
        let key = draft_key(&record.id);
        if let Some(stored) = self.backend.get(&key)? {
            let head: RecordHead =
                serde_json::from_str(&stored).map_err(|_| SaveError::Unreadable)?;
            check_generation(head.schema_version, head.generation, record.generation)?;
        }
        let mut next = record.clone();
        next.schema_version = SCHEMA_VERSION;
        next.generation += 1;
        next.updated_at = now;
        self.backend.set(&key, &next)?;
        *record = next;
        self.note_summary(record.summary());
        self.set_open(&record.id);
        Ok(())
    }

    /// Creates and saves a new draft.
    pub fn create(
        &mut self,
        id: &str,
        card: crate::card::Card,
        workflow: Workflow,
        now: u64,
    ) -> Result<DraftRecord, SaveError> {
        self.create_document(id, Document { card, workflow, source: None }, now)
    }

    /// Creates a draft from a whole document, the README it came from included.
    pub fn create_document(
        &mut self,
        id: &str,
        document: Document,
        now: u64,
    ) -> Result<DraftRecord, SaveError> {
        let mut record = DraftRecord::new(id, document.card, document.workflow, now);
        record.source = document.source;
        self.save(&mut record, now)?;
        Ok(record)
    }

    /// Copies a draft under a new id, as a fresh draft named "… (copy)".
    pub fn duplicate(
        &mut self,
        id: &str,
        new_id: &str,
        now: u64,
        read: Read,
    ) -> Result<DraftRecord, DraftOpError> {
        let loaded = self.load(id, read)?;
        let mut card = loaded.record.card;
        card.model_details.name = format!("{} (copy)", card.model_details.name.trim());
        // A copy keeps the README it came from, so its export keeps that layout too.
        let document =
            Document { card, workflow: Workflow::default(), source: loaded.record.source };
        Ok(self.create_document(new_id, document, now)?)
    }

    /// Renames a draft that is not open (the open one is renamed through the editor).
    pub fn rename(
        &mut self,
        id: &str,
        name: &str,
        now: u64,
        read: Read,
    ) -> Result<DraftRecord, DraftOpError> {
        self.change(id, now, read, |record| record.card.model_details.name = name.to_owned())
    }

    /// Moves a draft to the trash. It stays there, whole, until the trash is emptied.
    pub fn trash(&mut self, id: &str, now: u64, read: Read) -> Result<DraftRecord, DraftOpError> {
        self.change(id, now, read, |record| record.deleted_at = Some(now))
    }

    /// Takes a draft out of the trash.
    pub fn restore(&mut self, id: &str, now: u64, read: Read) -> Result<DraftRecord, DraftOpError> {
        self.change(id, now, read, |record| record.deleted_at = None)
    }

    fn change(
        &mut self,
        id: &str,
        now: u64,
        read: Read,
        edit: impl FnOnce(&mut DraftRecord),
    ) -> Result<DraftRecord, DraftOpError> {
        let loaded = self.load(id, read)?;
        if loaded.read_only.is_some() {
            return Err(SaveError::ReadOnly.into());
        }
        let mut record = loaded.record;
        edit(&mut record);
        self.save(&mut record, now)?;
        Ok(record)
    }

    /// Deletes a trashed draft for good. The index entry goes first, so a crash in between
    /// leaves an unlisted record, which the next start finds and lists again.
    pub fn delete_forever(&mut self, id: &str) -> Result<(), StorageError> {
        self.index.drafts.retain(|summary| summary.id != id);
        self.write_index()?;
        self.backend.remove(&draft_key(id))?;
        if self.session_open.as_deref() == Some(id) {
            self.session_open = None;
            self.backend.remove(SESSION_KEY)?;
        }
        Ok(())
    }

    /// Deletes every trashed draft for good; returns how many.
    pub fn empty_trash(&mut self) -> Result<usize, StorageError> {
        let trashed: Vec<String> =
            self.index.drafts.iter().filter(|s| s.in_trash()).map(|s| s.id.clone()).collect();
        for id in &trashed {
            self.delete_forever(id)?;
        }
        Ok(trashed.len())
    }

    /// Deletes a quarantined record. Only ever done at the user's explicit request.
    pub fn delete_problem(&mut self, key: &str) -> Result<(), StorageError> {
        if !self.index.quarantined.iter().any(|problem| problem.key == key) {
            return Ok(());
        }
        self.index.quarantined.retain(|problem| problem.key != key);
        self.write_index()?;
        self.backend.remove(key)
    }

    /// The stored text of a key of ours, e.g. a quarantined record to download.
    pub fn raw(&self, key: &str) -> Result<Option<String>, StorageError> {
        if !key.starts_with(super::PREFIX) {
            return Ok(None);
        }
        self.backend.get(key)
    }

    /// Remembers which draft is open, so a reload reopens it.
    pub fn set_open(&mut self, id: &str) {
        if self.session_open.as_deref() == Some(id) {
            return;
        }
        if self.backend.set(SESSION_KEY, &Session { open: Some(id.to_owned()) }).is_ok() {
            self.session_open = Some(id.to_owned());
        }
    }

    /// How much storage this origin uses, and how much of it is ours.
    pub fn usage(&self) -> Result<Usage, StorageError> {
        let mut usage = Usage::default();
        for key in self.backend.keys()? {
            let size =
                stored_size(&key) + self.backend.get(&key)?.as_deref().map_or(0, stored_size);
            usage.total += size;
            if key.starts_with(super::PREFIX) {
                usage.ours += size;
            }
        }
        Ok(usage)
    }

    /// Every readable draft, in full, for a backup.
    pub fn all_records(&self, read: Read) -> Result<Vec<DraftRecord>, StorageError> {
        let mut records = Vec::new();
        for summary in &self.index.drafts {
            if let Some(text) = self.backend.get(&draft_key(&summary.id))?
                && let Decoded::Current { record, .. } = read(&text)
            {
                records.push(record);
            }
        }
        Ok(records)
    }

    /// Writes a record as it is (its generation included), for restoring a backup.
    pub(super) fn put(&mut self, record: &DraftRecord) -> Result<(), StorageError> {
        self.backend.set(&draft_key(&record.id), record)?;
        self.note_summary(record.summary());
        Ok(())
    }

    /// The summaries by id, for planning a restore.
    pub(super) fn summaries_by_id(&self) -> BTreeMap<&str, &DraftSummary> {
        self.index.drafts.iter().map(|summary| (summary.id.as_str(), summary)).collect()
    }

    /// The generation now stored for a draft, if it can be read; for noticing saves made
    /// by another tab.
    pub fn stored_generation(&self, id: &str) -> Option<u64> {
        let text = self.backend.get(&draft_key(id)).ok()??;
        serde_json::from_str::<RecordHead>(&text).ok().map(|head| head.generation)
    }

    /// The backend, for tests that inspect what was written.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    fn note_summary(&mut self, summary: DraftSummary) {
        match self.index.drafts.iter_mut().find(|entry| entry.id == summary.id) {
            Some(entry) if *entry == summary => return,
            Some(entry) => *entry = summary,
            None => self.index.drafts.push(summary),
        }
        // The draft itself is already stored; a failed index write is repaired at next start.
        let _ = self.write_index();
    }

    fn quarantine(&mut self, key: String, reason: String, size: usize) {
        let id = key.strip_prefix(DRAFT_PREFIX).unwrap_or_default().to_owned();
        self.index.drafts.retain(|summary| summary.id != id);
        if !self.index.quarantined.iter().any(|problem| problem.key == key) {
            self.index.quarantined.push(StorageProblem { key, reason, size });
        }
        let _ = self.write_index();
    }

    fn write_index(&mut self) -> Result<(), StorageError> {
        self.backend.set(INDEX_KEY, &self.index)
    }
}

/// The rule that stops an older tab from overwriting newer work: a save based on
/// generation `base` may replace a stored record only if that record is not newer, and
/// was written by an app that understands this schema.
pub fn check_generation(
    stored_schema: u64,
    stored_generation: u64,
    base: u64,
) -> Result<(), SaveError> {
    if stored_schema > u64::from(SCHEMA_VERSION) {
        return Err(SaveError::ReadOnly);
    }
    if stored_generation > base {
        return Err(SaveError::Conflict { stored_generation });
    }
    Ok(())
}

/// Why an operation on a stored draft failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftOpError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Save(#[from] SaveError),
}

mod space;

pub use space::SnapshotsDropped;

#[cfg(test)]
mod tests;
