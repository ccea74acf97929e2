//! Verifying a signed review in two halves, so the signature arithmetic can be done by
//! either backend: WebCrypto in the browser (async, no crypto crate in the page) or
//! `ed25519-dalek` and `p256` natively.
//!
//! 1. [`SignedReview::prepare`] checks everything a signature does not decide (the key
//!    and its fingerprint, the envelope's type, one signature of the right length,
//!    keyid) and gives the exact bytes to verify as a [`Pending`].
//! 2. The backend answers yes or no; [`Pending::finish`] turns that into a [`Verified`]
//!    or says why not. Only then is the payload read as a statement, as DSSE asks, and
//!    checked against the signer.

use super::identity::{Algorithm, Jwk, PublicIdentity, PublicKey};
use super::statement::Statement;
use super::{PAYLOAD_TYPE, SignedError, SignedReview, envelope};

/// What the backend must check: does `signature` verify `message` under this key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyTask {
    pub algorithm: Algorithm,
    /// The key as WebCrypto imports it.
    pub jwk: Jwk,
    /// The raw public key (see [`PublicKey`]).
    pub public_key: Vec<u8>,
    /// DSSE's PAE of the payload: the signed bytes.
    pub message: Vec<u8>,
    /// Ed25519: 64 bytes. ECDSA P-256: `r || s`, 64 bytes.
    pub signature: Vec<u8>,
}

/// A signed review that passed every check but the signature's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub task: VerifyTask,
    signer: PublicIdentity,
    payload: Vec<u8>,
}

/// A signed review whose signature verified and whose statement names its signer. Only
/// [`Pending::finish`] makes one, so holding one means the check was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    statement: Statement,
    signer: PublicIdentity,
    algorithm: Algorithm,
}

impl Verified {
    pub fn statement(&self) -> &Statement {
        &self.statement
    }
    pub fn signer(&self) -> &PublicIdentity {
        &self.signer
    }
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }
}

impl SignedReview {
    /// Step 1: every check but the signature's, and the bytes to verify.
    pub fn prepare(&self) -> Result<Pending, SignedError> {
        if self.kind != super::SIGNED_REVIEW_TYPE {
            return Err(SignedError::WrongType {
                what: "signed review",
                expected: super::SIGNED_REVIEW_TYPE,
                found: self.kind.clone(),
            });
        }
        let key: PublicKey = self.signer.check()?;
        let envelope = &self.envelope;
        if envelope.payload_type != PAYLOAD_TYPE {
            return Err(SignedError::PayloadType(envelope.payload_type.clone()));
        }
        let [signature] = envelope.signatures.as_slice() else {
            return Err(SignedError::SignatureCount(envelope.signatures.len()));
        };
        if signature.keyid != self.signer.fingerprint {
            return Err(SignedError::KeyIdMismatch {
                keyid: signature.keyid.clone(),
                fingerprint: self.signer.fingerprint.clone(),
            });
        }
        let signature = envelope::decode_base64("signature", &signature.sig)?;
        if signature.len() != 64 {
            return Err(SignedError::SignatureLength(signature.len()));
        }
        let payload = envelope.payload_bytes()?;
        Ok(Pending {
            task: VerifyTask {
                algorithm: key.algorithm,
                jwk: self.signer.public_key.minimal(),
                public_key: key.raw,
                message: envelope::pae(&envelope.payload_type, &payload),
                signature,
            },
            signer: self.signer.clone(),
            payload,
        })
    }

    /// Both steps with the native backend.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn verify_native(&self) -> Result<Verified, SignedError> {
        let pending = self.prepare()?;
        let valid = native::verify(&pending.task);
        pending.finish(valid)
    }
}

impl Pending {
    /// Step 2: the backend's answer. A signature that does not verify is refused before
    /// the payload is read; a payload that verifies must still name its signer.
    pub fn finish(self, signature_valid: bool) -> Result<Verified, SignedError> {
        if !signature_valid {
            return Err(SignedError::SignatureInvalid);
        }
        let statement = self.statement()?;
        let reviewer = &statement.predicate.reviewer;
        if reviewer.key_fingerprint != self.signer.fingerprint {
            return Err(SignedError::ReviewerKey {
                stated: reviewer.key_fingerprint.clone(),
                signer: self.signer.fingerprint.clone(),
            });
        }
        for (field, signed, identity) in [
            ("name", &reviewer.name, &self.signer.name),
            ("role", &reviewer.role, &self.signer.role),
        ] {
            if signed.trim() != identity.trim() {
                return Err(SignedError::SignerMismatch {
                    field,
                    signed: signed.clone(),
                    identity: identity.clone(),
                });
            }
        }
        Ok(Verified { statement, signer: self.signer, algorithm: self.task.algorithm })
    }

    /// The statement, read without trusting it: for checking a file's structure where
    /// the signature cannot be verified yet (an import, before the browser verifies).
    pub fn statement(&self) -> Result<Statement, SignedError> {
        Statement::from_payload(&self.payload)
    }

    pub fn signer(&self) -> &PublicIdentity {
        &self.signer
    }
}

/// The native backend: `ed25519-dalek` (strict verification: no small-order keys, no
/// malleable signatures) and `p256`'s ECDSA with SHA-256.
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use super::{Algorithm, VerifyTask};

    pub fn verify(task: &VerifyTask) -> bool {
        match task.algorithm {
            Algorithm::Ed25519 => {
                let (Ok(key), Ok(signature)) = (
                    <[u8; 32]>::try_from(task.public_key.as_slice()),
                    <[u8; 64]>::try_from(task.signature.as_slice()),
                ) else {
                    return false;
                };
                let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key) else {
                    return false;
                };
                key.verify_strict(&task.message, &ed25519_dalek::Signature::from_bytes(&signature))
                    .is_ok()
            }
            Algorithm::EcdsaP256 => {
                use p256::ecdsa::signature::Verifier;
                let Ok(key) = p256::ecdsa::VerifyingKey::from_sec1_bytes(&task.public_key) else {
                    return false;
                };
                let Ok(signature) = p256::ecdsa::Signature::from_slice(&task.signature) else {
                    return false;
                };
                key.verify(&task.message, &signature).is_ok()
            }
        }
    }
}
