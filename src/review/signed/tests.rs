//! Signed reviews, natively: a good envelope verifies with either algorithm; tampering
//! with any part fails; a review replayed onto another card is refused; the policy
//! rules as a table; and the workflow around them.

#![allow(clippy::indexing_slicing)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::policy::{Ignored, Unmet, evaluate};
use super::*;
use crate::card::Card;
use crate::card::example::filled_card;
use crate::review::canonical::content_hash;
use crate::review::{Decision, SectionComment, Status, Tick, Workflow, checklist};

/// A reviewer with a private key, as the browser would hold it.
pub(crate) struct TestSigner {
    pub identity: PublicIdentity,
    key: SignerKey,
}

enum SignerKey {
    Ed(ed25519_dalek::SigningKey),
    P256(p256::ecdsa::SigningKey),
}

impl TestSigner {
    pub fn ed25519(seed: u8, name: &str, role: &str) -> Self {
        let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
        let jwk = Jwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes()),
            y: None,
        };
        let identity = PublicIdentity::new(name, role, "Example Org", "", &jwk, 1).unwrap();
        Self { identity, key: SignerKey::Ed(key) }
    }

    pub fn p256(seed: u8, name: &str, role: &str) -> Self {
        let key = p256::ecdsa::SigningKey::from_slice(&[seed; 32]).unwrap();
        let point = key.verifying_key().to_sec1_bytes();
        let jwk = Jwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: URL_SAFE_NO_PAD.encode(&point[1..33]),
            y: Some(URL_SAFE_NO_PAD.encode(&point[33..65])),
        };
        let identity = PublicIdentity::new(name, role, "", "", &jwk, 1).unwrap();
        Self { identity, key: SignerKey::P256(key) }
    }

    pub fn sign_bytes(&self, message: &[u8]) -> Vec<u8> {
        match &self.key {
            SignerKey::Ed(key) => {
                use ed25519_dalek::Signer;
                key.sign(message).to_bytes().to_vec()
            }
            SignerKey::P256(key) => {
                use p256::ecdsa::signature::Signer;
                let signature: p256::ecdsa::Signature = key.sign(message);
                signature.to_bytes().to_vec()
            }
        }
    }

    pub fn review(&self, card: &Card, decision: Decision, at: u64) -> SignedReview {
        let statement = Statement::new(
            card,
            "draft-1",
            Reviewer {
                name: self.identity.name.clone(),
                role: self.identity.role.clone(),
                organisation: self.identity.organisation.clone(),
                email: String::new(),
                key_fingerprint: self.identity.fingerprint.clone(),
            },
            ReviewBody {
                decision,
                comment: if decision == Decision::Approve {
                    String::new()
                } else {
                    "Fix it".into()
                },
                section_comments: vec![SectionComment {
                    section: "section-intended-use".into(),
                    text: "Clear.".into(),
                }],
                checklist: vec![],
                at,
            },
        );
        self.sign_statement(&statement)
    }

    pub fn sign_statement(&self, statement: &Statement) -> SignedReview {
        let to_sign = ToSign::new(statement);
        let signature = self.sign_bytes(&to_sign.message);
        to_sign.finish(&self.identity, &signature)
    }
}

fn verify(signed: &SignedReview) -> Result<Verified, SignedError> {
    signed.verify_native()
}

/// Re-encodes the payload after `edit`, keeping the old signature.
fn with_payload(signed: &SignedReview, edit: impl FnOnce(&mut serde_json::Value)) -> SignedReview {
    let mut value: serde_json::Value =
        serde_json::from_slice(&signed.envelope.payload_bytes().unwrap()).unwrap();
    edit(&mut value);
    let mut forged = signed.clone();
    forged.envelope.payload = envelope::encode_base64(&serde_json::to_vec(&value).unwrap());
    forged
}

