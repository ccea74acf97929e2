//! The panel of a draft on the review screen: what it still needs, the checklist, and
//! "Submit for review"; if it was approved before and changed since, the changes against
//! the approved version.

use leptos::prelude::*;

use super::checklist::Checklist;
use crate::review::SubmitError;
use crate::ui::diff_view::DiffView;
use crate::ui::focus_field;
use crate::ui::workspace::Actions;

/// A draft: what it still needs, the checklist, "Submit for review" and any drift.
#[component]
pub(super) fn DraftPanel() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let missing = Memo::new(move |_| {
        signals.card.with(|card| signals.workflow.with(|w| w.readiness(card).0))
    });
    let submit = move |_| {
        actions.change_workflow("Submitted for review. The content is read-only while it is reviewed.", |workflow, card, now| {
            workflow.submit(card, now).map_err(|error| match error {
                SubmitError::NotReady { .. } => {
                    "Not submitted: fill in every required field and answer every checklist item first.".to_owned()
                }
                other => format!("Not submitted: {other}."),
            })
        });
    };
    let approved_card = Signal::derive(move || {
        signals
            .workflow
            .with(|w| w.approval.as_ref().and_then(|a| w.snapshot(&a.content_hash).cloned()))
            .unwrap_or_default()
    });
    let drifted =
        move || signals.workflow.with(|w| signals.card.with(|c| w.changed_since_approval(c)));
    view! {
        <Show when=drifted>
            <div class="drift" role="status">
                <h3>"Changed since approval"</h3>
                <p>
                    "The approval no longer holds: the content differs from what was approved. Undo the changes to restore it, or submit the card for review again."
                </p>
                <DiffView old=approved_card new=signals.card caption="Changes since approval".to_owned() />
            </div>
        </Show>
        <div class="submit-panel">
            <h3>"Before review"</h3>
            <Show
                when=move || !missing.with(Vec::is_empty)
                fallback=|| view! { <p class="ok">"Every required field is filled in."</p> }
            >
                <p>"These required fields are still empty:"</p>
                <ul class="missing-required">
                    <For each=move || missing.get() key=|m| m.path let(item)>
                        {
                            let path = item.path;
                            view! {
                                <li>
                                    <button type="button" class="link" on:click=move |_| focus_field(signals, path)>
                                        {item.label}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <Checklist />
            <button type="button" class="primary" on:click=submit>"Submit for review"</button>
        </div>
    }
}
