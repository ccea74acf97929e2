//! The reviewer's side of a review request: what changed since the last approved
//! version, the checklist, comments on the card and on sections, the decision, and
//! "Sign review". The key is used without the reviewer knowing anything about keys.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{LinkBox, MyIdentity, SignedState, copy_link, now, offer};
use crate::card::fields;
use crate::display::date;
use crate::formats::review_files::ReviewFile;
use crate::review::checklist::{CHECKLIST, ChecklistEntry, Tick};
use crate::review::signed::{ReviewBody, Reviewer, SignedReview, Statement};
use crate::review::{Decision, SectionComment};
use crate::ui::diff_view::DiffView;
use crate::ui::signing;
use crate::ui::state::{NoticeKind, Signals};

/// Shown in the viewer while a review request is open.
#[component]
pub fn ReviewRequestPanel() -> impl IntoView {
    let state = expect_context::<SignedState>();
    move || {
        state.request.get().map(|request| {
            let details = &request.card.model_details;
            let title = format!("Review request: {} {}", details.name, details.version.name);
            let base = request.base.clone();
            let card = request.card.clone();
            view! {
                <section class="review-request" aria-labelledby="request-heading" data-testid="review-request">
                    <h2 id="request-heading">{title}</h2>
                    <p class="help">
                        {format!("Sent for review on {}. Read the card below, then answer the checklist, comment, decide and sign. Nothing is saved as a draft unless you choose “Copy to my drafts”.", date(request.requested_at))}
                    </p>
                    {(!request.policy.is_empty()).then(|| view! {
                        <p>{format!("This card needs {}.", request.policy.describe())}</p>
                    })}
                    {match base {
                        Some(base) => view! {
                            <DiffView old=Signal::stored(base.card) new=Signal::stored(card) caption="What changed since the last approved version".to_owned() />
                        }.into_any(),
                        None => view! { <p class="muted">"No earlier version was approved: this is the first review."</p> }.into_any(),
                    }}
                    <SignForm />
                </section>
            }
        })
    }
}