#[test]
fn a_good_envelope_verifies_with_either_algorithm() {
    let card = filled_card();
    for signer in
        [TestSigner::ed25519(7, "Dana Reyes", "Safety"), TestSigner::p256(9, "Lee Chen", "Legal")]
    {
        let signed = signer.review(&card, Decision::Approve, 1_764_000_000_000);
        let verified = verify(&signed).unwrap();
        assert_eq!(verified.statement().content_hash(), content_hash(&card));
        assert_eq!(verified.signer().name, signer.identity.name);
        assert_eq!(verified.statement().predicate.reviewed_at, "2025-11-24T16:00:00Z");
        assert_eq!(verified.statement().subject[0].name, "ImageClassifier@1.0");
        // And it survives its own file format.
        let reread = SignedReview::from_json(&signed.to_json()).unwrap();
        assert!(verify(&reread).is_ok());
    }
}

#[test]
fn the_signature_covers_the_pae_of_the_payload() {
    let signer = TestSigner::ed25519(7, "Dana Reyes", "Safety");
    let signed = signer.review(&filled_card(), Decision::Approve, 5_000);
    let task = signed.prepare().unwrap().task;
    let payload = signed.envelope.payload_bytes().unwrap();
    let mut expected =
        format!("DSSEv1 28 application/vnd.in-toto+json {} ", payload.len()).into_bytes();
    expected.extend(&payload);
    assert_eq!(task.message, expected);
    assert_eq!(signed.envelope.signatures[0].keyid, signer.identity.fingerprint);
}

#[test]
fn tampering_with_any_part_fails() {
    let card = filled_card();
    for signer in [TestSigner::ed25519(7, "Dana", "Safety"), TestSigner::p256(9, "Lee", "Legal")] {
        let signed = signer.review(&card, Decision::Approve, 5_000);
        let invalid = |forged: &SignedReview, what: &str| {
            assert_eq!(verify(forged).unwrap_err(), SignedError::SignatureInvalid, "{what}");
        };

        // One byte of the payload: a space added inside the JSON keeps it readable.
        let mut payload = signed.envelope.payload_bytes().unwrap();
        let at = payload.iter().position(|&b| b == b',').unwrap();
        payload.insert(at + 1, b' ');
        let mut forged = signed.clone();
        forged.envelope.payload = envelope::encode_base64(&payload);
        invalid(&forged, "payload byte");
        let mut flipped = signed.envelope.payload_bytes().unwrap();
        let last = flipped.len() - 2;
        flipped[last] ^= 1;
        forged.envelope.payload = envelope::encode_base64(&flipped);
        invalid(&forged, "payload bit");

        let forged =
            with_payload(&signed, |v| v["subject"][0]["digest"]["sha256"] = "0".repeat(64).into());
        invalid(&forged, "subject digest");

        let forged =
            with_payload(&signed, |v| v["predicate"]["reviewer"]["name"] = "Mallory".into());
        invalid(&forged, "reviewer name");

        let forged =
            with_payload(&signed, |v| v["predicate"]["decision"] = "request_changes".into());
        invalid(&forged, "decision");

        let mut sig = envelope::decode_base64("sig", &signed.envelope.signatures[0].sig).unwrap();
        sig[10] ^= 0x40;
        let mut forged = signed.clone();
        forged.envelope.signatures[0].sig = envelope::encode_base64(&sig);
        invalid(&forged, "signature byte");

        let mut forged = signed.clone();
        forged.envelope.payload_type = "application/json".into();
        assert!(matches!(verify(&forged), Err(SignedError::PayloadType(_))));
    }
}

