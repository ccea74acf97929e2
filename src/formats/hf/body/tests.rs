use super::*;
use crate::card::Risk;

fn read(body: &str) -> (Card, ImportReport, Read) {
    let mut card = Card::default();
    let mut report = ImportReport::default();
    let read = import(body, 0, &mut card, &mut report);
    (card, report, read)
}

fn spans_of<'a>(body: &'a str, read: &Read, part: &Part) -> Vec<&'a str> {
    read.parts
        .iter()
        .filter(|(p, _)| p == part)
        .flat_map(|(_, spans)| spans.iter().map(|s| s.of(body).unwrap()))
        .collect()
}

#[test]
fn maps_template_headings_and_variants_to_fields() {
    let (card, _, _) = read(
        "# Model Card for Foo\n\nA summary.\n\n## Uses\n\n### Direct Use\n\nClassify.\n\n### Out-of-Scope Use\n\nNot this.\n\n\
         ## Bias, Risks, and Limitations\n\nBiased.\n\n### Recommendations\n\nBe careful.\n\n## Limitations and bias\n\nMore.\n",
    );
    assert_eq!(card.model_details.name, "Foo");
    assert_eq!(card.model_details.summary, "A summary.");
    assert_eq!(card.intended_use.direct_use, "Classify.");
    assert_eq!(card.intended_use.out_of_scope_use, "Not this.");
    assert_eq!(card.bias_risks_limitations.limitations, "Biased.");
    assert_eq!(card.bias_risks_limitations.recommendations, "Be careful.");
    // A second section for the same field is kept as it is, under its own heading.
    assert_eq!(card.custom_sections.len(), 1);
    assert_eq!(card.custom_sections[0].title, "Limitations and bias");
    assert_eq!(card.custom_sections[0].body, "More.");
}

#[test]
fn reads_setext_headings() {
    let (card, _, _) = read("Title\n=====\n\nIntro.\n\nLimitations\n-----------\n\nSome.\n");
    assert_eq!(card.model_details.name, "Title");
    assert_eq!(card.bias_risks_limitations.limitations, "Some.");
}

#[test]
fn keeps_unknown_sections_in_order_with_their_subsections_and_levels() {
    let (card, report, _) = read(
        "## Showcases\n\nPictures.\n\n### Night\n\nDark.\n\n## Trigger words\n\nlogo\n\n## Training data\n\nData.\n\n#### Deep\n\nText.\n",
    );
    let sections: Vec<(&str, u8)> =
        card.custom_sections.iter().map(|s| (s.title.as_str(), s.level)).collect();
    assert_eq!(sections, [("Showcases", 2), ("Trigger words", 2)]);
    assert_eq!(card.custom_sections[0].body, "Pictures.\n\n### Night\n\nDark.");
    assert_eq!(
        card.training_data.notes, "Data.\n\n#### Deep\n\nText.",
        "headings under a field stay in it as written"
    );
    assert!(report.kept_raw.iter().any(|k| k.contains("Showcases")));
}

#[test]
fn reads_the_model_description_list_item_by_item() {
    let text = "## Model Description\n\nWhat it is.\n\n- **Developed by:** Ada (ada@example.org), Team [Core], Inc\n- **Funded by [optional]:** [More Information Needed]\n- **Model type:** Classifier\n- **License:** [Own Licence](https://example.org/l)\n- **Release date:** 2026-01-01\n- **Colour:** blue\n";
    let (card, _, read) = read(text);
    let details = &card.model_details;
    assert_eq!(
        details.description, "What it is.\n\n- **Colour:** blue",
        "an item we do not know stays text"
    );
    let owners: Vec<(&str, &str)> =
        details.owners.iter().map(|o| (o.name.as_str(), o.contact.as_str())).collect();
    assert_eq!(owners, [("Ada", "ada@example.org"), ("Team [Core]", ""), ("Inc", "")]);
    assert_eq!(details.funded_by, "");
    assert_eq!(details.model_type, "Classifier");
    assert_eq!(
        (details.license.id.as_str(), details.license.name.as_str()),
        ("other", "Own Licence")
    );
    assert_eq!(details.version.date, "2026-01-01");
    let item = |id: &str| Part::Item { section: "model-description".into(), item: id.into() };
    assert_eq!(spans_of(text, &read, &item("model-type")), ["Classifier"]);
    assert_eq!(
        spans_of(text, &read, &item("funded-by")),
        ["[More Information Needed]"],
        "filling the field in replaces the filler"
    );
}

