//! The canonical form of a card's content, and its SHA-256: what an approval is bound to.
//!
//! The canonical form (documented in `docs/canonical-form.md`) is the card's JSON with:
//! - only the `card` object: no schema version, workflow, reviews or history;
//! - line endings in every string normalised to `\n` (`\r\n` and lone `\r` become `\n`);
//! - empty values left out: `""`, `[]`, `null`, `false`, and objects left empty by that,
//!   so a later schema that adds fields does not change the hash of an older card;
//! - object keys sorted by their UTF-8 bytes, at every depth;
//! - no whitespace between tokens, and strings escaped the way `serde_json` escapes them.
//!
//! So the hash changes exactly when what the card says changes.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::card::Card;

/// The canonical JSON text of a card's content.
///
/// Turning a `Card` into a `serde_json::Value` cannot fail: its `Serialize` is derived,
/// and it holds only strings, booleans, small integers, options, vectors and structs of
/// them, never a map. serde_json fails only on a map key that is not a string or on a
/// hand-written `Serialize` that errs. `tests/roundtrip.rs` checks this on arbitrary
/// cards (`any_card_has_a_canonical_form`). Were it ever to fail, the text would say so
/// rather than be the form of some other card.
pub fn canonical_json(card: &Card) -> String {
    match serde_json::to_value(card) {
        Ok(value) => canonical_value(&value),
        Err(error) => format!("unserializable card: {error}"),
    }
}

/// The canonical form of a card's content given as JSON, e.g. from an older file.
pub fn canonical_value(card: &Value) -> String {
    let mut out = String::new();
    write_canonical(&mut out, &prune(card.clone()));
    out
}

/// Normalises line endings and drops empty values, recursively.
fn prune(value: Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .into_iter()
                .map(|(key, item)| (key, prune(item)))
                .filter(|(_, item)| !is_empty(item))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(prune).collect()),
        Value::String(text) => Value::String(normalise_line_endings(&text)),
        other => other,
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(object) => object.is_empty(),
        _ => false,
    }
}

