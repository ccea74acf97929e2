//! The application shell: header, screens, banners, the status line and the toast.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::banners::{BackupReminder, Banners};
use super::browser::{now_ms, request_persistence};
use super::chunks;
use super::deferred::{AfterStartUp, Deferred, Reveal, later};
use super::dialogs::{Dialogs, LazyDialog};
use super::editor::Editor;
use super::lazy::{Lazy, LazyWhenNear};
use super::section_nav::SectionNav;
use super::state::{NoticeKind, SaveState, Screen, Signals};
use super::stepper::Stepper;
use super::toolbar::{DropHint, Toolbar, install_drop_and_paste, install_shortcuts};
use super::viewer::open_link_in_address;
use super::workspace::Actions;
use crate::card::Card;
use crate::display::relative_time;
use crate::review::Status;

/// The whole app, built in start-up slices (`ui::deferred`): the header with the mount,
/// then the listeners, the status line, the screen and the rest, each in a task of its own.
#[component]
pub fn App() -> impl IntoView {
    let signals = Signals::new(now_ms());
    provide_context(signals);
    let actions = Actions::start(signals);
    provide_context(actions);
    let dialogs = Dialogs::provide();
    later(move || install_services(signals));
    later(move || install(actions));

    let screen = move || signals.screen.get();
    let go = move |to: Screen| {
        if to == Screen::Library {
            actions.flush();
        }
        signals.screen.set(to);
    };
    let tabs = [
        (Screen::Editor, "Editor"),
        (Screen::Review, "Review"),
        (Screen::Library, "Library"),
        (Screen::Viewer, "Viewer"),
    ]
    .into_iter()
    .map(|(to, name)| {
        view! {
            <button
                type="button"
                class="tab"
                aria-current=move || (screen() == to).then_some("page")
                on:click=move |_| go(to)
            >
                {name}
            </button>
        }
    })
    .collect_view();
    view! {
        <a class="skip-link" href="#main">"Skip to the main content"</a>
        <header class="app-header">
            <h1 class="app-title">"Model Card Studio"</h1>
            <nav class="screens" aria-label="Screens">
                {tabs}
            </nav>
        </header>
        <Deferred>
            <Banners />
            <StatusLine />
        </Deferred>
        <main id="main" tabindex="-1">
            <Deferred>
                {move || match screen() {
                    Screen::Editor => view! { <EditorScreen /> }.into_any(),
                    Screen::Review => view! { <OpenDraft><Lazy chunk=&chunks::REVIEW /></OpenDraft> }.into_any(),
                    Screen::Library => view! { <Lazy chunk=&chunks::LIBRARY /> }.into_any(),
                    Screen::Viewer => view! { <Lazy chunk=&chunks::VIEWER /> }.into_any(),
                }}
            </Deferred>
        </main>
        <AfterStartUp>
            <footer class="app-footer">
                <BackupReminder />
            </footer>
        </AfterStartUp>
        <Deferred>
            <ToastArea />
            // The dialogs whose code is a lazy chunk, each mounted only while open.
            <LazyDialog open=dialogs.new_card chunk=&chunks::NEW_CARD />
            <LazyDialog open=dialogs.share chunk=&chunks::SHARE />
            <Show when=move || signals.metrics.with(Option::is_some)>
                <Lazy chunk=&chunks::METRICS on_close=Callback::new(move |()| signals.metrics.set(None)) />
            </Show>
            <DropHint />
        </Deferred>
    }
}

/// The service worker and the reviewer's identity.
fn install_services(signals: Signals) {
    super::pwa::install(signals);
    super::signed::install(signals);
    #[cfg(feature = "crash-test")]
    super::crash_test::install(signals);
}

/// The app's listeners and what a start opens: the autosave's page events, drop and
/// paste, shortcuts, a link in the address, and the request for persistent storage.
fn install(actions: Actions) {
    let signals = actions.signals;
    actions.install();
    install_drop_and_paste(actions);
    install_shortcuts(actions);
    let open_links = move || {
        if !super::signed::open_link_in_address(actions) {
            open_link_in_address(signals);
        }
    };
    open_links();
    let _ = window_event_listener(leptos::ev::hashchange, move |_| open_links());
    spawn_local(async move { actions.set_persistence(request_persistence().await) });
}

