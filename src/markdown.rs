//! Card → Markdown, in the Hugging Face model card template's section order.
//!
//! The output is split into top-level sections so the preview can re-render only the
//! section that changed. Empty sections are left out; no filler text is ever printed.

use crate::card::{Card, Dataset, MetricResult, licenses};
use crate::display::date;
use crate::document::Document;
use crate::review::{Approval, Status};

/// One top-level part of the rendered card: the title block or a `##` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownSection {
    /// A stable identifier, used as the preview's key and the HTML anchor.
    pub id: String,
    pub markdown: String,
}

/// The whole card as one Markdown document.
pub fn to_markdown(card: &Card) -> String {
    join_sections(&card_sections(card))
}

/// A card with its review status, as downloaded: the card's sections, with a notice of
/// its status and approval right under the title.
pub fn document_to_markdown(document: &Document) -> String {
    join_sections(&document_sections(document))
}

/// The card's sections with the status notice placed after the title.
pub fn document_sections(document: &Document) -> Vec<MarkdownSection> {
    let mut sections = card_sections(&document.card);
    let notice = MarkdownSection { id: "status".into(), markdown: status_notice(document) };
    sections.insert(1.min(sections.len()), notice);
    sections
}

/// "Draft: not reviewed" for a card without a valid approval, else the approval block:
/// the reviewers, the date and the content hash.
pub fn status_notice(document: &Document) -> String {
    let workflow = &document.workflow;
    let approval_line = |approval: &Approval| {
        let reviewers: Vec<String> = approval
            .reviewers
            .iter()
            .map(|r| format!("{} ({})", one_line(&r.name), one_line(&r.role)))
            .collect();
        // Each signed approval by name, role, date and key: what a reader compares with
        // `modelcard verify` or the viewer (docs/signed-review.md).
        let signers: String = approval
            .reviewers
            .iter()
            .filter(|r| !r.fingerprint.is_empty())
            .map(|r| {
                format!(
                    ">\n> Signed by {} ({}) on {}, key `{}`.\n",
                    one_line(&r.name),
                    one_line(&r.role),
                    date(r.at),
                    crate::review::signed::identity::grouped(&r.fingerprint)
                )
            })
            .collect();
        format!(
            "> Approved on {} by {}.\n>\n> Content SHA-256: `{}`\n{signers}",
            date(approval.approved_at),
            reviewers.join(", "),
            approval.content_hash
        )
    };
    match (workflow.status, &workflow.approval, workflow.current_publication()) {
        (Status::Published, _, Some(publication)) => format!(
            "> **Published:** version {} of {}.\n>\n{}",
            one_line(&publication.version),
            publication.date,
            approval_line(&publication.approval)
        ),
        (Status::Approved, Some(approval), _) => {
            format!("> **Approved, not yet published.**\n>\n{}", approval_line(approval))
        }
        (Status::InReview, ..) => {
            "> **Draft: not reviewed.** This card is in review and not yet approved.\n".to_owned()
        }
        _ if workflow.approval.is_some() => {
            "> **Draft: not reviewed.** This card changed since it was approved.\n".to_owned()
        }
        _ => {
            "> **Draft: not reviewed.** This card has not been approved; what it says may change.\n"
                .to_owned()
        }
    }
}

/// Joins sections into one document, one blank line apart.
pub fn join_sections(sections: &[MarkdownSection]) -> String {
    let mut text = String::new();
    for section in sections {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&section.markdown);
    }
    text
}

/// Writes one section's Markdown; writes nothing when the section is empty.
type SectionWriter = fn(&Card, &mut Writer);

/// The standard sections before the custom ones, in the Hugging Face template's order
/// (with the paper's "Ethical considerations" and "Caveats" after the limitations).
const SECTIONS_BEFORE_CUSTOM: &[(&str, SectionWriter)] = &[
    ("title", title),
    ("model-details", model_details),
    ("uses", uses),
    ("bias-risks-limitations", bias_risks_limitations),
    ("ethical-considerations", ethical_considerations),
    ("caveats-and-recommendations", caveats),
    ("get-started", get_started),
    ("training-details", training_details),
    ("evaluation", evaluation),
    ("environmental-impact", environmental_impact),
    ("technical-specifications", technical_specifications),
    ("citation", citation),
    ("glossary", glossary),
    ("more-information", more_information),
];

