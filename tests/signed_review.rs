//! `modelcard verify` on published cards with signed reviews, in our JSON and in the
//! README it exports: exit 0 when every signature holds and the policy is met, 1 when a
//! signature was forged, the content changed or a signer is not trusted, 2 when a file
//! cannot be read. The keys here are made natively; `tests/fixtures/signed/` holds cards
//! signed in Chromium, checked the same way (and by Python in `signed_review_python.rs`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use model_card_studio::card::example::filled_card;
use model_card_studio::document::{self as json, Document};
use model_card_studio::formats::{self, ExportFormat};
use model_card_studio::review::signed::{
    ApprovalPolicy, Jwk, PublicIdentity, ReviewBody, Reviewer, SignedReview, Statement, ToSign,
};
use model_card_studio::review::{Decision, Status, Tick, Workflow, checklist};

fn signer(seed: u8, name: &str, role: &str) -> (ed25519_dalek::SigningKey, PublicIdentity) {
    let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
    let jwk = Jwk {
        kty: "OKP".into(),
        crv: "Ed25519".into(),
        x: URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes()),
        y: None,
    };
    (key, PublicIdentity::new(name, role, "", "", &jwk, 1).unwrap())
}

fn sign(
    key: &ed25519_dalek::SigningKey,
    identity: &PublicIdentity,
    document: &Document,
) -> SignedReview {
    use ed25519_dalek::Signer;
    let statement = Statement::new(
        &document.card,
        "draft-1",
        Reviewer {
            name: identity.name.clone(),
            role: identity.role.clone(),
            organisation: String::new(),
            email: String::new(),
            key_fingerprint: identity.fingerprint.clone(),
        },
        ReviewBody {
            decision: Decision::Approve,
            comment: "Looks right.".into(),
            section_comments: vec![],
            checklist: vec![],
            at: 1_764_000_000_000,
        },
    );
    let to_sign = ToSign::new(&statement);
    let signature = key.sign(&to_sign.message).to_bytes();
    to_sign.finish(identity, &signature)
}

/// The filled card, approved by Safety and Legal under that policy, and published.
fn published() -> (Document, PublicIdentity, PublicIdentity) {
    let (safety_key, safety) = signer(1, "Sara Safety", "Safety");
    let (legal_key, legal) = signer(2, "Lars Legal", "Legal");
    let mut document = Document::new(filled_card());
    let mut workflow = Workflow::created(1);
    for item in checklist::CHECKLIST {
        checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
    }
    workflow.trust(safety.clone()).unwrap();
    workflow.trust(legal.clone()).unwrap();
    workflow.policy =
        ApprovalPolicy { roles: vec!["Safety".into(), "Legal".into()], trusted_approvals: 0 };
    workflow.submit(&document.card, 2).unwrap();
    document.workflow = workflow;
    for (key, identity) in [(&safety_key, &safety), (&legal_key, &legal)] {
        let signed = sign(key, identity, &document);
        let verified = signed.verify_native().unwrap();
        document.workflow.attach_signed(&document.card, signed, &verified, 3).unwrap();
    }
    assert_eq!(document.workflow.status, Status::Approved);
    document.workflow.publish(&document.card, 4).unwrap();
    (document, safety, legal)
}