#[test]
fn another_key_does_not_verify_and_a_stated_fingerprint_must_be_the_keys() {
    let card = filled_card();
    let dana = TestSigner::ed25519(7, "Dana", "Safety");
    let mallory = TestSigner::ed25519(8, "Dana", "Safety");
    let signed = dana.review(&card, Decision::Approve, 5_000);

    // Swap in another key, consistently: the fingerprint and keyid follow it.
    let mut forged = signed.clone();
    forged.signer = mallory.identity.clone();
    forged.envelope.signatures[0].keyid = mallory.identity.fingerprint.clone();
    assert_eq!(verify(&forged).unwrap_err(), SignedError::SignatureInvalid);

    // Swap the key but keep the old fingerprint: the identity itself is refused.
    let mut forged = signed.clone();
    forged.signer.public_key = mallory.identity.public_key.clone();
    assert!(matches!(verify(&forged), Err(SignedError::FingerprintMismatch { .. })));

    // A keyid that is not the signer's.
    let mut forged = signed.clone();
    forged.envelope.signatures[0].keyid = "0".repeat(64);
    assert!(matches!(verify(&forged), Err(SignedError::KeyIdMismatch { .. })));

    // Mallory signs a statement that names Dana's key: it verifies as Mallory's, and the
    // mismatch is caught after the signature.
    let mut statement = signed.claimed_statement().unwrap();
    statement.predicate.reviewer.key_fingerprint = dana.identity.fingerprint.clone();
    let forged = mallory.sign_statement(&statement);
    assert!(matches!(verify(&forged), Err(SignedError::ReviewerKey { .. })));

    // A signer whose identity names someone else than the statement does.
    let lee = TestSigner::ed25519(8, "Lee", "Safety");
    let mut statement = signed.claimed_statement().unwrap();
    statement.predicate.reviewer.key_fingerprint = lee.identity.fingerprint.clone();
    let forged = lee.sign_statement(&statement);
    assert!(matches!(verify(&forged), Err(SignedError::SignerMismatch { field: "name", .. })));

    // Two signatures, or none.
    let mut forged = signed.clone();
    forged.envelope.signatures.push(forged.envelope.signatures[0].clone());
    assert_eq!(verify(&forged).unwrap_err(), SignedError::SignatureCount(2));
}

#[test]
fn a_statement_that_verifies_is_still_checked() {
    let dana = TestSigner::ed25519(7, "Dana", "Safety");
    let card = filled_card();
    let good = dana.review(&card, Decision::Approve, 5_000).claimed_statement().unwrap();

    let mut wrong = good.clone();
    wrong.predicate_type = "https://slsa.dev/provenance/v1".into();
    assert!(matches!(verify(&dana.sign_statement(&wrong)), Err(SignedError::WrongType { .. })));
    let mut wrong = good.clone();
    wrong.subject.push(wrong.subject[0].clone());
    assert_eq!(verify(&dana.sign_statement(&wrong)).unwrap_err(), SignedError::Subjects(2));
    let mut wrong = good.clone();
    wrong.subject[0].digest.sha256 = "ABC".into();
    assert!(matches!(verify(&dana.sign_statement(&wrong)), Err(SignedError::BadDigest(_))));
    let mut wrong = good.clone();
    wrong.subject[0].name = "OtherModel@1.0".into();
    assert!(matches!(verify(&dana.sign_statement(&wrong)), Err(SignedError::SubjectName { .. })));
    let mut wrong = good;
    wrong.predicate.reviewed_at = "yesterday".into();
    assert!(matches!(verify(&dana.sign_statement(&wrong)), Err(SignedError::BadTime(_))));
}

fn in_review(card: &Card, trusted: &[&TestSigner], policy: ApprovalPolicy) -> Workflow {
    let mut workflow = Workflow::created(1);
    for item in checklist::CHECKLIST {
        checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
    }
    for signer in trusted {
        workflow.trust(signer.identity.clone()).unwrap();
    }
    workflow.policy = policy;
    workflow.submit(card, 10).unwrap();
    workflow
}

fn attach(
    workflow: &mut Workflow,
    card: &Card,
    signed: SignedReview,
) -> Result<Attached, AttachError> {
    let verified = verify(&signed)?;
    workflow.attach_signed(card, signed, &verified, 100)
}

