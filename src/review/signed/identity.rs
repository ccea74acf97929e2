//! A reviewer's public identity: who they say they are (name, role, optionally an
//! organisation and an email) and their public key as a JWK, pinned by its fingerprint,
//! the SHA-256 of the raw public key. The private half never leaves the reviewer's
//! browser, so nothing here can sign.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{IDENTITY_TYPE, SignedError, hex};

/// The signature algorithms a reviewer's key may use: WebCrypto's Ed25519, or ECDSA on
/// P-256 with SHA-256 where a browser has no Ed25519.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Ed25519,
    /// ECDSA P-256 with SHA-256; signatures are `r || s`, 64 bytes (IEEE P1363, as
    /// WebCrypto and JWS ES256 write them).
    EcdsaP256,
}

impl Algorithm {
    /// The name shown to people and used by the browser's crypto layer.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ed25519 => "Ed25519",
            Self::EcdsaP256 => "ECDSA P-256",
        }
    }
}

/// A public key as a JSON Web Key (RFC 8037 for Ed25519, RFC 7518 for P-256). Only the
/// members that define the key are kept; WebCrypto's `ext` and `key_ops` are dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    /// base64url, no padding.
    pub x: String,
    /// P-256 only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

/// A public key, checked: its algorithm and its raw bytes (32 bytes for Ed25519; the
/// uncompressed point `0x04 || x || y`, 65 bytes, for P-256, as WebCrypto's "raw"
/// export gives it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub algorithm: Algorithm,
    pub raw: Vec<u8>,
}

impl PublicKey {
    /// SHA-256 of the raw key, 64 lowercase hex digits.
    pub fn fingerprint(&self) -> String {
        hex(&Sha256::digest(&self.raw))
    }
}

impl Jwk {
    /// The key this JWK describes, or why it is not one we accept.
    pub fn public_key(&self) -> Result<PublicKey, SignedError> {
        let coordinate = |name: &'static str, value: &str| -> Result<Vec<u8>, SignedError> {
            let bytes = URL_SAFE_NO_PAD
                .decode(value.trim_end_matches('='))
                .map_err(|_| SignedError::BadKey(format!("its {name} is not base64url")))?;
            if bytes.len() != 32 {
                return Err(SignedError::BadKey(format!(
                    "its {name} is {} bytes, not 32",
                    bytes.len()
                )));
            }
            Ok(bytes)
        };
        match (self.kty.as_str(), self.crv.as_str()) {
            ("OKP", "Ed25519") => {
                Ok(PublicKey { algorithm: Algorithm::Ed25519, raw: coordinate("x", &self.x)? })
            }
            ("EC", "P-256") => {
                let y = self.y.as_deref().ok_or_else(|| {
                    SignedError::BadKey("a P-256 key needs its y coordinate".to_owned())
                })?;
                let mut raw = vec![0x04];
                raw.extend(coordinate("x", &self.x)?);
                raw.extend(coordinate("y", y)?);
                Ok(PublicKey { algorithm: Algorithm::EcdsaP256, raw })
            }
            (kty, crv) => Err(SignedError::BadKey(format!(
                "kty {kty:?} with crv {crv:?} is not Ed25519 or ECDSA P-256"
            ))),
        }
    }

    /// Only the members that define the key, from whatever WebCrypto exported.
    pub fn minimal(&self) -> Jwk {
        Jwk { kty: self.kty.clone(), crv: self.crv.clone(), x: self.x.clone(), y: self.y.clone() }
    }
}

/// Who a reviewer is, as they published it: what the author imports and pins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PublicIdentity {
    /// Always [`IDENTITY_TYPE`]: says what this file is.
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    pub public_key: Jwk,
    /// SHA-256 of the raw public key, 64 lowercase hex digits.
    pub fingerprint: String,
    /// When the identity was made, milliseconds since the epoch.
    #[serde(default)]
    pub created_at: u64,
}

impl PublicIdentity {
    /// A new identity for this key: the fingerprint is computed, never taken on trust.
    pub fn new(
        name: &str,
        role: &str,
        organisation: &str,
        email: &str,
        public_key: &Jwk,
        created_at: u64,
    ) -> Result<Self, SignedError> {
        let identity = Self {
            kind: IDENTITY_TYPE.to_owned(),
            name: name.trim().to_owned(),
            role: role.trim().to_owned(),
            organisation: organisation.trim().to_owned(),
            email: email.trim().to_owned(),
            public_key: public_key.minimal(),
            fingerprint: public_key.public_key()?.fingerprint(),
            created_at,
        };
        identity.check()?;
        Ok(identity)
    }