/// The editor and its live preview, or a way to start when no draft is open.
#[component]
fn EditorScreen() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let locked = move || !signals.can_edit();
    let lock_note = move || {
        signals.workflow.with(|w| {
            w.is_locked().then_some(match w.status {
                Status::InReview => "This card is in review, so its content is read-only. Withdraw it from review to edit it.",
                Status::Approved => "This card is approved, so its content is read-only. Choose “Edit (voids approval)” on the review screen to change it.",
                _ => "This version is published, so its content is read-only. Start the next version on the review screen to change it.",
            })
        })
    };
    view! {
        <OpenDraft>
            <div class="editor-toolbar">
                <Stepper />
                <Deferred>
                    <Toolbar />
                </Deferred>
            </div>
            <Deferred>
                <Show when=move || signals.report.with(Option::is_some)>
                    <Lazy chunk=&chunks::TRANSFER />
                </Show>
                <Show when=move || signals.card.with(|card| *card == Card::default())>
                    <div class="banner info" role="status">
                        <p>"This card is empty. Fill it in field by field, import a file, or start from the example card to see how a finished one reads."</p>
                        <button type="button" on:click=move |_| actions.start_from_example()>"Start from the example card"</button>
                    </div>
                </Show>
                {move || lock_note().map(|note| view! {
                    <div class="banner info lock-note" role="status">
                        <p>{note}</p>
                        <button type="button" class="secondary" on:click=move |_| signals.screen.set(Screen::Review)>"Go to review"</button>
                    </div>
                })}
            </Deferred>
            <div class="workspace">
                <Deferred>
                    <SectionNav />
                </Deferred>
                <Deferred>
                    <section id="editor" class="pane editor" aria-labelledby="editor-heading">
                        <h2 id="editor-heading">"Card details"</h2>
                        // A disabled fieldset disables every control inside: one switch for read-only.
                        <fieldset class="editor-lock" disabled=locked>
                            <legend class="visually-hidden">"Card fields"</legend>
                            <Editor />
                        </fieldset>
                    </section>
                    // After every section of the form: a phone fetches the preview's
                    // chunk only once the form is long enough to keep it out of sight.
                    <Deferred>
                        <section class="pane preview" aria-labelledby="preview-heading">
                            <h2 id="preview-heading">"Preview"</h2>
                            <LazyWhenNear chunk=&chunks::PREVIEW />
                        </section>
                    </Deferred>
                </Deferred>
            </div>
            // The first screen is whole once the slices queued so far have run: the
            // shell's part, the section list and the form's first fields (Name among them,
            // so the editor is typeable the moment it is shown). The rest of the form
            // arrives below them, slice by slice.
            <Reveal />
        </OpenDraft>
    }
}

/// Its children when a draft is open; otherwise a way to open or start one.
#[component]
fn OpenDraft(children: ChildrenFn) -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    view! {
        <Show
            when=move || signals.open_id.with(Option::is_some)
            fallback=move || {
                view! {
                    <div class="pane empty-state">
                        <h2>"No draft is open"</h2>
                        <p>"Open one from the library, or start from the example card to see how a finished one reads."</p>
                        <button type="button" on:click=move |_| actions.start_from_example()>"Start from the example card"</button>
                        <button type="button" class="secondary" on:click=move |_| signals.screen.set(Screen::Library)>"Go to the library"</button>
                    </div>
                }
            }
        >
            {children()}
        </Show>
    }
}

/// Save status and messages. The regions exist from the start, so screen readers
/// announce every change to them.
#[component]
fn StatusLine() -> impl IntoView {
    let signals = expect_context::<Signals>();
    let save_label = move || signals.save.with(SaveState::label);
    let save_class = move || {
        if signals.save.with(SaveState::is_problem) { "save-state problem" } else { "save-state" }
    };
    // Shown, not announced: a live region that changed every second would never stop talking.
    let ago = move || match signals.save.get() {
        SaveState::Saved { at } => format!(" · {}", relative_time(signals.clock.get(), at)),
        _ => String::new(),
    };
    let persistence = move || match signals.storage.with(|s| s.persistent) {
        Some(true) => "Storage: persistent",
        Some(false) => "Storage: may be cleared by the browser",
        None => "",
    };
    // Whether the open card has changed since it was last downloaded to a file.
    let download_state = move || {
        if signals.open_id.with(Option::is_none) || signals.screen.get() == Screen::Viewer {
            return "";
        }
        signals.downloaded.with(|downloaded| match downloaded {
            None => "Not downloaded to a file yet",
            Some(card) if signals.card.with(|c| c != card) => "Changed since the last download",
            Some(_) => "Downloaded",
        })
    };
    let message = move |kind: NoticeKind| {
        signals
            .notice
            .with(|notice| notice.as_ref().filter(|n| n.kind == kind).map(|n| n.text.clone()))
    };
    view! {
        <section class="status-line" aria-label="Saving and messages">
            <p class=save_class data-testid="save-state-line">
                <span role="status" data-testid="save-state">{save_label}</span>
                <span aria-hidden="true" data-testid="save-age">{ago}</span>
            </p>
            <p class="storage-state" data-testid="persistence">{persistence}</p>
            <p class="download-state" data-testid="download-state">{download_state}</p>
            <p class="notice" role="status" data-testid="notice">{move || message(NoticeKind::Info)}</p>
            <p class="notice error" role="alert" data-testid="error">{move || message(NoticeKind::Error)}</p>
        </section>
    }
}

/// The toast after a delete, with its "Undo".
#[component]
fn ToastArea() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let toast = actions.signals.toast;
    view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || {
                toast
                    .get()
                    .map(|t| {
                        let undo = t.undo.clone();
                        view! {
                            <div class="toast">
                                <span>{t.text.clone()}</span>
                                <button type="button" on:click=move |_| actions.undo(&undo)>"Undo"</button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
