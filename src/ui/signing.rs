//! The browser's signature backend for `review::signed`: the reviewer's key in IndexedDB,
//! signing and verifying with WebCrypto (through `js/signing.js`). Thin by design: the
//! core prepares the exact bytes and interprets the answers; no crypto crate is linked
//! into the page. Tested by the Playwright signed-review spec.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::browser::describe;

use crate::review::signed::{
    Jwk, PublicIdentity, SignedError, SignedReview, Statement, ToSign, Verified,
};

#[wasm_bindgen(module = "/js/signing.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = createKey)]
    fn js_create_key() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = saveIdentity)]
    fn js_save_identity(identity: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = loadIdentity)]
    fn js_load_identity() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = sign)]
    fn js_sign(message: &Uint8Array) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = verify)]
    fn js_verify(
        algorithm: &str,
        jwk: &str,
        message: &Uint8Array,
        signature: &Uint8Array,
    ) -> Result<js_sys::Promise, JsValue>;
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(promise.map_err(describe)?).await.map_err(describe)
}

fn field(object: &JsValue, name: &str) -> Option<String> {
    Reflect::get(object, &JsValue::from_str(name)).ok()?.as_string()
}

/// Makes a new key pair (Ed25519, or ECDSA P-256 where the browser lacks it), keeps it
/// in IndexedDB with the private half non-extractable, and stores the public identity
/// made from it. Any earlier key of this browser is replaced; what it signed stays
/// verifiable, since every signed review carries its signer's public key.
pub async fn create_identity(
    name: &str,
    role: &str,
    organisation: &str,
    email: &str,
    now: u64,
) -> Result<PublicIdentity, String> {
    let made = call(js_create_key()).await?;
    let jwk_text = field(&made, "jwk").ok_or("the browser gave no public key")?;
    let jwk: Jwk = serde_json::from_str(&jwk_text).map_err(|e| e.to_string())?;
    let identity = PublicIdentity::new(name, role, organisation, email, &jwk, now)
        .map_err(|e| e.to_string())?;
    call(js_save_identity(&identity.to_json())).await?;
    Ok(identity)
}

/// This browser's reviewer identity, if it has one with its key.
pub async fn load_identity() -> Result<Option<PublicIdentity>, String> {
    let record = call(js_load_identity()).await?;
    if record.is_null() || record.is_undefined() {
        return Ok(None);
    }
    let text = field(&record, "identity").ok_or("the stored identity is unreadable")?;
    PublicIdentity::from_json(&text).map(Some).map_err(|e| e.to_string())
}

/// Signs a statement with this browser's key: the signed review, ready to send.
pub async fn sign(statement: &Statement, signer: &PublicIdentity) -> Result<SignedReview, String> {
    let to_sign = ToSign::new(statement);
    let message = Uint8Array::from(to_sign.message.as_slice());
    let signature = call(js_sign(&message)).await?;
    let signature: Uint8Array =
        signature.dyn_into().map_err(|_| "the browser gave no signature")?;
    Ok(to_sign.finish(signer, &signature.to_vec()))
}

/// How a signature check came out in this browser.
pub type Checked = Result<Verified, SignedError>;

/// Verifies one signed review with WebCrypto. A browser that cannot check the
/// algorithm at all says so instead of calling the signature invalid.
pub async fn verify(signed: &SignedReview) -> Result<Checked, String> {
    let pending = match signed.prepare() {
        Ok(pending) => pending,
        Err(error) => return Ok(Err(error)),
    };
    let task = &pending.task;
    let jwk = serde_json::to_string(&task.jwk).map_err(|e| e.to_string())?;
    let answer = call(js_verify(
        task.algorithm.label(),
        &jwk,
        &Uint8Array::from(task.message.as_slice()),
        &Uint8Array::from(task.signature.as_slice()),
    ))
    .await?;
    Ok(pending.finish(answer.as_bool().unwrap_or(false)))
}

/// Verifies every signed review, in order; one the browser cannot check counts as not
/// verified, with the browser's reason.
pub async fn verify_all(signed: &[SignedReview]) -> Vec<Checked> {
    let mut results = Vec::with_capacity(signed.len());
    for review in signed {
        results.push(match verify(review).await {
            Ok(checked) => checked,
            Err(reason) => Err(SignedError::CannotCheck(reason)),
        });
    }
    results
}
