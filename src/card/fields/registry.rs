//! Every text field of the card, in editor order: the sections' own fields, not the lists
//! of items (those are `lists.rs`).

use super::FieldKind::{Code, Date, License, Markdown};
use super::{Access, Card, FieldSpec, SectionId, SectionId as S};

/// A text field's JSON path and accessors, written once as the field's path in [`Card`], so
/// the path a message names and the field the editor changes cannot drift apart.
macro_rules! text {
    ($first:ident $(. $rest:ident)*) => {
        (
            concat!(stringify!($first) $(, ".", stringify!($rest))*),
            Access::Text(|card| &card.$first $(.$rest)*, |card| &mut card.$first $(.$rest)*),
        )
    };
}

/// The same for a field that holds a list of short strings.
macro_rules! list {
    ($first:ident $(. $rest:ident)*) => {
        (
            concat!(stringify!($first) $(, ".", stringify!($rest))*),
            Access::List(|card| &card.$first $(.$rest)*, |card| &mut card.$first $(.$rest)*),
        )
    };
}

/// The licence's name and link are asked for only when the licence is not one the Hub knows.
fn other_licence(card: &Card) -> bool {
    card.model_details.license.is_other()
}

pub const NAME: FieldSpec = FieldSpec::new(S::ModelDetails, "Name", text!(model_details.name))
    .required()
    .help("The model's name as people will search for it.")
    .example("ImageClassifier");

pub const VERSION: FieldSpec =
    FieldSpec::new(S::ModelDetails, "Version", text!(model_details.version.name))
        .required()
        .help("Which release this card describes. Results and limits change between versions.")
        .example("1.0");

pub const DESCRIPTION: FieldSpec =
    FieldSpec::new(S::ModelDetails, "Description", text!(model_details.description))
        .required()
        .kind(Markdown)
        .help("A few sentences on what the model does, how, and for whom. Most readers stop here.")
        .example("A convolutional network that labels product photos with one of 120 categories.");

pub const LICENSE: FieldSpec = FieldSpec::new(
    S::ModelDetails,
    "Licence",
    text!(model_details.license.id),
)
.required()
.kind(License)
.help("The terms under which others may use the model. Pick \"Other\" for a licence not listed.")
.example("apache-2.0");

pub const CONTACT: FieldSpec =
    FieldSpec::new(S::ModelDetails, "Contact", text!(model_details.contact))
        .required()
        .help("Where to send questions or reports of problems with the model.")
        .example("ml-team@example.org");

pub const DIRECT_USE: FieldSpec =
    FieldSpec::new(S::IntendedUse, "Primary intended uses", text!(intended_use.direct_use))
        .required()
        .kind(Markdown)
        .help("What the model is for, used as it is. Users check their use against this.")
        .example("Sorting product photos into catalogue categories.");

pub const OUT_OF_SCOPE_USE: FieldSpec = FieldSpec::new(
    S::IntendedUse,
    "Out-of-scope uses",
    text!(intended_use.out_of_scope_use),
)
.required()
.kind(Markdown)
.help("Uses the model is not fit for or must not be put to. This protects people from misuse.")
.example("Identifying people; medical images.");

pub const LIMITATIONS: FieldSpec = FieldSpec::new(
    S::BiasRisksLimitations,
    "Limitations",
    text!(bias_risks_limitations.limitations),
)
.required()
.kind(Markdown)
.help("Known biases, risks and failure modes, technical and social. Honest limits build trust.")
.example("May misclassify rare images, and photos taken in low light.");

