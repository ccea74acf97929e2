//! Import and download: how a card gets into and out of the app.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{download, read_text};
use super::new_card::NewCard;
use super::state::{NoticeKind, Studio};
use crate::formats::{self, SourceFormat, json, markdown};

/// The "Import", "Download JSON" and "Download Markdown" controls.
#[component]
pub fn Toolbar() -> impl IntoView {
    let studio = expect_context::<Studio>();

    let save_as = move |extension: &str, mime: &str, render: fn(&crate::card::Card) -> String| {
        let (stem, text) =
            studio.card.with_untracked(|card| (formats::file_stem(card), render(card)));
        let filename = format!("{stem}.{extension}");
        match download(&filename, mime, &text) {
            Ok(()) => studio.tell(NoticeKind::Info, format!("Downloaded {filename}")),
            Err(reason) => {
                studio.tell(NoticeKind::Error, format!("Could not download {filename}: {reason}"))
            }
        }
    };

    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Clear the picker so choosing the same file again still fires `change`.
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let outcome = read_text(&file)
                .await
                .and_then(|text| json::from_json(&text).map_err(|e| e.to_string()));
            match outcome {
                Ok(imported) => {
                    studio.card.set(imported.card);
                    let kind = match imported.format {
                        SourceFormat::CardJson => "model card",
                        SourceFormat::ModelInfo => "model_info",
                    };
                    studio.tell(NoticeKind::Info, format!("Imported {name} as a {kind}."));
                }
                Err(reason) => studio.tell(
                    NoticeKind::Error,
                    format!("Could not import {name}. {reason}. Your current card is unchanged."),
                ),
            }
        });
    };

    view! {
        <div class="toolbar" role="group" aria-label="Card file">
            <NewCard />
            <label class="button" for="import-file">"Import"</label>
            <input
                id="import-file"
                class="file-input"
                type="file"
                accept=".json,application/json"
                on:change=import
            />
            <button type="button" on:click=move |_| save_as("json", "application/json", json::to_json)>
                "Download JSON"
            </button>
            <button type="button" on:click=move |_| save_as("md", "text/markdown", markdown::to_markdown)>
                "Download Markdown"
            </button>
        </div>
    }
}
