//! The library: every draft with its name, version, status and last edit, with search,
//! a status filter, the trash, backup and restore, and the records that could not be read.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{confirm, read_text};
use super::new_card::NewCard;
use super::state::NoticeKind;
use super::storage_meter::StorageMeter;
use super::toolbar::ImportButton;
use super::workspace::Actions;
use crate::card::display_name;
use crate::display::{plural, relative_time};
use crate::review::Status;
use crate::storage::backup::RestorePlan;
use crate::storage::{DraftSummary, decode};

/// Which drafts the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shelf {
    Drafts,
    Trash,
}

/// The library screen.
#[component]
pub fn Library() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let shelf = RwSignal::new(Shelf::Drafts);
    let rename = RwSignal::new(None::<DraftSummary>);

    let shown = Memo::new(move |_| {
        let needle = search.with(|s| s.trim().to_lowercase());
        let wanted = status.with(|s| Status::from_id(s));
        let in_trash = shelf.get() == Shelf::Trash;
        signals.drafts.with(|drafts| {
            drafts
                .iter()
                .filter(|d| d.in_trash() == in_trash)
                .filter(|d| wanted.is_none_or(|w| d.status == w))
                .filter(|d| {
                    needle.is_empty()
                        || d.name.to_lowercase().contains(&needle)
                        || d.version.to_lowercase().contains(&needle)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let trash_count = move || signals.drafts.with(|d| d.iter().filter(|d| d.in_trash()).count());
    let draft_count = move || signals.drafts.with(|d| d.iter().filter(|d| !d.in_trash()).count());
    // Outside `view!`, where a `>` would end the tag.
    let can_empty_trash = move || shelf.get() == Shelf::Trash && trash_count() > 0;

    view! {
        <section class="library pane" aria-labelledby="library-heading">
            <div class="library-head">
                <h2 id="library-heading">"Drafts"</h2>
                <div class="toolbar" role="group" aria-label="Library">
                    <NewCard />
                    <ImportButton />
                    <button type="button" class="secondary" on:click=move |_| actions.download_all()>
                        "Download all drafts"
                    </button>
                    <RestoreBackup />
                </div>
            </div>
            <StorageMeter />
            <div class="library-filters" role="search">
                <div class="field">
                    <label for="library-search">"Search drafts"</label>
                    <input
                        id="library-search"
                        type="search"
                        autocomplete="off"
                        prop:value=move || search.get()
                        on:input:target=move |ev| search.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for="library-status">"Status"</label>
                    <select id="library-status" on:change:target=move |ev| status.set(ev.target().value())>
                        <option value="">"Any status"</option>
                        {Status::ALL.map(|s| view! { <option value=s.id()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="shelf-switch" role="group" aria-label="Show">
                    <button
                        type="button"
                        class="secondary"
                        aria-pressed=move || (shelf.get() == Shelf::Drafts).to_string()
                        on:click=move |_| shelf.set(Shelf::Drafts)
                    >
                        {move || format!("Drafts ({})", draft_count())}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        aria-pressed=move || (shelf.get() == Shelf::Trash).to_string()
                        on:click=move |_| shelf.set(Shelf::Trash)
                    >
                        {move || format!("Trash ({})", trash_count())}
                    </button>
                </div>
            </div>
            <Show
                when=move || !shown.with(Vec::is_empty)
                fallback=move || {
                    view! {
                        <p class="empty-state">
                            {move || match (shelf.get(), signals.drafts.with(Vec::is_empty)) {
                                (Shelf::Trash, _) => "The trash is empty.",
                                (Shelf::Drafts, true) => "No drafts yet. Start a new card, import one, or start from the example card.",
                                (Shelf::Drafts, false) => "No draft matches the search and filter.",
                            }}
                        </p>
                        <Show when=move || shelf.get() == Shelf::Drafts && signals.drafts.with(Vec::is_empty)>
                            <button type="button" on:click=move |_| actions.start_from_example()>"Start from the example card"</button>
                        </Show>
                    }
                }
            >
                <table class="drafts-table">
                    <caption class="visually-hidden">
                        {move || if shelf.get() == Shelf::Trash { "Drafts in the trash" } else { "Drafts" }}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Version"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Last edit"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || shown.get()
                            key=|d| (d.id.clone(), d.generation, d.deleted_at)
                            let(draft)
                        >
                            <DraftRow draft rename />
                        </For>
                    </tbody>
                </table>
            </Show>
            <Show when=can_empty_trash>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        if confirm("Delete every draft in the trash for good? This cannot be undone.") {
                            actions.empty_trash();
                        }
                    }
                >
                    "Empty trash"
                </button>
            </Show>
            <Problems />
            <RenameDialog rename />
        </section>
    }
}

/// One draft in the table, with its actions.
#[component]
fn DraftRow(draft: DraftSummary, rename: RwSignal<Option<DraftSummary>>) -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let name = display_name(&draft.name);
    let id = StoredValue::new(draft.id.clone());
    let updated = draft.updated_at;
    let is_open =
        move || signals.open_id.with(|open| open.as_deref() == Some(id.get_value().as_str()));
    let buttons = if draft.in_trash() {
        view! {
            <button type="button" class="secondary small" on:click=move |_| actions.restore(&id.get_value())>
                "Restore" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
            <button
                type="button"
                class="danger small"
                on:click={
                    let name = name.clone();
                    move |_| {
                        if confirm(&format!("Delete “{name}” for good? This cannot be undone.")) {
                            actions.delete_forever(&id.get_value());
                        }
                    }
                }
            >
                "Delete forever" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        }
        .into_any()
    } else {
        let summary = draft.clone();
        view! {
            <button type="button" class="secondary small" on:click=move |_| actions.duplicate(&id.get_value())>
                "Duplicate" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
            <button
                type="button"
                class="secondary small"
                disabled=draft.is_read_only()
                on:click=move |_| rename.set(Some(summary.clone()))
            >
                "Rename" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
            <button
                type="button"
                class="danger small"
                disabled=draft.is_read_only()
                on:click=move |_| actions.trash(&id.get_value())
            >
                "Delete" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        }
        .into_any()
    };
    view! {
        <tr class:open=is_open>
            <th scope="row">
                <button type="button" class="link" on:click=move |_| { actions.open(&id.get_value(), decode); }>
                    {display_name(&draft.name)}
                </button>
                {draft.is_read_only().then(|| view! { <span class="badge badge-optional">"Read-only: newer app"</span> })}
                <Show when=is_open>
                    <span class="badge badge-recommended">"Open"</span>
                </Show>
            </th>
            <td>{draft.version.clone()}</td>
            <td>{draft.status.label()}</td>
            <td>
                <time title=updated.to_string()>{move || relative_time(signals.clock.get(), updated)}</time>
            </td>
            <td class="row-actions">{buttons}</td>
        </tr>
    }
}

/// Records that could not be read: kept untouched, offered for download, deleted only
/// when the user asks.
#[component]
fn Problems() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    view! {
        <Show when=move || !signals.problems.with(Vec::is_empty)>
            <section class="problems" aria-labelledby="problems-heading">
                <h3 id="problems-heading">
                    {move || format!("{} could not be read", plural(signals.problems.with(Vec::len), "stored record", "stored records"))}
                </h3>
                <p>
                    "These are kept exactly as they were found, and never overwritten. Download one to inspect or repair it."
                </p>
                <ul>
                    <For each=move || signals.problems.get() key=|p| p.key.clone() let(problem)>
                        {
                            let key = StoredValue::new(problem.key.clone());
                            view! {
                                <li>
                                    <code>{problem.key.clone()}</code>
                                    {format!(" {}", problem.size_and_reason())}
                                    " "
                                    <button type="button" class="secondary small" on:click=move |_| actions.download_problem(&key.get_value())>
                                        "Download" <span class="visually-hidden">{format!(" {}", problem.key)}</span>
                                    </button>
                                    <button
                                        type="button"
                                        class="danger small"
                                        on:click=move |_| {
                                            if confirm("Delete this unreadable record for good?") {
                                                actions.delete_problem(&key.get_value());
                                            }
                                        }
                                    >
                                        "Delete" <span class="visually-hidden">{format!(" {}", problem.key)}</span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// The dialog that renames a draft.
#[component]
fn RenameDialog(rename: RwSignal<Option<DraftSummary>>) -> impl IntoView {
    let actions = expect_context::<Actions>();
    let dialog = NodeRef::<Dialog>::new();
    let name = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        match rename.get() {
            Some(draft) => {
                name.set(draft.name.clone());
                let _ = dialog.show_modal();
            }
            None => dialog.close(),
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(draft) = rename.get_untracked() {
            actions.rename(&draft.id, name.get_untracked().trim());
        }
        rename.set(None);
    };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="rename-title" on:close=move |_| rename.set(None)>
            <form on:submit=submit>
                <h2 id="rename-title">"Rename draft"</h2>
                <div class="field">
                    <label for="rename-name">"New name"</label>
                    <input
                        id="rename-name"
                        type="text"
                        prop:value=move || name.get()
                        on:input:target=move |ev| name.set(ev.target().value())
                    />
                </div>
                <div class="dialog-actions">
                    <button type="submit">"Rename"</button>
                    <button type="button" class="secondary" on:click=move |_| rename.set(None)>"Cancel"</button>
                </div>
            </form>
        </dialog>
    }
}

/// "Restore from backup": pick a backup file, see what will be added and replaced, then
/// restore or cancel.
#[component]
fn RestoreBackup() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let dialog = NodeRef::<Dialog>::new();
    let plan = RwSignal::new(None::<RestorePlan>);
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let outcome = read_text(&file).await.and_then(|text| actions.plan_restore(&text));
            match outcome {
                Ok(found) => {
                    plan.set(Some(found));
                    if let Some(dialog) = dialog.get() {
                        let _ = dialog.show_modal();
                    }
                }
                Err(reason) => actions
                    .signals
                    .tell(NoticeKind::Error, format!("Could not restore from {name}: {reason}.")),
            }
        });
    };
    let close = move || {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let restore = move |_| {
        if let Some(found) = plan.get_untracked() {
            actions.apply_restore(&found);
        }
        close();
    };
    view! {
        <label class="button secondary" for="restore-file">"Restore from backup"</label>
        <input id="restore-file" class="file-input" type="file" accept=".json,application/json" on:change=pick />
        <dialog node_ref=dialog class="dialog" aria-labelledby="restore-title">
            <h2 id="restore-title">"Restore drafts from a backup"</h2>
            {move || {
                plan.get()
                    .map(|found| {
                        let summary = found.summary();
                        let writes = found.writes();
                        view! {
                            <p data-testid="restore-summary">{summary}</p>
                            <ul class="restore-plan">
                                {found
                                    .items
                                    .iter()
                                    .map(|item| {
                                        view! {
                                            <li>
                                                <strong>{display_name(&item.record.card.model_details.name)}</strong>
                                                {format!(": {}", item.action.effect())}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                                {found.skipped.iter().map(|why| view! { <li>{format!("Skipped: {why}")}</li> }).collect_view()}
                            </ul>
                            <div class="dialog-actions">
                                <button type="button" disabled=!writes on:click=restore>"Restore"</button>
                                <button type="button" class="secondary" on:click=move |_| close()>"Cancel"</button>
                            </div>
                        }
                    })
            }}
        </dialog>
    }
}
