//! The front matter's keys: the ones the card has fields for are mapped to them and
//! written back from them; every other key is kept verbatim, in order.

use super::model_index;
use crate::card::Card;
use crate::formats::ImportReport;
use crate::formats::yaml::{self, Node, number_or_string, string};

/// The front-matter key that carries the whole document for a lossless re-import.
pub const PAYLOAD_KEY: &str = "model_card_studio";

/// The keys with fields of their own, in the order an export writes new ones.
const KNOWN: &[&str] = &[
    "language",
    "license",
    "license_name",
    "license_link",
    "library_name",
    "tags",
    "base_model",
    "datasets",
    "metrics",
    "pipeline_tag",
    "co2_eq_emissions",
    "model-index",
];

/// One top-level entry of the front matter, with its text exactly as written.
struct Chunk {
    key: String,
    text: String,
}

/// Splits YAML into its top-level entries, verbatim. `None` when the YAML is not a
/// block mapping whose keys start at column 0 (then it cannot be split safely).
fn chunks(yaml_text: &str, root: &Node) -> Option<Vec<(Chunk, Node)>> {
    let entries = root.entries()?;
    if entries.iter().any(|(key, _)| key.col != 0 || key.text().is_none()) {
        return None;
    }
    let lines: Vec<&str> = yaml_text.split_inclusive('\n').collect();
    let starts: Vec<usize> = entries.iter().map(|(key, _)| key.line - 1).collect();
    if starts.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    Some(
        entries
            .iter()
            .enumerate()
            .map(|(i, (key, value))| {
                // Lines before the first key (comments) stay with it.
                let from = if i == 0 { 0 } else { starts[i] };
                let to = starts.get(i + 1).copied().unwrap_or(lines.len());
                let mut text: String = lines.get(from..to).unwrap_or_default().concat();
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                (Chunk { key: key.text().unwrap_or_default().to_owned(), text }, value.clone())
            })
            .collect(),
    )
}

/// Reads the front matter into the card. Returns the embedded document, if any.
pub fn import(
    yaml_text: &str,
    first_line: usize,
    card: &mut Card,
    report: &mut ImportReport,
) -> Option<String> {
    let meta = &mut card.hf_metadata;
    let keep_all_raw =
        |meta: &mut crate::card::HfMetadata, report: &mut ImportReport, why: String| {
            meta.extra_yaml = ensure_newline(yaml_text);
            meta.raw_front_matter = true;
            report.problems.push(why);
            report.kept_raw.push("the whole front matter, as written".into());
        };
    let root = match yaml::parse(yaml_text) {
        Ok(root) => root,
        Err(error) => {
            let line = first_line + error.line - 1;
            keep_all_raw(
                meta,
                report,
                format!(
                    "The front matter is not valid YAML: {} at line {line}, column {}.",
                    error.message, error.column
                ),
            );
            return None;
        }
    };
    if root.entries().is_some_and(|e| e.is_empty()) || root.is_null() {
        return None;
    }
    let Some(chunks) = chunks(yaml_text, &root) else {
        keep_all_raw(
            meta,
            report,
            "The front matter is not a block mapping with one key per line; it is kept as written."
                .into(),
        );
        return None;
    };
    let mut payload = None;
    let mut extra = String::new();
    for (chunk, value) in chunks {
        if chunk.key == PAYLOAD_KEY {
            payload = value.text().map(str::to_owned);
            continue;
        }
        card.hf_metadata.key_order.push(chunk.key.clone());
        match map_known(&chunk.key, &value, first_line, card) {
            Some(Ok(())) => report.mapped.push(format!("front matter: {}", chunk.key)),
            Some(Err(problem)) => {
                report.problems.push(format!("{}: {problem}; it is kept as written.", chunk.key));
                report.kept_raw.push(format!("front matter: {}", chunk.key));
                extra.push_str(&chunk.text);
            }
            None => {
                report.kept_raw.push(format!("front matter: {}", chunk.key));
                extra.push_str(&chunk.text);
            }
        }
    }
    card.hf_metadata.extra_yaml = extra;
    payload
}

fn ensure_newline(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') { text.to_owned() } else { format!("{text}\n") }
}

/// Maps a known key. `None` for unknown keys; `Some(Err)` when the value has a shape the
/// field cannot hold without loss.
fn map_known(
    key: &str,
    value: &Node,
    first_line: usize,
    card: &mut Card,
) -> Option<Result<(), String>> {
    let details = &mut card.model_details;
    let meta = &mut card.hf_metadata;
    let result = match key {
        "language" => list(value).map(|v| details.languages = v),
        "license" => scalar(value).map(|v| details.license.id = v),
        "license_name" => scalar(value).map(|v| details.license.name = v),
        "license_link" => scalar(value).map(|v| details.license.link = v),
        "library_name" => scalar(value).map(|v| meta.library_name = v),
        "tags" => list(value).map(|v| meta.tags = v),
        "base_model" => list(value).map(|v| details.base_models = v),
        "datasets" => list(value).map(|v| meta.datasets = v),
        "metrics" => list(value).map(|v| meta.metrics = v),
        "pipeline_tag" => scalar(value).map(|v| meta.pipeline_tag = v),
        "co2_eq_emissions" => co2(value, card),
        "model-index" => model_index::import(value, first_line).map(|(name, results)| {
            card.hf_metadata.model_index_name = name;
            card.quantitative_analysis.results = results;
        }),
        _ => return None,
    };
    Some(result)
}

