//! Our own JSON format, and the seed's `model_info` JSON as an import source.
//!
//! A document is `{"schema_version": N, "card": {...}, "workflow": {...}}`. The version
//! names the shape of the rest; [`upgrade`] brings any older document to the current
//! shape, one step per version, so readers accept every version up to [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::card::{Card, ModelInfo, ModelInfoError, create_model_card};
use crate::review::Workflow;

/// The version of the document shape this code writes.
///
/// - 1: `card` only (the foundation release).
/// - 2: adds `workflow` (status, reviews, approval, history).
/// - 3: adds the fields that keep imports lossless: model-index details and task of a
///   result, CO2 source and training type, graphics, heading levels of custom sections,
///   front-matter key order, Model Card Toolkit extras.
pub const SCHEMA_VERSION: u32 = 3;

/// A card with its workflow: what files and storage records hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub card: Card,
    pub workflow: Workflow,
}

impl Document {
    pub fn new(card: Card) -> Self {
        Self { card, workflow: Workflow::default() }
    }
}

/// The shape of our JSON file, for its JSON Schema (`schema/model-card.schema.json`).
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[schemars(
    title = "Model Card Studio card",
    description = "A model card and its review workflow, as Model Card Studio writes it."
)]
#[allow(dead_code)]
pub struct DocumentFile {
    /// The version of this document shape; readers accept every version up to theirs.
    #[schemars(range(min = 1))]
    pub schema_version: u32,
    pub card: Card,
    pub workflow: Workflow,
}

/// The JSON Schema of our format, as written to `schema/model-card.schema.json`.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(DocumentFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The document as written to a file: the version first, so a reader sees it at once.
#[derive(Serialize)]
struct Versioned<'a> {
    schema_version: u32,
    card: &'a Card,
    workflow: &'a Workflow,
}

/// Which kind of JSON an import recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Our own document format, at the version given.
    CardJson { schema_version: u32 },
    /// The seed's `model_info` object.
    ModelInfo,
}

/// A successfully imported card, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub document: Document,
    pub format: SourceFormat,
}

/// Why a text could not be imported. The messages are shown to users as they are.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("Not valid JSON: {message} at line {line}, column {column}")]
    Syntax { message: String, line: usize, column: usize },
    #[error("Not a model card: {message} at line {line}, column {column}")]
    Shape { message: String, line: usize, column: usize },
    #[error(
        "Not a model card: {message} (in a schema {from_version} document, after upgrading it)"
    )]
    UpgradedShape { message: String, from_version: u32 },
    #[error("Not a model card: {0}")]
    Version(#[from] VersionError),
    #[error("Not a model card: {0}")]
    ModelInfo(#[from] ModelInfoError),
    #[error(
        "Not a model card: expected our card JSON (with \"schema_version\"), a Model Card Toolkit card (with \"model_details\"), a model_info object (with \"name\") or a flat metrics object (every value a number)"
    )]
    Unrecognised,
    #[error("Not a Model Card Toolkit card: {0}")]
    Mct(String),
    #[error("The file is {} KB; imports are limited to {} KB", bytes / 1024, crate::formats::MAX_IMPORT_BYTES / 1024)]
    TooLarge { bytes: usize },
    #[error("{0}")]
    Share(#[from] crate::formats::share::ShareError),
}

/// A document whose version this code cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VersionError {
    #[error(
        "it uses schema version {found}, newer than this app understands (up to {SCHEMA_VERSION}). Update the app to open it."
    )]
    Future { found: u64 },
    #[error("schema_version must be a whole number from 1 to {SCHEMA_VERSION}")]
    Invalid,
}

impl ImportError {
    /// The error without its position.
    fn message(&self) -> &str {
        match self {
            Self::Syntax { message, .. }
            | Self::Shape { message, .. }
            | Self::UpgradedShape { message, .. } => message,
            _ => "",
        }
    }

    fn from_serde(error: &serde_json::Error) -> Self {
        // serde_json appends " at line L column C"; we show the position our own way.
        let full = error.to_string();
        let message = match full.rfind(" at line ") {
            Some(cut) => full[..cut].to_owned(),
            None => full,
        };
        let (line, column) = (error.line(), error.column());
        if error.is_data() {
            Self::Shape { message, line, column }
        } else {
            Self::Syntax { message, line, column }
        }
    }
}