const SECTIONS_AFTER_CUSTOM: &[(&str, SectionWriter)] =
    &[("card-authors", card_authors), ("card-contact", card_contact)];

/// The card's non-empty sections, in template order.
pub fn card_sections(card: &Card) -> Vec<MarkdownSection> {
    let standard = |sections: &'static [(&'static str, SectionWriter)]| {
        sections.iter().filter_map(|&(id, write)| {
            let mut writer = Writer::default();
            write(card, &mut writer);
            (!writer.out.is_empty())
                .then(|| MarkdownSection { id: id.to_owned(), markdown: writer.out })
        })
    };
    let custom = card.custom_sections.iter().enumerate().filter_map(|(index, section)| {
        if is_blank(&section.title) && is_blank(&section.body) {
            return None;
        }
        let mut w = Writer::default();
        let level = usize::from(section.level.clamp(1, 6));
        w.heading(
            level,
            if is_blank(&section.title) { "Untitled section" } else { &section.title },
        );
        w.paragraph(&section.body);
        Some(MarkdownSection { id: format!("custom-{}", index + 1), markdown: w.out })
    });
    standard(SECTIONS_BEFORE_CUSTOM).chain(custom).chain(standard(SECTIONS_AFTER_CUSTOM)).collect()
}

/// The name as the title, then the summary. A card without a name has no title: the
/// preview shows nothing rather than filler, and an import reads back no name.
fn title(card: &Card, w: &mut Writer) {
    let details = &card.model_details;
    if !is_blank(&details.name) {
        w.heading(1, &details.name);
    }
    w.paragraph(&details.summary);
}

fn model_details(card: &Card, w: &mut Writer) {
    let d = &card.model_details;
    let owners: Vec<String> = d
        .owners
        .iter()
        .filter(|o| !is_blank(&o.name))
        .map(|o| {
            if is_blank(&o.contact) {
                one_line(&o.name)
            } else {
                format!("{} ({})", one_line(&o.name), one_line(&o.contact))
            }
        })
        .collect();
    let license = if d.license.is_other() {
        match (is_blank(&d.license.name), is_blank(&d.license.link)) {
            (false, false) => format!("[{}]({})", one_line(&d.license.name), d.license.link.trim()),
            (false, true) => one_line(&d.license.name),
            _ => licenses::OTHER.to_owned(),
        }
    } else {
        d.license.id.clone()
    };
    let fields = [
        ("Developed by", owners.join(", ")),
        ("Funded by", d.funded_by.clone()),
        ("Shared by", d.shared_by.clone()),
        ("Model type", d.model_type.clone()),
        ("Architecture", d.architecture.clone()),
        ("Version", d.version.name.clone()),
        ("Release date", d.version.date.clone()),
        ("Language(s)", d.languages.join(", ")),
        ("License", license),
        ("Finetuned from model", d.base_models.join(", ")),
        ("Contact", d.contact.clone()),
    ];
    let sources =
        [("Repository", &d.links.repository), ("Paper", &d.links.paper), ("Demo", &d.links.demo)];
    let has_fields = fields.iter().any(|(_, value)| !is_blank(value));
    if is_blank(&d.description)
        && !has_fields
        && is_blank(&d.version.changes)
        && sources.iter().all(|(_, v)| is_blank(v))
    {
        return;
    }
    w.heading(2, "Model Details");
    if !is_blank(&d.description) || has_fields {
        w.heading(3, "Model Description");
        w.paragraph(&d.description);
        for (label, value) in &fields {
            w.field(label, value);
        }
    }
    w.subsection(3, "Changes in this Version", &d.version.changes);
    if sources.iter().any(|(_, value)| !is_blank(value)) {
        w.heading(3, "Model Sources");
        for (label, value) in sources {
            w.field(label, value);
        }
    }
}

fn uses(card: &Card, w: &mut Writer) {
    let u = &card.intended_use;
    let parts = [
        ("Direct Use", &u.direct_use),
        ("Downstream Use", &u.downstream_use),
        ("Primary Users", &u.primary_users),
        ("Out-of-Scope Use", &u.out_of_scope_use),
    ];
    if parts.iter().all(|(_, text)| is_blank(text)) {
        return;
    }
    w.heading(2, "Uses");
    for (heading, text) in parts {
        w.subsection(3, heading, text);
    }
}

