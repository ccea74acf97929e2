//! The registry of the card's sections and fields: one entry per field, with its label,
//! guidance, requirement level and accessors.
//!
//! The editor draws its controls from here, completeness scores from here, and messages
//! name fields by the same paths, so a field is described once and every screen agrees.

use super::{Card, CustomSection, Dataset, MetricResult, Owner, Risk, has_content, has_example};

/// How much a field matters for a complete card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Required,
    Recommended,
    Optional,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Self::Required => "Required",
            Self::Recommended => "Recommended",
            Self::Optional => "Optional",
        }
    }

    /// Whether the field counts towards the completeness score.
    pub fn counts(self) -> bool {
        self != Self::Optional
    }
}

/// The editor's panels, in the order of the section navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionId {
    ModelDetails,
    IntendedUse,
    Factors,
    Metrics,
    TrainingData,
    EvaluationData,
    TrainingProcedure,
    QuantitativeAnalysis,
    BiasRisksLimitations,
    EthicalConsiderations,
    Caveats,
    EnvironmentalImpact,
    TechnicalSpecifications,
    GetStarted,
    MoreInformation,
    HfMetadata,
    CustomSections,
}

/// One editor panel.
#[derive(Debug, Clone, Copy)]
pub struct SectionSpec {
    pub id: SectionId,
    /// The panel's DOM id and URL fragment.
    pub slug: &'static str,
    pub title: &'static str,
    /// One or two sentences on what the section is for.
    pub intro: &'static str,
}

pub const SECTIONS: &[SectionSpec] = &[
    SectionSpec {
        id: SectionId::ModelDetails,
        slug: "section-model-details",
        title: "Model details",
        intro: "What the model is, who made it, and on what terms others may use it.",
    },
    SectionSpec {
        id: SectionId::IntendedUse,
        slug: "section-intended-use",
        title: "Intended use",
        intro: "Who should use the model, for what, and what it must not be used for.",
    },
    SectionSpec {
        id: SectionId::Factors,
        slug: "section-factors",
        title: "Factors",
        intro: "The groups, instruments and environments along which the model's performance can differ.",
    },
    SectionSpec {
        id: SectionId::Metrics,
        slug: "section-metrics",
        title: "Metrics",
        intro: "How performance is measured, at which thresholds, and how certain the numbers are.",
    },
    SectionSpec {
        id: SectionId::TrainingData,
        slug: "section-training-data",
        title: "Training data",
        intro: "The data the model learned from.",
    },
    SectionSpec {
        id: SectionId::EvaluationData,
        slug: "section-evaluation-data",
        title: "Evaluation data",
        intro: "The data the reported results were measured on.",
    },
    SectionSpec {
        id: SectionId::TrainingProcedure,
        slug: "section-training-procedure",
        title: "Training procedure",
        intro: "How the model was trained, so others can judge and reproduce it.",
    },
    SectionSpec {
        id: SectionId::QuantitativeAnalysis,
        slug: "section-quantitative-analysis",
        title: "Quantitative analyses",
        intro: "The measured results, overall and for each slice of the data, with their uncertainty.",
    },
    SectionSpec {
        id: SectionId::BiasRisksLimitations,
        slug: "section-bias-risks-limitations",
        title: "Bias, risks and limitations",
        intro: "Where the model fails or may cause harm, and what users should do about it.",
    },
    SectionSpec {
        id: SectionId::EthicalConsiderations,
        slug: "section-ethical-considerations",
        title: "Ethical considerations",
        intro: "Think about the data (is any of it sensitive?), human life (can the model affect health or safety?), \
                mitigations (what was done about risks?), risks and harms (who could be hurt, and how?) \
                and use cases (which uses are fraught?). List each risk with its mitigation.",
    },
    SectionSpec {
        id: SectionId::Caveats,
        slug: "section-caveats",
        title: "Caveats and recommendations",
        intro: "Anything else a user should know that the sections above do not cover.",
    },
    SectionSpec {
        id: SectionId::EnvironmentalImpact,
        slug: "section-environmental-impact",
        title: "Environmental impact",
        intro: "The compute used to train the model and the carbon it emitted.",
    },
    SectionSpec {
        id: SectionId::TechnicalSpecifications,
        slug: "section-technical-specifications",
        title: "Technical specifications",
        intro: "The model's architecture and objective, and the infrastructure it was built on.",
    },
    SectionSpec {
        id: SectionId::GetStarted,
        slug: "section-get-started",
        title: "How to get started",
        intro: "A short code sample that loads the model and runs it once.",
    },
    SectionSpec {
        id: SectionId::MoreInformation,
        slug: "section-more-information",
        title: "More information",
        intro: "Glossary, pointers to more detail, and who wrote this card.",
    },
    SectionSpec {
        id: SectionId::HfMetadata,
        slug: "section-hf-metadata",
        title: "Hugging Face metadata",
        intro: "Metadata the Hub reads from a README's front matter. It is not shown in the card's text.",
    },
    SectionSpec {
        id: SectionId::CustomSections,
        slug: "section-custom",
        title: "Custom sections",
        intro: "Sections of your own, shown after the standard ones, in the order given here.",
    },
];

pub fn section(id: SectionId) -> &'static SectionSpec {
    // Every SectionId has an entry; the fallback only keeps this total.
    SECTIONS.iter().find(|s| s.id == id).unwrap_or(&SECTIONS[0])
}

/// How a text field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A single line of plain text.
    Line,
    /// Multi-line Markdown.
    Markdown,
    /// Source code, shown in a monospace box.
    Code,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A Hub licence id, picked from [`super::licenses::LICENSES`].
    License,
    /// A list of short strings, edited as one comma-separated line.
    List,
}