fn scratch(test: &str, name: &str, content: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("signed").join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn verify(args: &[&Path]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_modelcard"));
    command.arg("verify").arg(args[0]);
    if let Some(trust) = args.get(1) {
        command.arg("--trust").arg(trust);
    }
    command.output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn a_published_card_verifies_in_json_and_in_its_readme() {
    let (document, safety, legal) = published();
    let json_path = scratch("good", "card.json", &json::to_json(&document));
    let (readme, _) = formats::export(&document, ExportFormat::HfReadme);
    let readme_path = scratch("good", "README.md", &readme);
    let trust = scratch(
        "good",
        "reviewers.json",
        &serde_json::to_string(&serde_json::json!({"reviewers": [safety, legal]})).unwrap(),
    );
    for path in [&json_path, &readme_path] {
        let output = verify(&[path, &trust]);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(0), "{}: {text}", path.display());
        let mut lines: Vec<&str> = text.lines().collect();
        if path == &readme_path {
            // The README carries part of the card; the signatures cover all of it.
            assert!(lines.remove(2).starts_with("readme: exactly the approved export"), "{text}");
        }
        assert_eq!(lines.len(), 5, "{text}");
        assert!(lines[1].starts_with("trust: 2 reviewer(s) from "), "{text}");
        assert!(lines[2].starts_with("verified  Sara Safety (Safety) approved 2025-11-24 key "));
        assert!(lines[3].starts_with("verified  Lars Legal (Legal) approved"), "{text}");
        assert!(lines[3].ends_with(": covers the current content"), "{text}");
        assert_eq!(lines[4], "policy: a signed approval each from Safety and Legal: met");
    }
    // The README and the HTML export list each signer with role, date and key.
    let (html, _) = formats::export(&document, ExportFormat::Html);
    for text in [&readme, &html] {
        for identity in [&safety, &legal] {
            let line = format!(
                "Signed by {} ({}) on 2025-11-24, key `{}`",
                identity.name,
                identity.role,
                model_card_studio::review::signed::identity::grouped(&identity.fingerprint)
            );
            let html_line = line.replace('`', "").replace(", key ", ", key <code>");
            assert!(text.contains(&line) || text.contains(&html_line), "{line} in {text}");
        }
    }
    // Without --trust, the card's own list is used, and the output says so; the README's
    // status block names the trusted signers too.
    for path in [&json_path, &readme_path] {
        let output = verify(&[path]);
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
        assert!(stdout(&output).contains("the 2 reviewer(s) the card itself names"));
    }
    // One changed character outside the block, or in a signed review it carries, fails.
    let edited = scratch("good", "edited.md", &readme.replacen("low light", "dim light", 1));
    let output = verify(&[&edited, &trust]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("readme: changed since it was exported approved"));
    let line = readme.lines().find(|l| l.starts_with("<!-- signed-review: ")).unwrap();
    let forged_line = line.replacen("\"payload\":\"ey", "\"payload\":\"EY", 1);
    assert_ne!(forged_line, line);
    let forged = scratch("good", "forged.md", &readme.replacen(line, &forged_line, 1));
    let output = verify(&[&forged, &trust]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
}

#[test]
fn a_forged_or_edited_card_or_an_unknown_signer_fails() {
    let (document, safety, _) = published();

    // The payload edited by hand: the signature no longer matches.
    let mut forged = document.clone();
    let signed = &mut forged.workflow.signed_reviews[1];
    let mut payload: serde_json::Value =
        serde_json::from_slice(&signed.envelope.payload_bytes().unwrap()).unwrap();
    payload["predicate"]["reviewer"]["name"] = "Someone Else".into();
    signed.envelope.payload =
        base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&payload).unwrap());
    let output = verify(&[&scratch("forged", "card.json", &json::to_json(&forged))]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("INVALID   Someone Else (Legal) approved key "), "{text}");
    assert!(text.contains("the signature does not match"), "{text}");
    assert!(text.contains("policy: a signed approval each from Safety and Legal: not met: needs a signed approval from Legal"), "{text}");

    // The content edited after signing: the signatures are for an earlier version.
    let mut edited = document.clone();
    edited.card.model_details.summary = "Edited after approval.".into();
    let output = verify(&[&scratch("edited", "card.json", &json::to_json(&edited))]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert_eq!(text.matches("covers an earlier version").count(), 2, "{text}");

    // Trusting only Safety: Legal's signature verifies but does not count.
    let trust = scratch("untrusted", "safety.json", &safety.to_json());
    let output = verify(&[&scratch("untrusted", "card.json", &json::to_json(&document)), &trust]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("not a trusted key"), "{text}");
}

#[test]
fn an_unreadable_file_exits_2_and_an_unsigned_card_says_so() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("signed/no-such-card.json");
    assert_eq!(verify(&[&missing]).status.code(), Some(2));
    let binary = scratch("unreadable", "card.json", "");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    assert_eq!(verify(&[&binary]).status.code(), Some(2));
    let (document, ..) = published();
    let card = scratch("unreadable", "good.json", &json::to_json(&document));
    let output = verify(&[&card, &scratch("unreadable", "trust.json", "[{\"name\": 1}]")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("reviewer 1"));

    // An unsigned approval, from before signatures: it opens, and is marked unsigned.
    let mut old = Document::new(filled_card());
    let mut workflow = Workflow::created(1_764_000_000_000);
    for item in checklist::CHECKLIST {
        checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
    }
    workflow.submit(&old.card, 1_764_000_001_000).unwrap();
    workflow
        .review(
            &old.card,
            model_card_studio::review::ReviewInput {
                reviewer: "Rita".into(),
                role: "Ethics board".into(),
                decision: Decision::Approve,
                comment: String::new(),
                section_comments: vec![],
            },
            1_764_000_002_000,
        )
        .unwrap();
    old.workflow = workflow;
    let output = verify(&[&scratch("unsigned", "card.json", &json::to_json(&old))]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "no policy: an unsigned approval is enough: {text}");
    assert!(
        text.contains("unsigned  Rita (Ethics board) approved 2025-11-24: no signature"),
        "{text}"
    );
    assert!(text.contains("policy: one approval, signed or not: met"), "{text}");
}

fn python() -> PathBuf {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run `make setup` (scripts/setup.sh makes the venv with cryptography)",
        python.display()
    );
    python
}

