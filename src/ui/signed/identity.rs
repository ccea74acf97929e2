//! "My reviewer identity": make one (name, role, optionally organisation and email),
//! see its fingerprint, and send its public part as a file or a link.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{LinkBox, SignedState, copy_link, now, offer};
use crate::formats::review_files::ReviewFile;
use crate::review::signed::identity::grouped;
use crate::ui::signing;
use crate::ui::state::{NoticeKind, Signals};

/// This browser's reviewer identity, or the form that makes one.
#[component]
pub fn MyIdentity() -> impl IntoView {
    let studio = expect_context::<Signals>();
    let state = expect_context::<SignedState>();
    let making = RwSignal::new(false);
    let link = RwSignal::new(None::<String>);
    let has_identity = move || state.identity.with(Option::is_some);
    view! {
        <section class="identity" aria-labelledby="identity-heading">
            <h3 id="identity-heading">"My reviewer identity"</h3>
            <p class="help">
                "Your identity lets you sign reviews that anyone can check. Its private key stays in this browser, and nothing can copy it out. "
                <strong>"Clearing this browser's site data deletes the key for good"</strong>
                "; you would then make a new identity, and what you signed before stays verifiable."
            </p>
            <Show when=has_identity fallback=move || view! { <IdentityForm making /> }>
                {move || state.identity.get().map(|identity| {
                    let file = ReviewFile::Identity(Box::new(identity.clone()));
                    let for_download = file.clone();
                    view! {
                        <dl class="identity-card" data-testid="my-identity">
                            <dt>"Name"</dt><dd>{identity.name.clone()}</dd>
                            <dt>"Role"</dt><dd>{identity.role.clone()}</dd>
                            {(!identity.organisation.is_empty()).then(|| view! { <dt>"Organisation"</dt><dd>{identity.organisation.clone()}</dd> })}
                            {(!identity.email.is_empty()).then(|| view! { <dt>"Email"</dt><dd>{identity.email.clone()}</dd> })}
                            <dt>"Key fingerprint"</dt><dd><code data-testid="my-fingerprint">{grouped(&identity.fingerprint)}</code></dd>
                        </dl>
                        <p class="help">"Send your public identity to the authors whose cards you review. Read the fingerprint to them so they can check it."</p>
                        <div class="button-row">
                            <button type="button" on:click=move |_| offer(studio, &for_download)>"Download my identity"</button>
                            <button type="button" class="secondary" on:click=move |_| copy_link(studio, &file, link)>"Copy my identity link"</button>
                            <button type="button" class="secondary" on:click=move |_| making.set(true)>"Make a new identity"</button>
                        </div>
                        <LinkBox link label="Link to my identity" id="identity-link" />
                        <Show when=move || making.get()>
                            <IdentityForm making />
                        </Show>
                    }
                })}
            </Show>
        </section>
    }
}

/// Name, role, organisation, email, and "Make my identity".
#[component]
fn IdentityForm(making: RwSignal<bool>) -> impl IntoView {
    let studio = expect_context::<Signals>();
    let state = expect_context::<SignedState>();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if name.get_untracked().trim().is_empty() || role.get_untracked().trim().is_empty() {
            studio.tell(NoticeKind::Error, "Give your name and your role to make an identity.");
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let made = signing::create_identity(
                &name.get_untracked(),
                &role.get_untracked(),
                &organisation.get_untracked(),
                &email.get_untracked(),
                now(),
            )
            .await;
            busy.set(false);
            match made {
                Ok(identity) => {
                    studio.tell(
                        NoticeKind::Info,
                        format!(
                            "Made your reviewer identity, {}. Key fingerprint {}.",
                            identity.describe(),
                            grouped(&identity.fingerprint)
                        ),
                    );
                    state.identity.set(Some(identity));
                    making.set(false);
                }
                Err(reason) => studio.tell(
                    NoticeKind::Error,
                    format!("Could not make your reviewer identity: {reason}."),
                ),
            }
        });
    };
    let field = |id: &'static str,
                 label: &'static str,
                 value: RwSignal<String>,
                 kind: &'static str,
                 autocomplete: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type=kind autocomplete=autocomplete prop:value=move || value.get()
                    on:input:target=move |ev| value.set(ev.target().value()) />
            </div>
        }
    };
    view! {
        <form class="identity-form" on:submit=submit aria-label="Make my reviewer identity">
            {field("identity-name", "Your name", name, "text", "name")}
            {field("identity-role", "Your role (for example Safety, Legal)", role, "text", "organization-title")}
            {field("identity-organisation", "Organisation (optional)", organisation, "text", "organization")}
            {field("identity-email", "Email (optional)", email, "email", "email")}
            <button type="submit" prop:disabled=move || busy.get()>"Make my reviewer identity"</button>
        </form>
    }
}
