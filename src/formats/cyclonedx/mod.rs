//! CycloneDX ML-BOM: a card becomes a CycloneDX 1.6 JSON BOM with one
//! `machine-learning-model` component and its `modelCard`, and a 1.5, 1.6 or 1.7 BOM
//! opens as one card per model in it. `docs/cyclonedx.md` maps every field.
//!
//! - What the card has and CycloneDX has no field for is written as a `properties`
//!   entry named `modelcard:<field path>`, and read back from it.
//! - What a BOM has and the card has no field for is kept in `Card::cyclonedx` by its
//!   JSON pointer and written back in its place, so a BOM comes back as it was.
//! - Every import is checked against the official 1.6 schema (`schema.rs`) and refused
//!   with the JSON path of the problem; every export is checked before it is written.
//! - An export depends on the document alone (no clock, no randomness), so the web app's
//!   worker and the CLI write the same bytes.

#![deny(clippy::string_slice, clippy::indexing_slicing)]

mod export;
mod import;
mod licence;
pub mod pointer;
mod properties;
pub mod schema;
mod units;

pub use export::export;
pub use import::import;

use serde_json::{Map, Value};

/// The version this app writes.
pub const SPEC_VERSION: &str = "1.6";

/// The `$schema` of what this app writes.
pub const SCHEMA_URL: &str = "http://cyclonedx.org/schema/bom-1.6.schema.json";

/// The versions this app reads: the ones with a `modelCard`.
pub const READ_VERSIONS: [&str; 3] = ["1.5", "1.6", "1.7"];

/// The prefix of the property names this app writes.
pub const PROPERTY_PREFIX: &str = "modelcard:";

/// The component type of a model.
const MODEL_TYPE: &str = "machine-learning-model";

/// The cards a BOM holds, one per model, with what the import could not map.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub documents: Vec<crate::document::Document>,
    pub report: crate::formats::ImportReport,
}

/// Why a BOM could not be opened. The messages are shown to users as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BomError {
    #[error("Not valid JSON: {message} at line {line}, column {column}")]
    Syntax { message: String, line: usize, column: usize },
    #[error("Not a CycloneDX BOM: {0}")]
    NotABom(String),
    #[error(
        "This is a CycloneDX {found} BOM; model cards exist from CycloneDX 1.5 on, and this app reads 1.5, 1.6 and 1.7"
    )]
    TooOld { found: String },
    #[error("This is a CycloneDX {found} BOM, newer than this app reads (1.5, 1.6 and 1.7)")]
    TooNew { found: String },
    #[error("Not a valid CycloneDX {version} BOM: {first}{}", others_note(*.others))]
    Invalid { version: String, first: String, others: usize },
    #[error(
        "The BOM has no component of type \"machine-learning-model\", so it holds no model card"
    )]
    NoModel,
}

fn others_note(others: usize) -> String {
    match others {
        0 => String::new(),
        1 => " (and 1 more problem)".to_owned(),
        n => format!(" (and {n} more problems)"),
    }
}

/// Whether a JSON object is a CycloneDX BOM (its `bomFormat` says so).
pub fn looks_like_bom(object: &Map<String, Value>) -> bool {
    object
        .get("bomFormat")
        .and_then(Value::as_str)
        .is_some_and(|format| format.eq_ignore_ascii_case("CycloneDX"))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;
