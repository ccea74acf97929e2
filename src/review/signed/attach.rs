//! How signed reviews, trusted reviewers and the policy join a card's workflow: attaching
//! a verified review to the draft it names, trusting an identity, and moving the status
//! when the policy is met (or changes are requested).

use super::identity::{PublicIdentity, short};
use super::policy::{self, ApprovalPolicy, PolicyOutcome};
use super::verify::Verified;
use super::{SignedError, SignedReview};
use crate::card::Card;
use crate::review::canonical::content_hash;
use crate::review::{
    Action, Approval, Approver, Decision, Event, EventKind, SnapshotKind, Status, Workflow,
    next_status,
};

/// What attaching a signed review did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attached {
    /// It covers the current content and counts toward the policy.
    Current { status: Status, outcome: PolicyOutcome },
    /// It covers an earlier version of this card (kept, shown with the diff; it does not
    /// count).
    EarlierVersion { content_hash: String },
}

/// Why a signed review was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachError {
    #[error("this signed review is not valid: {0}")]
    Invalid(#[from] SignedError),
    #[error("this review is for the card {review:?}, not {card:?}")]
    OtherCard { review: String, card: String },
    #[error(
        "this review covers content this draft never had (content {0}): it is for another copy of the card"
    )]
    UnknownContent(String),
    #[error(
        "{name}'s key ({fingerprint}) is not one of your trusted reviewers: import their identity first"
    )]
    NotTrusted { name: String, fingerprint: String },
    #[error(
        "the review is signed as {signed}, but you trusted this key as {trusted}: ask the reviewer which is right"
    )]
    IdentityDiffers { signed: String, trusted: String },
    #[error("this signed review is already attached")]
    AlreadyAttached,
}

/// Why an identity was not trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    #[error("{0}")]
    Invalid(#[from] SignedError),
    #[error("{0} is already trusted")]
    AlreadyTrusted(String),
}

impl Workflow {
    /// The signed reviews, checked as far as possible without their signatures (which
    /// this app verified when it attached them, and any reader verifies again).
    pub fn signed_as_stored(&self) -> Vec<Verified> {
        self.signed_reviews
            .iter()
            .filter_map(|signed| signed.prepare().ok()?.finish(true).ok())
            .collect()
    }

    /// The policy's verdict on this content, from the stored signed reviews and the
    /// unsigned approvals.
    pub fn policy_outcome(&self, card: &Card) -> PolicyOutcome {
        let hash = content_hash(card);
        let unsigned = self
            .reviews
            .iter()
            .filter(|r| r.decision == Decision::Approve && r.content_hash == hash)
            .count();
        policy::evaluate(&self.policy, &self.trusted, &hash, &self.signed_as_stored(), unsigned)
    }

    /// Attaches a verified signed review: it must name this card and cover its current
    /// content or a version this draft had, by a trusted reviewer. On the current
    /// content it counts: the card becomes Approved once the policy is met, or goes
    /// back to draft if the reviewer requested changes.
    pub fn attach_signed(
        &mut self,
        card: &Card,
        signed: SignedReview,
        verified: &Verified,
        now: u64,
    ) -> Result<Attached, AttachError> {
        let statement = verified.statement();
        let card_name = card.model_details.name.trim();
        if statement.predicate.card.name.trim() != card_name {
            return Err(AttachError::OtherCard {
                review: statement.predicate.card.name.clone(),
                card: card_name.to_owned(),
            });
        }
        let current = content_hash(card);
        let covered = statement.content_hash().to_owned();
        let earlier = covered != current;
        if earlier && self.snapshot(&covered).is_none() {
            return Err(AttachError::UnknownContent(short(&covered)));
        }
        let signer = verified.signer();
        let Some(trusted) = self.trusted.iter().find(|t| t.fingerprint == signer.fingerprint)
        else {
            return Err(AttachError::NotTrusted {
                name: signer.name.clone(),
                fingerprint: short(&signer.fingerprint),
            });
        };
        if trusted.name.trim() != signer.name.trim() || trusted.role.trim() != signer.role.trim() {
            return Err(AttachError::IdentityDiffers {
                signed: signer.describe(),
                trusted: trusted.describe(),
            });
        }
        if self.signed_reviews.iter().any(|s| s.envelope == signed.envelope) {
            return Err(AttachError::AlreadyAttached);
        }
        self.signed_reviews.push(signed);
        self.history.push(Event {
            at: now,
            event: EventKind::Reviewed {
                reviewer: signer.name.clone(),
                decision: statement.predicate.decision,
            },
        });
        if earlier {
            return Ok(Attached::EarlierVersion { content_hash: covered });
        }
        let outcome = self.apply_policy(card, now);
        Ok(Attached::Current { status: self.status, outcome })
    }