/// The review itself, signed with this browser's identity.
#[component]
fn SignForm() -> impl IntoView {
    let studio = expect_context::<Signals>();
    let state = expect_context::<SignedState>();
    let ticks = RwSignal::new(Vec::<String>::new());
    let comment = RwSignal::new(String::new());
    let section_comments = RwSignal::new(vec![String::new(); fields::SECTIONS.len()]);
    let decision = RwSignal::new(None::<Decision>);
    let signed = RwSignal::new(None::<SignedReview>);
    let link = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let sign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(request), Some(identity)) =
            (state.request.get_untracked(), state.identity.get_untracked())
        else {
            studio.tell(NoticeKind::Error, "Make your reviewer identity first (above), then sign.");
            return;
        };
        let Some(chosen) = decision.get_untracked() else {
            studio.tell(NoticeKind::Error, "Choose a decision: approve, or request changes.");
            return;
        };
        if chosen == Decision::RequestChanges && comment.get_untracked().trim().is_empty() {
            studio.tell(
                NoticeKind::Error,
                "Say what needs to change: a comment is required to request changes.",
            );
            return;
        }
        let ticked = ticks.get_untracked();
        let checklist = CHECKLIST
            .iter()
            .map(|item| ChecklistEntry {
                item: item.id.to_owned(),
                tick: if ticked.iter().any(|t| t == item.id) { Tick::Done } else { Tick::Open },
            })
            .collect();
        let section_comments = fields::SECTIONS
            .iter()
            .zip(section_comments.get_untracked())
            .map(|(section, text)| SectionComment { section: section.slug.to_owned(), text })
            .collect();
        let statement = Statement::new(
            &request.card,
            &request.draft,
            Reviewer {
                name: identity.name.clone(),
                role: identity.role.clone(),
                organisation: identity.organisation.clone(),
                email: identity.email.clone(),
                key_fingerprint: identity.fingerprint.clone(),
            },
            ReviewBody {
                decision: chosen,
                comment: comment.get_untracked(),
                section_comments,
                checklist,
                at: now(),
            },
        );
        busy.set(true);
        spawn_local(async move {
            let made = signing::sign(&statement, &identity).await;
            busy.set(false);
            match made {
                Ok(review) => {
                    signed.set(Some(review));
                    studio.tell(
                        NoticeKind::Info,
                        "Signed. Send the signed review to the author as a file or a link.",
                    );
                    request_animation_frame(|| crate::ui::focus("signed-review-download"));
                }
                Err(reason) => studio.tell(NoticeKind::Error, format!("Could not sign: {reason}.")),
            }
        });
    };
    view! {
        <Show when=move || state.loaded.get() && state.identity.with(Option::is_none)>
            <MyIdentity />
        </Show>
        <form class="sign-form" on:submit=sign aria-labelledby="sign-heading">
            <h3 id="sign-heading">"Your review"</h3>
            <fieldset class="checklist">
                <legend>"Checklist: tick what you confirmed"</legend>
                {CHECKLIST.iter().map(|item| {
                    let id = format!("reviewer-check-{}", item.id);
                    let item_id = item.id;
                    view! {
                        <div class="checklist-choices">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || ticks.with(|t| t.iter().any(|x| x == item_id))
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    ticks.update(|t| {
                                        t.retain(|x| x != item_id);
                                        if on { t.push(item_id.to_owned()); }
                                    });
                                } />
                            <label for=id>{item.label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="reviewer-comment">"Comment on the whole card"</label>
                <textarea id="reviewer-comment" rows="3" prop:value=move || comment.get()
                    on:input:target=move |ev| comment.set(ev.target().value())></textarea>
            </div>
            <details class="section-comments">
                <summary>"Comments on sections"</summary>
                {fields::SECTIONS.iter().enumerate().map(|(index, section)| {
                    let id = format!("reviewer-section-{}", section.slug);
                    view! {
                        <div class="field">
                            <label for=id.clone()>{format!("Comment on {}", section.title)}</label>
                            <textarea id=id rows="2"
                                prop:value=move || section_comments.with(|c| c.get(index).cloned().unwrap_or_default())
                                on:input:target=move |ev| {
                                    let value = ev.target().value();
                                    section_comments.update(|c| if let Some(slot) = c.get_mut(index) { *slot = value; });
                                }></textarea>
                        </div>
                    }
                }).collect_view()}
            </details>
            <fieldset class="decision">
                <legend>"Decision"</legend>
                <input type="radio" id="reviewer-approve" name="reviewer-decision"
                    prop:checked=move || decision.get() == Some(Decision::Approve)
                    on:change=move |_| decision.set(Some(Decision::Approve)) />
                <label for="reviewer-approve">"Approve"</label>
                <input type="radio" id="reviewer-changes" name="reviewer-decision"
                    prop:checked=move || decision.get() == Some(Decision::RequestChanges)
                    on:change=move |_| decision.set(Some(Decision::RequestChanges)) />
                <label for="reviewer-changes">"Request changes"</label>
            </fieldset>
            <button type="submit" class="primary" prop:disabled=move || busy.get()>"Sign review"</button>
        </form>
        {move || signed.get().map(|review| {
            let file = ReviewFile::Signed(Box::new(review));
            let for_download = file.clone();
            view! {
                <div class="signed-result" role="group" aria-label="Signed review">
                    <p>"Your signed review is ready. Send it to the author; they import it into their draft."</p>
                    <div class="button-row">
                        <button type="button" id="signed-review-download" on:click=move |_| offer(studio, &for_download)>"Download signed review"</button>
                        <button type="button" class="secondary" on:click=move |_| copy_link(studio, &file, link)>"Copy signed review link"</button>
                    </div>
                    <LinkBox link label="Link to the signed review" id="signed-review-link" />
                </div>
            }
        })}
    }
}
