//! A review's comments on sections of the card.

use leptos::prelude::*;

use crate::card::fields::{self, SectionId};
use crate::review::SectionComment;

/// Comments attached to sections of the card.
#[component]
pub(super) fn SectionComments(comments: RwSignal<Vec<SectionComment>>) -> impl IntoView {
    let count = Memo::new(move |_| comments.with(Vec::len));
    let add = move |_| {
        comments.update(|c| {
            c.push(SectionComment {
                section: fields::section(SectionId::ModelDetails).slug.to_owned(),
                text: String::new(),
            })
        });
        let index = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || {
            crate::ui::focus(&format!("section-comment-{index}-section"))
        });
    };
    view! {
        <div class="section-comments">
            <For each=move || 0..count.get() key=|i| *i let(index)>
                {
                    let number = index + 1;
                    let read = move || comments.with(|c| c.get(index).cloned().unwrap_or_default());
                    let write = move |edit: &dyn Fn(&mut SectionComment)| {
                        comments.update(|c| {
                            if let Some(comment) = c.get_mut(index) {
                                edit(comment);
                            }
                        })
                    };
                    view! {
                        <div class="section-comment" role="group" aria-label=format!("Section comment {number}")>
                            <label for=format!("section-comment-{index}-section")>{format!("Section of comment {number}")}</label>
                            <select
                                id=format!("section-comment-{index}-section")
                                on:change:target=move |ev| { let v = ev.target().value(); write(&move |c| c.section = v.clone()) }
                            >
                                {fields::SECTIONS
                                    .iter()
                                    .map(|s| view! { <option value=s.slug prop:selected=move || read().section == s.slug>{s.title}</option> })
                                    .collect_view()}
                            </select>
                            <label for=format!("section-comment-{index}-text")>{format!("Comment {number}")}</label>
                            <textarea
                                id=format!("section-comment-{index}-text")
                                rows="2"
                                prop:value=move || read().text
                                on:input:target=move |ev| { let v = ev.target().value(); write(&move |c| c.text = v.clone()) }
                            ></textarea>
                        </div>
                    }
                }
            </For>
            <button type="button" class="secondary small" on:click=add>"Add a comment on a section"</button>
        </div>
    }
}
