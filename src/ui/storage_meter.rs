//! What the drafts use of the browser's storage, shown in the library before it runs
//! short; from [`WARN_PERCENT`] full, a warning with the actions that free space.

use leptos::prelude::*;

use super::browser::confirm;
use super::workspace::Actions;
use crate::display::plural;
use crate::storage::{CAPACITY, WARN_PERCENT};

/// "Drafts use 1.8 MB of about 5 MB of browser storage", a meter, and the warning.
#[component]
pub fn StorageMeter() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    // Measured again whenever the library changes (every library action refreshes it).
    let usage = Memo::new(move |_| {
        signals.drafts.track();
        actions.usage()
    });
    let in_trash = move || signals.drafts.with(|d| d.iter().filter(|d| d.in_trash()).count());
    let empty_trash = move |_| {
        if confirm("Delete every draft in the trash for good? This cannot be undone.") {
            actions.empty_trash();
        }
    };
    let drop_old = move |_| {
        if confirm(
            "Drop the kept versions that were never approved or published? Every approved and published version, and each draft's latest submission, stays.",
        ) {
            actions.drop_old_snapshots();
        }
    };
    view! {
        {move || usage.get().map(|usage| {
            let warning = usage.nearly_full().then(|| view! {
                <div class="banner warning" role="alert" data-testid="storage-warning">
                    <p><strong>{usage.warning()}</strong></p>
                    <p class="banner-actions">
                        <button type="button" on:click=move |_| actions.download_all()>"Download a backup"</button>
                        <button type="button" class="secondary" disabled=move || in_trash() == 0 on:click=empty_trash>
                            {move || format!("Empty the trash ({})", plural(in_trash(), "draft", "drafts"))}
                        </button>
                        <button type="button" class="secondary" on:click=drop_old>"Drop old versions"</button>
                    </p>
                    <p>"Dropping old versions keeps every approved and published version, and each draft's latest submission for review."</p>
                </div>
            });
            view! {
                <div class="storage-meter" data-testid="storage-meter">
                    <label for="storage-used">{usage.meter()}</label>
                    <meter
                        id="storage-used"
                        min="0"
                        max=CAPACITY.to_string()
                        high=(CAPACITY / 100 * WARN_PERCENT).to_string()
                        optimum="0"
                        value=usage.total.to_string()
                    >
                        {format!("{}%", usage.percent())}
                    </meter>
                </div>
                {warning}
            }
        })}
    }
}
