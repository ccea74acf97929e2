//! An approval: its reviewers, its date and the content hash it is bound to.

use leptos::prelude::*;

use crate::display::{date, rfc3339};
use crate::review::Approval;

/// The reviewers, the date and the hash.
#[component]
pub(super) fn ApprovalBlock(approval: Approval) -> impl IntoView {
    view! {
        <div class="approval-block" data-testid="approval-block">
            <h3>"Approval"</h3>
            <p>{format!("Approved on {}", date(approval.approved_at))}</p>
            <ul>
                {approval
                    .reviewers
                    .iter()
                    .map(|r| view! { <li>{format!("{} ({}), {}", r.name, r.role, rfc3339(r.at))}</li> })
                    .collect_view()}
            </ul>
            <p>"Content SHA-256: " <code class="hash">{approval.content_hash.clone()}</code></p>
        </div>
    }
}
