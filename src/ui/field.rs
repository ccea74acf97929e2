//! One labelled control for one registered field: its label, level, guidance and input.

use leptos::prelude::*;

use super::state::Signals;
use crate::card::fields::{Access, FieldKind, FieldSpec, Level};
use crate::card::{Card, licenses};

/// A field with its label, requirement level, guidance and control.
#[component]
pub fn Field(spec: &'static FieldSpec) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let shown = Memo::new(move |_| signals.card.with(|card| spec.is_shown(card)));
    let missing = Memo::new(move |_| {
        spec.level == Level::Required && signals.card.with(|card| !spec.has_content(card))
    });
    let help_id = format!("{}-help", spec.path);
    let control = match (spec.kind, spec.access) {
        (FieldKind::List, Access::List(get, get_mut)) => {
            view! { <ListInput id=spec.path described_by=help_id.clone() get get_mut /> }.into_any()
        }
        (kind, Access::Text(get, get_mut)) => {
            view! { <TextInput id=spec.path kind described_by=help_id.clone() required=spec.level == Level::Required get get_mut /> }
                .into_any()
        }
        // The registry pairs List with list access only; anything else has no control.
        _ => ().into_any(),
    };
    view! {
        <div class="field" class:missing=move || missing.get() hidden=move || !shown.get()>
            <div class="field-head">
                <label for=spec.path>{spec.label}</label>
                <LevelBadge level=spec.level />
                <Show when=move || missing.get()>
                    <span class="badge badge-missing">"Not filled in yet"</span>
                </Show>
            </div>
            <p class="help" id=help_id>
                {spec.help}
                " "
                <span class="example">"Example: " {spec.example}</span>
            </p>
            {control}
        </div>
    }
}

/// "Required", "Recommended" or "Optional", beside a label.
#[component]
pub fn LevelBadge(level: Level) -> impl IntoView {
    let class = match level {
        Level::Required => "badge badge-required",
        Level::Recommended => "badge badge-recommended",
        Level::Optional => "badge badge-optional",
    };
    view! { <span class=class>{level.label()}</span> }
}

/// A text control: a line, a Markdown box, a code box, a date, or the licence picker.
#[component]
pub fn TextInput(
    id: &'static str,
    kind: FieldKind,
    described_by: String,
    #[prop(optional)] required: bool,
    get: fn(&Card) -> &String,
    get_mut: fn(&mut Card) -> &mut String,
) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let value = Memo::new(move |_| signals.card.with(|card| get(card).clone()));
    let set = move |text: String| signals.edit(|card| *get_mut(card) = text);
    match kind {
        FieldKind::Markdown | FieldKind::Code => view! {
            <textarea
                id=id
                class=if kind == FieldKind::Code { "code" } else { "markdown" }
                rows=if kind == FieldKind::Code { "6" } else { "4" }
                spellcheck=if kind == FieldKind::Code { "false" } else { "true" }
                aria-describedby=described_by
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| set(ev.target().value())
            ></textarea>
        }
        .into_any(),
        FieldKind::License => view! {
            <select
                id=id
                aria-describedby=described_by
                aria-required=required.then_some("true")
                on:change:target=move |ev| set(ev.target().value())
            >
                <option value="" prop:selected=move || value.with(String::is_empty)>"Choose a licence"</option>
                {licenses::LICENSES
                    .iter()
                    .map(|(license, name)| {
                        view! {
                            <option value=*license prop:selected=move || value.with(|v| v == license)>
                                {licenses::choice_label(license, name)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        _ => view! {
            <input
                id=id
                type=if kind == FieldKind::Date { "date" } else { "text" }
                autocomplete="off"
                aria-describedby=described_by
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| set(ev.target().value())
            />
        }
        .into_any(),
    }
}

/// A comma-separated list of short strings. The text is kept as typed while the list in
/// the card is parsed from it, so a trailing comma does not vanish under the cursor.
#[component]
pub fn ListInput(
    id: &'static str,
    described_by: String,
    get: fn(&Card) -> &Vec<String>,
    get_mut: fn(&mut Card) -> &mut Vec<String>,
) -> impl IntoView {
    let signals = expect_context::<Signals>();
    let items = Memo::new(move |_| signals.card.with(|card| get(card).clone()));
    let text = RwSignal::new(items.get_untracked().join(", "));
    // When the list changes from elsewhere (an import, a template), show the new list.
    Effect::new(move |_| {
        let items = items.get();
        if text.with_untracked(|typed| parse_list(typed)) != items {
            text.set(items.join(", "));
        }
    });
    let on_input = move |typed: String| {
        let parsed = parse_list(&typed);
        text.set(typed);
        signals.edit(|card| *get_mut(card) = parsed);
    };
    view! {
        <input
            id=id
            type="text"
            autocomplete="off"
            aria-describedby=described_by
            prop:value=move || text.get()
            on:input:target=move |ev| on_input(ev.target().value())
        />
    }
}

fn parse_list(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}