/// How to read and write a field's value in a card.
#[derive(Clone, Copy)]
pub enum Access {
    Text(fn(&Card) -> &String, fn(&mut Card) -> &mut String),
    List(fn(&Card) -> &Vec<String>, fn(&mut Card) -> &mut Vec<String>),
}

/// One field of the card.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The field's path in our JSON, e.g. `model_details.name`. Also its DOM id.
    pub path: &'static str,
    /// The visible label, which is also the control's accessible name.
    pub label: &'static str,
    pub section: SectionId,
    pub level: Level,
    pub kind: FieldKind,
    /// What to write and why it matters.
    pub help: &'static str,
    /// A one-line example.
    pub example: &'static str,
    pub access: Access,
    /// Shown (and counted) only when this holds, e.g. the licence name for `other`.
    pub shown_if: Option<fn(&Card) -> bool>,
}

impl FieldSpec {
    pub fn is_shown(&self, card: &Card) -> bool {
        self.shown_if.is_none_or(|shown| shown(card))
    }

    pub fn has_content(&self, card: &Card) -> bool {
        match self.access {
            Access::Text(get, _) => has_content(get(card)),
            Access::List(get, _) => get(card).iter().any(|item| has_content(item)),
        }
    }

    /// Whether the field still holds template example text to replace.
    pub fn has_example(&self, card: &Card) -> bool {
        match self.access {
            Access::Text(get, _) => has_example(get(card)),
            Access::List(get, _) => get(card).iter().any(|item| has_example(item)),
        }
    }
}

impl std::fmt::Debug for FieldSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldSpec").field("path", &self.path).finish_non_exhaustive()
    }
}

macro_rules! text {
    ($($field:ident).+) => {
        Access::Text(|card| &card.$($field).+, |card| &mut card.$($field).+)
    };
}

macro_rules! list {
    ($($field:ident).+) => {
        Access::List(|card| &card.$($field).+, |card| &mut card.$($field).+)
    };
}

use FieldKind::{Code, Date, License as LicenseKind, Line, List, Markdown};
use Level::{Optional, Recommended, Required};
use SectionId as S;

pub const NAME: FieldSpec = FieldSpec {
    path: "model_details.name",
    label: "Name",
    section: S::ModelDetails,
    level: Required,
    kind: Line,
    help: "The model's name as people will search for it.",
    example: "ImageClassifier",
    access: text!(model_details.name),
    shown_if: None,
};

pub const VERSION: FieldSpec = FieldSpec {
    path: "model_details.version.name",
    label: "Version",
    section: S::ModelDetails,
    level: Required,
    kind: Line,
    help: "Which release this card describes. Results and limits change between versions.",
    example: "1.0",
    access: text!(model_details.version.name),
    shown_if: None,
};

pub const DESCRIPTION: FieldSpec = FieldSpec {
    path: "model_details.description",
    label: "Description",
    section: S::ModelDetails,
    level: Required,
    kind: Markdown,
    help: "A few sentences on what the model does, how, and for whom. Most readers stop here.",
    example: "A convolutional network that labels product photos with one of 120 categories.",
    access: text!(model_details.description),
    shown_if: None,
};

pub const LICENSE: FieldSpec = FieldSpec {
    path: "model_details.license.id",
    label: "Licence",
    section: S::ModelDetails,
    level: Required,
    kind: LicenseKind,
    help: "The terms under which others may use the model. Pick \"Other\" for a licence not listed.",
    example: "apache-2.0",
    access: text!(model_details.license.id),
    shown_if: None,
};

pub const CONTACT: FieldSpec = FieldSpec {
    path: "model_details.contact",
    label: "Contact",
    section: S::ModelDetails,
    level: Required,
    kind: Line,
    help: "Where to send questions or reports of problems with the model.",
    example: "ml-team@example.org",
    access: text!(model_details.contact),
    shown_if: None,
};

pub const DIRECT_USE: FieldSpec = FieldSpec {
    path: "intended_use.direct_use",
    label: "Primary intended uses",
    section: S::IntendedUse,
    level: Required,
    kind: Markdown,
    help: "What the model is for, used as it is. Users check their use against this.",
    example: "Sorting product photos into catalogue categories.",
    access: text!(intended_use.direct_use),
    shown_if: None,
};

pub const OUT_OF_SCOPE_USE: FieldSpec = FieldSpec {
    path: "intended_use.out_of_scope_use",
    label: "Out-of-scope uses",
    section: S::IntendedUse,
    level: Required,
    kind: Markdown,
    help: "Uses the model is not fit for or must not be put to. This protects people from misuse.",
    example: "Identifying people; medical images.",
    access: text!(intended_use.out_of_scope_use),
    shown_if: None,
};

pub const LIMITATIONS: FieldSpec = FieldSpec {
    path: "bias_risks_limitations.limitations",
    label: "Limitations",
    section: S::BiasRisksLimitations,
    level: Required,
    kind: Markdown,
    help: "Known biases, risks and failure modes, technical and social. Honest limits build trust.",
    example: "May misclassify rare images, and photos taken in low light.",
    access: text!(bias_risks_limitations.limitations),
    shown_if: None,
};

