//! CycloneDX ML-BOM export and import, checked by the official schema and the official
//! test vectors (`../shared/corpus/cyclonedx`):
//! - every export of the corpus cards, the templates and the filled example validates
//!   against `bom-1.6.schema.json` with its two referenced schemas, loaded offline into
//!   the `jsonschema` crate with format checks on;
//! - the embedded validator the app uses agrees with the `jsonschema` crate;
//! - the official vectors import with every value kept, and export again valid;
//! - the filled example card's BOM matches its golden file.
//!
//! `UPDATE_GOLDEN=1 cargo test --test cyclonedx` rewrites the embedded schemas and the
//! golden file after an intended change; review the diff.

#[path = "support/cards.rs"]
mod cards;

use std::path::Path;

use cards::{
    NOVEMBER_20, VECTORS, approved, as_version, corpus, every_card, newer_fields_bom, read, vector,
};
use model_card_studio::card::Card;
use model_card_studio::card::example::filled_card;
use model_card_studio::document::Document;
use model_card_studio::formats::cyclonedx::{self, schema};
use serde_json::{Map, Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json_file(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap()
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// The official schema without its annotations: what `schema.rs` embeds.
fn strip(schema: &Value) -> Value {
    let Value::Object(object) = schema else { return schema.clone() };
    let mut out = Map::new();
    for (key, value) in object {
        let kept = match key.as_str() {
            "properties" | "definitions" | "patternProperties" => Value::Object(
                value
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(name, subschema)| (name.clone(), strip(subschema)))
                    .collect(),
            ),
            "items"
            | "additionalProperties"
            | "additionalItems"
            | "if"
            | "then"
            | "else"
            | "not" => match value {
                Value::Array(items) => Value::Array(items.iter().map(strip).collect()),
                other => strip(other),
            },
            "oneOf" | "anyOf" | "allOf" => {
                Value::Array(value.as_array().unwrap().iter().map(strip).collect())
            }
            "$id" | "$ref" | "type" | "enum" | "const" | "required" | "pattern" | "format"
            | "minimum" | "maximum" | "minLength" | "maxLength" | "minItems" | "maxItems"
            | "uniqueItems" => value.clone(),
            // title, description, examples, $comment, meta:enum, default, deprecated, $schema
            _ => continue,
        };
        out.insert(key.clone(), kept);
    }
    Value::Object(out)
}

const SCHEMA_FILES: [&str; 3] = ["bom-1.6.schema.json", "spdx.schema.json", "jsf-0.82.schema.json"];

#[test]
fn the_embedded_schemas_are_the_official_ones_without_annotations() {
    let mut stale = Vec::new();
    for name in SCHEMA_FILES {
        let official = json_file(&corpus(&format!("cyclonedx/{name}")));
        let stripped = format!("{}\n", serde_json::to_string(&strip(&official)).unwrap());
        let embedded = root().join("src/formats/cyclonedx/schema").join(name);
        if updating() {
            std::fs::write(&embedded, &stripped).unwrap();
        }
        if read(&embedded) != stripped {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} are stale: run UPDATE_GOLDEN=1 cargo test --test cyclonedx"
    );
}

#[test]
fn every_pattern_of_the_schema_has_a_matcher() {
    fn patterns(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(object) => {
                for (key, child) in object {
                    match (key.as_str(), child) {
                        ("pattern", Value::String(p)) => out.push(p.clone()),
                        _ => patterns(child, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| patterns(i, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for name in SCHEMA_FILES {
        patterns(&strip(&json_file(&corpus(&format!("cyclonedx/{name}")))), &mut found);
    }
    assert_eq!(found.len(), 7, "{found:?}");
    for pattern in found {
        assert!(schema::pattern_is_known(&pattern), "no matcher for {pattern}");
    }
}

/// Serves the two schemas `bom-1.6.schema.json` references from the corpus, so the
/// `jsonschema` crate validates offline.
struct Offline;

impl jsonschema::Retrieve for Offline {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or_default();
        match name {
            "spdx.schema.json" | "jsf-0.82.schema.json" => {
                Ok(json_file(&corpus(&format!("cyclonedx/{name}"))))
            }
            _ => Err(format!("{uri} is not in the corpus").into()),
        }
    }
}

/// The official schema in the `jsonschema` crate, with format checks on.
fn official_validator() -> jsonschema::Validator {
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .with_retriever(Offline)
        .build(&json_file(&corpus("cyclonedx/bom-1.6.schema.json")))
        .unwrap()
}

fn official_errors(validator: &jsonschema::Validator, bom: &Value) -> Vec<String> {
    validator.iter_errors(bom).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

fn assert_valid_bom(validator: &jsonschema::Validator, name: &str, text: &str) -> Value {
    let bom: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let errors = official_errors(validator, &bom);
    assert!(errors.is_empty(), "{name} is not a valid CycloneDX 1.6 BOM: {errors:#?}");
    let ours = schema::validate(&bom, schema::Strictness::Strict);
    assert!(ours.is_empty(), "{name}: the embedded validator disagrees: {ours:#?}");
    bom
}

/// Every leaf of a document as (path without list indices, value): the order of keys
/// and of list items may change, the values may not.
fn leaves(value: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                leaves(child, &format!("{path}/{key}"), out);
            }
        }
        Value::Array(items) => {
            items.iter().for_each(|item| leaves(item, &format!("{path}/*"), out))
        }
        leaf => out.push((path.to_owned(), leaf.clone())),
    }
}

/// The leaves of `original` that `exported` lacks (each counted as often as it occurs).
fn lost_leaves(original: &Value, exported: &Value, ignore: &[&str]) -> Vec<(String, Value)> {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    leaves(original, "", &mut before);
    leaves(exported, "", &mut after);
    let mut lost = Vec::new();
    for leaf in before {
        if ignore.contains(&leaf.0.as_str()) {
            continue;
        }
        match after.iter().position(|other| *other == leaf) {
            Some(at) => {
                after.swap_remove(at);
            }
            None => lost.push(leaf),
        }
    }
    lost
}

#[test]
fn the_official_vectors_import_with_nothing_lost_and_export_valid() {
    let validator = official_validator();
    for name in VECTORS {
        let text = vector(name);
        let original: Value = serde_json::from_str(&text).unwrap();
        let imported = cyclonedx::import(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.documents.len(), 1, "{name}");
        let (exported, _) = cyclonedx::export(&imported.documents[0]);
        let bom = assert_valid_bom(&validator, name, &exported);
        let lost = lost_leaves(&original, &bom, &[]);
        assert!(lost.is_empty(), "{name} lost {lost:#?}\n{exported}");
        // Exporting again what the export wrote changes nothing.
        let again = cyclonedx::import(&exported).unwrap();
        assert_eq!(cyclonedx::export(&again.documents[0]).0, exported, "{name}");
    }
}

#[test]
fn the_llama_vector_opens_with_its_energy_and_co2() {
    let imported = cyclonedx::import(&vector(VECTORS[1])).unwrap();
    let e = &imported.documents[0].card.environmental_impact;
    assert_eq!(e.energy_consumed, "0.4");
    assert_eq!(e.co2_emitted, "31220", "31.22 tCO2eq in the card's kilograms");
    assert_eq!(e.cloud_provider, "Meta");
    assert_eq!(e.co2_training_type, "training");
}

#[test]
fn cyclonedx_fields_have_their_standard_places() {
    let (text, _) = cyclonedx::export(&Document::new(cards::every_cyclonedx_field()));
    let bom: Value = serde_json::from_str(&text).unwrap();
    let card = &bom["components"][0]["modelCard"];
    let parameters = &card["modelParameters"];
    assert_eq!(parameters["approach"]["type"], "supervised");
    assert_eq!(parameters["inputs"], json!([{"format": "image"}]));
    assert_eq!(parameters["outputs"], json!([{"format": "label"}, {"format": "score"}]));
    let considerations = &card["considerations"];
    assert_eq!(
        considerations["fairnessAssessments"][0]["groupAtRisk"],
        "Sellers of handmade goods"
    );
    assert_eq!(
        considerations["fairnessAssessments"][0]["mitigationStrategy"],
        "Low-confidence suggestions go to a person"
    );
    let consumption = &considerations["environmentalConsiderations"]["energyConsumptions"][0];
    assert_eq!(consumption["activity"], "fine-tuning");
    assert_eq!(consumption["activityEnergyCost"], json!({"value": 52, "unit": "kWh"}));
    assert_eq!(consumption["co2CostEquivalent"], json!({"value": 0.0125, "unit": "tCO2eq"}));
    assert_eq!(consumption["energyProviders"][0]["organization"]["name"], "Example Cloud");
    let metric = &card["quantitativeAnalysis"]["performanceMetrics"][2];
    assert_eq!(
        (&metric["slice"], &metric["confidenceInterval"]["lowerBound"]),
        (&json!("lighting=night"), &json!("0.78"))
    );
}

#[test]
fn the_stable_diffusion_vector_opens_as_a_card() {
    let imported = cyclonedx::import(&vector("valid-machine-learning-1.6.json")).unwrap();
    let card = &imported.documents[0].card;
    let details = &card.model_details;
    assert_eq!((details.name.as_str(), details.version.name.as_str()), ("stable-diffusion", "1.4"));
    assert_eq!(details.shared_by, "Acme Inc");
    assert_eq!(card.hf_metadata.pipeline_tag, "task goes here");
    assert_eq!(details.architecture, "The architecture of the model.");
    assert_eq!(card.training_data.datasets[0].link, "https://example.com/path/to/dataset");
    let result = &card.quantitative_analysis.results[0];
    assert_eq!(result.metric, "The type of performance metric");
    assert_eq!(result.ci_upper, "The upper bound of the confidence interval");
    assert_eq!(card.quantitative_analysis.graphics.len(), 1);
    assert!(card.intended_use.primary_users.contains("Data scientists and ML researchers"));
    assert_eq!(card.ethical_considerations.risks[0].risk, "The name of the risk");
    let kept: Vec<&str> = card.cyclonedx.kept.iter().map(|k| k.path.as_str()).collect();
    assert!(kept.contains(&"/components/0/group"), "{kept:?}");
    assert!(
        imported.report.notes.iter().any(|n| n.contains("modelcard:custom-property")),
        "{:?}",
        imported.report.notes
    );
}

#[test]
fn every_export_validates_against_the_official_schema_and_reads_back() {
    let validator = official_validator();
    let mut count = 0;
    for (name, document) in every_card() {
        let (text, _) = cyclonedx::export(&document);
        assert_valid_bom(&validator, &name, &text);
        let back = cyclonedx::import(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut card: Card = back.documents[0].card.clone();
        let mut original = document.card.clone();
        // The BOM's identity is what the second import adds; the content is the same.
        card.cyclonedx = Default::default();
        original.cyclonedx = Default::default();
        assert_eq!(
            content(&card),
            content(&without_examples(&original)),
            "{name}: the card changed on its way through CycloneDX"
        );
        count += 1;
    }
    assert!(count > 20, "{count} cards");
}

/// What a card says: its canonical form, without list items that say nothing.
fn content(card: &Card) -> String {
    fn prune(value: &mut Value) {
        match value {
            Value::Object(object) => object.values_mut().for_each(prune),
            Value::Array(items) => {
                items.iter_mut().for_each(prune);
                items.retain(|item| {
                    let text = model_card_studio::review::canonical::canonical_value(item);
                    text != "{}" && text != "\"\""
                });
            }
            _ => {}
        }
    }
    let mut value = serde_json::to_value(card).unwrap();
    prune(&mut value);
    model_card_studio::review::canonical::canonical_value(&value)
}

/// Template example text is not content and is not exported.
fn without_examples(card: &Card) -> Card {
    fn clean(value: &mut Value) {
        match value {
            Value::String(text) if !model_card_studio::card::has_content(text) => text.clear(),
            Value::Object(object) => object.values_mut().for_each(clean),
            Value::Array(items) => items.iter_mut().for_each(clean),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(card).unwrap();
    clean(&mut value);
    serde_json::from_value(value).unwrap()
}

/// A BOM's leaves, with the values that were written as `modelcard:kept:` properties
/// put back where they were (what a 1.7 BOM has and 1.6 has no place for).
fn with_kept_properties_restored(bom: &Value) -> Value {
    let mut bom = bom.clone();
    let Some(properties) = bom.get("properties").and_then(Value::as_array).cloned() else {
        return bom;
    };
    let mut rest = Vec::new();
    for property in properties {
        let name = property["name"].as_str().unwrap_or_default();
        match name.strip_prefix("modelcard:kept:") {
            Some(pointer) => {
                let value: Value =
                    serde_json::from_str(property["value"].as_str().unwrap()).unwrap();
                let path = cyclonedx::pointer::Path::parse(pointer).unwrap();
                assert!(cyclonedx::pointer::place(&mut bom, &path, value), "{pointer}");
            }
            None => rest.push(property),
        }
    }
    if rest.is_empty() {
        bom.as_object_mut().unwrap().shift_remove("properties");
    } else {
        bom["properties"] = Value::Array(rest);
    }
    bom
}

#[test]
fn boms_of_1_5_and_1_7_import_and_export_as_valid_1_6() {
    let validator = official_validator();
    let versioned = ["/specVersion", "/$schema"];
    for version in ["1.5", "1.7"] {
        let vectors = if version == "1.5" { &VECTORS[..1] } else { &VECTORS[..] };
        for name in vectors {
            let text = as_version(&vector(name), version);
            let imported =
                cyclonedx::import(&text).unwrap_or_else(|e| panic!("{name} {version}: {e}"));
            let (exported, _) = cyclonedx::export(&imported.documents[0]);
            let bom = assert_valid_bom(&validator, name, &exported);
            let original: Value = serde_json::from_str(&text).unwrap();
            let lost = lost_leaves(&original, &bom, &versioned);
            assert!(lost.is_empty(), "{name} as {version} lost {lost:#?}");
        }
    }
}

#[test]
fn what_1_6_has_no_place_for_travels_as_properties_and_comes_back() {
    let validator = official_validator();
    let text = newer_fields_bom();
    let imported = cyclonedx::import(&text).unwrap();
    assert!(imported.report.notes.iter().any(|n| n.contains("Read as CycloneDX 1.7")));
    let (exported, report) = cyclonedx::export(&imported.documents[0]);
    let bom = assert_valid_bom(&validator, "1.7 with new fields", &exported);
    assert!(report.iter().any(|n| n.contains("modelcard:kept:")), "{report:#?}");
    let original: Value = serde_json::from_str(&text).unwrap();
    let lost =
        lost_leaves(&original, &with_kept_properties_restored(&bom), &["/specVersion", "/$schema"]);
    assert!(lost.is_empty(), "lost {lost:#?}\n{exported}");
    // And a second round keeps them as properties, not as duplicates.
    let again = cyclonedx::import(&exported).unwrap();
    assert_eq!(cyclonedx::export(&again.documents[0]).0, exported);
}

fn refusal(bom: &Value) -> String {
    match cyclonedx::import(&bom.to_string()) {
        Ok(imported) => panic!("imported {bom}: {:?}", imported.report),
        Err(error) => error.to_string(),
    }
}

#[test]
fn invalid_boms_are_refused_with_the_json_path_of_the_problem() {
    let valid: Value = serde_json::from_str(&vector(VECTORS[0])).unwrap();
    let with = |pointer: &str, value: Value| {
        let mut bom = valid.clone();
        *bom.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = value;
        bom
    };
    let cases = [
        (
            with("/components/0/modelCard/modelParameters/approach/type", json!("guessing")),
            "$.components[0].modelCard.modelParameters.approach.type: \"guessing\" is not one of",
        ),
        (
            with(
                "/components/0/modelCard/quantitativeAnalysis/performanceMetrics/0/value",
                json!(0.9),
            ),
            "$.components[0].modelCard.quantitativeAnalysis.performanceMetrics[0].value: expected a string, found a number",
        ),
        (
            with("/components/0/type", json!("model")),
            "$.components[0].type: \"model\" is not one of",
        ),
        (
            with("/serialNumber", json!("urn:uuid:not-a-uuid")),
            "$.serialNumber: \"urn:uuid:not-a-uuid\" does not match",
        ),
        (with("/version", json!(0)), "$.version: 0 is below the minimum 1"),
        (
            with("/components/0/modelCard/considerations/users", json!("everyone")),
            "$.components[0].modelCard.considerations.users: expected an array, found a string",
        ),
        (
            with(
                "/components/0/modelCard/modelParameters/datasets/0/contents/url",
                json!("not a url"),
            ),
            "$.components[0].modelCard.modelParameters.datasets[0].contents.url: \"not a url\" is not a URL",
        ),
    ];
    for (bom, expected) in cases {
        let message = refusal(&bom);
        assert!(message.starts_with("Not a valid CycloneDX 1.6 BOM: "), "{message}");
        assert!(message.contains(expected), "expected {expected:?} in {message:?}");
    }
    let mut no_name = valid.clone();
    no_name["components"][0].as_object_mut().unwrap().shift_remove("name");
    assert!(refusal(&no_name).contains("$.components[0]: \"name\" is missing"));
    let mut extra = valid.clone();
    extra["components"][0]["modelCard"]["colour"] = json!("blue");
    assert!(
        refusal(&extra)
            .contains("$.components[0].modelCard.colour: is not a field CycloneDX 1.6 has here")
    );
    let mut licence = valid.clone();
    licence["components"][0]["licenses"] = json!([{"license": {"id": "Apache 2"}}]);
    let message = refusal(&licence);
    assert!(
        message.contains(
            "$.components[0].licenses[0].license.id: \"Apache 2\" is not an SPDX licence id"
        ),
        "{message}"
    );

    assert!(
        refusal(&with("/specVersion", json!("1.4")))
            .contains("model cards exist from CycloneDX 1.5 on")
    );
    assert!(refusal(&with("/specVersion", json!("2.0"))).contains("newer than this app reads"));
    let mut no_model = valid.clone();
    no_model["components"][0]["type"] = json!("library");
    no_model["components"][0].as_object_mut().unwrap().shift_remove("modelCard");
    assert!(refusal(&no_model).contains("no component of type \"machine-learning-model\""));
    let syntax = cyclonedx::import("{\n  \"bomFormat\": \"CycloneDX\",\n  oops\n}").unwrap_err();
    assert!(syntax.to_string().contains("line 3"), "{syntax}");
}

#[test]
fn a_bom_with_several_models_opens_as_one_draft_each() {
    let validator = official_validator();
    let mut bom: Value = serde_json::from_str(&vector(VECTORS[0])).unwrap();
    let mut second: Value =
        serde_json::from_str::<Value>(&vector(VECTORS[1])).unwrap()["components"][0].clone();
    second["version"] = json!("2");
    let library =
        json!({"type": "library", "bom-ref": "lib-torch", "name": "torch", "version": "2.4.0"});
    bom["components"] = json!([library, bom["components"][0].clone(), second]);
    bom["dependencies"] = json!([{"ref": "component-a", "dependsOn": ["lib-torch"]}]);
    let imported = cyclonedx::import(&bom.to_string()).unwrap();
    let names: Vec<&str> =
        imported.documents.iter().map(|d| d.card.model_details.name.as_str()).collect();
    assert_eq!(names, ["stable-diffusion", "Llama-2-7b"]);
    assert!(
        imported.report.notes[0].starts_with("The BOM holds 2 models"),
        "{:?}",
        imported.report.notes
    );
    for document in &imported.documents {
        let (text, _) = cyclonedx::export(document);
        let exported = assert_valid_bom(&validator, &document.card.model_details.name, &text);
        let components = exported["components"].as_array().unwrap();
        let models = components.iter().filter(|c| c["type"] == "machine-learning-model").count();
        assert_eq!(models, 1, "each draft is one model: {text}");
        assert_eq!(components[0]["name"], "torch", "the library keeps its place");
        assert_eq!(exported["dependencies"], bom["dependencies"]);
    }
}

#[test]
fn the_embedded_validator_agrees_with_the_jsonschema_crate() {
    let validator = official_validator();
    let mut documents: Vec<Value> = every_card()
        .iter()
        .map(|(_, d)| serde_json::from_str(&cyclonedx::export(d).0).unwrap())
        .collect();
    documents
        .extend(VECTORS.iter().map(|name| serde_json::from_str::<Value>(&vector(name)).unwrap()));
    // Every leaf replaced by a value of another kind, one at a time, and a few strings
    // that only a format or a pattern can refuse.
    let base: Value =
        serde_json::from_str(&cyclonedx::export(&approved(filled_card(), true)).0).unwrap();
    let mut paths = Vec::new();
    collect_pointers(&base, String::new(), &mut paths);
    for pointer in &paths {
        for replacement in [json!(7), json!("x y"), json!(["a"]), json!({"a": 1}), json!("")] {
            let mut bom = base.clone();
            *bom.pointer_mut(pointer).unwrap() = replacement;
            documents.push(bom);
        }
    }
    let mut disagreements = Vec::new();
    for bom in &documents {
        let official = official_errors(&validator, bom);
        let ours = schema::validate(bom, schema::Strictness::Strict);
        if official.is_empty() != ours.is_empty() {
            disagreements.push(format!("official: {official:?}\nours: {ours:?}"));
        }
    }
    assert!(documents.len() > 500, "{}", documents.len());
    assert!(
        disagreements.is_empty(),
        "{} disagreement(s):\n{}",
        disagreements.len(),
        disagreements.join("\n\n")
    );
}

fn collect_pointers(value: &Value, path: String, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                collect_pointers(
                    child,
                    format!("{path}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                collect_pointers(child, format!("{path}/{index}"), out);
            }
        }
        _ => out.push(path),
    }
}

#[test]
fn exports_depend_on_the_document_alone() {
    let document = approved(filled_card(), true);
    assert_eq!(cyclonedx::export(&document), cyclonedx::export(&document.clone()));
    let bom: Value = serde_json::from_str(&cyclonedx::export(&document).0).unwrap();
    // One release of one model keeps its serial number through edits of its text.
    let mut edited = filled_card();
    edited.model_details.description.push_str(" Now with more detail.");
    let edited_bom: Value =
        serde_json::from_str(&cyclonedx::export(&Document::new(edited)).0).unwrap();
    assert_eq!(bom["serialNumber"], edited_bom["serialNumber"]);
    let mut next = filled_card();
    next.model_details.version.name = "1.1".into();
    let next_bom: Value = serde_json::from_str(&cyclonedx::export(&Document::new(next)).0).unwrap();
    assert_ne!(bom["serialNumber"], next_bom["serialNumber"]);
    let serial = bom["serialNumber"].as_str().unwrap();
    assert_eq!(
        serial.chars().nth(23),
        Some('8'),
        "a version 8 (name-based, SHA-256) UUID: {serial}"
    );
}

#[test]
fn the_timestamp_is_when_the_content_was_settled() {
    let timestamp = |document: &Document| -> Value {
        let bom: Value = serde_json::from_str(&cyclonedx::export(document).0).unwrap();
        bom["metadata"]["timestamp"].clone()
    };
    assert_eq!(timestamp(&approved(filled_card(), true)), "2026-11-20T11:00:00Z", "published");
    assert_eq!(timestamp(&approved(filled_card(), false)), "2026-11-20T10:00:00Z", "approved");
    let mut draft = Document::new(filled_card());
    draft.workflow = model_card_studio::review::Workflow::created(NOVEMBER_20 - 7_200_000);
    assert_eq!(timestamp(&draft), "2026-11-20T08:00:00Z", "a draft: its latest history");
    assert_eq!(
        timestamp(&Document::new(filled_card())),
        "2026-11-01T00:00:00Z",
        "no history: the version date"
    );
    let mut undated = filled_card();
    undated.model_details.version.date.clear();
    let (text, report) = cyclonedx::export(&Document::new(undated));
    let bom: Value = serde_json::from_str(&text).unwrap();
    assert!(bom["metadata"].get("timestamp").is_none());
    assert!(report.iter().any(|n| n.contains("no timestamp")));
}

#[test]
fn a_published_cards_approval_is_its_affirmation() {
    let document = approved(filled_card(), true);
    let bom: Value = serde_json::from_str(&cyclonedx::export(&document).0).unwrap();
    let affirmation = &bom["declarations"]["affirmation"];
    let statement = affirmation["statement"].as_str().unwrap();
    assert!(statement.starts_with("Version 1.0 of the model card of ImageClassifier was approved on 2026-11-20 by Dana Lee (Ethics reviewer), Sam Roe (ML lead) and published on 2026-11-20."), "{statement}");
    let hash = model_card_studio::review::canonical::content_hash(&document.card);
    assert!(statement.contains(&hash));
    let signatories = affirmation["signatories"].as_array().unwrap();
    assert_eq!(signatories.len(), 2);
    assert_eq!(signatories[0]["name"], "Dana Lee");
    assert_eq!(signatories[0]["role"], "Ethics reviewer");
    assert_eq!(signatories[0]["organization"]["name"], "Example Labs");
    let reference = &signatories[1]["externalReference"];
    assert_eq!(reference["type"], "attestation");
    use base64::Engine;
    let url = reference["url"].as_str().unwrap();
    let digest = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(url.strip_prefix("ni:///sha-256;").unwrap())
        .unwrap();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, hash, "the reference names the approved content");

    // No approval, or one the content no longer matches: no affirmation.
    let draft: Value =
        serde_json::from_str(&cyclonedx::export(&Document::new(filled_card())).0).unwrap();
    assert!(draft.get("declarations").is_none());
    let mut changed = approved(filled_card(), true);
    changed.card.model_details.summary = "Edited without review.".into();
    let changed: Value = serde_json::from_str(&cyclonedx::export(&changed).0).unwrap();
    assert!(changed.get("declarations").is_none());
}

#[test]
fn an_imported_bom_keeps_its_identity_until_it_is_edited() {
    let mut bom: Value = serde_json::from_str(&vector(VECTORS[0])).unwrap();
    bom["version"] = json!(3);
    bom["metadata"] = json!({"timestamp": "2025-01-02T03:04:05Z"});
    let imported = cyclonedx::import(&bom.to_string()).unwrap();
    let document = &imported.documents[0];
    let again: Value = serde_json::from_str(&cyclonedx::export(document).0).unwrap();
    assert_eq!(again["serialNumber"], bom["serialNumber"]);
    assert_eq!(
        (&again["version"], &again["metadata"]["timestamp"]),
        (&json!(3), &json!("2025-01-02T03:04:05Z"))
    );
    let mut edited = document.clone();
    edited.card.model_details.version.name = "1.5".into();
    edited.workflow = model_card_studio::review::Workflow::created(NOVEMBER_20);
    let edited: Value = serde_json::from_str(&cyclonedx::export(&edited).0).unwrap();
    assert_eq!(edited["serialNumber"], bom["serialNumber"], "still the same BOM");
    assert_eq!(
        (&edited["version"], &edited["metadata"]["timestamp"]),
        (&json!(4), &json!("2026-11-20T10:00:00Z"))
    );
}

#[test]
fn unknown_properties_are_kept_and_written_back() {
    let imported = cyclonedx::import(&vector(VECTORS[0])).unwrap();
    let (text, _) = cyclonedx::export(&imported.documents[0]);
    let bom: Value = serde_json::from_str(&text).unwrap();
    let properties = bom["components"][0]["modelCard"]["properties"].as_array().unwrap();
    let names: Vec<&str> = properties.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"modelcard:custom-property"), "{names:?}");
    assert!(names.contains(&"modelcard:another-custom-property"), "{names:?}");
}

#[test]
fn the_filled_cards_bom_matches_its_golden_file() {
    let (text, _) = cyclonedx::export(&approved(filled_card(), true));
    let path = root().join("tests/golden/cyclonedx/filled-card.cdx.json");
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        golden == text,
        "{} differs (run with UPDATE_GOLDEN=1 and review the diff):\n{text}",
        path.display()
    );
}

#[test]
fn the_mapping_table_names_every_field_of_the_card() {
    // Every leaf of the card's JSON Schema, as `model_details.owners[].name`.
    fn walk(schema: &Value, defs: &Value, path: &str, out: &mut Vec<String>) {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap();
            return walk(&defs[name], defs, path, out);
        }
        if let Some(inner) = schema.get("anyOf").or(schema.get("oneOf")).and_then(Value::as_array) {
            for branch in inner {
                walk(branch, defs, path, out);
            }
            return;
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, child) in properties {
                let child_path =
                    if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                walk(child, defs, &child_path, out);
            }
        } else if let Some(items) = schema.get("items") {
            walk(items, defs, &format!("{path}[]"), out);
        } else if !path.is_empty() && !out.contains(&path.to_owned()) {
            out.push(path.to_owned());
        }
    }
    let schema: Value = serde_json::to_value(schemars::schema_for!(Card)).unwrap();
    let mut fields = Vec::new();
    walk(&schema, &schema["$defs"], "", &mut fields);
    assert!(fields.len() > 100, "{fields:?}");
    let doc = read(&root().join("docs/cyclonedx.md"));
    // A row names a field in full (list items after the list's name may be shortened
    // to `…datasets[].name`), or by its key after a sibling in the same cell
    // (`…datasets[].motivation`, `.preprocessing`), or under its parent's `.*`.
    let shortened = |path: &str| -> Vec<String> {
        let mut forms = vec![path.to_owned()];
        for list in ["datasets[]", "results[]"] {
            if let Some(at) = path.find(list) {
                forms.push(format!("…{}", path.get(at..).unwrap()));
            }
        }
        forms
    };
    let missing: Vec<&String> = fields
        .iter()
        .filter(|field| !field.starts_with("cyclonedx."))
        .filter(|field| {
            let whole = shortened(field).iter().any(|f| doc.contains(&format!("`{f}`")));
            let by_key = field.rsplit_once('.').is_some_and(|(parent, key)| {
                shortened(parent).iter().any(|parent| {
                    doc.lines().any(|line| {
                        (line.contains(&format!("`{parent}."))
                            && line.contains(&format!("`.{key}`")))
                            || (line.contains(&format!("`{parent}.*`"))
                                && line.contains(&format!("`{key}`")))
                    })
                })
            });
            !(whole || by_key)
        })
        .collect();
    assert!(missing.is_empty(), "docs/cyclonedx.md does not map {missing:#?}");
}

