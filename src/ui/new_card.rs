//! "New card": pick a template to start a new draft from. The button is in the page from
//! the start; the dialog is a lazily loaded chunk (`ui::chunks::NEW_CARD`).

use leptos::html::Dialog;
use leptos::prelude::*;

use super::dialogs::{Dialogs, show_when_mounted};
use super::workspace::Actions;
use crate::card::templates::Template;
use crate::document::Document;

/// The "New card" button; it opens the template dialog.
#[component]
pub fn NewCard() -> impl IntoView {
    let dialogs = expect_context::<Dialogs>();
    view! {
        <button type="button" on:click=move |_| dialogs.new_card.set(true)>"New card"</button>
    }
}

/// The template dialog, open while it is mounted.
#[component]
pub fn NewCardDialog() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let dialogs = expect_context::<Dialogs>();
    let dialog = NodeRef::<Dialog>::new();
    show_when_mounted(dialog);
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
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="new-card-title"
            on:close=move |_| dialogs.new_card.set(false)
        >
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
