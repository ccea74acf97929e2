//! The review workflow: where a card stands (draft, in review, approved, published), the
//! review checklist, the reviews, the approval bound to the content's hash, the
//! publications, and the append-only history with its snapshots. Pure data and rules;
//! the screens live in `ui`.

pub mod canonical;
pub mod checklist;
pub mod diff;
pub mod integrity;
mod retention;
pub mod signed;
pub mod steps;
mod text;
mod workflow;

use serde::{Deserialize, Serialize};

use crate::card::Card;
pub use checklist::{CHECKLIST, ChecklistEntry, ChecklistItem, Tick};
pub use integrity::{IntegrityFinding, is_hash};
pub use workflow::{Action, ReviewError, ReviewInput, SubmitError, next_status};

/// Where a card stands in the review workflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Approved,
    Published,
    /// A published version that a newer published version replaced.
    Superseded,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Self::Draft, Self::InReview, Self::Approved, Self::Published, Self::Superseded];

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::InReview => "In review",
            Self::Approved => "Approved",
            Self::Published => "Published",
            Self::Superseded => "Superseded",
        }
    }

    /// The stable id used in JSON and in the library's filter.
    pub fn id(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Approved => "approved",
            Self::Published => "published",
            Self::Superseded => "superseded",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.id() == id)
    }
}

/// A reviewer's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    RequestChanges,
}

impl Decision {
    pub fn label(self) -> &'static str {
        match self {
            Self::Approve => "Approve",
            Self::RequestChanges => "Request changes",
        }
    }
}

/// A comment about one section of the card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SectionComment {
    /// The section's slug, as in `card::fields::SECTIONS`.
    pub section: String,
    pub text: String,
}

/// One reviewer's review of one version of the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Review {
    pub reviewer: String,
    pub role: String,
    pub decision: Decision,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub section_comments: Vec<SectionComment>,
    /// Milliseconds since the epoch.
    pub at: u64,
    /// The content hash the reviewer saw.
    pub content_hash: String,
}

/// Who approved, when, and exactly what: the approval block of exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Approval {
    /// SHA-256 of the canonical content (see [`canonical`]).
    pub content_hash: String,
    pub approved_at: u64,
    pub reviewers: Vec<Approver>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Approver {
    pub name: String,
    pub role: String,
    pub at: u64,
    /// The key that signed this approval (`review::signed`); empty for an unsigned one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fingerprint: String,
}

/// One published version. It stays viewable, as published, after newer ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Publication {
    pub version: String,
    /// The version's date, `YYYY-MM-DD`.
    pub date: String,
    pub content_hash: String,
    pub published_at: u64,
    pub approval: Approval,
    /// When a newer version was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_at: Option<u64>,
}

impl Publication {
    pub fn status(&self) -> Status {
        if self.superseded_at.is_some() { Status::Superseded } else { Status::Published }
    }
}

/// What happened, in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    /// A run of edits, coalesced: `count` edits from `at` to `until`.
    Edited {
        count: u32,
        until: u64,
    },
    Submitted {
        content_hash: String,
    },
    Withdrawn,
    Reviewed {
        reviewer: String,
        decision: Decision,
    },
    ChangesRequested {
        reviewer: String,
    },
    Approved {
        content_hash: String,
    },
    /// "Edit (voids approval)" was chosen.
    Unlocked,
    /// The content changed after approval.
    ApprovalVoided,
    /// The content went back to exactly what was approved.
    ApprovalRestored,
    Published {
        version: String,
        content_hash: String,
    },
    Superseded {
        version: String,
    },
    NextVersionStarted,
}

/// One entry of the append-only history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Event {
    /// Milliseconds since the epoch.
    pub at: u64,
    pub event: EventKind,
}

/// Why a snapshot was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SnapshotKind {
    Submitted,
    Approved,
    Published,
}

/// A version of the content kept for history and diffs. Identical content is kept once:
/// a snapshot taken of content already kept only adds its `taken` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Snapshot {
    pub content_hash: String,
    pub card: Card,
    /// Every time this content was submitted, approved or published.
    pub taken: Vec<(SnapshotKind, u64)>,
}