#[test]
fn a_review_replayed_onto_another_card_is_refused() {
    let dana = TestSigner::ed25519(7, "Dana", "Safety");
    let card = filled_card();
    let signed = dana.review(&card, Decision::Approve, 50);

    let mut other = filled_card();
    other.model_details.name = "SpeechRecognizer".into();
    let mut workflow = in_review(&other, &[&dana], ApprovalPolicy::default());
    let error = attach(&mut workflow, &other, signed.clone()).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"this review is for the card "ImageClassifier", not "SpeechRecognizer""#
    );
    assert!(workflow.signed_reviews.is_empty(), "nothing changes");
    assert_eq!(workflow.status, Status::InReview);

    // Same name, content it never had (another copy of the card).
    let mut copy = filled_card();
    copy.model_details.summary = "Another copy.".into();
    let mut workflow = in_review(&copy, &[&dana], ApprovalPolicy::default());
    let before = workflow.clone();
    assert!(matches!(attach(&mut workflow, &copy, signed), Err(AttachError::UnknownContent(_))));
    assert_eq!(workflow, before, "nothing changes");
}

#[test]
fn a_signed_approval_meeting_the_policy_approves_and_an_edit_voids_it() {
    let safety = TestSigner::ed25519(7, "Dana", "Safety");
    let legal = TestSigner::p256(9, "Lee", "Legal");
    let card = filled_card();
    let policy =
        ApprovalPolicy { roles: vec!["Safety".into(), "Legal".into()], trusted_approvals: 0 };
    let mut workflow = in_review(&card, &[&safety, &legal], policy);

    let first = attach(&mut workflow, &card, safety.review(&card, Decision::Approve, 50)).unwrap();
    let Attached::Current { status, outcome } = first else { panic!("{first:?}") };
    assert_eq!(status, Status::InReview);
    assert_eq!(outcome.unmet, [Unmet::Role("Legal".into())]);

    attach(&mut workflow, &card, legal.review(&card, Decision::Approve, 60)).unwrap();
    assert_eq!(workflow.status, Status::Approved);
    let approval = workflow.approval.clone().unwrap();
    assert_eq!(approval.content_hash, content_hash(&card));
    let signers: Vec<_> =
        approval.reviewers.iter().map(|a| (a.role.as_str(), a.fingerprint.len())).collect();
    assert_eq!(signers, [("Safety", 64), ("Legal", 64)]);

    // The same file again changes nothing.
    assert_eq!(
        attach(&mut workflow, &card, legal.review(&card, Decision::Approve, 60)).unwrap_err(),
        AttachError::AlreadyAttached
    );

    workflow.unlock(200).unwrap();
    let mut edited = card.clone();
    edited.model_details.summary = "Edited after approval.".into();
    workflow.content_edited(&edited, 210);
    assert_eq!(workflow.status, Status::Draft, "an edit voids the approval");
    assert!(!workflow.policy_outcome(&edited).is_met());

    // A review of the approved version, arriving now, is for an earlier version.
    workflow.submit(&edited, 220).unwrap();
    let late = safety.review(&card, Decision::Approve, 230_000);
    let attached = attach(&mut workflow, &edited, late).unwrap();
    assert_eq!(attached, Attached::EarlierVersion { content_hash: content_hash(&card) });
    assert_eq!(workflow.status, Status::InReview);
}

