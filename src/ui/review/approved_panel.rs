//! The panel of an approved card: the approval block, "Publish", "Edit (voids approval)",
//! and room for further reviewers.

use leptos::prelude::*;

use super::approval_block::ApprovalBlock;
use super::review_form::ReviewForm;
use crate::ui::workspace::Workspace;

/// Approved: the approval, "Publish", "Edit (voids approval)" and more reviews.
#[component]
pub(super) fn ApprovedPanel() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let studio = workspace.studio;
    let approval = Memo::new(move |_| studio.workflow.with(|w| w.approval.clone()));
    let publish = move |_| {
        workspace.step(
            "Published. The version, its approval and its hash are frozen.",
            |workflow, card, now| {
                workflow.publish(card, now).map(|_| ()).map_err(|e| format!("Not published: {e}."))
            },
        );
    };
    let unlock = move |_| {
        workspace.step(
            "Editing approved content: any change voids the approval until the content is exactly as approved again.",
            |workflow, _, now| workflow.unlock(now).map_err(|e| format!("Not unlocked: {e}.")),
        );
    };
    let unlocked = move || studio.workflow.with(|w| w.unlocked);
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