/// The version a document or record says it has.
pub fn schema_version_of(object: &Map<String, Value>) -> Result<u32, VersionError> {
    let found =
        object.get("schema_version").and_then(Value::as_u64).ok_or(VersionError::Invalid)?;
    if found > u64::from(SCHEMA_VERSION) {
        return Err(VersionError::Future { found });
    }
    u32::try_from(found).ok().filter(|v| *v >= 1).ok_or(VersionError::Invalid)
}

/// One step per version: `STEPS[i]` turns a version `i + 1` object into version `i + 2`.
const STEPS: &[fn(&mut Map<String, Value>)] = &[v1_to_v2, v2_to_v3];

/// Version 2 added the workflow. Every version 1 card was a draft.
fn v1_to_v2(object: &mut Map<String, Value>) {
    object.entry("workflow").or_insert_with(|| serde_json::json!({ "status": "draft" }));
}

/// Version 3 only added fields, all empty by default: nothing to move. The step exists
/// so that a version 2 app, which would drop the new fields on save, opens version 3
/// records read-only instead.
fn v2_to_v3(_: &mut Map<String, Value>) {}

/// Brings a document or storage record of any known version to the current shape, and
/// returns the version it had. Fields outside the document (a record's id) are kept.
pub fn upgrade(object: &mut Map<String, Value>) -> Result<u32, VersionError> {
    let found = schema_version_of(object)?;
    for step in &STEPS[(found - 1) as usize..] {
        step(object);
    }
    object.insert("schema_version".into(), SCHEMA_VERSION.into());
    Ok(found)
}

/// Serializes a document as our JSON, pretty-printed, with a trailing newline.
pub fn to_json(document: &Document) -> String {
    let versioned = Versioned {
        schema_version: SCHEMA_VERSION,
        card: &document.card,
        workflow: &document.workflow,
    };
    // Serializing plain structs of strings and vectors into a String cannot fail.
    let mut text = prettify(&serde_json::to_string(&versioned).unwrap_or_default());
    text.push('\n');
    text
}

/// Pretty-prints compact JSON, keeping key order.
///
/// Every type is serialized compactly (for storage) and only the generic `Value` is
/// pretty-printed. That keeps one serializer per type in the download instead of two;
/// the same goes for parsing, which always goes through `from_str` (docs/decisions.md).
pub fn prettify(compact: &str) -> String {
    match serde_json::from_str::<Value>(compact) {
        Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_else(|_| compact.to_owned()),
        Err(_) => compact.to_owned(),
    }
}

/// Deserializes a value that [`upgrade`] produced, through the one text parser.
pub(crate) fn from_upgraded<T: serde::de::DeserializeOwned>(
    object: Map<String, Value>,
) -> serde_json::Result<T> {
    serde_json::from_str(&Value::Object(object).to_string())
}

