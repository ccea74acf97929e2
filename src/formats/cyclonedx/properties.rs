//! The card's fields with no CycloneDX place, as `properties`: one entry per value, named
//! `modelcard:` and the field's path in our JSON (`modelcard:model_details.summary`,
//! `modelcard:quantitative_analysis.results.0.dataset`), and read back from them.
//!
//! The list is worked out from the card's own JSON, so a field added to the card later
//! travels as a property until it is given a CycloneDX place.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::PROPERTY_PREFIX;
use crate::card::{Card, has_content};

/// Leaves of the card that are not strings, by path (`*` stands for any index). Property
/// values are text, so these are read back as JSON. A test checks this against the
/// card's JSON Schema.
pub const TYPED_LEAVES: &[&str] = &[
    "training_data.datasets.*.sensitive",
    "evaluation_data.datasets.*.sensitive",
    "quantitative_analysis.results.*.hf.verified",
    "quantitative_analysis.results.*.hf.entry",
    "hf_metadata.raw_front_matter",
    "custom_sections.*.level",
];

/// The card's JSON, the one way every type is serialized here.
pub fn card_value(card: &Card) -> Value {
    serde_json::to_string(card)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// A card from its JSON, through the one text parser.
pub fn card_from_value(value: &Value) -> Option<Card> {
    serde_json::from_str(&value.to_string()).ok()
}

/// Every value of the card with content that `placed` does not cover, as
/// `(field path, text)` in the card's order. `placed` holds field paths; a path covers
/// everything inside it.
pub fn unplaced(card: &Card, placed: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut value = card_value(card);
    if let Value::Object(object) = &mut value {
        // Kept for the BOM's own export; not card content to describe.
        object.shift_remove("cyclonedx");
    }
    let mut out = Vec::new();
    leaves(&value, &mut String::new(), &mut |path, leaf| {
        if is_placed(placed, path) {
            return;
        }
        let text = match leaf {
            Value::String(text) if has_content(text) => text.clone(),
            Value::Bool(true) => "true".to_owned(),
            Value::Number(number) => number.to_string(),
            _ => return,
        };
        out.push((path.to_owned(), text));
    });
    out
}

fn is_placed(placed: &BTreeSet<String>, path: &str) -> bool {
    let mut prefix = path;
    loop {
        if placed.contains(prefix) {
            return true;
        }
        match prefix.rsplit_once('.') {
            Some((parent, _)) => prefix = parent,
            None => return false,
        }
    }
}

fn leaves(value: &Value, path: &mut String, visit: &mut impl FnMut(&str, &Value)) {
    let mut descend = |key: &str, child: &Value, path: &mut String| {
        let length = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        leaves(child, path, visit);
        path.truncate(length);
    };
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                descend(key, child, path);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                descend(&index.to_string(), child, path);
            }
        }
        leaf => visit(path, leaf),
    }
}

/// A `modelcard:` property's field path, or `None` for other names.
pub fn field_path(name: &str) -> Option<&str> {
    name.strip_prefix(PROPERTY_PREFIX)
}

/// Sets the properties' values into the card's JSON. Returns the card, and the indices
/// of the properties that are not fields of the card (or do not fit it): those are kept
/// as written.
pub fn apply(base: &Card, properties: &[(String, String)]) -> (Card, Vec<usize>) {
    let mut value = card_value(base);
    let mut rejected = Vec::new();
    let mut applied = Vec::new();
    for (index, (path, text)) in properties.iter().enumerate() {
        // `set` changes nothing it cannot finish, bar empty objects the card's reader
        // ignores, so no copy is needed per property.
        if typed(path, text).is_some_and(|leaf| set(&mut value, path, leaf)) {
            applied.push(index);
        } else {
            rejected.push(index);
        }
    }
    let mut card = card_from_value(&value);
    if card.is_none() {
        // One property of the wrong shape must not cost the others: add them one by one
        // (as many as a card could hold; a file with more is not one of ours).
        value = card_value(base);
        applied.truncate(MAX_ONE_BY_ONE);
        applied.retain(|&index| {
            let Some((path, text)) = properties.get(index) else { return false };
            let mut trial = value.clone();
            let fits = typed(path, text).is_some_and(|leaf| set(&mut trial, path, leaf))
                && card_from_value(&trial).is_some();
            if fits {
                value = trial;
            } else {
                rejected.push(index);
            }
            fits
        });
        card = card_from_value(&value);
    }
    let card = card.unwrap_or_else(|| base.clone());
    // A property counts only if the card holds it afterwards: a name that is no field
    // is dropped by the card's reader, and so is kept as written instead.
    let after = card_value(&card);
    for index in applied {
        let Some((path, text)) = properties.get(index) else { continue };
        let held = typed(path, text).is_some_and(|leaf| lookup(&after, path) == Some(&leaf));
        if !held {
            rejected.push(index);
        }
    }
    rejected.sort_unstable();
    rejected.dedup();
    (card, rejected)
}

