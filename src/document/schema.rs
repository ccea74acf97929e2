//! The JSON Schema of our format, generated from the types (`modelcard schema`, and
//! `schema/model-card.schema.json`, which a test keeps in step). Native only.

use crate::card::Card;
use crate::review::Workflow;

use super::source::ReadmeSource;

/// The shape of our JSON file, for its JSON Schema.
#[derive(schemars::JsonSchema)]
#[schemars(
    title = "Model Card Studio card",
    description = "A model card and its review workflow, as Model Card Studio writes it."
)]
#[allow(dead_code)]
struct DocumentFile {
    /// The version of this document shape; readers accept every version up to theirs.
    #[schemars(range(min = 1))]
    schema_version: u32,
    card: Card,
    workflow: Workflow,
    /// The README the card was imported from, when it was: its text and the places of the
    /// card's parts in it. Absent for a card made in the studio.
    source: Option<ReadmeSource>,
}

/// The JSON Schema of our format, as written to `schema/model-card.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(DocumentFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
