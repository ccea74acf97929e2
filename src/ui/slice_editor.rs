//! The slice of one metric result: factor=value terms, one or more for an
//! intersectional result, with add and remove.

use leptos::prelude::*;

use super::focus;
use super::list_editor::item_id;
use super::state::Signals;
use crate::card::fields::RESULTS;
use crate::card::{Card, MetricResult, SliceTerm};

/// The slice terms of result `result` (an index into the card's results).
#[component]
pub fn SliceEditor(result: usize) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let count =
        Memo::new(move |_| signals.card.with(|card| terms(card, result).map_or(0, Vec::len)));
    let number = result + 1;
    let add = move |_| {
        signals.edit(|card| {
            if let Some(result) = result_mut(card, result) {
                result.slice.push(SliceTerm::default());
            }
        });
        let term = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || focus(&term_id(result, term, "factor")));
    };
    view! {
        <div class="slice-editor" role="group" aria-label=format!("Metric {number} slice")>
            <p class="slice-heading">
                "Slice "
                <span class="help">"(empty for the whole dataset; several terms for an intersection)"</span>
            </p>
            <ul class="slice-terms">
                <For each=move || 0..count.get() key=|term| *term let(term)>
                    <SliceTermRow result term count />
                </For>
            </ul>
            <button type="button" class="secondary small" id=item_id(RESULTS.path, result, "slice.add") on:click=add>
                "Add slice term"
                <span class="visually-hidden">{format!(" to metric {number}")}</span>
            </button>
        </div>
    }
}

fn terms(card: &Card, result: usize) -> Option<&Vec<SliceTerm>> {
    card.quantitative_analysis.results.get(result).map(|r| &r.slice)
}

fn result_mut(card: &mut Card, result: usize) -> Option<&mut MetricResult> {
    card.quantitative_analysis.results.get_mut(result)
}

fn term_id(result: usize, term: usize, key: &str) -> String {
    item_id(RESULTS.path, result, &format!("slice.{term}.{key}"))
}

#[component]
fn SliceTermRow(result: usize, term: usize, count: Memo<usize>) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let (result_number, term_number) = (result + 1, term + 1);
    let read = move |pick: fn(&SliceTerm) -> &String| {
        signals.card.with(|card| {
            terms(card, result).and_then(|t| t.get(term)).map(pick).cloned().unwrap_or_default()
        })
    };
    let write = move |pick: fn(&mut SliceTerm) -> &mut String, text: String| {
        signals.edit(|card| {
            if let Some(slice_term) = result_mut(card, result).and_then(|r| r.slice.get_mut(term)) {
                *pick(slice_term) = text;
            }
        })
    };
    let factor = Memo::new(move |_| read(|t| &t.factor));
    let value = Memo::new(move |_| read(|t| &t.value));
    let remove = move |_| {
        signals.edit(|card| {
            if let Some(result) = result_mut(card, result)
                && term < result.slice.len()
            {
                result.slice.remove(term);
            }
        });
        let next = if term < count.get_untracked() {
            term_id(result, term, "factor")
        } else {
            item_id(RESULTS.path, result, "slice.add")
        };
        request_animation_frame(move || focus(&next));
    };
    view! {
        <li class="slice-term">
            <input
                type="text"
                id=term_id(result, term, "factor")
                placeholder="factor"
                aria-label=format!("Metric {result_number} slice term {term_number} factor")
                prop:value=move || factor.get()
                on:input:target=move |ev| write(|t| &mut t.factor, ev.target().value())
            />
            <span aria-hidden="true">"="</span>
            <input
                type="text"
                id=term_id(result, term, "value")
                placeholder="value"
                aria-label=format!("Metric {result_number} slice term {term_number} value")
                prop:value=move || value.get()
                on:input:target=move |ev| write(|t| &mut t.value, ev.target().value())
            />
            <button type="button" class="danger small" on:click=remove>
                "Remove"
                <span class="visually-hidden">{format!(" slice term {term_number} of metric {result_number}")}</span>
            </button>
        </li>
    }
}
