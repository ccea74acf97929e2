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
        // Through `from_str`, the one JSON reader the page links (docs/decisions.md §11).
        let text = std::str::from_utf8(payload)
            .map_err(|_| SignedError::Unreadable("statement", "it is not UTF-8".to_owned()))?;
        let statement: Self = serde_json::from_str(text)
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
        if parse_utc(&statement.predicate.reviewed_at).is_none() {
            return Err(SignedError::BadTime(statement.predicate.reviewed_at.clone()));
        }
        Ok(statement)
    }

    /// When the review was made, milliseconds since the epoch (0 if unreadable, which
    /// [`Self::from_payload`] has already refused).
    pub fn reviewed_at_ms(&self) -> u64 {
        parse_utc(&self.predicate.reviewed_at).unwrap_or(0)
    }
}

/// Milliseconds since the epoch of a UTC timestamp as we write it,
/// `2026-11-27T10:15:00Z` (fractions of a second allowed, other offsets not).
pub fn parse_utc(text: &str) -> Option<u64> {
    let (day, time) = text.split_once('T')?;
    // A day that exists, in the card's one date form.
    crate::card::value::Date::parse_iso(day)?;
    let mut ymd = day.split('-').map(|part| part.parse::<u64>().ok());
    let (year, month, day_of_month) = (ymd.next()??, ymd.next()??, ymd.next()??);
    let time = time.strip_suffix('Z')?;
    let (clock, fraction) = time.split_once('.').unwrap_or((time, ""));
    let mut parts = clock.split(':').map(|part| {
        (part.len() == 2 && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u64>().ok())
            .flatten()
    });
    let (hours, minutes, seconds) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let millis: u64 =
        fraction.chars().chain("000".chars()).take(3).collect::<String>().parse().ok()?;
    let days = days_from_civil(year, month, day_of_month)?;
    Some(((days * 86_400 + hours * 3600 + minutes * 60 + seconds) * 1000) + millis)
}

/// Days since 1970-01-01 of a Gregorian date on or after it: Howard Hinnant's
/// `days_from_civil`, the inverse of `display`'s `civil_from_days`.
fn days_from_civil(year: u64, month: u64, day: u64) -> Option<u64> {
    let year = if month <= 2 { year.checked_sub(1)? } else { year };
    let era = year / 400;
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    (era * 146_097 + day_of_era).checked_sub(719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_back_what_display_writes() {
        for ms in [0, 1_764_000_000_000, 1_796_083_199_000, 951_782_400_000] {
            assert_eq!(parse_utc(&crate::display::rfc3339(ms)), Some(ms), "{ms}");
        }
        assert_eq!(parse_utc("2025-11-24T16:00:00.250Z"), Some(1_764_000_000_250));
        for bad in [
            "yesterday",
            "2025-11-24T16:00:00",
            "2025-11-24 16:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-11-24T24:00:00Z",
            "2025-11-24T16:0:00Z",
            "2025-11-24T16:00:00+01:00",
        ] {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
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
