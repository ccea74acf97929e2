//! The panel of an approved card: the approval block, "Publish", "Edit (voids approval)",
//! and room for further reviewers.

use leptos::prelude::*;

use super::approval_block::ApprovalBlock;
use super::review_form::ReviewForm;
use crate::ui::workspace::Actions;

/// Approved: the approval, "Publish", "Edit (voids approval)" and more reviews.
#[component]
pub(super) fn ApprovedPanel() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let approval = Memo::new(move |_| signals.workflow.with(|w| w.approval.clone()));
    let publish = move |_| {
        actions.change_workflow(
            "Published. The version, its approval and its hash are frozen.",
            |workflow, card, now| {
                workflow.publish(card, now).map(|_| ()).map_err(|e| format!("Not published: {e}."))
            },
        );
    };
    let unlock = move |_| {
        actions.change_workflow(
            "Editing approved content: any change voids the approval until the content is exactly as approved again.",
            |workflow, _, now| workflow.unlock(now).map_err(|e| format!("Not unlocked: {e}.")),
        );
    };
    let unlocked = move || signals.workflow.with(|w| w.unlocked);
    view! {
        {move || approval.get().map(|a| view! { <ApprovalBlock approval=a /> })}
        <div class="actions">
            <button type="button" class="primary" on:click=publish>"Publish"</button>
            <Show when=move || !unlocked()>
                <button type="button" class="secondary" on:click=unlock>"Edit (voids approval)"</button>
            </Show>
        </div>
        <ReviewForm />
    }
}
