//! The lists of items in the card (owners, datasets, results, risks, custom sections), each
//! with the fields of one item.

use super::FieldKind::Markdown;
use super::{Card, ItemAccess, ItemField, ListInfo, ListSpec, SectionId as S};
use crate::card::{
    CustomSection, Dataset, FairnessAssessment, MetricResult, Owner, Risk, has_content,
};

/// A list's JSON path and accessors, written once as the list's path in [`Card`].
macro_rules! items {
    ($first:ident $(. $rest:ident)*) => {
        (
            concat!(stringify!($first) $(, ".", stringify!($rest))*),
            |card: &Card| &card.$first $(.$rest)*,
            |card: &mut Card| &mut card.$first $(.$rest)*,
        )
    };
}

/// An item's text field: its key and accessors, written once as the field's name.
macro_rules! text_of {
    ($item:ty, $field:ident) => {
        (
            stringify!($field),
            ItemAccess::Text(|item: &$item| &item.$field, |item: &mut $item| &mut item.$field),
        )
    };
}

/// An item's yes/no field, the same way.
macro_rules! flag_of {
    ($item:ty, $field:ident) => {
        (
            stringify!($field),
            ItemAccess::Flag(|item: &$item| item.$field, |item: &mut $item| &mut item.$field),
        )
    };
}

pub const OWNERS: ListSpec<Owner> = ListSpec::new(
    S::ModelDetails,
    "Developers and owners",
    "Owner",
    items!(model_details.owners),
    &[
        ItemField::new("Name", text_of!(Owner, name)).help("A person or an organisation."),
        ItemField::new("Contact", text_of!(Owner, contact))
            .help("An e-mail address or a web page."),
    ],
    |owner| has_content(&owner.name),
)
.recommended()
.help("The people or organisations who built the model and answer for it.");

const DATASET_FIELDS: &[ItemField<Dataset>] = &[
    ItemField::new("Name", text_of!(Dataset, name)).help("The dataset's name."),
    ItemField::new("Link or Hub id", text_of!(Dataset, link))
        .help("A URL, or a Hugging Face dataset id such as imagenet-1k."),
    ItemField::new("Description", text_of!(Dataset, description))
        .kind(Markdown)
        .help("What the data is: source, size, time span."),
    ItemField::new("Motivation", text_of!(Dataset, motivation))
        .kind(Markdown)
        .help("Why this dataset was chosen."),
    ItemField::new("Preprocessing", text_of!(Dataset, preprocessing))
        .kind(Markdown)
        .help("What was done to the data before use."),
    ItemField::new("Split", text_of!(Dataset, split))
        .help("Which part of the dataset, e.g. train or test."),
    ItemField::new("Contains sensitive data", flag_of!(Dataset, sensitive))
        .help("Personal, health, biometric or other sensitive data."),
    ItemField::new("Sensitive data notes", text_of!(Dataset, sensitive_notes))
        .kind(Markdown)
        .help("What is sensitive and how it was protected."),
];

fn dataset_has_content(dataset: &Dataset) -> bool {
    has_content(&dataset.name) || has_content(&dataset.description)
}

pub const TRAINING_DATASETS: ListSpec<Dataset> = ListSpec::new(
    S::TrainingData,
    "Training datasets",
    "Training dataset",
    items!(training_data.datasets),
    DATASET_FIELDS,
    dataset_has_content,
)
.recommended()
.help("Each dataset the model was trained on.");

pub const EVALUATION_DATASETS: ListSpec<Dataset> = ListSpec::new(
    S::EvaluationData,
    "Evaluation datasets",
    "Evaluation dataset",
    items!(evaluation_data.datasets),
    DATASET_FIELDS,
    dataset_has_content,
)
.recommended()
.help("Each dataset the results were measured on.");

