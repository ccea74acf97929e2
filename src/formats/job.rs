//! Work for the formats worker. Reading and writing other formats (YAML, Hugging Face,
//! Model Card Toolkit, HTML with ammonia) is most of the code but rarely needed, so the
//! web app runs it in a Web Worker that is downloaded on first use, and the editor's first
//! download stays small (`docs/decisions.md` §16).
//!
//! A [`Request`] goes in and a [`Reply`] comes out, both as JSON text; [`run`] is the
//! whole worker. Documents go in as our own JSON, which round-trips exactly.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{ExportFormat, Format, ImportOutcome, import_any, share};
use crate::document;

/// What the worker is asked to do.
///
/// Both enums use serde's default, externally tagged form on purpose: an internally
/// tagged enum is read through a buffer, which gives every card type a second
/// deserializer and put 230 KB back into the page's wasm (`docs/decisions.md` §11).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Job {
    /// Read a file of any supported format; `now` is the page's clock (ms since the
    /// epoch), against which the file's times are checked.
    Import { text: String, now: u64 },
    /// Write a document (as our JSON) in another format.
    Export { document: String, format: ExportFormat },
    /// Make the fragment payload of a share link for a document (as our JSON). A link is
    /// read back as an import: `Import` recognises it.
    Share { document: String },
    /// Make the fragment payload of a link to any text (a review file's JSON; see
    /// `review_files`). Answered with `Shared`.
    Pack { text: String },
}

/// What the worker found or made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Imported(Box<ImportOutcome>),
    /// A training run's flat metrics: they merge into the open card once the user has
    /// seen what they add and replace, so they come back as they are.
    Metrics {
        values: Map<String, Value>,
    },
    /// A share link's payload, to put after `#card=`.
    Shared {
        payload: String,
    },
    Exported {
        text: String,
        notes: Vec<String>,
    },
    /// The message says what is wrong and where; it is shown as it is.
    Failed {
        message: String,
    },
}

/// A job with the number its answer comes back under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub job: Job,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
    pub answer: Answer,
}

/// The worker posts this once it listens, so that nothing is sent into the void.
pub const READY: &str = "ready";

/// Runs one request, given and answered as JSON text.
pub fn run(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(Request { id, job }) => Reply { id, answer: answer(job) },
        // Only our own app talks to the worker, so this is a bug, not a user's mistake.
        Err(error) => Reply {
            id: 0,
            answer: Answer::Failed {
                message: format!("The formats worker got a bad request: {error}"),
            },
        },
    };
    // Strings, numbers and string-keyed maps always serialize.
    serde_json::to_string(&reply).unwrap_or_default()
}

/// Does one job.
pub fn answer(job: Job) -> Answer {
    match job {
        Job::Import { text, now } => import(&text, now),
        Job::Export { document, format } => with_document(&document, |document| {
            let (text, notes) = super::export(document, format);
            Answer::Exported { text, notes }
        }),
        Job::Share { document } => {
            with_document(&document, |document| match share::encode(document) {
                Ok(payload) => Answer::Shared { payload },
                Err(error) => Answer::Failed { message: error.to_string() },
            })
        }
        Job::Pack { text } => match share::pack(&text) {
            Ok(payload) => Answer::Shared { payload },
            Err(error) => Answer::Failed { message: error.to_string() },
        },
    }
}

/// Reads the document a job carries and works on it.
fn with_document(text: &str, work: impl FnOnce(&document::Document) -> Answer) -> Answer {
    match document::from_json(text) {
        Ok(document) => work(&document),
        Err(error) => Answer::Failed { message: error.to_string() },
    }
}