#[test]
fn unknown_signers_are_refused_and_unsigned_approvals_never_meet_a_signature_policy() {
    let safety = TestSigner::ed25519(7, "Dana", "Safety");
    let stranger = TestSigner::ed25519(3, "Sam", "Safety");
    let card = filled_card();
    let policy = ApprovalPolicy { roles: vec!["Safety".into()], trusted_approvals: 0 };
    let mut workflow = in_review(&card, &[&safety], policy);
    let before = workflow.clone();
    let error =
        attach(&mut workflow, &card, stranger.review(&card, Decision::Approve, 50)).unwrap_err();
    assert!(error.to_string().starts_with("Sam's key ("), "{error}");
    assert!(
        error
            .to_string()
            .ends_with("is not one of your trusted reviewers: import their identity first")
    );
    assert_eq!(workflow, before);

    // An unsigned approval is recorded but does not approve.
    workflow
        .review(
            &card,
            crate::review::ReviewInput {
                reviewer: "Dana".into(),
                role: "Safety".into(),
                decision: Decision::Approve,
                comment: String::new(),
                section_comments: vec![],
            },
            60,
        )
        .unwrap();
    assert_eq!(workflow.status, Status::InReview);
    assert_eq!(workflow.reviews.len(), 1);

    // Without a policy, the same unsigned approval approves, as before.
    let mut plain = in_review(&card, &[], ApprovalPolicy::default());
    plain
        .review(
            &card,
            crate::review::ReviewInput {
                reviewer: "Dana".into(),
                role: "Safety".into(),
                decision: Decision::Approve,
                comment: String::new(),
                section_comments: vec![],
            },
            60,
        )
        .unwrap();
    assert_eq!(plain.status, Status::Approved);
}

#[test]
fn a_signed_request_for_changes_sends_the_card_back() {
    let safety = TestSigner::ed25519(7, "Dana", "Safety");
    let card = filled_card();
    let mut workflow =
        in_review(&card, &[&safety], ApprovalPolicy { roles: vec![], trusted_approvals: 1 });
    attach(&mut workflow, &card, safety.review(&card, Decision::RequestChanges, 50)).unwrap();
    assert_eq!(workflow.status, Status::Draft);
    assert!(workflow.approval.is_none());
}

#[test]
fn distrusting_a_signer_or_tightening_the_policy_withdraws_the_approval() {
    let safety = TestSigner::ed25519(7, "Dana", "Safety");
    let card = filled_card();
    let mut workflow =
        in_review(&card, &[&safety], ApprovalPolicy { roles: vec![], trusted_approvals: 1 });
    attach(&mut workflow, &card, safety.review(&card, Decision::Approve, 50)).unwrap();
    assert_eq!(workflow.status, Status::Approved);
    workflow.set_policy(&card, ApprovalPolicy { roles: vec![], trusted_approvals: 2 }, 60);
    assert_eq!(workflow.status, Status::InReview);
    workflow.set_policy(&card, ApprovalPolicy { roles: vec![], trusted_approvals: 1 }, 70);
    assert_eq!(workflow.status, Status::Approved);
    workflow.distrust(&card, &safety.identity.fingerprint, 80);
    assert_eq!(workflow.status, Status::InReview);
}