/// Every field, in editor order.
pub const ALL: &[FieldSpec] = &[
    // Model details
    NAME,
    FieldSpec {
        path: "model_details.summary",
        label: "Summary",
        section: S::ModelDetails,
        level: Recommended,
        kind: Line,
        help: "One line on what the model is and does; shown under the name.",
        example: "A product-photo classifier for 120 catalogue categories.",
        access: text!(model_details.summary),
        shown_if: None,
    },
    DESCRIPTION,
    FieldSpec {
        path: "model_details.model_type",
        label: "Model type",
        section: S::ModelDetails,
        level: Recommended,
        kind: Line,
        help: "The kind of model, so readers know what to expect of it.",
        example: "Image classification",
        access: text!(model_details.model_type),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.architecture",
        label: "Architecture",
        section: S::ModelDetails,
        level: Optional,
        kind: Line,
        help: "The network or algorithm, in a few words.",
        example: "ResNet-50",
        access: text!(model_details.architecture),
        shown_if: None,
    },
    VERSION,
    FieldSpec {
        path: "model_details.version.date",
        label: "Version date",
        section: S::ModelDetails,
        level: Recommended,
        kind: Date,
        help: "When this version was released.",
        example: "2026-11-01",
        access: text!(model_details.version.date),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.version.changes",
        label: "Changes in this version",
        section: S::ModelDetails,
        level: Optional,
        kind: Markdown,
        help: "What changed since the previous version, so users know whether to upgrade.",
        example: "Retrained on 20% more night-time photos; accuracy +1.5 points.",
        access: text!(model_details.version.changes),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.funded_by",
        label: "Funded by",
        section: S::ModelDetails,
        level: Optional,
        kind: Line,
        help: "Who paid for the work. Funding can shape choices, so readers like to know.",
        example: "Example Research Fund",
        access: text!(model_details.funded_by),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.shared_by",
        label: "Shared by",
        section: S::ModelDetails,
        level: Optional,
        kind: Line,
        help: "Who published the model, if not its developers.",
        example: "Example Labs",
        access: text!(model_details.shared_by),
        shown_if: None,
    },
    LICENSE,
    FieldSpec {
        path: "model_details.license.name",
        label: "Licence name",
        section: S::ModelDetails,
        level: Required,
        kind: Line,
        help: "The name of the licence, since it is not one the Hub knows.",
        example: "Example Model Licence 1.0",
        access: text!(model_details.license.name),
        shown_if: Some(|card| card.model_details.license.is_other()),
    },
    FieldSpec {
        path: "model_details.license.link",
        label: "Licence link",
        section: S::ModelDetails,
        level: Recommended,
        kind: Line,
        help: "Where the licence text can be read.",
        example: "https://example.org/licence",
        access: text!(model_details.license.link),
        shown_if: Some(|card| card.model_details.license.is_other()),
    },
    FieldSpec {
        path: "model_details.languages",
        label: "Languages",
        section: S::ModelDetails,
        level: Optional,
        kind: List,
        help: "Natural languages the model handles, as ISO codes, separated by commas.",
        example: "en, fr",
        access: list!(model_details.languages),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.base_models",
        label: "Base models",
        section: S::ModelDetails,
        level: Optional,
        kind: List,
        help: "The models this one was fine-tuned or derived from, separated by commas.",
        example: "microsoft/resnet-50",
        access: list!(model_details.base_models),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.links.repository",
        label: "Repository",
        section: S::ModelDetails,
        level: Optional,
        kind: Line,
        help: "Where the code or weights live.",
        example: "https://github.com/example/image-classifier",
        access: text!(model_details.links.repository),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.links.paper",
        label: "Paper",
        section: S::ModelDetails,
        level: Optional,
        kind: Line,
        help: "A paper or report that describes the model.",
        example: "https://arxiv.org/abs/1512.03385",
        access: text!(model_details.links.paper),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.links.demo",
        label: "Demo",
        section: S::ModelDetails,
        level: Optional,
        kind: Line,
        help: "A place to try the model.",
        example: "https://example.org/demo",
        access: text!(model_details.links.demo),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.citation.bibtex",
        label: "Citation (BibTeX)",
        section: S::ModelDetails,
        level: Optional,
        kind: Code,
        help: "How to cite the model, as BibTeX.",
        example: "@misc{imageclassifier2026, title={ImageClassifier}, year={2026}}",
        access: text!(model_details.citation.bibtex),
        shown_if: None,
    },
    FieldSpec {
        path: "model_details.citation.apa",
        label: "Citation (APA)",
        section: S::ModelDetails,
        level: Optional,
        kind: Line,
        help: "How to cite the model, in APA style.",
        example: "Example Labs. (2026). ImageClassifier (Version 1.0).",
        access: text!(model_details.citation.apa),
        shown_if: None,
    },
    CONTACT,
    // Intended use
    DIRECT_USE,
    FieldSpec {
        path: "intended_use.downstream_use",
        label: "Downstream uses",
        section: S::IntendedUse,
        level: Optional,
        kind: Markdown,
        help: "Uses after fine-tuning or as part of a larger system.",
        example: "A starting point for fine-tuning on other photo catalogues.",
        access: text!(intended_use.downstream_use),
        shown_if: None,
    },
    FieldSpec {
        path: "intended_use.primary_users",
        label: "Primary intended users",
        section: S::IntendedUse,
        level: Recommended,
        kind: Markdown,
        help: "Who the model was built for. Others should read the limits with extra care.",
        example: "Catalogue teams at online shops.",
        access: text!(intended_use.primary_users),
        shown_if: None,
    },
    OUT_OF_SCOPE_USE,
    // Factors
    FieldSpec {
        path: "factors.relevant_factors",
        label: "Relevant factors",
        section: S::Factors,
        level: Recommended,
        kind: Markdown,
        help: "Groups, instruments and environments that could change how well the model works.",
        example: "Lighting, camera type, product category.",
        access: text!(factors.relevant_factors),
        shown_if: None,
    },
    FieldSpec {
        path: "factors.evaluation_factors",
        label: "Evaluation factors",
        section: S::Factors,
        level: Recommended,
        kind: Markdown,
        help: "Which of those factors the results below are broken down by, and why those.",
        example: "Results are reported by lighting (day, night) because night photos were rare in training.",
        access: text!(factors.evaluation_factors),
        shown_if: None,
    },
    // Metrics
    FieldSpec {
        path: "metrics.performance_measures",
        label: "Performance measures",
        section: S::Metrics,
        level: Recommended,
        kind: Markdown,
        help: "Which metrics are reported and why they fit the task.",
        example: "Top-1 accuracy, because each photo has exactly one category.",
        access: text!(metrics.performance_measures),
        shown_if: None,
    },
    FieldSpec {
        path: "metrics.decision_thresholds",
        label: "Decision thresholds",
        section: S::Metrics,
        level: Optional,
        kind: Markdown,
        help: "Thresholds used to turn scores into decisions, and why they were chosen.",
        example: "Predictions under 0.6 confidence are sent to a person.",
        access: text!(metrics.decision_thresholds),
        shown_if: None,
    },
    FieldSpec {
        path: "metrics.variation_approaches",
        label: "Uncertainty and variation",
        section: S::Metrics,
        level: Optional,
        kind: Markdown,
        help: "How uncertainty in the numbers is measured and reported.",
        example: "95% bootstrap confidence intervals over 1,000 resamples.",
        access: text!(metrics.variation_approaches),
        shown_if: None,
    },
    // Training data and evaluation data: their datasets are lists; these are the notes.
    FieldSpec {
        path: "training_data.notes",
        label: "Training data notes",
        section: S::TrainingData,
        level: Optional,
        kind: Markdown,
        help: "Anything about the training data as a whole that the dataset entries do not say.",
        example: "Photos were de-duplicated across all sources.",
        access: text!(training_data.notes),
        shown_if: None,
    },
    FieldSpec {
        path: "evaluation_data.notes",
        label: "Evaluation data notes",
        section: S::EvaluationData,
        level: Optional,
        kind: Markdown,
        help: "Anything about the evaluation data as a whole that the dataset entries do not say.",
        example: "The test set was collected a year after the training set.",
        access: text!(evaluation_data.notes),
        shown_if: None,
    },
    // Training procedure
    FieldSpec {
        path: "training_procedure.preprocessing",
        label: "Preprocessing",
        section: S::TrainingProcedure,
        level: Optional,
        kind: Markdown,
        help: "How inputs were cleaned or transformed before training.",
        example: "Images resized to 224×224 and normalised.",
        access: text!(training_procedure.preprocessing),
        shown_if: None,
    },
    FieldSpec {
        path: "training_procedure.training_regime",
        label: "Training regime",
        section: S::TrainingProcedure,
        level: Optional,
        kind: Line,
        help: "The numeric precision used in training.",
        example: "fp16 mixed precision",
        access: text!(training_procedure.training_regime),
        shown_if: None,
    },
    FieldSpec {
        path: "training_procedure.hyperparameters",
        label: "Hyperparameters",
        section: S::TrainingProcedure,
        level: Optional,
        kind: Markdown,
        help: "The settings that matter for reproducing the training.",
        example: "Learning rate 1e-4, batch size 256, 30 epochs.",
        access: text!(training_procedure.hyperparameters),
        shown_if: None,
    },
    FieldSpec {
        path: "training_procedure.speeds_sizes_times",
        label: "Speeds, sizes, times",
        section: S::TrainingProcedure,
        level: Optional,
        kind: Markdown,
        help: "Throughput, checkpoint size, training time.",
        example: "6 hours on 8 GPUs; 98 MB checkpoint.",
        access: text!(training_procedure.speeds_sizes_times),
        shown_if: None,
    },
    // Quantitative analyses
    FieldSpec {
        path: "quantitative_analysis.summary",
        label: "Results summary",
        section: S::QuantitativeAnalysis,
        level: Recommended,
        kind: Markdown,
        help: "What the results mean, in words, including where the model does worse.",
        example: "Accuracy is 0.92 overall but 0.81 on night photos.",
        access: text!(quantitative_analysis.summary),
        shown_if: None,
    },
    // Bias, risks and limitations
    LIMITATIONS,
    FieldSpec {
        path: "bias_risks_limitations.recommendations",
        label: "Recommendations",
        section: S::BiasRisksLimitations,
        level: Recommended,
        kind: Markdown,
        help: "What users should do about the risks and limits above.",
        example: "Review low-confidence predictions by hand.",
        access: text!(bias_risks_limitations.recommendations),
        shown_if: None,
    },
    // Ethical considerations
    FieldSpec {
        path: "ethical_considerations.notes",
        label: "Ethical notes",
        section: S::EthicalConsiderations,
        level: Optional,
        kind: Markdown,
        help: "Ethical points that are not a single risk with a mitigation.",
        example: "No personal data was used.",
        access: text!(ethical_considerations.notes),
        shown_if: None,
    },
    // Caveats
    FieldSpec {
        path: "caveats_and_recommendations",
        label: "Caveats and recommendations",
        section: S::Caveats,
        level: Recommended,
        kind: Markdown,
        help: "Concerns not covered elsewhere, e.g. untested groups or settings.",
        example: "Not tested on photos from phones older than 2018.",
        access: text!(caveats_and_recommendations),
        shown_if: None,
    },
    // Environmental impact
    FieldSpec {
        path: "environmental_impact.hardware_type",
        label: "Hardware type",
        section: S::EnvironmentalImpact,
        level: Optional,
        kind: Line,
        help: "The accelerators used for training.",
        example: "8× NVIDIA A100",
        access: text!(environmental_impact.hardware_type),
        shown_if: None,
    },
    FieldSpec {
        path: "environmental_impact.hours_used",
        label: "Hours used",
        section: S::EnvironmentalImpact,
        level: Optional,
        kind: Line,
        help: "Total training time.",
        example: "6",
        access: text!(environmental_impact.hours_used),
        shown_if: None,
    },
    FieldSpec {
        path: "environmental_impact.cloud_provider",
        label: "Cloud provider",
        section: S::EnvironmentalImpact,
        level: Optional,
        kind: Line,
        help: "Where the compute ran, if in a cloud.",
        example: "Example Cloud",
        access: text!(environmental_impact.cloud_provider),
        shown_if: None,
    },
    FieldSpec {
        path: "environmental_impact.compute_region",
        label: "Compute region",
        section: S::EnvironmentalImpact,
        level: Optional,
        kind: Line,
        help: "The region, which sets the carbon intensity of the power.",
        example: "europe-west4",
        access: text!(environmental_impact.compute_region),
        shown_if: None,
    },
    FieldSpec {
        path: "environmental_impact.co2_emitted",
        label: "Carbon emitted",
        section: S::EnvironmentalImpact,
        level: Optional,
        kind: Line,
        help: "Estimated emissions in kg CO2eq, e.g. from the ML CO2 Impact calculator.",
        example: "12.5",
        access: text!(environmental_impact.co2_emitted),
        shown_if: None,
    },
    // Technical specifications
    FieldSpec {
        path: "technical_specifications.architecture_and_objective",
        label: "Architecture and objective",
        section: S::TechnicalSpecifications,
        level: Optional,
        kind: Markdown,
        help: "The architecture in detail and the training objective.",
        example: "ResNet-50 trained with cross-entropy loss.",
        access: text!(technical_specifications.architecture_and_objective),
        shown_if: None,
    },
    FieldSpec {
        path: "technical_specifications.hardware",
        label: "Compute hardware",
        section: S::TechnicalSpecifications,
        level: Optional,
        kind: Markdown,
        help: "The hardware the model was trained and is served on.",
        example: "Trained on 8× A100; runs on one CPU core.",
        access: text!(technical_specifications.hardware),
        shown_if: None,
    },
    FieldSpec {
        path: "technical_specifications.software",
        label: "Compute software",
        section: S::TechnicalSpecifications,
        level: Optional,
        kind: Markdown,
        help: "Frameworks and versions.",
        example: "PyTorch 2.4, torchvision 0.19",
        access: text!(technical_specifications.software),
        shown_if: None,
    },
    // How to get started
    FieldSpec {
        path: "get_started.language",
        label: "Code language",
        section: S::GetStarted,
        level: Optional,
        kind: Line,
        help: "The language of the sample, for highlighting.",
        example: "python",
        access: text!(get_started.language),
        shown_if: None,
    },
    FieldSpec {
        path: "get_started.code",
        label: "Code",
        section: S::GetStarted,
        level: Recommended,
        kind: Code,
        help: "The shortest code that loads the model and runs it once.",
        example: "model = load(\"imageclassifier\"); model.predict(\"photo.jpg\")",
        access: text!(get_started.code),
        shown_if: None,
    },
    // More information
    FieldSpec {
        path: "more.glossary",
        label: "Glossary",
        section: S::MoreInformation,
        level: Optional,
        kind: Markdown,
        help: "Terms a reader may not know.",
        example: "**Top-1 accuracy:** the share of photos whose best guess is right.",
        access: text!(more.glossary),
        shown_if: None,
    },
    FieldSpec {
        path: "more.more_information",
        label: "More information",
        section: S::MoreInformation,
        level: Optional,
        kind: Markdown,
        help: "Where to learn more.",
        example: "See the project wiki.",
        access: text!(more.more_information),
        shown_if: None,
    },
    FieldSpec {
        path: "more.card_authors",
        label: "Card authors",
        section: S::MoreInformation,
        level: Optional,
        kind: Line,
        help: "Who wrote this card.",
        example: "A. Author, B. Reviewer",
        access: text!(more.card_authors),
        shown_if: None,
    },
    FieldSpec {
        path: "more.card_contact",
        label: "Card contact",
        section: S::MoreInformation,
        level: Optional,
        kind: Line,
        help: "Where to send questions about the card itself.",
        example: "docs@example.org",
        access: text!(more.card_contact),
        shown_if: None,
    },
    // Hugging Face metadata
    FieldSpec {
        path: "hf_metadata.tags",
        label: "Tags",
        section: S::HfMetadata,
        level: Optional,
        kind: List,
        help: "Hub tags, separated by commas. They help people find the model.",
        example: "image-classification, vision",
        access: list!(hf_metadata.tags),
        shown_if: None,
    },
    FieldSpec {
        path: "hf_metadata.datasets",
        label: "Dataset ids",
        section: S::HfMetadata,
        level: Optional,
        kind: List,
        help: "Hub ids of the datasets used, separated by commas.",
        example: "imagenet-1k",
        access: list!(hf_metadata.datasets),
        shown_if: None,
    },
    FieldSpec {
        path: "hf_metadata.metrics",
        label: "Metric ids",
        section: S::HfMetadata,
        level: Optional,
        kind: List,
        help: "Hub ids of the metrics used, separated by commas.",
        example: "accuracy",
        access: list!(hf_metadata.metrics),
        shown_if: None,
    },
    FieldSpec {
        path: "hf_metadata.pipeline_tag",
        label: "Pipeline tag",
        section: S::HfMetadata,
        level: Optional,
        kind: Line,
        help: "The Hub task, which picks the inference widget.",
        example: "image-classification",
        access: text!(hf_metadata.pipeline_tag),
        shown_if: None,
    },
    FieldSpec {
        path: "hf_metadata.library_name",
        label: "Library name",
        section: S::HfMetadata,
        level: Optional,
        kind: Line,
        help: "The library that loads the model.",
        example: "transformers",
        access: text!(hf_metadata.library_name),
        shown_if: None,
    },
    FieldSpec {
        path: "hf_metadata.extra_yaml",
        label: "Other metadata (YAML)",
        section: S::HfMetadata,
        level: Optional,
        kind: Code,
        help: "Any other front-matter keys (widget, gating, your own), kept exactly as written.",
        example: "widget:\n- src: photo.jpg",
        access: text!(hf_metadata.extra_yaml),
        shown_if: None,
    },
];

