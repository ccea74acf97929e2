//! The seven steps from training to use, and where the open card stands on them.

use leptos::prelude::*;

use super::state::Signals;
use crate::review::steps::{StepState, steps};

/// An ordered list of the seven steps; the current one is marked and its task shown.
#[component]
pub fn Stepper() -> impl IntoView {
    let signals = expect_context::<Signals>();
    let all = Memo::new(move |_| {
        signals.card.with(|card| signals.workflow.with(|workflow| steps(card, workflow)))
    });
    let next = move || {
        all.with(|steps| {
            steps
                .iter()
                .find(|s| s.state == StepState::Current)
                .map(|s| format!("Next: {}", s.todo))
        })
    };
    view! {
        <nav class="stepper" aria-label="Progress">
            <ol>
                {move || {
                    all.get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, step)| {
                            let (class, state) = match step.state {
                                StepState::Done => ("step done", "done"),
                                StepState::Current => ("step current", "current step"),
                                StepState::Upcoming => ("step", "to do"),
                            };
                            view! {
                                <li class=class aria-current=(step.state == StepState::Current).then_some("step")>
                                    <span class="step-number" aria-hidden="true">{index + 1}</span>
                                    <span class="step-name">{step.name}</span>
                                    <span class="visually-hidden">{format!(" ({state})")}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <p class="step-next" data-testid="next-step">{next}</p>
        </nav>
    }
}
