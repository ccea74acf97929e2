//! Our own JSON format, and the seed's `model_info` JSON as an import source.
//!
//! A document is `{"schema_version": N, "card": {...}}`. The version names the shape of
//! `card`; readers accept every version up to [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::card::{Card, ModelInfo, ModelInfoError, create_model_card};

/// The version of the document shape this code writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Our JSON document, as written to files and to storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardDocument {
    pub schema_version: u32,
    pub card: Card,
}

/// Which kind of JSON an import recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Our own document format.
    CardJson,
    /// The seed's `model_info` object.
    ModelInfo,
}

/// A successfully imported card, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub card: Card,
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
        "This card uses schema version {found}, newer than this app understands (up to {SCHEMA_VERSION}). Update the app to open it."
    )]
    FutureVersion { found: u64 },
    #[error("Not a model card: {0}")]
    ModelInfo(#[from] ModelInfoError),
    #[error(
        "Not a model card: expected our card JSON (with \"schema_version\") or a model_info object (with \"name\")"
    )]
    Unrecognised,
}

impl ImportError {
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

/// Serializes a card as our JSON document, pretty-printed, with a trailing newline.
pub fn to_json(card: &Card) -> String {
    let document = CardDocument { schema_version: SCHEMA_VERSION, card: card.clone() };
    // Serializing plain structs of strings and vectors into a String cannot fail.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads our JSON document or the seed's `model_info`, whichever the text is.
pub fn from_json(text: &str) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::from_serde(&e))?;
    let Some(object) = value.as_object() else {
        return Err(ImportError::Unrecognised);
    };
    if let Some(version) = object.get("schema_version") {
        let found = version.as_u64().ok_or_else(|| ImportError::Shape {
            message: "schema_version must be a whole number".into(),
            line: 1,
            column: 1,
        })?;
        if found > u64::from(SCHEMA_VERSION) {
            return Err(ImportError::FutureVersion { found });
        }
        // Deserialize from the text, not the value, so shape errors carry a position.
        let document: CardDocument =
            serde_json::from_str(text).map_err(|e| ImportError::from_serde(&e))?;
        return Ok(Imported { card: document.card, format: SourceFormat::CardJson });
    }
    if object.contains_key("name") {
        let info = ModelInfo::from_json(&value)?;
        return Ok(Imported { card: create_model_card(info), format: SourceFormat::ModelInfo });
    }
    Err(ImportError::Unrecognised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::MetricResult;

    fn seed_card() -> Card {
        let seed = r#"{"name": "ImageClassifier", "version": "1.0", "metrics": {"accuracy": 0.92}, "limitations": "May misclassify rare images"}"#;
        from_json(seed).unwrap().card
    }

    #[test]
    fn round_trips_our_json() {
        let card = seed_card();
        let text = to_json(&card);
        let back = from_json(&text).unwrap();
        assert_eq!(back, Imported { card, format: SourceFormat::CardJson });
    }

    #[test]
    fn writes_the_schema_version_and_the_card() {
        let value: Value = serde_json::from_str(&to_json(&seed_card())).unwrap();
        assert_eq!(value["schema_version"], SCHEMA_VERSION);
        assert_eq!(value["card"]["model_details"]["name"], "ImageClassifier");
        assert_eq!(value["card"]["quantitative_analysis"]["results"][0]["value"], "0.92");
    }

    #[test]
    fn recognises_the_seed_model_info() {
        let imported = from_json(r#"{"name": "A", "metrics": {"f1": 0.5}}"#).unwrap();
        assert_eq!(imported.format, SourceFormat::ModelInfo);
        assert_eq!(imported.card.quantitative_analysis.results, [MetricResult::new("f1", "0.5")]);
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
        let text = "{\"schema_version\": 1,\n \"card\": {\"model_details\": {\"name\": 5}}}";
        let error = from_json(text).unwrap_err();
        let ImportError::Shape { line, message, .. } = &error else {
            panic!("expected a shape error, got {error:?}");
        };
        assert_eq!(*line, 2);
        assert!(message.contains("expected a string"), "{message}");
    }

    #[test]
    fn refuses_a_future_schema_version() {
        let error = from_json(r#"{"schema_version": 99, "card": {}}"#).unwrap_err();
        assert_eq!(error, ImportError::FutureVersion { found: 99 });
    }

    #[test]
    fn refuses_json_that_is_not_a_card() {
        assert_eq!(from_json("[1, 2]").unwrap_err(), ImportError::Unrecognised);
        assert_eq!(from_json(r#"{"title": "x"}"#).unwrap_err(), ImportError::Unrecognised);
    }
}
