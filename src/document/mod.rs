//! A document: a card with its review workflow, as files and storage records hold it.
//!
//! This layer owns the document's shape and its versions: [`SCHEMA_VERSION`], the upgrades
//! from every older version ([`version`]), our JSON text ([`json`]) and its JSON Schema,
//! and the README a card was imported from, as plain data ([`source`]).
//! It knows no other file format; those live in `formats`, above it.

pub mod json;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
pub mod source;
pub mod version;

use serde::{Deserialize, Serialize};

use crate::card::Card;
use crate::review::{IntegrityFinding, Workflow};
use source::ReadmeSource;

pub use json::{DocumentError, from_json, prettify, to_json};
#[cfg(not(target_arch = "wasm32"))]
pub use schema::json_schema;
pub use version::{SCHEMA_VERSION, VersionError};

/// A card with its workflow: what files and storage records hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub card: Card,
    pub workflow: Workflow,
    /// The README the card was imported from, if it was: what lets an export give the
    /// user's file back, changed only where the card changed (`source`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<ReadmeSource>,
}

impl Document {
    pub fn new(card: Card) -> Self {
        Self { card, workflow: Workflow::default(), source: None }
    }

    /// Makes a document from outside safe to trust (see [`Workflow::admit`]): what is
    /// malformed is set aside and a mismatched approval makes the card a draft. `now` is
    /// this machine's clock in milliseconds since the epoch.
    pub fn admit(&mut self, now: u64) -> Vec<IntegrityFinding> {
        self.workflow.admit(&self.card, now)
    }
}