fn write_canonical(out: &mut String, value: &Value) {
    match value {
        Value::Object(object) => {
            let mut keys: Vec<&String> = object.keys().collect();
            crate::order::sort_by(&mut keys, |a, b| a.cmp(b));
            out.push('{');
            for (position, key) in keys.into_iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                if let Some(item) = object.get(key) {
                    write_canonical(out, item);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (position, item) in items.iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                write_canonical(out, item);
            }
            out.push(']');
        }
        Value::String(text) => write_string(out, text),
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push_str(&Value::String(text.to_owned()).to_string());
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalise_line_endings(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The SHA-256 of the canonical form, as 64 lowercase hex digits.
pub fn content_hash(card: &Card) -> String {
    let digest = Sha256::digest(canonical_json(card).as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::filled_card;

    #[test]
    fn sorts_keys_at_every_depth_drops_empty_values_and_has_no_whitespace() {
        let mut card = Card::default();
        card.model_details.name = "A".into();
        card.model_details.architecture = "B".into();
        card.model_details.base_models = vec!["C".into()];
        card.caveats_and_recommendations = "D".into();
        assert_eq!(
            canonical_json(&card),
            r#"{"caveats_and_recommendations":"D","custom_sections":[],"model_details":{"architecture":"B","base_models":["C"],"name":"A"}}"#
                .replace(r#""custom_sections":[],"#, "")
        );
        assert_eq!(canonical_json(&Card::default()), "{}");
    }

    #[test]
    fn a_new_empty_field_does_not_change_the_hash() {
        let card = filled_card();
        let mut value = serde_json::to_value(&card).unwrap();
        value["model_details"]["a_field_from_a_later_schema"] = "".into();
        value["more"]["another"] = serde_json::json!({"nested": [], "flag": false});
        let text = value.to_string();
        let mut reread: Value = serde_json::from_str(&text).unwrap();
        let pruned = prune(reread.take());
        let mut out = String::new();
        write_canonical(&mut out, &pruned);
        assert_eq!(out, canonical_json(&card));
    }

    #[test]
    fn is_stable_across_key_order_in_the_source_file() {
        let card = filled_card();
        let reordered: Card = {
            // The same card, read from JSON whose keys are in reverse order.
            let value: Value = serde_json::to_value(&card).unwrap();
            fn reverse(value: &Value) -> String {
                match value {
                    Value::Object(object) => {
                        let inner: Vec<String> = object
                            .iter()
                            .rev()
                            .map(|(k, v)| format!("{}:{}", Value::String(k.clone()), reverse(v)))
                            .collect();
                        format!("{{{}}}", inner.join(","))
                    }
                    Value::Array(items) => {
                        format!("[{}]", items.iter().map(reverse).collect::<Vec<_>>().join(","))
                    }
                    other => other.to_string(),
                }
            }
            serde_json::from_str(&reverse(&value)).unwrap()
        };
        assert_eq!(content_hash(&reordered), content_hash(&card));
    }

    #[test]
    fn is_stable_across_line_endings() {
        let mut unix = filled_card();
        unix.model_details.description = "line one\nline two\n".into();
        let mut windows = unix.clone();
        windows.model_details.description = "line one\r\nline two\r\n".into();
        let mut old_mac = unix.clone();
        old_mac.model_details.description = "line one\rline two\r".into();
        assert_eq!(content_hash(&unix), content_hash(&windows));
        assert_eq!(content_hash(&unix), content_hash(&old_mac));
    }

    #[test]
    fn changes_with_any_change_of_content() {
        let card = filled_card();
        let mut edited = card.clone();
        edited.quantitative_analysis.results[0].value = "0.93".into();
        assert_ne!(content_hash(&card), content_hash(&edited));
        let hash = content_hash(&card);
        assert_eq!(hash.len(), 64);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn the_filled_card_hashes_as_documented() {
        // docs/canonical-form.md shows how to check this with Python's json and hashlib.
        assert_eq!(content_hash(&filled_card()), FILLED_CARD_HASH);
    }

    /// docs/canonical-form.md explains why this form gives the bytes RFC 8785 (JCS) would
    /// for a card: these are the facts it relies on.
    #[test]
    fn strings_are_escaped_as_jcs_escapes_them() {
        let mut card = Card::default();
        card.model_details.name = "\u{1}\u{8}\u{c}\t\n\"\\/é\u{2028}\u{7f}😀".into();
        assert_eq!(
            canonical_json(&card),
            "{\"model_details\":{\"name\":\"\\u0001\\b\\f\\t\\n\\\"\\\\/é\u{2028}\u{7f}😀\"}}"
        );
    }

    #[test]
    fn a_card_has_only_ascii_keys_and_integer_numbers() {
        fn walk(value: &Value, path: &str) {
            match value {
                Value::Object(object) => {
                    for (key, item) in object {
                        assert!(
                            key.bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                            "{path}.{key} is not an ASCII snake_case key"
                        );
                        walk(item, &format!("{path}.{key}"));
                    }
                }
                Value::Array(items) => items.iter().for_each(|item| walk(item, path)),
                Value::Number(number) => assert!(number.is_u64(), "{path} is {number}"),
                _ => {}
            }
        }
        let mut card = filled_card();
        card.custom_sections.push(crate::card::CustomSection { level: 3, ..Default::default() });
        card.quantitative_analysis.results[0].hf.entry = Some(7);
        card.quantitative_analysis.results[0].hf.verified = Some(true);
        walk(&serde_json::to_value(&card).unwrap(), "card");
    }

    const FILLED_CARD_HASH: &str =
        "356261e9387d3c289a6e61dffe0c34ae882f7ed6dd65d96af266cdde708b7326";

    #[test]
    fn matches_the_documented_form_for_a_known_card() {
        // docs/canonical-form.md quotes this hash; change both together.
        assert_eq!(content_hash(&Card::default()), EMPTY_CARD_HASH);
    }

    const EMPTY_CARD_HASH: &str =
        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
}
