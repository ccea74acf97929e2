//! The reviews of the current round.

use leptos::prelude::*;

use crate::card::fields;
use crate::display::rfc3339;
use crate::ui::state::Studio;

/// Every review of the current round.
#[component]
pub(super) fn Reviews() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let reviews = Memo::new(move |_| studio.workflow.with(|w| w.reviews.clone()));
    let section_title = |slug: &str| {
        fields::SECTIONS
            .iter()
            .find(|s| s.slug == slug)
            .map_or_else(|| slug.to_owned(), |s| s.title.to_owned())
    };
    view! {
        <Show when=move || !reviews.with(Vec::is_empty)>
            <section class="reviews" aria-labelledby="reviews-heading">
                <h3 id="reviews-heading">"Reviews"</h3>
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
                                            {format!(" ({}), {}: ", review.role, rfc3339(review.at))}
                                            <strong>{review.decision.label()}</strong>
                                        </p>
                                        {(!review.comment.is_empty()).then(|| view! { <p>{review.comment.clone()}</p> })}
                                        <ul>
                                            {review
                                                .section_comments
                                                .iter()
                                                .map(|c| view! { <li>{format!("On “{}”: {}", section_title(&c.section), c.text)}</li> })
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
