//! Editing a list of items (owners, datasets, results, risks, custom sections): add,
//! remove and reorder, all with buttons, so everything works by keyboard.

use leptos::prelude::*;

use super::field::LevelBadge;
use super::focus;
use super::state::Signals;
use crate::card::fields::{FieldKind, ItemAccess, ItemField, ListSpec};

/// Extra controls for one item, below its fields (the results' slice editor).
pub type ItemExtra = fn(usize) -> AnyView;

/// A list of items from the registry, each item a fieldset of its fields.
#[component]
pub fn ListEditor<T>(spec: ListSpec<T>, #[prop(optional)] extra: Option<ItemExtra>) -> impl IntoView
where
    T: Clone + Default + Send + Sync + 'static,
{
    let signals = expect_context::<Signals>();
    let count = Memo::new(move |_| signals.card.with(|card| (spec.items)(card).len()));
    let add = move |_| {
        signals.edit(|card| (spec.items_mut)(card).push(T::default()));
        let index = count.get_untracked().saturating_sub(1);
        let first = spec.fields.first().map(|f| f.key).unwrap_or_default();
        request_animation_frame(move || focus(&item_id(spec.path, index, first)));
    };
    let help_id = format!("{}-help", spec.path);
    let described_by = help_id.clone();
    let item_word = spec.item.to_lowercase();
    view! {
        <fieldset class="list" id=spec.path aria-describedby=described_by>
            <legend>{spec.label} " " <LevelBadge level=spec.level /></legend>
            <p class="help" id=help_id>{spec.help}</p>
            <ol class="list-items">
                <For each=move || 0..count.get() key=|index| *index let(index)>
                    <ListItem spec index count extra />
                </For>
            </ol>
            <button type="button" class="secondary" id=format!("{}.add", spec.path) on:click=add>
                {format!("Add {item_word}")}
            </button>
        </fieldset>
    }
}

/// The DOM id of one field of one item: `model_details.owners.0.name`.
pub fn item_id(path: &str, index: usize, key: &str) -> String {
    format!("{path}.{index}.{key}")
}

/// One item: its fields, any extra controls, and its move and remove buttons.
#[component]
fn ListItem<T>(
    spec: ListSpec<T>,
    index: usize,
    count: Memo<usize>,
    extra: Option<ItemExtra>,
) -> impl IntoView
where
    T: Clone + Default + Send + Sync + 'static,
{
    let signals = expect_context::<Signals>();
    let number = index + 1;
    let item_word = spec.item.to_lowercase();
    let action_id = move |action: &str| item_id(spec.path, index, action);
    // Outside `view!`: a `>` inside an attribute expression would end the tag there.
    let is_last = move || index + 1 >= count.get();

    let move_to = move |target: usize, action: &'static str| {
        signals.edit(|card| {
            let items = (spec.items_mut)(card);
            if index < items.len() && target < items.len() {
                items.swap(index, target);
            }
        });
        // Focus follows the item to its new place; at an end, the other move button.
        let last = count.get_untracked().saturating_sub(1);
        let action = match (action, target) {
            ("up", 0) => "down",
            ("down", t) if t == last => "up",
            (action, _) => action,
        };
        let id = item_id(spec.path, target, action);
        request_animation_frame(move || focus(&id));
    };
    let remove = move |_| {
        signals.edit(|card| {
            let items = (spec.items_mut)(card);
            if index < items.len() {
                items.remove(index);
            }
        });
        let remaining = count.get_untracked();
        let first = spec.fields.first().map(|f| f.key).unwrap_or_default();
        let next = if index < remaining {
            item_id(spec.path, index, first)
        } else if remaining > 0 {
            item_id(spec.path, remaining - 1, first)
        } else {
            format!("{}.add", spec.path)
        };
        request_animation_frame(move || focus(&next));
    };

    view! {
        <li class="list-item">
            <fieldset>
                <legend>{format!("{} {number}", spec.item)}</legend>
                <div class="item-fields">
                    {spec
                        .fields
                        .iter()
                        .map(|field| view! { <ItemFieldControl spec index field=*field /> })
                        .collect_view()}
                </div>
                {extra.map(|extra| extra(index))}
                <div class="item-actions">
                    <button
                        type="button"
                        class="secondary small"
                        id=action_id("up")
                        disabled=index == 0
                        on:click=move |_| move_to(index.saturating_sub(1), "up")
                    >
                        "Move up"
                        <span class="visually-hidden">{format!(" {item_word} {number}")}</span>
                    </button>
                    <button
                        type="button"
                        class="secondary small"
                        id=action_id("down")
                        disabled=is_last
                        on:click=move |_| move_to(index + 1, "down")
                    >
                        "Move down"
                        <span class="visually-hidden">{format!(" {item_word} {number}")}</span>
                    </button>
                    <button type="button" class="danger small" id=action_id("remove") on:click=remove>
                        "Remove"
                        <span class="visually-hidden">{format!(" {item_word} {number}")}</span>
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

/// One field of one item, read and written by index so rows stay right as others move.
/// Its visible label is short ("Name"); its accessible name says which item ("Owner 1 name").
#[component]
fn ItemFieldControl<T>(spec: ListSpec<T>, index: usize, field: ItemField<T>) -> impl IntoView
where
    T: Clone + Default + Send + Sync + 'static,
{
    let signals = expect_context::<Signals>();
    let id = item_id(spec.path, index, field.key);
    let help_id = format!("{id}-help");
    let name = field.accessible_name(spec.item, index + 1);
    match field.access {
        ItemAccess::Flag(get, get_mut) => {
            let checked = Memo::new(move |_| {
                signals.card.with(|card| (spec.items)(card).get(index).is_some_and(get))
            });
            let set = move |on: bool| {
                signals.edit(|card| {
                    if let Some(item) = (spec.items_mut)(card).get_mut(index) {
                        *get_mut(item) = on;
                    }
                })
            };
            view! {
                <div class="item-field checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        aria-label=name
                        aria-describedby=help_id.clone()
                        prop:checked=move || checked.get()
                        on:change:target=move |ev| set(ev.target().checked())
                    />
                    <label for=id>{field.label}</label>
                    <p class="help" id=help_id>{field.help}</p>
                </div>
            }
            .into_any()
        }
        ItemAccess::Text(get, get_mut) => {
            let value = Memo::new(move |_| {
                signals.card.with(|card| {
                    (spec.items)(card).get(index).map(|item| get(item).clone()).unwrap_or_default()
                })
            });
            let set = move |text: String| {
                signals.edit(|card| {
                    if let Some(item) = (spec.items_mut)(card).get_mut(index) {
                        *get_mut(item) = text;
                    }
                })
            };
            let control = if field.kind == FieldKind::Markdown {
                view! {
                    <textarea
                        id=id.clone()
                        rows="3"
                        aria-label=name
                        aria-describedby=help_id.clone()
                        prop:value=move || value.get()
                        on:input:target=move |ev| set(ev.target().value())
                    ></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input
                        type="text"
                        id=id.clone()
                        autocomplete="off"
                        aria-label=name
                        aria-describedby=help_id.clone()
                        prop:value=move || value.get()
                        on:input:target=move |ev| set(ev.target().value())
                    />
                }
                .into_any()
            };
            view! {
                <div class="item-field" class:wide=field.kind == FieldKind::Markdown>
                    <label for=id>{field.label}</label>
                    {control}
                    <p class="help" id=help_id>{field.help}</p>
                </div>
            }
            .into_any()
        }
    }
}