/// The policy rules as a table: who signed what, and the verdict.
#[test]
fn policy_table() {
    let card = filled_card();
    let hash = content_hash(&card);
    let mut old = card.clone();
    old.model_details.summary = "Older.".into();
    let safety = TestSigner::ed25519(1, "Sara", "Safety");
    let safety2 = TestSigner::ed25519(2, "Sven", "Safety");
    let legal = TestSigner::p256(3, "Lena", "Legal");
    let stranger = TestSigner::ed25519(4, "Stan", "Legal");
    let trusted = vec![safety.identity.clone(), safety2.identity.clone(), legal.identity.clone()];
    let both_roles =
        ApprovalPolicy { roles: vec!["Safety".into(), "Legal".into()], trusted_approvals: 0 };
    let two = ApprovalPolicy { roles: vec![], trusted_approvals: 2 };
    let none = ApprovalPolicy::default();
    let a = |s: &TestSigner, at| verify(&s.review(&card, Decision::Approve, at)).unwrap();
    let r = |s: &TestSigner, at| verify(&s.review(&card, Decision::RequestChanges, at)).unwrap();
    let old_a = |s: &TestSigner| verify(&s.review(&old, Decision::Approve, 1)).unwrap();
    let mut relabelled = a(&legal, 5).statement().clone();
    relabelled.predicate.reviewer.role = "Safety".into();
    let legal_as_safety = TestSigner::p256(3, "Lena", "Safety");
    let legal_as_safety = verify(&legal_as_safety.sign_statement(&relabelled)).unwrap();

    struct Row {
        name: &'static str,
        policy: ApprovalPolicy,
        signed: Vec<Verified>,
        unsigned: usize,
        met: bool,
        unmet: Vec<Unmet>,
    }
    let rows = [
        Row {
            name: "both roles approve",
            policy: both_roles.clone(),
            signed: vec![a(&safety, 1), a(&legal, 2)],
            unsigned: 0,
            met: true,
            unmet: vec![],
        },
        Row {
            name: "only Safety",
            policy: both_roles.clone(),
            signed: vec![a(&safety, 1)],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::Role("Legal".into())],
        },
        Row {
            name: "two Safety, no Legal",
            policy: both_roles.clone(),
            signed: vec![a(&safety, 1), a(&safety2, 2)],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::Role("Legal".into())],
        },
        Row {
            name: "Legal by an untrusted key",
            policy: both_roles.clone(),
            signed: vec![a(&safety, 1), a(&stranger, 2)],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::Role("Legal".into())],
        },
        Row {
            name: "Legal approved an earlier version",
            policy: both_roles.clone(),
            signed: vec![a(&safety, 1), old_a(&legal)],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::Role("Legal".into())],
        },
        Row {
            name: "a Legal key signing as Safety",
            policy: both_roles.clone(),
            signed: vec![legal_as_safety.clone()],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::Role("Safety".into()), Unmet::Role("Legal".into())],
        },
        Row {
            name: "unsigned approvals never meet it",
            policy: both_roles.clone(),
            signed: vec![],
            unsigned: 5,
            met: false,
            unmet: vec![Unmet::Role("Safety".into()), Unmet::Role("Legal".into())],
        },
        Row {
            name: "Legal approved, then requested changes",
            policy: both_roles.clone(),
            signed: vec![a(&safety, 1), a(&legal, 2), r(&legal, 3)],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::ChangesRequested("Lena".into()), Unmet::Role("Legal".into())],
        },
        Row {
            name: "Legal requested changes, then approved",
            policy: both_roles.clone(),
            signed: vec![a(&safety, 1), r(&legal, 2), a(&legal, 3)],
            unsigned: 0,
            met: true,
            unmet: vec![],
        },
        Row {
            name: "roles match regardless of case",
            policy: ApprovalPolicy { roles: vec![" safety ".into()], trusted_approvals: 0 },
            signed: vec![a(&safety, 1)],
            unsigned: 0,
            met: true,
            unmet: vec![],
        },
        Row {
            name: "two of the trusted",
            policy: two.clone(),
            signed: vec![a(&safety, 1), a(&legal, 2)],
            unsigned: 0,
            met: true,
            unmet: vec![],
        },
        Row {
            name: "one reviewer twice is one",
            policy: two.clone(),
            signed: vec![a(&safety, 1), a(&safety, 2)],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::TrustedApprovals { needed: 2, have: 1 }],
        },
        Row {
            name: "a stranger is not trusted",
            policy: two.clone(),
            signed: vec![a(&safety, 1), a(&stranger, 2)],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::TrustedApprovals { needed: 2, have: 1 }],
        },
        Row {
            name: "roles and a count together",
            policy: ApprovalPolicy { roles: vec!["Legal".into()], trusted_approvals: 2 },
            signed: vec![a(&legal, 1), a(&safety, 2)],
            unsigned: 0,
            met: true,
            unmet: vec![],
        },
        Row {
            name: "no policy: one unsigned approval",
            policy: none.clone(),
            signed: vec![],
            unsigned: 1,
            met: true,
            unmet: vec![],
        },
        Row {
            name: "no policy: one signed approval",
            policy: none.clone(),
            signed: vec![a(&safety, 1)],
            unsigned: 0,
            met: true,
            unmet: vec![],
        },
        Row {
            name: "no policy: nothing",
            policy: none.clone(),
            signed: vec![],
            unsigned: 0,
            met: false,
            unmet: vec![Unmet::NoApproval],
        },
        Row {
            name: "no policy: changes requested",
            policy: none,
            signed: vec![r(&safety, 1)],
            unsigned: 1,
            met: false,
            unmet: vec![Unmet::ChangesRequested("Sara".into())],
        },
    ];
    for row in rows {
        let outcome = evaluate(&row.policy, &trusted, &hash, &row.signed, row.unsigned);
        assert_eq!(outcome.is_met(), row.met, "{}: {outcome:?}", row.name);
        assert_eq!(outcome.unmet, row.unmet, "{}", row.name);
    }

    // Why the ones left out were left out.
    let outcome = evaluate(
        &both_roles,
        &trusted,
        &hash,
        &[old_a(&legal), a(&stranger, 1), legal_as_safety],
        0,
    );
    let reasons: Vec<String> = outcome.ignored.iter().map(ToString::to_string).collect();
    assert_eq!(reasons[0], "Lena's review is for an earlier version");
    assert!(reasons[1].starts_with("Stan (key "), "{}", reasons[1]);
    assert_eq!(reasons[2], "Lena signed as Safety, but is trusted as Legal");
    assert!(matches!(outcome.ignored[0], Ignored::EarlierVersion { .. }));
}

