//! Import and download: how a card gets into and out of the app. A file comes in by the
//! picker, by dropping it anywhere on the page, or by pasting it; it goes out through the
//! Download menu. What either way could not carry is shown in a report.

use std::time::Duration;

use leptos::ev;
use leptos::html::{Details, Dialog};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::File;

use super::browser::read_text;
use super::new_card::NewCard;
use super::state::{NoticeKind, Signals};
use super::viewer::ShareLink;
use super::workspace::Actions;
use crate::formats::{ExportFormat, metrics};

/// "New card", "Import", the Download menu and "Share link".
#[component]
pub fn Toolbar() -> impl IntoView {
    view! {
        <div class="toolbar" role="group" aria-label="Card file">
            <NewCard />
            <ImportButton />
            <DownloadMenu />
            <ShareLink />
            <UndoRedo />
        </div>
    }
}

/// "Undo edit" and "Redo edit", the buttons of Ctrl+Z and Ctrl+Shift+Z.
#[component]
fn UndoRedo() -> impl IntoView {
    let signals = expect_context::<Signals>();
    view! {
        <button
            type="button"
            class="secondary"
            aria-keyshortcuts="Control+Z"
            title="Ctrl+Z"
            disabled=move || !signals.can_undo.get() || !signals.can_edit()
            on:click=move |_| signals.undo()
        >
            "Undo edit"
        </button>
        <button
            type="button"
            class="secondary"
            aria-keyshortcuts="Control+Shift+Z"
            title="Ctrl+Shift+Z"
            disabled=move || !signals.can_redo.get() || !signals.can_edit()
            on:click=move |_| signals.redo()
        >
            "Redo edit"
        </button>
    }
}

/// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo edits of the open card on the
/// editor screen; Ctrl+S saves now and says where, on every screen. Cmd works for Ctrl.
/// Inside a dialog the keys keep their usual meaning.
pub fn install_shortcuts(actions: Actions) {
    let signals = actions.signals;
    let _ = window_event_listener(ev::keydown, move |event| {
        if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
            return;
        }
        let in_dialog = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.closest("dialog").ok().flatten().is_some());
        let key = event.key().to_lowercase();
        let on_editor = signals.screen.get_untracked() == super::state::Screen::Editor;
        match key.as_str() {
            "s" => {
                event.prevent_default();
                actions.save_now();
            }
            "z" if on_editor && !in_dialog => {
                event.prevent_default();
                if event.shift_key() { signals.redo() } else { signals.undo() }
            }
            "y" if on_editor && !in_dialog => {
                event.prevent_default();
                signals.redo();
            }
            _ => {}
        }
    });
}

/// "Import": a file picker whose label looks like a button. The card opens as a new draft.
#[component]
pub fn ImportButton() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let import = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Clear the picker so choosing the same file again still fires `change`.
        input.set_value("");
        import_file(actions, file);
    };
    view! {
        <label class="button" for="import-file" title="Or drop a file on the page, or paste it with Ctrl+V">
            "Import"
        </label>
        <input
            id="import-file"
            class="file-input"
            type="file"
            accept=".json,.md,.markdown,application/json,text/markdown"
            on:change=import
        />
    }
}

fn import_file(actions: Actions, file: File) {
    spawn_local(async move {
        let name = file.name();
        match read_text(&file).await {
            Ok(text) => actions.import(name, text),
            Err(reason) => {
                actions.signals.tell(NoticeKind::Error, format!("Could not read {name}: {reason}."))
            }
        }
    });
}

/// "Download": one button per format. The menu closes when a format is chosen or on
/// Escape, and focus goes back to its summary.
#[component]
fn DownloadMenu() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let menu = NodeRef::<Details>::new();
    let close = move || {
        if let Some(menu) = menu.get() {
            menu.set_open(false);
            if let Some(summary) = menu.first_element_child()
                && let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = summary.focus();
            }
        }
    };
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            close();
        }
    };
    let items = ExportFormat::ALL.into_iter().map(|format| {
        view! {
            <li>
                <button
                    type="button"
                    title=format.description()
                    on:click=move |_| {
                        close();
                        actions.export(format);
                    }
                >
                    {format!("Download {}", format.name())}
                </button>
            </li>
        }
    });
    let items = items.collect_view();
    view! {
        <details class="menu" node_ref=menu on:keydown=on_key>
            <summary class="button">"Download"</summary>
            <ul class="menu-items" aria-label="Download formats">
                {items}
                <li class="menu-note">{crate::formats::KEEPS_EVERYTHING}</li>
            </ul>
        </details>
    }
}

