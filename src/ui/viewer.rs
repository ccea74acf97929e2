//! The viewer, for people who did not write the card: a read-only card from a file or a
//! share link, with its status, version and approval, and no editing controls. And the
//! "Share link" dialog that makes such links.

use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{copy_text, now_ms, read_text};
use super::dialogs::{Dialogs, show_when_mounted};
use super::formats_worker;
use super::preview::CardView;
use super::state::{NoticeKind, Screen, Signals, Viewed};
use super::workspace::Actions;
use crate::display::date;
use crate::document::{self, Document};
use crate::formats::ImportOutcome;
use crate::formats::job::{Answer, Job};
use crate::formats::share::FRAGMENT_PREFIX;
use crate::review::Status;

/// Opens the card in the address's `#card=…` fragment, if there is one, in the viewer.
/// Called at start-up and on every `hashchange`.
pub fn open_link_in_address(signals: Signals) {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return };
    if !hash.starts_with(FRAGMENT_PREFIX) {
        return;
    }
    signals.screen.set(Screen::Viewer);
    spawn_local(async move {
        match formats_worker::run(Job::Import { text: hash, now: now_ms() }).await {
            Answer::Imported(outcome) => show(signals, *outcome, "a share link".to_owned()),
            Answer::Failed { message } => refuse(signals, "the share link", &message),
            _ => refuse(signals, "the share link", "the worker gave an answer that is not a card"),
        }
    });
}

fn show(signals: Signals, outcome: ImportOutcome, source: String) {
    // A card opened on its own is not a review request.
    if let Some(signed) = super::signed::state() {
        signed.request.set(None);
    }
    let ImportOutcome { document, report, .. } = outcome;
    signals.viewed.set(Some(Viewed { document, source, set_aside: report.problems }));
    signals.screen.set(Screen::Viewer);
}

fn refuse(signals: Signals, what: &str, reason: &str) {
    signals.tell(NoticeKind::Error, format!("Could not open {what}. {reason}."));
}

/// The viewer screen.
#[component]
pub fn ViewerScreen() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let document = move || signals.viewed.with(|v| v.as_ref().map(|v| v.document.clone()));
    let pick = move |event: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let text = match read_text(&file).await {
                Ok(text) => text,
                Err(reason) => return refuse(signals, &name, &reason),
            };
            match formats_worker::run(Job::Import { text, now: now_ms() }).await {
                Answer::Imported(outcome) => {
                    if let Some(outcome) = super::signed::received(actions, &name, *outcome) {
                        show(signals, outcome, name)
                    }
                }
                Answer::Failed { message } => refuse(signals, &name, &message),
                _ => refuse(signals, &name, "it is a metrics file, not a card"),
            }
        });
    };
    let copy_to_drafts = move |_| {
        if let Some(viewed) = signals.viewed.get_untracked() {
            let message = format!("Copied the card from {} into a new draft.", viewed.source);
            actions.create(viewed.document, Some(message));
        }
    };
    view! {
        <section class="pane viewer" aria-labelledby="viewer-heading">
            <div class="viewer-bar">
                <h2 id="viewer-heading">"Card viewer"</h2>
                <label class="button secondary" for="viewer-file">"Open a card file"</label>
                <input id="viewer-file" class="file-input" type="file" accept=".json,.md,.markdown,application/json,text/markdown" on:change=pick />
            </div>
            <details class="identity-details">
                <summary>"My reviewer identity"</summary>
                <super::signed::MyIdentity />
            </details>
            {move || match document() {
                None => view! {
                    <p class="empty-state">
                        "Open a card file (Model Card Studio JSON, a Hugging Face README or Model Card Toolkit JSON), or a share link, to read it here. Nothing is saved and nothing can be changed."
                    </p>
                }.into_any(),
                Some(document) => view! { <ViewedCard document /> }.into_any(),
            }}
            <super::signed::ReviewRequestPanel />
            <Show when=move || signals.viewed.with(Option::is_some)>
                <p class="viewer-actions">
                    <button type="button" class="secondary" on:click=copy_to_drafts>"Copy to my drafts"</button>
                </p>
            </Show>
        </section>
    }
}

