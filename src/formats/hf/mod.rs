//! Hugging Face model cards: a README.md with YAML front matter and a Markdown body.
//!
//! Import maps the front matter's known keys and the body's known sections to fields,
//! keeps every other key verbatim and every other section as a custom section, and
//! reports what it did. Export writes the front matter (imported key order first, unknown
//! keys verbatim, a model-index from the results), the whole document as an embedded
//! JSON block, and a body in the template's order. Re-importing an unedited export reads
//! that embedded document back exactly; an edited one is read from its text again.

mod body;
pub mod front_matter;
mod metadata;
mod model_index;

use crate::card::Card;
use crate::document::{self, Document};
use crate::formats::ImportReport;
use crate::markdown;

pub use metadata::PAYLOAD_KEY;

/// Reads a README. It never fails: what cannot be read is kept and reported.
pub fn import(text: &str) -> (Document, ImportReport) {
    let split = front_matter::split(text);
    let mut card = Card::default();
    let mut report = ImportReport::default();
    let payload = match &split.yaml {
        Some(yaml) => metadata::import(yaml, split.yaml_first_line, &mut card, &mut report),
        None => None,
    };
    if let Some(document) = payload.as_deref().and_then(|p| faithful_payload(p, text)) {
        let report = ImportReport {
            mapped: vec!["everything: the file is an unedited Model Card Studio export".into()],
            ..ImportReport::default()
        };
        return (document, report);
    }
    if payload.is_some() {
        report.problems.push(
            "The README was edited after Model Card Studio wrote it, so its text was read again; the embedded copy was set aside.".into(),
        );
    }
    body::import(&split.body, &mut card, &mut report);
    (Document::new(card), report)
}

/// What is wrong with front matter kept as written (`hf_metadata.extra_yaml`): the
/// problems importing it reports, with lines counted within it. A key the import could
/// not map (a malformed model-index, say) stays there until it is fixed.
pub fn extra_yaml_problems(yaml: &str) -> Vec<String> {
    let mut scratch = Card::default();
    let mut report = ImportReport::default();
    metadata::import(yaml, 1, &mut scratch, &mut report);
    report.problems
}

/// What the README's own text cannot carry, for the export report.
pub fn export_notes(document: &Document) -> Vec<String> {
    let meta = &document.card.hf_metadata;
    if meta.raw_front_matter || meta.extra_yaml.trim().is_empty() {
        return Vec::new();
    }
    extra_yaml_problems(&meta.extra_yaml)
        .into_iter()
        .map(|problem| {
            format!("The extra YAML was left out of the front matter, where it would break the metadata: {problem} It is kept in the embedded copy of the card.")
        })
        .collect()
}

/// The README without its embedded copy of the document: only what the Hub shows, as
/// if it had been edited there. Importing it reads the card from the text alone.
pub fn without_payload(readme: &str) -> String {
    let marker = format!("{PAYLOAD_KEY}: |-\n");
    let Some(start) = readme.find(&marker) else {
        return readme.to_owned();
    };
    let after = &readme[start + marker.len()..];
    // The block ends at the first line that is not indented.
    let end = after
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| !after[i..].starts_with(' '))
        .unwrap_or(after.len());
    let stripped = format!("{}{}", &readme[..start], &after[end..]);
    // A front matter left empty goes too, as an editor would remove it.
    stripped.strip_prefix("---\n---\n").map(str::to_owned).unwrap_or(stripped)
}

/// The embedded document, if exporting it again gives exactly this README.
fn faithful_payload(payload: &str, text: &str) -> Option<Document> {
    let document = document::from_json(payload).ok()?;
    (export(&document) == front_matter::normalise(text)).then_some(document)
}

/// Writes a README for the Hub.
pub fn export(document: &Document) -> String {
    let payload = document::to_json(document);
    let yaml = metadata::export(&document.card, payload.trim_end());
    let body = markdown::document_to_markdown(document);
    let readme = if yaml.trim().is_empty() { body } else { format!("---\n{yaml}---\n{body}") };
    // A README is a text file: a carriage return in the card's text is a line break.
    front_matter::normalise(&readme)
}

#[cfg(test)]
mod tests;