fn bias_risks_limitations(card: &Card, w: &mut Writer) {
    let section = &card.bias_risks_limitations;
    if is_blank(&section.limitations) && is_blank(&section.recommendations) {
        return;
    }
    w.heading(2, "Bias, Risks, and Limitations");
    w.paragraph(&section.limitations);
    w.subsection(3, "Recommendations", &section.recommendations);
}

fn ethical_considerations(card: &Card, w: &mut Writer) {
    let section = &card.ethical_considerations;
    let risks: Vec<[&str; 2]> = section
        .risks
        .iter()
        .filter(|r| !(is_blank(&r.risk) && is_blank(&r.mitigation)))
        .map(|r| [r.risk.as_str(), r.mitigation.as_str()])
        .collect();
    let assessments: Vec<[&str; 4]> = section
        .fairness_assessments
        .iter()
        .map(|a| {
            [a.group_at_risk.as_str(), a.benefits.as_str(), a.harms.as_str(), a.mitigation.as_str()]
        })
        .filter(|row| !row.iter().all(|cell| is_blank(cell)))
        .collect();
    if risks.is_empty() && assessments.is_empty() && is_blank(&section.notes) {
        return;
    }
    w.heading(2, "Ethical Considerations");
    w.paragraph(&section.notes);
    if !risks.is_empty() {
        w.table(&["Risk", "Mitigation"], &risks);
    }
    if !assessments.is_empty() {
        w.table(&FAIRNESS_HEADERS, &assessments);
    }
}

/// The columns of the fairness assessments' table, as the Hugging Face reader expects.
pub const FAIRNESS_HEADERS: [&str; 4] = ["Group at risk", "Benefits", "Harms", "Mitigation"];

fn caveats(card: &Card, w: &mut Writer) {
    if !is_blank(&card.caveats_and_recommendations) {
        w.heading(2, "Caveats and Recommendations");
        w.paragraph(&card.caveats_and_recommendations);
    }
}

fn get_started(card: &Card, w: &mut Writer) {
    let block = &card.get_started;
    if is_blank(&block.code) {
        return;
    }
    w.heading(2, "How to Get Started with the Model");
    w.code(&block.language, &block.code);
}

fn training_details(card: &Card, w: &mut Writer) {
    let data = &card.training_data;
    let p = &card.training_procedure;
    let procedure =
        [&p.preprocessing, &p.training_regime, &p.hyperparameters, &p.speeds_sizes_times];
    if data.is_empty() && procedure.iter().all(|text| is_blank(text)) {
        return;
    }
    w.heading(2, "Training Details");
    if !data.is_empty() {
        w.heading(3, "Training Data");
        w.paragraph(&data.notes);
        w.datasets(&data.datasets);
    }
    if procedure.iter().any(|text| !is_blank(text)) {
        w.heading(3, "Training Procedure");
        w.subsection(4, "Preprocessing", &p.preprocessing);
        if [&p.learning_approach, &p.training_regime, &p.hyperparameters]
            .iter()
            .any(|t| !is_blank(t))
        {
            w.heading(4, "Training Hyperparameters");
            w.field("Learning approach", &p.learning_approach);
            w.field("Training regime", &p.training_regime);
            w.paragraph(&p.hyperparameters);
        }
        w.subsection(4, "Speeds, Sizes, Times", &p.speeds_sizes_times);
    }
}

