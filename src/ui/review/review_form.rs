//! The form where one reviewer records a review.

use leptos::prelude::*;

use super::section_comments::SectionComments;
use crate::review::{Decision, ReviewInput, SectionComment};
use crate::ui::workspace::Actions;

/// One reviewer's review: name, role, decision, comment, and comments on sections.
#[component]
pub(super) fn ReviewForm() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let reviewer = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let decision = RwSignal::new(None::<Decision>);
    let comment = RwSignal::new(String::new());
    let section_comments = RwSignal::new(Vec::<SectionComment>::new());
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = decision.get_untracked() else {
            problem.set(Some("Choose a decision: approve, or request changes.".into()));
            return;
        };
        let input = ReviewInput {
            reviewer: reviewer.get_untracked(),
            role: role.get_untracked(),
            decision: chosen,
            comment: comment.get_untracked(),
            section_comments: section_comments.get_untracked(),
        };
        let needs_signatures =
            actions.signals.workflow.with_untracked(|w| w.policy.requires_signatures());
        let message = match chosen {
            Decision::Approve if needs_signatures => {
                "Review recorded, unsigned: this card's policy needs signed approvals, so it does not approve the card."
            }
            Decision::Approve => {
                "Review recorded: approved. The approval is bound to this exact content."
            }
            Decision::RequestChanges => {
                "Review recorded: changes requested. The card is a draft again."
            }
        };
        let mut failure = None;
        let recorded = actions.change_workflow(message, |workflow, card, now| {
            workflow.review(card, input, now).map_err(|e| {
                let text = format!("Review not recorded: {e}.");
                failure = Some(text.clone());
                text
            })
        });
        problem.set(failure);
        if recorded {
            reviewer.set(String::new());
            role.set(String::new());
            decision.set(None);
            comment.set(String::new());
            section_comments.set(Vec::new());
        }
    };
    let comment_label = move || match decision.get() {
        Some(Decision::RequestChanges) => "Comment (required to request changes)",
        _ => "Comment",
    };
    view! {
        <form class="review-form" on:submit=submit aria-labelledby="review-form-title">
            <h3 id="review-form-title">"Add a review"</h3>
            <div class="field">
                <label for="review-name">"Reviewer name"</label>
                <input id="review-name" type="text" autocomplete="name" prop:value=move || reviewer.get()
                    on:input:target=move |ev| reviewer.set(ev.target().value()) />
            </div>
            <div class="field">
                <label for="review-role">"Reviewer role"</label>
                <input id="review-role" type="text" prop:value=move || role.get()
                    on:input:target=move |ev| role.set(ev.target().value()) />
            </div>
            <fieldset class="decision">
                <legend>"Decision"</legend>
                <input type="radio" id="decision-approve" name="decision"
                    prop:checked=move || decision.get() == Some(Decision::Approve)
                    on:change=move |_| decision.set(Some(Decision::Approve)) />
                <label for="decision-approve">"Approve"</label>
                <input type="radio" id="decision-changes" name="decision"
                    prop:checked=move || decision.get() == Some(Decision::RequestChanges)
                    on:change=move |_| decision.set(Some(Decision::RequestChanges)) />
                <label for="decision-changes">"Request changes"</label>
            </fieldset>
            <div class="field">
                <label for="review-comment">{comment_label}</label>
                <textarea id="review-comment" rows="3" prop:value=move || comment.get()
                    on:input:target=move |ev| comment.set(ev.target().value())></textarea>
            </div>
            <SectionComments comments=section_comments />
            // Shown by the form; announced once, by the app's alert region.
            <p class="form-error">{move || problem.get()}</p>
            <button type="submit">"Record review"</button>
        </form>
    }
}
