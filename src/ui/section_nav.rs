//! The section navigation with the live completeness score: overall, per section, and
//! the list of what is missing, each item a button that moves focus to its field.

use leptos::prelude::*;

use super::deferred::Deferred;
use super::focus_field;
use super::state::Signals;
use crate::card::completeness::{Completeness, Missing};
use crate::card::fields;

/// Links to every section, each with its score, under the overall completeness.
#[component]
pub fn SectionNav() -> impl IntoView {
    let signals = expect_context::<Signals>();
    let score = Memo::new(move |_| signals.card.with(Completeness::assess));
    let percent = move || score.with(Completeness::percent);
    view! {
        <nav class="section-nav" aria-label="Sections">
            <div class="completeness">
                <p id="completeness-label">
                    "Completeness: " <strong data-testid="completeness">{move || format!("{}%", percent())}</strong>
                </p>
                <progress max="100" value=move || percent().to_string() aria-labelledby="completeness-label"></progress>
                <MissingList score />
            </div>
            <ol class="section-links">
                {fields::SECTIONS
                    .iter()
                    .map(|section| {
                        let section_score = move || {
                            score.with(|s| {
                                s.sections.iter().find(|x| x.section == section.id).and_then(|x| x.percent())
                            })
                        };
                        view! {
                            <li>
                                <a href=format!("#{}", section.slug)>
                                    <span>{section.title}</span>
                                    <span class="section-score">
                                        {move || section_score().map(|p| format!("{p}%")).unwrap_or_default()}
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// What is still missing, required first. Activating an item focuses its field.
#[component]
fn MissingList(score: Memo<Completeness>) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let missing =
        move || score.with(|s| s.missing().into_iter().cloned().collect::<Vec<Missing>>());
    view! {
        <details class="missing">
            <summary>{move || score.with(Completeness::missing_summary)}</summary>
            // Out of sight until opened, so built in a start-up slice of its own.
            <ul>
                <Deferred>
                <For each=missing key=|m| (m.path, m.has_example) let(item)>
                    {
                        let path = item.path;
                        view! {
                            <li>
                                <button type="button" class="link" on:click=move |_| focus_field(signals, path)>
                                    {item.describe()}
                                </button>
                            </li>
                        }
                    }
                </For>
                </Deferred>
            </ul>
        </details>
    }
}
