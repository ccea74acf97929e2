//! Messages about storage and about the open draft that stay until their cause is gone:
//! storage full or missing, a save from another tab, a read-only draft, a new version of
//! the app, and the reminder to keep a backup when the browser may clear its storage.

use leptos::prelude::*;

use super::state::StorageInfo;
use super::workspace::Actions;

/// Every banner that applies now.
#[component]
pub fn Banners() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let info = move |f: fn(&StorageInfo) -> bool| move || signals.storage.with(f);
    view! {
        <div class="banners">
            <Show when=move || signals.update_available.get()>
                <div class="banner info" role="status">
                    <p><strong>"Update available: reload"</strong>" to use the new version. Your drafts are kept."</p>
                    <button type="button" on:click=move |_| super::pwa::update_now()>"Reload to update"</button>
                </div>
            </Show>
            <Show when=info(|i| i.memory_only)>
                <div class="banner warning" role="alert">
                    <p>
                        <strong>"Browser storage is not available"</strong>
                        ", so nothing is saved in this browser. Your work stays in this tab only: download it before you close the tab."
                    </p>
                    <button type="button" on:click=move |_| actions.download_open_draft()>"Download JSON"</button>
                </div>
            </Show>
            <Show when=info(|i| i.full)>
                <div class="banner error" role="alert">
                    <p>
                        <strong>"Not saved: browser storage is full."</strong>
                        " Your edits are kept in this tab, and every edit tries to save again. "
                        {move || {
                            signals.storage.with(|i| {
                                i.usage.map(|u| u.summary()).unwrap_or_default()
                            })
                        }}
                        "Free some space by emptying the trash or deleting drafts you no longer need."
                    </p>
                    <button type="button" on:click=move |_| actions.download_open_draft()>"Download backup"</button>
                </div>
            </Show>
            <Show when=move || signals.conflict.get()>
                <div class="banner error" role="alert">
                    <p>
                        <strong>"This draft was changed in another tab."</strong>
                        " Your edits here are not saved over it. Load the other tab's version, or keep both as separate drafts."
                    </p>
                    <button type="button" on:click=move |_| actions.reload_from_storage()>"Reload"</button>
                    <button type="button" class="secondary" on:click=move |_| actions.keep_both()>"Keep both"</button>
                </div>
            </Show>
            <Show when=move || signals.read_only.with(Option::is_some)>
                <div class="banner warning" role="status">
                    <p>{move || signals.read_only.get().unwrap_or_default()}</p>
                    <button type="button" on:click=move |_| actions.download_open_draft()>"Download JSON"</button>
                </div>
            </Show>
        </div>
    }
}

/// The gentle reminder to keep a backup while the browser may clear its storage. It
/// sits below the screens: it appears only once the browser has answered, and must not
/// push the page down when it does.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let info = move |f: fn(&StorageInfo) -> bool| move || signals.storage.with(f);
    view! {
        <Show when=info(|i| i.persistent == Some(false) && !i.memory_only && !i.reminder_dismissed)>
            <div class="banner info" role="status">
                <p>
                    "Your browser may clear stored drafts, for example after a week without a visit. "
                    "Download a backup of all drafts now and then."
                </p>
                <button type="button" class="secondary" on:click=move |_| actions.download_all()>
                    "Download all drafts"
                </button>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| signals.storage.update(|i| i.reminder_dismissed = true)
                >
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}