/// Status, version and approval, then the card.
#[component]
fn ViewedCard(document: Document) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let (source, set_aside) = signals.viewed.with_untracked(|v| {
        v.as_ref().map(|v| (v.source.clone(), v.set_aside.clone())).unwrap_or_default()
    });
    // What the import did not trust is named, with where, so a reader knows what is missing.
    let set_aside = (!set_aside.is_empty()).then(|| {
        let count = set_aside.len();
        view! {
            <details class="banner warning viewer-set-aside" data-testid="viewer-set-aside">
                <summary>{format!("Not shown: parts of this file that could not be read or were set aside ({count})")}</summary>
                <ul>{set_aside.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            </details>
        }
    });
    let workflow = &document.workflow;
    let status = workflow.status.meaning();
    let version = document.card.model_details.version.label();
    let approval = workflow.approval.clone().filter(|_| {
        matches!(workflow.status, Status::Approved | Status::Published | Status::Superseded)
    });
    let approval = approval.map(|approval| {
        let reviewers = approval.approvers();
        view! {
            <dl class="approval-block" aria-label="Approval">
                <dt>"Approved by"</dt><dd>{reviewers}</dd>
                <dt>"Approved on"</dt><dd>{date(approval.approved_at)}</dd>
                <dt>"Content hash (SHA-256)"</dt><dd><code>{approval.content_hash}</code></dd>
            </dl>
        }
    });
    let card = Signal::stored(document.card.clone());
    let workflow = Signal::stored(document.workflow.clone());
    let readme = Signal::stored(document.source.clone());
    view! {
        <div class="viewer-meta">
            <p class="status-badge" data-testid="viewer-status" data-status=format!("{:?}", document.workflow.status).to_lowercase()>{status}</p>
            <p data-testid="viewer-version">{version}</p>
            <p class="muted">{format!("Opened from {source}. Read-only: nothing here is saved.")}</p>
            {approval}
        </div>
        {set_aside}
        <super::signed::Signatures document=document.clone() />
        <CardView card workflow source=readme label="Card" />
    }
}

/// "Share link": opens the dialog that makes a link carrying the open card in its
/// fragment (a lazily loaded chunk, `ui::chunks::SHARE`).
#[component]
pub fn ShareLink() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    view! {
        <button type="button" class="secondary" on:click=move |_| dialogs.share.set(true)>"Share link"</button>
    }
}

/// The share dialog, open while it is mounted: makes the link, shows it, and copies it.
/// A card that is not approved gets a link that says so, and readers see it as a draft.
#[component]
pub fn ShareDialog() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let dialogs = expect_context::<Dialogs>();
    let signals = actions.signals;
    let dialog = NodeRef::<Dialog>::new();
    show_when_mounted(dialog);
    let link = RwSignal::new(None::<Result<String, String>>);
    // The workflow already returns an edited approved card to Draft (by its content
    // hash, on every edit), so the status alone says whether the card is approved.
    let approved =
        move || signals.workflow.with(|w| matches!(w.status, Status::Approved | Status::Published));
    let document = document::to_json(&actions.document());
    spawn_local(async move {
        let answer = formats_worker::run(Job::Share { document }).await;
        link.set(Some(match answer {
            Answer::Shared { payload } => Ok(address_with(&payload)),
            Answer::Failed { message } => Err(message),
            _ => Err("The worker gave an answer that is not a link".to_owned()),
        }));
    });
    let copy = move |_| {
        if let Some(Ok(url)) = link.get_untracked() {
            spawn_local(async move {
                let said = match copy_text(&url).await {
                    Ok(()) => "Copied the share link.".to_owned(),
                    Err(reason) => {
                        format!("Could not copy ({reason}); select the link and copy it by hand.")
                    }
                };
                signals.tell(NoticeKind::Info, said);
            });
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="share-title"
            on:close=move |_| dialogs.share.set(false)
        >
            <h2 id="share-title">"Share link"</h2>
            <p>"The card travels inside the link, after the #, which browsers never send to a server. Whoever opens it reads the card in the viewer."</p>
            <Show when=move || !approved()>
                <p class="banner warning" data-testid="share-not-approved">
                    "This card is not approved. The link says so: readers see it as a draft, not reviewed."
                </p>
            </Show>
            {move || match link.get() {
                None => view! { <p role="status">"Making the link…"</p> }.into_any(),
                Some(Ok(url)) => view! {
                    <label for="share-url">"Link"</label>
                    <input id="share-url" class="share-url" type="text" readonly prop:value=url.clone() on:focus=|ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        input.select();
                    } />
                    <p class="muted">{format!("{} characters.", url.len())}</p>
                }.into_any(),
                Some(Err(message)) => view! { <p class="field-error" role="alert">{message}</p> }.into_any(),
            }}
            <div class="dialog-actions">
                <button type="button" disabled=move || !matches!(link.get(), Some(Ok(_))) on:click=copy>"Copy link"</button>
                <button type="button" class="secondary" on:click=close>"Close"</button>
            </div>
        </dialog>
    }
}

/// This page's address with the payload as its fragment.
fn address_with(payload: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    format!("{base}{FRAGMENT_PREFIX}{payload}")
}
