//! Reading any supported file: recognising its format by content, and the one report
//! every importer fills in.

use serde_json::Value;

use super::{MAX_IMPORT_BYTES, cyclonedx, hf, mct, metrics, review_files, share};
use crate::card::{ModelInfo, ModelInfoError, create_model_card};
use crate::document::{self, Document, DocumentError};
use crate::review::IntegrityFinding;

/// Every kind of file an import recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Our own JSON.
    CardJson,
    /// The seed's `{"name", "version", "metrics", "limitations"}`.
    ModelInfo,
    /// Google's Model Card Toolkit JSON.
    Mct,
    /// A training run's flat metrics JSON.
    Metrics,
    /// A Hugging Face README.md (YAML front matter and Markdown).
    HfReadme,
    /// A share link's `#card=…` fragment.
    ShareLink,
    /// A reviewer identity, review request or signed review, as a file or a link: never
    /// a draft of its own (`review_files`).
    ReviewFile,
    /// A CycloneDX BOM (JSON) with one or more machine-learning models.
    CycloneDx,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Self::CardJson => "a Model Card Studio card",
            Self::ModelInfo => "a model_info",
            Self::Mct => "a Model Card Toolkit card",
            Self::Metrics => "a metrics file",
            Self::HfReadme => "a Hugging Face README",
            Self::ShareLink => "a share link",
            Self::ReviewFile => "a review file",
            Self::CycloneDx => "a CycloneDX ML-BOM",
        }
    }
}

/// What an importer did, in the user's terms: the one report of every format.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportReport {
    /// What was read into fields.
    pub mapped: Vec<String>,
    /// What was kept as it was written (unknown keys, unknown sections).
    pub kept_raw: Vec<String>,
    /// What could not be read, with where.
    pub problems: Vec<String>,
    /// Other things worth knowing (an upgrade, fillers left out).
    pub notes: Vec<String>,
}

impl ImportReport {
    /// A report that says the whole file was read as it is.
    pub fn everything() -> Self {
        Self { mapped: vec!["every field".into()], ..Self::default() }
    }

    /// The report as headed lists, what could not be read first. Empty lists are kept;
    /// the screen leaves them out.
    pub fn into_groups(self) -> Vec<(&'static str, Vec<String>)> {
        vec![
            ("Could not be read or set aside", self.problems),
            ("Mapped to fields", self.mapped),
            ("Kept as written (no field here; exported again unchanged)", self.kept_raw),
            ("Notes", self.notes),
        ]
    }
}

/// What an import brought in, what it was, and its report. The formats worker sends it
/// to the page as it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportOutcome {
    /// The document, admitted: safe to trust.
    pub document: Document,
    pub format: Format,
    pub report: ImportReport,
    /// What admitting the document set aside or changed, also in `report.problems`.
    /// Not sent to the page, which shows the report: a deserializer for the findings
    /// would only add to its download.
    #[serde(skip)]
    pub findings: Vec<IntegrityFinding>,
    /// For [`Format::ReviewFile`]: the file, checked. `document` is then the card of a
    /// review request, or empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_file: Option<review_files::ReviewFile>,
    /// The other cards of the file, admitted too, each its own draft: a BOM with
    /// several models holds one card per model. Empty for every other format.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<Document>,
}

impl ImportOutcome {
    /// The notice after importing the file `name` as a new draft: what it was, how much
    /// was kept as written, and the problems.
    pub fn notice(&self, name: &str) -> String {
        let mut message = format!("Imported {name} as {}, as a new draft.", self.format.label());
        if !self.more.is_empty() {
            let others: Vec<String> = self
                .more
                .iter()
                .map(|d| format!("“{}”", d.card.model_details.name.trim()))
                .collect();
            message = format!(
                "Imported {name} as {}: {count} models, as {count} new drafts. This is the first; {} in the library.",
                self.format.label(),
                others.join(", "),
                count = self.count()
            );
        }
        if !self.report.kept_raw.is_empty() {
            message.push_str(&format!(
                " {} part(s) with no field here are kept as written.",
                self.report.kept_raw.len()
            ));
        }
        if !self.report.problems.is_empty() {
            message.push_str(&format!(" Problems: {}.", self.report.problems.join("; ")));
        }
        message
    }

    /// How many drafts the import opens.
    pub fn count(&self) -> usize {
        1 + self.more.len()
    }

