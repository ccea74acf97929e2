//! Card → Markdown, in the Hugging Face model card template's section order.
//!
//! The output is split into top-level sections so the preview can re-render only the
//! section that changed. Empty sections are left out; no filler text is ever printed.

use crate::card::Card;

/// One top-level part of the rendered card: the title block or a `##` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownSection {
    /// A stable identifier, used as the preview's key and the HTML anchor.
    pub id: &'static str,
    pub markdown: String,
}

/// The whole card as one Markdown document.
pub fn to_markdown(card: &Card) -> String {
    let sections = card_sections(card);
    let mut text = String::new();
    for section in &sections {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&section.markdown);
    }
    text
}

/// Writes one section's Markdown; writes nothing when the section is empty.
type SectionWriter = fn(&Card, &mut Writer);

/// Every top-level section, in the Hugging Face template's order.
const SECTIONS: &[(&str, SectionWriter)] = &[
    ("title", title),
    ("bias-risks-limitations", bias_risks_limitations),
    ("evaluation", evaluation),
];

/// The card's non-empty sections, in template order.
pub fn card_sections(card: &Card) -> Vec<MarkdownSection> {
    SECTIONS
        .iter()
        .filter_map(|&(id, write)| {
            let mut writer = Writer::default();
            write(card, &mut writer);
            (!writer.out.is_empty()).then_some(MarkdownSection { id, markdown: writer.out })
        })
        .collect()
}

fn title(card: &Card, w: &mut Writer) {
    let details = &card.model_details;
    let name = details.name.trim();
    w.heading(1, if name.is_empty() { "Untitled model" } else { name });
    w.field("Version", &details.version.name);
}

fn bias_risks_limitations(card: &Card, w: &mut Writer) {
    let section = &card.bias_risks_limitations;
    if is_blank(&section.limitations) {
        return;
    }
    w.heading(2, "Bias, Risks, and Limitations");
    w.paragraph(&section.limitations);
}

fn evaluation(card: &Card, w: &mut Writer) {
    let results = &card.quantitative_analysis.results;
    if results.iter().all(|r| is_blank(&r.metric) && is_blank(&r.value)) {
        return;
    }
    w.heading(2, "Evaluation");
    w.heading(3, "Results");
    let rows: Vec<[&str; 2]> = results
        .iter()
        .filter(|r| !(is_blank(&r.metric) && is_blank(&r.value)))
        .map(|r| [r.metric.as_str(), r.value.as_str()])
        .collect();
    w.table(&["Metric", "Value"], &rows);
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Appends Markdown blocks, one blank line apart.
#[derive(Default)]
struct Writer {
    out: String,
    /// Whether the last block is a list of `field`s that the next field extends.
    in_field_list: bool,
}

impl Writer {
    fn block(&mut self, text: &str) {
        self.in_field_list = false;
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
        if !text.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.block(&format!("{} {}", "#".repeat(level), one_line(text)));
    }

    fn paragraph(&mut self, text: &str) {
        let text = text.trim_end();
        if !text.trim().is_empty() {
            self.block(text);
        }
    }

    /// A `- **Label:** value` line; consecutive fields form one list.
    fn field(&mut self, label: &str, value: &str) {
        if is_blank(value) {
            return;
        }
        let line = format!("- **{label}:** {}\n", one_line(value));
        if self.in_field_list {
            self.out.push_str(&line);
        } else {
            self.block(&line);
            self.in_field_list = true;
        }
    }

    fn table<const N: usize>(&mut self, headers: &[&str; N], rows: &[[&str; N]]) {
        let mut text = format!("| {} |\n", headers.join(" | "));
        text.push_str(&format!("|{}\n", " --- |".repeat(N)));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|cell| table_cell(cell)).collect();
            text.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        self.block(&text);
    }
}

/// Flattens text for a single-line context (a heading, a list item).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table cell: one line, with pipes escaped so they cannot end the cell.
fn table_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::MetricResult;

    fn seed_card() -> Card {
        let mut card = Card::default();
        card.model_details.name = "ImageClassifier".into();
        card.model_details.version.name = "1.0".into();
        card.quantitative_analysis.results = vec![MetricResult::new("accuracy", "0.92")];
        card.bias_risks_limitations.limitations = "May misclassify rare images".into();
        card
    }

    #[test]
    fn renders_the_seed_card() {
        assert_eq!(
            to_markdown(&seed_card()),
            "# ImageClassifier\n\
             \n\
             - **Version:** 1.0\n\
             \n\
             ## Bias, Risks, and Limitations\n\
             \n\
             May misclassify rare images\n\
             \n\
             ## Evaluation\n\
             \n\
             ### Results\n\
             \n\
             | Metric | Value |\n\
             | --- | --- |\n\
             | accuracy | 0.92 |\n"
        );
    }

    #[test]
    fn leaves_out_empty_sections() {
        let markdown = to_markdown(&Card::default());
        assert_eq!(markdown, "# Untitled model\n");
    }

    #[test]
    fn skips_blank_metric_rows() {
        let mut card = seed_card();
        card.quantitative_analysis.results.push(MetricResult::new(" ", ""));
        assert!(to_markdown(&card).ends_with("| accuracy | 0.92 |\n"));
    }

    #[test]
    fn keeps_table_cells_on_one_line_and_escapes_pipes() {
        let mut card = seed_card();
        card.quantitative_analysis.results = vec![MetricResult::new("a|b", "1\n2")];
        assert!(to_markdown(&card).contains("| a\\|b | 1 2 |\n"));
    }

    #[test]
    fn splits_into_sections_with_stable_ids() {
        let ids: Vec<_> = card_sections(&seed_card()).iter().map(|s| s.id).collect();
        assert_eq!(ids, ["title", "bias-risks-limitations", "evaluation"]);
    }
}
