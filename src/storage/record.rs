//! One draft as stored: its record, how it is read back (from any schema version), and
//! its summary in the index.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::card::Card;
use crate::document::source::ReadmeSource;
use crate::document::version::{SCHEMA_VERSION, VersionError, from_upgraded, upgrade};
use crate::review::{Status, Workflow};

/// One stored draft: the document plus what storage needs to know about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRecord {
    /// The version of the document shape in this record.
    pub schema_version: u32,
    pub id: String,
    /// Incremented by every save, so an older tab can tell it would overwrite newer work.
    pub generation: u64,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub created_at: u64,
    pub updated_at: u64,
    /// Set while the draft is in the trash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<u64>,
    pub card: Card,
    #[serde(default)]
    pub workflow: Workflow,
    /// The README the card was imported from, kept so its export gives that file back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ReadmeSource>,
}

impl DraftRecord {
    /// A new, never saved draft.
    pub fn new(id: impl Into<String>, card: Card, workflow: Workflow, now: u64) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            generation: 0,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            card,
            workflow,
            source: None,
        }
    }

    pub fn summary(&self) -> DraftSummary {
        let details = &self.card.model_details;
        DraftSummary {
            id: self.id.clone(),
            name: details.name.clone(),
            version: details.version.name.clone(),
            status: self.workflow.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
            generation: self.generation,
            deleted_at: self.deleted_at,
            schema_version: self.schema_version,
        }
    }

    /// The record as stored: its compact JSON, as `Backend::set` writes it.
    #[cfg(test)]
    pub(super) fn encode(&self) -> String {
        // Plain structs of strings, numbers and vectors always serialize.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A draft as listed in the library, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub version: String,
    pub status: Status,
    #[serde(default)]
    pub created_at: u64,
    pub updated_at: u64,
    pub generation: u64,
    #[serde(default)]
    pub deleted_at: Option<u64>,
    /// Above [`SCHEMA_VERSION`]: written by a newer app, so read-only here.
    pub schema_version: u32,
}

impl DraftSummary {
    pub fn is_read_only(&self) -> bool {
        self.schema_version > SCHEMA_VERSION
    }

    pub fn in_trash(&self) -> bool {
        self.deleted_at.is_some()
    }
}

/// A stored record that cannot be read. It stays where it is, untouched, and is offered
/// for download; only the user can delete it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageProblem {
    pub key: String,
    pub reason: String,
    /// Bytes, as stored.
    pub size: usize,
}

impl StorageProblem {
    /// Its size and why it could not be read, after its key in the library's list:
    /// "(4.9 KB): not JSON".
    pub fn size_and_reason(&self) -> String {
        format!("({}): {}", crate::display::bytes(self.size), self.reason)
    }
}

/// What a stored text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// A record of this or an older version, brought to the current shape.
    Current { record: DraftRecord, from_version: u32 },
    /// A record from a newer app. `record` is what we could read of it, for viewing only.
    Future { record: Option<DraftRecord>, schema_version: u64 },
    /// Not a record we can read: corrupt, truncated or foreign.
    Bad { reason: String },
}

/// How storage reads a stored record: [`decode`]. Every operation of
/// [`Drafts`](super::Drafts) that reads one takes it as an argument, so that the web page
/// can hand over `decode` from a lazily loaded chunk and keep the deserializers of the
/// card and the workflow out of its first download (docs/decisions.md §11d). Native code
/// and the page's chunks pass `decode` itself.
pub type Read = fn(&str) -> Decoded;

/// Reads a stored record of any version.
pub fn decode(text: &str) -> Decoded {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return Decoded::Bad {
                reason: format!("not valid JSON ({error}); the record may be truncated or corrupt"),
            };
        }
    };
    let Value::Object(mut object) = value else {
        return Decoded::Bad { reason: "not a Model Card Studio draft (not a JSON object)".into() };
    };
    if !object.contains_key("id") || !object.contains_key("card") {
        return Decoded::Bad { reason: "not a Model Card Studio draft (no id or card)".into() };
    }
    match upgrade(&mut object) {
        Ok(from_version) => match decode_record(text, from_version, object) {
            Ok(mut record) => {
                if record.created_at == 0 {
                    record.created_at = record.updated_at;
                }
                Decoded::Current { record, from_version }
            }
            Err(error) => Decoded::Bad { reason: format!("not a readable draft: {error}") },
        },
        Err(VersionError::Future { found }) => {
            // Newer fields are ignored; if even the known ones changed shape, we show nothing.
            let record = from_upgraded::<DraftRecord>(object).ok();
            Decoded::Future { record, schema_version: found }
        }
        Err(VersionError::Invalid) => Decoded::Bad {
            reason: "not a Model Card Studio draft (no valid schema_version)".into(),
        },
    }
}

