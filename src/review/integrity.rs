//! Whether a workflow can be trusted: its records are well formed, and its approval and
//! publication match the content they claim. Typed findings, each with the JSON path it
//! concerns. An import sets aside what fails ([`Workflow::admit`]); `check` turns the
//! findings into card problems.

use std::fmt;

use super::canonical::content_hash;
use super::checklist::CHECKLIST;
use super::{EventKind, Status, Workflow};
use crate::card::Card;
use crate::display::rfc3339;

/// The earliest time a record may carry: 2000-01-01, long before any model card.
pub const EARLIEST_MS: u64 = 946_684_800_000;
/// How far ahead of this machine's clock a time may be: another machine's clock may be
/// ahead of ours, but not by more than a day.
pub const CLOCK_SKEW_MS: u64 = 24 * 60 * 60 * 1000;
/// The longest history kept; the newest events are kept.
pub const MAX_HISTORY: usize = 10_000;
/// The most reviews, publications or snapshots kept; the newest are kept.
pub const MAX_RECORDS: usize = 1_000;

/// One way the workflow's records are malformed or disagree with the content.
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
    /// A publication carries an approval of other content.
    PublicationApprovalMismatch { path: String, version: String },
    /// A content hash that is not 64 lowercase hex digits.
    NotAHash { path: String, found: String },
    /// A kept version whose card does not hash to the hash it is kept under.
    SnapshotMismatch { path: String, recorded: String, actual: String },
    /// A time before 2000 or after now (with a day's grace for other clocks).
    TimeOutOfRange { path: String, at: u64 },
    /// More entries than are kept.
    TooMany { path: String, count: usize, kept: usize },
    /// A checklist answer for an item the checklist does not have, or a second one.
    UnknownChecklistItem { path: String, item: String },
    /// A signed review or trusted identity that fails a check not needing its signature.
    SignedRecordInvalid { path: String, reason: String },
    /// The status says approved or published, but the signed reviews of this content do
    /// not meet the card's policy.
    PolicyUnmet { policy: String, unmet: String },
}

impl IntegrityFinding {
    /// The JSON path of the record at fault.
    pub fn path(&self) -> &str {
        match self {
            Self::ApprovedWithoutApproval | Self::PublishedWithoutPublication => "workflow.status",
            Self::PolicyUnmet { .. } => "workflow.policy",
            Self::ApprovalForOtherContent { .. } => "workflow.approval.content_hash",
            Self::PublicationOfOtherContent { .. } => "workflow.publications",
            Self::PublicationApprovalMismatch { path, .. }
            | Self::NotAHash { path, .. }
            | Self::SnapshotMismatch { path, .. }
            | Self::TimeOutOfRange { path, .. }
            | Self::TooMany { path, .. }
            | Self::UnknownChecklistItem { path, .. }
            | Self::SignedRecordInvalid { path, .. } => path,
        }
    }

    /// Whether the finding is about the approval or publication in force, which makes the
    /// card a draft, rather than about a record that was set aside.
    pub fn voids_status(&self) -> bool {
        matches!(
            self,
            Self::ApprovedWithoutApproval
                | Self::ApprovalForOtherContent { .. }
                | Self::PublishedWithoutPublication
                | Self::PublicationOfOtherContent { .. }
                | Self::PolicyUnmet { .. }
        )
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
            Self::PublicationApprovalMismatch { version, .. } => {
                write!(f, "version {version} was published with an approval of other content")
            }
            Self::NotAHash { found, .. } => {
                write!(f, "{} is not a SHA-256 (64 lowercase hex digits)", quoted(found))
            }
            Self::SnapshotMismatch { recorded, actual, .. } => {
                write!(f, "is kept as {recorded}, but its card hashes to {actual}")
            }
            Self::TimeOutOfRange { at, .. } if *at < EARLIEST_MS => {
                write!(f, "the time {at} is before the year 2000")
            }
            Self::TimeOutOfRange { at, .. } => {
                write!(f, "the time {at} ({}) is in the future", rfc3339(*at))
            }
            Self::TooMany { count, kept, .. } => {
                write!(f, "has {count} entries; only the newest {kept} are kept")
            }
            Self::UnknownChecklistItem { item, .. } => {
                write!(f, "{} is not an item of the checklist, or is answered twice", quoted(item))
            }
            Self::SignedRecordInvalid { reason, .. } => write!(f, "{reason}"),
            Self::PolicyUnmet { policy, unmet } => write!(
                f,
                "asks for {policy}; the signed reviews of this content do not give it: {unmet}"
            ),
        }
    }
}

