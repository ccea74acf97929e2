//! The card form: one panel per section, each drawn from the field registry.

use leptos::prelude::*;

use super::deferred::{Deferred, DeferredProps};
use super::field::Field;
use super::list_editor::ListEditor;
use super::slice_editor::SliceEditor;
use crate::card::fields::{self, SectionId, SectionSpec};

/// Every section's panel, in navigation order. The first is mounted at once with its
/// first controls, each further control and each further panel in a start-up slice of
/// its own (`Deferred`), so the first field can be typed in before the whole form is
/// built.
#[component]
pub fn Editor() -> impl IntoView {
    let panels = fields::SECTIONS.iter().enumerate().map(|(index, section)| {
        if index == 0 {
            view! { <SectionPanel section /> }.into_any()
        } else {
            view! { <Deferred><SectionPanel section /></Deferred> }.into_any()
        }
    });
    view! {
        <form class="editor-form" on:submit=|ev| ev.prevent_default()>
            {panels.collect_view()}
        </form>
    }
}

/// One section: its heading, what it is for, and its fields and lists.
#[component]
fn SectionPanel(section: &'static SectionSpec) -> impl IntoView {
    // Not a labelled region: seventeen landmarks would drown the page's real ones.
    view! {
        <section class="panel" id=section.slug tabindex="-1">
            <h3>{section.title}</h3>
            <p class="section-intro">{section.intro}</p>
            {parts(section.id)}
        </section>
    }
}

/// How many of a section's controls are built with it. During start-up each further one
/// is built in a slice of its own (`Deferred`, in document order, below the ones before
/// it, so nothing moves): the first section alone has 22 fields and a list, most of
/// them below the first screen of a phone.
const BUILT_WITH_THE_SECTION: usize = 3;

/// A section's controls: its registered fields in order, with its lists placed where they
/// read best (after a given field, or first).
fn parts(section: SectionId) -> impl IntoView {
    let (list_after, mut list): (Option<&str>, Option<ChildrenFn>) = match section {
        SectionId::ModelDetails => (
            Some("model_details.version.changes"),
            Some(part(|| view! { <ListEditor spec=fields::OWNERS /> }.into_any())),
        ),
        SectionId::TrainingData => (
            None,
            Some(part(|| view! { <ListEditor spec=fields::TRAINING_DATASETS /> }.into_any())),
        ),
        SectionId::EvaluationData => (
            None,
            Some(part(|| view! { <ListEditor spec=fields::EVALUATION_DATASETS /> }.into_any())),
        ),
        SectionId::QuantitativeAnalysis => (
            None,
            Some(part(|| {
                view! { <ListEditor spec=fields::RESULTS extra=slice_editor /> }.into_any()
            })),
        ),
        SectionId::EthicalConsiderations => (
            None,
            Some(part(|| {
                view! {
                    <ListEditor spec=fields::RISKS />
                    <ListEditor spec=fields::FAIRNESS_ASSESSMENTS />
                }
                .into_any()
            })),
        ),
        SectionId::CustomSections => {
            (None, Some(part(|| view! { <ListEditor spec=fields::CUSTOM_SECTIONS /> }.into_any())))
        }
        _ => (None, None),
    };
    let mut parts: Vec<ChildrenFn> = Vec::new();
    if list_after.is_none() {
        parts.extend(list.take());
    }
    for field in fields::in_section(section) {
        parts.push(part(move || view! { <Field spec=field /> }.into_any()));
        if list_after == Some(field.path) {
            parts.extend(list.take());
        }
    }
    parts.extend(list);
    parts
        .into_iter()
        .enumerate()
        .map(|(index, part)| {
            if index < BUILT_WITH_THE_SECTION {
                part()
            } else {
                Deferred(DeferredProps { children: part }).into_any()
            }
        })
        .collect::<Vec<_>>()
}

/// A control of a section, built when it is called.
fn part(build: impl Fn() -> AnyView + Send + Sync + 'static) -> ChildrenFn {
    std::sync::Arc::new(build)
}

fn slice_editor(result: usize) -> AnyView {
    view! { <SliceEditor result /> }.into_any()
}
