//! Everything the screens and the exports make of a document, without the browser: the
//! hostile-document tests and the `document` fuzz target run a document that came in
//! through `import_any` through all of it, so a crafted file that would break a screen
//! breaks here first. When a screen starts showing something new from the core, call it
//! here too.

use model_card_studio::card::completeness::Completeness;
use model_card_studio::card::{self, fields, licenses};
use model_card_studio::document::Document;
use model_card_studio::formats::{self, ExportFormat, share};
use model_card_studio::review::{checklist, diff, steps};
use model_card_studio::storage::DraftRecord;
use model_card_studio::{check, display, markdown, render};

/// Shows a document every way the app does; returns how many bytes of text that made,
/// so nothing is optimised away.
pub fn present_everything(document: &Document, now: u64) -> usize {
    let card = &document.card;
    let workflow = &document.workflow;
    let mut shown: Vec<String> = Vec::new();

    // The editor: completeness, the section list, every field and list item.
    let completeness = Completeness::assess(card);
    shown.push(completeness.missing_summary());
    shown.extend(completeness.missing().iter().map(|missing| missing.describe()));
    for field in fields::ALL {
        shown.push(format!("{}{}", field.is_shown(card), field.has_content(card)));
    }
    for list in fields::LISTS {
        for item in list.item_texts(card) {
            shown.extend(item.into_iter().map(|(_, label, value)| label + &value));
        }
    }
    shown.push(card.model_details.version.label());
    shown.push(card::display_name(&card.model_details.name));
    let licence = &card.model_details.license;
    shown.push(licenses::choice_label(&licence.id, &licence.name));
    shown.push(licenses::full_name(&licence.id).unwrap_or_default().to_owned());
    shown.extend(card.quantitative_analysis.results.iter().map(|r| r.slice_label()));

    // The preview and the viewer: the Markdown in pieces, rendered and sanitized, the chart;
    // the HTML export's sections.
    let source = document.source.as_ref();
    for piece in markdown::preview_pieces(card, workflow, source) {
        shown.push(render::markdown_to_html(&piece.markdown).into_string());
    }
    shown.extend(markdown::document_sections(document).into_iter().map(|section| section.id));
    if let Some(chart) = render::chart::results_chart(&card.quantitative_analysis.results) {
        shown.push(chart.into_string());
    }
    shown.push(workflow.status.meaning().to_owned());

    // The review screen: steps, checklist, problems, reviews, approval, history, versions.
    shown.extend(steps::steps(card, workflow).into_iter().map(|step| format!("{step:?}")));
    let (missing, open) = workflow.readiness(card);
    shown.push(format!("{} {}", missing.len(), open.len()));
    for item in checklist::CHECKLIST {
        shown.push(format!("{:?}", checklist::tick_of(&workflow.checklist, item.id)));
    }
    shown.extend(check::check(document).iter().map(ToString::to_string));
    for review in &workflow.reviews {
        shown.push(review.byline());
        shown.extend(review.section_comments.iter().map(|comment| comment.line()));
    }
    if let Some(approval) = &workflow.approval {
        shown.push(approval.approved_on());
        shown.push(approval.approvers());
        shown.extend(approval.reviewers.iter().map(|approver| approver.line()));
    }
    for publication in &workflow.publications {
        shown.push(publication.heading());
        shown.push(publication.approval.approvers());
    }
    for event in &workflow.history {
        shown.push(format!("{} {}", display::rfc3339(event.at), event.event.text()));
        shown.push(display::relative_time(now, event.at));
    }
    let versions: Vec<&card::Card> = workflow.snapshots.iter().map(|s| &s.card).collect();
    for snapshot in &workflow.snapshots {
        shown.push(snapshot.label());
    }
    for old in versions.iter().copied().chain(std::iter::once(card)) {
        for change in diff::diff(old, card) {
            shown.push(format!("{} {} {}", change.label, change.kind.label(), change.is_long()));
            let sides = diff::text_diff(&change.old, &change.new);
            shown.push(format!("{sides:?}"));
        }
    }

    // The library: the draft's summary, as stored.
    let record = DraftRecord::new("fuzz", card.clone(), workflow.clone(), now);
    let summary = record.summary();
    shown.push(format!("{} {} {}", summary.name, summary.version, summary.status.label()));

    // Downloads and the share link.
    shown.push(formats::file_stem(card));
    for format in ExportFormat::ALL {
        let (text, notes) = formats::export(document, format);
        shown.push(text);
        shown.extend(notes);
    }
    if let Ok(payload) = share::encode(document) {
        shown.push(payload);
    }
    shown.iter().map(String::len).sum()
}