fn evaluation(card: &Card, w: &mut Writer) {
    let data = &card.evaluation_data;
    let f = &card.factors;
    let m = &card.metrics;
    let analysis = &card.quantitative_analysis;
    let results: Vec<&MetricResult> =
        analysis.results.iter().filter(|r| !result_is_blank(r)).collect();
    let testing = [
        &f.relevant_factors,
        &f.evaluation_factors,
        &m.performance_measures,
        &m.decision_thresholds,
        &m.variation_approaches,
    ];
    if data.is_empty()
        && testing.iter().all(|text| is_blank(text))
        && results.is_empty()
        && is_blank(&analysis.summary)
    {
        return;
    }
    w.heading(2, "Evaluation");
    if !data.is_empty() || testing.iter().any(|text| !is_blank(text)) {
        w.heading(3, "Testing Data, Factors & Metrics");
        if !data.is_empty() {
            w.heading(4, "Testing Data");
            w.paragraph(&data.notes);
            w.datasets(&data.datasets);
        }
        w.subsection(4, "Factors", &f.relevant_factors);
        w.subsection(4, "Evaluation Factors", &f.evaluation_factors);
        w.subsection(4, "Metrics", &m.performance_measures);
        w.subsection(4, "Decision Thresholds", &m.decision_thresholds);
        w.subsection(4, "Uncertainty and Variability", &m.variation_approaches);
    }
    if !results.is_empty() || !is_blank(&analysis.summary) {
        w.heading(3, "Results");
        if !results.is_empty() {
            w.results_table(&results);
        }
        w.subsection(4, "Summary", &analysis.summary);
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

fn environmental_impact(card: &Card, w: &mut Writer) {
    let e = &card.environmental_impact;
    let fields = [
        ("Hardware Type", &e.hardware_type),
        ("Hours used", &e.hours_used),
        ("Cloud Provider", &e.cloud_provider),
        ("Compute Region", &e.compute_region),
        ("Carbon Emitted", &e.co2_emitted),
        ("Energy Used", &e.energy_consumed),
    ];
    if fields.iter().all(|(_, value)| is_blank(value)) {
        return;
    }
    w.heading(2, "Environmental Impact");
    for (label, value) in fields {
        w.field(label, value);
    }
}

fn technical_specifications(card: &Card, w: &mut Writer) {
    let t = &card.technical_specifications;
    let (inputs, outputs) = (t.inputs.join(", "), t.outputs.join(", "));
    if [&t.architecture_and_objective, &inputs, &outputs, &t.hardware, &t.software]
        .iter()
        .all(|text| is_blank(text))
    {
        return;
    }
    w.heading(2, "Technical Specifications");
    w.subsection(3, "Model Architecture and Objective", &t.architecture_and_objective);
    if !is_blank(&inputs) || !is_blank(&outputs) {
        w.heading(3, "Inputs and Outputs");
        w.field("Input formats", &inputs);
        w.field("Output formats", &outputs);
    }
    if !is_blank(&t.hardware) || !is_blank(&t.software) {
        w.heading(3, "Compute Infrastructure");
        w.subsection(4, "Hardware", &t.hardware);
        w.subsection(4, "Software", &t.software);
    }
}

fn citation(card: &Card, w: &mut Writer) {
    let c = &card.model_details.citation;
    if is_blank(&c.bibtex) && is_blank(&c.apa) {
        return;
    }
    w.heading(2, "Citation");
    if !is_blank(&c.bibtex) {
        w.paragraph("**BibTeX:**");
        w.code("bibtex", &c.bibtex);
    }
    if !is_blank(&c.apa) {
        w.paragraph("**APA:**");
        w.paragraph(&c.apa);
    }
}

fn glossary(card: &Card, w: &mut Writer) {
    w.subsection(2, "Glossary", &card.more.glossary);
}

fn more_information(card: &Card, w: &mut Writer) {
    w.subsection(2, "More Information", &card.more.more_information);
}

fn card_authors(card: &Card, w: &mut Writer) {
    w.subsection(2, "Model Card Authors", &card.more.card_authors);
}

fn card_contact(card: &Card, w: &mut Writer) {
    w.subsection(2, "Model Card Contact", &card.more.card_contact);
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

    /// A heading with its text, or nothing when the text is blank.
    fn subsection(&mut self, level: usize, heading: &str, text: &str) {
        if !is_blank(text) {
            self.heading(level, heading);
            self.paragraph(text);
        }
    }

    /// A `- **Label:** value` item; consecutive fields form one list. Multi-line values
    /// are indented so they stay inside their item.
    fn field(&mut self, label: &str, value: &str) {
        if is_blank(value) {
            return;
        }
        let line = format!("- **{label}:** {}\n", indent_continuation(value.trim(), "  "));
        if self.in_field_list {
            self.out.push_str(&line);
        } else {
            self.block(&line);
            self.in_field_list = true;
        }
    }

    fn code(&mut self, language: &str, code: &str) {
        let fence = "`".repeat(longest_backtick_run(code).max(2) + 1);
        let code = code.trim_end_matches('\n');
        self.block(&format!("{fence}{}\n{code}\n{fence}", one_line(language)));
    }

    fn table<const N: usize>(&mut self, headers: &[&str; N], rows: &[[&str; N]]) {
        let rows: Vec<Vec<String>> =
            rows.iter().map(|row| row.iter().map(|c| (*c).to_owned()).collect()).collect();
        self.dynamic_table(headers, &rows);
    }

    fn dynamic_table(&mut self, headers: &[&str], rows: &[Vec<String>]) {
        let mut text = format!("| {} |\n", headers.join(" | "));
        text.push_str(&format!("|{}\n", " --- |".repeat(headers.len())));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|cell| table_cell(cell)).collect();
            text.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        self.block(&text);
    }

    /// The results as a table, with only the columns some result fills in.
    fn results_table(&mut self, results: &[&MetricResult]) {
        type Column = (&'static str, fn(&MetricResult) -> String);
        let columns: [Column; 7] = [
            ("Metric", |r| r.metric.clone()),
            ("Value", |r| r.value.clone()),
            ("Dataset", |r| r.dataset.clone()),
            ("Split", |r| r.split.clone()),
            ("Slice", |r| {
                if r.slice.iter().all(|t| t.is_blank()) { String::new() } else { r.slice_label() }
            }),
            ("95% CI", |r| {
                if is_blank(&r.ci_lower) && is_blank(&r.ci_upper) {
                    String::new()
                } else {
                    format!("[{}, {}]", r.ci_lower.trim(), r.ci_upper.trim())
                }
            }),
            ("Threshold", |r| r.threshold.clone()),
        ];
        let used: Vec<&Column> = columns
            .iter()
            .enumerate()
            .filter(|(index, (_, cell))| *index < 2 || results.iter().any(|r| !is_blank(&cell(r))))
            .map(|(_, column)| column)
            .collect();
        let headers: Vec<&str> = used.iter().map(|(header, _)| *header).collect();
        let rows: Vec<Vec<String>> =
            results.iter().map(|r| used.iter().map(|(_, cell)| cell(r)).collect()).collect();
        self.dynamic_table(&headers, &rows);
    }

    fn datasets(&mut self, datasets: &[Dataset]) {
        for dataset in datasets.iter().filter(|d| !(is_blank(&d.name) && is_blank(&d.description)))
        {
            let name = if is_blank(&dataset.name) {
                "Unnamed dataset".to_owned()
            } else {
                one_line(&dataset.name)
            };
            let link = dataset_link(&dataset.link);
            self.paragraph(&match link {
                Some(url) => format!("**{name}** ([link]({url}))"),
                None => format!("**{name}**"),
            });
            self.paragraph(&dataset.description);
            self.field("Split", &dataset.split);
            self.field("Motivation", &dataset.motivation);
            self.field("Preprocessing", &dataset.preprocessing);
            if dataset.sensitive {
                let notes = dataset.sensitive_notes.trim();
                self.field(
                    "Sensitive data",
                    &if notes.is_empty() { "Yes".to_owned() } else { format!("Yes. {notes}") },
                );
            }
        }
    }
}

/// A dataset's link: a URL as it is, a Hub id as its Hub page.
fn dataset_link(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() || link.contains(char::is_whitespace) {
        None
    } else if link.starts_with("http://") || link.starts_with("https://") {
        Some(link.to_owned())
    } else {
        Some(format!("https://huggingface.co/datasets/{link}"))
    }
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Indents every line after the first, so multi-line text stays inside a list item.
fn indent_continuation(text: &str, indent: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            if index == 0 || line.is_empty() { line.to_owned() } else { format!("{indent}{line}") }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Flattens text for a single-line context (a heading, a table cell).
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
    use crate::card::example::seed_card;
    use crate::card::{CustomSection, MetricResult, SliceTerm};

    #[test]
    fn renders_the_seed_card() {
        assert_eq!(
            to_markdown(&seed_card()),
            "# ImageClassifier\n\
             \n\
             ## Model Details\n\
             \n\
             ### Model Description\n\
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
    fn a_draft_says_it_is_not_reviewed() {
        let document = Document::new(seed_card());
        let markdown = document_to_markdown(&document);
        assert!(
            markdown.starts_with("# ImageClassifier\n\n> **Draft: not reviewed.**"),
            "{markdown}"
        );
    }

    #[test]
    fn an_approved_or_published_card_carries_its_approval_block() {
        use crate::review::{Approver, Publication, Workflow};
        let approval = Approval {
            content_hash: "ab12".into(),
            approved_at: 1_764_193_393_000,
            reviewers: vec![
                Approver {
                    name: "Rita".into(),
                    role: "Ethics board".into(),
                    at: 1,
                    fingerprint: String::new(),
                },
                Approver {
                    name: "Sam".into(),
                    role: "Owner".into(),
                    at: 2,
                    fingerprint: String::new(),
                },
            ],
        };
        let mut document = Document {
            card: seed_card(),
            workflow: Workflow {
                status: Status::Approved,
                approval: Some(approval.clone()),
                ..Workflow::default()
            },
        };
        assert!(status_notice(&document).contains(
            "> Approved on 2025-11-26 by Rita (Ethics board), Sam (Owner).\n>\n> Content SHA-256: `ab12`"
        ));
        document.workflow.status = Status::Published;
        document.workflow.publications.push(Publication {
            version: "1.0".into(),
            date: "2025-11-26".into(),
            content_hash: "ab12".into(),
            published_at: 5,
            approval,
            superseded_at: None,
        });
        let notice = status_notice(&document);
        assert!(notice.starts_with("> **Published:** version 1.0 of 2025-11-26.\n"), "{notice}");
        assert!(notice.contains("Content SHA-256: `ab12`"));
    }

    #[test]
    fn leaves_out_empty_sections() {
        assert_eq!(to_markdown(&Card::default()), "");
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
    fn shows_only_the_result_columns_in_use() {
        let mut card = seed_card();
        card.quantitative_analysis.results[0].slice = vec![SliceTerm::new("lighting", "night")];
        card.quantitative_analysis.results[0].ci_lower = "0.9".into();
        card.quantitative_analysis.results[0].ci_upper = "0.94".into();
        let markdown = to_markdown(&card);
        assert!(markdown.contains("| Metric | Value | Slice | 95% CI |\n"), "{markdown}");
        assert!(
            markdown.contains("| accuracy | 0.92 | lighting=night | [0.9, 0.94] |\n"),
            "{markdown}"
        );
    }

    #[test]
    fn fences_code_longer_than_any_backtick_run_inside() {
        let mut card = Card::default();
        card.get_started.language = "markdown".into();
        card.get_started.code = "````\nnested\n````".into();
        assert!(to_markdown(&card).contains("`````markdown\n````\nnested\n````\n`````\n"));
    }

    #[test]
    fn places_custom_sections_before_the_card_authors() {
        let mut card = Card::default();
        card.more.card_authors = "A. Author".into();
        card.custom_sections = vec![CustomSection {
            title: "Deployment".into(),
            body: "On the edge.".into(),
            level: 2,
        }];
        let ids: Vec<_> = card_sections(&card).into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["custom-1", "card-authors"], "a card without a name has no title section");
    }

    #[test]
    fn keeps_multi_line_field_values_inside_their_list_item() {
        let mut card = Card::default();
        card.training_data.datasets = vec![crate::card::Dataset {
            name: "Photos".into(),
            motivation: "First line\nsecond line".into(),
            ..Default::default()
        }];
        assert!(to_markdown(&card).contains("- **Motivation:** First line\n  second line\n"));
    }

    #[test]
    fn links_hub_dataset_ids_to_the_hub() {
        assert_eq!(
            dataset_link("imagenet-1k").as_deref(),
            Some("https://huggingface.co/datasets/imagenet-1k")
        );
        assert_eq!(dataset_link("https://x.org/d").as_deref(), Some("https://x.org/d"));
        assert_eq!(dataset_link("not a link"), None);
    }

    #[test]
    fn the_approval_block_lists_each_signer_with_role_date_and_key() {
        use crate::review::{Approver, Workflow};
        let approval = Approval {
            content_hash: "ab12".into(),
            approved_at: 1_764_193_393_999,
            reviewers: vec![
                Approver {
                    name: "Sara".into(),
                    role: "Safety".into(),
                    at: 1_764_193_393_999,
                    fingerprint: "0123456789abcdef".repeat(4),
                },
                Approver {
                    name: "Rita".into(),
                    role: "Ethics board".into(),
                    at: 1,
                    fingerprint: String::new(),
                },
            ],
        };
        let document = Document {
            card: crate::card::Card::default(),
            workflow: Workflow {
                status: Status::Approved,
                approval: Some(approval),
                ..Workflow::default()
            },
        };
        let notice = status_notice(&document);
        assert!(notice.ends_with(
            "> Content SHA-256: `ab12`\n>\n> Signed by Sara (Safety) on 2025-11-26, key `0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567 89ab cdef`.\n"
        ), "{notice}");
        assert_eq!(
            notice.matches("Signed by").count(),
            1,
            "an unsigned approver is not listed as signed"
        );
    }
}
