//! The model card: what a card says, independent of any file format or screen.
//!
//! Everything here is plain data. Free text fields hold Markdown. Every struct is
//! `#[serde(default)]`, so a field added later reads as empty from older files.

pub mod fields;
mod model_info;

use serde::{Deserialize, Serialize};

pub use model_info::{ModelInfo, ModelInfoError, create_model_card};

/// A model card's content. Workflow state (review, history) lives beside it, not in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Card {
    pub model_details: ModelDetails,
    pub quantitative_analysis: QuantitativeAnalysis,
    pub bias_risks_limitations: BiasRisksLimitations,
}

/// What the model is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelDetails {
    pub name: String,
    pub version: Version,
}

/// A release of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Version {
    pub name: String,
}

/// How well the model does, as structured results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuantitativeAnalysis {
    pub results: Vec<MetricResult>,
}

/// One measured value of one metric.
///
/// The value is kept as the text the user or the source file gave (`0.92`, `85.3%`),
/// so nothing is lost to float formatting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricResult {
    pub metric: String,
    pub value: String,
}

impl MetricResult {
    pub fn new(metric: impl Into<String>, value: impl Into<String>) -> Self {
        Self { metric: metric.into(), value: value.into() }
    }
}

/// Where the model fails and what users should do about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BiasRisksLimitations {
    pub limitations: String,
}
