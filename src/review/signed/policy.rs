//! The approvals a card needs, and whether the signed reviews it has meet them.
//!
//! A policy names roles that must each give one approval ("Safety", "Legal") and/or a
//! number of trusted reviewers who must approve. Only verified signatures on the
//! current content, by trusted reviewers (pinned by fingerprint), in the role the author
//! trusted them for, count; each reviewer counts once, by their latest review of that
//! content. An empty policy is the rule from before signatures: any one approval of the
//! current content, signed or not.

use serde::{Deserialize, Serialize};

use super::identity::{PublicIdentity, short};
use super::verify::Verified;
use crate::review::Decision;

/// What a card needs before it is approved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ApprovalPolicy {
    /// One signed approval from a trusted reviewer in each of these roles.
    pub roles: Vec<String>,
    /// At least this many trusted reviewers' signed approvals.
    pub trusted_approvals: u32,
}

impl ApprovalPolicy {
    /// Whether only signed approvals count.
    pub fn requires_signatures(&self) -> bool {
        self.trusted_approvals > 0 || self.roles.iter().any(|role| !role.trim().is_empty())
    }

    pub fn is_empty(&self) -> bool {
        !self.requires_signatures()
    }

    /// "one approval each from Safety and Legal, and 2 trusted reviewers".
    pub fn describe(&self) -> String {
        let roles: Vec<&str> =
            self.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect();
        let mut parts = Vec::new();
        match roles.as_slice() {
            [] => {}
            [one] => parts.push(format!("a signed approval from {one}")),
            [rest @ .., last] => {
                parts.push(format!("a signed approval each from {} and {last}", rest.join(", ")))
            }
        }
        match self.trusted_approvals {
            0 => {}
            1 => parts.push("1 trusted reviewer's signed approval".to_owned()),
            n => parts.push(format!("{n} trusted reviewers' signed approvals")),
        }
        if parts.is_empty() {
            "one approval, signed or not".to_owned()
        } else {
            parts.join(", and ")
        }
    }
}

/// A reviewer whose approval counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub name: String,
    pub role: String,
    pub fingerprint: String,
    /// Milliseconds since the epoch.
    pub at: u64,
}

/// Why a verified review does not count.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Ignored {
    #[error("{name}'s review is for an earlier version")]
    EarlierVersion { name: String },
    #[error("{name} (key {fingerprint}) is not a trusted reviewer")]
    NotTrusted { name: String, fingerprint: String },
    #[error("{name} signed as {signed}, but is trusted as {trusted}")]
    RoleDiffers { name: String, signed: String, trusted: String },
    #[error("{name} reviewed this content again later")]
    Superseded { name: String },
}

/// What is still missing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unmet {
    #[error("needs a signed approval from {0}")]
    Role(String),
    #[error("needs {needed} trusted reviewers' signed approvals, has {have}")]
    TrustedApprovals { needed: u32, have: usize },
    #[error("{0} requested changes")]
    ChangesRequested(String),
    #[error("needs an approval")]
    NoApproval,
}

/// The verdict of a policy over a card's reviews.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyOutcome {
    pub counted: Vec<Counted>,
    pub ignored: Vec<Ignored>,
    pub unmet: Vec<Unmet>,
}

impl PolicyOutcome {
    pub fn is_met(&self) -> bool {
        self.unmet.is_empty()
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Judges the verified signed reviews (and, for an empty policy, the number of unsigned
/// approvals of the current content) against the policy.
pub fn evaluate(
    policy: &ApprovalPolicy,
    trusted: &[PublicIdentity],
    content_hash: &str,
    signed: &[Verified],
    unsigned_approvals: usize,
) -> PolicyOutcome {
    let mut outcome = PolicyOutcome::default();
    // The latest review per key of this content, by time, then by position.
    let mut latest: Vec<(&Verified, &PublicIdentity)> = Vec::new();
    for review in signed {
        let statement = review.statement();
        let name = statement.predicate.reviewer.name.clone();
        if statement.content_hash() != content_hash {
            outcome.ignored.push(Ignored::EarlierVersion { name });
            continue;
        }
        let fingerprint = &review.signer().fingerprint;
        let Some(identity) = trusted.iter().find(|t| &t.fingerprint == fingerprint) else {
            outcome.ignored.push(Ignored::NotTrusted { name, fingerprint: short(fingerprint) });
            continue;
        };
        let signed_role = &statement.predicate.reviewer.role;
        if !same(signed_role, &identity.role) {
            outcome.ignored.push(Ignored::RoleDiffers {
                name,
                signed: signed_role.clone(),
                trusted: identity.role.clone(),
            });
            continue;
        }
        match latest.iter_mut().find(|(r, _)| &r.signer().fingerprint == fingerprint) {
            Some(slot) if slot.0.statement().reviewed_at_ms() <= statement.reviewed_at_ms() => {
                outcome.ignored.push(Ignored::Superseded {
                    name: slot.0.statement().predicate.reviewer.name.clone(),
                });
                *slot = (review, identity);
            }
            Some(_) => outcome.ignored.push(Ignored::Superseded { name }),
            None => latest.push((review, identity)),
        }
    }
    for (review, identity) in latest {
        let statement = review.statement();
        match statement.predicate.decision {
            Decision::RequestChanges => {
                outcome.unmet.push(Unmet::ChangesRequested(identity.name.clone()))
            }
            Decision::Approve => outcome.counted.push(Counted {
                name: identity.name.clone(),
                role: identity.role.clone(),
                fingerprint: identity.fingerprint.clone(),
                at: statement.reviewed_at_ms(),
            }),
        }
    }
    if policy.requires_signatures() {
        for role in policy.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            if !outcome.counted.iter().any(|c| same(&c.role, role)) {
                outcome.unmet.push(Unmet::Role(role.to_owned()));
            }
        }
        let have = outcome.counted.len();
        if have < policy.trusted_approvals as usize {
            outcome.unmet.push(Unmet::TrustedApprovals { needed: policy.trusted_approvals, have });
        }
    } else if outcome.counted.is_empty() && unsigned_approvals == 0 {
        outcome.unmet.push(Unmet::NoApproval);
    }
    outcome
}