/// A value from a file, quoted and cut short for a message: at most 70 characters.
fn quoted(text: &str) -> String {
    let mut short: String = text.chars().take(70).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    format!("{short:?}")
}

/// Whether text is a SHA-256 as we write it: 64 lowercase hex digits.
pub fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Collects findings while records are checked, and says whether one was clean.
struct Admission {
    now: u64,
    findings: Vec<IntegrityFinding>,
}

impl Admission {
    fn hash(&mut self, path: String, hash: &str) -> bool {
        let good = is_hash(hash);
        if !good {
            self.findings.push(IntegrityFinding::NotAHash { path, found: hash.to_owned() });
        }
        good
    }

    fn time(&mut self, path: String, at: u64) -> bool {
        let good = (EARLIEST_MS..=self.now.saturating_add(CLOCK_SKEW_MS)).contains(&at);
        if !good {
            self.findings.push(IntegrityFinding::TimeOutOfRange { path, at });
        }
        good
    }

    /// Keeps at most `max` of the newest (last) items; returns how many it dropped, so
    /// that later findings can name items by their index in the file.
    fn cap<T>(&mut self, path: &str, items: &mut Vec<T>, max: usize) -> usize {
        let dropped = items.len().saturating_sub(max);
        if dropped > 0 {
            self.findings.push(IntegrityFinding::TooMany {
                path: path.to_owned(),
                count: items.len(),
                kept: max,
            });
            items.drain(..dropped);
        }
        dropped
    }
}

/// Keeps the items `keep` accepts; `keep` gets each item's index in the original list.
fn retain_indexed<T>(items: &mut Vec<T>, mut keep: impl FnMut(usize, &T) -> bool) {
    let mut index = 0;
    items.retain(|item| {
        let kept = keep(index, item);
        index += 1;
        kept
    });
}

