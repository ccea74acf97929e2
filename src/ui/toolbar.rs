//! Import and download: how a card gets into and out of the app.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::read_text;
use super::new_card::NewCard;
use super::state::NoticeKind;
use super::workspace::Workspace;
use crate::formats::json::{self, Document};
use crate::formats::{self, markdown};

/// "New card", "Import", "Download JSON" and "Download Markdown".
#[component]
pub fn Toolbar() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let save_as = move |extension: &str, mime: &str, render: fn(&Document) -> String| {
        let document = workspace.document();
        let filename = format!("{}.{extension}", formats::file_stem(&document.card));
        workspace.offer(&filename, mime, &render(&document));
    };
    view! {
        <div class="toolbar" role="group" aria-label="Card file">
            <NewCard />
            <ImportButton />
            <button type="button" on:click=move |_| save_as("json", "application/json", json::to_json)>
                "Download JSON"
            </button>
            <button type="button" on:click=move |_| save_as("md", "text/markdown", markdown::document_to_markdown)>
                "Download Markdown"
            </button>
        </div>
    }
}

/// "Import": a file picker whose label looks like a button. The card opens as a new draft.
#[component]
pub fn ImportButton() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Clear the picker so choosing the same file again still fires `change`.
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            match read_text(&file).await {
                Ok(text) => workspace.import(&name, &text),
                Err(reason) => workspace
                    .studio
                    .tell(NoticeKind::Error, format!("Could not read {name}: {reason}.")),
            }
        });
    };
    view! {
        <label class="button" for="import-file">"Import"</label>
        <input id="import-file" class="file-input" type="file" accept=".json,.md,.markdown,application/json,text/markdown" on:change=import />
    }
}
