//! The model card: what a card says, independent of any file format or screen.
//!
//! The sections follow Mitchell et al. 2019 ("Model Cards for Model Reporting") and the
//! Hugging Face model card template. Free-text fields hold Markdown. Every struct is
//! `#[serde(default)]`, so a field added later reads as empty from older files.

pub mod completeness;
pub mod example;
pub mod fields;
pub mod licenses;
pub mod list_text;
mod model_info;
pub mod templates;
pub mod value;

use serde::{Deserialize, Serialize};

pub use model_info::{ModelInfo, ModelInfoError, create_model_card};

/// A model card's content. Workflow state (review, history) lives beside it, not in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Card {
    pub model_details: ModelDetails,
    pub intended_use: IntendedUse,
    pub factors: Factors,
    pub metrics: Metrics,
    pub training_data: DataSection,
    pub evaluation_data: DataSection,
    pub training_procedure: TrainingProcedure,
    pub quantitative_analysis: QuantitativeAnalysis,
    pub bias_risks_limitations: BiasRisksLimitations,
    pub ethical_considerations: EthicalConsiderations,
    pub caveats_and_recommendations: String,
    pub environmental_impact: EnvironmentalImpact,
    pub technical_specifications: TechnicalSpecifications,
    pub get_started: CodeBlock,
    pub more: MoreInformation,
    pub hf_metadata: HfMetadata,
    pub custom_sections: Vec<CustomSection>,
    /// What a Model Card Toolkit file held that has no field here, kept for its export.
    pub mct: MctExtras,
    /// What a CycloneDX BOM held that has no field here, kept for its export. Left out
    /// of the JSON when empty, as it is for every card not read from a BOM.
    #[serde(skip_serializing_if = "CycloneDxExtras::is_empty")]
    pub cyclonedx: CycloneDxExtras,
}

/// What the model is, who made it, and under what terms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ModelDetails {
    pub name: String,
    /// One line: what the model is and does.
    pub summary: String,
    /// What a README shows before its title: a logo, badges, links (Markdown).
    pub banner: String,
    pub description: String,
    pub model_type: String,
    pub architecture: String,
    pub version: Version,
    pub owners: Vec<Owner>,
    pub funded_by: String,
    pub shared_by: String,
    pub license: License,
    pub languages: Vec<String>,
    pub base_models: Vec<String>,
    pub links: Links,
    pub citation: Citation,
    /// Where to send questions about the model.
    pub contact: String,
}

/// A release of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Version {
    pub name: String,
    /// `YYYY-MM-DD`, as an HTML date input gives it.
    pub date: String,
    /// What changed since the previous version.
    pub changes: String,
}

impl Version {
    /// The version as a reader sees it: "Version 1.0, 2026-11-01", "Version 1.0", or
    /// "No version given".
    pub fn label(&self) -> String {
        match (self.name.trim(), self.date.trim()) {
            ("", _) => "No version given".to_owned(),
            (name, "") => format!("Version {name}"),
            (name, day) => format!("Version {name}, {day}"),
        }
    }
}

/// A model's name for messages and lists: "Untitled model" when it has none.
pub fn display_name(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() { "Untitled model".to_owned() } else { name.to_owned() }
}

/// A person or organisation that develops or owns the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Owner {
    pub name: String,
    pub contact: String,
}

/// The licence, as a Hub/SPDX id, or `other` with a name and a link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct License {
    pub id: String,
    pub name: String,
    pub link: String,
}

impl License {
    pub fn is_other(&self) -> bool {
        self.id == licenses::OTHER
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Links {
    pub repository: String,
    pub paper: String,
    pub demo: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Citation {
    pub bibtex: String,
    pub apa: String,
}

/// Who the model is for, and what it must not be used for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct IntendedUse {
    pub direct_use: String,
    pub downstream_use: String,
    pub primary_users: String,
    pub out_of_scope_use: String,
}

/// The factors (groups, instrumentation, environments) along which performance varies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Factors {
    pub relevant_factors: String,
    pub evaluation_factors: String,
}

/// How performance is measured.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Metrics {
    pub performance_measures: String,
    pub decision_thresholds: String,
    /// How uncertainty and variation are reported.
    pub variation_approaches: String,
}

/// The datasets of one stage (training or evaluation), with notes on them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct DataSection {
    pub datasets: Vec<Dataset>,
    pub notes: String,
}

