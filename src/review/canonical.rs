//! The canonical form of a card's content, and its SHA-256: what an approval is bound to.
//!
//! The canonical form (documented in `docs/canonical-form.md`) is the card's JSON with:
//! - only the `card` object: no schema version, workflow, reviews or history;
//! - object keys sorted by their UTF-8 bytes, at every depth;
//! - line endings in every string normalised to `\n` (`\r\n` and lone `\r` become `\n`);
//! - no whitespace between tokens, and strings escaped the way `serde_json` escapes them.
//!
//! So the hash changes exactly when what the card says changes.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::card::Card;

/// The canonical JSON text of a card's content.
pub fn canonical_json(card: &Card) -> String {
    // A card serializes to plain JSON; there is nothing that could fail.
    let value =
        serde_json::to_string(card).ok().and_then(|text| serde_json::from_str::<Value>(&text).ok());
    let mut out = String::new();
    write_canonical(&mut out, &value.unwrap_or(Value::Null));
    out
}

fn write_canonical(out: &mut String, value: &Value) {
    match value {
        Value::Object(object) => {
            let mut keys: Vec<&String> = object.keys().collect();
            keys.sort_unstable();
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
        Value::String(text) => write_string(out, &normalise_line_endings(text)),
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
    fn sorts_keys_at_every_depth_and_has_no_whitespace() {
        let mut card = Card::default();
        card.model_details.name = "A".into();
        let text = canonical_json(&card);
        assert!(text.starts_with("{\"bias_risks_limitations\":{\"limitations\":\"\",\"recommendations\":\"\"},\"caveats_and_recommendations\":\"\","), "{text}");
        assert!(!text.contains(": ") && !text.contains('\n'));
        let details = &text[text.find("\"model_details\":").unwrap()..];
        let architecture = details.find("\"architecture\"").unwrap();
        let base_models = details.find("\"base_models\"").unwrap();
        assert!(architecture < base_models, "nested keys are sorted too");
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

    const FILLED_CARD_HASH: &str =
        "e4301d2108496272477b920c4ba754248a713e0771722449bd7d9122da49533e";

    #[test]
    fn matches_the_documented_form_for_a_known_card() {
        // docs/canonical-form.md quotes this hash; change both together.
        assert_eq!(content_hash(&Card::default()), EMPTY_CARD_HASH);
    }

    const EMPTY_CARD_HASH: &str =
        "0b3aafc781be1e8e852c0567187af54a9bbcd327efc9db6daac89dbaeae25daa";
}
