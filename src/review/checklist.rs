//! The review checklist: what a reviewer confirms before a card goes to review. Each item
//! is ticked, or marked "N/A because …" with the reason written out.

use serde::{Deserialize, Serialize};

use crate::card::{Card, has_content};

/// One thing to confirm.
#[derive(Debug, Clone, Copy)]
pub struct ChecklistItem {
    pub id: &'static str,
    pub label: &'static str,
    /// Whether the card appears to satisfy it: a hint for the author, never a tick.
    pub looks_done: fn(&Card) -> bool,
}

impl PartialEq for ChecklistItem {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for ChecklistItem {}

pub const CHECKLIST: &[ChecklistItem] = &[
    ChecklistItem {
        id: "limitations",
        label: "Limitations are stated",
        looks_done: |card| has_content(&card.bias_risks_limitations.limitations),
    },
    ChecklistItem {
        id: "out_of_scope",
        label: "Out-of-scope uses are stated",
        looks_done: |card| has_content(&card.intended_use.out_of_scope_use),
    },
    ChecklistItem {
        id: "data",
        label: "Training and evaluation data are described",
        looks_done: |card| !card.training_data.is_empty() && !card.evaluation_data.is_empty(),
    },
    ChecklistItem {
        id: "disaggregated",
        label: "Metrics are disaggregated by the relevant factors, or the card says why not",
        looks_done: |card| {
            card.quantitative_analysis.results.iter().any(|r| r.slice.iter().any(|t| !t.is_blank()))
        },
    },
    ChecklistItem {
        id: "ethical_risks",
        label: "Each ethical risk has a mitigation",
        looks_done: |card| {
            let risks = &card.ethical_considerations.risks;
            !risks.is_empty() && risks.iter().all(|r| has_content(&r.mitigation))
        },
    },
    ChecklistItem {
        id: "license",
        label: "The licence is given",
        looks_done: |card| has_content(&card.model_details.license.id),
    },
    ChecklistItem {
        id: "contact",
        label: "A contact is given",
        looks_done: |card| has_content(&card.model_details.contact),
    },
];

/// How one item was answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tick {
    #[default]
    Open,
    Done,
    /// Not applicable, with the reason.
    NotApplicable(String),
}

impl Tick {
    /// Answered: ticked, or N/A with a reason.
    pub fn is_answered(&self) -> bool {
        match self {
            Self::Open => false,
            Self::Done => true,
            Self::NotApplicable(reason) => !reason.trim().is_empty(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ChecklistEntry {
    pub item: String,
    pub tick: Tick,
}

/// The answer recorded for an item.
pub fn tick_of<'a>(entries: &'a [ChecklistEntry], item: &str) -> Option<&'a Tick> {
    entries.iter().find(|entry| entry.item == item).map(|entry| &entry.tick)
}

/// Records an answer.
pub fn set_tick(entries: &mut Vec<ChecklistEntry>, item: &str, tick: Tick) {
    match entries.iter_mut().find(|entry| entry.item == item) {
        Some(entry) => entry.tick = tick,
        None => entries.push(ChecklistEntry { item: item.to_owned(), tick }),
    }
}

/// The items not yet answered (ticked, or N/A with a reason).
pub fn unanswered(entries: &[ChecklistEntry]) -> Vec<&'static ChecklistItem> {
    CHECKLIST
        .iter()
        .filter(|item| !tick_of(entries, item.id).is_some_and(Tick::is_answered))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_answered_when_ticked_or_na_with_a_reason() {
        let mut entries = Vec::new();
        assert_eq!(unanswered(&entries).len(), CHECKLIST.len());
        set_tick(&mut entries, "license", Tick::Done);
        set_tick(&mut entries, "contact", Tick::NotApplicable("   ".into()));
        let open: Vec<_> = unanswered(&entries).iter().map(|i| i.id).collect();
        assert!(!open.contains(&"license"));
        assert!(open.contains(&"contact"), "N/A needs a reason");
        set_tick(
            &mut entries,
            "contact",
            Tick::NotApplicable("Internal model; see the team page.".into()),
        );
        assert!(!unanswered(&entries).iter().any(|i| i.id == "contact"));
    }

    #[test]
    fn hints_follow_the_card() {
        let card = crate::card::example::filled_card();
        for item in CHECKLIST {
            assert!((item.looks_done)(&card), "{} should look done on the filled card", item.id);
            assert!(
                !(item.looks_done)(&Card::default()),
                "{} should not look done on a blank card",
                item.id
            );
        }
    }
}