/// The fields of one section, in editor order.
pub fn in_section(section: SectionId) -> impl Iterator<Item = &'static FieldSpec> {
    ALL.iter().filter(move |field| field.section == section)
}

/// The field with this path, if any.
pub fn by_path(path: &str) -> Option<&'static FieldSpec> {
    ALL.iter().find(|field| field.path == path)
}

// ---------------------------------------------------------------------------------------
// Lists of items: owners, datasets, results, risks, custom sections.

/// How to read and write one field of a list item.
pub enum ItemAccess<T> {
    Text(fn(&T) -> &String, fn(&mut T) -> &mut String),
    Flag(fn(&T) -> bool, fn(&mut T) -> &mut bool),
}

impl<T> Clone for ItemAccess<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ItemAccess<T> {}

/// One field of a list item.
pub struct ItemField<T: 'static> {
    /// The field's key within the item, e.g. `name`.
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub help: &'static str,
    pub access: ItemAccess<T>,
}

impl<T> ItemField<T> {
    /// The accessible name of this field in item `number`: "Metric 1 name".
    pub fn accessible_name(&self, item: &str, number: usize) -> String {
        format!("{item} {number} {}", lower_first(self.label))
    }
}

/// Lower-cases the first letter of a word, but not of an acronym ("CI lower").
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() || second == ' ' => {
            first.to_lowercase().chain(label[first.len_utf8()..].chars()).collect()
        }
        _ => label.to_owned(),
    }
}

