//! A card rendered section by section through the one renderer: the editor's live
//! preview, and the viewer's read-only card.

use leptos::prelude::*;

use super::state::Signals;
use crate::card::Card;
use crate::document::source::ReadmeSource;
use crate::markdown::sections_of;
use crate::render::chart::results_chart;
use crate::render::markdown_to_html;
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

/// A rendered card. Each section re-renders only when its own Markdown changes, so a
/// keystroke costs one section's render, not the whole card's.
#[component]
pub fn CardView(
    card: Signal<Card>,
    workflow: Signal<Workflow>,
    /// The README the card came from: the preview is printed from it, as its export is.
    source: Signal<Option<ReadmeSource>>,
    label: &'static str,
) -> impl IntoView {
    // The body the README export writes, status block first, in sections.
    let sections = Memo::new(move |_| {
        card.with(|card| {
            workflow
                .with(|workflow| source.with(|source| sections_of(card, workflow, source.as_ref())))
        })
    });
    let ids = move || {
        sections.with(|all| all.iter().map(|section| section.id.clone()).collect::<Vec<_>>())
    };
    view! {
        <article class="rendered-card" aria-label=label>
            <For each=ids key=|id| id.clone() let(id)>
                <PreviewSection sections card id />
            </For>
        </article>
    }
}

#[component]
fn PreviewSection(
    sections: Memo<Vec<crate::markdown::MarkdownSection>>,
    card: Signal<Card>,
    id: String,
) -> impl IntoView {
    let markdown = {
        let id = id.clone();
        Memo::new(move |_| {
            sections.with(|all| {
                all.iter().find(|s| s.id == id).map(|s| s.markdown.clone()).unwrap_or_default()
            })
        })
    };
    let html = Memo::new(move |_| markdown.with(|text| markdown_to_html(text)));
    // The results chart sits at the end of the Evaluation section.
    let chart = (id == "evaluation").then(|| {
        let results = Memo::new(move |_| card.with(|card| card.quantitative_analysis.results.clone()));
        let chart = Memo::new(move |_| results.with(|results| results_chart(results)));
        view! {
            <div
                class="chart-container"
                inner_html=move || chart.with(|c| c.as_ref().map(|c| c.as_str().to_owned()).unwrap_or_default())
            ></div>
        }
    });
    view! {
        <section class="rendered-section" data-section=id.clone()>
            <div inner_html=move || html.with(|html| html.as_str().to_owned())></div>
            {chart}
        </section>
    }
}
