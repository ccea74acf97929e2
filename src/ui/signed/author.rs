//! The author's side, on the review screen: the trusted reviewers, the approval policy,
//! the review request (file or link), and the signed reviews received.

use leptos::prelude::*;

use super::{LinkBox, copy_link, offer};
use crate::card::Card;
use crate::display::date;
use crate::formats::review_files::ReviewFile;
use crate::review::canonical::content_hash;
use crate::review::signed::identity::grouped;
use crate::review::signed::{ApprovalPolicy, ReviewRequest};
use crate::review::{Decision, Status};
use crate::ui::diff_view::DiffView;
use crate::ui::state::Signals;
use crate::ui::workspace::Actions;

/// Trusted reviewers, policy, review request and signed reviews of the open draft.
#[component]
pub fn SignedReviewPanel() -> impl IntoView {
    let signals = expect_context::<Signals>();
    // Open when the card already uses it; folded away otherwise, so the review screen's
    // keyboard path is no longer for people who do not use signed reviews.
    let in_use = signals.workflow.with_untracked(|w| {
        !w.trusted.is_empty() || !w.signed_reviews.is_empty() || w.policy.requires_signatures()
    });
    view! {
        <details class="signed-reviews" open=in_use>
            <summary><h3 id="signed-heading">"Review by other people (signed)"</h3></summary>
            <TrustedReviewers />
            <PolicyForm />
            <SendRequest />
            <Received />
        </details>
    }
}