/// The metric results. Their slices are edited by a nested list of factor=value terms.
pub const RESULTS: ListSpec<MetricResult> = ListSpec::new(
    S::QuantitativeAnalysis,
    "Metrics",
    "Metric",
    items!(quantitative_analysis.results),
    &[
        ItemField::new("Name", text_of!(MetricResult, metric)).help("The metric, e.g. accuracy."),
        ItemField::new("Value", text_of!(MetricResult, value)).help("The measured value."),
        ItemField::new("Dataset", text_of!(MetricResult, dataset))
            .help("The dataset it was measured on."),
        ItemField::new("Split", text_of!(MetricResult, split))
            .help("The dataset split, e.g. test."),
        ItemField::new("CI lower", text_of!(MetricResult, ci_lower))
            .help("Lower bound of the confidence interval."),
        ItemField::new("CI upper", text_of!(MetricResult, ci_upper))
            .help("Upper bound of the confidence interval."),
        ItemField::new("Threshold", text_of!(MetricResult, threshold))
            .help("The decision threshold the value was measured at, if any."),
    ],
    |result| has_content(&result.metric) && has_content(&result.value),
)
.required()
.help("One row per measured value. Add a slice to report a result for part of the data.")
.extras(|result| {
    let terms = result.slice.iter().filter(|t| !t.is_blank()).count();
    let slice = if terms == 0 { String::new() } else { result.slice_label() };
    vec![("slice", "slice", slice)]
});

pub const RISKS: ListSpec<Risk> = ListSpec::new(
    S::EthicalConsiderations,
    "Risks",
    "Risk",
    items!(ethical_considerations.risks),
    &[
        ItemField::new("Risk", text_of!(Risk, risk))
            .kind(Markdown)
            .help("Who could be harmed, and how."),
        ItemField::new("Mitigation", text_of!(Risk, mitigation))
            .kind(Markdown)
            .help("What reduces the risk."),
    ],
    |risk| has_content(&risk.risk),
)
.recommended()
.help("Each ethical risk, with what was done or should be done about it.");

/// CycloneDX's fairness assessments: who could be disadvantaged, and what is done about it.
pub const FAIRNESS_ASSESSMENTS: ListSpec<FairnessAssessment> = ListSpec::new(
    S::EthicalConsiderations,
    "Fairness assessments",
    "Fairness assessment",
    items!(ethical_considerations.fairness_assessments),
    &[
        ItemField::new("Group at risk", text_of!(FairnessAssessment, group_at_risk))
            .help("People who could be systematically disadvantaged by the model."),
        ItemField::new("Benefits", text_of!(FairnessAssessment, benefits))
            .kind(Markdown)
            .help("What the group gains from the model."),
        ItemField::new("Harms", text_of!(FairnessAssessment, harms))
            .kind(Markdown)
            .help("What the group could lose or suffer."),
        ItemField::new("Mitigation", text_of!(FairnessAssessment, mitigation))
            .kind(Markdown)
            .help("What was done about the harms."),
    ],
    |assessment| has_content(&assessment.group_at_risk),
)
.help("Each group the model could disadvantage, with its benefits, harms and mitigation.");

pub const CUSTOM_SECTIONS: ListSpec<CustomSection> = ListSpec::new(
    S::CustomSections,
    "Custom sections",
    "Section",
    items!(custom_sections),
    &[
        ItemField::new("Title", text_of!(CustomSection, title)).help("The section heading."),
        ItemField::new("Text", text_of!(CustomSection, body))
            .kind(Markdown)
            .help("The section's text, in Markdown."),
    ],
    |section| has_content(&section.title) || has_content(&section.body),
)
.help("Titled sections of your own.");

/// Every list, for completeness.
pub const LISTS: &[&dyn ListInfo] = &[
    &OWNERS,
    &TRAINING_DATASETS,
    &EVALUATION_DATASETS,
    &RESULTS,
    &RISKS,
    &FAIRNESS_ASSESSMENTS,
    &CUSTOM_SECTIONS,
];
