//! Review between people, in the browser: the reviewer's identity, review requests
//! opened without making a draft, signing, and the author's side (trusted reviewers, the
//! policy, signed reviews attached to the draft they name). The rules are in
//! `review::signed`; the key and WebCrypto are in `ui::signing`.

mod author;
mod identity;
mod reviewer;
mod signatures;

pub use author::SignedReviewPanel;
pub use identity::MyIdentity;
pub use reviewer::ReviewRequestPanel;
pub use signatures::Signatures;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{copy_text, download, now_ms};
use super::formats_worker;
use super::signing;
use super::state::{NoticeKind, Screen, Signals, Viewed};
use super::workspace::Actions;
use crate::document::Document;
use crate::formats::ImportOutcome;
use crate::formats::job::{Answer, Job};
use crate::formats::review_files::{Kind, ReviewFile};
use crate::review::signed::identity::{grouped, short};
use crate::review::signed::{AttachError, Attached, PublicIdentity, ReviewRequest, SignedReview};

/// What the signed-review screens share: this browser's identity and the review request
/// being read.
#[derive(Clone, Copy)]
pub struct SignedState {
    pub identity: RwSignal<Option<PublicIdentity>>,
    /// Set once IndexedDB has answered, so "no identity yet" is not shown too early.
    pub loaded: RwSignal<bool>,
    pub request: RwSignal<Option<ReviewRequest>>,
}

thread_local! {
    // Imports finish in tasks that have no reactive owner to read the context from.
    static STATE: std::cell::Cell<Option<SignedState>> = const { std::cell::Cell::new(None) };
}

/// The shared state, from anywhere (also from a spawned task).
pub fn state() -> Option<SignedState> {
    STATE.with(std::cell::Cell::get)
}

/// Provides the state and loads this browser's identity.
pub fn install(studio: Signals) {
    let state = SignedState {
        identity: RwSignal::new(None),
        loaded: RwSignal::new(false),
        request: RwSignal::new(None),
    };
    provide_context(state);
    STATE.with(|cell| cell.set(Some(state)));
    spawn_local(async move {
        match signing::load_identity().await {
            Ok(identity) => state.identity.set(identity),
            Err(reason) => studio.tell(
                NoticeKind::Error,
                format!("Your reviewer identity could not be read from this browser: {reason}."),
            ),
        }
        state.loaded.set(true);
    });
}

/// Handles an import that is a review file; returns the outcome back when it is not
/// one. Nothing here ever makes a draft. The work is in the formats client's chunk
/// (`ui::chunks::FORMATS`), which any outcome came through, so it is loaded.
pub fn received(workspace: Actions, name: &str, outcome: ImportOutcome) -> Option<ImportOutcome> {
    match super::chunks::FORMATS.loaded() {
        Some(client) => (client.received)(workspace, name, outcome),
        None => {
            workspace.signals.tell(
                NoticeKind::Error,
                format!("Could not open {name}: the import code is not loaded. Try again."),
            );
            None
        }
    }
}

/// [`received`], inside the formats client's chunk.
pub(in crate::ui) fn received_here(
    workspace: Actions,
    name: &str,
    outcome: ImportOutcome,
) -> Option<ImportOutcome> {
    let Some(file) = outcome.review_file.clone() else { return Some(outcome) };
    let studio = workspace.signals;
    match file {
        ReviewFile::Identity(identity) => trust(workspace, name, *identity),
        ReviewFile::Request(request) => open_request(studio, name, *request),
        ReviewFile::Signed(signed) => {
            let name = name.to_owned();
            spawn_local(async move { attach(workspace, &name, *signed).await });
        }
    }
    None
}

/// Trusts a reviewer in the open draft.
fn trust(workspace: Actions, name: &str, identity: PublicIdentity) {
    let message = format!(
        "Trusted {} (from {name}), key {}. Check the fingerprint with them before you rely on it.",
        identity.describe(),
        grouped(&identity.fingerprint)
    );
    workspace.change_workflow(&message, |workflow, _, _| {
        workflow.trust(identity).map_err(|e| format!("Not trusted ({name}): {e}. Nothing changed."))
    });
}

/// Opens a review request in the viewer, as a read-only card with the review form.
fn open_request(studio: Signals, name: &str, request: ReviewRequest) {
    let Some(state) = state() else { return };
    let mut document = Document::new(request.card.clone());
    document.workflow.checklist = request.checklist.clone();
    studio.viewed.set(Some(Viewed {
        document,
        source: format!("a review request ({name})"),
        set_aside: Vec::new(),
    }));
    state.request.set(Some(request));
    studio.screen.set(Screen::Viewer);
}