#[component]
fn TrustedReviewers() -> impl IntoView {
    let workspace = expect_context::<Actions>();
    let studio = workspace.signals;
    let trusted = Memo::new(move |_| studio.workflow.with(|w| w.trusted.clone()));
    view! {
        <h4>"Trusted reviewers"</h4>
        <p class="help">"Import a reviewer's identity file or link (Import, drop or paste) to trust them. Check the fingerprint with them."</p>
        <Show when=move || !trusted.with(Vec::is_empty) fallback=|| view! { <p class="muted">"No trusted reviewers yet."</p> }>
            <ul class="trusted" data-testid="trusted-reviewers">
                <For each=move || trusted.get() key=|t| t.fingerprint.clone() let(identity)>
                    {
                        let fingerprint = identity.fingerprint.clone();
                        let label = format!("Stop trusting {}", identity.name);
                        view! {
                            <li>
                                {identity.describe()} " " <code>{grouped(&identity.fingerprint)}</code> " "
                                <button type="button" class="secondary small" aria-label=label
                                    on:click=move |_| {
                                        let fingerprint = fingerprint.clone();
                                        workspace.change_workflow("No longer trusted; their signed reviews no longer count.", move |w, card, now| {
                                            w.distrust(card, &fingerprint, now);
                                            Ok(())
                                        });
                                    }>"Stop trusting"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn PolicyForm() -> impl IntoView {
    let workspace = expect_context::<Actions>();
    let studio = workspace.signals;
    let current = studio.workflow.with_untracked(|w| w.policy.clone());
    let roles = RwSignal::new(current.roles.join(", "));
    let count = RwSignal::new(current.trusted_approvals.to_string());
    let described = Memo::new(move |_| studio.workflow.with(|w| w.policy.describe()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let roles: Vec<String> = roles
            .get_untracked()
            .split(',')
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect();
        let Ok(trusted_approvals) = count.get_untracked().trim().parse::<u32>() else {
            studio.tell(
                crate::ui::state::NoticeKind::Error,
                "The number of trusted approvals must be a whole number, 0 or more.",
            );
            return;
        };
        let policy = ApprovalPolicy { roles, trusted_approvals };
        let message = format!("Policy saved: this card needs {}.", policy.describe());
        workspace.change_workflow(&message, move |w, card, now| {
            w.set_policy(card, policy, now);
            Ok(())
        });
    };
    view! {
        <form class="policy-form" on:submit=save aria-labelledby="policy-heading">
            <h4 id="policy-heading">"Approval policy"</h4>
            <p data-testid="policy">{move || format!("This card needs {}.", described.get())}</p>
            <div class="field">
                <label for="policy-roles">"Roles that must each approve, separated by commas (signed)"</label>
                <input id="policy-roles" type="text" prop:value=move || roles.get()
                    on:input:target=move |ev| roles.set(ev.target().value()) />
            </div>
            <div class="field">
                <label for="policy-count">"Number of trusted reviewers who must approve (signed)"</label>
                <input id="policy-count" type="number" min="0" inputmode="numeric" prop:value=move || count.get()
                    on:input:target=move |ev| count.set(ev.target().value()) />
            </div>
            <button type="submit" class="secondary">"Save policy"</button>
        </form>
    }
}

#[component]
fn SendRequest() -> impl IntoView {
    let studio = expect_context::<Signals>();
    let link = RwSignal::new(None::<String>);
    let request = move || {
        let id = studio.open_id.get_untracked().unwrap_or_default();
        let card = studio.card.get_untracked();
        let workflow = studio.workflow.get_untracked();
        ReviewFile::Request(Box::new(ReviewRequest::new(&id, &card, &workflow, super::now())))
    };
    let in_review = move || studio.workflow.with(|w| w.status == Status::InReview);
    view! {
        <h4>"Send for review"</h4>
        <Show when=in_review fallback=|| view! { <p class="muted">"Submit the card for review first; a review request carries the content under review."</p> }>
            <p class="help">"Send the reviewer a review request as a file or a link. It carries the card, the checklist and what changed since the last approved version."</p>
            <div class="button-row">
                <button type="button" on:click=move |_| offer(studio, &request())>"Download review request"</button>
                <button type="button" class="secondary" on:click=move |_| copy_link(studio, &request(), link)>"Copy review request link"</button>
            </div>
            <LinkBox link label="Link to the review request" id="review-request-link" />
        </Show>
    }
}

/// Every signed review received: who, what, and whether it covers the current content.
#[component]
fn Received() -> impl IntoView {
    let studio = expect_context::<Signals>();
    let reviews = Memo::new(move |_| studio.workflow.with(|w| w.signed_as_stored()));
    let current = Memo::new(move |_| studio.card.with(content_hash));
    view! {
        <h4>"Signed reviews"</h4>
        <Show when=move || !reviews.with(Vec::is_empty) fallback=|| view! { <p class="muted">"None yet. Import a signed review file or link to attach it here."</p> }>
            <ul class="signed-list" data-testid="signed-reviews">
                {move || reviews.get().into_iter().map(|verified| {
                    let statement = verified.statement().clone();
                    let reviewer = statement.predicate.reviewer.clone();
                    let covered = statement.content_hash().to_owned();
                    let is_current = covered == current.get();
                    let decision = match statement.predicate.decision {
                        Decision::Approve => "approved",
                        Decision::RequestChanges => "requested changes",
                    };
                    let line = format!(
                        "Signed by {} ({}) (verified): {decision} on {}, key {}",
                        reviewer.name, reviewer.role, date(statement.reviewed_at_ms()), grouped(&reviewer.key_fingerprint)
                    );
                    let earlier: Option<Card> = (!is_current)
                        .then(|| studio.workflow.with_untracked(|w| w.snapshot(&covered).cloned()))
                        .flatten();
                    view! {
                        <li data-current=is_current.to_string()>
                            <p>{line}</p>
                            {(!statement.predicate.comment.is_empty()).then(|| view! { <p class="comment">{statement.predicate.comment.clone()}</p> })}
                            {(!is_current).then(|| view! { <p class="warning"><strong>"For an earlier version"</strong>": it does not count for the current content."</p> })}
                            {earlier.map(|old| view! { <DiffView old=Signal::stored(old) new=studio.card caption="Changes since the version this review covers".to_owned() /> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