#[test]
fn a_front_matter_field_shown_in_the_body_is_read_only_when_it_agrees() {
    let text = "## Model Description\n\n- **License:** mit\n- **Language(s):** en\n";
    let mut card = Card::default();
    card.model_details.license.id = "mit".into();
    card.model_details.languages = vec!["fr".into()];
    let read = import(text, 0, &mut card, &mut ImportReport::default());
    assert_eq!(card.model_details.license.id, "mit");
    assert_eq!(card.model_details.languages, ["fr"], "the front matter is the source");
    assert_eq!(
        card.model_details.description, "- **Language(s):** en",
        "what disagrees stays as text"
    );
    let license = Part::Item { section: "model-description".into(), item: "license".into() };
    assert_eq!(spans_of(text, &read, &license), ["mit"]);
}

#[test]
fn reads_code_and_citations() {
    let (card, _, _) = read(
        "## How to Get Started with the Model\n\n```python\nprint(1)\n```\n\n## Citation\n\n**BibTeX:**\n\n```bibtex\n@misc{x}\n```\n\n**APA:**\n\nX. (2026).\n",
    );
    assert_eq!(
        (card.get_started.language.as_str(), card.get_started.code.as_str()),
        ("python", "print(1)\n")
    );
    assert_eq!(card.model_details.citation.bibtex, "@misc{x}");
    assert_eq!(card.model_details.citation.apa, "X. (2026).");
}

#[test]
fn the_templates_citation_fillers_are_places_for_the_citation() {
    let text = "## Citation [optional]\n\n<!-- If there is a paper -->\n\n**BibTeX:**\n\n[More Information Needed]\n\n**APA:**\n\n[More Information Needed]\n";
    let (card, _, read) = read(text);
    assert!(card.custom_sections.is_empty(), "{:?}", card.custom_sections);
    let bibtex = Part::Item { section: "citation".into(), item: "bibtex".into() };
    assert_eq!(spans_of(text, &read, &bibtex), ["[More Information Needed]"]);
}

#[test]
fn a_how_to_section_with_prose_stays_whole() {
    let (card, _, _) =
        read("## How to get started\n\nInstall it first.\n\n```sh\npip install x\n```\n");
    assert!(card.get_started.code.is_empty());
    assert_eq!(card.custom_sections[0].body, "Install it first.\n\n```sh\npip install x\n```");
}

#[test]
fn our_risks_table_is_read_back_and_other_tables_stay_text() {
    let text = "## Ethical Considerations\n\nNotes.\n\n| Risk | Mitigation |\n| --- | --- |\n| Bias \\| drift | Audit *often* |\n";
    let (card, _, _) = read(text);
    let section = &card.ethical_considerations;
    assert_eq!(section.notes, "Notes.");
    assert_eq!(
        section.risks,
        [Risk { risk: "Bias | drift".into(), mitigation: "Audit *often*".into() }]
    );

    let other = "## Ethical Considerations\n\n| Harm | Who |\n| --- | --- |\n| x | y |\n\nAfter.\n";
    let (card, _, _) = read(other);
    assert!(card.ethical_considerations.risks.is_empty());
    assert!(card.ethical_considerations.notes.contains("| Harm | Who |"));
    assert!(card.ethical_considerations.notes.ends_with("After."));
}

#[test]
fn text_before_the_title_is_the_banner_and_without_a_title_the_summary() {
    let (card, _, _) = read("<p align=\"center\">logo</p>\n\n## Overview\n\nText.\n");
    assert_eq!(card.model_details.summary, "<p align=\"center\">logo</p>");
    assert_eq!(card.custom_sections[0].title, "Overview");
    let (card, _, _) = read("<p align=\"center\">logo</p>\n\n# Name\n\nWhat it is.\n");
    assert_eq!(card.model_details.banner, "<p align=\"center\">logo</p>");
    assert_eq!(card.model_details.summary, "What it is.");
}

#[test]
fn comments_and_fillers_are_layout() {
    let text = "# Model Card for X\n\n<!-- Provide a quick summary. -->\n\n[More Information Needed]\n\n## Uses\n\n<!-- Address questions -->\n\n### Direct Use\n\n<!-- This section -->\n\nIt sorts photos.\n";
    let (card, report, read) = read(text);
    assert_eq!(card.model_details.summary, "");
    assert!(
        card.custom_sections.is_empty(),
        "a container holding only a comment is no custom section"
    );
    assert_eq!(card.intended_use.direct_use, "It sorts photos.");
    assert_eq!(read.fillers, 1);
    let _ = report;
    assert_eq!(spans_of(text, &read, &Part::Summary), ["[More Information Needed]"]);
}
