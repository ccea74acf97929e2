//! The panel of a card in review: the review form, and a way back to draft.

use leptos::prelude::*;

use super::review_form::ReviewForm;
use crate::ui::workspace::Actions;

/// In review: the review form, and a way back to draft.
#[component]
pub(super) fn InReviewPanel() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let withdraw = move |_| {
        actions.change_workflow(
            "Withdrawn from review; the card is a draft again.",
            |workflow, _, now| workflow.withdraw(now).map_err(|e| format!("Not withdrawn: {e}.")),
        );
    };
    view! {
        <p>"The content is read-only while it is reviewed. Each reviewer records a decision below."</p>
        <ReviewForm />
        <button type="button" class="secondary" on:click=withdraw>"Withdraw from review"</button>
    }
}
