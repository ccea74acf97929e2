//! Writing a document in any format we export, and the file names of downloads.

use super::{cyclonedx, hf, mct};
use crate::card::Card;
use crate::document::{self, Document};

/// The one line the Download menu says under the formats: which file keeps everything.
pub const KEEPS_EVERYTHING: &str = "Only the JSON keeps everything: the review history, snapshots and what a README has no place for.";

/// The formats a card can be written in. Variants share their names with [`super::Format`]
/// where both read and write the same kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Our own JSON.
    CardJson,
    /// A Hugging Face README.md.
    HfReadme,
    Mct,
    /// A CycloneDX 1.6 ML-BOM.
    CycloneDx,
    Html,
}

impl ExportFormat {
    /// Every format, in the order the Download menu lists them.
    pub const ALL: [Self; 5] =
        [Self::CardJson, Self::HfReadme, Self::Mct, Self::CycloneDx, Self::Html];

    /// The name people know it by, as in "Download MCT JSON".
    pub fn name(self) -> &'static str {
        match self {
            Self::CardJson => "JSON",
            Self::HfReadme => "Markdown",
            Self::Mct => "MCT JSON",
            Self::CycloneDx => "CycloneDX ML-BOM (JSON)",
            Self::Html => "HTML",
        }
    }

    /// One line on what the file is for.
    pub fn description(self) -> &'static str {
        match self {
            Self::CardJson => {
                "Model Card Studio's own file: the whole card with its review history."
            }
            Self::HfReadme => "A Hugging Face README.md: YAML metadata, then the card as Markdown.",
            Self::Mct => "Google Model Card Toolkit JSON, schema v0.0.2.",
            Self::CycloneDx => {
                "An ML bill of materials for supply-chain tools: CycloneDX 1.6 JSON, with the approval."
            }
            Self::Html => "One self-contained page to read, share or print to PDF.",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::CardJson => "json",
            Self::HfReadme => "md",
            Self::Mct => "mct.json",
            Self::CycloneDx => "cdx.json",
            Self::Html => "html",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::CardJson | Self::Mct => "application/json",
            Self::CycloneDx => "application/vnd.cyclonedx+json",
            Self::HfReadme => "text/markdown",
            Self::Html => "text/html",
        }
    }
}

/// Writes a document in a format; returns the text and notes on what could not go.
pub fn export(document: &Document, format: ExportFormat) -> (String, Vec<String>) {
    match format {
        ExportFormat::CardJson => (document::to_json(document), Vec::new()),
        ExportFormat::HfReadme => (hf::export(document), hf::export_notes(document)),
        ExportFormat::Mct => mct::export(document),
        ExportFormat::CycloneDx => cyclonedx::export(document),
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

    #[test]
    fn file_stem_is_a_safe_slug_of_name_and_version() {
        let mut card = Card::default();
        assert_eq!(file_stem(&card), "model-card");
        card.model_details.name = "Image Classifier / ../../etc".into();
        card.model_details.version.name = "1.0".into();
        assert_eq!(file_stem(&card), "image-classifier-etc-1.0");
    }
}
