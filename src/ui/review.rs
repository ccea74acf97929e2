//! The review screen: where the card stands, what it needs before review, the checklist,
//! the reviews, the approval bound to the content, publishing, and the history with a
//! diff between any two versions.

use leptos::prelude::*;

use super::diff_view::DiffView;
use super::focus_field;
use super::state::Studio;
use super::stepper::Stepper;
use super::workspace::Workspace;
use crate::card::Card;
use crate::card::fields;
use crate::display::{date, rfc3339};
use crate::document;
use crate::markdown;
use crate::review::checklist::{CHECKLIST, ChecklistItem, Tick, set_tick, tick_of};
use crate::review::{
    Approval, Decision, EventKind, ReviewInput, SectionComment, SnapshotKind, Status, SubmitError,
    Workflow,
};

/// The review screen for the open draft.
#[component]
pub fn ReviewScreen() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let status = Memo::new(move |_| studio.workflow.with(|w| w.status));
    view! {
        <section class="review-screen pane" aria-labelledby="review-heading">
            <h2 id="review-heading">"Review and publish"</h2>
            <Stepper />
            <p class="status-summary">
                "Status: " <strong data-testid="status">{move || status.get().label()}</strong>
                {move || studio.workflow.with(|w| studio.card.with(|c| w.changed_since_approval(c)))
                    .then_some(" (changed since approval)")}
            </p>
            {move || match status.get() {
                Status::Draft => view! { <DraftPanel /> }.into_any(),
                Status::InReview => view! { <InReviewPanel /> }.into_any(),
                Status::Approved => view! { <ApprovedPanel /> }.into_any(),
                Status::Published | Status::Superseded => view! { <PublishedPanel /> }.into_any(),
            }}
            <Reviews />
            <History />
        </section>
    }
}

/// A draft: what it still needs, the checklist, and "Submit for review". If it was
/// approved before and changed since, the changes against the approved version.
#[component]
fn DraftPanel() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let studio = workspace.studio;
    let missing =
        Memo::new(move |_| studio.card.with(|card| studio.workflow.with(|w| w.readiness(card).0)));
    let submit = move |_| {
        workspace.step("Submitted for review. The content is read-only while it is reviewed.", |workflow, card, now| {
            workflow.submit(card, now).map_err(|error| match error {
                SubmitError::NotReady { .. } => {
                    "Not submitted: fill in every required field and answer every checklist item first.".to_owned()
                }
                other => format!("Not submitted: {other}."),
            })
        });
    };
    let approved_card = Signal::derive(move || {
        studio
            .workflow
            .with(|w| w.approval.as_ref().and_then(|a| w.snapshot(&a.content_hash).cloned()))
            .unwrap_or_default()
    });
    let drifted =
        move || studio.workflow.with(|w| studio.card.with(|c| w.changed_since_approval(c)));
    view! {
        <Show when=drifted>
            <div class="drift" role="status">
                <h3>"Changed since approval"</h3>
                <p>
                    "The approval no longer holds: the content differs from what was approved. Undo the changes to restore it, or submit the card for review again."
                </p>
                <DiffView old=approved_card new=studio.card caption="Changes since approval".to_owned() />
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
                                    <button type="button" class="link" on:click=move |_| focus_field(studio, path)>
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

/// The review checklist: each item ticked, or "not applicable" with a reason.
#[component]
fn Checklist() -> impl IntoView {
    view! {
        <fieldset class="checklist">
            <legend>"Review checklist"</legend>
            <p class="help">"Tick each item, or mark it not applicable and say why."</p>
            {CHECKLIST.iter().map(|item| view! { <ChecklistRow item /> }).collect_view()}
        </fieldset>
    }
}

#[component]
fn ChecklistRow(item: &'static ChecklistItem) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let tick = Memo::new(move |_| {
        studio.workflow.with(|w| tick_of(&w.checklist, item.id).cloned().unwrap_or_default())
    });
    let looks_done = move || studio.card.with(|card| (item.looks_done)(card));
    let set = move |new: Tick| studio.workflow.update(|w| set_tick(&mut w.checklist, item.id, new));
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

