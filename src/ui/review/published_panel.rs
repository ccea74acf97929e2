//! The panel of a published card: what was published, the downloads, and the next
//! version.

use leptos::prelude::*;

use super::approval_block::ApprovalBlock;
use crate::document;
use crate::formats::ExportFormat;
use crate::ui::workspace::Actions;

/// Published: what was published, the downloads, and the next version.
#[component]
pub(super) fn PublishedPanel() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let signals = actions.signals;
    let publication =
        Memo::new(move |_| signals.workflow.with(|w| w.current_publication().cloned()));
    let download = move |markdown_file: bool| {
        if markdown_file {
            // The README the Hub gets, status block and its hash included.
            actions.export(ExportFormat::HfReadme);
            return;
        }
        let document = actions.document();
        let stem = crate::formats::file_stem(&document.card);
        let text = document::to_json(&document);
        actions.offer_open_card(document.card, &format!("{stem}.json"), "application/json", &text);
    };
    let next = move |_| {
        actions.change_workflow("Started the next version: the card is a draft again; published versions stay in the history.", |workflow, _, now| {
            workflow.next_version(now).map_err(|e| format!("Not started: {e}."))
        });
    };
    view! {
        {move || {
            publication
                .get()
                .map(|p| {
                    view! {
                        <div class="publication" data-testid="publication">
                            <h3>{p.heading()}</h3>
                            <ApprovalBlock approval=p.approval.clone() />
                        </div>
                    }
                })
        }}
        <div class="actions">
            <button type="button" on:click=move |_| download(false)>"Download published JSON"</button>
            <button type="button" on:click=move |_| download(true)>"Download published Markdown"</button>
            <button type="button" class="secondary" on:click=next>"Start the next version"</button>
        </div>
    }
}