impl Workflow {
    /// Makes a workflow from outside (an imported file, a link, a backup) safe to trust:
    /// every record that is malformed is set aside (removed), and a card whose approval or
    /// publication does not match its content becomes a draft. Returns what was wrong, each
    /// finding naming its JSON path (indexes as in the file). `now` is this machine's
    /// clock, in milliseconds since the epoch.
    pub fn admit(&mut self, card: &Card, now: u64) -> Vec<IntegrityFinding> {
        let mut check = Admission { now, findings: Vec::new() };

        if let Some(approval) = &self.approval {
            let good = check.hash("workflow.approval.content_hash".into(), &approval.content_hash)
                & check.time("workflow.approval.approved_at".into(), approval.approved_at)
                & approval.reviewers.iter().enumerate().fold(true, |good, (i, approver)| {
                    good & check.time(format!("workflow.approval.reviewers.{i}.at"), approver.at)
                });
            if !good {
                self.approval = None;
            }
        }

        let dropped = check.cap("workflow.reviews", &mut self.reviews, MAX_RECORDS);
        retain_indexed(&mut self.reviews, |i, review| {
            let i = i + dropped;
            check.hash(format!("workflow.reviews.{i}.content_hash"), &review.content_hash)
                & check.time(format!("workflow.reviews.{i}.at"), review.at)
        });

        let dropped = check.cap("workflow.publications", &mut self.publications, MAX_RECORDS);
        retain_indexed(&mut self.publications, |i, publication| {
            let path = format!("workflow.publications.{}", i + dropped);
            let mut good = check.hash(format!("{path}.content_hash"), &publication.content_hash)
                & check.hash(
                    format!("{path}.approval.content_hash"),
                    &publication.approval.content_hash,
                )
                & check.time(format!("{path}.published_at"), publication.published_at)
                & check
                    .time(format!("{path}.approval.approved_at"), publication.approval.approved_at);
            if let Some(at) = publication.superseded_at {
                good &= check.time(format!("{path}.superseded_at"), at);
            }
            if good && publication.approval.content_hash != publication.content_hash {
                check.findings.push(IntegrityFinding::PublicationApprovalMismatch {
                    path,
                    version: publication.version.clone(),
                });
                good = false;
            }
            good
        });

        let dropped = check.cap("workflow.snapshots", &mut self.snapshots, MAX_RECORDS);
        retain_indexed(&mut self.snapshots, |i, snapshot| {
            let path = format!("workflow.snapshots.{}", i + dropped);
            if !check.hash(format!("{path}.content_hash"), &snapshot.content_hash) {
                return false;
            }
            let actual = content_hash(&snapshot.card);
            if actual != snapshot.content_hash {
                check.findings.push(IntegrityFinding::SnapshotMismatch {
                    path,
                    recorded: snapshot.content_hash.clone(),
                    actual,
                });
                return false;
            }
            snapshot.taken.iter().enumerate().fold(true, |good, (t, (_, at))| {
                good & check.time(format!("{path}.taken.{t}"), *at)
            })
        });

        let dropped = check.cap("workflow.history", &mut self.history, MAX_HISTORY);
        retain_indexed(&mut self.history, |i, event| {
            let path = format!("workflow.history.{}", i + dropped);
            let mut good = check.time(format!("{path}.at"), event.at);
            match &event.event {
                EventKind::Edited { until, .. } => {
                    good &= check.time(format!("{path}.event.edited.until"), *until);
                }
                EventKind::Submitted { content_hash }
                | EventKind::Approved { content_hash }
                | EventKind::Published { content_hash, .. } => {
                    good &= check.hash(format!("{path}.event.content_hash"), content_hash);
                }
                _ => {}
            }
            good
        });

        let mut seen: Vec<&str> = Vec::new();
        let mut unknown = Vec::new();
        for (i, entry) in self.checklist.iter().enumerate() {
            let known = CHECKLIST.iter().any(|item| item.id == entry.item);
            if !known || seen.contains(&entry.item.as_str()) {
                unknown.push(i);
                check.findings.push(IntegrityFinding::UnknownChecklistItem {
                    path: format!("workflow.checklist.{i}"),
                    item: entry.item.clone(),
                });
            } else {
                seen.push(&entry.item);
            }
        }
        retain_indexed(&mut self.checklist, |i, _| !unknown.contains(&i));

        // Signed reviews and trusted identities that fail a check not needing the
        // signature are set aside; the browser or `modelcard verify` checks the rest.
        let dropped = check.cap("workflow.signed_reviews", &mut self.signed_reviews, MAX_RECORDS);
        retain_indexed(&mut self.signed_reviews, |i, signed| {
            match signed.prepare().and_then(|pending| pending.statement()) {
                Ok(_) => true,
                Err(error) => {
                    check.findings.push(IntegrityFinding::SignedRecordInvalid {
                        path: format!("workflow.signed_reviews.{}", i + dropped),
                        reason: error.to_string(),
                    });
                    false
                }
            }
        });
        let dropped = check.cap("workflow.trusted", &mut self.trusted, MAX_RECORDS);
        retain_indexed(&mut self.trusted, |i, identity| match identity.check() {
            Ok(_) => true,
            Err(error) => {
                check.findings.push(IntegrityFinding::SignedRecordInvalid {
                    path: format!("workflow.trusted.{}", i + dropped),
                    reason: error.to_string(),
                });
                false
            }
        });

        if self.status != Status::Approved {
            self.unlocked = false;
        }
        let mut findings = check.findings;
        findings.extend(self.reconcile(card));
        findings
    }

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
        if matches!(self.status, Status::Approved | Status::Published)
            && self.policy.requires_signatures()
        {
            let outcome = self.policy_outcome(card);
            if !outcome.is_met() {
                let unmet: Vec<String> = outcome.unmet.iter().map(ToString::to_string).collect();
                findings.push(IntegrityFinding::PolicyUnmet {
                    policy: self.policy.describe(),
                    unmet: unmet.join("; "),
                });
            }
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
                        path: "workflow.publications".into(),
                        version: p.version.clone(),
                    })
                }
                Some(_) => {}
            }
        }
        findings
    }

    /// Makes the status honest: a card whose approval or publication does not match its
    /// content becomes a draft. Nothing is deleted; returns what was wrong.
    pub fn reconcile(&mut self, card: &Card) -> Vec<IntegrityFinding> {
        let findings = self.integrity_findings(card);
        if !findings.is_empty() {
            self.status = Status::Draft;
            self.unlocked = false;
        }
        findings
    }
}
