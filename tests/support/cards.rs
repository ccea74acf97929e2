//! The cards every CycloneDX test exports: the seed and filled examples, every template,
//! every corpus card (Hugging Face and Model Card Toolkit) and the official vectors.

use std::path::{Path, PathBuf};

use model_card_studio::card::example::{filled_card, seed_card};
use model_card_studio::card::templates::Template;
use model_card_studio::document::Document;
use model_card_studio::formats::{cyclonedx, hf, mct};
use model_card_studio::review::{Decision, ReviewInput, Tick, Workflow, checklist};
use serde_json::Value;

pub fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(path)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn vector(name: &str) -> String {
    read(&corpus(&format!("cyclonedx/{name}")))
}

/// The official ML test vectors.
pub const VECTORS: [&str; 2] =
    ["valid-machine-learning-1.6.json", "valid-machine-learning-considerations-env-1.6.json"];

/// Every card the app can hold, as a document with a name for messages.
pub fn every_card() -> Vec<(String, Document)> {
    let mut cards = vec![
        ("seed".to_owned(), Document::new(seed_card())),
        ("filled".to_owned(), Document::new(filled_card())),
    ];
    for template in Template::ALL {
        cards.push((format!("template {}", template.id()), Document::new(template.card())));
    }
    for entry in std::fs::read_dir(corpus("hf")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            cards.push((name, hf::import(&read(&path)).0));
        }
    }
    for entry in std::fs::read_dir(corpus("mct")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let value: Value = serde_json::from_str(&read(&path)).unwrap();
            cards.push((name, mct::import(value).unwrap().0));
        }
    }
    cards.push(("every CycloneDX field".to_owned(), Document::new(every_cyclonedx_field())));
    cards.push(("filled, approved".to_owned(), approved(filled_card(), false)));
    cards.push(("filled, published".to_owned(), approved(filled_card(), true)));
    // Signed in Chromium: its approvals reference the signed reviews.
    let signed =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signed/two-signers.json"));
    cards.push((
        "filled, published with two signed reviews".to_owned(),
        model_card_studio::document::from_json(&signed).unwrap(),
    ));
    for name in VECTORS {
        cards
            .push((name.to_owned(), cyclonedx::import(&vector(name)).unwrap().documents.remove(0)));
    }
    cards
}

/// 2026-11-20 10:00:00 UTC, in milliseconds.
pub const NOVEMBER_20: u64 = 1_795_168_800_000;

/// A card taken through review by two reviewers, and published if asked.
pub fn approved(card: model_card_studio::card::Card, publish: bool) -> Document {
    let mut workflow = Workflow::created(NOVEMBER_20 - 86_400_000);
    for item in checklist::CHECKLIST {
        checklist::set_tick(
            &mut workflow.checklist,
            item.id,
            Tick::NotApplicable("Checked for the test.".into()),
        );
    }
    workflow.submit(&card, NOVEMBER_20 - 3_600_000).unwrap();
    for (reviewer, role, at) in
        [("Dana Lee", "Ethics reviewer", NOVEMBER_20 - 60_000), ("Sam Roe", "ML lead", NOVEMBER_20)]
    {
        let review = ReviewInput {
            reviewer: reviewer.into(),
            role: role.into(),
            decision: Decision::Approve,
            comment: "Looks right.".into(),
            section_comments: vec![],
        };
        workflow.review(&card, review, at).unwrap();
    }
    if publish {
        workflow.publish(&card, NOVEMBER_20 + 3_600_000).unwrap();
    }
    Document { card, workflow, ..Document::default() }
}

/// A 1.6 BOM's text restated as another version (the ML vectors are valid in 1.5 and 1.7:
/// the python test checks it).
pub fn as_version(text: &str, version: &str) -> String {
    text.replace("\"specVersion\": \"1.6\"", &format!("\"specVersion\": \"{version}\""))
        .replace("bom-1.6.schema.json", &format!("bom-{version}.schema.json"))
}

/// A CycloneDX 1.7 BOM with fields 1.6 does not have, in the model's component and
/// around it.
pub fn newer_fields_bom() -> String {
    let mut bom: Value = serde_json::from_str(&as_version(&vector(VECTORS[0]), "1.7")).unwrap();
    let model = &mut bom["components"][0];
    model["isExternal"] = Value::Bool(false);
    model["externalReferences"] = serde_json::json!([{
        "type": "vcs",
        "url": "https://example.org/stable-diffusion.git",
        "properties": [{"name": "branch", "value": "main"}]
    }]);
    bom["metadata"] = serde_json::json!({
        "timestamp": "2025-10-21T12:00:00Z",
        "distributionConstraints": {"tlp": "GREEN"}
    });
    bom["citations"] = serde_json::json!([{
        "pointers": ["/components/0/description"],
        "timestamp": "2025-10-21T12:00:00Z",
        "attributedTo": "component-a"
    }]);
    serde_json::to_string_pretty(&bom).unwrap()
}

/// The filled card with the fields that only CycloneDX has a standard place for.
pub fn every_cyclonedx_field() -> model_card_studio::card::Card {
    let mut card = filled_card();
    card.training_procedure.learning_approach = "supervised".into();
    card.technical_specifications.inputs = vec!["image".into()];
    card.technical_specifications.outputs = vec!["label".into(), "score".into()];
    card.ethical_considerations.fairness_assessments =
        vec![model_card_studio::card::FairnessAssessment {
            group_at_risk: "Sellers of handmade goods".into(),
            benefits: "Faster listing".into(),
            harms: "Unusual products may be put in the wrong category".into(),
            mitigation: "Low-confidence suggestions go to a person".into(),
        }];
    card.environmental_impact.energy_consumed = "52".into();
    card
}
