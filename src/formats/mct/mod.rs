//! Google's Model Card Toolkit JSON: read from schema v0.0.1 (upgraded the way MCT's
//! `json_utils.update()` does) and v0.0.2 ([`import`]), written as v0.0.2 ([`export`]).
//! Keys with no field here are kept, with their path, and written back; our fields with
//! no place in MCT go to the closest MCT field or are listed in the export notes.

mod export;
mod import;

use serde_json::{Map, Value};

pub use export::export;
pub use import::import;

/// Why a JSON text is not an MCT card we can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MctError {
    #[error("a Model Card Toolkit card must be a JSON object")]
    NotAnObject,
}

/// Whether a JSON object looks like an MCT card.
pub fn looks_like_mct(object: &Map<String, Value>) -> bool {
    !object.contains_key("card")
        && ["model_details", "model_parameters", "quantitative_analysis", "considerations"]
            .iter()
            .any(|k| object.contains_key(*k))
}

pub(super) fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

pub(super) use crate::card::list_text::{bullets, items};

#[cfg(test)]
mod tests;
