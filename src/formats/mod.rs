//! Import and export: every file format a card can be read from or written to.
//!
//! Pure functions from text to card and back. Nothing here knows about the browser, so
//! the web app and the `modelcard` CLI make the very same files.

pub mod hf;
pub mod job;
pub mod json;
pub mod markdown;
pub mod mct;
pub mod metrics;
pub mod share;
pub mod yaml;

pub use json::{ImportError, Imported, SourceFormat};

use serde_json::Value;

use crate::card::{Card, create_model_card};
use crate::formats::json::Document;

/// Imports larger than this are refused before they are read (bytes).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

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
        }
    }
}

/// What an import brought in, and what it could not map one to one. The formats
/// worker sends it to the page as it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportOutcome {
    pub document: Document,
    pub format: Format,
    pub mapped: Vec<String>,
    pub kept_raw: Vec<String>,
    /// What could not be read, with where.
    pub problems: Vec<String>,
    /// Other things worth knowing (an upgrade, fillers left out).
    pub notes: Vec<String>,
}

impl ImportOutcome {
    /// An approval or publication that does not match the content is not trusted: the
    /// card becomes a draft (nothing is deleted) and the problems are reported.
    pub fn reconcile(&mut self) {
        let document = &mut self.document;
        for problem in document.workflow.reconcile(&document.card) {
            self.problems.push(format!("{problem}; so the card is imported as a draft"));
        }
    }
}

/// Recognises what a file is, by its content alone.
pub fn detect(text: &str) -> Format {
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
    if object.contains_key("schema_version") && object.contains_key("card") {
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
        Format::HfReadme => {
            text.trim_start().starts_with("---")
                || text.lines().any(|line| line.starts_with('#') || line.starts_with("==="))
        }
        _ => text.trim_start().starts_with('{') || share::find_payload(text).is_some(),
    }
}

/// Reads any supported file into a document. A README always imports (what cannot be
/// read is kept and reported); JSON that is not a card fails with a message that says
/// where and why.
pub fn import_any(text: &str) -> Result<ImportOutcome, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    let format = detect(text);
    let outcome = |document, mapped: Vec<String>, kept_raw, problems, notes| ImportOutcome {
        document,
        format,
        mapped,
        kept_raw,
        problems,
        notes,
    };
    match format {
        Format::CardJson | Format::ModelInfo => {
            let imported = json::from_json(text)?;
            let format = match imported.format {
                SourceFormat::CardJson { .. } => Format::CardJson,
                SourceFormat::ModelInfo => Format::ModelInfo,
            };
            Ok(ImportOutcome {
                format,
                ..outcome(imported.document, vec!["every field".into()], vec![], vec![], vec![])
            })
        }
        Format::Mct => {
            let value: Value = serde_json::from_str(text).map_err(|_| ImportError::Unrecognised)?;
            let (document, report) = mct::import(value).map_err(ImportError::Mct)?;
            Ok(outcome(document, report.mapped, report.kept_raw, Vec::new(), report.notes))
        }
        Format::Metrics => {
            let Ok(Value::Object(values)) = serde_json::from_str::<Value>(text) else {
                return Err(ImportError::Unrecognised);
            };
            let mut card = create_model_card(Default::default());
            let plan = metrics::plan(&card, &values);
            metrics::apply(&mut card, &plan);
            Ok(outcome(
                Document::new(card),
                vec![format!("{} metrics as results", values.len())],
                Vec::new(),
                Vec::new(),
                Vec::new(),
            ))
        }
        Format::ShareLink => {
            let payload = share::find_payload(text).unwrap_or_default();
            let document = share::decode(payload)?;
            Ok(outcome(document, vec!["every field".into()], Vec::new(), Vec::new(), Vec::new()))
        }
        Format::HfReadme => {
            let imported = hf::import(text);
            let report = imported.report;
            let notes = if report.fillers > 0 {
                vec![format!(
                    "{} \"[More Information Needed]\" filler(s) were left out.",
                    report.fillers
                )]
            } else {
                Vec::new()
            };
            Ok(outcome(imported.document, report.mapped, report.kept_raw, report.problems, notes))
        }
    }
}

/// The formats a card can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    /// A Hugging Face README.md.
    Markdown,
    Mct,
    Html,
}

impl ExportFormat {
    /// Every format, in the order the Download menu lists them.
    pub const ALL: [Self; 4] = [Self::Json, Self::Markdown, Self::Mct, Self::Html];

    /// The name people know it by, as in "Download MCT JSON".
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "JSON",
            Self::Markdown => "Markdown",
            Self::Mct => "MCT JSON",
            Self::Html => "HTML",
        }
    }

    /// One line on what the file is for.
    pub fn description(self) -> &'static str {
        match self {
            Self::Json => "Model Card Studio's own file: the whole card with its review history.",
            Self::Markdown => "A Hugging Face README.md: YAML metadata, then the card as Markdown.",
            Self::Mct => "Google Model Card Toolkit JSON, schema v0.0.2.",
            Self::Html => "One self-contained page to read, share or print to PDF.",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Mct => "mct.json",
            Self::Html => "html",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Json | Self::Mct => "application/json",
            Self::Markdown => "text/markdown",
            Self::Html => "text/html",
        }
    }
}

