//! A card rendered section by section through the one renderer: the editor's live
//! preview, and the viewer's read-only card.

use leptos::prelude::*;

use super::state::Signals;
use crate::card::Card;
use crate::document::source::ReadmeSource;
use crate::markdown::blocks::section_id;
use crate::markdown::{MarkdownSection, preview_pieces};
use crate::render::chart::results_chart;
use crate::render::{SafeHtml, markdown_to_html};
use crate::review::Workflow;

/// The open draft, rendered live beside the editor.
#[component]
pub fn Preview() -> impl IntoView {
    let signals = expect_context::<Signals>();
    view! {
        <CardView
            card=signals.card.into()
            workflow=signals.workflow.into()
            source=signals.source.into()
            label="Card preview"
        />
    }
}

/// A rendered card. Each piece of a section re-renders only when its own Markdown
/// changes, so a keystroke costs a few KB's render, not the whole card's.
#[component]
pub fn CardView(
    card: Signal<Card>,
    workflow: Signal<Workflow>,
    /// The README the card came from: the preview is printed from it, as its export is.
    source: Signal<Option<ReadmeSource>>,
    label: &'static str,
) -> impl IntoView {
    // The body the README export writes, status block first, in pieces.
    let pieces = Memo::new(move |_| {
        card.with(|card| {
            workflow.with(|workflow| {
                source.with(|source| preview_pieces(card, workflow, source.as_ref()))
            })
        })
    });
    let ids = Memo::new(move |_| {
        pieces.with(|all| all.iter().map(|piece| piece.id.clone()).collect::<Vec<_>>())
    });
    // The results chart sits at the end of the Evaluation section: after its last piece.
    // Drawn again only when the results change.
    let chart_after = Memo::new(move |_| {
        ids.with(|ids| ids.iter().rev().find(|id| section_id(id) == "evaluation").cloned())
    });
    let results = Memo::new(move |_| card.with(|card| card.quantitative_analysis.results.clone()));
    let chart = Memo::new(move |_| results.with(|results| results_chart(results)));
    view! {
        <article class="rendered-card" aria-label=label>
            <For each=move || ids.get() key=|id| id.clone() let(id)>
                <PreviewSection pieces chart chart_after id />
            </For>
        </article>
    }
}

#[component]
fn PreviewSection(
    pieces: Memo<Vec<MarkdownSection>>,
    chart: Memo<Option<SafeHtml>>,
    chart_after: Memo<Option<String>>,
    id: String,
) -> impl IntoView {
    let markdown = {
        let id = id.clone();
        Memo::new(move |_| {
            pieces.with(|all| {
                all.iter().find(|s| s.id == id).map(|s| s.markdown.clone()).unwrap_or_default()
            })
        })
    };
    let html = Memo::new(move |_| markdown.with(|text| markdown_to_html(text)));
    let has_chart = {
        let id = id.clone();
        Memo::new(move |_| chart_after.with(|after| after.as_deref() == Some(id.as_str())))
    };
    let chart_view = move || {
        has_chart.get().then(|| {
            view! {
                <div
                    class="chart-container"
                    inner_html=move || chart.with(|c| c.as_ref().map(|c| c.as_str().to_owned()).unwrap_or_default())
                ></div>
            }
        })
    };
    view! {
        <section class="rendered-section" data-section=id.clone()>
            <div inner_html=move || html.with(|html| html.as_str().to_owned())></div>
            {chart_view}
        </section>
    }
}