fn import(text: &str, now: u64) -> Answer {
    let outcome = match import_any(text, now) {
        Ok(outcome) => outcome,
        Err(error) => return Answer::Failed { message: error.to_string() },
    };
    if outcome.format == Format::Metrics
        && let Ok(Value::Object(values)) = serde_json::from_str(text.trim_start_matches('\u{feff}'))
    {
        return Answer::Metrics { values };
    }
    Answer::Imported(Box::new(outcome))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_796_083_200_000;
    use crate::card::example::filled_card;
    use crate::document::Document;

    fn corpus_file(path: &str) -> String {
        let full = format!("{}/../shared/corpus/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    fn round(id: u32, job: Job) -> Reply {
        let request = serde_json::to_string(&Request { id, job }).unwrap();
        serde_json::from_str(&run(&request)).unwrap()
    }

    #[test]
    fn imports_a_readme_with_its_report() {
        let text = corpus_file("hf/01-ai__Yi-6B.md");
        let reply = round(7, Job::Import { text: text.clone(), now: NOW });
        assert_eq!(reply.id, 7);
        let Answer::Imported(outcome) = reply.answer else { panic!("{:?}", reply.answer) };
        assert_eq!(outcome.format, Format::HfReadme);
        assert!(!outcome.report.mapped.is_empty() && !outcome.report.kept_raw.is_empty());
        assert_eq!(outcome.document, import_any(&text, NOW).unwrap().document);
    }

    #[test]
    fn a_metrics_file_comes_back_for_merging() {
        let reply = round(
            1,
            Job::Import { text: r#"{"eval_accuracy": 0.92, "eval_loss": 0.31}"#.into(), now: NOW },
        );
        let Answer::Metrics { values } = reply.answer else { panic!("{:?}", reply.answer) };
        assert_eq!(values.keys().collect::<Vec<_>>(), ["eval_accuracy", "eval_loss"]);
    }

    #[test]
    fn a_broken_file_fails_with_where() {
        let reply = round(
            2,
            Job::Import {
                text: "{\n  \"schema_version\": 3,\n  \"card\": {,}\n}".into(),
                now: NOW,
            },
        );
        let Answer::Failed { message } = reply.answer else { panic!("{:?}", reply.answer) };
        assert!(message.contains("line 3"), "{message}");
    }

    #[test]
    fn exports_are_the_bytes_the_cli_writes() {
        let document = Document::new(filled_card());
        for format in ExportFormat::ALL {
            let reply = round(3, Job::Export { document: document::to_json(&document), format });
            let Answer::Exported { text, notes } = reply.answer else {
                panic!("{:?}", reply.answer)
            };
            assert_eq!((text, notes), crate::formats::export(&document, format), "{format:?}");
        }
    }

    #[test]
    fn a_bom_is_the_same_from_the_worker_and_the_cli() {
        // Everything a BOM can hold: an approval (affirmation, timestamp) and what an
        // imported BOM keeps; the worker gets the document as our JSON, as the page sends it.
        let text = corpus_file("cyclonedx/valid-machine-learning-considerations-env-1.6.json");
        let imported = import_any(&text, 1_796_083_200_000).unwrap().document;
        let mut published = Document::new(filled_card());
        published.workflow = crate::review::Workflow::created(1_795_000_000_000);
        for document in [published, imported] {
            let job = Job::Export {
                document: document::to_json(&document),
                format: ExportFormat::CycloneDx,
            };
            let Answer::Exported { text, notes } = round(8, job).answer else { panic!() };
            assert_eq!((text, notes), crate::formats::export(&document, ExportFormat::CycloneDx));
        }
        let reply = round(9, Job::Import { text, now: 1_796_083_200_000 });
        let Answer::Imported(outcome) = reply.answer else { panic!("{:?}", reply.answer) };
        assert_eq!(outcome.format, crate::formats::Format::CycloneDx);
    }

    #[test]
    fn a_share_link_round_trips_through_the_worker() {
        let document = Document::new(filled_card());
        let reply = round(4, Job::Share { document: document::to_json(&document) });
        let Answer::Shared { payload } = reply.answer else { panic!("{:?}", reply.answer) };
        let reply = round(
            5,
            Job::Import { text: format!("https://example.org/#card={payload}"), now: NOW },
        );
        let Answer::Imported(outcome) = reply.answer else { panic!("{:?}", reply.answer) };
        assert_eq!(outcome.document, document);

        let reply = round(6, Job::Import { text: "#card=AAAA".into(), now: NOW });
        let Answer::Failed { message } = reply.answer else { panic!("{:?}", reply.answer) };
        assert!(message.starts_with("The link is damaged"), "{message}");
    }

    #[test]
    fn a_bad_request_is_answered_not_dropped() {
        let reply: Reply = serde_json::from_str(&run("not json")).unwrap();
        assert!(matches!(reply.answer, Answer::Failed { .. }));
    }
}
