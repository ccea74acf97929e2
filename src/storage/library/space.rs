//! Freeing space in the library: dropping old kept versions from the stored drafts.
//! Emptying the trash is `Drafts::empty_trash`.

use super::{Backend, Drafts};
use crate::storage::{Decoded, Read, StorageError, draft_key};

/// What dropping old versions did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SnapshotsDropped {
    /// Drafts that had old versions.
    pub drafts: usize,
    /// Old versions dropped, in all.
    pub snapshots: usize,
}

impl<B: Backend> Drafts<B> {
    /// Drops old kept versions (`Workflow::drop_old_snapshots`: every approved and
    /// published one stays) from every stored draft but `except`, the draft open in the
    /// editor, whose workflow the editor holds and saves itself. Drafts from a newer app
    /// and unreadable records are left as they are. Each changed draft gets its next
    /// generation, so a tab that holds it open notices; its last edit stays the same.
    pub fn drop_old_snapshots(
        &mut self,
        except: Option<&str>,
        read: Read,
    ) -> Result<SnapshotsDropped, StorageError> {
        let ids: Vec<String> = self
            .index
            .drafts
            .iter()
            .filter(|summary| !summary.is_read_only() && Some(summary.id.as_str()) != except)
            .map(|summary| summary.id.clone())
            .collect();
        let mut dropped = SnapshotsDropped::default();
        for id in ids {
            let key = draft_key(&id);
            let Some(text) = self.backend.get(&key)? else { continue };
            let Decoded::Current { mut record, .. } = read(&text) else { continue };
            let count = record.workflow.drop_old_snapshots();
            if count == 0 {
                continue;
            }
            record.generation += 1;
            self.backend.set(&key, &record)?;
            self.note_summary(record.summary());
            dropped.drafts += 1;
            dropped.snapshots += count;
        }
        Ok(dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::filled_card;
    use crate::review::{Decision, ReviewInput, Tick, Workflow, checklist};
    use crate::storage::{MemoryBackend, decode};

    /// A workflow with two rounds sent back and one approved: three kept versions, one
    /// of them approved.
    fn reviewed_twice() -> Workflow {
        let mut workflow = Workflow::created(1);
        for item in checklist::CHECKLIST {
            checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
        }
        let mut card = filled_card();
        for (round, decision) in
            [Decision::RequestChanges, Decision::RequestChanges, Decision::Approve]
                .into_iter()
                .enumerate()
        {
            card.model_details.version.changes = format!("round {round}");
            workflow.submit(&card, 10 + round as u64).unwrap();
            let review = ReviewInput {
                reviewer: "Rita".into(),
                role: "Safety".into(),
                decision,
                comment: "Again.".into(),
                section_comments: vec![],
            };
            workflow.review(&card, review, 20 + round as u64).unwrap();
        }
        workflow
    }

    #[test]
    fn drops_old_versions_from_every_draft_but_the_open_one_and_frees_space() {
        let mut drafts = Drafts::open(MemoryBackend::default(), decode).unwrap();
        for id in ["a", "b", "open"] {
            drafts.create(id, filled_card(), reviewed_twice(), 5).unwrap();
        }
        let before = drafts.usage().unwrap();
        let generation = drafts.stored_generation("a").unwrap();

        let dropped = drafts.drop_old_snapshots(Some("open"), decode).unwrap();
        assert_eq!(dropped, SnapshotsDropped { drafts: 2, snapshots: 4 });
        assert!(drafts.usage().unwrap().ours < before.ours, "space was freed");
        let a = drafts.load("a", decode).unwrap().record;
        assert_eq!(a.workflow.snapshots.len(), 1, "the approved version stays");
        assert_eq!(a.updated_at, 5, "dropping old versions is not an edit");
        assert_eq!(drafts.stored_generation("a"), Some(generation + 1), "other tabs notice");
        assert_eq!(drafts.load("open", decode).unwrap().record.workflow.snapshots.len(), 3);
        assert_eq!(drafts.drop_old_snapshots(None, decode).unwrap().drafts, 1, "then the open one");
    }

    #[test]
    fn leaves_unreadable_and_newer_records_alone() {
        let mut backend = MemoryBackend::default();
        backend.insert_text(&draft_key("bad"), "{\"id\": \"bad\", \"card\": ").unwrap();
        let mut drafts = Drafts::open(backend, decode).unwrap();
        drafts.create("a", filled_card(), Workflow::default(), 1).unwrap();
        assert_eq!(drafts.drop_old_snapshots(None, decode).unwrap(), SnapshotsDropped::default());
        assert_eq!(drafts.problems().len(), 1, "the unreadable record is still quarantined");
    }
}
