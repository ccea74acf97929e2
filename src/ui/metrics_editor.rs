//! The metrics table: rows of metric name and value, with add and remove.

use leptos::prelude::*;

use super::state::Studio;
use crate::card::MetricResult;

/// Edits the card's metric results as rows of name and value.
#[component]
pub fn MetricsEditor() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count =
        Memo::new(move |_| studio.card.with(|card| card.quantitative_analysis.results.len()));
    let add = move |_| {
        studio.edit(|card| card.quantitative_analysis.results.push(MetricResult::default()));
        let index = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || focus(&metric_input_id(index, "metric")));
    };
    view! {
        <fieldset class="metrics">
            <legend>"Metrics"</legend>
            <table class="metrics-table">
                <thead>
                    <tr>
                        <th scope="col">"Metric"</th>
                        <th scope="col">"Value"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || 0..count.get() key=|index| *index let(index)>
                        <MetricRow index count />
                    </For>
                </tbody>
            </table>
            <button type="button" id="add-metric" on:click=add>"Add metric"</button>
        </fieldset>
    }
}

/// One metric row. It reads its data by index, so rows stay correct as others are removed.
#[component]
fn MetricRow(index: usize, count: Memo<usize>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let number = index + 1;
    let read = move |pick: fn(&MetricResult) -> &String| {
        studio.card.with(|card| {
            card.quantitative_analysis.results.get(index).map(pick).cloned().unwrap_or_default()
        })
    };
    let write = move |pick: fn(&mut MetricResult) -> &mut String, text: String| {
        studio.edit(|card| {
            if let Some(result) = card.quantitative_analysis.results.get_mut(index) {
                *pick(result) = text;
            }
        });
    };
    let remove = move |_| {
        studio.edit(|card| {
            if index < card.quantitative_analysis.results.len() {
                card.quantitative_analysis.results.remove(index);
            }
        });
        // Keep focus in the table: on the row that took this one's place, else on "Add".
        let next = if index < count.get_untracked() {
            metric_input_id(index, "metric")
        } else {
            "add-metric".to_owned()
        };
        request_animation_frame(move || focus(&next));
    };
    view! {
        <tr>
            <td>
                <input
                    id=metric_input_id(index, "metric")
                    type="text"
                    autocomplete="off"
                    aria-label=format!("Metric {number} name")
                    prop:value=move || read(|r| &r.metric)
                    on:input:target=move |ev| write(|r| &mut r.metric, ev.target().value())
                />
            </td>
            <td>
                <input
                    id=metric_input_id(index, "value")
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-label=format!("Metric {number} value")
                    prop:value=move || read(|r| &r.value)
                    on:input:target=move |ev| write(|r| &mut r.value, ev.target().value())
                />
            </td>
            <td>
                <button type="button" class="icon-button" on:click=remove>
                    "Remove"
                    <span class="visually-hidden">{format!(" metric {number}")}</span>
                </button>
            </td>
        </tr>
    }
}

fn metric_input_id(index: usize, column: &str) -> String {
    format!("metric-{index}-{column}")
}

fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id)
        && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
    {
        let _ = element.focus();
    }
}
