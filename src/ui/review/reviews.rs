//! The reviews of the current round.

use leptos::prelude::*;

use crate::ui::state::Signals;

/// Every review of the current round.
#[component]
pub(super) fn Reviews() -> impl IntoView {
    let signals = expect_context::<Signals>();
    let reviews = Memo::new(move |_| signals.workflow.with(|w| w.reviews.clone()));
    view! {
        <Show when=move || !reviews.with(Vec::is_empty)>
            <section class="reviews" aria-labelledby="reviews-heading">
                <h3 id="reviews-heading">"Reviews recorded here (unsigned)"</h3>
                <ul>
                    {move || {
                        reviews
                            .get()
                            .into_iter()
                            .map(|review| {
                                view! {
                                    <li class="review">
                                        <p>
                                            <strong>{review.reviewer.clone()}</strong>
                                            {review.byline()}
                                            <strong>{review.decision.label()}</strong>
                                            // Typed into this browser: no one can check who it was.
                                            " " <span class="badge unsigned">"unsigned"</span>
                                        </p>
                                        {(!review.comment.is_empty()).then(|| view! { <p>{review.comment.clone()}</p> })}
                                        <ul>
                                            {review
                                                .section_comments
                                                .iter()
                                                .map(|c| view! { <li>{c.line()}</li> })
                                                .collect_view()}
                                        </ul>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
