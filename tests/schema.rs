//! Our JSON format is described by `schema/model-card.schema.json`, generated from the
//! types. The file must be current, and every export must validate against it.
//! `UPDATE_GOLDEN=1 cargo test --test schema` rewrites the file.

use std::path::Path;

use model_card_studio::card::example::filled_card;
use model_card_studio::document::{self, Document, json_schema, to_json};
use model_card_studio::formats::import_any;
use model_card_studio::review::{Decision, ReviewInput, Tick, Workflow, checklist};
use serde_json::Value;

fn schema_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/model-card.schema.json")
}

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(name: &str, text: &str) {
    let instance: Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name} does not match schema/model-card.schema.json: {errors:#?}");
}

#[test]
fn the_schema_file_is_generated_from_the_types() {
    let generated = json_schema();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(schema_path(), &generated).unwrap();
    }
    let committed = std::fs::read_to_string(schema_path()).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/model-card.schema.json is stale: run UPDATE_GOLDEN=1 cargo test --test schema"
    );
}

#[test]
fn exports_validate_against_the_schema() {
    // A filled card with a full workflow: submitted, reviewed, approved, published.
    let card = filled_card();
    let mut workflow = Workflow::created(1);
    for item in checklist::CHECKLIST {
        checklist::set_tick(
            &mut workflow.checklist,
            item.id,
            Tick::NotApplicable("Shown for the schema.".into()),
        );
    }
    workflow.submit(&card, 2).unwrap();
    let review = ReviewInput {
        reviewer: "R".into(),
        role: "Board".into(),
        decision: Decision::Approve,
        comment: "ok".into(),
        section_comments: vec![],
    };
    workflow.review(&card, review, 3).unwrap();
    workflow.publish(&card, 4).unwrap();
    assert_valid("the published filled card", &to_json(&Document { card, workflow, source: None }));

    // Every card of the corpus, as imported.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    for dir in ["hf", "mct"] {
        for entry in std::fs::read_dir(corpus.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".tsv") || name.contains("schema") || path.is_dir() {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let outcome =
                import_any(&text, 1_796_083_200_000).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_valid(&name, &document::to_json(&outcome.document));
        }
    }
}

#[test]
fn the_schema_rejects_what_is_not_a_card() {
    let validator = validator();
    assert!(!validator.is_valid(
        &serde_json::json!({"schema_version": 3, "card": {"model_details": {"name": 5}}})
    ));
    assert!(
        !validator.is_valid(
            &serde_json::json!({"schema_version": 3, "workflow": {"status": "finished"}})
        )
    );
}