/// Files dropped anywhere on the page, and files or card-like text (JSON, Markdown with
/// front matter or headings, a share link) pasted outside a form field, are imported. While files are dragged over the page, a hint says they can be dropped.
pub fn install_drop_and_paste(actions: Actions) {
    let dragging = actions.signals.dragging;
    // `dragover` repeats while the pointer moves or rests over the page; when it stops
    // for a moment, the drag has left or ended.
    let idle = StoredValue::new_local(None::<TimeoutHandle>);
    let carries_files = |event: &ev::DragEvent| {
        event.data_transfer().is_some_and(|data| data.types().includes(&"Files".into(), 0))
    };
    let _ = window_event_listener(ev::dragover, move |event| {
        if !carries_files(&event) {
            return;
        }
        // Without this, the browser would open the file in place of the app.
        event.prevent_default();
        dragging.set(true);
        if let Some(handle) = idle.get_value() {
            handle.clear();
        }
        let handle =
            set_timeout_with_handle(move || dragging.set(false), Duration::from_millis(200)).ok();
        idle.set_value(handle);
    });
    let _ = window_event_listener(ev::drop, move |event| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = event.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            import_file(actions, file);
        }
    });
    let _ = window_event_listener(ev::paste, move |event| {
        if pasted_into_a_field(&event) {
            return;
        }
        let Some(data) = event.clipboard_data() else { return };
        if let Some(file) = data.files().and_then(|files| files.get(0)) {
            event.prevent_default();
            import_file(actions, file);
        } else if let Ok(text) = data.get_data("text/plain")
            && crate::formats::looks_like_a_card(&text)
        {
            event.prevent_default();
            actions.import(super::workspace::PASTED.to_owned(), text);
        }
    });
}

/// Whether a paste lands in something that takes text, where it must stay a paste.
fn pasted_into_a_field(event: &ev::ClipboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

/// The hint shown while files are dragged over the page. Only a picture: keyboard and
/// screen reader users have the Import button.
#[component]
pub fn DropHint() -> impl IntoView {
    let signals = expect_context::<Signals>();
    view! {
        <Show when=move || signals.dragging.get()>
            <div class="drop-hint" aria-hidden="true">
                <p>"Drop the file to import it as a new draft"</p>
            </div>
        </Show>
    }
}

/// What the last import or export mapped, kept as written, or could not carry.
#[component]
pub fn TransferReport() -> impl IntoView {
    let signals = expect_context::<Signals>();
    view! {
        {move || {
            signals.report.get().map(|report| {
                let groups = report
                    .groups
                    .into_iter()
                    .map(|(heading, items)| {
                        let count = items.len();
                        view! {
                            <details class="report-group" open=heading.starts_with("Could not")>
                                <summary>{format!("{heading} ({count})")}</summary>
                                <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                            </details>
                        }
                    })
                    .collect_view();
                let original = report.original.map(|file| {
                    let actions = expect_context::<Actions>();
                    let mime = match file.filename.rsplit_once('.') {
                        Some((_, "json")) => "application/json",
                        Some((_, "md")) => "text/markdown",
                        _ => "text/plain",
                    };
                    view! {
                        <p class="report-original">
                            "What was set aside is not in the draft, and the file itself is not changed: "
                            <button
                                type="button"
                                class="secondary small"
                                on:click=move |_| {
                                    actions.offer(&file.filename, mime, &file.text);
                                }
                            >
                                "Download the file as it was"
                            </button>
                        </p>
                    }
                });
                view! {
                    <section class="transfer-report" aria-labelledby="transfer-report-title" data-testid="transfer-report">
                        <h2 id="transfer-report-title">{report.title}</h2>
                        {groups}
                        {original}
                        <button type="button" class="secondary small" on:click=move |_| signals.report.set(None)>
                            "Dismiss report"
                        </button>
                    </section>
                }
            })
        }}
    }
}

/// The dialog that shows what a metrics file adds to and replaces in the open card, and
/// merges it only when the user says so.
#[component]
pub fn MetricsMerge() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let dialog = NodeRef::<Dialog>::new();
    let plan = Memo::new(move |_| {
        let pending = signals.metrics.get()?;
        Some(signals.card.with(|card| metrics::plan(card, &pending.values)))
    });
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        if signals.metrics.with(Option::is_some) {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else {
            dialog.close();
        }
    });
    let can_merge = move || signals.open_id.with(Option::is_some) && signals.can_edit();
    let merge = move |_| {
        if let Some(plan) = plan.get_untracked() {
            actions.merge_metrics(&plan);
        }
    };
    let file =
        move || signals.metrics.with(|p| p.as_ref().map(|p| p.file.clone()).unwrap_or_default());
    let row = |change: metrics::Change| {
        let effect = change.effect();
        view! {
            <tr>
                <th scope="row">{change.metric}</th>
                <td>{change.split}</td>
                <td>{change.value}</td>
                <td>{effect}</td>
            </tr>
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="metrics-title"
            on:close=move |_| signals.metrics.set(None)
        >
            <h2 id="metrics-title">{move || format!("Merge the metrics from {}", file())}</h2>
            {move || {
                plan.get().map(|plan| {
                    let summary =
                        signals.card.with(|c| plan.summary(&c.model_details.name));
                    view! {
                        <p data-testid="metrics-summary">{summary}</p>
                        <table class="metrics-plan">
                            <thead>
                                <tr><th scope="col">"Metric"</th><th scope="col">"Split"</th><th scope="col">"Value"</th><th scope="col">"Effect"</th></tr>
                            </thead>
                            <tbody>{plan.changes.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    }
                })
            }}
            <Show when=move || !can_merge()>
                <p class="field-error">"No card is open for editing, so the metrics cannot be merged. Open a draft, or unlock this one on the review screen, and import the file again."</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" disabled=move || !can_merge() on:click=merge>"Merge metrics"</button>
                <button type="button" class="secondary" on:click=move |_| signals.metrics.set(None)>"Cancel"</button>
            </div>
        </dialog>
    }
}
