"""Verifies the signed reviews in a Model Card Studio JSON file with PyCA cryptography,
independently of the app: it decodes each DSSE envelope, computes the PAE itself, checks
the signer's fingerprint against the JWK, verifies the signature, and checks that the
statement's subject digest is the card's content hash (docs/canonical-form.md).

Prints one JSON object per signed review; exits 0 when every signature verifies and
covers the current content, 1 otherwise.
"""

import base64
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64(text):
    """DSSE's base64: standard alphabet, but the URL-safe one is accepted too."""
    text = text.strip()
    padded = text + "=" * (-len(text) % 4)
    if "-" in text or "_" in text:
        return base64.urlsafe_b64decode(padded)
    return base64.b64decode(padded, validate=True)


def pae(payload_type, payload):
    """DSSE v1 Pre-Authentication Encoding."""
    kind = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(kind), kind, len(payload), payload)


def raw_key(jwk):
    if jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519":
        return "ed25519", b64(jwk["x"])
    if jwk["kty"] == "EC" and jwk["crv"] == "P-256":
        return "p256", b"\x04" + b64(jwk["x"]) + b64(jwk["y"])
    raise ValueError("unsupported key %r" % jwk)


def verify_signature(kind, raw, message, signature):
    try:
        if kind == "ed25519":
            ed25519.Ed25519PublicKey.from_public_bytes(raw).verify(signature, message)
        else:
            key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
            # WebCrypto writes r || s; cryptography takes DER.
            r = int.from_bytes(signature[:32], "big")
            s = int.from_bytes(signature[32:], "big")
            key.verify(encode_dss_signature(r, s), message, ec.ECDSA(hashes.SHA256()))
        return True
    except InvalidSignature:
        return False


def content_hash(card):
    """docs/canonical-form.md, verbatim."""
    def empty(v):
        return v in (None, False, "", [], {})

    def norm(v):
        if isinstance(v, dict):
            return {k: n for k, x in v.items() if not empty(n := norm(x))}
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, str):
            return v.replace("\r\n", "\n").replace("\r", "\n")
        return v

    text = json.dumps(norm(card), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def check(signed, current):
    envelope, signer = signed["envelope"], signed["signer"]
    kind, raw = raw_key(signer["public_key"])
    fingerprint = hashlib.sha256(raw).hexdigest()
    payload = b64(envelope["payload"])
    [signature] = envelope["signatures"]
    result = {
        "signer": signer["name"],
        "role": signer["role"],
        "algorithm": kind,
        "fingerprint_matches": fingerprint == signer["fingerprint"] == signature["keyid"],
        "payload_type": envelope["payloadType"],
        "signature_valid": verify_signature(
            kind, raw, pae(envelope["payloadType"], payload), b64(signature["sig"])
        ),
    }
    if result["signature_valid"]:
        statement = json.loads(payload)
        [subject] = statement["subject"]
        predicate = statement["predicate"]
        result.update(
            statement_type=statement["_type"],
            predicate_type=statement["predicateType"],
            subject=subject["name"],
            decision=predicate["decision"],
            reviewer_key_matches=predicate["reviewer"]["keyFingerprint"] == fingerprint,
            covers_current_content=subject["digest"]["sha256"] == current,
        )
    result["ok"] = bool(
        result["fingerprint_matches"]
        and result["payload_type"] == "application/vnd.in-toto+json"
        and result["signature_valid"]
        and result.get("statement_type") == "https://in-toto.io/Statement/v1"
        and result.get("reviewer_key_matches")
        and result.get("covers_current_content")
    )
    return result


def main(path):
    document = json.load(open(path, encoding="utf-8"))
    current = content_hash(document["card"])
    reviews = document.get("workflow", {}).get("signed_reviews", [])
    results = [check(signed, current) for signed in reviews]
    for result in results:
        print(json.dumps(result, sort_keys=True))
    return 0 if results and all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
