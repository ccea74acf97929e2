//! Which kept versions (snapshots) may go when storage runs short: every version that was
//! approved or published stays, and so does the latest submission, which the current or
//! last review round is about. The others are old drafts sent to review, and only diffs
//! use them.

use super::{SnapshotKind, Workflow};

impl Workflow {
    /// Drops the snapshots that were only ever submitted, except the latest submission.
    /// Returns how many were dropped. The history still records every submission.
    pub fn drop_old_snapshots(&mut self) -> usize {
        let latest_submission = self
            .snapshots
            .iter()
            .filter_map(|snapshot| {
                let submitted =
                    snapshot.taken.iter().filter(|(kind, _)| *kind == SnapshotKind::Submitted);
                submitted.map(|(_, at)| *at).max().map(|at| (at, snapshot.content_hash.clone()))
            })
            .max()
            .map(|(_, hash)| hash);
        let before = self.snapshots.len();
        self.snapshots.retain(|snapshot| {
            snapshot
                .taken
                .iter()
                .any(|(kind, _)| matches!(kind, SnapshotKind::Approved | SnapshotKind::Published))
                || latest_submission.as_deref() == Some(snapshot.content_hash.as_str())
        });
        before - self.snapshots.len()
    }
}

#[cfg(test)]
mod tests {
    use crate::card::example::filled_card;
    use crate::review::canonical::content_hash;
    use crate::review::{Decision, ReviewInput, Tick, Workflow, checklist};

    fn ready() -> Workflow {
        let mut workflow = Workflow::created(1);
        for item in checklist::CHECKLIST {
            checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
        }
        workflow
    }

    fn review(decision: Decision) -> ReviewInput {
        ReviewInput {
            reviewer: "Rita".into(),
            role: "Safety".into(),
            decision,
            comment: "More slices, please.".into(),
            section_comments: vec![],
        }
    }

    #[test]
    fn keeps_every_approved_and_published_version_and_the_latest_submission() {
        let mut workflow = ready();
        let mut card = filled_card();
        // Three rounds sent back with changes requested, then one approved and published,
        // then a fifth submission still in review.
        let mut rejected = Vec::new();
        for round in 0..3 {
            card.model_details.version.changes = format!("round {round}");
            workflow.submit(&card, 10 + round).unwrap();
            workflow.review(&card, review(Decision::RequestChanges), 20 + round).unwrap();
            rejected.push(content_hash(&card));
        }
        card.model_details.version.changes = "approved".into();
        workflow.submit(&card, 30).unwrap();
        workflow.review(&card, review(Decision::Approve), 31).unwrap();
        workflow.publish(&card, 32).unwrap();
        let published = content_hash(&card);
        workflow.next_version(33).unwrap();
        for item in checklist::CHECKLIST {
            checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
        }
        card.model_details.version.name = "2.0".into();
        workflow.submit(&card, 40).unwrap();
        let in_review = content_hash(&card);
        assert_eq!(workflow.snapshots.len(), 5);
        let history = workflow.history.clone();

        assert_eq!(workflow.drop_old_snapshots(), 3);
        let kept: Vec<&str> = workflow.snapshots.iter().map(|s| s.content_hash.as_str()).collect();
        assert_eq!(kept, [published.as_str(), in_review.as_str()]);
        assert!(rejected.iter().all(|hash| workflow.snapshot(hash).is_none()));
        assert_eq!(workflow.history, history, "the history is append-only and stays whole");
        assert_eq!(workflow.drop_old_snapshots(), 0, "nothing more to drop");
    }

    #[test]
    fn the_latest_submission_stays_after_changes_were_requested() {
        let mut workflow = ready();
        let mut card = filled_card();
        workflow.submit(&card, 10).unwrap();
        workflow.review(&card, review(Decision::RequestChanges), 11).unwrap();
        card.model_details.version.changes = "second try".into();
        workflow.submit(&card, 12).unwrap();
        workflow.review(&card, review(Decision::RequestChanges), 13).unwrap();
        assert_eq!(workflow.drop_old_snapshots(), 1);
        assert_eq!(workflow.snapshots.len(), 1);
        assert_eq!(workflow.snapshots[0].content_hash, content_hash(&card));
    }

    #[test]
    fn a_workflow_without_snapshots_has_nothing_to_drop() {
        assert_eq!(Workflow::default().drop_old_snapshots(), 0);
    }
}