/// In review: the review form, and a way back to draft.
#[component]
fn InReviewPanel() -> impl IntoView {
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

/// One reviewer's review: name, role, decision, comment, and comments on sections.
#[component]
fn ReviewForm() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
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
        let message = match chosen {
            Decision::Approve => {
                "Review recorded: approved. The approval is bound to this exact content."
            }
            Decision::RequestChanges => {
                "Review recorded: changes requested. The card is a draft again."
            }
        };
        let mut failure = None;
        let recorded = workspace.step(message, |workflow, card, now| {
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

/// Comments attached to sections of the card.
#[component]
fn SectionComments(comments: RwSignal<Vec<SectionComment>>) -> impl IntoView {
    let count = Memo::new(move |_| comments.with(Vec::len));
    let add = move |_| {
        comments.update(|c| {
            c.push(SectionComment {
                section: fields::SECTIONS[0].slug.to_owned(),
                text: String::new(),
            })
        });
        let index = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || super::focus(&format!("section-comment-{index}-section")));
    };
    view! {
        <div class="section-comments">
            <For each=move || 0..count.get() key=|i| *i let(index)>
                {
                    let number = index + 1;
                    let read = move || comments.with(|c| c.get(index).cloned().unwrap_or_default());
                    let write = move |edit: &dyn Fn(&mut SectionComment)| {
                        comments.update(|c| {
                            if let Some(comment) = c.get_mut(index) {
                                edit(comment);
                            }
                        })
                    };
                    view! {
                        <div class="section-comment" role="group" aria-label=format!("Section comment {number}")>
                            <label for=format!("section-comment-{index}-section")>{format!("Section of comment {number}")}</label>
                            <select
                                id=format!("section-comment-{index}-section")
                                on:change:target=move |ev| { let v = ev.target().value(); write(&move |c| c.section = v.clone()) }
                            >
                                {fields::SECTIONS
                                    .iter()
                                    .map(|s| view! { <option value=s.slug prop:selected=move || read().section == s.slug>{s.title}</option> })
                                    .collect_view()}
                            </select>
                            <label for=format!("section-comment-{index}-text")>{format!("Comment {number}")}</label>
                            <textarea
                                id=format!("section-comment-{index}-text")
                                rows="2"
                                prop:value=move || read().text
                                on:input:target=move |ev| { let v = ev.target().value(); write(&move |c| c.text = v.clone()) }
                            ></textarea>
                        </div>
                    }
                }
            </For>
            <button type="button" class="secondary small" on:click=add>"Add a comment on a section"</button>
        </div>
    }
}

/// Approved: the approval block, "Publish", "Edit (voids approval)", and room for
/// further reviewers.
#[component]
fn ApprovedPanel() -> impl IntoView {
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

/// The reviewers, the date and the hash.
#[component]
fn ApprovalBlock(approval: Approval) -> impl IntoView {
    view! {
        <div class="approval-block" data-testid="approval-block">
            <h3>"Approval"</h3>
            <p>{format!("Approved on {}", date(approval.approved_at))}</p>
            <ul>
                {approval
                    .reviewers
                    .iter()
                    .map(|r| view! { <li>{format!("{} ({}), {}", r.name, r.role, rfc3339(r.at))}</li> })
                    .collect_view()}
            </ul>
            <p>"Content SHA-256: " <code class="hash">{approval.content_hash.clone()}</code></p>
        </div>
    }
}

/// Published: what was published, the downloads, and the next version.
#[component]
fn PublishedPanel() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let studio = workspace.studio;
    let publication =
        Memo::new(move |_| studio.workflow.with(|w| w.current_publication().cloned()));
    let download = move |markdown_file: bool| {
        let document = workspace.document();
        let stem = crate::formats::file_stem(&document.card);
        let (filename, mime, text) = if markdown_file {
            (format!("{stem}.md"), "text/markdown", markdown::document_to_markdown(&document))
        } else {
            (format!("{stem}.json"), "application/json", document::to_json(&document))
        };
        workspace.offer_open_card(document.card, &filename, mime, &text);
    };
    let next = move |_| {
        workspace.step("Started the next version: the card is a draft again; published versions stay in the history.", |workflow, _, now| {
            workflow.next_version(now).map_err(|e| format!("Not started: {e}."))
        });
    };
    view! {
        {move || {
            publication
                .get()
                .map(|p| {
                    view! {
                        <div class="publication" data-testid="publication">
                            <h3>{format!("Published: version {} of {}", p.version, p.date)}</h3>
                            <ApprovalBlock approval=p.approval.clone() />
                        </div>
                    }
                })
        }}
        <div class="actions">
            <button type="button" on:click=move |_| download(false)>"Download published JSON"</button>
            <button type="button" on:click=move |_| download(true)>"Download published Markdown"</button>
            <button type="button" class="secondary" on:click=next>"Start the next version"</button>
        </div>
    }
}

/// Every review of the current round.
#[component]
fn Reviews() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let reviews = Memo::new(move |_| studio.workflow.with(|w| w.reviews.clone()));
    let section_title = |slug: &str| {
        fields::SECTIONS
            .iter()
            .find(|s| s.slug == slug)
            .map_or_else(|| slug.to_owned(), |s| s.title.to_owned())
    };
    view! {
        <Show when=move || !reviews.with(Vec::is_empty)>
            <section class="reviews" aria-labelledby="reviews-heading">
                <h3 id="reviews-heading">"Reviews"</h3>
                <ul>
                    {move || {
                        reviews
                            .get()
                            .into_iter()
                            .map(|review| {
                                view! {
                                    <li class="review">
                                        <p>
                                            <strong>{review.reviewer.clone()}</strong>
                                            {format!(" ({}), {}: ", review.role, rfc3339(review.at))}
                                            <strong>{review.decision.label()}</strong>
                                        </p>
                                        {(!review.comment.is_empty()).then(|| view! { <p>{review.comment.clone()}</p> })}
                                        <ul>
                                            {review
                                                .section_comments
                                                .iter()
                                                .map(|c| view! { <li>{format!("On “{}”: {}", section_title(&c.section), c.text)}</li> })
                                                .collect_view()}
                                        </ul>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

/// The append-only history, the kept versions, and a diff between any two of them.
#[component]
fn History() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let events = Memo::new(move |_| studio.workflow.with(|w| w.history.clone()));
    // Every kept version, and the current content, as (value, label).
    let versions = Memo::new(move |_| {
        studio.workflow.with(|w| {
            let mut list: Vec<(String, String)> = w
                .snapshots
                .iter()
                .map(|s| {
                    let (kind, at) =
                        s.taken.last().copied().unwrap_or((SnapshotKind::Submitted, 0));
                    let kind = match kind {
                        SnapshotKind::Submitted => "submitted",
                        SnapshotKind::Approved => "approved",
                        SnapshotKind::Published => "published",
                    };
                    let version = s.card.model_details.version.name.clone();
                    (
                        s.content_hash.clone(),
                        format!(
                            "Version {version}, {kind} {} ({})",
                            rfc3339(at),
                            &s.content_hash[..8.min(s.content_hash.len())]
                        ),
                    )
                })
                .collect();
            list.push(("current".into(), "The current content".into()));
            list
        })
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new("current".to_owned());
    let pick = move |choice: &str, w: &Workflow, card: &Card| -> Card {
        if choice == "current" {
            card.clone()
        } else {
            w.snapshot(choice).cloned().unwrap_or_default()
        }
    };
    let old = Signal::derive(move || {
        let choice = from.get();
        let choice = if choice.is_empty() {
            versions.with(|v| v.first().map(|(h, _)| h.clone()).unwrap_or_default())
        } else {
            choice
        };
        studio.card.with(|card| studio.workflow.with(|w| pick(&choice, w, card)))
    });
    let new = Signal::derive(move || {
        let choice = to.get();
        studio.card.with(|card| studio.workflow.with(|w| pick(&choice, w, card)))
    });
    let has_snapshots = move || studio.workflow.with(|w| !w.snapshots.is_empty());
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h3 id="history-heading">"History"</h3>
            <ol class="events">
                {move || events.get().into_iter().rev().map(|e| view! { <li><time>{rfc3339(e.at)}</time>" "{event_text(&e.event)}</li> }).collect_view()}
            </ol>
            <Show when=has_snapshots>
                <h4>"Compare versions"</h4>
                <div class="compare-pickers">
                    <div class="field">
                        <label for="compare-from">"Compare"</label>
                        <select id="compare-from" on:change:target=move |ev| from.set(ev.target().value())>
                            {move || versions.get().into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="compare-to">"with"</label>
                        <select id="compare-to" on:change:target=move |ev| to.set(ev.target().value())>
                            {move || {
                                versions
                                    .get()
                                    .into_iter()
                                    .map(|(value, label)| {
                                        let selected = value == "current";
                                        view! { <option value=value selected=selected>{label}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </div>
                <DiffView old new caption="Differences between the two versions".to_owned() />
            </Show>
        </section>
    }
}

fn event_text(event: &EventKind) -> String {
    match event {
        EventKind::Created => "Created".into(),
        EventKind::Edited { count: 1, .. } => "Edited".into(),
        EventKind::Edited { count, until } => {
            format!("Edited {count} times, until {}", rfc3339(*until))
        }
        EventKind::Submitted { content_hash } => {
            format!("Submitted for review (content {})", short(content_hash))
        }
        EventKind::Withdrawn => "Withdrawn from review".into(),
        EventKind::Reviewed { reviewer, decision } => {
            format!("Reviewed by {reviewer}: {}", decision.label())
        }
        EventKind::ChangesRequested { reviewer } => {
            format!("Changes requested by {reviewer}; back to draft")
        }
        EventKind::Approved { content_hash } => {
            format!("Approved (content {})", short(content_hash))
        }
        EventKind::Unlocked => "Editing of the approved content began".into(),
        EventKind::ApprovalVoided => "Changed since approval: the approval is void".into(),
        EventKind::ApprovalRestored => "Content is as approved again: the approval holds".into(),
        EventKind::Published { version, content_hash } => {
            format!("Published version {version} (content {})", short(content_hash))
        }
        EventKind::Superseded { version } => format!("Version {version} superseded"),
        EventKind::NextVersionStarted => "Next version started".into(),
    }
}

fn short(hash: &str) -> &str {
    &hash[..12.min(hash.len())]
}
