//! Example cards: the seed's ImageClassifier, and a card with every field filled in
//! (used by the golden files, the completeness tests and the benchmarks).

use super::{
    BiasRisksLimitations, Card, Citation, CodeBlock, CustomSection, DataSection, Dataset,
    EnvironmentalImpact, EthicalConsiderations, Factors, FairnessAssessment, HfMetadata,
    IntendedUse, License, Links, MetricResult, Metrics, ModelDetails, ModelInfo, MoreInformation,
    Owner, QuantitativeAnalysis, Risk, SliceTerm, TechnicalSpecifications, TrainingProcedure,
    Version, create_model_card,
};

/// The seed's example: `create_model_card` of its `model_info`.
pub fn seed_card() -> Card {
    create_model_card(ModelInfo {
        name: "ImageClassifier".into(),
        version: "1.0".into(),
        metrics: vec![("accuracy".into(), "0.92".into())],
        limitations: "May misclassify rare images".into(),
    })
}

fn dataset(name: &str, split: &str, sensitive: bool) -> Dataset {
    Dataset {
        name: name.into(),
        link: "https://example.org/datasets/product-photos".into(),
        description:
            "2.1 million product photos taken between 2020 and 2025, one category label each."
                .into(),
        motivation: "It is the only source that covers all 120 catalogue categories.".into(),
        preprocessing: "Resized to 224×224; near-duplicates removed with perceptual hashing."
            .into(),
        split: split.into(),
        sensitive,
        sensitive_notes: if sensitive {
            "Some photos show faces; these were blurred.".into()
        } else {
            String::new()
        },
        graphics: Vec::new(),
    }
}

