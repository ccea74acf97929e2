//! "New card": pick a template to start a new draft from.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::workspace::Actions;
use crate::card::templates::Template;
use crate::document::Document;

/// The "New card" button and its template dialog.
#[component]
pub fn NewCard() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let dialog = NodeRef::<Dialog>::new();
    let open = move |_| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let close = move || {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let start = move |template: Template| {
        close();
        actions.create(
            Document::new(template.card()),
            Some(format!("Started a new draft from the {} template.", template.name())),
        );
    };
    view! {
        <button type="button" on:click=open>"New card"</button>
        <dialog node_ref=dialog class="dialog" aria-labelledby="new-card-title">
            <h2 id="new-card-title">"Start a new card"</h2>
            <p>"The new card is a draft of its own; your other drafts stay in the library."</p>
            <ul class="template-list">
                {Template::ALL
                    .into_iter()
                    .map(|template| {
                        view! {
                            <li>
                                <button type="button" class="template" on:click=move |_| start(template)>
                                    <strong>{template.name()}</strong>
                                    <span>{template.description()}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="secondary" on:click=move |_| close()>"Cancel"</button>
        </dialog>
    }
}
