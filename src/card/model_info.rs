//! The seed's `model_info`: the four facts a training pipeline knows about its model.

use serde_json::{Map, Value};

use super::{Card, MetricResult};

/// The seed's input: `{"name", "version", "metrics": {name: value}, "limitations"}`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModelInfo {
    pub name: String,
    pub version: String,
    /// In the order the source gave them.
    pub metrics: Vec<(String, String)>,
    pub limitations: String,
}

/// Why a JSON object is not a usable `model_info`. Each variant names the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelInfoError {
    #[error("model_info must be a JSON object")]
    NotAnObject,
    #[error("model_info.name is missing")]
    MissingName,
    #[error("model_info.{field} must be text or a number")]
    NotText { field: String },
    #[error("model_info.metrics must be an object of metric name to value")]
    MetricsNotAnObject,
}

impl ModelInfo {
    /// Reads a parsed JSON value. Numbers are kept as written (`0.92` stays `0.92`).
    pub fn from_json(value: &Value) -> Result<Self, ModelInfoError> {
        let object = value.as_object().ok_or(ModelInfoError::NotAnObject)?;
        let name = text_field(object, "name")?.ok_or(ModelInfoError::MissingName)?;
        let version = text_field(object, "version")?.unwrap_or_default();
        let limitations = text_field(object, "limitations")?.unwrap_or_default();
        let metrics = match object.get("metrics") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Object(metrics)) => metrics
                .iter()
                .map(|(metric, value)| {
                    scalar_text(value).map(|text| (metric.clone(), text)).ok_or_else(|| {
                        ModelInfoError::NotText { field: format!("metrics.{metric}") }
                    })
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(ModelInfoError::MetricsNotAnObject),
        };
        Ok(Self { name, version, metrics, limitations })
    }
}

fn text_field(object: &Map<String, Value>, field: &str) -> Result<Option<String>, ModelInfoError> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => scalar_text(value)
            .map(Some)
            .ok_or_else(|| ModelInfoError::NotText { field: field.to_owned() }),
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// The seed's `create_model_card(model_info)`: a draft card holding what the pipeline knows.
pub fn create_model_card(model_info: ModelInfo) -> Card {
    let mut card = Card::default();
    model_info.apply(&mut card);
    card
}

impl ModelInfo {
    /// Writes what the pipeline knows into a card (a template, say): name and version
    /// always, results and limitations when it has them, replacing what was there.
    pub fn apply(self, card: &mut Card) {
        card.model_details.name = self.name;
        card.model_details.version.name = self.version;
        if !self.metrics.is_empty() {
            card.quantitative_analysis.results = self
                .metrics
                .into_iter()
                .map(|(metric, value)| MetricResult::new(metric, value))
                .collect();
        }
        if !self.limitations.trim().is_empty() {
            card.bias_risks_limitations.limitations = self.limitations;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SEED: &str = r#"{"name": "ImageClassifier", "version": "1.0", "metrics": {"accuracy": 0.92}, "limitations": "May misclassify rare images"}"#;

    #[test]
    fn creates_the_seed_card_word_for_word() {
        let value: Value = serde_json::from_str(SEED).unwrap();
        let card = create_model_card(ModelInfo::from_json(&value).unwrap());

        assert_eq!(card.model_details.name, "ImageClassifier");
        assert_eq!(card.model_details.version.name, "1.0");
        assert_eq!(card.quantitative_analysis.results, vec![MetricResult::new("accuracy", "0.92")]);
        assert_eq!(card.bias_risks_limitations.limitations, "May misclassify rare images");
    }

    #[test]
    fn fills_a_template_replacing_its_examples() {
        let value: Value = serde_json::from_str(SEED).unwrap();
        let mut card = crate::card::templates::Template::Full.card();
        let purpose = card.intended_use.direct_use.clone();
        ModelInfo::from_json(&value).unwrap().apply(&mut card);
        assert_eq!(card.model_details.name, "ImageClassifier");
        assert_eq!(card.quantitative_analysis.results, vec![MetricResult::new("accuracy", "0.92")]);
        assert_eq!(card.bias_risks_limitations.limitations, "May misclassify rare images");
        assert_eq!(card.intended_use.direct_use, purpose, "the rest of the template stays");
    }

    #[test]
    fn keeps_metrics_in_source_order() {
        let value = json!({"name": "m", "metrics": {"recall": 0.5, "accuracy": 0.9, "f1": "0.7"}});
        let info = ModelInfo::from_json(&value).unwrap();
        let names: Vec<_> = info.metrics.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["recall", "accuracy", "f1"]);
    }

    #[test]
    fn accepts_a_numeric_version() {
        let info = ModelInfo::from_json(&json!({"name": "m", "version": 2})).unwrap();
        assert_eq!(info.version, "2");
    }

    #[test]
    fn names_the_field_that_is_wrong() {
        let missing = ModelInfo::from_json(&json!({"version": "1"}));
        assert_eq!(missing, Err(ModelInfoError::MissingName));

        let bad_metric = ModelInfo::from_json(&json!({"name": "m", "metrics": {"acc": [1]}}));
        let message = bad_metric.unwrap_err().to_string();
        assert_eq!(message, "model_info.metrics.acc must be text or a number");

        let bad_metrics = ModelInfo::from_json(&json!({"name": "m", "metrics": [0.9]}));
        assert_eq!(bad_metrics, Err(ModelInfoError::MetricsNotAnObject));
        assert_eq!(ModelInfo::from_json(&json!([1])), Err(ModelInfoError::NotAnObject));
    }
}
