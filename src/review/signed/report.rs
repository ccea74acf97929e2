//! What a reader is told about a card's reviews: one line per signer (verified, for an
//! earlier version, signature invalid, or unsigned) and the policy's verdict. The
//! signatures are checked by the caller's backend (`modelcard verify` natively, the
//! viewer with WebCrypto); this turns the results into the same words for both.

use super::identity::{PublicIdentity, grouped};
use super::policy::{self, PolicyOutcome};
use super::verify::Verified;
use super::{SignedError, SignedReview};
use crate::card::Card;
use crate::display::date;
use crate::review::canonical::content_hash;
use crate::review::{Decision, Workflow};

/// How one review stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The signature verified and covers the current content.
    Verified,
    /// The signature verified, for content other than the current.
    EarlierVersion { content_hash: String },
    /// The signature or the envelope failed, with the reason.
    Invalid(String),
    /// A review typed into the app, with no signature.
    Unsigned,
}

/// One reviewer's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerLine {
    /// As signed, or as the file claims when the signature failed.
    pub name: String,
    pub role: String,
    pub decision: Option<Decision>,
    /// `YYYY-MM-DD`, UTC.
    pub date: String,
    /// Full hex; empty for an unsigned review.
    pub fingerprint: String,
    /// Whether this key is one of the trusted reviewers.
    pub trusted: bool,
    pub standing: Standing,
}

impl SignerLine {
    pub fn is_counted_kind(&self) -> bool {
        self.standing == Standing::Verified
    }

    /// "Signed by Dana Reyes (Safety) (verified)", as the viewer shows it.
    pub fn headline(&self) -> String {
        let who = if self.role.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.role)
        };
        match &self.standing {
            Standing::Verified => format!("Signed by {who} (verified)"),
            Standing::EarlierVersion { .. } => {
                format!("Signed by {who} (verified), for an earlier version")
            }
            Standing::Invalid(_) => format!("{who}: signature invalid"),
            Standing::Unsigned => format!("{who}: unsigned"),
        }
    }
}

impl std::fmt::Display for SignerLine {
    /// `verified  Dana Reyes (Safety) approve 2026-11-27 key 3f2a 91c0 …: covers the current content`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let label = match self.standing {
            Standing::Verified => "verified",
            Standing::EarlierVersion { .. } => "earlier ",
            Standing::Invalid(_) => "INVALID ",
            Standing::Unsigned => "unsigned",
        };
        write!(f, "{label}  {} ({})", self.name, self.role)?;
        if let Some(decision) = self.decision {
            write!(f, " {}", decision_word(decision))?;
        }
        if !self.date.is_empty() {
            write!(f, " {}", self.date)?;
        }
        if !self.fingerprint.is_empty() {
            write!(f, " key {}", grouped(&self.fingerprint))?;
        }
        match &self.standing {
            Standing::Verified if self.trusted => write!(f, ": covers the current content"),
            Standing::Verified => write!(f, ": covers the current content; not a trusted key"),
            Standing::EarlierVersion { content_hash } => write!(
                f,
                ": covers an earlier version ({}), not the current content",
                super::identity::short(content_hash)
            ),
            Standing::Invalid(reason) => write!(f, ": {reason}"),
            Standing::Unsigned => write!(f, ": no signature, so no one can check who approved"),
        }
    }
}

fn decision_word(decision: Decision) -> &'static str {
    match decision {
        Decision::Approve => "approved",
        Decision::RequestChanges => "requested changes",
    }
}

/// Every review of a card and the policy's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub content_hash: String,
    pub lines: Vec<SignerLine>,
    pub outcome: PolicyOutcome,
    pub policy: String,
}

impl VerifyReport {
    /// Valid: no signature failed, and the policy is met by the current content.
    pub fn is_valid(&self) -> bool {
        self.outcome.is_met()
            && !self.lines.iter().any(|line| matches!(line.standing, Standing::Invalid(_)))
    }
}