#[test]
fn a_bom_of_many_models_opens_the_first_ones_and_says_so() {
    let mut bom: Value = serde_json::from_str(&vector(VECTORS[1])).unwrap();
    let model = bom["components"][0].clone();
    let models: Vec<Value> = (0..30)
        .map(|i| {
            let mut m = model.clone();
            m["bom-ref"] = json!(format!("model-{i}"));
            m["name"] = json!(format!("model {i}"));
            m
        })
        .collect();
    bom["components"] = Value::Array(models);
    let imported = cyclonedx::import(&bom.to_string()).unwrap();
    assert_eq!(imported.documents.len(), 25);
    assert_eq!(imported.documents[24].card.model_details.name, "model 24");
    assert!(imported.report.notes.iter().any(|n| n.contains("holds 30 models; the first 25 open")));
}

#[test]
fn duplicate_components_are_found_whatever_the_order_of_their_keys() {
    let validator = official_validator();
    let mut bom: Value = serde_json::from_str(&vector(VECTORS[0])).unwrap();
    let library = json!({"type": "library", "name": "torch", "version": "2.4"});
    let reordered = json!({"version": "2.4", "name": "torch", "type": "library"});
    bom["components"].as_array_mut().unwrap().extend([library, reordered]);
    assert!(!official_errors(&validator, &bom).is_empty());
    let message = refusal(&bom);
    assert!(message.contains("$.components: items 1 and 2 are the same"), "{message}");
}
