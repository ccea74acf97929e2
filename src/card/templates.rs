//! Templates for a new card. Their example text is wrapped as `[[Example: …]]`, so the
//! user sees what to write and the completeness score never counts it.

use super::fields::{self, Access, FieldKind};
use super::{
    Card, CustomSection, Dataset, MetricResult, Owner, Risk, SliceTerm, example_text as ex,
};

/// A starting point for a new card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    Blank,
    Quick,
    Full,
    TextClassification,
    LargeLanguageModel,
}

impl Template {
    pub const ALL: [Template; 5] =
        [Self::Blank, Self::Quick, Self::Full, Self::TextClassification, Self::LargeLanguageModel];

    /// A stable id, for the CLI's `--template` and the UI.
    pub fn id(self) -> &'static str {
        match self {
            Self::Blank => "blank",
            Self::Quick => "quick",
            Self::Full => "full",
            Self::TextClassification => "text-classification",
            Self::LargeLanguageModel => "llm",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Blank => "Blank",
            Self::Quick => "Quick",
            Self::Full => "Full",
            Self::TextClassification => "Text classification",
            Self::LargeLanguageModel => "Large language model",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Blank => "An empty card.",
            Self::Quick => {
                "The four facts a pipeline knows: name, version, metrics and limitations."
            }
            Self::Full => "Every section, each with example text to replace.",
            Self::TextClassification => {
                "A classifier of text, such as sentiment or topic, with the usual sections filled in."
            }
            Self::LargeLanguageModel => {
                "A generative language model, with the risks such models carry."
            }
        }
    }

    pub fn card(self) -> Card {
        match self {
            Self::Blank => Card::default(),
            Self::Quick => quick(),
            Self::Full => full(),
            Self::TextClassification => text_classification(),
            Self::LargeLanguageModel => large_language_model(),
        }
    }
}

fn quick() -> Card {
    let mut card = Card::default();
    card.model_details.name = ex("ImageClassifier");
    card.model_details.version.name = ex("1.0");
    card.quantitative_analysis.results = vec![MetricResult::new(ex("accuracy"), ex("0.92"))];
    card.bias_risks_limitations.limitations = ex("May misclassify rare images.");
    card
}

/// Every text field holds the registry's own example; every list has one example item.
fn full() -> Card {
    let mut card = Card::default();
    for field in fields::ALL {
        // A date input cannot show example text, and the licence is picked from a list.
        if matches!(field.kind, FieldKind::Date | FieldKind::License | FieldKind::List) {
            continue;
        }
        if let Access::Text(_, get_mut) = field.access {
            *get_mut(&mut card) = ex(field.example);
        }
    }
    let details = &mut card.model_details;
    details.owners = vec![Owner { name: ex("Example Labs"), contact: ex("ml-team@example.org") }];
    let dataset = |name: &str, split: &str| Dataset {
        name: ex(name),
        link: ex("https://example.org/data"),
        description: ex("2 million product photos from 2020 to 2025."),
        motivation: ex("It covers every catalogue category."),
        preprocessing: ex("Photos resized to 224×224."),
        split: ex(split),
        sensitive: false,
        sensitive_notes: String::new(),
        graphics: Vec::new(),
    };
    card.training_data.datasets = vec![dataset("Example product photos", "train")];
    card.evaluation_data.datasets = vec![dataset("Example product photos", "test")];
    card.quantitative_analysis.results = vec![
        MetricResult {
            dataset: ex("Example product photos"),
            split: ex("test"),
            ..MetricResult::new(ex("accuracy"), ex("0.92"))
        },
        MetricResult {
            slice: vec![SliceTerm::new(ex("lighting"), ex("night"))],
            ..MetricResult::new(ex("accuracy"), ex("0.81"))
        },
    ];
    card.ethical_considerations.risks = vec![Risk {
        risk: ex("Mislabelled products could mislead shoppers."),
        mitigation: ex("People review low-confidence labels."),
    }];
    card.custom_sections = vec![CustomSection {
        title: ex("Deployment"),
        body: ex("Where and how the model runs."),
        level: 2,
    }];
    card
}

fn text_classification() -> Card {
    let mut card = Card::default();
    let details = &mut card.model_details;
    details.name = ex("sentiment-classifier");
    details.summary = ex("Labels English product reviews as positive, negative or neutral.");
    details.description = ex(
        "A fine-tuned DistilBERT that reads a review and returns one of three sentiment labels with a score.",
    );
    details.model_type = "Text classification".into();
    details.architecture = ex("DistilBERT with a classification head");
    details.version.name = ex("1.0");
    details.languages = vec!["en".into()];
    details.base_models = vec![ex("distilbert-base-uncased")];
    card.intended_use.direct_use =
        ex("Sorting customer reviews by sentiment for analysis dashboards.");
    card.intended_use.out_of_scope_use = ex(
        "Decisions about individual people; languages other than English; sarcasm-heavy or very short texts.",
    );
    card.factors.relevant_factors = ex("Text domain, text length, dialect and informal language.");
    card.factors.evaluation_factors =
        ex("Results are reported by text length, because short reviews are harder.");
    card.metrics.performance_measures =
        ex("Accuracy and macro-F1, because the classes are imbalanced.");
    card.quantitative_analysis.results = vec![
        MetricResult::new(ex("accuracy"), ex("0.91")),
        MetricResult::new(ex("f1"), ex("0.88")),
        MetricResult {
            slice: vec![SliceTerm::new(ex("length"), ex("under 10 words"))],
            ..MetricResult::new(ex("f1"), ex("0.79"))
        },
    ];
    card.bias_risks_limitations.limitations = ex(
        "Struggles with sarcasm and negation; may rate dialects and non-standard English as more negative.",
    );
    card.get_started.language = "python".into();
    card.get_started.code =
        "from transformers import pipeline\n\nclassifier = pipeline(\"text-classification\", model=\"REPLACE/with-your-model-id\")\nprint(classifier(\"I love this product!\"))\n".into();
    card.hf_metadata.pipeline_tag = "text-classification".into();
    card.hf_metadata.library_name = "transformers".into();
    card.hf_metadata.metrics = vec!["accuracy".into(), "f1".into()];
    card
}