    /// Reads an identity file, checked (see [`Self::check`]).
    pub fn from_json(text: &str) -> Result<Self, SignedError> {
        let identity: Self = serde_json::from_str(text)
            .map_err(|error| SignedError::Unreadable("reviewer identity", error.to_string()))?;
        identity.check()?;
        Ok(identity)
    }

    /// The identity file's text, compact (`formats::review_files` pretty-prints files).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Everything that can be checked without a signature: the type, a name and a role,
    /// a key we accept, and a fingerprint that really is that key's.
    pub fn check(&self) -> Result<PublicKey, SignedError> {
        if self.kind != IDENTITY_TYPE {
            return Err(SignedError::WrongType {
                what: "reviewer identity",
                expected: IDENTITY_TYPE,
                found: self.kind.clone(),
            });
        }
        if self.name.trim().is_empty() {
            return Err(SignedError::Missing("the reviewer identity has no name"));
        }
        if self.role.trim().is_empty() {
            return Err(SignedError::Missing("the reviewer identity has no role"));
        }
        let key = self.public_key.public_key()?;
        let actual = key.fingerprint();
        if actual != self.fingerprint {
            return Err(SignedError::FingerprintMismatch {
                stated: self.fingerprint.clone(),
                actual,
            });
        }
        Ok(key)
    }

    /// "Dana Reyes (Safety, Example Org)".
    pub fn describe(&self) -> String {
        if self.organisation.is_empty() {
            format!("{} ({})", self.name, self.role)
        } else {
            format!("{} ({}, {})", self.name, self.role, self.organisation)
        }
    }
}

/// A fingerprint as people compare it: groups of four hex digits, `3f2a 91c0 …`.
pub fn grouped(fingerprint: &str) -> String {
    let chars: Vec<char> = fingerprint.chars().collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// The first four groups, for lists where the whole fingerprint would not fit.
pub fn short(fingerprint: &str) -> String {
    grouped(&fingerprint.chars().take(16).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8037's example key: its x and the SHA-256 of its 32 bytes.
    const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    #[test]
    fn an_ed25519_jwk_gives_its_raw_key_and_fingerprint() {
        let jwk = Jwk { kty: "OKP".into(), crv: "Ed25519".into(), x: RFC8037_X.into(), y: None };
        let key = jwk.public_key().unwrap();
        assert_eq!(key.algorithm, Algorithm::Ed25519);
        assert_eq!(key.raw.len(), 32);
        assert_eq!(hex(&key.raw[..4]), "d75a9801");
        assert_eq!(key.fingerprint(), hex(&Sha256::digest(&key.raw)));
        assert_eq!(grouped("0123456789ab"), "0123 4567 89ab");
        assert_eq!(short(&key.fingerprint()).len(), 19);
    }

    #[test]
    fn a_p256_jwk_is_the_uncompressed_point() {
        let jwk = Jwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: URL_SAFE_NO_PAD.encode([1u8; 32]),
            y: Some(URL_SAFE_NO_PAD.encode([2u8; 32])),
        };
        let key = jwk.public_key().unwrap();
        assert_eq!(key.algorithm, Algorithm::EcdsaP256);
        assert_eq!(key.raw.len(), 65);
        assert_eq!(key.raw.first(), Some(&0x04));
    }

    #[test]
    fn keys_we_do_not_accept_say_why() {
        let bad = |kty: &str, crv: &str, x: &str, y: Option<&str>| {
            Jwk { kty: kty.into(), crv: crv.into(), x: x.into(), y: y.map(Into::into) }
                .public_key()
                .unwrap_err()
                .to_string()
        };
        assert!(bad("RSA", "", "", None).contains("not Ed25519 or ECDSA P-256"));
        assert!(bad("OKP", "Ed25519", "AAAA", None).contains("x is 3 bytes, not 32"));
        assert!(bad("OKP", "Ed25519", "!!", None).contains("not base64url"));
        assert!(bad("EC", "P-256", RFC8037_X, None).contains("y coordinate"));
    }

    #[test]
    fn an_identity_whose_fingerprint_is_not_its_key_is_refused() {
        let jwk = Jwk { kty: "OKP".into(), crv: "Ed25519".into(), x: RFC8037_X.into(), y: None };
        let mut identity = PublicIdentity::new("Dana", "Safety", "", "", &jwk, 1).unwrap();
        assert!(PublicIdentity::from_json(&identity.to_json()).is_ok());
        identity.fingerprint = "0".repeat(64);
        let error = PublicIdentity::from_json(&identity.to_json()).unwrap_err().to_string();
        assert!(error.contains("fingerprint"), "{error}");
        assert!(PublicIdentity::new(" ", "Safety", "", "", &jwk, 1).is_err());
    }
}
