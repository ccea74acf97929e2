//! An approval: its reviewers, its date and the content hash it is bound to.

use leptos::prelude::*;

use crate::review::Approval;

/// The reviewers, the date and the hash.
#[component]
pub(super) fn ApprovalBlock(approval: Approval) -> impl IntoView {
    view! {
        <div class="approval-block" data-testid="approval-block">
            <h3>"Approval"</h3>
            <p>{approval.approved_on()}</p>
            <ul>
                {approval
                    .reviewers
                    .iter()
                    .map(|r| view! { <li>{r.line()}</li> })
                    .collect_view()}
            </ul>
            <p>"Content SHA-256: " <code class="hash">{approval.content_hash.clone()}</code></p>
        </div>
    }
}
