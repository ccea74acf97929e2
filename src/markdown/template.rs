//! Card → Markdown in the Hugging Face template's order, walking the heading table: a
//! section is written with its heading when it or one of its subsections has something
//! to say; empty sections are left out and no filler is ever printed. Each part of a
//! section (its text, one list item, its table or code) is also written on its own, for
//! the README writer that edits a user's file part by part.

use crate::card::{Card, MetricResult};

use super::MarkdownSection;
use super::headings::{self, CUSTOM_AFTER, FAIRNESS_HEADERS, Item, SECTIONS, Section, Tail};
use super::writer::{Writer, code_block, is_blank, item_value};

/// The card's non-empty sections, in template order: the title, then one per top-level
/// section, the custom sections before the card's authors.
pub fn card_sections(card: &Card) -> Vec<MarkdownSection> {
    let mut sections = Vec::new();
    let mut push = |id: String, w: Writer| {
        if !w.out.is_empty() {
            sections.push(MarkdownSection { id, markdown: w.out });
        }
    };
    let mut title = Writer::default();
    write_title(card, &mut title);
    push("title".into(), title);
    let split = headings::position(CUSTOM_AFTER).map_or(SECTIONS.len(), |at| at + 1);
    let (before, after) = SECTIONS.split_at(split);
    for section in before.iter().filter(|s| s.parent.is_none()) {
        let mut w = Writer::default();
        write_tree(card, section, &mut w);
        push(section.id.to_owned(), w);
    }
    for (index, _) in card.custom_sections.iter().enumerate() {
        let mut w = Writer::default();
        write_custom(card, index, &mut w);
        push(format!("custom-{}", index + 1), w);
    }
    for section in after.iter().filter(|s| s.parent.is_none()) {
        let mut w = Writer::default();
        write_tree(card, section, &mut w);
        push(section.id.to_owned(), w);
    }
    sections
}

/// The banner, the name as the title, then the summary. A card without a name has no
/// title: the preview shows nothing rather than filler, and an import reads back no name.
fn write_title(card: &Card, w: &mut Writer) {
    let details = &card.model_details;
    w.paragraph(&details.banner);
    if !is_blank(&details.name) {
        w.heading(1, &details.name);
    }
    w.paragraph(&details.summary);
}

/// A section with its heading, its content and its subsections, or nothing at all.
pub fn write_tree(card: &Card, section: &Section, w: &mut Writer) {
    let mut body = Writer::default();
    write_content(card, section, &mut body);
    for child in SECTIONS.iter().filter(|s| s.parent == Some(section.id)) {
        let mut inner = Writer::default();
        write_tree(card, child, &mut inner);
        if !inner.out.is_empty() {
            body.block(&inner.out);
        }
    }
    if !body.out.is_empty() {
        w.heading(usize::from(section.level), section.title);
        w.block(&body.out);
    }
}

/// A custom section: its heading at its level, then its text.
pub fn write_custom(card: &Card, index: usize, w: &mut Writer) {
    let Some(section) = card.custom_sections.get(index) else { return };
    if is_blank(&section.title) && is_blank(&section.body) {
        return;
    }
    w.block(&custom_heading(card, index));
    w.paragraph(&section.body);
}

/// A custom section's heading line, with its line break.
pub fn custom_heading(card: &Card, index: usize) -> String {
    let Some(section) = card.custom_sections.get(index) else { return String::new() };
    let title = if is_blank(&section.title) { "Untitled section" } else { &section.title };
    format!(
        "{} {}\n",
        "#".repeat(usize::from(section.level.clamp(1, 6))),
        headings::one_line(title)
    )
}

