//! Our own JSON format: `{"schema_version": N, "card": {...}, "workflow": {...}}`.
//!
//! Written pretty-printed with the version first; read at any version up to ours, older
//! ones upgraded on the way in ([`super::version`]).

use serde::Serialize;
use serde_json::Value;

use super::Document;
use super::source::ReadmeSource;
use super::version::{SCHEMA_VERSION, VersionError, from_upgraded, upgrade};
use crate::card::Card;
use crate::review::Workflow;

/// The document as written to a file: the version first, so a reader sees it at once.
#[derive(Serialize)]
struct Versioned<'a> {
    schema_version: u32,
    card: &'a Card,
    workflow: &'a Workflow,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: &'a Option<ReadmeSource>,
}

/// Why a text is not a document we can read. The messages are shown to users as they are.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocumentError {
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
    /// Valid JSON, but not an object with a `schema_version`.
    #[error("Not a Model Card Studio document: it has no \"schema_version\"")]
    NotADocument,
}

impl DocumentError {
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
        let message = match full.rsplit_once(" at line ") {
            Some((message, _)) => message.to_owned(),
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

/// Serializes a document as our JSON, pretty-printed, with a trailing newline.
pub fn to_json(document: &Document) -> String {
    let versioned = Versioned {
        schema_version: SCHEMA_VERSION,
        card: &document.card,
        workflow: &document.workflow,
        source: &document.source,
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

/// Reads our JSON document, of any version up to ours.
pub fn from_json(text: &str) -> Result<Document, DocumentError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DocumentError::from_serde(&e))?;
    let Value::Object(mut object) = value else {
        return Err(DocumentError::NotADocument);
    };
    if !object.contains_key("schema_version") {
        return Err(DocumentError::NotADocument);
    }
    let found = upgrade(&mut object)?;
    if found == SCHEMA_VERSION {
        // Deserialize from the text, not the value, so shape errors carry a position.
        serde_json::from_str(text).map_err(|e| DocumentError::from_serde(&e))
    } else {
        from_upgraded(object).map_err(|e| DocumentError::UpgradedShape {
            message: DocumentError::from_serde(&e).message().to_owned(),
            from_version: found,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::{filled_card, seed_card};
    use crate::review::Status;

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/documents/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn round_trips_our_json() {
        let document = Document::new(filled_card());
        assert_eq!(from_json(&to_json(&document)).unwrap(), document);
    }

    #[test]
    fn writes_the_schema_version_first_then_the_card_and_workflow() {
        let text = to_json(&Document::new(seed_card()));
        assert!(text.starts_with("{\n  \"schema_version\": 4,\n  \"card\": {"), "{text}");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["card"]["model_details"]["name"], "ImageClassifier");
        assert_eq!(value["card"]["quantitative_analysis"]["results"][0]["value"], "0.92");
        assert_eq!(value["workflow"]["status"], "draft");
    }

    #[test]
    fn reads_a_version_1_file_from_the_foundation_release() {
        let document = from_json(&fixture("v1-seed-card.json")).unwrap();
        assert_eq!(document.card, seed_card());
        assert_eq!(document.workflow.status, Status::Draft);
    }

    #[test]
    fn reads_a_version_2_file_and_keeps_everything_it_says() {
        let text = fixture("v2-filled-card.json");
        let document = from_json(&text).unwrap();
        // The canonical form leaves out empty values, so it compares exactly what both say.
        let original: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            crate::review::canonical::canonical_json(&document.card),
            crate::review::canonical::canonical_value(&original["card"])
        );
    }

    #[test]
    fn reads_a_version_3_file_and_keeps_everything_it_says() {
        let text = fixture("v3-filled-card.json");
        let document = from_json(&text).unwrap();
        let original: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            crate::review::canonical::canonical_json(&document.card),
            crate::review::canonical::canonical_value(&original["card"])
        );
    }

    #[test]
    fn reads_a_version_4_file() {
        let document = from_json(&fixture("v4-filled-card.json")).unwrap();
        assert_eq!(document.card, filled_card());
    }

    #[test]
    fn reports_syntax_errors_with_line_and_column() {
        let error = from_json("{\n  \"name\": \"A\",\n  oops\n}").unwrap_err();
        assert_eq!(
            error,
            DocumentError::Syntax { message: "key must be a string".into(), line: 3, column: 3 }
        );
        assert_eq!(error.to_string(), "Not valid JSON: key must be a string at line 3, column 3");
    }

    #[test]
    fn reports_shape_errors_with_line_and_column() {
        let text = format!(
            "{{\"schema_version\": {SCHEMA_VERSION},\n \"card\": {{\"model_details\": {{\"name\": 5}}}}}}"
        );
        let error = from_json(&text).unwrap_err();
        let DocumentError::Shape { line, message, .. } = &error else {
            panic!("expected a shape error, got {error:?}");
        };
        assert_eq!(*line, 2);
        assert!(message.contains("expected a string"), "{message}");
    }

    #[test]
    fn refuses_a_future_or_invalid_schema_version() {
        let future = from_json(r#"{"schema_version": 99, "card": {}}"#).unwrap_err();
        assert_eq!(future, DocumentError::Version(VersionError::Future { found: 99 }));
        assert!(future.to_string().contains("schema version 99, newer than this app understands"));
        for invalid in
            [r#"{"schema_version": 0}"#, r#"{"schema_version": "2"}"#, r#"{"schema_version": -1}"#]
        {
            assert_eq!(
                from_json(invalid).unwrap_err(),
                DocumentError::Version(VersionError::Invalid),
                "{invalid}"
            );
        }
    }

    #[test]
    fn refuses_json_that_is_not_a_document() {
        assert_eq!(from_json("[1, 2]").unwrap_err(), DocumentError::NotADocument);
        assert_eq!(from_json(r#"{"title": "x"}"#).unwrap_err(), DocumentError::NotADocument);
    }
}
