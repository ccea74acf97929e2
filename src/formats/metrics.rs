//! A training run's flat metrics JSON (the transformers Trainer's `all_results.json` or
//! `eval_results.json`: `{"eval_accuracy": 0.92, "eval_loss": 0.31}`) merged into a card's
//! results, after showing what will be added and what replaced.

use serde_json::{Map, Value};

use crate::card::{Card, MetricResult};

/// Whether a JSON object is a flat metrics file: every value a number.
pub fn looks_like_metrics(object: &Map<String, Value>) -> bool {
    !object.is_empty() && object.values().all(Value::is_number)
}

/// One metric from the file, and what merging it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub metric: String,
    pub split: String,
    pub value: String,
    /// The value it replaces, or `None` when it is added.
    pub replaces: Option<String>,
}

impl Change {
    /// What merging this metric does: "added", "unchanged" or "replaces 0.90".
    pub fn effect(&self) -> String {
        match &self.replaces {
            None => "added".to_owned(),
            Some(old) if *old == self.value => "unchanged".to_owned(),
            Some(old) => format!("replaces {old}"),
        }
    }
}

/// What a merge will do, shown before it is applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub changes: Vec<Change>,
}

impl Plan {
    pub fn added(&self) -> usize {
        self.changes.iter().filter(|c| c.replaces.is_none()).count()
    }

    pub fn replaced(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.replaces.as_ref().is_some_and(|old| *old != c.value))
            .count()
    }

    /// The plan in one sentence, before the merge: "2 added, 1 replaced, into the results
    /// of “ImageClassifier”."
    pub fn summary(&self, card_name: &str) -> String {
        format!(
            "{} added, {} replaced, into the results of “{card_name}”.",
            self.added(),
            self.replaced()
        )
    }

    /// What the merge did: "Merged all_results.json: 2 added, 1 replaced."
    pub fn merged(&self, file: &str) -> String {
        format!("Merged {file}: {} added, {} replaced.", self.added(), self.replaced())
    }
}

/// `eval_accuracy` → (`accuracy`, `eval`): the Trainer's prefixes name the split.
fn split_key(key: &str) -> (String, String) {
    for prefix in ["eval", "test", "train", "predict", "validation"] {
        if let Some(metric) = key.strip_prefix(prefix).and_then(|rest| rest.strip_prefix('_')) {
            return (metric.to_owned(), prefix.to_owned());
        }
    }
    (key.to_owned(), String::new())
}

/// Works out the merge: a metric replaces the card's overall result with the same name
/// and split; any other is added.
pub fn plan(card: &Card, metrics: &Map<String, Value>) -> Plan {
    let changes = metrics
        .iter()
        .map(|(key, value)| {
            let (metric, split) = split_key(key);
            let existing = card.quantitative_analysis.results.iter().find(|r| {
                r.metric == metric && r.split == split && r.dataset.is_empty() && r.slice.is_empty()
            });
            Change {
                metric,
                split,
                value: value.to_string(),
                replaces: existing.map(|r| r.value.clone()),
            }
        })
        .collect();
    Plan { changes }
}

/// Applies a plan to a card.
pub fn apply(card: &mut Card, plan: &Plan) {
    let results = &mut card.quantitative_analysis.results;
    for change in &plan.changes {
        let existing = results.iter_mut().find(|r| {
            r.metric == change.metric
                && r.split == change.split
                && r.dataset.is_empty()
                && r.slice.is_empty()
        });
        match existing {
            Some(result) => result.value = change.value.clone(),
            None => results.push(MetricResult {
                split: change.split.clone(),
                ..MetricResult::new(&change.metric, &change.value)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn merges_trainer_results_adding_and_replacing() {
        let mut card = Card::default();
        card.quantitative_analysis
            .results
            .push(MetricResult { split: "eval".into(), ..MetricResult::new("accuracy", "0.90") });
        let metrics = object(json!({"eval_accuracy": 0.92, "eval_loss": 0.31, "epoch": 3.0}));
        assert!(looks_like_metrics(&metrics));

        let plan = plan(&card, &metrics);
        assert_eq!((plan.added(), plan.replaced()), (2, 1));
        assert_eq!(
            plan.changes[0],
            Change {
                metric: "accuracy".into(),
                split: "eval".into(),
                value: "0.92".into(),
                replaces: Some("0.90".into())
            }
        );
        apply(&mut card, &plan);
        let results: Vec<(&str, &str, &str)> = card
            .quantitative_analysis
            .results
            .iter()
            .map(|r| (r.metric.as_str(), r.split.as_str(), r.value.as_str()))
            .collect();
        assert_eq!(
            results,
            [("accuracy", "eval", "0.92"), ("loss", "eval", "0.31"), ("epoch", "", "3.0")]
        );
    }

    #[test]
    fn the_plan_says_what_the_merge_adds_and_replaces() {
        let mut card = Card::default();
        card.quantitative_analysis.results.push(MetricResult::new("accuracy", "0.90"));
        card.quantitative_analysis.results.push(MetricResult::new("loss", "0.31"));
        let plan = plan(&card, &object(json!({"accuracy": 0.92, "loss": 0.31, "f1": 0.5})));
        let effects: Vec<String> = plan.changes.iter().map(Change::effect).collect();
        assert_eq!(effects, ["replaces 0.90", "unchanged", "added"]);
        assert_eq!(plan.summary("M"), "1 added, 1 replaced, into the results of “M”.");
        assert_eq!(
            plan.merged("all_results.json"),
            "Merged all_results.json: 1 added, 1 replaced."
        );
    }

    #[test]
    fn only_flat_numeric_objects_are_metrics() {
        assert!(!looks_like_metrics(&object(json!({"name": "m", "accuracy": 0.9}))));
        assert!(!looks_like_metrics(&object(json!({}))));
    }
}
