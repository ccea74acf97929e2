//! A review request: what the author sends the reviewer. It carries the card, the
//! checklist as the author answered it, the policy, and the last approved version (when
//! there is one) so the reviewer's app shows what changed since.

use serde::{Deserialize, Serialize};

use super::policy::ApprovalPolicy;
use super::{REQUEST_TYPE, SignedError};
use crate::card::Card;
use crate::review::canonical::content_hash;
use crate::review::diff::{FieldChange, diff};
use crate::review::{ChecklistEntry, SnapshotKind, Workflow};

/// A request to review one version of a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ReviewRequest {
    /// Always [`REQUEST_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The author's draft, named again in the signed review so it finds its way back.
    pub draft: String,
    /// Milliseconds since the epoch.
    pub requested_at: u64,
    /// The content hash of `card`, as the author's app computed it.
    pub content_hash: String,
    pub card: Card,
    #[serde(default)]
    pub checklist: Vec<ChecklistEntry>,
    #[serde(default, skip_serializing_if = "ApprovalPolicy::is_empty")]
    pub policy: ApprovalPolicy,
    /// The last approved version, to diff against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseVersion>,
}

/// An earlier, approved version of the card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct BaseVersion {
    pub content_hash: String,
    pub card: Card,
}

impl ReviewRequest {
    /// The request for this draft's current content.
    pub fn new(draft: &str, card: &Card, workflow: &Workflow, now: u64) -> Self {
        let hash = content_hash(card);
        Self {
            kind: REQUEST_TYPE.to_owned(),
            draft: draft.to_owned(),
            requested_at: now,
            content_hash: hash.clone(),
            card: card.clone(),
            checklist: workflow.checklist.clone(),
            policy: workflow.policy.clone(),
            base: last_approved(workflow, &hash),
        }
    }

    /// Reads a request, checked: its type, and hashes that match the cards they name.
    pub fn from_json(text: &str) -> Result<Self, SignedError> {
        let request: Self = serde_json::from_str(text)
            .map_err(|error| SignedError::Unreadable("review request", error.to_string()))?;
        request.check()?;
        Ok(request)
    }

    pub fn check(&self) -> Result<(), SignedError> {
        if self.kind != REQUEST_TYPE {
            return Err(SignedError::WrongType {
                what: "review request",
                expected: REQUEST_TYPE,
                found: self.kind.clone(),
            });
        }
        let actual = content_hash(&self.card);
        if actual != self.content_hash {
            return Err(SignedError::RequestAltered { stated: self.content_hash.clone(), actual });
        }
        if let Some(base) = &self.base {
            let actual = content_hash(&base.card);
            if actual != base.content_hash {
                return Err(SignedError::RequestAltered {
                    stated: base.content_hash.clone(),
                    actual,
                });
            }
        }
        Ok(())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What changed since the last approved version; empty when there is none.
    pub fn changes(&self) -> Vec<FieldChange> {
        self.base.as_ref().map(|base| diff(&base.card, &self.card)).unwrap_or_default()
    }
}

/// The newest approved or published content other than `current`.
pub fn last_approved(workflow: &Workflow, current: &str) -> Option<BaseVersion> {
    workflow
        .snapshots
        .iter()
        .filter(|s| s.content_hash != current)
        .filter_map(|s| {
            let approved_at = s
                .taken
                .iter()
                .filter(|(kind, _)| {
                    matches!(kind, SnapshotKind::Approved | SnapshotKind::Published)
                })
                .map(|(_, at)| *at)
                .max()?;
            Some((approved_at, s))
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, s)| BaseVersion { content_hash: s.content_hash.clone(), card: s.card.clone() })
}
