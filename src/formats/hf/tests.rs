//! The Hugging Face format against the real cards in `../shared/corpus/hf`, and round
//! trips of our own cards.

use super::*;
use crate::card::example::filled_card;
use crate::formats::ImportReport;
use crate::markdown::status;

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/hf");
    let mut cards: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                String::from_utf8(bytes).unwrap(),
            )
        })
        .collect();
    cards.sort();
    assert_eq!(cards.len(), 12, "the corpus has twelve cards");
    cards
}

fn card_of(name: &str) -> (Document, ImportReport) {
    let (_, text) = corpus().into_iter().find(|(file, _)| file.starts_with(name)).unwrap();
    import(&text)
}

/// The README without its status block, which an export adds.
fn strip_block(readme: &str) -> String {
    let split = front_matter::split(readme);
    let at = if split.yaml.is_some() { split.body_start } else { 0 };
    let found = status::find(readme, at).expect("an export has a status block");
    status::without(readme, &found)
}

#[test]
fn every_corpus_card_comes_back_exactly_as_it_was() {
    for (name, text) in corpus() {
        let imported = import(&text);
        let exported = export(&imported.0);
        assert_eq!(strip_block(&exported), text, "{name}: the export is not the source");
    }
}

#[test]
fn every_corpus_card_survives_import_export_import() {
    for (name, text) in corpus() {
        let first = import(&text);
        let exported = export(&first.0);
        let second = import(&exported);
        assert_eq!(second.0.card, first.0.card, "{name}: the round trip changed the card");
        assert_eq!(export(&second.0), exported, "{name}: the export is not stable");
    }
}

#[test]
fn maps_the_known_front_matter_keys() {
    let arcee = card_of("arcee-ai").0.card;
    assert_eq!(arcee.model_details.base_models, ["meta-llama/Meta-Llama-3.1-8B-Instruct"]);
    assert_eq!(arcee.model_details.license.id, "llama3");
    let results = &arcee.quantitative_analysis.results;
    assert_eq!(results.len(), 6, "one result per metric of the model-index");
    assert_eq!(results[0].hf.source_name, "Open LLM Leaderboard");
    assert!(results[0].hf.dataset_args.contains("num_few_shot"), "{:?}", results[0].hf);

    let autonlp = card_of("AryanLala").0.card;
    assert_eq!(autonlp.environmental_impact.co2_emitted, "137.60574081887984");
    assert_eq!(autonlp.hf_metadata.tags, ["autonlp"]);
    assert!(
        autonlp.hf_metadata.extra_yaml.starts_with("widget:"),
        "{}",
        autonlp.hf_metadata.extra_yaml
    );

    let comfy = card_of("Comfy-Org").0.card;
    assert_eq!(comfy.model_details.license.id, "other");
    assert_eq!(comfy.model_details.license.name, "flux-1-dev-non-commercial-license");
}

#[test]
fn keeps_unknown_keys_verbatim_and_in_order() {
    let yi = card_of("01-ai__Yi-6B").0.card;
    let extra = &yi.hf_metadata.extra_yaml;
    assert!(extra.contains("widget:"), "{extra}");
    let order = &yi.hf_metadata.key_order;
    assert!(
        order.iter().position(|k| k == "widget") < order.iter().position(|k| k == "pipeline_tag")
    );
    let exported = export(&Document::new(yi.clone()));
    let (_, text) = corpus().into_iter().find(|(f, _)| f.starts_with("01-ai")).unwrap();
    let widget_start = text.find("widget:").unwrap();
    let widget = &text[widget_start..widget_start + 40];
    assert!(exported.contains(widget), "the widget is written back as it was");
}

#[test]
fn an_unclosed_front_matter_is_no_metadata() {
    let t5 = card_of("NlpHUST").0.card;
    assert!(t5.hf_metadata.key_order.is_empty());
    assert_eq!(
        t5.model_details.description,
        "T5-vi-en-base is a transformer model for vietnamese machine translation designed using T5 architecture."
    );
}

#[test]
fn malformed_yaml_is_reported_with_its_position_and_kept() {
    let imported = card_of("qqhann");
    let problem = &imported.1.problems[0];
    assert!(problem.starts_with("The front matter is not valid YAML:"), "{problem}");
    assert!(problem.contains("line 7"), "the TODO line is line 7 of the file: {problem}");
    let card = &imported.0.card;
    assert!(card.hf_metadata.raw_front_matter);
    assert!(card.hf_metadata.extra_yaml.contains("model-index:"));
    assert_eq!(
        card.model_details.name, "Wav2Vec2-Large-XLSR-53-Japanese",
        "the body is still read"
    );
}

#[test]
fn a_malformed_model_index_is_reported_and_kept_as_written() {
    let spacy = card_of("spacy");
    let problem = spacy.1.problems.iter().find(|p| p.starts_with("model-index")).unwrap();
    assert!(problem.contains("a result has no dataset (line"), "{problem}");
    assert!(spacy.0.card.hf_metadata.extra_yaml.contains("model-index:"));
    assert!(spacy.0.card.quantitative_analysis.results.is_empty());
}

#[test]
fn reads_windows_line_endings() {
    let crlf = card_of("huggingface_hub-fixtures").0.card;
    assert_eq!(crlf.model_details.name, "Hello old Windows line breaks");
    assert!(!crlf.hf_metadata.extra_yaml.contains('\r'));
}

#[test]
fn our_own_card_comes_back_from_its_readme() {
    let document = Document::new(filled_card());
    let readme = export(&document);
    assert!(
        readme.starts_with("---\nlanguage") || readme.starts_with("---\nlicense"),
        "{}",
        &readme[..80]
    );
    assert!(!readme.contains(&format!("{PAYLOAD_KEY}: |-")), "no embedded copy");
    let back = import(&readme).0.card;
    // What a user sees of each result (the export fills in the Hub's required ids).
    let visible = |card: &crate::card::Card| -> Vec<String> {
        card.quantitative_analysis
            .results
            .iter()
            .map(|r| {
                [
                    &r.metric,
                    &r.value,
                    &r.dataset,
                    &r.split,
                    &r.slice_label(),
                    &r.ci_lower,
                    &r.ci_upper,
                    &r.threshold,
                ]
                .map(String::as_str)
                .join(" | ")
            })
            .collect()
    };
    assert_eq!(visible(&back), visible(&document.card));
    assert_eq!(back.model_details.license, document.card.model_details.license);
    assert_eq!(back.intended_use, document.card.intended_use);
}
