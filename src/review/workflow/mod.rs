//! The rules of the workflow: which status changes are allowed, and the operations that
//! make them (submit, review, unlock, publish, …), each recording history.

use super::canonical::content_hash;
use super::checklist::{self, ChecklistItem};
use super::{
    Approval, Approver, Decision, Event, EventKind, Publication, Review, SectionComment, Snapshot,
    SnapshotKind, Status, Workflow,
};
use crate::card::Card;
use crate::card::completeness::{Completeness, Missing};
use crate::display::date;

/// Edits less than this far apart are one "edited" entry in the history.
const EDIT_COALESCE_MS: u64 = 10 * 60 * 1000;

/// What can happen to a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Submit,
    Withdraw,
    Approve,
    RequestChanges,
    /// "Edit (voids approval)": approved content becomes editable.
    Unlock,
    /// An edit made the content differ from what was approved.
    ContentChanged,
    /// The content is again exactly what was approved.
    ContentRestored,
    Publish,
    /// Start the next version of a published card.
    NextVersion,
    /// A newer version was published.
    Supersede,
    /// The approval no longer meets the policy (it changed, or a reviewer is no longer
    /// trusted): back to waiting for reviews.
    PolicyUnmet,
}

impl Action {
    pub const ALL: [Action; 11] = [
        Self::Submit,
        Self::Withdraw,
        Self::Approve,
        Self::RequestChanges,
        Self::Unlock,
        Self::ContentChanged,
        Self::ContentRestored,
        Self::Publish,
        Self::NextVersion,
        Self::Supersede,
        Self::PolicyUnmet,
    ];
}

/// The one table of allowed status changes. Everything not listed is forbidden.
pub fn next_status(from: Status, action: Action) -> Option<Status> {
    use Action as A;
    use Status as S;
    match (from, action) {
        (S::Draft, A::Submit) => Some(S::InReview),
        (S::InReview, A::Withdraw) => Some(S::Draft),
        (S::InReview | S::Approved, A::Approve) => Some(S::Approved),
        (S::InReview | S::Approved, A::RequestChanges) => Some(S::Draft),
        (S::Approved, A::Unlock) => Some(S::Approved),
        (S::Approved, A::ContentChanged) => Some(S::Draft),
        (S::Draft, A::ContentRestored) => Some(S::Approved),
        (S::Approved, A::Publish) => Some(S::Published),
        (S::Published, A::NextVersion) => Some(S::Draft),
        (S::Published, A::Supersede) => Some(S::Superseded),
        (S::Approved, A::PolicyUnmet) => Some(S::InReview),
        _ => None,
    }
}

