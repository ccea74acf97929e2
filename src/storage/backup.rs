//! "Download all drafts" and "Restore from backup": one JSON bundle of every draft, and
//! a restore that shows what it will add and replace before it writes anything, and
//! never replaces a newer draft.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Backend, Decoded, DraftRecord, Drafts, Read, StorageError};
use crate::document::SCHEMA_VERSION;

/// Names the file format, so a restore can refuse files that are not backups.
pub const FORMAT: &str = "model-card-studio/backup";

#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    schema_version: u32,
    created_at: u64,
    drafts: &'a [DraftRecord],
}

#[derive(Deserialize)]
struct BundleIn {
    format: String,
    drafts: Vec<Value>,
}

/// Every readable draft, trashed ones included, as one JSON bundle.
pub fn bundle<B: Backend>(
    drafts: &Drafts<B>,
    now: u64,
    read: Read,
) -> Result<String, StorageError> {
    let records = drafts.all_records(read)?;
    let bundle = BundleOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        created_at: now,
        drafts: &records,
    };
    let compact = serde_json::to_string(&bundle).map_err(|e| StorageError::Other(e.to_string()))?;
    Ok(crate::document::prettify(&compact))
}

/// What a restore will do with one draft of the backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreAction {
    /// Not in this browser: added.
    Add,
    /// Older here than in the backup: replaced by the backup's version.
    Replace,
    /// The same here and in the backup: nothing to do.
    Unchanged,
    /// Newer here than in the backup: kept as it is.
    KeepNewer,
    /// Changed both here and in the backup since they parted: the backup's version is
    /// added as a copy, so neither is lost.
    AddCopy,
}

impl RestoreAction {
    /// What the restore does with one draft, as its line in the plan says after the name.
    pub fn effect(self) -> &'static str {
        match self {
            Self::Add => "added",
            Self::Replace => "replaces the older version here",
            Self::Unchanged => "already here, unchanged",
            Self::KeepNewer => "kept as it is here: the version here is newer",
            Self::AddCopy => "changed both here and in the backup: added as a copy",
        }
    }
}

/// One line of the restore plan.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoreItem {
    pub action: RestoreAction,
    pub record: DraftRecord,
}

/// What a restore will do, shown to the user before anything is written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RestorePlan {
    pub items: Vec<RestoreItem>,
    /// Drafts in the backup that could not be read, with why.
    pub skipped: Vec<String>,
}

impl RestorePlan {
    pub fn count(&self, action: RestoreAction) -> usize {
        self.items.iter().filter(|item| item.action == action).count()
    }

    /// The plan in one sentence: "2 added, 1 replaced, 0 kept because they are newer
    /// here, 0 added as copies, 3 unchanged."
    pub fn summary(&self) -> String {
        format!(
            "{} added, {} replaced, {} kept because they are newer here, {} added as copies, {} unchanged.",
            self.count(RestoreAction::Add),
            self.count(RestoreAction::Replace),
            self.count(RestoreAction::KeepNewer),
            self.count(RestoreAction::AddCopy),
            self.count(RestoreAction::Unchanged),
        )
    }

    /// Whether applying the plan would write anything.
    pub fn writes(&self) -> bool {
        self.items.iter().any(|item| {
            matches!(
                item.action,
                RestoreAction::Add | RestoreAction::Replace | RestoreAction::AddCopy
            )
        })
    }
}

/// Why a file is not a backup we can restore.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("not a Model Card Studio backup: {0}")]
    NotABackup(String),
}