/// Runs the independent Python verifier (PyCA cryptography, its own PAE) on a file.
fn python_verify(path: &Path) -> (bool, Vec<serde_json::Value>) {
    let output = Command::new(python())
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/verify_signed.py"))
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "verify_signed.py failed: {stderr}");
    let results = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (output.status.success(), results)
}

fn p256_signer(seed: u8, name: &str, role: &str) -> (p256::ecdsa::SigningKey, PublicIdentity) {
    let key = p256::ecdsa::SigningKey::from_slice(&[seed; 32]).unwrap();
    let point = key.verifying_key().to_sec1_bytes();
    let jwk = Jwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: URL_SAFE_NO_PAD.encode(point.get(1..33).unwrap()),
        y: Some(URL_SAFE_NO_PAD.encode(point.get(33..65).unwrap())),
    };
    (key, PublicIdentity::new(name, role, "", "", &jwk, 1).unwrap())
}

#[test]
fn python_cryptography_verifies_what_we_sign_and_catches_a_forgery() {
    let (mut document, ..) = published();
    // A third signer with the fallback algorithm, ECDSA P-256.
    let (key, identity) = p256_signer(3, "Pia Privacy", "Privacy");
    let statement = sign(&signer(9, "x", "y").0, &identity, &document).claimed_statement().unwrap();
    let to_sign = ToSign::new(&statement);
    let signature: p256::ecdsa::Signature =
        p256::ecdsa::signature::Signer::sign(&key, &to_sign.message);
    document.workflow.signed_reviews.push(to_sign.finish(&identity, &signature.to_bytes()));

    let path = scratch("python", "card.json", &json::to_json(&document));
    let (ok, results) = python_verify(&path);
    assert!(ok, "{results:#?}");
    assert_eq!(results.len(), 3);
    assert_eq!(results[2]["algorithm"], "p256");
    assert_eq!(results[0]["predicate_type"], "urn:model-card-studio:review:v1");

    // One byte of the second envelope's payload changed: Python catches it too.
    let mut forged = document.clone();
    let signed = forged.workflow.signed_reviews.get_mut(1).unwrap();
    let mut payload = signed.envelope.payload_bytes().unwrap();
    let last = payload.len() - 2;
    *payload.get_mut(last).unwrap() ^= 1;
    signed.envelope.payload = base64::engine::general_purpose::STANDARD.encode(&payload);
    let (ok, results) = python_verify(&scratch("python", "forged.json", &json::to_json(&forged)));
    assert!(!ok);
    assert_eq!(results[1]["signature_valid"], false);
    assert_eq!(results[0]["signature_valid"], true);

    // The card edited: every signature still verifies, but none covers the content.
    let mut edited = document;
    edited.card.model_details.summary = "Edited.".into();
    let (ok, results) = python_verify(&scratch("python", "edited.json", &json::to_json(&edited)));
    assert!(!ok);
    assert!(
        results
            .iter()
            .all(|r| r["signature_valid"] == true && r["covers_current_content"] == false)
    );
}

