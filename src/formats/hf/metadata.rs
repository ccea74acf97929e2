//! The front matter's keys: the ones the card has fields for are mapped to them; every
//! other key is kept verbatim, in order, in `hf_metadata.extra_yaml`. Exported from a
//! source, each key is printed as the README had it unless the card changed it; a
//! changed key is rewritten in its own lines in the file's style, a new one goes where
//! the Hub's order puts it among the keys that are there.

use super::model_index;
use super::yaml_edit::{self, Entry, ListStyle};
use crate::card::Card;
use crate::document::source::{Part, ReadmeSource, Span, digest};
use crate::formats::ImportReport;
use crate::formats::yaml::{self, Node, number_or_string, string};
use crate::markdown::readme::{Edit, line_ending};

/// The front-matter key in which exports before schema 4 embedded the whole document.
pub const PAYLOAD_KEY: &str = "model_card_studio";

/// The keys with fields of their own, in the order an export writes new ones.
pub const KNOWN: &[&str] = &[
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

/// What the front matter gave besides the card's fields.
#[derive(Default)]
pub struct Read {
    /// Where each key is, in the README's text.
    pub parts: Vec<(Part, Vec<Span>)>,
    /// The embedded document of an older export, and the lines it took.
    pub payload: Option<(String, Span)>,
}

/// Reads the front matter (`text[yaml]`) into the card.
pub fn import(
    text: &str,
    yaml_span: Span,
    first_line: usize,
    card: &mut Card,
    report: &mut ImportReport,
) -> Read {
    let yaml_text = yaml_span.of(text).unwrap_or_default();
    let mut read = Read::default();
    let keep_all_raw =
        |card: &mut Card, report: &mut ImportReport, read: &mut Read, why: String| {
            card.hf_metadata.extra_yaml =
                ensure_newline(&super::front_matter::normalise(yaml_text));
            card.hf_metadata.raw_front_matter = true;
            report.problems.push(why);
            report.kept_raw.push("the whole front matter, as written".into());
            read.parts.push((Part::Extra, vec![yaml_span]));
        };
    let root = match yaml::parse(yaml_text) {
        Ok(root) => root,
        Err(error) => {
            let line = first_line + error.line - 1;
            let why = format!(
                "The front matter is not valid YAML: {} at line {line}, column {}.",
                error.message, error.column
            );
            keep_all_raw(card, report, &mut read, why);
            return read;
        }
    };
    if root.entries().is_some_and(|e| e.is_empty()) || root.is_null() {
        return read;
    }
    let Some(entries) = yaml_edit::entries(yaml_text) else {
        let why =
            "The front matter is not a block mapping with one key per line; it is kept as written."
                .into();
        keep_all_raw(card, report, &mut read, why);
        return read;
    };
    let mut extra = String::new();
    for entry in entries {
        let span = Span::new(yaml_span.start + entry.start, yaml_span.start + entry.end);
        if entry.key == PAYLOAD_KEY {
            read.payload = entry.value.text().map(|payload| (payload.to_owned(), span));
            continue;
        }
        card.hf_metadata.key_order.push(entry.key.clone());
        let verbatim = |extra: &mut String| {
            extra.push_str(&ensure_newline(&super::front_matter::normalise(
                span.of(text).unwrap_or_default(),
            )));
        };
        match map_known(&entry.key, &entry.value, first_line, card) {
            Some(Ok(())) => {
                report.mapped.push(format!("front matter: {}", entry.key));
                read.parts.push((Part::Key(entry.key), vec![span]));
            }
            Some(Err(problem)) => {
                report.problems.push(format!("{}: {problem}; it is kept as written.", entry.key));
                report.kept_raw.push(format!("front matter: {}", entry.key));
                verbatim(&mut extra);
                read.parts.push((Part::ExtraKey(entry.key), vec![span]));
            }
            None => {
                report.kept_raw.push(format!("front matter: {}", entry.key));
                verbatim(&mut extra);
                read.parts.push((Part::ExtraKey(entry.key), vec![span]));
            }
        }
    }
    card.hf_metadata.extra_yaml = extra;
    read.parts.push((Part::Extra, Vec::new()));
    read
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

/// The known keys a README keeps as written because they could not be read.
pub fn kept_known_keys(source: &ReadmeSource) -> Vec<&str> {
    source
        .parts
        .iter()
        .filter_map(|p| match &p.part {
            Part::ExtraKey(key) if KNOWN.contains(&key.as_str()) => Some(key.as_str()),
            _ => None,
        })
        .collect()
}

/// The YAML a front-matter part is written as, for its digest; `None` for body parts.
pub fn part_text(card: &Card, part: &Part) -> Option<String> {
    match part {
        Part::Key(key) => Some(known(card, key)),
        Part::ExtraKey(key) => Some(
            extra_entries(&card.hf_metadata.extra_yaml)
                .and_then(|entries| {
                    entries.into_iter().find(|(k, _)| k == key).map(|(_, text)| text)
                })
                .unwrap_or_default(),
        ),
        Part::Extra => Some(card.hf_metadata.extra_yaml.clone()),
        _ => None,
    }
}

/// The kept keys of `extra_yaml` with their text, or `None` when it cannot be split.
fn extra_entries(extra: &str) -> Option<Vec<(String, String)>> {
    let entries = yaml_edit::entries(extra)?;
    Some(
        entries
            .into_iter()
            .map(|e| (e.key, ensure_newline(extra.get(e.start..e.end).unwrap_or_default())))
            .collect(),
    )
}

/// The front matter of a card with no source: keys in their imported order, new ones
/// after. A front matter that could not be parsed on import is written back as it was.
/// Extra YAML that is not a mapping of keys is left out, so that it cannot break the
/// rest (see [`super::export_notes`]).
pub fn export(card: &Card) -> String {
    let meta = &card.hf_metadata;
    if meta.raw_front_matter {
        return meta.extra_yaml.clone();
    }
    let kept = extra_entries(&meta.extra_yaml).unwrap_or_default();
    let mut out = String::new();
    let mut written: Vec<&str> = Vec::new();
    let write = |out: &mut String, key: &str| {
        if let Some((_, text)) = kept.iter().find(|(k, _)| k == key && k != PAYLOAD_KEY) {
            out.push_str(text);
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
    for key in KNOWN.iter().copied().chain(kept.iter().map(|(k, _)| k.as_str())) {
        if !written.contains(&key) {
            write(&mut out, key);
            written.push(key);
        }
    }
    out
}

/// The edits that turn the source's front matter into the card's. Keys the card did not
/// change are left as they are; a front matter is made when the README had none and the
/// card now has metadata.
pub fn edits(source: &ReadmeSource, card: &Card) -> Vec<Edit> {
    let text = source.text.as_str();
    let eol = line_ending(text);
    let changed = |part: &Part| {
        source
            .parts
            .iter()
            .find(|p| &p.part == part)
            .map(|p| part_text(card, part).is_none_or(|now| digest(&now) != p.digest))
    };
    let Some(yaml_span) = source.front_matter else {
        // No front matter: one is added only for metadata the card now has.
        let yaml = export(card);
        let changed_any = KNOWN.iter().any(|key| {
            changed(&Part::Key((*key).into())).unwrap_or(true) && !known(card, key).is_empty()
        }) || changed(&Part::Extra)
            .unwrap_or(!card.hf_metadata.extra_yaml.trim().is_empty());
        if yaml.trim().is_empty() || !changed_any {
            return Vec::new();
        }
        let block = yaml_edit_block(&yaml, eol);
        return vec![Edit { span: Span::new(0, 0), text: block, block: false }];
    };
    let yaml_text = yaml_span.of(text).unwrap_or_default();
    let mut out: Vec<Edit> = Vec::new();
    let at = |offset: usize| yaml_span.start + offset;
    // A front matter kept whole, as it could not be read into keys.
    if card.hf_metadata.raw_front_matter
        || source.parts.iter().any(|p| p.part == Part::Extra && !p.spans.is_empty())
    {
        if changed(&Part::Extra) == Some(true) {
            let new = super::front_matter::normalise(&card.hf_metadata.extra_yaml);
            let new = crate::markdown::readme::with_line_ending(new.trim_end_matches('\n'), eol);
            out.push(Edit { span: yaml_span, text: new, block: false });
        }
        return out;
    }
    let Some(entries) = yaml_edit::entries(yaml_text) else { return out };
    let file_style = ListStyle::of_file(yaml_text, &entries);
    let entry = |key: &str| entries.iter().find(|e| e.key == key);
    // Replaces an entry; a value at the very end of the YAML has no line break of its own.
    let replace = |out: &mut Vec<Edit>, e: &Entry, new: String| {
        let at_end = e.end >= yaml_text.len() && !yaml_text.ends_with('\n');
        let new = if at_end { new.trim_end_matches(['\n', '\r']).to_owned() } else { new };
        let span = if new.is_empty() && at_end && e.start > 0 {
            // Removing the last key takes the line break before it instead.
            let before = yaml_text.get(..e.start).unwrap_or_default();
            let trimmed = before.trim_end_matches(['\n', '\r']).len();
            Span::new(at(trimmed), at(e.end))
        } else {
            Span::new(at(e.start), at(e.end))
        };
        out.push(Edit { span, text: new, block: false });
    };
    for key in KNOWN {
        // A known key kept as written (it could not be read) is the user's own text: the
        // card's fields are not written over it (the export report says so).
        if source.parts.iter().any(|p| p.part == Part::ExtraKey((*key).into())) {
            continue;
        }
        let part = Part::Key((*key).into());
        let now = known(card, key);
        match (entry(key), changed(&part)) {
            (Some(_), Some(false)) => {}
            (Some(e), _) => {
                let new = rewrite_known(yaml_text, e, card, key, file_style, eol);
                replace(&mut out, e, new);
            }
            (None, changed) => {
                if now.is_empty() || changed == Some(false) {
                    continue;
                }
                let new = rewrite_known_new(card, key, file_style, eol);
                // After the last known key the Hub's order puts before it, else before
                // the first that comes after it, else at the end.
                let position = KNOWN.iter().position(|k| k == key).unwrap_or(0);
                let before = KNOWN.iter().take(position).rev().find_map(|k| entry(k));
                let after = KNOWN.iter().skip(position + 1).find_map(|k| entry(k));
                let edit = match (before, after) {
                    (Some(e), _) => insert_after(yaml_text, e.end, &new, eol),
                    (None, Some(e)) => (e.start, new),
                    (None, None) => insert_after(yaml_text, yaml_text.len(), &new, eol),
                };
                out.push(Edit {
                    span: Span::new(at(edit.0), at(edit.0)),
                    text: edit.1,
                    block: false,
                });
            }
        }
    }
    // Kept keys: each as the card's extra YAML now has it.
    if changed(&Part::Extra) == Some(true)
        && let Some(now) =
            extra_entries(&super::front_matter::normalise(&card.hf_metadata.extra_yaml))
    {
        let mut last_end: Option<usize> = None;
        for e in &entries {
            if !source.parts.iter().any(|p| p.part == Part::ExtraKey(e.key.clone())) {
                continue;
            }
            last_end = Some(e.end);
            let old = ensure_newline(&super::front_matter::normalise(
                yaml_text.get(e.start..e.end).unwrap_or_default(),
            ));
            match now.iter().find(|(k, _)| *k == e.key) {
                Some((_, new)) if *new == old => {}
                Some((_, new)) => {
                    replace(&mut out, e, crate::markdown::readme::with_line_ending(new, eol))
                }
                None => replace(&mut out, e, String::new()),
            }
        }
        let added: String = now
            .iter()
            .filter(|(k, _)| !entries.iter().any(|e| &e.key == k))
            .map(|(_, t)| crate::markdown::readme::with_line_ending(t, eol))
            .collect();
        if !added.is_empty() {
            let (offset, text) =
                insert_after(yaml_text, last_end.unwrap_or(yaml_text.len()), &added, eol);
            out.push(Edit { span: Span::new(at(offset), at(offset)), text, block: false });
        }
    }
    out
}

/// An insertion of whole lines after offset `end` of the YAML: at a line start it goes
/// there; at the end of YAML that has no final line break, after one.
fn insert_after(yaml_text: &str, end: usize, lines: &str, eol: &str) -> (usize, String) {
    if end >= yaml_text.len() && !yaml_text.is_empty() && !yaml_text.ends_with('\n') {
        (yaml_text.len(), format!("{eol}{}", lines.trim_end_matches(['\n', '\r'])))
    } else if yaml_text.is_empty() {
        (0, lines.trim_end_matches(['\n', '\r']).to_owned())
    } else {
        (end, lines.to_owned())
    }
}

/// A front matter block for a README that had none.
fn yaml_edit_block(yaml: &str, eol: &str) -> String {
    let yaml = crate::markdown::readme::with_line_ending(yaml, eol);
    format!("---{eol}{yaml}---{eol}")
}

/// A known key, rewritten from the card in the way the README wrote it.
fn rewrite_known(
    yaml_text: &str,
    entry: &Entry,
    card: &Card,
    key: &str,
    file: ListStyle,
    eol: &str,
) -> String {
    let details = &card.model_details;
    let meta = &card.hf_metadata;
    let scalar = |value: &str| {
        if value.trim().is_empty() {
            String::new()
        } else {
            yaml_edit::scalar_entry(yaml_text, entry, value, eol)
        }
    };
    let list = |values: &[String], scalar_if_one: bool| {
        if values.is_empty() {
            String::new()
        } else {
            yaml_edit::list_entry(yaml_text, Some(entry), key, values, file, scalar_if_one, eol)
        }
    };
    match key {
        "language" => list(&details.languages, true),
        "license" => scalar(&details.license.id),
        "license_name" => scalar(&details.license.name),
        "license_link" => scalar(&details.license.link),
        "library_name" => scalar(&meta.library_name),
        "tags" => list(&meta.tags, false),
        "base_model" => list(&details.base_models, true),
        "datasets" => list(&meta.datasets, false),
        "metrics" => list(&meta.metrics, false),
        "pipeline_tag" => scalar(&meta.pipeline_tag),
        "model-index" => {
            model_index::edit(yaml_text, &entry.value, (entry.start, entry.end), card, eol)
                .unwrap_or_else(|| {
                    crate::markdown::readme::with_line_ending(&known(card, key), eol)
                })
        }
        _ => crate::markdown::readme::with_line_ending(&known(card, key), eol),
    }
}

/// A known key the README did not have, in the file's list style.
fn rewrite_known_new(card: &Card, key: &str, file: ListStyle, eol: &str) -> String {
    let list = |values: &[String], scalar_if_one: bool| {
        yaml_edit::list_entry("", None, key, values, file, scalar_if_one, eol)
    };
    match key {
        "language" => list(&card.model_details.languages, true),
        "tags" => list(&card.hf_metadata.tags, false),
        "base_model" => list(&card.model_details.base_models, true),
        "datasets" => list(&card.hf_metadata.datasets, false),
        "metrics" => list(&card.hf_metadata.metrics, false),
        _ => crate::markdown::readme::with_line_ending(&known(card, key), eol),
    }
}

/// One known key as YAML, or nothing when its field is empty.
pub fn known(card: &Card, key: &str) -> String {
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
