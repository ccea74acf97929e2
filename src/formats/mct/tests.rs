//! MCT against the real cards and schemas in `../shared/corpus/mct`.

use serde_json::json;

use super::*;
use crate::card::example::filled_card;
use crate::document::Document;

fn corpus(name: &str) -> Value {
    let path = format!("{}/../shared/corpus/mct/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
        .unwrap()
}

/// Checks a document against the MCT v0.0.2 schema with a real JSON Schema validator,
/// the way MCT itself validates (Python's jsonschema, where `format` is an annotation):
/// MCT's own `train_data.json` has the link "path/to/train", which is no URI.
fn assert_valid_v002(text: &str) {
    let schema = corpus("model_card.schema.json");
    let validator = jsonschema::options().should_validate_formats(false).build(&schema).unwrap();
    let instance: Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not valid MCT v0.0.2: {errors:#?}");
}

#[test]
fn imports_a_v001_card_upgraded_as_mct_does_with_its_graphics() {
    let (document, report) = import(corpus("cats_vs_dogs_v0_0_1.json")).unwrap();
    let card = &document.card;
    assert!(report.notes[0].contains("Upgraded from MCT schema 0.0.1"));
    assert_eq!(card.model_details.name, "Fine-tuned MobileNetV2 Model for Cat vs. Dogs");
    assert_eq!(card.model_details.owners[0].contact, "model-cards@google.com");
    assert_eq!(
        card.model_details.license.id, "other",
        "v0.0.1's license string becomes custom_text, as MCT does"
    );
    assert_eq!(card.model_details.license.name, "Apache-2.0");
    assert_eq!(
        card.more.more_information,
        "- https://www.kaggle.com/c/dogs-vs-cats\n- https://arxiv.org/abs/1801.04381"
    );
    let names: Vec<&str> = card.evaluation_data.datasets.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Validation Set"]);
    let graphic = &card.evaluation_data.datasets[0].graphics[0];
    assert_eq!(graphic.name, "Validation Set Size");
    assert!(graphic.image.starts_with("iVBORw0KGgo"), "the base64 PNG is kept");
    let first = &card.quantitative_analysis.results[0];
    assert!(first.value.parse::<f64>().is_ok(), "numeric values become text: {first:?}");
    assert!(!card.quantitative_analysis.graphics.is_empty());
    // v0.0.1 graphics carry a description that v0.0.2 has no place for: kept, by path.
    assert!(report.kept_raw.iter().any(|p| p.ends_with("/description")), "{:?}", report.kept_raw);
}

#[test]
fn imports_a_v002_card_keeping_unknown_nested_keys_with_a_warning() {
    let (document, report) = import(corpus("train_data.json")).unwrap();
    let card = &document.card;
    assert_eq!(card.model_details.name, "train-only model");
    assert_eq!(card.model_details.version.changes, "Updated dataset.");
    assert_eq!(card.training_data.datasets[0].name, "train_split");
    assert_eq!(card.model_details.license.id, "Apache 2.0");
    // "citation" (singular) is not in the v0.0.2 schema: kept, with a warning.
    assert!(
        report.kept_raw.contains(&"/model_details/citation".to_owned()),
        "{:?}",
        report.kept_raw
    );
    assert!(report.notes.iter().any(|n| n.contains("kept and written back")));
    let (exported, _) = export(&document);
    let value: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(value["model_details"]["citation"], json!({"citation": "https://doi.org/foo/bar"}));
}

#[test]
fn the_validator_is_real_and_rejects_what_the_schema_forbids() {
    let schema = corpus("model_card.schema.json");
    let validator = jsonschema::options().should_validate_formats(false).build(&schema).unwrap();
    assert!(
        validator.is_valid(&json!({"schema_version": "0.0.2", "model_details": {"name": "x"}}))
    );
    assert!(!validator.is_valid(&json!({"schema_version": "0.0.2", "unknown_top_level": 1})));
    assert!(!validator.is_valid(&json!({"model_details": {"owners": "not a list"}})));
}

#[test]
fn us_dates_are_read_as_iso_and_unreadable_dates_are_reported_on_export() {
    let (document, report) = import(corpus("cats_vs_dogs_v0_0_1.json")).unwrap();
    assert_eq!(document.card.model_details.version.date, "2020-08-28");
    assert!(
        report.notes.contains(
            &"The version date 08/28/2020 was read as 2020-08-28 (YYYY-MM-DD).".to_owned()
        )
    );
    let mut card = document.card;
    card.model_details.version.date = "12/25/2024".into();
    let (text, notes) = export(&Document::new(card.clone()));
    assert!(text.contains("\"2024-12-25\""));
    assert!(notes.iter().any(|n| n.contains("written as 2024-12-25")), "{notes:?}");
    // A date it cannot normalise stays as written (MCT's full.json has "2020/02/02").
    for written in ["2020/02/02", "last spring"] {
        card.model_details.version.date = written.into();
        let (text, notes) = export(&Document::new(card.clone()));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["model_details"]["version"]["date"], written);
        assert!(
            notes
                .iter()
                .any(|n| n.contains(&format!("\"{written}\"")) && n.contains("written as it is")),
            "{notes:?}"
        );
        assert_valid_v002(&text);
    }
}

#[test]
fn exports_validate_against_the_v002_schema() {
    for name in ["cats_vs_dogs_v0_0_1.json", "train_data.json"] {
        let (document, _) = import(corpus(name)).unwrap();
        let (text, notes) = export(&document);
        assert_valid_v002(&text);
        assert!(notes.iter().all(|n| !n.contains("left out")), "{notes:?}");
    }
    let (text, _) = export(&Document::new(filled_card()));
    assert_valid_v002(&text);
}

#[test]
fn mct_round_trips_through_our_card() {
    for name in ["cats_vs_dogs_v0_0_1.json", "train_data.json"] {
        let (first, _) = import(corpus(name)).unwrap();
        let (text, _) = export(&first);
        let (second, _) = import(serde_json::from_str(&text).unwrap()).unwrap();
        assert_eq!(second.card, first.card, "{name}");
    }
}

#[test]
fn fields_mct_lacks_are_moved_or_reported_never_dropped_silently() {
    let (text, notes) = export(&Document::new(filled_card()));
    let value: Value = serde_json::from_str(&text).unwrap();
    let limitations = value["considerations"]["limitations"].to_string();
    assert!(limitations.contains("Out-of-scope uses: Photos of people"), "{limitations}");
    assert!(limitations.contains("Relevant factors: Lighting"), "{limitations}");
    assert!(value["considerations"]["tradeoffs"].to_string().contains("Not tested on photos"));
    assert_eq!(value["quantitative_analysis"]["performance_metrics"][3]["threshold"], "0.6");
    assert!(notes.iter().any(|n| n == "Out-of-scope uses went into considerations.limitations."));
    let unplaced = notes.iter().find(|n| n.starts_with("MCT has no place for:")).unwrap();
    for label in ["environmental impact", "how to get started", "glossary"] {
        assert!(unplaced.contains(label), "{unplaced}");
    }
}

#[test]
fn recognises_mct_json() {
    let object = corpus("train_data.json");
    assert!(looks_like_mct(object.as_object().unwrap()));
    assert!(!looks_like_mct(json!({"schema_version": 3, "card": {}}).as_object().unwrap()));
}