/// A current record parses straight from its text; an older one from its upgraded form.
fn decode_record(
    text: &str,
    from_version: u32,
    upgraded: serde_json::Map<String, Value>,
) -> serde_json::Result<DraftRecord> {
    if from_version == SCHEMA_VERSION {
        serde_json::from_str(text)
    } else {
        from_upgraded(upgraded)
    }
}

/// The part of a record a save must check before it overwrites it.
#[derive(Debug, Deserialize)]
pub(super) struct RecordHead {
    pub schema_version: u64,
    pub generation: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::seed_card;

    #[test]
    fn an_unreadable_record_says_how_big_it_is_and_why() {
        let problem =
            StorageProblem { key: "mcs/v1/draft/x".into(), reason: "not JSON".into(), size: 5_000 };
        assert_eq!(problem.size_and_reason(), "(4.9 KB): not JSON");
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/storage/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn reads_a_version_1_record_from_the_foundation_release() {
        let Decoded::Current { record, from_version } = decode(&fixture("v1-record.json")) else {
            panic!("the v1 record must decode");
        };
        assert_eq!(from_version, 1);
        assert_eq!(record.id, "18c2f3a9b10-5f3a9c21");
        assert_eq!(record.generation, 3);
        assert_eq!(record.created_at, record.updated_at);
        assert_eq!(record.card, seed_card());
        assert_eq!(record.workflow.status, Status::Draft);
        assert_eq!(record.schema_version, SCHEMA_VERSION);
    }

    #[test]
    fn reads_a_version_2_record() {
        let Decoded::Current { record, from_version } = decode(&fixture("v2-record.json")) else {
            panic!("the v2 record must decode");
        };
        assert_eq!(from_version, 2);
        assert_eq!(record.deleted_at, Some(1_764_200_000_000));
        assert_eq!(record.workflow.status, Status::InReview);
    }

    #[test]
    fn round_trips_the_current_version() {
        let record = DraftRecord::new("a", seed_card(), Workflow::default(), 5);
        assert_eq!(
            decode(&record.encode()),
            Decoded::Current { record, from_version: SCHEMA_VERSION }
        );
    }

    #[test]
    fn a_future_record_is_read_for_viewing_only() {
        let mut value =
            serde_json::to_value(DraftRecord::new("a", seed_card(), Workflow::default(), 5))
                .unwrap();
        value["schema_version"] = 99.into();
        value["something_new"] = "x".into();
        let Decoded::Future { record, schema_version } = decode(&value.to_string()) else {
            panic!("expected a future record");
        };
        assert_eq!(schema_version, 99);
        assert_eq!(record.unwrap().card, seed_card());
    }

    #[test]
    fn corrupt_truncated_and_foreign_records_are_bad_with_a_reason() {
        let whole = DraftRecord::new("a", seed_card(), Workflow::default(), 5).encode();
        let truncated = &whole[..whole.len() / 2];
        for (text, expected) in [
            (truncated, "not valid JSON"),
            ("\u{0}\u{1}garbage", "not valid JSON"),
            ("[1, 2]", "not a JSON object"),
            (r#"{"hello": "world"}"#, "no id or card"),
            (r#"{"id": "a", "card": {}}"#, "no valid schema_version"),
            (r#"{"schema_version": 2, "id": 5, "card": {}}"#, "not a readable draft"),
        ] {
            match decode(text) {
                Decoded::Bad { reason } => assert!(reason.contains(expected), "{text:?}: {reason}"),
                other => panic!("{text:?} decoded as {other:?}"),
            }
        }
    }
}