/// Why a card cannot go to review yet. Each list names what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    #[error("only a draft can be submitted for review; this card is {0}")]
    WrongStatus(&'static str),
    #[error("not ready for review")]
    NotReady { missing: Vec<Missing>, open_checklist: Vec<&'static ChecklistItem> },
}

/// Why a review was not recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("a review needs the card to be in review; it is {0}")]
    WrongStatus(&'static str),
    #[error("give the reviewer's name")]
    MissingReviewer,
    #[error("give the reviewer's role")]
    MissingRole,
    #[error("say what needs to change: a comment is required to request changes")]
    MissingComment,
    #[error("this card cannot be published: {0}")]
    CannotPublish(&'static str),
    #[error("this action is not possible while the card is {0}")]
    NotAllowed(&'static str),
}

/// A review as the reviewer fills it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewInput {
    pub reviewer: String,
    pub role: String,
    pub decision: Decision,
    pub comment: String,
    pub section_comments: Vec<SectionComment>,
}

impl Workflow {
    /// The workflow of a new draft.
    pub fn created(now: u64) -> Self {
        Self { history: vec![Event { at: now, event: EventKind::Created }], ..Self::default() }
    }

    fn log(&mut self, at: u64, event: EventKind) {
        self.history.push(Event { at, event });
    }

    fn apply(&mut self, action: Action) -> Result<Status, &'static str> {
        let next = next_status(self.status, action).ok_or(self.status.label())?;
        self.status = next;
        Ok(next)
    }

    pub(in crate::review) fn keep_snapshot(
        &mut self,
        card: &Card,
        content_hash: &str,
        kind: SnapshotKind,
        at: u64,
    ) {
        match self.snapshots.iter_mut().find(|s| s.content_hash == content_hash) {
            Some(snapshot) => snapshot.taken.push((kind, at)),
            None => self.snapshots.push(Snapshot {
                content_hash: content_hash.to_owned(),
                card: card.clone(),
                taken: vec![(kind, at)],
            }),
        }
    }

    /// What still stands between this card and review.
    pub fn readiness(&self, card: &Card) -> (Vec<Missing>, Vec<&'static ChecklistItem>) {
        let missing = Completeness::assess(card).missing_required().cloned().collect();
        (missing, checklist::unanswered(&self.checklist))
    }

    /// Sends a draft to review: only when every required field is filled and every
    /// checklist item is answered. A new round of reviews starts.
    pub fn submit(&mut self, card: &Card, now: u64) -> Result<(), SubmitError> {
        if next_status(self.status, Action::Submit).is_none() {
            return Err(SubmitError::WrongStatus(self.status.label()));
        }
        let (missing, open_checklist) = self.readiness(card);
        if !missing.is_empty() || !open_checklist.is_empty() {
            return Err(SubmitError::NotReady { missing, open_checklist });
        }
        let content_hash = content_hash(card);
        self.status = Status::InReview;
        self.reviews.clear();
        self.approval = None;
        self.unlocked = false;
        self.keep_snapshot(card, &content_hash, SnapshotKind::Submitted, now);
        self.log(now, EventKind::Submitted { content_hash });
        Ok(())
    }

    /// Takes a card out of review, back to draft.
    pub fn withdraw(&mut self, now: u64) -> Result<(), ReviewError> {
        self.apply(Action::Withdraw).map_err(ReviewError::NotAllowed)?;
        self.log(now, EventKind::Withdrawn);
        Ok(())
    }

    /// Records a review. "Request changes" sends the card back to draft; "Approve" binds
    /// the approval to the content's hash (further approvals join it).
    pub fn review(&mut self, card: &Card, input: ReviewInput, now: u64) -> Result<(), ReviewError> {
        let action = match input.decision {
            Decision::Approve => Action::Approve,
            Decision::RequestChanges => Action::RequestChanges,
        };
        if next_status(self.status, action).is_none() {
            return Err(ReviewError::WrongStatus(self.status.label()));
        }
        let reviewer = input.reviewer.trim().to_owned();
        let role = input.role.trim().to_owned();
        if reviewer.is_empty() {
            return Err(ReviewError::MissingReviewer);
        }
        if role.is_empty() {
            return Err(ReviewError::MissingRole);
        }
        if input.decision == Decision::RequestChanges && input.comment.trim().is_empty() {
            return Err(ReviewError::MissingComment);
        }
        let content_hash = content_hash(card);
        let section_comments =
            input.section_comments.into_iter().filter(|c| !c.text.trim().is_empty()).collect();
        self.reviews.push(Review {
            reviewer: reviewer.clone(),
            role: role.clone(),
            decision: input.decision,
            comment: input.comment.trim().to_owned(),
            section_comments,
            at: now,
            content_hash: content_hash.clone(),
        });
        self.log(now, EventKind::Reviewed { reviewer: reviewer.clone(), decision: input.decision });
        if input.decision == Decision::Approve && self.policy.requires_signatures() {
            // Recorded, marked unsigned; only signed approvals meet this card's policy.
            return Ok(());
        }
        let _ = self.apply(action);
        match input.decision {
            Decision::RequestChanges => {
                self.approval = None;
                self.unlocked = false;
                self.log(now, EventKind::ChangesRequested { reviewer });
            }
            Decision::Approve => {
                let approver =
                    Approver { name: reviewer, role, at: now, fingerprint: String::new() };
                match &mut self.approval {
                    Some(approval) if approval.content_hash == content_hash => {
                        approval.reviewers.push(approver)
                    }
                    _ => {
                        self.approval = Some(Approval {
                            content_hash: content_hash.clone(),
                            approved_at: now,
                            reviewers: vec![approver],
                        });
                        self.keep_snapshot(card, &content_hash, SnapshotKind::Approved, now);
                        self.log(now, EventKind::Approved { content_hash });
                    }
                }
            }
        }
        Ok(())
    }

    /// "Edit (voids approval)": the approved content becomes editable. The approval is
    /// void as soon as the content differs, and back if the content returns to it.
    pub fn unlock(&mut self, now: u64) -> Result<(), ReviewError> {
        if self.unlocked {
            return Ok(());
        }
        self.apply(Action::Unlock).map_err(ReviewError::NotAllowed)?;
        self.unlocked = true;
        self.log(now, EventKind::Unlocked);
        Ok(())
    }

    /// Keeps the workflow current with an edit of the content: logs the edit (runs of
    /// edits become one entry) and voids or restores the approval by the content hash.
    pub fn content_edited(&mut self, card: &Card, now: u64) {
        match self.history.last_mut() {
            Some(Event { event: EventKind::Edited { count, until }, .. })
                if now.saturating_sub(*until) < EDIT_COALESCE_MS =>
            {
                *count += 1;
                *until = now;
            }
            _ => self.log(now, EventKind::Edited { count: 1, until: now }),
        }
        let Some(approval) = &self.approval else { return };
        let matches = approval.content_hash == content_hash(card);
        match (self.status, matches) {
            (Status::Approved, false) => {
                let _ = self.apply(Action::ContentChanged);
                self.log(now, EventKind::ApprovalVoided);
            }
            (Status::Draft, true) => {
                let _ = self.apply(Action::ContentRestored);
                self.log(now, EventKind::ApprovalRestored);
            }
            _ => {}
        }
    }

    /// Publishes the approved content: freezes its version (name and date) with the
    /// approval and the hash, and supersedes the previously published version.
    pub fn publish(&mut self, card: &Card, now: u64) -> Result<&Publication, ReviewError> {
        if next_status(self.status, Action::Publish).is_none() {
            return Err(ReviewError::CannotPublish("only an approved card can be published"));
        }
        let content_hash = content_hash(card);
        let approval = match &self.approval {
            Some(approval) if approval.content_hash == content_hash => approval.clone(),
            Some(_) => {
                return Err(ReviewError::CannotPublish(
                    "the content changed since it was approved",
                ));
            }
            None => return Err(ReviewError::CannotPublish("it has no approval")),
        };
        let version = card.model_details.version.name.trim().to_owned();
        if version.is_empty() {
            return Err(ReviewError::CannotPublish("it has no version name"));
        }
        let mut superseded = Vec::new();
        for publication in self.publications.iter_mut().filter(|p| p.superseded_at.is_none()) {
            publication.superseded_at = Some(now);
            superseded.push(publication.version.clone());
        }
        for version in superseded {
            self.log(now, EventKind::Superseded { version });
        }
        let date_given = card.model_details.version.date.trim();
        self.publications.push(Publication {
            version: version.clone(),
            date: if date_given.is_empty() { date(now) } else { date_given.to_owned() },
            content_hash: content_hash.clone(),
            published_at: now,
            approval,
            superseded_at: None,
        });
        self.status = Status::Published;
        self.unlocked = false;
        self.keep_snapshot(card, &content_hash, SnapshotKind::Published, now);
        self.log(now, EventKind::Published { version, content_hash });
        self.publications.last().ok_or(ReviewError::CannotPublish("it was not recorded"))
    }

    /// Starts the next version of a published card: a draft again, with a fresh review
    /// round. The published versions stay in the history.
    pub fn next_version(&mut self, now: u64) -> Result<(), ReviewError> {
        self.apply(Action::NextVersion).map_err(ReviewError::NotAllowed)?;
        self.approval = None;
        self.reviews.clear();
        self.checklist.clear();
        self.unlocked = false;
        self.log(now, EventKind::NextVersionStarted);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