/// The worked example of docs/signed-review.md: a small card reviewed by a test key
/// whose private half is 32 bytes of 0x07 (Ed25519 signatures are deterministic, so
/// anyone can reproduce it).
fn worked_example() -> (model_card_studio::card::Card, SignedReview) {
    let mut card = model_card_studio::card::Card::default();
    card.model_details.name = "ImageClassifier".into();
    card.model_details.version.name = "1.0".into();
    card.model_details.summary = "Classifies photos of cats and dogs.".into();
    card.bias_risks_limitations.limitations = "May misclassify rare breeds.".into();
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let jwk = Jwk {
        kty: "OKP".into(),
        crv: "Ed25519".into(),
        x: URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes()),
        y: None,
    };
    let identity =
        PublicIdentity::new("Dana Reyes", "Safety", "Example Labs", "", &jwk, 1_764_000_000_000)
            .unwrap();
    let statement = Statement::new(
        &card,
        "",
        Reviewer {
            name: identity.name.clone(),
            role: identity.role.clone(),
            organisation: identity.organisation.clone(),
            email: String::new(),
            key_fingerprint: identity.fingerprint.clone(),
        },
        ReviewBody {
            decision: Decision::Approve,
            comment: "Limitations are clear.".into(),
            section_comments: vec![model_card_studio::review::SectionComment {
                section: "section-bias-risks-limitations".into(),
                text: "Name the breeds.".into(),
            }],
            checklist: vec![model_card_studio::review::ChecklistEntry {
                item: "limitations".into(),
                tick: Tick::Done,
            }],
            at: 1_764_000_000_000,
        },
    );
    let to_sign = ToSign::new(&statement);
    let signature = ed25519_dalek::Signer::sign(&key, &to_sign.message).to_bytes();
    (card, to_sign.finish(&identity, &signature))
}

/// The fenced block that follows `marker` in the document.
fn block_after<'a>(doc: &'a str, marker: &str) -> &'a str {
    let at = doc.find(marker).unwrap_or_else(|| panic!("docs/signed-review.md lacks {marker}"));
    let rest = doc.get(at..).unwrap();
    let open = rest.find("```").unwrap();
    let body = rest.get(open..).unwrap();
    let start = body.find('\n').unwrap() + 1;
    let end = body.get(start..).unwrap().find("```").unwrap() + start;
    body.get(start..end).unwrap()
}

#[test]
fn the_worked_example_in_the_docs_is_real() {
    let (card, signed) = worked_example();
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/signed-review.md"))
            .unwrap();
    let pending = signed.prepare().unwrap();
    let statement = String::from_utf8(signed.envelope.payload_bytes().unwrap()).unwrap();
    let pretty_statement = serde_json::to_string_pretty(
        &serde_json::from_str::<serde_json::Value>(&statement).unwrap(),
    )
    .unwrap();
    let pae = String::from_utf8(pending.task.message.clone()).unwrap();
    let expected = [
        ("<!-- example: statement -->", pretty_statement),
        ("<!-- example: payload -->", statement),
        ("<!-- example: pae -->", pae),
        ("<!-- example: signed review -->", json::prettify(&signed.to_json())),
        (
            "<!-- example: canonical card -->",
            model_card_studio::review::canonical::canonical_json(&card),
        ),
        ("<!-- example: card hash -->", model_card_studio::review::canonical::content_hash(&card)),
    ];
    if std::env::var_os("PRINT_EXAMPLE").is_some() {
        for (marker, text) in &expected {
            println!("{marker}\n{text}\n");
        }
    }
    for (marker, text) in &expected {
        assert_eq!(block_after(&doc, marker).trim_end(), text.trim_end(), "{marker}");
    }
    assert!(signed.verify_native().is_ok());

    // The Python in the document verifies the documented file.
    let path = scratch("example", "signed-review.json", &signed.to_json());
    let snippet = block_after(&doc, "<!-- example: python -->");
    let output = Command::new(python()).arg("-c").arg(snippet).arg(&path).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        stdout(&output).trim(),
        format!(
            "verified: Dana Reyes (Safety) approve ImageClassifier@1.0 {}",
            block_after(&doc, "<!-- example: card hash -->").trim()
        )
    );
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signed").join(name)
}