/// Writes a document in a format; returns the text and notes on what could not go.
pub fn export(document: &Document, format: ExportFormat) -> (String, Vec<String>) {
    match format {
        ExportFormat::Json => (json::to_json(document), Vec::new()),
        ExportFormat::Markdown => (hf::export(document), hf::export_notes(document)),
        ExportFormat::Mct => {
            let (text, report) = mct::export(document);
            (text, report.notes)
        }
        ExportFormat::Html => (crate::render::document::standalone_html(document), Vec::new()),
    }
}

/// A file name stem for downloads, from the model's name and version:
/// `ImageClassifier` 1.0 → `imageclassifier-1.0`. Only `[a-z0-9._-]` survive.
pub fn file_stem(card: &Card) -> String {
    let details = &card.model_details;
    let mut stem = String::new();
    for part in [details.name.as_str(), details.version.name.as_str()] {
        let slug = slug(part);
        if !slug.is_empty() {
            if !stem.is_empty() {
                stem.push('-');
            }
            stem.push_str(&slug);
        }
    }
    if stem.is_empty() { "model-card".to_owned() } else { stem }
}

fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let after_alphanumeric = slug.ends_with(|p: char| p.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || (matches!(c, '.' | '_') && after_alphanumeric) {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches(['-', '.', '_']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_file(path: &str) -> String {
        let full = format!("{}/../shared/corpus/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    #[test]
    fn recognises_every_format_by_its_content() {
        assert_eq!(detect(&corpus_file("hf/01-ai__Yi-6B.md")), Format::HfReadme);
        assert_eq!(detect(&corpus_file("mct/cats_vs_dogs_v0_0_1.json")), Format::Mct);
        assert_eq!(detect(&corpus_file("mct/train_data.json")), Format::Mct);
        let card = json::to_json(&Document::new(crate::card::example::filled_card()));
        assert_eq!(detect(&card), Format::CardJson);
        assert_eq!(detect(r#"{"name": "m", "version": "1", "metrics": {}}"#), Format::ModelInfo);
        assert_eq!(detect(r#"{"eval_accuracy": 0.92, "eval_loss": 0.31}"#), Format::Metrics);
        assert_eq!(detect("# Just a heading\n\nSome text."), Format::HfReadme);
        assert_eq!(detect("{ not json"), Format::CardJson, "broken JSON reports as JSON");
        assert_eq!(detect("https://example.org/#card=abc"), Format::ShareLink);
        assert_eq!(detect("#card=abc"), Format::ShareLink);
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
        let mct = import_any(&corpus_file("mct/train_data.json")).unwrap();
        assert_eq!(mct.format, Format::Mct);
        assert!(!mct.mapped.is_empty());

        let metrics = import_any(r#"{"eval_accuracy": 0.92, "eval_loss": 0.31}"#).unwrap();
        assert_eq!(metrics.format, Format::Metrics);
        let results = &metrics.document.card.quantitative_analysis.results;
        assert_eq!(results.len(), 2);
        assert_eq!((results[0].metric.as_str(), results[0].split.as_str()), ("accuracy", "eval"));

        let readme = import_any(&corpus_file("hf/01-ai__Yi-6B.md")).unwrap();
        assert_eq!(readme.format, Format::HfReadme);
        assert!(!readme.kept_raw.is_empty(), "Yi-6B has keys and sections kept raw");
    }

    #[test]
    fn import_any_names_what_is_wrong_and_where() {
        let broken = import_any("{\n  \"schema_version\": 3,\n  \"card\": {,}\n}").unwrap_err();
        assert!(broken.to_string().contains("line 3"), "{broken}");
        let neither = import_any(r#"{"colour": "blue"}"#).unwrap_err();
        assert!(neither.to_string().contains("Model Card Toolkit"), "{neither}");
        let mct = import_any(r#"{"model_details": {"name": 7}}"#);
        assert!(mct.is_ok(), "a wrong-typed MCT value is kept, not fatal: {mct:?}");
        let huge = "#".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(import_any(&huge), Err(ImportError::TooLarge { .. })));
    }

    #[test]
    fn file_stem_is_a_safe_slug_of_name_and_version() {
        let mut card = Card::default();
        assert_eq!(file_stem(&card), "model-card");
        card.model_details.name = "Image Classifier / ../../etc".into();
        card.model_details.version.name = "1.0".into();
        assert_eq!(file_stem(&card), "image-classifier-etc-1.0");
    }
}