fn large_language_model() -> Card {
    let mut card = Card::default();
    let details = &mut card.model_details;
    details.name = ex("example-llm-7b");
    details.summary = ex("A 7-billion-parameter model that continues and answers text in English.");
    details.description =
        ex("A decoder-only transformer pre-trained on web text and tuned to follow instructions.");
    details.model_type = "Large language model".into();
    details.architecture = ex("Decoder-only transformer, 32 layers");
    details.version.name = ex("1.0");
    card.intended_use.direct_use =
        ex("Drafting and summarising text, with a person checking the output.");
    card.intended_use.downstream_use = ex("Fine-tuning for assistants in a specific domain.");
    card.intended_use.out_of_scope_use = ex(
        "Medical, legal or financial advice; decisions about people; any use without human review of the output.",
    );
    card.bias_risks_limitations.limitations = ex(
        "Produces fluent text that can be false (hallucination); reflects biases and stereotypes in web text; knows nothing after its training cut-off.",
    );
    card.bias_risks_limitations.recommendations =
        ex("Check facts in the output; do not use it where errors can harm people.");
    card.ethical_considerations.risks = vec![
        Risk {
            risk: ex("Confident but false statements."),
            mitigation: ex("Show users that output may be wrong; cite sources."),
        },
        Risk {
            risk: ex("Harmful or toxic text on request."),
            mitigation: ex("Safety tuning and an output filter."),
        },
        Risk {
            risk: ex("Memorised personal data from training text."),
            mitigation: ex("De-duplication and PII filtering of the training data."),
        },
    ];
    card.quantitative_analysis.results = vec![
        MetricResult { dataset: ex("MMLU"), ..MetricResult::new(ex("accuracy"), ex("0.62")) },
        MetricResult { dataset: ex("TruthfulQA"), ..MetricResult::new(ex("mc2"), ex("0.45")) },
    ];
    card.environmental_impact.hardware_type = ex("256× NVIDIA H100");
    card.get_started.language = "python".into();
    card.get_started.code = "from transformers import AutoModelForCausalLM, AutoTokenizer\n\nmodel_id = \"REPLACE/with-your-model-id\"\ntokenizer = AutoTokenizer.from_pretrained(model_id)\nmodel = AutoModelForCausalLM.from_pretrained(model_id)\n".into();
    card.hf_metadata.pipeline_tag = "text-generation".into();
    card.hf_metadata.library_name = "transformers".into();
    card
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::completeness::Completeness;
    use crate::card::has_example;

    #[test]
    fn ids_round_trip() {
        for template in Template::ALL {
            assert_eq!(Template::from_id(template.id()), Some(template));
        }
        assert_eq!(Template::from_id("nope"), None);
    }

    #[test]
    fn blank_is_the_default_card() {
        assert_eq!(Template::Blank.card(), Card::default());
    }

    #[test]
    fn quick_holds_the_seeds_four_fields_as_examples() {
        let card = Template::Quick.card();
        assert!(has_example(&card.model_details.name));
        assert!(has_example(&card.model_details.version.name));
        assert_eq!(card.quantitative_analysis.results.len(), 1);
        assert!(has_example(&card.bias_risks_limitations.limitations));
        assert_eq!(Completeness::assess(&card).percent(), 0);
    }

    #[test]
    fn full_fills_every_section_with_examples_only() {
        let card = Template::Full.card();
        let score = Completeness::assess(&card);
        for section in &score.sections {
            for missing in &section.missing {
                let list = fields::LISTS.iter().any(|l| l.path() == missing.path);
                let picked = missing.path == "model_details.license.id"
                    || missing.path == "model_details.version.date";
                assert!(missing.has_example || list || picked, "{} has no example", missing.path);
            }
        }
        // Every counted item is missing: examples are not content.
        assert_eq!(score.filled(), 0);
    }

    #[test]
    fn task_templates_set_their_hub_task() {
        assert_eq!(
            Template::TextClassification.card().hf_metadata.pipeline_tag,
            "text-classification"
        );
        assert_eq!(Template::LargeLanguageModel.card().hf_metadata.pipeline_tag, "text-generation");
    }
}