const MAX_ONE_BY_ONE: usize = 2_000;

/// The property's text as the JSON value of its field.
fn typed(path: &str, text: &str) -> Option<Value> {
    if TYPED_LEAVES.iter().any(|pattern| matches_pattern(pattern, path)) {
        serde_json::from_str::<Value>(text).ok().filter(|v| v.is_boolean() || v.is_number())
    } else {
        Some(Value::String(text.to_owned()))
    }
}

fn matches_pattern(pattern: &str, path: &str) -> bool {
    let mut parts = path.split('.');
    pattern.split('.').all(|expected| {
        parts.next().is_some_and(|part| {
            expected == part || (expected == "*" && part.parse::<usize>().is_ok())
        })
    }) && parts.next().is_none()
}

fn lookup<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    let mut node = value;
    for part in path.split('.') {
        node = match node {
            Value::Object(object) => object.get(part)?,
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Sets a leaf at a dotted path, adding list items at the end as needed.
fn set(value: &mut Value, path: &str, leaf: Value) -> bool {
    let parts: Vec<&str> = path.split('.').collect();
    let Some((last, parents)) = parts.split_last() else { return false };
    if parts.iter().any(|part| part.is_empty()) {
        return false;
    }
    let mut node = value;
    for (position, part) in parents.iter().enumerate() {
        let next_is_index = parts.get(position + 1).is_some_and(|p| p.parse::<usize>().is_ok());
        let fresh =
            || if next_is_index { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
        node = match node {
            Value::Object(object) => object.entry((*part).to_owned()).or_insert_with(fresh),
            Value::Array(items) => {
                let Ok(index) = part.parse::<usize>() else { return false };
                if index == items.len() {
                    items.push(fresh());
                }
                match items.get_mut(index) {
                    Some(item) => item,
                    None => return false,
                }
            }
            _ => return false,
        };
    }
    // A value only ever replaces a value, never a section or a list.
    let is_leaf = |value: &Value| !value.is_object() && !value.is_array();
    match node {
        Value::Object(object) => match object.get_mut(*last) {
            Some(existing) if !is_leaf(existing) => false,
            Some(existing) => {
                *existing = leaf;
                true
            }
            None => {
                object.insert((*last).to_owned(), leaf);
                true
            }
        },
        Value::Array(items) => match last.parse::<usize>() {
            Ok(index) if index == items.len() => {
                items.push(leaf);
                true
            }
            Ok(index) => match items.get_mut(index) {
                Some(item) if is_leaf(item) => {
                    *item = leaf;
                    true
                }
                _ => false,
            },
            Err(_) => false,
        },
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::card::example::filled_card;

    #[test]
    fn every_unplaced_value_comes_back_from_its_property() {
        let card = filled_card();
        let placed = BTreeSet::from(["model_details.name".to_owned()]);
        let properties = unplaced(&card, &placed);
        assert!(properties.iter().all(|(path, _)| path != "model_details.name"));
        assert!(properties.contains(&("custom_sections.0.title".into(), "Deployment".into())));
        let mut base = Card::default();
        base.model_details.name = card.model_details.name.clone();
        let (back, rejected) = apply(&base, &properties);
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(back, card);
    }

    #[test]
    fn names_that_are_no_field_are_refused() {
        let properties = vec![
            ("custom-property".to_owned(), "x".to_owned()),
            ("model_details.summary".to_owned(), "A summary".to_owned()),
            ("model_details.owners.3.name".to_owned(), "gap".to_owned()),
            ("custom_sections.0.level".to_owned(), "three".to_owned()),
            ("model_details".to_owned(), "not an object".to_owned()),
        ];
        let (card, rejected) = apply(&Card::default(), &properties);
        assert_eq!(rejected, [0, 2, 3, 4]);
        assert_eq!(card.model_details.summary, "A summary");
    }
}