impl<T> Clone for ItemField<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ItemField<T> {}

/// A list of items in the card, e.g. the model's owners.
pub struct ListSpec<T: 'static> {
    /// The list's path in our JSON, e.g. `model_details.owners`. Also its DOM id.
    pub path: &'static str,
    /// The list's visible label.
    pub label: &'static str,
    /// What one item is called, e.g. `Owner`: items are "Owner 1", "Owner 2", …
    pub item: &'static str,
    pub section: SectionId,
    pub level: Level,
    pub help: &'static str,
    pub items: fn(&Card) -> &Vec<T>,
    pub items_mut: fn(&mut Card) -> &mut Vec<T>,
    pub fields: &'static [ItemField<T>],
    /// Whether an item says something (not blank, not only example text).
    pub item_has_content: fn(&T) -> bool,
    /// Parts of an item edited outside `fields` (a result's slice), as labelled text.
    pub item_extras: fn(&T) -> Vec<(&'static str, &'static str, String)>,
}

impl<T> Clone for ListSpec<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ListSpec<T> {}

/// What completeness needs to know about any list, whatever its item type.
pub trait ListInfo: Sync {
    fn path(&self) -> &'static str;
    fn label(&self) -> &'static str;
    fn section(&self) -> SectionId;
    fn level(&self) -> Level;
    fn has_content(&self, card: &Card) -> bool;
    fn len(&self, card: &Card) -> usize;
    /// The key of an item's first field, where focus goes to edit an item.
    fn first_key(&self) -> &'static str;
    /// What one item is called, e.g. `Owner`.
    fn item(&self) -> &'static str;
    /// Every item as (key, accessible label, value as text), for comparing versions.
    fn item_texts(&self, card: &Card) -> Vec<Vec<(&'static str, String, String)>>;
}

impl<T> ListInfo for ListSpec<T> {
    fn path(&self) -> &'static str {
        self.path
    }
    fn label(&self) -> &'static str {
        self.label
    }
    fn section(&self) -> SectionId {
        self.section
    }
    fn level(&self) -> Level {
        self.level
    }
    fn has_content(&self, card: &Card) -> bool {
        (self.items)(card).iter().any(self.item_has_content)
    }
    fn len(&self, card: &Card) -> usize {
        (self.items)(card).len()
    }
    fn first_key(&self) -> &'static str {
        self.fields.first().map_or("", |field| field.key)
    }
    fn item(&self) -> &'static str {
        self.item
    }
    fn item_texts(&self, card: &Card) -> Vec<Vec<(&'static str, String, String)>> {
        (self.items)(card)
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let mut texts: Vec<(&'static str, String, String)> = self
                    .fields
                    .iter()
                    .map(|field| {
                        let value = match field.access {
                            ItemAccess::Text(get, _) => get(item).clone(),
                            ItemAccess::Flag(get, _) => {
                                if get(item) { "yes" } else { "no" }.to_owned()
                            }
                        };
                        (field.key, field.accessible_name(self.item, index + 1), value)
                    })
                    .collect();
                for (key, label, value) in (self.item_extras)(item) {
                    texts.push((key, format!("{} {} {}", self.item, index + 1, label), value));
                }
                texts
            })
            .collect()
    }
}