/// Works out what restoring `text` would do, without writing anything.
pub fn plan<B: Backend>(
    drafts: &Drafts<B>,
    text: &str,
    read: Read,
) -> Result<RestorePlan, BackupError> {
    let bundle: BundleIn =
        serde_json::from_str(text).map_err(|e| BackupError::NotABackup(e.to_string()))?;
    if bundle.format != FORMAT {
        return Err(BackupError::NotABackup(format!("its format is \"{}\"", bundle.format)));
    }
    let local = drafts.summaries_by_id();
    let mut plan = RestorePlan::default();
    for (position, value) in bundle.drafts.into_iter().enumerate() {
        let record = match read(&value.to_string()) {
            Decoded::Current { record, .. } => record,
            Decoded::Future { schema_version, .. } => {
                plan.skipped.push(format!(
                    "draft {} was saved by a newer app (schema {schema_version})",
                    position + 1
                ));
                continue;
            }
            Decoded::Bad { reason } => {
                plan.skipped.push(format!("draft {}: {reason}", position + 1));
                continue;
            }
        };
        let action = match local.get(record.id.as_str()) {
            None => RestoreAction::Add,
            Some(here) if here.is_read_only() => RestoreAction::KeepNewer,
            Some(here) if here.generation < record.generation => RestoreAction::Replace,
            Some(here) if here.generation > record.generation => RestoreAction::KeepNewer,
            Some(here) if here.updated_at == record.updated_at => RestoreAction::Unchanged,
            Some(_) => RestoreAction::AddCopy,
        };
        plan.items.push(RestoreItem { action, record });
    }
    Ok(plan)
}

