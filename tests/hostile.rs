//! Hostile documents: every part of an imported document's workflow is checked at the one
//! way in, `formats::import_any`. Each crafted file below must import without a panic,
//! with exactly the report line that names what was set aside and where, and leave a
//! document every screen can show.

use model_card_studio::card::example::filled_card;
use model_card_studio::check;
use model_card_studio::document::{self, Document};
use model_card_studio::formats::{self, ImportOutcome};
use model_card_studio::review::canonical::content_hash;
use model_card_studio::review::{Decision, ReviewInput, Status, Tick, Workflow, checklist};
use serde_json::{Value, json};

mod support {
    pub mod present;
}

/// 2026-12-01T00:00:00Z: the clock of these imports.
const NOW: u64 = 1_796_083_200_000;
const DAY: u64 = 24 * 60 * 60 * 1000;

/// A published card with a real history: what the app itself writes.
fn published() -> Document {
    let card = filled_card();
    let mut workflow = Workflow::created(NOW - 10 * DAY);
    for item in checklist::CHECKLIST {
        checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
    }
    workflow.submit(&card, NOW - 9 * DAY).unwrap();
    let review = ReviewInput {
        reviewer: "Rita".into(),
        role: "Safety".into(),
        decision: Decision::Approve,
        comment: String::new(),
        section_comments: vec![],
    };
    workflow.review(&card, review, NOW - 8 * DAY).unwrap();
    workflow.publish(&card, NOW - 7 * DAY).unwrap();
    Document { card, workflow, source: None }
}

/// The document as JSON, changed by `edit`, imported.
fn import_edited(edit: impl FnOnce(&mut Value)) -> ImportOutcome {
    let mut value: Value = serde_json::from_str(&document::to_json(&published())).unwrap();
    edit(&mut value);
    formats::import_any(&value.to_string(), NOW).unwrap()
}

/// Everything the screens and exports do with a document must work on what came in.
fn every_presentation_works(outcome: &ImportOutcome) {
    support::present::present_everything(&outcome.document, NOW);
    let _ = check::check_imported(&outcome.document, &outcome.findings);
}

#[test]
fn the_app_s_own_published_card_is_admitted_unchanged() {
    let document = published();
    let outcome = formats::import_any(&document::to_json(&document), NOW).unwrap();
    assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    assert_eq!(outcome.document, document);
    every_presentation_works(&outcome);
}

/// (what is wrong, how to make it, the one report line it must produce)
type Case = (&'static str, fn(&mut Value), String);

fn cases() -> Vec<Case> {
    let card_hash = content_hash(&filled_card());
    vec![
        (
            "a hash that is not hex",
            |v| v["workflow"]["reviews"][0]["content_hash"] = "z".repeat(64).into(),
            format!(
                "workflow.reviews.0.content_hash: {:?} is not a SHA-256 (64 lowercase hex digits); it was set aside",
                "z".repeat(64)
            ),
        ),
        (
            "an upper-case hash",
            |v| v["workflow"]["snapshots"][0]["content_hash"] = content_hash(&filled_card()).to_uppercase().into(),
            format!(
                "workflow.snapshots.0.content_hash: {:?} is not a SHA-256 (64 lowercase hex digits); it was set aside",
                card_hash.to_uppercase()
            ),
        ),
        (
            "a multibyte hash in the history (the Review tab once panicked on it)",
            |v| v["workflow"]["history"][1]["event"] = json!({"submitted": {"content_hash": "é€€€€€"}}),
            "workflow.history.1.event.content_hash: \"é€€€€€\" is not a SHA-256 (64 lowercase hex digits); it was set aside".into(),
        ),
        (
            "a snapshot whose card does not match its hash",
            |v| v["workflow"]["snapshots"][0]["card"]["model_details"]["name"] = "Someone else".into(),
            format!("workflow.snapshots.0: is kept as {card_hash}, but its card hashes to {}; it was set aside", {
                let mut card = filled_card();
                card.model_details.name = "Someone else".into();
                content_hash(&card)
            }),
        ),
        (
            "a history event from the future",
            |v| v["workflow"]["history"][2]["at"] = (NOW + 400 * DAY).into(),
            format!(
                "workflow.history.2.at: the time {} (2028-01-05T00:00:00Z) is in the future; it was set aside",
                NOW + 400 * DAY
            ),
        ),
        (
            "a time before the year 2000",
            |v| v["workflow"]["reviews"][0]["at"] = 5.into(),
            "workflow.reviews.0.at: the time 5 is before the year 2000; it was set aside".into(),
        ),
        (
            "100,000 history events",
            |v| {
                let event = v["workflow"]["history"][0].clone();
                v["workflow"]["history"] = Value::Array(vec![event; 100_000]);
            },
            "workflow.history: has 100000 entries; only the newest 10000 are kept; it was set aside".into(),
        ),
        (
            "an approval for other content",
            |v| {
                v["workflow"]["status"] = "approved".into();
                v["workflow"]["approval"]["content_hash"] = "a".repeat(64).into();
            },
            format!(
                "workflow.approval.content_hash: is {}, but the content hashes to {card_hash}; so the card is imported as a draft",
                "a".repeat(64)
            ),
        ),
        (
            "a publication with an approval of other content",
            |v| v["workflow"]["publications"][0]["approval"]["content_hash"] = "b".repeat(64).into(),
            "workflow.publications.0: version 1.0 was published with an approval of other content; it was set aside".into(),
        ),
        (
            "a checklist answer for an item that does not exist",
            |v| v["workflow"]["checklist"][0]["item"] = "<img src=x onerror=alert(1)>".into(),
            "workflow.checklist.0: \"<img src=x onerror=alert(1)>\" is not an item of the checklist, or is answered twice; it was set aside".into(),
        ),
    ]
}

#[test]
fn every_hostile_document_is_admitted_with_its_report_line() {
    for (what, edit, line) in cases() {
        let outcome = import_edited(edit);
        assert!(
            outcome.report.problems.contains(&line),
            "{what}: expected\n  {line}\nin\n  {:#?}",
            outcome.report.problems
        );
        every_presentation_works(&outcome);
        // What came in is now trusted: admitting it again finds nothing.
        let mut again = outcome.document.clone();
        assert!(again.admit(NOW).is_empty(), "{what}: a second admission still finds problems");
    }
}

#[test]
fn a_card_whose_publication_was_set_aside_is_a_draft() {
    let outcome = import_edited(|v| v["workflow"]["publications"][0]["content_hash"] = "é".into());
    assert_eq!(outcome.document.workflow.status, Status::Draft);
    assert!(outcome.document.workflow.publications.is_empty());
    assert!(
        outcome.report.problems.iter().any(|p| p.starts_with("workflow.status: says published")),
        "{:?}",
        outcome.report.problems
    );
}

#[test]
fn modelcard_check_reports_what_import_set_aside() {
    let outcome = import_edited(|v| {
        v["workflow"]["history"][1]["event"] = json!({"submitted": {"content_hash": "é€€€€€"}})
    });
    let problems = check::check_imported(&outcome.document, &outcome.findings);
    let first = problems.first().map(ToString::to_string).unwrap_or_default();
    assert_eq!(
        first,
        "workflow.history.1.event.content_hash: \"é€€€€€\" is not a SHA-256 (64 lowercase hex digits); set aside on import"
    );
}
