//! One item of the review checklist: done, or not applicable with a reason.

use leptos::prelude::*;

use crate::review::checklist::{ChecklistItem, Tick, set_tick, tick_of};
use crate::ui::state::Signals;

/// One checklist item: done, or not applicable with a reason.
#[component]
pub(super) fn ChecklistRow(item: &'static ChecklistItem) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let tick = Memo::new(move |_| {
        signals.workflow.with(|w| tick_of(&w.checklist, item.id).cloned().unwrap_or_default())
    });
    let looks_done = move || signals.card.with(|card| (item.looks_done)(card));
    let set =
        move |new: Tick| signals.workflow.update(|w| set_tick(&mut w.checklist, item.id, new));
    let done_id = format!("check-{}-done", item.id);
    let na_id = format!("check-{}-na", item.id);
    let reason_id = format!("check-{}-reason", item.id);
    let is_na = move || matches!(tick.get(), Tick::NotApplicable(_));
    view! {
        <div class="checklist-item" role="group" aria-labelledby=format!("check-{}-label", item.id)>
            <p id=format!("check-{}-label", item.id) class="checklist-label">
                {item.label}
                <span class="hint">
                    {move || if looks_done() { " (the card seems to cover this)" } else { " (not found in the card)" }}
                </span>
            </p>
            <div class="checklist-choices">
                <input
                    type="checkbox"
                    id=done_id.clone()
                    prop:checked=move || tick.get() == Tick::Done
                    on:change:target=move |ev| set(if ev.target().checked() { Tick::Done } else { Tick::Open })
                />
                <label for=done_id>{format!("Done: {}", item.label.to_lowercase())}</label>
                <input
                    type="checkbox"
                    id=na_id.clone()
                    prop:checked=is_na
                    on:change:target=move |ev| {
                        set(if ev.target().checked() { Tick::NotApplicable(String::new()) } else { Tick::Open })
                    }
                />
                <label for=na_id>{format!("Not applicable: {}", item.label.to_lowercase())}</label>
            </div>
            <Show when=is_na>
                <div class="field">
                    <label for=reason_id.clone()>{format!("Why “{}” does not apply (required)", item.label)}</label>
                    <textarea
                        id=reason_id.clone()
                        rows="2"
                        aria-required="true"
                        prop:value=move || match tick.get() {
                            Tick::NotApplicable(reason) => reason,
                            _ => String::new(),
                        }
                        on:input:target=move |ev| set(Tick::NotApplicable(ev.target().value()))
                    ></textarea>
                </div>
            </Show>
        </div>
    }
}