/// A section's own content, without its heading and subsections.
pub fn write_content(card: &Card, section: &Section, w: &mut Writer) {
    let text = |w: &mut Writer| {
        if let Some(field) = section.text {
            w.paragraph((field.get)(card));
        }
    };
    let items = |w: &mut Writer| {
        for item in section.items {
            w.field(item.label, &(item.get)(card));
        }
    };
    if section.items_first {
        items(w);
        text(w);
    } else {
        text(w);
        items(w);
    }
    if section.tail == Tail::Citation {
        let citation = &card.model_details.citation;
        if !is_blank(&citation.bibtex) {
            w.paragraph("**BibTeX:**");
            w.code("bibtex", &citation.bibtex);
        }
        if !is_blank(&citation.apa) {
            w.paragraph("**APA:**");
            w.paragraph(&citation.apa);
        }
        return;
    }
    for (_, part) in tail_parts(card, section.tail) {
        if !part.is_empty() {
            w.block(&part);
        }
    }
}

/// A section's text field as a paragraph, or nothing.
pub fn text_part(card: &Card, section: &Section) -> String {
    let mut w = Writer::default();
    if let Some(field) = section.text {
        w.paragraph((field.get)(card));
    }
    w.out
}

/// An item's value as it follows its label, or nothing.
pub fn item_part(card: &Card, item: &Item) -> String {
    let value = (item.get)(card);
    if is_blank(&value) { String::new() } else { item_value(&value) }
}

/// The parts of a section's tail, each by its id: what the writer puts after the text
/// and items. Empty parts say the card has nothing there.
pub fn tail_parts(card: &Card, tail: Tail) -> Vec<(&'static str, String)> {
    let mut w = Writer::default();
    match tail {
        Tail::None => Vec::new(),
        Tail::EthicsTables => {
            let section = &card.ethical_considerations;
            let risks: Vec<[&str; 2]> = section
                .risks
                .iter()
                .filter(|r| !(is_blank(&r.risk) && is_blank(&r.mitigation)))
                .map(|r| [r.risk.as_str(), r.mitigation.as_str()])
                .collect();
            if !risks.is_empty() {
                w.table(&["Risk", "Mitigation"], &risks);
            }
            let assessments: Vec<[&str; 4]> = section
                .fairness_assessments
                .iter()
                .map(|a| {
                    [
                        a.group_at_risk.as_str(),
                        a.benefits.as_str(),
                        a.harms.as_str(),
                        a.mitigation.as_str(),
                    ]
                })
                .filter(|row| !row.iter().all(|cell| is_blank(cell)))
                .collect();
            let mut fairness = Writer::default();
            if !assessments.is_empty() {
                fairness.table(&FAIRNESS_HEADERS, &assessments);
            }
            vec![("risks", w.out), ("fairness", fairness.out)]
        }
        Tail::Datasets { training } => {
            let data = if training { &card.training_data } else { &card.evaluation_data };
            w.datasets(&data.datasets);
            vec![("datasets", w.out)]
        }
        Tail::ResultsTable => vec![("results", results_table(card).unwrap_or_default())],
        Tail::Code => {
            let block = &card.get_started;
            let code = if is_blank(&block.code) {
                String::new()
            } else {
                code_block(&block.language, &block.code)
            };
            vec![("code", code)]
        }
        Tail::Citation => {
            let citation = &card.model_details.citation;
            let bibtex = if is_blank(&citation.bibtex) {
                String::new()
            } else {
                code_block("bibtex", &citation.bibtex)
            };
            w.paragraph(&citation.apa);
            vec![("bibtex", bibtex), ("apa", w.out)]
        }
    }
}

/// The results table exactly as the Markdown has it, for an import to recognise.
pub fn results_table(card: &Card) -> Option<String> {
    let results: Vec<&MetricResult> =
        card.quantitative_analysis.results.iter().filter(|r| !result_is_blank(r)).collect();
    if results.is_empty() {
        return None;
    }
    let mut writer = Writer::default();
    writer.results_table(&results);
    Some(writer.out)
}

fn result_is_blank(result: &MetricResult) -> bool {
    is_blank(&result.metric) && is_blank(&result.value)
}