/// A card with every field and every list filled in with real (not example) text.
pub fn filled_card() -> Card {
    Card {
        model_details: ModelDetails {
            banner: String::new(),
            name: "ImageClassifier".into(),
            summary: "Sorts product photos into 120 catalogue categories.".into(),
            description: "A ResNet-50 fine-tuned on product photos. It returns the most likely catalogue \
                          category of a photo with a confidence score."
                .into(),
            model_type: "Image classification".into(),
            architecture: "ResNet-50".into(),
            version: Version {
                name: "1.0".into(),
                date: "2026-11-01".into(),
                changes: "First public release.".into(),
            },
            owners: vec![
                Owner { name: "Example Labs".into(), contact: "ml-team@example.org".into() },
                Owner { name: "A. Researcher".into(), contact: "https://example.org/~ar".into() },
            ],
            funded_by: "Example Research Fund".into(),
            shared_by: "Example Labs".into(),
            license: License { id: "apache-2.0".into(), name: String::new(), link: String::new() },
            languages: vec![],
            base_models: vec!["microsoft/resnet-50".into()],
            links: Links {
                repository: "https://github.com/example/image-classifier".into(),
                paper: "https://arxiv.org/abs/1512.03385".into(),
                demo: "https://example.org/demo".into(),
            },
            citation: Citation {
                bibtex: "@misc{imageclassifier2026,\n  title  = {ImageClassifier},\n  author = {Example Labs},\n  year   = {2026}\n}".into(),
                apa: "Example Labs. (2026). ImageClassifier (Version 1.0) [Computer software].".into(),
            },
            contact: "ml-team@example.org".into(),
        },
        intended_use: IntendedUse {
            direct_use: "Suggesting a catalogue category for new product photos, which a person confirms.".into(),
            downstream_use: "A starting point for fine-tuning on other product catalogues.".into(),
            primary_users: "Catalogue teams at online shops.".into(),
            out_of_scope_use: "Photos of people; medical or safety-critical images; fully automatic listing without review.".into(),
        },
        factors: Factors {
            relevant_factors: "Lighting, camera quality, background clutter and product category.".into(),
            evaluation_factors: "Results are broken down by lighting (day, night), because night photos were rare in training."
                .into(),
        },
        metrics: Metrics {
            performance_measures: "Top-1 accuracy, because each photo has exactly one category.".into(),
            decision_thresholds: "Suggestions under 0.6 confidence are sent to a person.".into(),
            variation_approaches: "95% bootstrap confidence intervals over 1,000 resamples of the test set.".into(),
        },
        training_data: DataSection {
            datasets: vec![dataset("Product photos 2020–2025", "train", true)],
            notes: "Categories with fewer than 500 photos were oversampled.".into(),
        },
        evaluation_data: DataSection {
            datasets: vec![dataset("Product photos 2020–2025", "test", false)],
            notes: "The test split holds products never seen in training.".into(),
        },
        training_procedure: TrainingProcedure {
            learning_approach: "supervised".into(),
            preprocessing: "Random crops and horizontal flips during training.".into(),
            training_regime: "fp16 mixed precision".into(),
            hyperparameters: "Learning rate 1e-4 with cosine decay, batch size 256, 30 epochs.".into(),
            speeds_sizes_times: "6 hours on 8 GPUs; 98 MB checkpoint; 12 ms per photo on one CPU core.".into(),
        },
        quantitative_analysis: QuantitativeAnalysis {
            results: vec![
                MetricResult {
                    metric: "accuracy".into(),
                    value: "0.92".into(),
                    dataset: "Product photos 2020–2025".into(),
                    split: "test".into(),
                    slice: vec![],
                    ci_lower: "0.91".into(),
                    ci_upper: "0.93".into(),
                    threshold: String::new(),
                    task: "image-classification".into(),
                    hf: Default::default(),
                },
                MetricResult {
                    metric: "accuracy".into(),
                    value: "0.94".into(),
                    dataset: "Product photos 2020–2025".into(),
                    split: "test".into(),
                    slice: vec![SliceTerm::new("lighting", "day")],
                    ci_lower: "0.93".into(),
                    ci_upper: "0.95".into(),
                    threshold: String::new(),
                    task: "image-classification".into(),
                    hf: Default::default(),
                },
                MetricResult {
                    metric: "accuracy".into(),
                    value: "0.81".into(),
                    dataset: "Product photos 2020–2025".into(),
                    split: "test".into(),
                    slice: vec![SliceTerm::new("lighting", "night")],
                    ci_lower: "0.78".into(),
                    ci_upper: "0.84".into(),
                    threshold: String::new(),
                    task: "image-classification".into(),
                    hf: Default::default(),
                },
                MetricResult {
                    metric: "precision".into(),
                    value: "0.88".into(),
                    dataset: "Product photos 2020–2025".into(),
                    split: "test".into(),
                    slice: vec![SliceTerm::new("lighting", "night"), SliceTerm::new("category", "electronics")],
                    ci_lower: String::new(),
                    ci_upper: String::new(),
                    threshold: "0.6".into(),
                    task: "image-classification".into(),
                    hf: Default::default(),
                },
            ],
            summary: "Accuracy is 0.92 overall but drops to 0.81 on photos taken at night.".into(),
            graphics: Vec::new(),
        },
        bias_risks_limitations: BiasRisksLimitations {
            limitations: "May misclassify rare images, and photos taken in low light.".into(),
            recommendations: "Have a person confirm suggestions, especially for night photos.".into(),
        },
        ethical_considerations: EthicalConsiderations {
            risks: vec![Risk {
                risk: "Wrong categories can hide products from shoppers who look for them.".into(),
                mitigation: "Every suggestion is confirmed by a person before it is published.".into(),
            }],
            fairness_assessments: vec![FairnessAssessment {
                group_at_risk: "Sellers of handmade goods".into(),
                benefits: "Their products are listed faster.".into(),
                harms: "Unusual products are more often put in the wrong category.".into(),
                mitigation: "Suggestions under 0.6 confidence go to a person.".into(),
            }],
            notes: "The training photos show products only; faces in the background were blurred.".into(),
        },
        caveats_and_recommendations: "Not tested on photos from phones older than 2018.".into(),
        environmental_impact: EnvironmentalImpact {
            hardware_type: "8× NVIDIA A100".into(),
            hours_used: "6".into(),
            cloud_provider: "Example Cloud".into(),
            compute_region: "europe-west4".into(),
            co2_emitted: "12.5".into(),
            energy_consumed: "52".into(),
            co2_source: "CodeCarbon".into(),
            co2_training_type: "fine-tuning".into(),
        },
        technical_specifications: TechnicalSpecifications {
            architecture_and_objective: "ResNet-50 with a 120-way softmax head, trained with cross-entropy loss.".into(),
            inputs: vec!["image".into()],
            outputs: vec!["label".into(), "score".into()],
            hardware: "Trained on 8× A100; serves on one CPU core.".into(),
            software: "PyTorch 2.4, torchvision 0.19".into(),
        },
        get_started: CodeBlock {
            language: "python".into(),
            code: "from example_models import load\n\nmodel = load(\"imageclassifier\", version=\"1.0\")\nprint(model.predict(\"photo.jpg\"))\n".into(),
        },
        more: MoreInformation {
            glossary: "**Top-1 accuracy:** the share of photos whose most likely category is right.".into(),
            more_information: "See the project wiki for the full evaluation.".into(),
            card_authors: "A. Researcher, B. Reviewer".into(),
            card_contact: "docs@example.org".into(),
        },
        hf_metadata: HfMetadata {
            tags: vec!["image-classification".into(), "vision".into()],
            datasets: vec![],
            metrics: vec!["accuracy".into(), "precision".into()],
            pipeline_tag: "image-classification".into(),
            library_name: "transformers".into(),
            extra_yaml: String::new(),
            ..Default::default()
        },
        custom_sections: vec![CustomSection {
            title: "Deployment".into(),
            body: "The model runs in the catalogue service behind a review queue.".into(),
            level: 2,
        }],
        mct: Default::default(),
        cyclonedx: Default::default(),
    }
}
