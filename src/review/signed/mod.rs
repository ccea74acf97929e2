//! Signed reviews: approvals anyone can verify offline (format: `docs/signed-review.md`).
//!
//! A signed review is a DSSE envelope (payload type `application/vnd.in-toto+json`)
//! holding an in-toto Statement v1 about the card's content hash, with our predicate
//! `urn:model-card-studio:review:v1`, plus the signer's public identity (a JWK pinned by
//! its fingerprint). This module owns the formats (envelope, statement, identity, review
//! request), the checks, the approval policy, and how signed reviews join a card's
//! workflow. It does no signature arithmetic itself except through the native backend
//! (`verify::native`, never in the page's wasm): [`SignedReview::prepare`] gives the
//! exact bytes, and the browser's WebCrypto or the native crates say yes or no.
//!
//! Pure: uses `card`, `display` and the rest of `review` only.

mod attach;
pub mod envelope;
pub mod identity;
pub mod policy;
pub mod report;
pub mod request;
pub mod statement;
pub mod verify;

use serde::{Deserialize, Serialize};

pub use attach::{AttachError, Attached};
pub use envelope::Envelope;
pub use identity::{Algorithm, Jwk, PublicIdentity, PublicKey};
pub use policy::{ApprovalPolicy, PolicyOutcome};
pub use report::{SignerLine, Standing, VerifyReport};
pub use request::ReviewRequest;
pub use statement::{ReviewBody, Reviewer, Statement};
pub use verify::{Pending, Verified, VerifyTask};

/// DSSE's payload type for in-toto statements.
pub const PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";
/// in-toto Statement v1.
pub const STATEMENT_TYPE: &str = "https://in-toto.io/Statement/v1";
/// Our predicate: a review of a model card. A change that old readers would misread gets
/// a new version (`…:review:v2`); readers refuse versions they do not know.
pub const PREDICATE_TYPE: &str = "urn:model-card-studio:review:v1";
/// The file (or link) that carries one signed review.
pub const SIGNED_REVIEW_TYPE: &str = "urn:model-card-studio:signed-review:v1";
/// A reviewer's public identity file.
pub const IDENTITY_TYPE: &str = "urn:model-card-studio:reviewer-identity:v1";
/// A review request file.
pub const REQUEST_TYPE: &str = "urn:model-card-studio:review-request:v1";

/// One signed review as it travels and as our JSON keeps it: the envelope and the
/// signer's public identity, so anyone can verify it without this app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SignedReview {
    /// Always [`SIGNED_REVIEW_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    pub envelope: Envelope,
    pub signer: PublicIdentity,
}

impl SignedReview {
    /// Reads a signed review file. Only its shape is checked here; [`Self::prepare`]
    /// and a backend check the rest.
    pub fn from_json(text: &str) -> Result<Self, SignedError> {
        serde_json::from_str(text)
            .map_err(|error| SignedError::Unreadable("signed review", error.to_string()))
    }

    /// Compact (`formats::review_files` pretty-prints files): one serializer per type
    /// in the page (`docs/decisions.md` §11).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The statement, read without verifying the signature: for showing what a file
    /// claims next to the reason it was refused.
    pub fn claimed_statement(&self) -> Option<Statement> {
        let payload = String::from_utf8(self.envelope.payload_bytes().ok()?).ok()?;
        serde_json::from_str(&payload).ok()
    }
}

/// A statement ready to be signed: the payload and the exact bytes to sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToSign {
    pub payload: Vec<u8>,
    /// DSSE's PAE of the payload: what the private key signs.
    pub message: Vec<u8>,
}

impl ToSign {
    pub fn new(statement: &Statement) -> Self {
        let payload = statement.to_payload();
        let message = envelope::pae(PAYLOAD_TYPE, &payload);
        Self { payload, message }
    }

    /// The signed review, once the signer's key has signed [`Self::message`].
    pub fn finish(self, signer: &PublicIdentity, signature: &[u8]) -> SignedReview {
        SignedReview {
            kind: SIGNED_REVIEW_TYPE.to_owned(),
            envelope: Envelope::new(PAYLOAD_TYPE, &self.payload, &signer.fingerprint, signature),
            signer: signer.clone(),
        }
    }
}

/// Why a signed review, an identity or a review request is not accepted. Each message
/// says exactly what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignedError {
    #[error("the {0} cannot be read: {1}")]
    Unreadable(&'static str, String),
    #[error("this {what} is of type {found:?}; expected {expected}")]
    WrongType { what: &'static str, expected: &'static str, found: String },
    #[error("{0}")]
    Missing(&'static str),
    #[error("the public key is not usable: {0}")]
    BadKey(String),
    #[error("the identity's fingerprint {stated} is not its key's; the key's is {actual}")]
    FingerprintMismatch { stated: String, actual: String },
    #[error("the {0} is not base64")]
    BadBase64(&'static str),
    #[error("the envelope's payloadType is {0:?}, not application/vnd.in-toto+json")]
    PayloadType(String),
    #[error("the envelope has {0} signatures; a signed review has exactly one")]
    SignatureCount(usize),
    #[error("the signature's keyid {keyid:?} is not the signer's fingerprint {fingerprint}")]
    KeyIdMismatch { keyid: String, fingerprint: String },
    #[error("the signature is {0} bytes; Ed25519 and ECDSA P-256 signatures are 64")]
    SignatureLength(usize),
    #[error(
        "the signature does not match: the review was changed after it was signed, or was not signed with this key"
    )]
    SignatureInvalid,
    #[error("the statement has {0} subjects; a review covers exactly one card")]
    Subjects(usize),
    #[error("the subject's digest {0:?} is not a SHA-256 in hex")]
    BadDigest(String),
    #[error("the subject is named {subject:?}, but the predicate names the card {card:?}")]
    SubjectName { subject: String, card: String },
    #[error("the review's time {0:?} is not an RFC 3339 timestamp")]
    BadTime(String),
    #[error("the statement names key {stated}, but the signer's key is {signer}")]
    ReviewerKey { stated: String, signer: String },
    #[error(
        "the statement says the reviewer's {field} is {signed:?}; the signer's identity says {identity:?}"
    )]
    SignerMismatch { field: &'static str, signed: String, identity: String },
    #[error("this signature could not be checked here: {0}")]
    CannotCheck(String),
    #[error(
        "the review request was changed after it was made: it says content {stated}, but its card hashes to {actual}"
    )]
    RequestAltered { stated: String, actual: String },
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests;