/// Verifies a signed review in this browser and attaches it to the draft it names.
async fn attach(workspace: Actions, name: &str, signed: SignedReview) {
    let studio = workspace.signals;
    let refuse = |reason: String| {
        studio.tell(
            NoticeKind::Error,
            format!("Refused the signed review {name}: {reason}. Nothing changed."),
        )
    };
    let verified = match signing::verify(&signed).await {
        Ok(Ok(verified)) => verified,
        Ok(Err(error)) => return refuse(AttachError::Invalid(error).to_string()),
        Err(reason) => return refuse(format!("this browser could not check it: {reason}")),
    };
    let draft = verified.statement().predicate.card.draft.clone();
    let known = studio.drafts.with_untracked(|d| d.iter().any(|s| s.id == draft));
    if known && studio.open_id.get_untracked().as_deref() != Some(draft.as_str()) {
        workspace.flush();
        // This runs in the formats client's chunk, so it reads with `decode` itself
        // rather than through `ui::chunks::READER`.
        if !workspace.open(&draft, crate::storage::decode) {
            return refuse("the draft it names could not be opened".to_owned());
        }
    }
    let who = verified.signer().describe();
    let mut result = None;
    let attached = workspace.change_workflow("", |workflow, card, now| {
        match workflow.attach_signed(card, signed, &verified, now) {
            Ok(attached) => {
                result = Some(attached);
                Ok(())
            }
            Err(error) => {
                Err(format!("Refused the signed review {name}: {error}. Nothing changed."))
            }
        }
    });
    if !attached {
        return;
    }
    let message = match result {
        Some(Attached::Current { outcome, .. }) if outcome.is_met() => {
            format!("Signed review by {who} ({name}) verified and attached. The card is approved.")
        }
        Some(Attached::Current { outcome, .. }) => {
            let unmet: Vec<String> = outcome.unmet.iter().map(ToString::to_string).collect();
            format!(
                "Signed review by {who} ({name}) verified and attached. Not approved yet: {}.",
                unmet.join("; ")
            )
        }
        Some(Attached::EarlierVersion { content_hash }) => format!(
            "Signed review by {who} ({name}) verified, but it is for an earlier version (content {}). It is kept and does not count; the Review screen shows what changed since.",
            short(&content_hash)
        ),
        None => String::new(),
    };
    studio.tell(NoticeKind::Info, message);
    studio.screen.set(Screen::Review);
}

/// Checks, with WebCrypto, every signature of a card just imported as a draft (the
/// import checked everything else): a signed review whose signature fails is taken out,
/// with the approval that needed it, and the user is told whose and why.
pub fn check_imported_signatures(workspace: Actions, name: String) {
    if let Some(client) = super::chunks::FORMATS.loaded() {
        (client.check_imported_signatures)(workspace, name);
    }
}

/// [`check_imported_signatures`], inside the formats client's chunk.
pub(in crate::ui) fn check_imported_signatures_here(workspace: Actions, name: String) {
    let studio = workspace.signals;
    let signed = studio.workflow.with_untracked(|w| w.signed_reviews.clone());
    if signed.is_empty() {
        return;
    }
    let opened = studio.open_id.get_untracked();
    spawn_local(async move {
        let results = signing::verify_all(&signed).await;
        let failed: Vec<(usize, String)> = results
            .iter()
            .enumerate()
            .filter_map(|(index, result)| {
                let error = result.as_ref().err()?;
                let who = signed.get(index).map(|s| s.signer.describe()).unwrap_or_default();
                Some((index, format!("{who}: {error}")))
            })
            .collect();
        if failed.is_empty() || studio.open_id.get_untracked() != opened {
            return;
        }
        let indices: Vec<usize> = failed.iter().map(|(index, _)| *index).collect();
        let reasons: Vec<String> = failed.into_iter().map(|(_, reason)| reason).collect();
        workspace.change_workflow("", |workflow, card, now| {
            workflow.refuse_signed(card, &indices, now);
            Ok(())
        });
        studio.tell(
            NoticeKind::Error,
            format!(
                "Refused {} signed review(s) in {name}, and any approval that needed them: {}.",
                reasons.len(),
                reasons.join("; ")
            ),
        );
    });
}

/// Opens a review file given in the address (`#reviewer=`, `#review-request=`,
/// `#signed-review=`), as if it were imported. Returns whether there was one.
pub fn open_link_in_address(workspace: Actions) -> bool {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else {
        return false;
    };
    let Some(kind) = Kind::ALL.into_iter().find(|k| hash.starts_with(k.link_prefix())) else {
        return false;
    };
    spawn_local(async move {
        let what = format!("{} link", kind.label());
        match formats_worker::run(Job::Import { text: hash, now: now_ms() }).await {
            Answer::Imported(outcome) => {
                let _ = received(workspace, &what, *outcome);
            }
            Answer::Failed { message } => workspace.signals.tell(
                NoticeKind::Error,
                format!("Could not open {what}. {message}. Nothing changed."),
            ),
            _ => {}
        }
    });
    true
}

/// Offers a review file for download, saying where it went.
pub fn offer(studio: Signals, file: &ReviewFile) {
    let name = file.file_name();
    match download(&name, "application/json", &file.to_json()) {
        Ok(()) => studio.tell(NoticeKind::Info, format!("Downloaded {name}.")),
        Err(reason) => {
            studio.tell(NoticeKind::Error, format!("Could not download {name}: {reason}."))
        }
    }
}

/// Makes a link to a review file and copies it; `shown` receives the link so it can be
/// selected by hand where the clipboard is not allowed.
pub fn copy_link(studio: Signals, file: &ReviewFile, shown: RwSignal<Option<String>>) {
    let prefix = file.kind().link_prefix();
    let label = file.kind().label();
    let text = file.to_json();
    spawn_local(async move {
        match formats_worker::run(Job::Pack { text }).await {
            Answer::Shared { payload } => {
                let link = address_with(prefix, &payload);
                shown.set(Some(link.clone()));
                match copy_text(&link).await {
                    Ok(()) => studio.tell(NoticeKind::Info, format!("Copied a link to {label}.")),
                    Err(_) => studio.tell(
                        NoticeKind::Info,
                        format!("Made a link to {label}; copy it from the box below."),
                    ),
                }
            }
            Answer::Failed { message } => studio.tell(NoticeKind::Error, message),
            _ => {}
        }
    });
}

fn address_with(prefix: &str, payload: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    format!("{base}{prefix}{payload}")
}

/// A link made by [`copy_link`], selectable.
#[component]
fn LinkBox(link: RwSignal<Option<String>>, label: &'static str, id: &'static str) -> impl IntoView {
    view! {
        <Show when=move || link.with(Option::is_some)>
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" readonly prop:value=move || link.get().unwrap_or_default() />
            </div>
        </Show>
    }
}

pub(crate) fn now() -> u64 {
    now_ms()
}