/// Cards published by the app in Chromium, signed there with WebCrypto: one reviewer
/// with Ed25519, one whose browser lacked it (ECDSA P-256). Regenerate with
/// `UPDATE_FIXTURES=1 npx playwright test tests/e2e/signed-review.spec.ts`.
#[test]
fn cards_signed_in_chromium_verify_natively_and_with_python() {
    let trust = fixture("reviewers.json");
    for file in ["two-signers.json", "two-signers.README.md"] {
        let output = verify(&[&fixture(file), &trust]);
        assert_eq!(output.status.code(), Some(0), "{file}: {}", stdout(&output));
    }
    let (ok, results) = python_verify(&fixture("two-signers.json"));
    assert!(ok, "{results:#?}");
    let algorithms: Vec<&str> = results.iter().map(|r| r["algorithm"].as_str().unwrap()).collect();
    assert_eq!(algorithms, ["ed25519", "p256"]);

    // Tampered with, outside the app: each change is caught by both verifiers.
    let text = std::fs::read_to_string(fixture("two-signers.json")).unwrap();
    let mut document: serde_json::Value = serde_json::from_str(&text).unwrap();
    document["card"]["model_details"]["summary"] = "Changed after signing.".into();
    let edited = scratch("chromium", "edited.json", &document.to_string());
    assert_eq!(verify(&[&edited, &trust]).status.code(), Some(1));
    assert!(!python_verify(&edited).0);
    let mut document: serde_json::Value = serde_json::from_str(&text).unwrap();
    let sig = document["workflow"]["signed_reviews"][1]["envelope"]["signatures"][0]["sig"]
        .as_str()
        .unwrap()
        .to_owned();
    let flipped = if sig.starts_with('A') {
        sig.replacen('A', "B", 1)
    } else {
        format!("A{}", sig.get(1..).unwrap())
    };
    document["workflow"]["signed_reviews"][1]["envelope"]["signatures"][0]["sig"] = flipped.into();
    let forged = scratch("chromium", "forged.json", &document.to_string());
    let output = verify(&[&forged, &trust]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("INVALID   Lars Legal (Legal)"), "{}", stdout(&output));
    let (ok, results) = python_verify(&forged);
    assert!(!ok);
    assert_eq!(results[1]["signature_valid"], false);

    // The reviewer's signed review file on its own.
    let signed = SignedReview::from_json(
        &std::fs::read_to_string(fixture("signed-review.ed25519.json")).unwrap(),
    )
    .unwrap();
    let verified = signed.verify_native().unwrap();
    assert_eq!(verified.signer().public_key.crv, "Ed25519");
    assert_eq!(verified.statement().predicate.reviewer.name, "Sara Safety");
}

/// The CycloneDX export references each signed approval by the statement its envelope
/// signs, and stays valid.
#[test]
fn the_ml_bom_references_each_signed_review() {
    use model_card_studio::formats::cyclonedx::schema::{self, Strictness};
    use sha2::{Digest, Sha256};
    let (document, safety, legal) = published();
    let (text, _) = formats::export(&document, ExportFormat::CycloneDx);
    let bom: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema::validate(&bom, Strictness::Strict), []);
    let signatories = bom["declarations"]["affirmation"]["signatories"].as_array().unwrap();
    assert_eq!(signatories.len(), 2);
    for (signatory, identity) in signatories.iter().zip([&safety, &legal]) {
        assert_eq!(signatory["name"], identity.name.as_str());
        let reference = &signatory["externalReference"];
        assert_eq!(reference["type"], "digital-signature", "{reference}");
        let signed = document
            .workflow
            .signed_reviews
            .iter()
            .find(|s| s.signer.fingerprint == identity.fingerprint)
            .unwrap();
        let digest = Sha256::digest(signed.envelope.payload_bytes().unwrap());
        let url = format!("ni:///sha-256;{}", URL_SAFE_NO_PAD.encode(digest));
        assert_eq!(reference["url"], url.as_str());
        let comment = reference["comment"].as_str().unwrap();
        let key = model_card_studio::review::signed::identity::grouped(&identity.fingerprint);
        assert!(comment.contains(&key), "{comment}");
    }
}
