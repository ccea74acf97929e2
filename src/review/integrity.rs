//! Whether a workflow's approval and publication records match the content they claim:
//! typed findings, each with the JSON path it concerns. `check` turns them into card
//! problems; an import that finds any does not trust the approval.

use std::fmt;

use super::canonical::content_hash;
use super::{Status, Workflow};
use crate::card::Card;

/// One way the workflow's records disagree with the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntegrityFinding {
    /// The status says approved, but there is no approval.
    ApprovedWithoutApproval,
    /// The approval in force is for other content.
    ApprovalForOtherContent { approved: String, actual: String },
    /// The status says published, but no publication is in force.
    PublishedWithoutPublication,
    /// The publication in force is of other content.
    PublicationOfOtherContent { version: String, published: String, actual: String },
    /// The publication in force carries an approval of other content.
    PublicationApprovalMismatch { version: String },
}

impl IntegrityFinding {
    /// The JSON path of the record at fault.
    pub fn path(&self) -> &'static str {
        match self {
            Self::ApprovedWithoutApproval | Self::PublishedWithoutPublication => "workflow.status",
            Self::ApprovalForOtherContent { .. } => "workflow.approval.content_hash",
            Self::PublicationOfOtherContent { .. } | Self::PublicationApprovalMismatch { .. } => {
                "workflow.publications"
            }
        }
    }
}

impl fmt::Display for IntegrityFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ApprovedWithoutApproval => write!(f, "says approved, but there is no approval"),
            Self::ApprovalForOtherContent { approved, actual } => {
                write!(f, "is {approved}, but the content hashes to {actual}")
            }
            Self::PublishedWithoutPublication => {
                write!(f, "says published, but there is no publication")
            }
            Self::PublicationOfOtherContent { version, published, actual } => write!(
                f,
                "version {version} hashes to {published}, but the content hashes to {actual}"
            ),
            Self::PublicationApprovalMismatch { version } => {
                write!(f, "version {version} was published with an approval of other content")
            }
        }
    }
}

impl Workflow {
    /// Where the approval and publication records disagree with this content: what
    /// `modelcard check` reports, and why an imported file may not be trusted as approved.
    pub fn integrity_findings(&self, card: &Card) -> Vec<IntegrityFinding> {
        let hash = content_hash(card);
        let mut findings = Vec::new();
        match (&self.approval, self.status) {
            (None, Status::Approved) => findings.push(IntegrityFinding::ApprovedWithoutApproval),
            (Some(approval), Status::Approved) if approval.content_hash != hash => {
                findings.push(IntegrityFinding::ApprovalForOtherContent {
                    approved: approval.content_hash.clone(),
                    actual: hash.clone(),
                })
            }
            _ => {}
        }
        if self.status == Status::Published {
            match self.current_publication() {
                None => findings.push(IntegrityFinding::PublishedWithoutPublication),
                Some(p) if p.content_hash != hash => {
                    findings.push(IntegrityFinding::PublicationOfOtherContent {
                        version: p.version.clone(),
                        published: p.content_hash.clone(),
                        actual: hash,
                    })
                }
                Some(p) if p.approval.content_hash != p.content_hash => {
                    findings.push(IntegrityFinding::PublicationApprovalMismatch {
                        version: p.version.clone(),
                    })
                }
                Some(_) => {}
            }
        }
        findings
    }

    /// Makes an untrusted workflow (from an imported file) honest: a card whose approval
    /// or publication does not match its content becomes a draft. Nothing is deleted;
    /// returns what was wrong.
    pub fn reconcile(&mut self, card: &Card) -> Vec<IntegrityFinding> {
        let findings = self.integrity_findings(card);
        if !findings.is_empty() {
            self.status = Status::Draft;
            self.unlocked = false;
        }
        findings
    }
}
