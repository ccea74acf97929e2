//! The review checklist, one row per item.

use leptos::prelude::*;

use super::checklist_row::ChecklistRow;
use crate::review::checklist::CHECKLIST;

/// The review checklist: each item ticked, or "not applicable" with a reason.
#[component]
pub(super) fn Checklist() -> impl IntoView {
    view! {
        <fieldset class="checklist">
            <legend>"Review checklist"</legend>
            <p class="help">"Tick each item, or mark it not applicable and say why."</p>
            {CHECKLIST.iter().map(|item| view! { <ChecklistRow item /> }).collect_view()}
        </fieldset>
    }
}
