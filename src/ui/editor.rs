//! The card form: one labelled control per registered field, plus the metrics table.

use leptos::prelude::*;

use super::metrics_editor::MetricsEditor;
use super::state::Studio;
use crate::card::fields::{self, FieldKind, FieldSpec};

/// The form that edits the card.
#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <form class="editor-form" on:submit=|ev| ev.prevent_default()>
            <TextField spec=fields::NAME />
            <TextField spec=fields::VERSION />
            <MetricsEditor />
            <TextField spec=fields::LIMITATIONS />
        </form>
    }
}

/// A labelled input or textarea bound to one text field of the card.
#[component]
pub fn TextField(spec: FieldSpec) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let value = move || studio.card.with(|card| (spec.get)(card).clone());
    let set = move |text: String| studio.edit(|card| *(spec.get_mut)(card) = text);
    let control = match spec.kind {
        FieldKind::Line => view! {
            <input
                id=spec.path
                type="text"
                autocomplete="off"
                prop:value=value
                on:input:target=move |ev| set(ev.target().value())
            />
        }
        .into_any(),
        FieldKind::Markdown => view! {
            <textarea
                id=spec.path
                rows="6"
                prop:value=value
                on:input:target=move |ev| set(ev.target().value())
            ></textarea>
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=spec.path>{spec.label}</label>
            {control}
        </div>
    }
}
