//! The append-only history, the kept versions, and a diff between any two of them.

use leptos::prelude::*;

use crate::card::Card;
use crate::display::rfc3339;
use crate::review::Workflow;
use crate::ui::diff_view::DiffView;
use crate::ui::state::Signals;

/// The append-only history, the kept versions, and a diff between any two of them.
#[component]
pub(super) fn History() -> impl IntoView {
    let signals = expect_context::<Signals>();
    let events = Memo::new(move |_| signals.workflow.with(|w| w.history.clone()));
    // Every kept version, and the current content, as (value, label).
    let versions = Memo::new(move |_| {
        signals.workflow.with(|w| {
            let mut list: Vec<(String, String)> =
                w.snapshots.iter().map(|s| (s.content_hash.clone(), s.label())).collect();
            list.push(("current".into(), "The current content".into()));
            list
        })
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new("current".to_owned());
    let pick = move |choice: &str, w: &Workflow, card: &Card| -> Card {
        if choice == "current" {
            card.clone()
        } else {
            w.snapshot(choice).cloned().unwrap_or_default()
        }
    };
    let old = Signal::derive(move || {
        let choice = from.get();
        let choice = if choice.is_empty() {
            versions.with(|v| v.first().map(|(h, _)| h.clone()).unwrap_or_default())
        } else {
            choice
        };
        signals.card.with(|card| signals.workflow.with(|w| pick(&choice, w, card)))
    });
    let new = Signal::derive(move || {
        let choice = to.get();
        signals.card.with(|card| signals.workflow.with(|w| pick(&choice, w, card)))
    });
    let has_snapshots = move || signals.workflow.with(|w| !w.snapshots.is_empty());
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h3 id="history-heading">"History"</h3>
            <ol class="events">
                {move || events.get().into_iter().rev().map(|e| view! { <li><time>{rfc3339(e.at)}</time>" "{e.event.text()}</li> }).collect_view()}
            </ol>
            <Show when=has_snapshots>
                <h4>"Compare versions"</h4>
                <div class="compare-pickers">
                    <div class="field">
                        <label for="compare-from">"Compare"</label>
                        <select id="compare-from" on:change:target=move |ev| from.set(ev.target().value())>
                            {move || versions.get().into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="compare-to">"with"</label>
                        <select id="compare-to" on:change:target=move |ev| to.set(ev.target().value())>
                            {move || {
                                versions
                                    .get()
                                    .into_iter()
                                    .map(|(value, label)| {
                                        let selected = value == "current";
                                        view! { <option value=value selected=selected>{label}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </div>
                <DiffView old new caption="Differences between the two versions".to_owned() />
            </Show>
        </section>
    }
}
