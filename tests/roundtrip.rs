//! Property tests: any card goes our JSON → our JSON without changing, and through a
//! README's text with only what the export report names as not carried left behind.

use model_card_studio::card::fields::{self, Access, FieldKind};
use model_card_studio::card::{Card, CustomSection, MetricResult, Owner, Risk, SliceTerm};
use model_card_studio::document::{self, Document};
use model_card_studio::formats::hf;
use proptest::prelude::*;

/// Any text at all: Markdown syntax, HTML, YAML and JSON punctuation, line breaks of
/// every kind, control characters and non-ASCII.
fn any_text() -> impl Strategy<Value = String> + Clone {
    prop_oneof!["\\PC{0,40}", "[-#*_`>|:{}\\[\\]\"'<>&!\\\\ \n\r\ta-zé中😀]{0,40}", any::<String>(),]
}

/// Text as people write it in a section: sentences, a second paragraph, a short list,
/// emphasis and links; never a line that would start a section of its own.
fn markdown_text() -> impl Strategy<Value = String> + Clone {
    let sentence = "[A-Z][a-z]{1,8}( [a-z0-9]{1,8}){0,6}( \\*\\*[a-z]{2,6}\\*\\*| \\[[a-z]{2,6}\\]\\(https://example[.]org/[a-z]{1,6}\\))?[.]";
    prop_oneof![
        4 => sentence.prop_map(|s| s),
        1 => (sentence, sentence).prop_map(|(a, b)| format!("{a}\n\n{b}")),
        1 => (sentence, "[a-z]{2,8}", "[a-z]{2,8}").prop_map(|(a, b, c)| format!("{a}\n\n- {b}\n- {c}")),
        1 => Just(String::new()),
    ]
}

/// Text as people write it in a single field: words, digits and light punctuation.
fn plain_text() -> impl Strategy<Value = String> + Clone {
    "[A-Za-z][A-Za-z0-9]{0,8}( [A-Za-z0-9]{1,8}){0,6}[.]?"
}

/// A card with every registry field drawn from `text` (one-line fields, list items and
/// table cells from `line`), and items in each list.
fn card(
    text: impl Strategy<Value = String> + Clone,
    line: impl Strategy<Value = String> + Clone,
) -> impl Strategy<Value = Card> {
    let fields = proptest::collection::vec((text.clone(), line.clone()), fields::ALL.len());
    let items = proptest::collection::vec((line.clone(), line.clone(), line.clone()), 0..4);
    let sections = proptest::collection::vec((line.clone(), text.clone(), line.clone()), 0..4);
    (fields, items.clone(), items, sections).prop_map(|(values, results, owners, sections)| {
        let mut card = Card::default();
        for (field, (text, line)) in fields::ALL.iter().zip(values) {
            let value = if matches!(field.kind, FieldKind::Markdown | FieldKind::Code) {
                text
            } else {
                line
            };
            match field.access {
                Access::Text(_, set) => *set(&mut card) = value,
                Access::List(_, set) => {
                    *set(&mut card) = value.split(',').map(str::to_owned).collect();
                }
            }
        }
        card.quantitative_analysis.results = results
            .into_iter()
            .map(|(metric, value, factor)| MetricResult {
                slice: vec![SliceTerm::new(factor, "group")],
                ..MetricResult::new(metric, value)
            })
            .collect();
        card.model_details.owners =
            owners.into_iter().map(|(name, contact, _)| Owner { name, contact }).collect();
        card.ethical_considerations.risks = sections
            .iter()
            .map(|(risk, _, mitigation)| Risk {
                risk: risk.clone(),
                mitigation: mitigation.clone(),
            })
            .collect();
        card.custom_sections = sections
            .into_iter()
            .map(|(title, body, _)| CustomSection { title, body, level: 2 })
            .collect();
        card
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// `review::canonical::canonical_json` relies on this: a card always serializes.
    #[test]
    fn any_card_has_a_canonical_form(card in card(any_text(), any_text())) {
        prop_assert!(serde_json::to_value(&card).is_ok());
        let canonical = model_card_studio::review::canonical::canonical_json(&card);
        prop_assert!(canonical.starts_with('{'), "not a JSON object: {}", canonical);
    }

    #[test]
    fn json_round_trips_any_card(card in card(any_text(), any_text())) {
        let document = Document::new(card);
        let text = document::to_json(&document);
        prop_assert_eq!(document::from_json(&text).unwrap(), document);
    }

    /// Any card survives the trip through README text, less what the export report
    /// names as not carried; and that is only what a README has no place for.
    #[test]
    fn the_card_survives_the_trip_through_readme_text(card in card(markdown_text(), plain_text())) {
        let mut card = card;
        // Random text is not YAML.
        card.hf_metadata.extra_yaml.clear();
        let document = Document::new(card);
        let readme = hf::export(&document);
        let back = hf::import(&readme).0.card;
        let not_carried = hf::not_carried(&document);
        for path in &not_carried {
            prop_assert!(may_stay_behind(path, &document.card), "{} is not carried:\n{}", path, readme);
        }
        for field in fields::ALL {
            if not_carried.iter().any(|p| p == field.path || field.path.starts_with(&format!("{p}."))) {
                continue;
            }
            let same = match field.access {
                Access::Text(get, _) => get(&back).trim() == get(&document.card).trim(),
                Access::List(get, _) => get(&back) == get(&document.card),
            };
            prop_assert!(same, "{} differs and the report does not say so", field.path);
        }
        let visible = |card: &Card| -> Vec<(String, String, String)> {
            card.quantitative_analysis.results.iter()
                .filter(|r| !r.metric.trim().is_empty() && !r.value.trim().is_empty())
                .map(|r| (r.metric.clone(), r.value.clone(), r.slice_label()))
                .collect()
        };
        prop_assert_eq!(visible(&back), visible(&document.card));
    }
}

/// What a README has no place for, as the export report says: the datasets as lists
/// (their text lands in the notes), a result's Hub details the export fills in, the
/// code's language without code, CO2 details without the emissions figure, and the
/// name of the model-index without results.
fn may_stay_behind(path: &str, card: &Card) -> bool {
    let results = !card.quantitative_analysis.results.is_empty();
    match path {
        "training_data.datasets" | "training_data.notes" => !card.training_data.datasets.is_empty(),
        "evaluation_data.datasets" | "evaluation_data.notes" => {
            !card.evaluation_data.datasets.is_empty()
        }
        "quantitative_analysis.results" | "hf_metadata.model_index_name" => results,
        "get_started.language" => card.get_started.code.trim().is_empty(),
        // With no title to stand before, a banner reads as the start of the summary.
        "model_details.banner" | "model_details.summary" => {
            card.model_details.name.trim().is_empty()
        }
        "environmental_impact.co2_source" | "environmental_impact.co2_training_type" => {
            card.environmental_impact.co2_emitted.trim().is_empty()
        }
        _ => false,
    }
}
