//! Card → Markdown. The one table of the card's sections (`headings`) drives both the
//! writer (`template`, in the Hugging Face template's order) and the README reader in
//! `formats::hf`. A card imported from a README is printed from that README instead
//! (`readme`): its bytes, changed only where the card changed. Either way the result is
//! split into sections so that the preview re-renders only the one that changed, and the
//! preview shows exactly the body the README export writes, status block (`status`)
//! first.

pub mod blocks;
pub mod headings;
pub mod readme;
pub mod status;
pub mod template;
pub mod writer;

use crate::card::Card;
use crate::document::Document;
use crate::document::source::ReadmeSource;
use crate::review::Workflow;

pub use template::{card_sections, results_table};

/// One part of the rendered card: a top-level section, or the status block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownSection {
    /// A stable identifier, used as the preview's key and the HTML anchor.
    pub id: String,
    pub markdown: String,
}

/// The whole card as one Markdown document, in the template's order.
pub fn to_markdown(card: &Card) -> String {
    join_sections(&card_sections(card))
}

/// Joins template sections into one document, one blank line apart.
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

/// The README's body as the export writes it: from the card's source when it has one,
/// else in the template's order.
pub fn body(document: &Document) -> String {
    match &document.source {
        Some(source) => readme::body(source, &document.card),
        None => join_sections(&card_sections(&document.card)),
    }
}

/// What the README shows, as the preview renders it: the status block, then the body
/// in sections. Joined they are exactly the body of the README export, but for the
/// status block's data lines, which are HTML comments and show nothing.
pub fn document_sections(document: &Document) -> Vec<MarkdownSection> {
    sections_of(&document.card, &document.workflow, document.source.as_ref())
}

/// [`document_sections`] of a card, its workflow and its source, by reference: what the
/// preview calls on every edit.
pub fn sections_of(
    card: &Card,
    workflow: &Workflow,
    source: Option<&ReadmeSource>,
) -> Vec<MarkdownSection> {
    let eol = source.map_or("\n", |s| readme::line_ending(&s.text));
    let mut sections = vec![MarkdownSection {
        id: "status".into(),
        markdown: status::Block::of(workflow, None).write(eol),
    }];
    match source {
        Some(source) => sections.extend(readme::sections(&readme::body(source, card))),
        None => {
            let mut card = card_sections(card);
            let last = card.len().saturating_sub(1);
            for section in card.iter_mut().take(last) {
                section.markdown.push('\n');
            }
            sections.extend(card);
        }
    }
    sections
}

/// What the preview renders, piece by piece: [`sections_of`] with each section cut
/// further ([`blocks::pieces`]), so that a keystroke in a long section re-renders a few
/// KB of it, not all of it.
pub fn preview_pieces(
    card: &Card,
    workflow: &Workflow,
    source: Option<&ReadmeSource>,
) -> Vec<MarkdownSection> {
    sections_of(card, workflow, source).iter().flat_map(blocks::pieces).collect()
}

/// The status block and the body, as one text: what the preview shows.
pub fn document_to_markdown(document: &Document) -> String {
    document_sections(document).into_iter().map(|s| s.markdown).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::seed_card;
    use crate::card::{CustomSection, MetricResult, SliceTerm};
    use crate::review::{Approval, Status};

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
            markdown.starts_with("<!-- model-card-studio:status -->\n> **Draft: not reviewed.**"),
            "{markdown}"
        );
        assert!(markdown.contains("<!-- /model-card-studio:status -->\n\n# ImageClassifier\n"));
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
            source: None,
        };
        assert!(status::notice(&document.workflow).contains(
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
        let notice = status::notice(&document.workflow);
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
    fn the_sections_of_a_card_join_into_its_readme_body() {
        let document = Document::new(crate::card::example::filled_card());
        let joined = document_to_markdown(&document);
        let block = status::Block::of(&document.workflow, None).write("\n");
        assert_eq!(joined.strip_prefix(block.as_str()), Some(body(&document).as_str()));
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
}