/// No parts outside the registered fields.
fn no_extras<T>(_: &T) -> Vec<(&'static str, &'static str, String)> {
    Vec::new()
}

const fn item_text<T>(
    key: &'static str,
    label: &'static str,
    kind: FieldKind,
    help: &'static str,
    get: fn(&T) -> &String,
    get_mut: fn(&mut T) -> &mut String,
) -> ItemField<T> {
    ItemField { key, label, kind, help, access: ItemAccess::Text(get, get_mut) }
}

pub const OWNERS: ListSpec<Owner> = ListSpec {
    path: "model_details.owners",
    label: "Developers and owners",
    item: "Owner",
    section: S::ModelDetails,
    level: Recommended,
    help: "The people or organisations who built the model and answer for it.",
    items: |card| &card.model_details.owners,
    items_mut: |card| &mut card.model_details.owners,
    fields: &[
        item_text(
            "name",
            "Name",
            Line,
            "A person or an organisation.",
            |o: &Owner| &o.name,
            |o| &mut o.name,
        ),
        item_text(
            "contact",
            "Contact",
            Line,
            "An e-mail address or a web page.",
            |o: &Owner| &o.contact,
            |o| &mut o.contact,
        ),
    ],
    item_has_content: |owner| has_content(&owner.name),
    item_extras: no_extras,
};

