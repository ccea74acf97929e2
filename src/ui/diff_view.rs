//! Two versions of a card side by side: every changed field, with a word-level diff
//! inside long text.

use leptos::prelude::*;

use crate::card::Card;
use crate::review::diff::{FieldChange, Segment, diff, text_diff};

/// The changes from `old` to `new`, as a table of before and after.
#[component]
pub fn DiffView(
    #[prop(into)] old: Signal<Card>,
    #[prop(into)] new: Signal<Card>,
    caption: String,
) -> impl IntoView {
    let changes = Memo::new(move |_| old.with(|old| new.with(|new| diff(old, new))));
    view! {
        <Show
            when=move || !changes.with(Vec::is_empty)
            fallback=|| view! { <p class="diff-none">"No differences: the two versions say exactly the same."</p> }
        >
            <table class="diff">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Field"</th>
                        <th scope="col">"Before"</th>
                        <th scope="col">"After"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || changes.get() key=|c| (c.path.clone(), c.old.clone(), c.new.clone()) let(change)>
                        <ChangeRow change />
                    </For>
                </tbody>
            </table>
        </Show>
    }
}

#[component]
fn ChangeRow(change: FieldChange) -> impl IntoView {
    let kind = change.kind.label();
    let (old, new) = if change.is_long() {
        let sides = text_diff(&change.old, &change.new);
        (segments(sides.old, "del"), segments(sides.new, "ins"))
    } else {
        (plain(&change.old), plain(&change.new))
    };
    view! {
        <tr class=format!("diff-{kind}")>
            <th scope="row">
                {change.label.clone()} <span class="diff-kind">{format!(" ({kind})")}</span>
                <code class="diff-path">{change.path.clone()}</code>
            </th>
            <td class="diff-old">{old}</td>
            <td class="diff-new">{new}</td>
        </tr>
    }
}

fn plain(text: &str) -> AnyView {
    if text.trim().is_empty() {
        view! { <span class="diff-empty">"(empty)"</span> }.into_any()
    } else {
        view! { <span class="diff-text">{text.to_owned()}</span> }.into_any()
    }
}

/// Text with its changed runs marked as deleted or inserted.
fn segments(segments: Vec<Segment>, mark: &'static str) -> AnyView {
    let spans = segments
        .into_iter()
        .map(|segment| match (segment.changed, mark) {
            (false, _) => view! { <span>{segment.text}</span> }.into_any(),
            (true, "del") => view! { <del>{segment.text}</del> }.into_any(),
            (true, _) => view! { <ins>{segment.text}</ins> }.into_any(),
        })
        .collect_view();
    view! { <span class="diff-text">{spans}</span> }.into_any()
}
