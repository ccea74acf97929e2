//! Property tests: any card goes our JSON → README → our JSON (and JSON → JSON) without
//! changing, and a README's text alone, without its embedded copy, carries every field
//! the Hub's format has a place for.

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

/// Text as people write it in a single field: words, digits and light punctuation.
fn plain_text() -> impl Strategy<Value = String> + Clone {
    "[A-Za-z][A-Za-z0-9]{0,8}( [A-Za-z0-9]{1,8}){0,6}[.]?"
}

/// A card with every registry field drawn from `text`, and items in each list.
fn card(text: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = Card> {
    let fields = proptest::collection::vec(text.clone(), fields::ALL.len());
    let items = proptest::collection::vec((text.clone(), text.clone(), text.clone()), 0..4);
    (fields, items.clone(), items.clone(), items).prop_map(|(values, results, owners, sections)| {
        let mut card = Card::default();
        for (field, value) in fields::ALL.iter().zip(values) {
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
            .map(|(risk, mitigation, _)| Risk {
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
    fn any_card_has_a_canonical_form(card in card(any_text())) {
        prop_assert!(serde_json::to_value(&card).is_ok());
        let canonical = model_card_studio::review::canonical::canonical_json(&card);
        prop_assert!(canonical.starts_with('{'), "not a JSON object: {}", canonical);
    }

    #[test]
    fn json_round_trips_any_card(card in card(any_text())) {
        let document = Document::new(card);
        let text = document::to_json(&document);
        prop_assert_eq!(document::from_json(&text).unwrap(), document);
    }

    #[test]
    fn json_to_readme_to_json_round_trips_any_card(card in card(any_text())) {
        let document = Document::new(card);
        let readme = hf::export(&document);
        let back = hf::import(&readme).0;
        prop_assert_eq!(document::to_json(&back), document::to_json(&document));
        prop_assert_eq!(hf::export(&back), readme, "exporting again writes the same file");
    }

    #[test]
    fn a_readmes_text_alone_carries_every_text_field(card in card(plain_text())) {
        let document = Document::new(card);
        let text_only = hf::without_payload(&hf::export(&document));
        let back = hf::import(&text_only).0.card;
        for field in fields::ALL.iter().filter(|f| f.is_shown(&document.card)) {
            let Access::Text(get, _) = field.access else { continue };
            if field.kind == FieldKind::License || field.path == "hf_metadata.extra_yaml" {
                continue; // Random text is not a licence id, nor YAML.
            }
            prop_assert_eq!(get(&back).trim(), get(&document.card).trim(), "{}", field.path);
        }
        prop_assert_eq!(&back.model_details.owners, &document.card.model_details.owners);
        let visible = |card: &Card| -> Vec<(String, String, String)> {
            card.quantitative_analysis
                .results
                .iter()
                .map(|r| (r.metric.clone(), r.value.clone(), r.slice_label()))
                .collect()
        };
        prop_assert_eq!(visible(&back), visible(&document.card));
        prop_assert_eq!(&back.custom_sections, &document.card.custom_sections);
        prop_assert_eq!(&back.ethical_considerations.risks, &document.card.ethical_considerations.risks);
    }
}