const DATASET_FIELDS: &[ItemField<Dataset>] = &[
    item_text("name", "Name", Line, "The dataset's name.", |d: &Dataset| &d.name, |d| &mut d.name),
    item_text(
        "link",
        "Link or Hub id",
        Line,
        "A URL, or a Hugging Face dataset id such as imagenet-1k.",
        |d: &Dataset| &d.link,
        |d| &mut d.link,
    ),
    item_text(
        "description",
        "Description",
        Markdown,
        "What the data is: source, size, time span.",
        |d: &Dataset| &d.description,
        |d| &mut d.description,
    ),
    item_text(
        "motivation",
        "Motivation",
        Markdown,
        "Why this dataset was chosen.",
        |d: &Dataset| &d.motivation,
        |d| &mut d.motivation,
    ),
    item_text(
        "preprocessing",
        "Preprocessing",
        Markdown,
        "What was done to the data before use.",
        |d: &Dataset| &d.preprocessing,
        |d| &mut d.preprocessing,
    ),
    item_text(
        "split",
        "Split",
        Line,
        "Which part of the dataset, e.g. train or test.",
        |d: &Dataset| &d.split,
        |d| &mut d.split,
    ),
    ItemField {
        key: "sensitive",
        label: "Contains sensitive data",
        kind: Line,
        help: "Personal, health, biometric or other sensitive data.",
        access: ItemAccess::Flag(|d: &Dataset| d.sensitive, |d| &mut d.sensitive),
    },
    item_text(
        "sensitive_notes",
        "Sensitive data notes",
        Markdown,
        "What is sensitive and how it was protected.",
        |d: &Dataset| &d.sensitive_notes,
        |d| &mut d.sensitive_notes,
    ),
];

fn dataset_has_content(dataset: &Dataset) -> bool {
    has_content(&dataset.name) || has_content(&dataset.description)
}

pub const TRAINING_DATASETS: ListSpec<Dataset> = ListSpec {
    path: "training_data.datasets",
    label: "Training datasets",
    item: "Training dataset",
    section: S::TrainingData,
    level: Recommended,
    help: "Each dataset the model was trained on.",
    items: |card| &card.training_data.datasets,
    items_mut: |card| &mut card.training_data.datasets,
    fields: DATASET_FIELDS,
    item_has_content: dataset_has_content,
    item_extras: no_extras,
};

pub const EVALUATION_DATASETS: ListSpec<Dataset> = ListSpec {
    path: "evaluation_data.datasets",
    label: "Evaluation datasets",
    item: "Evaluation dataset",
    section: S::EvaluationData,
    level: Recommended,
    help: "Each dataset the results were measured on.",
    items: |card| &card.evaluation_data.datasets,
    items_mut: |card| &mut card.evaluation_data.datasets,
    fields: DATASET_FIELDS,
    item_has_content: dataset_has_content,
    item_extras: no_extras,
};

/// The metric results. Their slices are edited by a nested list of factor=value terms.
pub const RESULTS: ListSpec<MetricResult> = ListSpec {
    path: "quantitative_analysis.results",
    label: "Metrics",
    item: "Metric",
    section: S::QuantitativeAnalysis,
    level: Required,
    help: "One row per measured value. Add a slice to report a result for part of the data.",
    items: |card| &card.quantitative_analysis.results,
    items_mut: |card| &mut card.quantitative_analysis.results,
    fields: &[
        item_text(
            "metric",
            "Name",
            Line,
            "The metric, e.g. accuracy.",
            |r: &MetricResult| &r.metric,
            |r| &mut r.metric,
        ),
        item_text(
            "value",
            "Value",
            Line,
            "The measured value.",
            |r: &MetricResult| &r.value,
            |r| &mut r.value,
        ),
        item_text(
            "dataset",
            "Dataset",
            Line,
            "The dataset it was measured on.",
            |r: &MetricResult| &r.dataset,
            |r| &mut r.dataset,
        ),
        item_text(
            "split",
            "Split",
            Line,
            "The dataset split, e.g. test.",
            |r: &MetricResult| &r.split,
            |r| &mut r.split,
        ),
        item_text(
            "ci_lower",
            "CI lower",
            Line,
            "Lower bound of the confidence interval.",
            |r: &MetricResult| &r.ci_lower,
            |r| &mut r.ci_lower,
        ),
        item_text(
            "ci_upper",
            "CI upper",
            Line,
            "Upper bound of the confidence interval.",
            |r: &MetricResult| &r.ci_upper,
            |r| &mut r.ci_upper,
        ),
        item_text(
            "threshold",
            "Threshold",
            Line,
            "The decision threshold the value was measured at, if any.",
            |r: &MetricResult| &r.threshold,
            |r| &mut r.threshold,
        ),
    ],
    item_has_content: |result| has_content(&result.metric) && has_content(&result.value),
    item_extras: |result| {
        let terms = result.slice.iter().filter(|t| !t.is_blank()).count();
        let slice = if terms == 0 { String::new() } else { result.slice_label() };
        vec![("slice", "slice", slice)]
    },
};

