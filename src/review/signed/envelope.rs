//! The DSSE envelope (Dead Simple Signing Envelope, v1.0.2) and its Pre-Authentication
//! Encoding, the exact bytes a signature covers:
//!
//! `PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, where `LEN`
//! is the byte length in ASCII decimal and `SP` one space.
//!
//! The signature covers the payload's bytes as they were signed, so nothing has to be
//! canonicalised: the statement is read from those bytes after they verify.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};

use super::SignedError;

/// A DSSE envelope as JSON carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Envelope {
    /// The payload's bytes, base64 (standard alphabet, padded).
    pub payload: String,
    pub payload_type: String,
    pub signatures: Vec<Signature>,
}

/// One signature of an envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Signature {
    /// The signer's key fingerprint (SHA-256 of the raw public key, hex).
    #[serde(default)]
    pub keyid: String,
    /// The signature over the PAE, base64 (standard alphabet, padded).
    pub sig: String,
}

/// The Pre-Authentication Encoding of DSSE v1.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out =
        format!("DSSEv1 {} {payload_type} {} ", payload_type.len(), payload.len()).into_bytes();
    out.extend_from_slice(payload);
    out
}

/// DSSE writes base64 with the standard alphabet; readers are asked to accept the URL
/// alphabet too.
pub fn decode_base64(what: &'static str, text: &str) -> Result<Vec<u8>, SignedError> {
    let text = text.trim();
    STANDARD
        .decode(text)
        .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
        .map_err(|_| SignedError::BadBase64(what))
}

pub fn encode_base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

impl Envelope {
    /// An envelope of this payload with one signature.
    pub fn new(payload_type: &str, payload: &[u8], keyid: &str, signature: &[u8]) -> Self {
        Self {
            payload: encode_base64(payload),
            payload_type: payload_type.to_owned(),
            signatures: vec![Signature { keyid: keyid.to_owned(), sig: encode_base64(signature) }],
        }
    }

    /// The payload's bytes.
    pub fn payload_bytes(&self) -> Result<Vec<u8>, SignedError> {
        decode_base64("payload", &self.payload)
    }

    /// The bytes the signatures cover.
    pub fn signed_bytes(&self) -> Result<Vec<u8>, SignedError> {
        Ok(pae(&self.payload_type, &self.payload_bytes()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pae_is_the_dsse_example() {
        // DSSE's protocol.md gives this encoding of payloadType "http://example.com/HelloWorld"
        // and payload "hello world".
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
        );
        assert_eq!(pae("", b""), b"DSSEv1 0  0 ");
    }

    #[test]
    fn lengths_are_bytes_not_characters() {
        assert_eq!(pae("t", "é".as_bytes()), "DSSEv1 1 t 2 é".as_bytes());
    }

    #[test]
    fn base64_in_either_alphabet_is_read() {
        let bytes = [0xfb, 0xff, 0xfe];
        assert_eq!(decode_base64("x", &STANDARD.encode(bytes)).unwrap(), bytes);
        assert_eq!(decode_base64("x", &URL_SAFE_NO_PAD.encode(bytes)).unwrap(), bytes);
        assert!(decode_base64("payload", "not base64!").is_err());
    }
}