impl DataSection {
    pub fn is_empty(&self) -> bool {
        self.datasets.is_empty() && self.notes.trim().is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Dataset {
    pub name: String,
    /// A URL or a Hugging Face Hub dataset id.
    pub link: String,
    pub description: String,
    pub motivation: String,
    pub preprocessing: String,
    pub split: String,
    pub sensitive: bool,
    pub sensitive_notes: String,
    /// Plots of the data (Model Card Toolkit graphics).
    pub graphics: Vec<Graphic>,
}

/// A plot embedded in the card, as a base64 image (Model Card Toolkit's `graphics`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Graphic {
    pub name: String,
    /// Base64-encoded image data (PNG, JPEG, GIF or SVG).
    pub image: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TrainingProcedure {
    /// How the model learned: `supervised`, `unsupervised`, `reinforcement-learning`,
    /// `semi-supervised` or `self-supervised` (CycloneDX's learning types).
    pub learning_approach: String,
    pub preprocessing: String,
    /// e.g. fp16 mixed precision.
    pub training_regime: String,
    pub hyperparameters: String,
    pub speeds_sizes_times: String,
}

/// How well the model does: structured results and a summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct QuantitativeAnalysis {
    pub results: Vec<MetricResult>,
    pub summary: String,
    /// Plots of the results (Model Card Toolkit graphics).
    pub graphics: Vec<Graphic>,
}

/// One measured value of one metric, on one dataset split, for one slice of the data.
///
/// Numbers are kept as the text the user or the source file gave (`0.92`, `85.3%`), so
/// nothing is lost to float formatting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct MetricResult {
    /// The metric type, e.g. `accuracy`.
    pub metric: String,
    pub value: String,
    pub dataset: String,
    pub split: String,
    /// Empty for the whole dataset; several terms for an intersectional result.
    pub slice: Vec<SliceTerm>,
    pub ci_lower: String,
    pub ci_upper: String,
    pub threshold: String,
    /// The task, as a Hugging Face task id, e.g. `text-classification`.
    pub task: String,
    /// Details of a Hugging Face model-index entry that have no field of their own.
    pub hf: HfResultDetails,
}

/// The parts of a Hugging Face `model-index` result kept for a faithful export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct HfResultDetails {
    pub task_name: String,
    /// The Hub dataset id (`dataset.type`).
    pub dataset_type: String,
    pub dataset_config: String,
    pub dataset_revision: String,
    /// `dataset.args`, as YAML, verbatim.
    pub dataset_args: String,
    /// The metric's display name.
    pub metric_name: String,
    pub metric_config: String,
    /// `metrics[].args` other than ours, as YAML, verbatim.
    pub metric_args: String,
    pub verified: Option<bool>,
    pub verify_token: String,
    pub source_name: String,
    pub source_url: String,
    /// Which `results` entry of the model-index this came from, so an export groups the
    /// metrics exactly as they were.
    pub entry: Option<u32>,
}

impl MetricResult {
    pub fn new(metric: impl Into<String>, value: impl Into<String>) -> Self {
        Self { metric: metric.into(), value: value.into(), ..Self::default() }
    }

    /// `gender=female, age=18-25`, or `overall` for the whole dataset. A term without a
    /// factor (a named slice from another tool) is just its value.
    pub fn slice_label(&self) -> String {
        let terms: Vec<String> = self
            .slice
            .iter()
            .filter(|term| !term.is_blank())
            .map(|term| match term.factor.trim() {
                "" => term.value.trim().to_owned(),
                factor => format!("{factor}={}", term.value.trim()),
            })
            .collect();
        if terms.is_empty() { "overall".to_owned() } else { terms.join(", ") }
    }
}

/// One factor=value pair of a slice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SliceTerm {
    pub factor: String,
    pub value: String,
}

impl SliceTerm {
    pub fn new(factor: impl Into<String>, value: impl Into<String>) -> Self {
        Self { factor: factor.into(), value: value.into() }
    }

    pub fn is_blank(&self) -> bool {
        self.factor.trim().is_empty() && self.value.trim().is_empty()
    }
}

/// Where the model fails and what users should do about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BiasRisksLimitations {
    /// Bias, risks and limitations: the seed's `limitations` lives here.
    pub limitations: String,
    pub recommendations: String,
}

/// Ethical risks, each with how it is mitigated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct EthicalConsiderations {
    pub risks: Vec<Risk>,
    /// Who could be systematically disadvantaged by the model, with the benefits, harms
    /// and mitigation for each group.
    pub fairness_assessments: Vec<FairnessAssessment>,
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Risk {
    pub risk: String,
    pub mitigation: String,
}

/// One group the model could disadvantage: what it gains, what it risks, and what was
/// done about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct FairnessAssessment {
    pub group_at_risk: String,
    pub benefits: String,
    pub harms: String,
    pub mitigation: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct EnvironmentalImpact {
    pub hardware_type: String,
    pub hours_used: String,
    pub cloud_provider: String,
    pub compute_region: String,
    /// In kg CO2eq.
    pub co2_emitted: String,
    /// The energy the training used, in kWh.
    pub energy_consumed: String,
    /// Where the emissions figure comes from (e.g. a tracking tool).
    pub co2_source: String,
    /// e.g. pre-training or fine-tuning.
    pub co2_training_type: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TechnicalSpecifications {
    pub architecture_and_objective: String,
    /// The kinds of data the model takes, e.g. `image`, `text`.
    pub inputs: Vec<String>,
    /// The kinds of data the model gives back, e.g. `label`.
    pub outputs: Vec<String>,
    pub hardware: String,
    pub software: String,
}

/// A code sample with its language, e.g. for "How to get started".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CodeBlock {
    pub language: String,
    pub code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct MoreInformation {
    pub glossary: String,
    pub more_information: String,
    pub card_authors: String,
    pub card_contact: String,
}

/// Hugging Face metadata that has no place in the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct HfMetadata {
    pub tags: Vec<String>,
    /// Hub dataset ids.
    pub datasets: Vec<String>,
    /// Hub metric ids.
    pub metrics: Vec<String>,
    pub pipeline_tag: String,
    pub library_name: String,
    /// Every other front-matter key (widget, gating, unknown keys), verbatim and in order.
    pub extra_yaml: String,
    /// The order of the top-level keys in the imported front matter, kept for the export.
    pub key_order: Vec<String>,
    /// `model-index[0].name`.
    pub model_index_name: String,
    /// The front matter could not be parsed: `extra_yaml` holds all of it, as written.
    pub raw_front_matter: bool,
}

