//! The review screen: where the card stands, what it needs before review, the checklist,
//! the reviews, the approval bound to the content, publishing, and the history with a
//! diff between any two versions.

mod approval_block;
mod approved_panel;
mod checklist;
mod checklist_row;
mod draft_panel;
mod history;
mod in_review_panel;
mod published_panel;
mod review_form;
mod reviews;
mod section_comments;

use leptos::prelude::*;

use crate::review::Status;
use crate::ui::state::Signals;
use crate::ui::stepper::Stepper;
use approved_panel::ApprovedPanel;
use draft_panel::DraftPanel;
use history::History;
use in_review_panel::InReviewPanel;
use published_panel::PublishedPanel;
use reviews::Reviews;

/// The review screen for the open draft.
#[component]
pub fn ReviewScreen() -> impl IntoView {
    let signals = expect_context::<Signals>();
    let status = Memo::new(move |_| signals.workflow.with(|w| w.status));
    view! {
        <section class="review-screen pane" aria-labelledby="review-heading">
            <h2 id="review-heading">"Review and publish"</h2>
            <Stepper />
            <p class="status-summary">
                "Status: " <strong data-testid="status">{move || status.get().label()}</strong>
                {move || signals.workflow.with(|w| signals.card.with(|c| w.changed_since_approval(c)))
                    .then_some(" (changed since approval)")}
            </p>
            {move || match status.get() {
                Status::Draft => view! { <DraftPanel /> }.into_any(),
                Status::InReview => view! { <InReviewPanel /> }.into_any(),
                Status::Approved => view! { <ApprovedPanel /> }.into_any(),
                Status::Published | Status::Superseded => view! { <PublishedPanel /> }.into_any(),
            }}
            <crate::ui::signed::SignedReviewPanel />
            <Reviews />
            <History />
        </section>
    }
}
