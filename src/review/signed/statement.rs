//! What a reviewer signs: an in-toto Statement v1 whose subject is the card (its name and
//! version, with `digest.sha256` the content hash of `docs/canonical-form.md`) and whose
//! predicate is the review (see `docs/signed-review.md`).

use serde::{Deserialize, Serialize};

use super::{PREDICATE_TYPE, STATEMENT_TYPE, SignedError};
use crate::card::Card;
use crate::review::canonical::content_hash;
use crate::review::{ChecklistEntry, Decision, SectionComment};

/// An in-toto Statement v1 carrying a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    #[serde(rename = "_type")]
    pub statement_type: String,
    pub subject: Vec<Subject>,
    pub predicate_type: String,
    pub predicate: ReviewPredicate,
}

/// An in-toto ResourceDescriptor naming the card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Subject {
    /// `<name>@<version>`, or the name alone when the card has no version.
    pub name: String,
    pub digest: Digest,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Digest {
    /// The content hash: SHA-256 of the card's canonical form.
    pub sha256: String,
}

/// The review itself: `urn:model-card-studio:review:v1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReviewPredicate {
    pub card: CardRef,
    pub reviewer: Reviewer,
    pub decision: Decision,
    /// About the whole card.
    #[serde(default)]
    pub comment: String,
    /// About one section each, named by its slug (`section-intended-use`).
    #[serde(default)]
    pub section_comments: Vec<SectionComment>,
    /// The checklist as the reviewer answered it.
    #[serde(default)]
    pub checklist: Vec<ChecklistEntry>,
    /// RFC 3339, UTC: `2026-11-27T10:15:00Z`.
    pub reviewed_at: String,
}

/// Which card, as the author's review request named it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CardRef {
    pub name: String,
    #[serde(default)]
    pub version: String,
    /// The author's draft this review answers, from the review request; only a hint
    /// for finding it, since the content hash decides what the review covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub draft: String,
}

/// The signer, as the statement names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Reviewer {
    pub name: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// SHA-256 of the raw public key, hex.
    pub key_fingerprint: String,
}

/// The subject name of a card: `<name>@<version>`.
pub fn subject_name(card: &Card) -> String {
    let details = &card.model_details;
    let (name, version) = (details.name.trim(), details.version.name.trim());
    if version.is_empty() { name.to_owned() } else { format!("{name}@{version}") }
}

impl Statement {
    /// The statement of a review of this content.
    pub fn new(card: &Card, draft: &str, reviewer: Reviewer, review: ReviewBody) -> Self {
        Self {
            statement_type: STATEMENT_TYPE.to_owned(),
            subject: vec![Subject {
                name: subject_name(card),
                digest: Digest { sha256: content_hash(card) },
            }],
            predicate_type: PREDICATE_TYPE.to_owned(),
            predicate: ReviewPredicate {
                card: CardRef {
                    name: card.model_details.name.trim().to_owned(),
                    version: card.model_details.version.name.trim().to_owned(),
                    draft: draft.to_owned(),
                },
                reviewer,
                decision: review.decision,
                comment: review.comment.trim().to_owned(),
                section_comments: review
                    .section_comments
                    .into_iter()
                    .filter(|c| !c.text.trim().is_empty())
                    .map(|c| SectionComment { section: c.section, text: c.text.trim().to_owned() })
                    .collect(),
                checklist: review.checklist,
                reviewed_at: crate::display::rfc3339(review.at),
            },
        }
    }

    /// The content hash this statement covers: its one subject's SHA-256.
    pub fn content_hash(&self) -> &str {
        self.subject.first().map_or("", |subject| subject.digest.sha256.as_str())
    }

    /// The statement's bytes, as they are signed.
    pub fn to_payload(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads a payload and checks what does not need the signature: the types, one
    /// subject with a well-formed SHA-256 whose name is the card's, and a reviewer.
    pub fn from_payload(payload: &[u8]) -> Result<Self, SignedError> {
        let statement: Self = serde_json::from_slice(payload)
            .map_err(|error| SignedError::Unreadable("statement", error.to_string()))?;
        if statement.statement_type != STATEMENT_TYPE {
            return Err(SignedError::WrongType {
                what: "statement",
                expected: STATEMENT_TYPE,
                found: statement.statement_type,
            });
        }
        if statement.predicate_type != PREDICATE_TYPE {
            return Err(SignedError::WrongType {
                what: "predicate",
                expected: PREDICATE_TYPE,
                found: statement.predicate_type,
            });
        }
        let [subject] = statement.subject.as_slice() else {
            return Err(SignedError::Subjects(statement.subject.len()));
        };
        let digest = &subject.digest.sha256;
        if digest.len() != 64 || !digest.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')) {
            return Err(SignedError::BadDigest(digest.clone()));
        }
        let card = &statement.predicate.card;
        let expected = if card.version.is_empty() {
            card.name.clone()
        } else {
            format!("{}@{}", card.name, card.version)
        };
        if subject.name != expected {
            return Err(SignedError::SubjectName { subject: subject.name.clone(), card: expected });
        }
        let reviewer = &statement.predicate.reviewer;
        if reviewer.name.trim().is_empty() || reviewer.role.trim().is_empty() {
            return Err(SignedError::Missing("the statement does not name the reviewer and role"));
        }
        if humantime::parse_rfc3339(&statement.predicate.reviewed_at).is_err() {
            return Err(SignedError::BadTime(statement.predicate.reviewed_at.clone()));
        }
        Ok(statement)
    }

    /// When the review was made, milliseconds since the epoch (0 if unreadable, which
    /// [`Self::from_payload`] has already refused).
    pub fn reviewed_at_ms(&self) -> u64 {
        humantime::parse_rfc3339(&self.predicate.reviewed_at)
            .ok()
            .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
    }
}

/// What the reviewer decided and wrote, before it is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewBody {
    pub decision: Decision,
    pub comment: String,
    pub section_comments: Vec<SectionComment>,
    pub checklist: Vec<ChecklistEntry>,
    /// Milliseconds since the epoch.
    pub at: u64,
}
