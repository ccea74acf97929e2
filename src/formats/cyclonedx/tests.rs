//! Native tests of the CycloneDX export and import. The schema checks with the
//! `jsonschema` crate and `cyclonedx-python-lib` are in `tests/cyclonedx.rs`.

use serde_json::Value;

use super::*;
use crate::card::example::filled_card;
use crate::document::Document;

#[test]
fn the_filled_card_exports_a_valid_bom() {
    let (text, notes) = export(&Document::new(filled_card()));
    let bom: Value = serde_json::from_str(&text).unwrap();
    let violations = schema::validate(&bom, schema::Strictness::Strict);
    assert!(violations.is_empty(), "{violations:#?}\n{text}");
    assert!(
        notes[0].starts_with("CycloneDX has no field for model_details.summary, "),
        "{notes:?}"
    );
}
