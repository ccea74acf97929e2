//! The live preview: the card rendered section by section through the one renderer.

use leptos::prelude::*;

use super::state::Studio;
use crate::formats::markdown::card_sections;
use crate::render::markdown_to_html;

/// The rendered card. Each section re-renders only when its own Markdown changes, so a
/// keystroke costs one section's render, not the whole card's.
#[component]
pub fn Preview() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let sections = Memo::new(move |_| studio.card.with(card_sections));
    let ids = move || sections.with(|all| all.iter().map(|section| section.id).collect::<Vec<_>>());
    view! {
        <article class="rendered-card" aria-label="Card preview">
            <For each=ids key=|id| *id let(id)>
                {
                    let markdown = Memo::new(move |_| {
                        sections.with(|all| {
                            all.iter().find(|s| s.id == id).map(|s| s.markdown.clone()).unwrap_or_default()
                        })
                    });
                    let html = Memo::new(move |_| markdown.with(|text| markdown_to_html(text)));
                    view! {
                        <section
                            class="rendered-section"
                            data-section=id
                            inner_html=move || html.with(|html| html.as_str().to_owned())
                        ></section>
                    }
                }
            </For>
        </article>
    }
}