/// Every field, in editor order.
pub const ALL: &[FieldSpec] = &[
    // Model details
    NAME,
    FieldSpec::new(S::ModelDetails, "Summary", text!(model_details.summary))
        .recommended()
        .help("One line on what the model is and does; shown under the name.")
        .example("A product-photo classifier for 120 catalogue categories."),
    // Shown when a README had one: a card made here rarely needs one.
    FieldSpec::new(S::ModelDetails, "Banner", text!(model_details.banner))
        .kind(Markdown)
        .help("What the README shows before its title: a logo, badges, links (Markdown).")
        .example("[Paper](https://example.org/paper) · [Demo](https://example.org/demo)")
        .shown_if(|card| !card.model_details.banner.trim().is_empty()),
    DESCRIPTION,
    FieldSpec::new(S::ModelDetails, "Model type", text!(model_details.model_type))
        .recommended()
        .help("The kind of model, so readers know what to expect of it.")
        .example("Image classification"),
    FieldSpec::new(S::ModelDetails, "Architecture", text!(model_details.architecture))
        .help("The network or algorithm, in a few words.")
        .example("ResNet-50"),
    VERSION,
    FieldSpec::new(S::ModelDetails, "Version date", text!(model_details.version.date))
        .recommended()
        .kind(Date)
        .help("When this version was released.")
        .example("2026-11-01"),
    FieldSpec::new(S::ModelDetails, "Changes in this version", text!(model_details.version.changes))
        .kind(Markdown)
        .help("What changed since the previous version, so users know whether to upgrade.")
        .example("Retrained on 20% more night-time photos; accuracy +1.5 points."),
    FieldSpec::new(S::ModelDetails, "Funded by", text!(model_details.funded_by))
        .help("Who paid for the work. Funding can shape choices, so readers like to know.")
        .example("Example Research Fund"),
    FieldSpec::new(S::ModelDetails, "Shared by", text!(model_details.shared_by))
        .help("Who published the model, if not its developers.")
        .example("Example Labs"),
    LICENSE,
    FieldSpec::new(S::ModelDetails, "Licence name", text!(model_details.license.name))
        .required()
        .help("The name of the licence, since it is not one the Hub knows.")
        .example("Example Model Licence 1.0")
        .shown_if(other_licence),
    FieldSpec::new(S::ModelDetails, "Licence link", text!(model_details.license.link))
        .recommended()
        .help("Where the licence text can be read.")
        .example("https://example.org/licence")
        .shown_if(other_licence),
    FieldSpec::new(S::ModelDetails, "Languages", list!(model_details.languages))
        .help("Natural languages the model handles, as ISO codes, separated by commas.")
        .example("en, fr"),
    FieldSpec::new(S::ModelDetails, "Base models", list!(model_details.base_models))
        .help("The models this one was fine-tuned or derived from, separated by commas.")
        .example("microsoft/resnet-50"),
    FieldSpec::new(S::ModelDetails, "Repository", text!(model_details.links.repository))
        .help("Where the code or weights live.")
        .example("https://github.com/example/image-classifier"),
    FieldSpec::new(S::ModelDetails, "Paper", text!(model_details.links.paper))
        .help("A paper or report that describes the model.")
        .example("https://arxiv.org/abs/1512.03385"),
    FieldSpec::new(S::ModelDetails, "Demo", text!(model_details.links.demo))
        .help("A place to try the model.")
        .example("https://example.org/demo"),
    FieldSpec::new(S::ModelDetails, "Citation (BibTeX)", text!(model_details.citation.bibtex))
        .kind(Code)
        .help("How to cite the model, as BibTeX.")
        .example("@misc{imageclassifier2026, title={ImageClassifier}, year={2026}}"),
    FieldSpec::new(S::ModelDetails, "Citation (APA)", text!(model_details.citation.apa))
        .help("How to cite the model, in APA style.")
        .example("Example Labs. (2026). ImageClassifier (Version 1.0)."),
    CONTACT,
    // Intended use
    DIRECT_USE,
    FieldSpec::new(S::IntendedUse, "Downstream uses", text!(intended_use.downstream_use))
        .kind(Markdown)
        .help("Uses after fine-tuning or as part of a larger system.")
        .example("A starting point for fine-tuning on other photo catalogues."),
    FieldSpec::new(S::IntendedUse, "Primary intended users", text!(intended_use.primary_users))
        .recommended()
        .kind(Markdown)
        .help("Who the model was built for. Others should read the limits with extra care.")
        .example("Catalogue teams at online shops."),
    OUT_OF_SCOPE_USE,
    // Factors
    FieldSpec::new(S::Factors, "Relevant factors", text!(factors.relevant_factors))
        .recommended()
        .kind(Markdown)
        .help("Groups, instruments and environments that could change how well the model works.")
        .example("Lighting, camera type, product category."),
    FieldSpec::new(S::Factors, "Evaluation factors", text!(factors.evaluation_factors))
        .recommended()
        .kind(Markdown)
        .help("Which of those factors the results below are broken down by, and why those.")
        .example("Results are reported by lighting (day, night) because night photos were rare in training."),
    // Metrics
    FieldSpec::new(S::Metrics, "Performance measures", text!(metrics.performance_measures))
        .recommended()
        .kind(Markdown)
        .help("Which metrics are reported and why they fit the task.")
        .example("Top-1 accuracy, because each photo has exactly one category."),
    FieldSpec::new(S::Metrics, "Decision thresholds", text!(metrics.decision_thresholds))
        .kind(Markdown)
        .help("Thresholds used to turn scores into decisions, and why they were chosen.")
        .example("Predictions under 0.6 confidence are sent to a person."),
    FieldSpec::new(S::Metrics, "Uncertainty and variation", text!(metrics.variation_approaches))
        .kind(Markdown)
        .help("How uncertainty in the numbers is measured and reported.")
        .example("95% bootstrap confidence intervals over 1,000 resamples."),
    // Training data and evaluation data: their datasets are lists; these are the notes.
    FieldSpec::new(S::TrainingData, "Training data notes", text!(training_data.notes))
        .kind(Markdown)
        .help("Anything about the training data as a whole that the dataset entries do not say.")
        .example("Photos were de-duplicated across all sources."),
    FieldSpec::new(S::EvaluationData, "Evaluation data notes", text!(evaluation_data.notes))
        .kind(Markdown)
        .help("Anything about the evaluation data as a whole that the dataset entries do not say.")
        .example("The test set was collected a year after the training set."),
    // Training procedure
    FieldSpec::new(S::TrainingProcedure, "Learning approach", text!(training_procedure.learning_approach))
        .help("How the model learned: supervised, unsupervised, reinforcement-learning, semi-supervised or self-supervised (the words CycloneDX uses).")
        .example("supervised"),
    FieldSpec::new(S::TrainingProcedure, "Preprocessing", text!(training_procedure.preprocessing))
        .kind(Markdown)
        .help("How inputs were cleaned or transformed before training.")
        .example("Images resized to 224×224 and normalised."),
    FieldSpec::new(S::TrainingProcedure, "Training regime", text!(training_procedure.training_regime))
        .help("The numeric precision used in training.")
        .example("fp16 mixed precision"),
    FieldSpec::new(S::TrainingProcedure, "Hyperparameters", text!(training_procedure.hyperparameters))
        .kind(Markdown)
        .help("The settings that matter for reproducing the training.")
        .example("Learning rate 1e-4, batch size 256, 30 epochs."),
    FieldSpec::new(S::TrainingProcedure, "Speeds, sizes, times", text!(training_procedure.speeds_sizes_times))
        .kind(Markdown)
        .help("Throughput, checkpoint size, training time.")
        .example("6 hours on 8 GPUs; 98 MB checkpoint."),
    // Quantitative analyses
    FieldSpec::new(S::QuantitativeAnalysis, "Results summary", text!(quantitative_analysis.summary))
        .recommended()
        .kind(Markdown)
        .help("What the results mean, in words, including where the model does worse.")
        .example("Accuracy is 0.92 overall but 0.81 on night photos."),
    // Bias, risks and limitations
    LIMITATIONS,
    FieldSpec::new(S::BiasRisksLimitations, "Recommendations", text!(bias_risks_limitations.recommendations))
        .recommended()
        .kind(Markdown)
        .help("What users should do about the risks and limits above.")
        .example("Review low-confidence predictions by hand."),
    // Ethical considerations
    FieldSpec::new(S::EthicalConsiderations, "Ethical notes", text!(ethical_considerations.notes))
        .kind(Markdown)
        .help("Ethical points that are not a single risk with a mitigation.")
        .example("No personal data was used."),
    // Caveats
    FieldSpec::new(S::Caveats, "Caveats and recommendations", text!(caveats_and_recommendations))
        .recommended()
        .kind(Markdown)
        .help("Concerns not covered elsewhere, e.g. untested groups or settings.")
        .example("Not tested on photos from phones older than 2018."),
    // Environmental impact
    FieldSpec::new(S::EnvironmentalImpact, "Hardware type", text!(environmental_impact.hardware_type))
        .help("The accelerators used for training.")
        .example("8× NVIDIA A100"),
    FieldSpec::new(S::EnvironmentalImpact, "Hours used", text!(environmental_impact.hours_used))
        .help("Total training time.")
        .example("6"),
    FieldSpec::new(S::EnvironmentalImpact, "Cloud provider", text!(environmental_impact.cloud_provider))
        .help("Where the compute ran, if in a cloud.")
        .example("Example Cloud"),
    FieldSpec::new(S::EnvironmentalImpact, "Compute region", text!(environmental_impact.compute_region))
        .help("The region, which sets the carbon intensity of the power.")
        .example("europe-west4"),
    FieldSpec::new(S::EnvironmentalImpact, "Carbon emitted", text!(environmental_impact.co2_emitted))
        .help("Estimated emissions in kg CO2eq, e.g. from the ML CO2 Impact calculator.")
        .example("12.5"),
    FieldSpec::new(S::EnvironmentalImpact, "Energy used", text!(environmental_impact.energy_consumed))
        .help("The energy the training used, in kWh, e.g. from CodeCarbon. A CycloneDX ML-BOM records the carbon with it.")
        .example("52"),
    // Technical specifications
    FieldSpec::new(S::TechnicalSpecifications, "Architecture and objective", text!(technical_specifications.architecture_and_objective))
        .kind(Markdown)
        .help("The architecture in detail and the training objective.")
        .example("ResNet-50 trained with cross-entropy loss."),
    FieldSpec::new(S::TechnicalSpecifications, "Input formats", list!(technical_specifications.inputs))
        .help("The kinds of data the model takes, comma-separated.")
        .example("image"),
    FieldSpec::new(S::TechnicalSpecifications, "Output formats", list!(technical_specifications.outputs))
        .help("The kinds of data the model gives back, comma-separated.")
        .example("label, score"),
    FieldSpec::new(S::TechnicalSpecifications, "Compute hardware", text!(technical_specifications.hardware))
        .kind(Markdown)
        .help("The hardware the model was trained and is served on.")
        .example("Trained on 8× A100; runs on one CPU core."),
    FieldSpec::new(S::TechnicalSpecifications, "Compute software", text!(technical_specifications.software))
        .kind(Markdown)
        .help("Frameworks and versions.")
        .example("PyTorch 2.4, torchvision 0.19"),
    // How to get started
    FieldSpec::new(S::GetStarted, "Code language", text!(get_started.language))
        .help("The language of the sample, for highlighting.")
        .example("python"),
    FieldSpec::new(S::GetStarted, "Code", text!(get_started.code))
        .recommended()
        .kind(Code)
        .help("The shortest code that loads the model and runs it once.")
        .example("model = load(\"imageclassifier\"); model.predict(\"photo.jpg\")"),
    // More information
    FieldSpec::new(S::MoreInformation, "Glossary", text!(more.glossary))
        .kind(Markdown)
        .help("Terms a reader may not know.")
        .example("**Top-1 accuracy:** the share of photos whose best guess is right."),
    FieldSpec::new(S::MoreInformation, "More information", text!(more.more_information))
        .kind(Markdown)
        .help("Where to learn more.")
        .example("See the project wiki."),
    FieldSpec::new(S::MoreInformation, "Card authors", text!(more.card_authors))
        .help("Who wrote this card.")
        .example("A. Author, B. Reviewer"),
    FieldSpec::new(S::MoreInformation, "Card contact", text!(more.card_contact))
        .help("Where to send questions about the card itself.")
        .example("docs@example.org"),
    // Hugging Face metadata
    FieldSpec::new(S::HfMetadata, "Tags", list!(hf_metadata.tags))
        .help("Hub tags, separated by commas. They help people find the model.")
        .example("image-classification, vision"),
    FieldSpec::new(S::HfMetadata, "Dataset ids", list!(hf_metadata.datasets))
        .help("Hub ids of the datasets used, separated by commas.")
        .example("imagenet-1k"),
    FieldSpec::new(S::HfMetadata, "Metric ids", list!(hf_metadata.metrics))
        .help("Hub ids of the metrics used, separated by commas.")
        .example("accuracy"),
    FieldSpec::new(S::HfMetadata, "Pipeline tag", text!(hf_metadata.pipeline_tag))
        .help("The Hub task, which picks the inference widget.")
        .example("image-classification"),
    FieldSpec::new(S::HfMetadata, "Library name", text!(hf_metadata.library_name))
        .help("The library that loads the model.")
        .example("transformers"),
    FieldSpec::new(S::HfMetadata, "Other metadata (YAML)", text!(hf_metadata.extra_yaml))
        .kind(Code)
        .help("Any other front-matter keys (widget, gating, your own), kept exactly as written.")
        .example("widget:\n- src: photo.jpg"),
];

/// The fields of one section, in editor order.
pub fn in_section(section: SectionId) -> impl Iterator<Item = &'static FieldSpec> {
    ALL.iter().filter(move |field| field.section == section)
}

/// The field with this path, if any.
pub fn by_path(path: &str) -> Option<&'static FieldSpec> {
    ALL.iter().find(|field| field.path == path)
}
