//! The editor's panels: every section of the card, in the order of the section navigation,
//! with its slug (DOM id and URL fragment), title and introduction.

use super::{SectionId, SectionSpec};

pub const SECTIONS: &[SectionSpec] = &[
    MODEL_DETAILS,
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

const MODEL_DETAILS: SectionSpec = SectionSpec {
    id: SectionId::ModelDetails,
    slug: "section-model-details",
    title: "Model details",
    intro: "What the model is, who made it, and on what terms others may use it.",
};

/// The panel with this id.
pub fn section(id: SectionId) -> &'static SectionSpec {
    // Every SectionId has an entry; the fallback only keeps this total.
    SECTIONS.iter().find(|s| s.id == id).unwrap_or(&MODEL_DETAILS)
}

/// The panel with this slug, if this app has one (a review's section comment names its
/// section by slug).
pub fn section_by_slug(slug: &str) -> Option<&'static SectionSpec> {
    SECTIONS.iter().find(|s| s.slug == slug)
}
