//! The panel of a card in review: the review form, and a way back to draft.

use leptos::prelude::*;

use super::review_form::ReviewForm;
use crate::ui::workspace::Workspace;

/// In review: the review form, and a way back to draft.
#[component]
pub(super) fn InReviewPanel() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let withdraw = move |_| {
        workspace.step("Withdrawn from review; the card is a draft again.", |workflow, _, now| {
            workflow.withdraw(now).map_err(|e| format!("Not withdrawn: {e}."))
        });
    };
    view! {
        <p>"The content is read-only while it is reviewed. Each reviewer records a decision below."</p>
        <ReviewForm />
        <button type="button" class="secondary" on:click=withdraw>"Withdraw from review"</button>
    }
}