fn scalar(node: &Node) -> Result<String, String> {
    node.text().map(str::to_owned).ok_or_else(|| "expected a single value".to_owned())
}

/// A value or a list of values.
fn list(node: &Node) -> Result<Vec<String>, String> {
    match node.items() {
        Some(items) => items.iter().map(scalar).collect(),
        None if node.is_null() => Ok(Vec::new()),
        None => scalar(node).map(|v| vec![v]),
    }
}

/// `co2_eq_emissions` is a number, or a mapping of the emissions and where they come from.
fn co2(node: &Node, card: &mut Card) -> Result<(), String> {
    let impact = &mut card.environmental_impact;
    let Some(entries) = node.entries() else {
        impact.co2_emitted = scalar(node)?;
        return Ok(());
    };
    for (key, value) in entries {
        let target = match key.text() {
            Some("emissions") => &mut impact.co2_emitted,
            Some("source") => &mut impact.co2_source,
            Some("training_type") => &mut impact.co2_training_type,
            Some("geographical_location") => &mut impact.compute_region,
            Some("hardware_used") => &mut impact.hardware_type,
            other => {
                return Err(format!(
                    "it has the key \"{}\", which this app does not map",
                    other.unwrap_or("?")
                ));
            }
        };
        *target = scalar(value)?;
    }
    Ok(())
}

/// Writes the front matter: keys in their imported order, new ones after, then the
/// embedded document. A front matter that could not be parsed on import is written back
/// as it was. Extra YAML that is not a mapping of keys is left out, so that it cannot
/// break the rest; the embedded document still holds it (see [`super::export_notes`]).
pub fn export(card: &Card, payload: &str) -> String {
    let meta = &card.hf_metadata;
    if meta.raw_front_matter {
        return meta.extra_yaml.clone();
    }
    let kept: Vec<Chunk> = match yaml::parse(&meta.extra_yaml) {
        Ok(root) => chunks(&meta.extra_yaml, &root)
            .unwrap_or_default()
            .into_iter()
            .map(|(c, _)| c)
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut out = String::new();
    let mut written: Vec<&str> = Vec::new();
    // A key kept as written (unknown, or known but not readable into fields) is written
    // back as it was; a known key is written from its fields.
    let write = |out: &mut String, key: &str| {
        if let Some(chunk) = kept.iter().find(|c| c.key == key && c.key != PAYLOAD_KEY) {
            out.push_str(&chunk.text);
        } else if KNOWN.contains(&key) {
            out.push_str(&known(card, key));
        }
    };
    for key in &meta.key_order {
        if !written.contains(&key.as_str()) {
            write(&mut out, key);
            written.push(key);
        }
    }
    for key in KNOWN.iter().copied().chain(kept.iter().map(|c| c.key.as_str())) {
        if !written.contains(&key) {
            write(&mut out, key);
            written.push(key);
        }
    }
    out.push_str(&format!("{PAYLOAD_KEY}: |-\n"));
    for line in payload.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One known key as YAML, or nothing when its field is empty.
fn known(card: &Card, key: &str) -> String {
    let details = &card.model_details;
    let meta = &card.hf_metadata;
    let one = |key: &str, value: &str| {
        if value.trim().is_empty() { String::new() } else { format!("{key}: {}\n", string(value)) }
    };
    let many = |key: &str, values: &[String], scalar_if_one: bool| match values {
        [] => String::new(),
        [one] if scalar_if_one => format!("{key}: {}\n", string(one)),
        values => format!(
            "{key}:\n{}",
            values.iter().map(|v| format!("- {}\n", string(v))).collect::<String>()
        ),
    };
    match key {
        "language" => many(key, &details.languages, true),
        "license" => one(key, &details.license.id),
        "license_name" => one(key, &details.license.name),
        "license_link" => one(key, &details.license.link),
        "library_name" => one(key, &meta.library_name),
        "tags" => many(key, &meta.tags, false),
        "base_model" => many(key, &details.base_models, true),
        "datasets" => many(key, &meta.datasets, false),
        "metrics" => many(key, &meta.metrics, false),
        "pipeline_tag" => one(key, &meta.pipeline_tag),
        "co2_eq_emissions" => co2_yaml(card),
        "model-index" => model_index::export(card).unwrap_or_default(),
        _ => String::new(),
    }
}

fn co2_yaml(card: &Card) -> String {
    let impact = &card.environmental_impact;
    if impact.co2_emitted.trim().is_empty() {
        return String::new();
    }
    let details = [
        ("source", &impact.co2_source),
        ("training_type", &impact.co2_training_type),
        ("geographical_location", &impact.compute_region),
        ("hardware_used", &impact.hardware_type),
    ];
    if details.iter().all(|(_, v)| v.trim().is_empty()) {
        return format!("co2_eq_emissions: {}\n", number_or_string(&impact.co2_emitted));
    }
    let mut out =
        format!("co2_eq_emissions:\n  emissions: {}\n", number_or_string(&impact.co2_emitted));
    for (key, value) in details {
        if !value.trim().is_empty() {
            out.push_str(&format!("  {key}: {}\n", string(value)));
        }
    }
    out
}
