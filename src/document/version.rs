//! The versions of the document shape, and the upgrades between them.
//!
//! Every document and storage record says which shape it has in `schema_version`.
//! [`upgrade`] brings any older one to the current shape, one upgrade per version, so
//! readers accept every version up to [`SCHEMA_VERSION`].

use serde_json::{Map, Value};

/// The version of the document shape this code writes.
///
/// - 1: `card` only (the foundation release).
/// - 2: adds `workflow` (status, reviews, approval, history).
/// - 3: adds the fields that keep imports lossless: model-index details and task of a
///   result, CO2 source and training type, graphics, heading levels of custom sections,
///   front-matter key order, Model Card Toolkit extras.
/// - 4: adds what a CycloneDX ML-BOM has a place for (learning approach, input and output
///   formats, fairness assessments, energy used) and what an imported BOM keeps
///   (`card.cyclonedx`); `source`, the README a card was imported from (its text and the
///   span of each part); and `model_details.banner`, the text a README has before its title.
pub const SCHEMA_VERSION: u32 = 4;

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

/// The version a document or record says it has.
pub fn schema_version_of(object: &Map<String, Value>) -> Result<u32, VersionError> {
    let found =
        object.get("schema_version").and_then(Value::as_u64).ok_or(VersionError::Invalid)?;
    if found > u64::from(SCHEMA_VERSION) {
        return Err(VersionError::Future { found });
    }
    u32::try_from(found).ok().filter(|v| *v >= 1).ok_or(VersionError::Invalid)
}

/// One upgrade per version: `UPGRADES[i]` turns a version `i + 1` object into version
/// `i + 2`.
const UPGRADES: &[fn(&mut Map<String, Value>)] = &[v1_to_v2, v2_to_v3, v3_to_v4];

/// Version 2 added the workflow. Every version 1 card was a draft.
fn v1_to_v2(object: &mut Map<String, Value>) {
    object.entry("workflow").or_insert_with(|| serde_json::json!({ "status": "draft" }));
}

/// Version 3 only added fields, all empty by default: nothing to move. The upgrade
/// exists so that a version 2 app, which would drop the new fields on save, opens
/// version 3 records read-only instead.
fn v2_to_v3(_: &mut Map<String, Value>) {}

/// Version 4 too only added fields, empty by default; a version 3 app opens version 4
/// records read-only rather than dropping them on save.
fn v3_to_v4(_: &mut Map<String, Value>) {}

/// Brings a document or storage record of any known version to the current shape, and
/// returns the version it had. Fields outside the document (a record's id) are kept.
pub fn upgrade(object: &mut Map<String, Value>) -> Result<u32, VersionError> {
    let found = schema_version_of(object)?;
    let pending = usize::try_from(found - 1).ok().and_then(|done| UPGRADES.get(done..));
    for upgrade in pending.unwrap_or_default() {
        upgrade(object);
    }
    object.insert("schema_version".into(), SCHEMA_VERSION.into());
    Ok(found)
}

/// Deserializes a value that [`upgrade`] produced, through the one text parser.
pub fn from_upgraded<T: serde::de::DeserializeOwned>(
    object: Map<String, Value>,
) -> serde_json::Result<T> {
    serde_json::from_str(&Value::Object(object).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn there_is_one_upgrade_per_older_version() {
        assert_eq!(UPGRADES.len() as u32, SCHEMA_VERSION - 1);
    }
}