pub const RISKS: ListSpec<Risk> = ListSpec {
    path: "ethical_considerations.risks",
    label: "Risks",
    item: "Risk",
    section: S::EthicalConsiderations,
    level: Recommended,
    help: "Each ethical risk, with what was done or should be done about it.",
    items: |card| &card.ethical_considerations.risks,
    items_mut: |card| &mut card.ethical_considerations.risks,
    fields: &[
        item_text(
            "risk",
            "Risk",
            Markdown,
            "Who could be harmed, and how.",
            |r: &Risk| &r.risk,
            |r| &mut r.risk,
        ),
        item_text(
            "mitigation",
            "Mitigation",
            Markdown,
            "What reduces the risk.",
            |r: &Risk| &r.mitigation,
            |r| &mut r.mitigation,
        ),
    ],
    item_has_content: |risk| has_content(&risk.risk),
    item_extras: no_extras,
};

pub const CUSTOM_SECTIONS: ListSpec<CustomSection> = ListSpec {
    path: "custom_sections",
    label: "Custom sections",
    item: "Section",
    section: S::CustomSections,
    level: Optional,
    help: "Titled sections of your own.",
    items: |card| &card.custom_sections,
    items_mut: |card| &mut card.custom_sections,
    fields: &[
        item_text(
            "title",
            "Title",
            Line,
            "The section heading.",
            |s: &CustomSection| &s.title,
            |s| &mut s.title,
        ),
        item_text(
            "body",
            "Text",
            Markdown,
            "The section's text, in Markdown.",
            |s: &CustomSection| &s.body,
            |s| &mut s.body,
        ),
    ],
    item_has_content: |section| has_content(&section.title) || has_content(&section.body),
    item_extras: no_extras,
};

/// Every list, for completeness.
pub const LISTS: &[&dyn ListInfo] =
    &[&OWNERS, &TRAINING_DATASETS, &EVALUATION_DATASETS, &RESULTS, &RISKS, &CUSTOM_SECTIONS];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_field_reads_what_it_writes() {
        let mut card = Card::default();
        for field in ALL {
            match field.access {
                Access::Text(_, get_mut) => *get_mut(&mut card) = field.path.to_owned(),
                Access::List(_, get_mut) => *get_mut(&mut card) = vec![field.path.to_owned()],
            }
        }
        for field in ALL {
            match field.access {
                Access::Text(get, _) => assert_eq!(get(&card), field.path),
                Access::List(get, _) => assert_eq!(get(&card), &[field.path]),
            }
        }
    }

    #[test]
    fn paths_are_unique_and_name_the_json_field() {
        let card = serde_json::to_value(Card::default()).unwrap();
        let mut paths: Vec<&str> =
            ALL.iter().map(|f| f.path).chain(LISTS.iter().map(|l| l.path())).collect();
        for path in &paths {
            let pointer = format!("/{}", path.replace('.', "/"));
            assert!(card.pointer(&pointer).is_some(), "{path} is not a field of the card");
        }
        let count = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), count);
    }

    #[test]
    fn every_section_has_something_to_edit() {
        for section in SECTIONS {
            let fields = in_section(section.id).count();
            let lists = LISTS.iter().filter(|l| l.section() == section.id).count();
            assert!(fields + lists > 0, "{} is empty", section.title);
        }
    }

    #[test]
    fn the_issue_names_exactly_these_required_fields() {
        let mut required: Vec<&str> = ALL
            .iter()
            .filter(|f| f.level == Required && f.shown_if.is_none())
            .map(|f| f.label)
            .chain(LISTS.iter().filter(|l| l.level() == Required).map(|l| l.label()))
            .collect();
        required.sort_unstable();
        assert_eq!(
            required,
            [
                "Contact",
                "Description",
                "Licence",
                "Limitations",
                "Metrics",
                "Name",
                "Out-of-scope uses",
                "Primary intended uses",
                "Version"
            ]
        );
    }

    #[test]
    fn item_fields_have_accessible_names_that_contain_their_labels() {
        let names: Vec<String> =
            RESULTS.fields.iter().map(|f| f.accessible_name(RESULTS.item, 1)).collect();
        assert_eq!(
            names,
            [
                "Metric 1 name",
                "Metric 1 value",
                "Metric 1 dataset",
                "Metric 1 split",
                "Metric 1 CI lower",
                "Metric 1 CI upper",
                "Metric 1 threshold"
            ]
        );
        assert_eq!(
            TRAINING_DATASETS.fields[1].accessible_name("Training dataset", 2),
            "Training dataset 2 link or Hub id"
        );
    }

    #[test]
    fn the_licence_name_is_shown_only_for_other_licences() {
        let name = by_path("model_details.license.name").unwrap();
        let mut card = Card::default();
        card.model_details.license.id = "mit".into();
        assert!(!name.is_shown(&card));
        card.model_details.license.id = "other".into();
        assert!(name.is_shown(&card));
    }
}
