//! The seven steps from a trained model to a model in use, and where a card stands on
//! them: what is done, what is current, and what comes next.

use super::{Status, Workflow};
use crate::card::completeness::Completeness;
use crate::card::{Card, has_content};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Done,
    Current,
    Upcoming,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: &'static str,
    pub state: StepState,
    /// What to do at this step.
    pub todo: &'static str,
}

const STEPS: [(&str, &str); 7] = [
    ("Train the model", "Training happens outside this app."),
    (
        "Collect model info",
        "Give the model's name, version and at least one metric, or import the pipeline's model_info.",
    ),
    ("Create the card", "Start a draft from a template or an import."),
    ("Add documentation", "Fill in every required field: uses, limitations, data, ethics."),
    ("Review & approve", "Submit the card for review; reviewers approve it or ask for changes."),
    ("Publish", "Publish the approved card: its version, approval and hash are frozen."),
    (
        "Use the model with its card",
        "Download or share the published card with everyone who uses the model.",
    ),
];

/// The seven steps, with exactly one current step: the first that is not done.
pub fn steps(card: &Card, workflow: &Workflow) -> Vec<Step> {
    let details = &card.model_details;
    let info_collected = has_content(&details.name)
        && has_content(&details.version.name)
        && card
            .quantitative_analysis
            .results
            .iter()
            .any(|r| has_content(&r.metric) && has_content(&r.value));
    let documented = Completeness::assess(card).missing_required().next().is_none();
    let reviewed =
        matches!(workflow.status, Status::Approved | Status::Published | Status::Superseded);
    let published = matches!(workflow.status, Status::Published | Status::Superseded);
    let done = [true, info_collected, true, documented, reviewed, published, false];
    let current = done.iter().position(|d| !d).unwrap_or(STEPS.len() - 1);
    STEPS
        .iter()
        .zip(done)
        .enumerate()
        .map(|(index, ((name, todo), done))| Step {
            name,
            todo,
            state: if index == current {
                StepState::Current
            } else if done {
                StepState::Done
            } else {
                StepState::Upcoming
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::{filled_card, seed_card};

    fn current(card: &Card, workflow: &Workflow) -> &'static str {
        steps(card, workflow)
            .into_iter()
            .find(|s| s.state == StepState::Current)
            .map(|s| s.name)
            .unwrap()
    }

    #[test]
    fn a_card_moves_along_the_seven_steps() {
        let mut workflow = Workflow::default();
        assert_eq!(current(&Card::default(), &workflow), "Collect model info");
        assert_eq!(current(&seed_card(), &workflow), "Add documentation");
        assert_eq!(current(&filled_card(), &workflow), "Review & approve");
        workflow.status = Status::Approved;
        assert_eq!(current(&filled_card(), &workflow), "Publish");
        workflow.status = Status::Published;
        assert_eq!(current(&filled_card(), &workflow), "Use the model with its card");
        assert_eq!(
            steps(&filled_card(), &workflow).iter().filter(|s| s.state == StepState::Done).count(),
            6
        );
    }
}