#[test]
fn policies_describe_themselves() {
    let describe = |roles: &[&str], n| {
        ApprovalPolicy {
            roles: roles.iter().map(|r| (*r).to_owned()).collect(),
            trusted_approvals: n,
        }
        .describe()
    };
    assert_eq!(describe(&[], 0), "one approval, signed or not");
    assert_eq!(describe(&["Safety"], 0), "a signed approval from Safety");
    assert_eq!(describe(&["Safety", "Legal"], 0), "a signed approval each from Safety and Legal");
    assert_eq!(describe(&[], 2), "2 trusted reviewers' signed approvals");
    assert_eq!(
        describe(&["Legal"], 1),
        "a signed approval from Legal, and 1 trusted reviewer's signed approval"
    );
}

#[test]
fn a_review_request_carries_the_card_and_the_last_approved_version() {
    let safety = TestSigner::ed25519(7, "Dana", "Safety");
    let card = filled_card();
    let mut workflow = in_review(&card, &[&safety], ApprovalPolicy::default());
    let first = ReviewRequest::new("draft-1", &card, &workflow, 20);
    assert!(first.base.is_none());
    assert!(first.changes().is_empty());
    let reread = ReviewRequest::from_json(&first.to_json()).unwrap();
    assert_eq!(reread, first);

    attach(&mut workflow, &card, safety.review(&card, Decision::Approve, 50)).unwrap();
    workflow.unlock(60).unwrap();
    let mut edited = card.clone();
    edited.model_details.summary = "Now with a summary that changed.".into();
    workflow.content_edited(&edited, 70);
    workflow.submit(&edited, 80).unwrap();
    let second = ReviewRequest::new("draft-1", &edited, &workflow, 90);
    assert_eq!(second.base.as_ref().unwrap().content_hash, content_hash(&card));
    let changes = second.changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].path, "model_details.summary");

    let mut altered = second.clone();
    altered.card.model_details.name = "Other".into();
    let error = ReviewRequest::from_json(&altered.to_json()).unwrap_err();
    assert!(matches!(error, SignedError::RequestAltered { .. }), "{error}");
}

