//! The viewer's check of a card's signatures, in this browser with WebCrypto: "Signed by
//! … (verified)", "signature invalid", or "unsigned", and the policy's verdict.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::document::Document;
use crate::review::signed::identity::grouped;
use crate::review::signed::report::{self, Standing, VerifyReport};
use crate::ui::signing;

/// Every review of the viewed card, each signature checked here.
#[component]
pub fn Signatures(document: Document) -> impl IntoView {
    let checked = RwSignal::new(None::<VerifyReport>);
    let nothing =
        document.workflow.signed_reviews.is_empty() && document.workflow.reviews.is_empty();
    spawn_local(async move {
        let results = signing::verify_all(&document.workflow.signed_reviews).await;
        let trusted = document.workflow.trusted.clone();
        checked.set(Some(report::report(&document.workflow, &document.card, &trusted, &results)));
    });
    view! {
        <Show when=move || !nothing>
            <section class="signatures" aria-labelledby="signatures-heading" aria-live="polite">
                <h3 id="signatures-heading">"Reviews and signatures"</h3>
                {move || match checked.get() {
                    None => view! { <p class="muted">"Checking the signatures…"</p> }.into_any(),
                    Some(report) => view! {
                        <ul class="signature-lines" data-testid="signatures">
                            {report.lines.iter().map(|line| {
                                let state = match line.standing {
                                    Standing::Verified => "verified",
                                    Standing::EarlierVersion { .. } => "earlier",
                                    Standing::Invalid(_) => "invalid",
                                    Standing::Unsigned => "unsigned",
                                };
                                let detail = match &line.standing {
                                    Standing::Invalid(reason) => reason.clone(),
                                    _ if line.fingerprint.is_empty() => line.date.clone(),
                                    _ => format!("{}, key {}", line.date, grouped(&line.fingerprint)),
                                };
                                view! {
                                    <li data-state=state>
                                        <strong>{line.headline()}</strong> " " <span class="muted">{detail}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p data-testid="signature-policy">{format!(
                            "Policy: {}: {}.",
                            report.policy,
                            if report.outcome.is_met() { "met".to_owned() } else {
                                report.outcome.unmet.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
                            }
                        )}</p>
                    }.into_any(),
                }}
            </section>
        </Show>
    }
}