    /// The title of the import's report: "Imported README.md (a Hugging Face README)".
    pub fn report_title(&self, name: &str) -> String {
        format!("Imported {name} ({})", self.format.label())
    }
}

/// Why a text could not be imported. The messages are shown to users as they are.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error("Not a model card: {0}")]
    ModelInfo(#[from] ModelInfoError),
    #[error(
        "Not a model card: expected our card JSON (with \"schema_version\"), a Model Card Toolkit card (with \"model_details\"), a model_info object (with \"name\") or a flat metrics object (every value a number)"
    )]
    Unrecognised,
    #[error("Not a Model Card Toolkit card: {0}")]
    Mct(#[from] mct::MctError),
    #[error("The file is {} KB; imports are limited to {} KB", bytes / 1024, MAX_IMPORT_BYTES / 1024)]
    TooLarge { bytes: usize },
    #[error("{0}")]
    Share(#[from] share::ShareError),
    /// A reviewer identity, review request or signed review that does not check out.
    #[error("{0}")]
    ReviewFile(String),
    #[error(transparent)]
    CycloneDx(#[from] cyclonedx::BomError),
}

/// Recognises what a file is, by its content alone.
pub fn detect(text: &str) -> Format {
    if review_files::detect(text).is_some() {
        return Format::ReviewFile;
    }
    if share::find_payload(text).is_some() {
        return Format::ShareLink;
    }
    let Ok(Value::Object(object)) =
        serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
    else {
        return if text.trim_start().starts_with('{') {
            Format::CardJson
        } else {
            Format::HfReadme
        };
    };
    if cyclonedx::looks_like_bom(&object) {
        Format::CycloneDx
    } else if object.contains_key("schema_version") && object.contains_key("card") {
        Format::CardJson
    } else if mct::looks_like_mct(&object) {
        Format::Mct
    } else if object.contains_key("name") {
        Format::ModelInfo
    } else if metrics::looks_like_metrics(&object) {
        Format::Metrics
    } else {
        Format::CardJson
    }
}

/// Whether pasted text is plausibly a card, worth importing: a share link, any JSON
/// object, or Markdown with front matter or a heading. Plain prose pasted onto the page
/// is not (a README import never fails, so it would become a draft).
pub fn looks_like_a_card(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    match detect(text) {
        Format::ReviewFile => true,
        Format::HfReadme => {
            text.trim_start().starts_with("---")
                || text.lines().any(|line| line.starts_with('#') || line.starts_with("==="))
        }
        _ => text.trim_start().starts_with('{') || share::find_payload(text).is_some(),
    }
}

/// Reads any supported file into a document: the one way a document from outside gets
/// in. A README always imports (what cannot be read is kept and reported); JSON that is
/// not a card fails with a message that says where and why. Whatever the format, the
/// document is then admitted ([`Document::admit`]): malformed workflow records are set
/// aside and an approval that does not match the content is not trusted, each named in
/// the report with its JSON path. `now` is this machine's clock (ms since the epoch).
pub fn import_any(text: &str, now: u64) -> Result<ImportOutcome, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    // A README keeps its byte order mark, as it keeps every byte (its front matter and
    // body start after it); every other format is read without one.
    let readme = text;
    let text = text.trim_start_matches('\u{feff}');
    let format = detect(text);
    let mut review_file = None;
    let mut more = Vec::new();
    let (mut document, mut report) = match format {
        Format::ReviewFile => {
            let file =
                review_files::read(text).map_err(|e| ImportError::ReviewFile(e.to_string()))?;
            let mut document = Document::default();
            if let review_files::ReviewFile::Request(request) = &file {
                document.card = request.card.clone();
                document.workflow.checklist = request.checklist.clone();
                document.workflow.policy = request.policy.clone();
            }
            let report = ImportReport {
                mapped: vec![review_files::describe(&file)],
                ..ImportReport::default()
            };
            review_file = Some(file);
            (document, report)
        }
        Format::CardJson => match document::from_json(text) {
            Ok(mut document) => {
                // The README's spans come from its text, never from the file.
                hf::reread_source(&mut document);
                (document, ImportReport::everything())
            }
            Err(DocumentError::NotADocument) => return Err(ImportError::Unrecognised),
            Err(error) => return Err(error.into()),
        },
        Format::ModelInfo => {
            let value: Value = serde_json::from_str(text).map_err(|_| ImportError::Unrecognised)?;
            let card = create_model_card(ModelInfo::from_json(&value)?);
            (Document::new(card), ImportReport::everything())
        }
        Format::Mct => {
            let value: Value = serde_json::from_str(text).map_err(|_| ImportError::Unrecognised)?;
            mct::import(value)?
        }
        Format::Metrics => {
            let Ok(Value::Object(values)) = serde_json::from_str::<Value>(text) else {
                return Err(ImportError::Unrecognised);
            };
            let mut card = create_model_card(ModelInfo::default());
            let plan = metrics::plan(&card, &values);
            metrics::apply(&mut card, &plan);
            let report = ImportReport {
                mapped: vec![format!("{} metrics as results", values.len())],
                ..ImportReport::default()
            };
            (Document::new(card), report)
        }
        Format::ShareLink => {
            let payload = share::find_payload(text).unwrap_or_default();
            (share::decode(payload)?, ImportReport::everything())
        }
        Format::HfReadme => hf::import(readme),
        Format::CycloneDx => {
            let mut imported = cyclonedx::import(text)?;
            more = imported.documents.split_off(1.min(imported.documents.len()));
            let first = imported.documents.pop().ok_or(cyclonedx::BomError::NoModel)?;
            (first, imported.report)
        }
    };
    for other in &mut more {
        // A BOM's cards carry no workflow, so there is nothing to find; admitted all the same.
        other.admit(now);
    }
    let findings = document.admit(now);
    for finding in &findings {
        let consequence = if finding.voids_status() {
            "so the card is imported as a draft"
        } else {
            "it was set aside"
        };
        report.problems.push(format!("{}: {finding}; {consequence}", finding.path()));
    }
    Ok(ImportOutcome { document, format, report, findings, review_file, more })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-01, after every time in the fixtures.
    const NOW: u64 = 1_796_083_200_000;

    fn corpus_file(path: &str) -> String {
        let full = format!("{}/../shared/corpus/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    #[test]
    fn recognises_every_format_by_its_content() {
        assert_eq!(detect(&corpus_file("hf/01-ai__Yi-6B.md")), Format::HfReadme);
        assert_eq!(detect(&corpus_file("mct/cats_vs_dogs_v0_0_1.json")), Format::Mct);
        assert_eq!(detect(&corpus_file("mct/train_data.json")), Format::Mct);
        let card = document::to_json(&Document::new(crate::card::example::filled_card()));
        assert_eq!(detect(&card), Format::CardJson);
        assert_eq!(detect(r#"{"name": "m", "version": "1", "metrics": {}}"#), Format::ModelInfo);
        assert_eq!(detect(r#"{"eval_accuracy": 0.92, "eval_loss": 0.31}"#), Format::Metrics);
        assert_eq!(detect("# Just a heading\n\nSome text."), Format::HfReadme);
        assert_eq!(detect("{ not json"), Format::CardJson, "broken JSON reports as JSON");
        assert_eq!(detect("https://example.org/#card=abc"), Format::ShareLink);
        assert_eq!(detect("#card=abc"), Format::ShareLink);
        let bom = corpus_file("cyclonedx/valid-machine-learning-1.6.json");
        assert_eq!(detect(&bom), Format::CycloneDx);
    }

    #[test]
    fn only_card_like_text_counts_as_a_pasted_card() {
        assert!(looks_like_a_card(&corpus_file("hf/01-ai__Yi-6B.md")));
        assert!(looks_like_a_card(&corpus_file("mct/train_data.json")));
        assert!(looks_like_a_card("# My model\n\nIt classifies."));
        assert!(looks_like_a_card("My model\n========\n"));
        assert!(looks_like_a_card(r#"{"name": "m", "version": "1"}"#));
        assert!(looks_like_a_card("https://example.org/#card=abc"));
        assert!(!looks_like_a_card("just a sentence someone copied"));
        assert!(!looks_like_a_card("https://example.org/docs"));
    }

    #[test]
    fn import_any_reports_what_it_mapped_and_what_it_kept() {
        let mct = import_any(&corpus_file("mct/train_data.json"), NOW).unwrap();
        assert_eq!(mct.format, Format::Mct);
        assert!(!mct.report.mapped.is_empty());

        let metrics = import_any(r#"{"eval_accuracy": 0.92, "eval_loss": 0.31}"#, NOW).unwrap();
        assert_eq!(metrics.format, Format::Metrics);
        let results = &metrics.document.card.quantitative_analysis.results;
        assert_eq!(results.len(), 2);
        assert_eq!((results[0].metric.as_str(), results[0].split.as_str()), ("accuracy", "eval"));

        let bom =
            import_any(&corpus_file("cyclonedx/valid-machine-learning-1.6.json"), NOW).unwrap();
        assert_eq!((bom.format, bom.count()), (Format::CycloneDx, 1));
        assert_eq!(bom.document.card.model_details.name, "stable-diffusion");
        assert!(!bom.report.kept_raw.is_empty(), "the vector's group and publisher-side keys");

        let readme = import_any(&corpus_file("hf/01-ai__Yi-6B.md"), NOW).unwrap();
        assert_eq!(readme.format, Format::HfReadme);
        assert!(!readme.report.kept_raw.is_empty(), "Yi-6B has keys and sections kept raw");
    }

    #[test]
    fn an_import_says_what_it_was_what_it_kept_and_what_went_wrong() {
        let report = ImportReport {
            mapped: vec!["name".into()],
            kept_raw: vec!["widget".into(), "## Extra".into()],
            problems: vec!["a".into(), "b".into()],
            notes: vec![],
        };
        let outcome = ImportOutcome {
            document: Document::default(),
            format: Format::HfReadme,
            report,
            findings: Vec::new(),
            review_file: None,
            more: Vec::new(),
        };
        assert_eq!(
            outcome.notice("README.md"),
            "Imported README.md as a Hugging Face README, as a new draft. 2 part(s) with no field here are kept as written. Problems: a; b."
        );
        assert_eq!(outcome.report_title("README.md"), "Imported README.md (a Hugging Face README)");
        let headings: Vec<(&str, usize)> =
            outcome.report.into_groups().into_iter().map(|(h, items)| (h, items.len())).collect();
        assert_eq!(
            headings,
            [
                ("Could not be read or set aside", 2),
                ("Mapped to fields", 1),
                ("Kept as written (no field here; exported again unchanged)", 2),
                ("Notes", 0)
            ]
        );
        let clean = ImportOutcome {
            document: Document::default(),
            format: Format::CardJson,
            report: ImportReport::everything(),
            findings: Vec::new(),
            review_file: None,
            more: Vec::new(),
        };
        assert_eq!(
            clean.notice("card.json"),
            "Imported card.json as a Model Card Studio card, as a new draft."
        );
        let mut second = Document::default();
        second.card.model_details.name = "Llama-2-7b".into();
        let bom = ImportOutcome { format: Format::CycloneDx, more: vec![second], ..clean };
        assert_eq!(
            bom.notice("bom.json"),
            "Imported bom.json as a CycloneDX ML-BOM: 2 models, as 2 new drafts. This is the first; “Llama-2-7b” in the library."
        );
    }

    #[test]
    fn recognises_the_seed_model_info() {
        let outcome = import_any(r#"{"name": "A", "metrics": {"f1": 0.5}}"#, NOW).unwrap();
        assert_eq!(outcome.format, Format::ModelInfo);
        assert_eq!(
            outcome.document.card.quantitative_analysis.results,
            [crate::card::MetricResult::new("f1", "0.5")]
        );
    }

    #[test]
    fn import_any_names_what_is_wrong_and_where() {
        let broken =
            import_any("{\n  \"schema_version\": 3,\n  \"card\": {,}\n}", NOW).unwrap_err();
        assert!(broken.to_string().contains("line 3"), "{broken}");
        let neither = import_any(r#"{"colour": "blue"}"#, NOW).unwrap_err();
        assert!(neither.to_string().contains("Model Card Toolkit"), "{neither}");
        let mct = import_any(r#"{"model_details": {"name": 7}}"#, NOW);
        assert!(mct.is_ok(), "a wrong-typed MCT value is kept, not fatal: {mct:?}");
        let bom = import_any(
            r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": "one"}"#,
            NOW,
        )
        .unwrap_err();
        assert_eq!(
            bom.to_string(),
            "Not a valid CycloneDX 1.6 BOM: $.version: expected an integer, found a string"
        );
        let huge = "#".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(import_any(&huge, NOW), Err(ImportError::TooLarge { .. })));
    }
}