/// Applies a plan. `new_id` names the copies. Returns how many drafts were written.
pub fn apply<B: Backend>(
    drafts: &mut Drafts<B>,
    plan: &RestorePlan,
    mut new_id: impl FnMut() -> String,
) -> Result<usize, StorageError> {
    let mut written = 0;
    for item in &plan.items {
        match item.action {
            RestoreAction::Add | RestoreAction::Replace => drafts.put(&item.record)?,
            RestoreAction::AddCopy => {
                let mut copy = item.record.clone();
                copy.id = new_id();
                copy.card.model_details.name =
                    format!("{} (from backup)", copy.card.model_details.name.trim());
                drafts.put(&copy)?;
            }
            RestoreAction::Unchanged | RestoreAction::KeepNewer => continue,
        }
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::Card;
    use crate::review::Workflow;
    use crate::storage::{MemoryBackend, decode};

    fn card(name: &str) -> Card {
        let mut card = Card::default();
        card.model_details.name = name.into();
        card
    }

    #[test]
    fn the_plan_says_what_it_will_do_before_anything_is_written() {
        let item = |action| RestoreItem {
            action,
            record: DraftRecord::new("a", card("A"), Workflow::default(), 1),
        };
        let plan = RestorePlan {
            items: vec![
                item(RestoreAction::Add),
                item(RestoreAction::Add),
                item(RestoreAction::Replace),
                item(RestoreAction::AddCopy),
                item(RestoreAction::Unchanged),
            ],
            skipped: vec![],
        };
        assert_eq!(
            plan.summary(),
            "2 added, 1 replaced, 0 kept because they are newer here, 1 added as copies, 1 unchanged."
        );
        assert_eq!(
            RestoreAction::KeepNewer.effect(),
            "kept as it is here: the version here is newer"
        );
        assert_eq!(RestoreAction::Add.effect(), "added");
    }

    #[test]
    fn a_backup_restores_into_an_empty_browser() {
        let mut here = Drafts::open(MemoryBackend::default(), decode).unwrap();
        here.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
        here.create("b", card("Beta"), Workflow::default(), 2).unwrap();
        here.trash("b", 3, decode).unwrap();
        let text = bundle(&here, 10, decode).unwrap();

        let mut elsewhere = Drafts::open(MemoryBackend::default(), decode).unwrap();
        let plan = plan(&elsewhere, &text, decode).unwrap();
        assert_eq!(plan.count(RestoreAction::Add), 2);
        assert_eq!(apply(&mut elsewhere, &plan, || unreachable!()).unwrap(), 2);
        assert_eq!(
            elsewhere.summaries(),
            here.summaries(),
            "trash state and generations come back too"
        );
    }

    #[test]
    fn never_replaces_a_newer_draft_and_keeps_both_when_they_diverged() {
        let mut here = Drafts::open(MemoryBackend::default(), decode).unwrap();
        let mut a = here.create("a", card("A1"), Workflow::default(), 1).unwrap();
        here.create("b", card("B1"), Workflow::default(), 2).unwrap();
        here.create("c", card("C1"), Workflow::default(), 3).unwrap();
        here.create("d", card("D1"), Workflow::default(), 4).unwrap();
        let backup = bundle(&here, 5, decode).unwrap();

        // After the backup, a moves on here, so it is newer here; b stays the same.
        a.card = card("A2");
        here.save(&mut a, 6).unwrap();
        // c moves on in the backup's lineage only, so the backup is newer for c.
        let mut newer_backup: serde_json::Value = serde_json::from_str(&backup).unwrap();
        for draft in newer_backup["drafts"].as_array_mut().unwrap() {
            if draft["id"] == "c" {
                draft["generation"] = 5.into();
                draft["card"]["model_details"]["name"] = "C-backup".into();
            }
            if draft["id"] == "d" {
                draft["updated_at"] = 99.into();
                draft["card"]["model_details"]["name"] = "D-backup".into();
            }
        }
        // ...and d changed in the backup at the same generation: they diverged.

        let plan = plan(&here, &newer_backup.to_string(), decode).unwrap();
        let action = |id: &str| plan.items.iter().find(|s| s.record.id == id).unwrap().action;
        assert_eq!(action("a"), RestoreAction::KeepNewer);
        assert_eq!(action("b"), RestoreAction::Unchanged);
        assert_eq!(action("c"), RestoreAction::Replace);
        assert_eq!(action("d"), RestoreAction::AddCopy);

        let mut ids = 0;
        apply(&mut here, &plan, || {
            ids += 1;
            format!("copy-{ids}")
        })
        .unwrap();
        let names: Vec<String> = here.summaries().into_iter().map(|s| s.name).collect();
        for expected in ["A2", "B1", "C-backup", "D1", "D-backup (from backup)"] {
            assert!(names.contains(&expected.to_owned()), "{expected} missing from {names:?}");
        }
    }

    #[test]
    fn refuses_files_that_are_not_backups() {
        let here = Drafts::open(MemoryBackend::default(), decode).unwrap();
        assert!(plan(&here, "{\"schema_version\": 2, \"card\": {}}", decode).is_err());
        assert!(plan(&here, "{\"format\": \"something-else\", \"drafts\": []}", decode).is_err());
        let with_bad = format!("{{\"format\": \"{FORMAT}\", \"drafts\": [{{\"id\": 1}}]}}");
        assert_eq!(plan(&here, &with_bad, decode).unwrap().skipped.len(), 1);
    }

    /// What the crash fallback (`js/crash.js`) writes: each record as the exact text
    /// stored, pretty or not, and one that is not JSON as a JSON string.
    #[test]
    fn restores_the_crash_fallback_s_file() {
        let record = DraftRecord::new("a", card("Alpha"), Workflow::default(), 7);
        let stored = serde_json::to_string(&record).unwrap();
        let file = format!(
            "{{\n  \"format\": \"{FORMAT}\",\n  \"schema_version\": 4,\n  \"created_at\": 9,\n  \"drafts\": [\n    {stored},\n    {}\n  ]\n}}\n",
            serde_json::to_string("{\"id\": \"broken\", \"card\": ").unwrap()
        );
        let here = Drafts::open(MemoryBackend::default(), decode).unwrap();
        let plan = plan(&here, &file, decode).unwrap();
        assert_eq!(plan.count(RestoreAction::Add), 1);
        assert_eq!(plan.items[0].record, record);
        assert_eq!(
            plan.skipped.len(),
            1,
            "the corrupt record is listed, not lost: {:?}",
            plan.skipped
        );
    }
}