/// The report for this card, given each signed review's result from a backend (in the
/// order of `workflow.signed_reviews`) and the identities to trust.
pub fn report(
    workflow: &Workflow,
    card: &Card,
    trusted: &[PublicIdentity],
    results: &[Result<Verified, SignedError>],
) -> VerifyReport {
    report_for(workflow, &content_hash(card), trusted, results)
}

/// The report against a content hash rather than a card's: for a README that carries
/// only part of the card it was exported from, whose status block names that card's
/// hash.
pub fn report_for(
    workflow: &Workflow,
    hash: &str,
    trusted: &[PublicIdentity],
    results: &[Result<Verified, SignedError>],
) -> VerifyReport {
    let hash = hash.to_owned();
    let mut lines = Vec::new();
    let mut verified = Vec::new();
    for (signed, result) in workflow.signed_reviews.iter().zip(results) {
        lines.push(line(signed, result, trusted, &hash));
        if let Ok(ok) = result {
            verified.push(ok.clone());
        }
    }
    let mut unsigned = 0;
    for review in &workflow.reviews {
        let current = review.content_hash == hash;
        if current && review.decision == Decision::Approve {
            unsigned += 1;
        }
        lines.push(SignerLine {
            name: review.reviewer.clone(),
            role: review.role.clone(),
            decision: Some(review.decision),
            date: date(review.at),
            fingerprint: String::new(),
            trusted: false,
            standing: Standing::Unsigned,
        });
    }
    VerifyReport {
        content_hash: hash.clone(),
        outcome: policy::evaluate(&workflow.policy, trusted, &hash, &verified, unsigned),
        policy: workflow.policy.describe(),
        lines,
    }
}

fn line(
    signed: &SignedReview,
    result: &Result<Verified, SignedError>,
    trusted: &[PublicIdentity],
    hash: &str,
) -> SignerLine {
    let is_trusted = |fingerprint: &str| trusted.iter().any(|t| t.fingerprint == fingerprint);
    match result {
        Ok(verified) => {
            let statement = verified.statement();
            let reviewer = &statement.predicate.reviewer;
            let covered = statement.content_hash();
            SignerLine {
                name: reviewer.name.clone(),
                role: reviewer.role.clone(),
                decision: Some(statement.predicate.decision),
                date: date(statement.reviewed_at_ms()),
                fingerprint: verified.signer().fingerprint.clone(),
                trusted: is_trusted(&verified.signer().fingerprint),
                standing: if covered == hash {
                    Standing::Verified
                } else {
                    Standing::EarlierVersion { content_hash: covered.to_owned() }
                },
            }
        }
        Err(error) => {
            // What the file claims, to say whose signature failed; none of it is trusted.
            let claimed = signed.claimed_statement();
            let reviewer = claimed.as_ref().map(|s| &s.predicate.reviewer);
            SignerLine {
                name: reviewer.map_or_else(|| signed.signer.name.clone(), |r| r.name.clone()),
                role: reviewer.map_or_else(|| signed.signer.role.clone(), |r| r.role.clone()),
                decision: claimed.as_ref().map(|s| s.predicate.decision),
                date: String::new(),
                fingerprint: signed.signer.fingerprint.clone(),
                trusted: false,
                standing: Standing::Invalid(error.to_string()),
            }
        }
    }
}

/// Natively: every signature checked with `ed25519-dalek` and `p256`.
#[cfg(not(target_arch = "wasm32"))]
pub fn verify_native(workflow: &Workflow, card: &Card, trusted: &[PublicIdentity]) -> VerifyReport {
    verify_native_for(workflow, &content_hash(card), trusted)
}

/// Natively, against a content hash (see [`report_for`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn verify_native_for(
    workflow: &Workflow,
    hash: &str,
    trusted: &[PublicIdentity],
) -> VerifyReport {
    let results: Vec<_> = workflow.signed_reviews.iter().map(SignedReview::verify_native).collect();
    report_for(workflow, hash, trusted, &results)
}