/// Model Card Toolkit keys with no field here: their JSON path and value, verbatim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct MctExtras {
    pub unknown: Vec<UnknownField>,
}

/// The parts of a CycloneDX BOM with no field here, and the BOM's identity, so that an
/// imported BOM is written back as it was, changed only where the card was edited.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CycloneDxExtras {
    /// Where the model's component was in the BOM, as a JSON pointer (`/components/0`).
    pub component: String,
    /// The BOM's `serialNumber`, kept so that the exports of this BOM stay one BOM.
    pub serial_number: String,
    /// The BOM's `version` as imported; an export of edited content writes the next one.
    pub bom_version: Option<u64>,
    /// `metadata.timestamp` as imported.
    pub timestamp: String,
    /// The content hash of the card as imported (with this field empty): while the card
    /// still hashes to it, the export keeps the BOM's version and timestamp.
    pub imported_hash: String,
    /// Every other value of the BOM, by its JSON pointer in the BOM, verbatim.
    pub kept: Vec<UnknownField>,
}

impl CycloneDxExtras {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct UnknownField {
    /// A JSON pointer, e.g. `/model_details/my_key`.
    pub path: String,
    /// The value as JSON text.
    pub json: String,
}

/// A titled Markdown section the user adds, or one an import could not map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CustomSection {
    pub title: String,
    pub body: String,
    /// The heading level, 1 to 6; sections the user adds are level 2. Left out of the
    /// JSON when 2, so cards from before this field hash as they did.
    #[serde(skip_serializing_if = "is_default_level")]
    pub level: u8,
}

fn is_default_level(level: &u8) -> bool {
    *level == 2
}

impl Default for CustomSection {
    fn default() -> Self {
        Self { title: String::new(), body: String::new(), level: 2 }
    }
}

/// Example text in templates is wrapped as `[[Example: …]]`. It is shown so the user sees
/// what to write, and never counts as content.
pub const EXAMPLE_OPEN: &str = "[[Example:";
pub const EXAMPLE_CLOSE: &str = "]]";

/// Wraps template text as an example for the user to replace.
pub fn example_text(text: &str) -> String {
    format!("{EXAMPLE_OPEN} {text}{EXAMPLE_CLOSE}")
}

/// The text with every `[[Example: …]]` span removed.
pub fn without_examples(text: &str) -> String {
    let mut rest = text;
    let mut kept = String::new();
    while let Some((before, example)) = rest.split_once(EXAMPLE_OPEN) {
        kept.push_str(before);
        // An example never closed runs to the end of the text.
        rest = example.split_once(EXAMPLE_CLOSE).map_or("", |(_, after)| after);
    }
    kept.push_str(rest);
    kept
}

/// Whether the text says something: not blank, and not only example text.
pub fn has_content(text: &str) -> bool {
    !without_examples(text).trim().is_empty()
}

/// Whether the text still contains example text to replace.
pub fn has_example(text: &str) -> bool {
    text.contains(EXAMPLE_OPEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_and_a_name_read_as_a_reader_expects() {
        let mut version =
            Version { name: " 1.0 ".into(), date: "2026-11-01".into(), ..Version::default() };
        assert_eq!(version.label(), "Version 1.0, 2026-11-01");
        version.date = "  ".into();
        assert_eq!(version.label(), "Version 1.0");
        version.name = String::new();
        version.date = "2026-11-01".into();
        assert_eq!(version.label(), "No version given");
        assert_eq!(display_name("  ImageClassifier "), "ImageClassifier");
        assert_eq!(display_name(" \n"), "Untitled model");
    }

    #[test]
    fn example_text_is_not_content() {
        let example = example_text("A ResNet-50 that sorts photos.");
        assert_eq!(example, "[[Example: A ResNet-50 that sorts photos.]]");
        assert!(!has_content(&example));
        assert!(has_example(&example));
        assert!(has_content(&format!("Real text. {example}")));
        assert!(!has_content("   "));
        assert!(!has_content("[[Example: never closed"));
    }

    #[test]
    fn slice_labels_name_every_term() {
        let mut result = MetricResult::new("accuracy", "0.9");
        assert_eq!(result.slice_label(), "overall");
        result.slice = vec![SliceTerm::new("gender", "female"), SliceTerm::new("age", "18-25")];
        assert_eq!(result.slice_label(), "gender=female, age=18-25");
    }
}