    /// Moves the status by the policy's verdict: in review or approved, a trusted
    /// reviewer's request for changes sends the card back to draft, and a met policy
    /// approves it, bound to the content hash, listing every counted signer.
    pub fn apply_policy(&mut self, card: &Card, now: u64) -> PolicyOutcome {
        let outcome = self.policy_outcome(card);
        if !matches!(self.status, Status::InReview | Status::Approved) {
            return outcome;
        }
        if let Some(name) = outcome.unmet.iter().find_map(|u| match u {
            policy::Unmet::ChangesRequested(name) => Some(name.clone()),
            _ => None,
        }) {
            if let Some(next) = next_status(self.status, Action::RequestChanges) {
                self.status = next;
                self.approval = None;
                self.unlocked = false;
                self.history
                    .push(Event { at: now, event: EventKind::ChangesRequested { reviewer: name } });
            }
            return outcome;
        }
        if !outcome.is_met() || outcome.counted.is_empty() {
            return outcome;
        }
        let hash = content_hash(card);
        let mut reviewers: Vec<Approver> = outcome
            .counted
            .iter()
            .map(|c| Approver {
                name: c.name.clone(),
                role: c.role.clone(),
                at: c.at,
                fingerprint: c.fingerprint.clone(),
            })
            .collect();
        match &mut self.approval {
            Some(approval) if approval.content_hash == hash => {
                // Unsigned approvers of the same content stay listed, marked by their
                // empty fingerprint.
                let unsigned = approval.reviewers.iter().filter(|a| a.fingerprint.is_empty());
                reviewers.extend(unsigned.cloned());
                approval.reviewers = reviewers;
            }
            _ => {
                self.approval =
                    Some(Approval { content_hash: hash.clone(), approved_at: now, reviewers });
                self.keep_snapshot(card, &hash, SnapshotKind::Approved, now);
                self.history
                    .push(Event { at: now, event: EventKind::Approved { content_hash: hash } });
            }
        }
        if let Some(next) = next_status(self.status, Action::Approve) {
            self.status = next;
        }
        outcome
    }

    /// Trusts a reviewer's public identity, pinned by its fingerprint.
    pub fn trust(&mut self, identity: PublicIdentity) -> Result<(), TrustError> {
        identity.check()?;
        if self.trusted.iter().any(|t| t.fingerprint == identity.fingerprint) {
            return Err(TrustError::AlreadyTrusted(identity.describe()));
        }
        self.trusted.push(identity);
        Ok(())
    }

    /// Stops trusting a key. Its signed reviews stay, but no longer count.
    pub fn distrust(&mut self, card: &Card, fingerprint: &str, now: u64) {
        self.trusted.retain(|t| t.fingerprint != fingerprint);
        self.revoke_if_unmet(card, now);
    }

    /// Sets the policy; an approval it no longer supports is withdrawn, and one it now
    /// supports is given.
    pub fn set_policy(&mut self, card: &Card, policy: ApprovalPolicy, now: u64) {
        self.policy = policy;
        self.revoke_if_unmet(card, now);
        self.apply_policy(card, now);
    }

    fn revoke_if_unmet(&mut self, card: &Card, now: u64) {
        if self.status == Status::Approved && !self.policy_outcome(card).is_met() {
            let Some(next) = next_status(self.status, Action::PolicyUnmet) else { return };
            self.status = next;
            self.approval = None;
            self.unlocked = false;
            self.history.push(Event { at: now, event: EventKind::ApprovalVoided });
        }
    }
}

impl Workflow {
    /// Every signed review and trusted identity that fails a check not needing the
    /// signature, with its path: what an import reports (`formats::import_any`) before
    /// the browser or `modelcard verify` checks the signatures themselves.
    pub fn signed_problems(&self) -> Vec<(String, SignedError)> {
        let mut problems = Vec::new();
        for (index, signed) in self.signed_reviews.iter().enumerate() {
            if let Err(error) = signed.prepare().and_then(|pending| pending.statement()) {
                problems.push((format!("workflow.signed_reviews[{index}]"), error));
            }
        }
        for (index, identity) in self.trusted.iter().enumerate() {
            if let Err(error) = identity.check() {
                problems.push((format!("workflow.trusted[{index}]"), error));
            }
        }
        problems
    }

    /// Takes out the signed reviews whose signatures did not verify (by index into
    /// `signed_reviews`, as the browser checked them after an import) and withdraws an
    /// approval that needed them. Returns what was taken out, to report.
    pub fn refuse_signed(&mut self, card: &Card, failed: &[usize], now: u64) -> Vec<SignedReview> {
        let mut refused = Vec::new();
        let mut index = 0;
        self.signed_reviews.retain(|signed| {
            let keep = !failed.contains(&index);
            index += 1;
            if !keep {
                refused.push(signed.clone());
            }
            keep
        });
        if !refused.is_empty() {
            self.revoke_if_unmet(card, now);
        }
        refused
    }
}