/// Reads our JSON document (any version) or the seed's `model_info`, whichever it is.
pub fn from_json(text: &str) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::from_serde(&e))?;
    let Value::Object(mut object) = value else {
        return Err(ImportError::Unrecognised);
    };
    if object.contains_key("schema_version") {
        let found = upgrade(&mut object)?;
        let document: Document = if found == SCHEMA_VERSION {
            // Deserialize from the text, not the value, so shape errors carry a position.
            serde_json::from_str(text).map_err(|e| ImportError::from_serde(&e))?
        } else {
            from_upgraded(object).map_err(|e| ImportError::UpgradedShape {
                message: ImportError::from_serde(&e).message().to_owned(),
                from_version: found,
            })?
        };
        return Ok(Imported { document, format: SourceFormat::CardJson { schema_version: found } });
    }
    if object.contains_key("name") {
        let info = ModelInfo::from_json(&Value::Object(object))?;
        return Ok(Imported {
            document: Document::new(create_model_card(info)),
            format: SourceFormat::ModelInfo,
        });
    }
    Err(ImportError::Unrecognised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::MetricResult;
    use crate::card::example::{filled_card, seed_card};
    use crate::review::Status;

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/documents/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn round_trips_our_json() {
        let document = Document::new(filled_card());
        let back = from_json(&to_json(&document)).unwrap();
        assert_eq!(
            back,
            Imported {
                document,
                format: SourceFormat::CardJson { schema_version: SCHEMA_VERSION }
            }
        );
    }

    #[test]
    fn writes_the_schema_version_first_then_the_card_and_workflow() {
        let text = to_json(&Document::new(seed_card()));
        assert!(text.starts_with("{\n  \"schema_version\": 3,\n  \"card\": {"), "{text}");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["card"]["model_details"]["name"], "ImageClassifier");
        assert_eq!(value["card"]["quantitative_analysis"]["results"][0]["value"], "0.92");
        assert_eq!(value["workflow"]["status"], "draft");
    }

    #[test]
    fn reads_a_version_1_file_from_the_foundation_release() {
        let imported = from_json(&fixture("v1-seed-card.json")).unwrap();
        assert_eq!(imported.format, SourceFormat::CardJson { schema_version: 1 });
        assert_eq!(imported.document.card, seed_card());
        assert_eq!(imported.document.workflow.status, Status::Draft);
    }

    #[test]
    fn reads_a_version_2_file_and_keeps_everything_it_says() {
        let text = fixture("v2-filled-card.json");
        let imported = from_json(&text).unwrap();
        assert_eq!(imported.format, SourceFormat::CardJson { schema_version: 2 });
        // The canonical form leaves out empty values, so it compares exactly what both say.
        let original: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            crate::review::canonical::canonical_json(&imported.document.card),
            crate::review::canonical::canonical_value(&original["card"])
        );
    }

    #[test]
    fn reads_a_version_3_file() {
        let imported = from_json(&fixture("v3-filled-card.json")).unwrap();
        assert_eq!(imported.format, SourceFormat::CardJson { schema_version: 3 });
        assert_eq!(imported.document.card, filled_card());
    }

    #[test]
    fn recognises_the_seed_model_info() {
        let imported = from_json(r#"{"name": "A", "metrics": {"f1": 0.5}}"#).unwrap();
        assert_eq!(imported.format, SourceFormat::ModelInfo);
        assert_eq!(
            imported.document.card.quantitative_analysis.results,
            [MetricResult::new("f1", "0.5")]
        );
    }

    #[test]
    fn reports_syntax_errors_with_line_and_column() {
        let error = from_json("{\n  \"name\": \"A\",\n  oops\n}").unwrap_err();
        assert_eq!(
            error,
            ImportError::Syntax { message: "key must be a string".into(), line: 3, column: 3 }
        );
        assert_eq!(error.to_string(), "Not valid JSON: key must be a string at line 3, column 3");
    }

    #[test]
    fn reports_shape_errors_with_line_and_column() {
        let text = format!(
            "{{\"schema_version\": {SCHEMA_VERSION},\n \"card\": {{\"model_details\": {{\"name\": 5}}}}}}"
        );
        let text = text.as_str();
        let error = from_json(text).unwrap_err();
        let ImportError::Shape { line, message, .. } = &error else {
            panic!("expected a shape error, got {error:?}");
        };
        assert_eq!(*line, 2);
        assert!(message.contains("expected a string"), "{message}");
    }

    #[test]
    fn refuses_a_future_or_invalid_schema_version() {
        let future = from_json(r#"{"schema_version": 99, "card": {}}"#).unwrap_err();
        assert_eq!(future, ImportError::Version(VersionError::Future { found: 99 }));
        assert!(future.to_string().contains("schema version 99, newer than this app understands"));
        for invalid in
            [r#"{"schema_version": 0}"#, r#"{"schema_version": "2"}"#, r#"{"schema_version": -1}"#]
        {
            assert_eq!(
                from_json(invalid).unwrap_err(),
                ImportError::Version(VersionError::Invalid),
                "{invalid}"
            );
        }
    }

    #[test]
    fn upgrade_keeps_fields_outside_the_document() {
        let mut record = serde_json::json!({"schema_version": 1, "id": "x", "card": {}});
        let object = record.as_object_mut().unwrap();
        assert_eq!(upgrade(object), Ok(1));
        assert_eq!(
            record,
            serde_json::json!({"schema_version": SCHEMA_VERSION, "id": "x", "card": {}, "workflow": {"status": "draft"}})
        );
    }

    #[test]
    fn refuses_json_that_is_not_a_card() {
        assert_eq!(from_json("[1, 2]").unwrap_err(), ImportError::Unrecognised);
        assert_eq!(from_json(r#"{"title": "x"}"#).unwrap_err(), ImportError::Unrecognised);
    }
}