/// Everything about a card that is not its content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Workflow {
    pub status: Status,
    pub checklist: Vec<ChecklistEntry>,
    /// The reviews of the current round.
    pub reviews: Vec<Review>,
    /// The approval in force, bound to a content hash.
    pub approval: Option<Approval>,
    /// "Edit (voids approval)" was chosen: approved content may be edited.
    pub unlocked: bool,
    pub publications: Vec<Publication>,
    pub history: Vec<Event>,
    pub snapshots: Vec<Snapshot>,
    /// Every signed review received, of this content or an earlier one (`signed`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signed_reviews: Vec<signed::SignedReview>,
    /// The reviewers the author trusts, pinned by fingerprint.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trusted: Vec<signed::PublicIdentity>,
    /// The approvals this card needs.
    #[serde(skip_serializing_if = "signed::ApprovalPolicy::is_empty")]
    pub policy: signed::ApprovalPolicy,
}

impl Workflow {
    /// Whether the content is locked against edits: while in review, once approved
    /// (until "Edit (voids approval)"), and once published.
    pub fn is_locked(&self) -> bool {
        match self.status {
            Status::InReview | Status::Published | Status::Superseded => true,
            Status::Approved => !self.unlocked,
            Status::Draft => false,
        }
    }

    /// The approval exists but the content no longer matches it.
    pub fn changed_since_approval(&self, card: &Card) -> bool {
        self.approval.as_ref().is_some_and(|a| a.content_hash != canonical::content_hash(card))
    }

    /// The kept content with this hash.
    pub fn snapshot(&self, content_hash: &str) -> Option<&Card> {
        self.snapshots.iter().find(|s| s.content_hash == content_hash).map(|s| &s.card)
    }

    /// The publication in force: the newest one not superseded.
    pub fn current_publication(&self) -> Option<&Publication> {
        self.publications.iter().rev().find(|p| p.superseded_at.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_ids_round_trip_and_match_the_json() {
        for status in Status::ALL {
            assert_eq!(Status::from_id(status.id()), Some(status));
            assert_eq!(serde_json::to_value(status).unwrap(), status.id());
        }
    }

    #[test]
    fn an_approval_that_does_not_match_the_content_is_not_trusted() {
        let card = crate::card::example::filled_card();
        let mut forged = Workflow { status: Status::Approved, ..Workflow::default() };
        let findings: Vec<String> =
            forged.integrity_findings(&card).iter().map(|f| format!("{}: {f}", f.path())).collect();
        assert_eq!(findings, ["workflow.status: says approved, but there is no approval"]);
        forged.approval =
            Some(Approval { content_hash: "0".repeat(64), approved_at: 1, reviewers: vec![] });
        let findings = forged.reconcile(&card);
        assert_eq!(findings[0].path(), "workflow.approval.content_hash");
        assert!(findings[0].to_string().starts_with("is 000"), "{findings:?}");
        assert_eq!(forged.status, Status::Draft);
        assert!(forged.approval.is_some(), "nothing is deleted");

        let honest = Approval {
            content_hash: canonical::content_hash(&card),
            approved_at: 1,
            reviewers: vec![],
        };
        let mut approved =
            Workflow { status: Status::Approved, approval: Some(honest), ..Workflow::default() };
        assert!(approved.reconcile(&card).is_empty());
        assert_eq!(approved.status, Status::Approved);
    }

    #[test]
    fn events_serialize_with_their_kind_as_the_key() {
        let event = Event {
            at: 5,
            event: EventKind::Published { version: "1.0".into(), content_hash: "ab".into() },
        };
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            serde_json::json!({"at": 5, "event": {"published": {"version": "1.0", "content_hash": "ab"}}})
        );
        let created = Event { at: 1, event: EventKind::Created };
        assert_eq!(
            serde_json::to_value(&created).unwrap(),
            serde_json::json!({"at": 1, "event": "created"})
        );
    }
}