#[test]
fn an_imported_approval_that_the_signed_reviews_do_not_support_is_reconciled_to_draft() {
    let safety = TestSigner::ed25519(7, "Dana", "Safety");
    let card = filled_card();
    let policy = ApprovalPolicy { roles: vec!["Safety".into()], trusted_approvals: 0 };
    let mut workflow = in_review(&card, &[&safety], policy);
    attach(&mut workflow, &card, safety.review(&card, Decision::Approve, 50)).unwrap();
    assert_eq!(workflow.status, Status::Approved);
    assert!(workflow.clone().reconcile(&card).is_empty());
    assert!(workflow.signed_problems().is_empty());

    // A hand-edited file: the envelope's payload altered so it no longer reads.
    let mut forged = workflow.clone();
    forged.signed_reviews[0].envelope.payload = "e30=".into();
    let problems = forged.reconcile(&card);
    assert_eq!(forged.status, Status::Draft);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path(), "workflow.policy");
    assert!(problems[0].to_string().starts_with(
        "asks for a signed approval from Safety; the signed reviews of this content do not give it: needs a signed approval from Safety"
    ), "{}", problems[0]);

    // Admitting it as an import sets the unreadable envelope aside, and says where.
    let mut admitted = workflow.clone();
    admitted.signed_reviews[0].envelope.payload = "e30=".into();
    let findings = admitted.admit(&card, 1_796_083_200_000);
    // (The test's times are from 1970, which admitting also sets aside.)
    let paths: Vec<&str> = findings
        .iter()
        .map(|f| f.path())
        .filter(|p| p.contains("signed") || p.contains("policy"))
        .collect();
    assert_eq!(paths, ["workflow.signed_reviews.0", "workflow.policy"], "{findings:?}");
    assert!(admitted.signed_reviews.is_empty());
    assert_eq!(admitted.status, Status::Draft);
    let listed = forged.signed_problems();
    assert_eq!(listed[0].0, "workflow.signed_reviews[0]");

    // A signature the browser found invalid is taken out, and the approval with it.
    let mut checked = workflow.clone();
    let refused = checked.refuse_signed(&card, &[0], 60);
    assert_eq!(refused.len(), 1);
    assert!(checked.signed_reviews.is_empty());
    assert_eq!(checked.status, Status::InReview);
}

#[test]
fn the_report_has_a_line_per_signer_and_the_policys_verdict() {
    let safety = TestSigner::ed25519(7, "Dana", "Safety");
    let legal = TestSigner::p256(9, "Lee", "Legal");
    let card = filled_card();
    let policy =
        ApprovalPolicy { roles: vec!["Safety".into(), "Legal".into()], trusted_approvals: 0 };
    let mut workflow = in_review(&card, &[&safety, &legal], policy);
    attach(&mut workflow, &card, safety.review(&card, Decision::Approve, 1_764_000_000_000))
        .unwrap();
    attach(&mut workflow, &card, legal.review(&card, Decision::Approve, 1_764_000_060_000))
        .unwrap();
    let trusted = workflow.trusted.clone();
    let report = report::verify_native(&workflow, &card, &trusted);
    assert!(report.is_valid(), "{report:?}");
    let lines: Vec<String> = report.lines.iter().map(ToString::to_string).collect();
    assert!(
        lines[0].starts_with("verified  Dana (Safety) approved 2025-11-24 key "),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with(": covers the current content"), "{}", lines[0]);
    assert_eq!(report.lines[1].headline(), "Signed by Lee (Legal) (verified)");

    // Forge the second: the report names it and the card is not valid.
    let mut forged = workflow.clone();
    forged.signed_reviews[1] =
        with_payload(&forged.signed_reviews[1], |v| v["predicate"]["comment"] = "Edited.".into());
    let report = report::verify_native(&forged, &card, &trusted);
    assert!(!report.is_valid());
    assert!(matches!(report.lines[1].standing, Standing::Invalid(_)));
    assert!(report.lines[1].headline().ends_with(": signature invalid"));
    assert_eq!(report.outcome.unmet, [Unmet::Role("Legal".into())]);

    // Trusting no one: the signatures verify, but the policy is not met.
    let report = report::verify_native(&workflow, &card, &[]);
    assert!(!report.is_valid());
    assert!(report.lines[0].to_string().ends_with("not a trusted key"));
}
