//! Our JSON with a crafted workflow and card, as a hostile file would be: a published
//! document the app itself made, changed at random places (strings of any Unicode,
//! numbers at their edges, lists cloned thousands of times, keys dropped, events of every
//! kind). Whatever `import_any` admits must be safe to show everywhere, and admitting it
//! again must find nothing.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use model_card_studio::card::example::filled_card;
use model_card_studio::document::{self, Document};
use model_card_studio::review::{Decision, ReviewInput, SectionComment, Tick, Workflow, checklist};
use model_card_studio::{check, formats};
use serde_json::{Value, json};

#[path = "../../tests/support/present.rs"]
mod present;

/// 2026-12-01T00:00:00Z.
const NOW: u64 = 1_796_083_200_000;
const DAY: u64 = 86_400_000;

/// A document with every kind of workflow record: the seed every input mutates.
fn seed() -> &'static Value {
    static SEED: OnceLock<Value> = OnceLock::new();
    SEED.get_or_init(|| {
        let card = filled_card();
        let mut workflow = Workflow::created(NOW - 10 * DAY);
        for item in checklist::CHECKLIST {
            checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
        }
        workflow.submit(&card, NOW - 9 * DAY).unwrap();
        let review = |decision, comment: &str| ReviewInput {
            reviewer: "Rita".into(),
            role: "Safety".into(),
            decision,
            comment: comment.into(),
            section_comments: vec![SectionComment {
                section: "section-factors".into(),
                text: "Name the lighting levels.".into(),
            }],
        };
        workflow.review(&card, review(Decision::Approve, ""), NOW - 8 * DAY).unwrap();
        workflow.publish(&card, NOW - 7 * DAY).unwrap();
        workflow.next_version(NOW - 6 * DAY).unwrap();
        let mut next = card.clone();
        next.model_details.version.name = "1.1".into();
        workflow.content_edited(&next, NOW - 5 * DAY);
        // A new version starts with its checklist open again.
        for item in checklist::CHECKLIST {
            checklist::set_tick(&mut workflow.checklist, item.id, Tick::Done);
        }
        workflow.submit(&next, NOW - 4 * DAY).unwrap();
        workflow.review(&next, review(Decision::RequestChanges, "Not yet."), NOW - 3 * DAY).unwrap();
        serde_json::from_str(&document::to_json(&Document { card: next, workflow, ..Document::default() })).unwrap()
    })
}

/// A value of any JSON kind, leaning towards the ones that break things.
fn any_value(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=9)? {
        0 => Value::String(u.arbitrary()?),
        1 => "é€€€€€".into(),
        2 => "a".repeat(64).into(),
        3 => Value::from(u.arbitrary::<u64>()?),
        4 => Value::from(*u.choose(&[0, 1, NOW, NOW + 2 * DAY, u64::MAX, 946_684_799_999])?),
        5 => Value::from(u.arbitrary::<i64>()?),
        6 => Value::Bool(u.arbitrary()?),
        7 => Value::Null,
        8 => json!({ u.choose(&["submitted", "approved", "published", "edited", "reviewed"])?.to_string(): {
            "content_hash": String::from(u.arbitrary::<&str>()?),
            "version": String::from(u.arbitrary::<&str>()?),
            "count": u.arbitrary::<u32>()?,
            "until": u.arbitrary::<u64>()?,
            "reviewer": String::from(u.arbitrary::<&str>()?),
            "decision": *u.choose(&["approve", "request_changes", "maybe"])?,
        }}),
        _ => json!([]),
    })
}

/// Walks from the root to a random place and changes it.
fn mutate(value: &mut Value, u: &mut Unstructured) -> Result<()> {
    let depth = u.int_in_range(0..=8)?;
    mutate_at(value, depth, u)
}

fn mutate_at(node: &mut Value, depth: u32, u: &mut Unstructured) -> Result<()> {
    let len = match node {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if depth > 0 && len > 0 {
        let index = u.choose_index(len)?;
        let child = match node {
            Value::Object(map) => map.values_mut().nth(index),
            Value::Array(items) => items.get_mut(index),
            _ => None,
        };
        return match child {
            Some(child) => mutate_at(child, depth - 1, u),
            None => Ok(()),
        };
    }
    match (u.int_in_range(0..=4)?, &mut *node) {
        (0, Value::Array(items)) if !items.is_empty() => {
            // Many copies of one item: long histories, many reviews or snapshots.
            let item = items[u.choose_index(items.len())?].clone();
            let copies = *u.choose(&[2usize, 50, 1_001, 12_000])?;
            items.extend(std::iter::repeat_n(item, copies));
        }
        (1, Value::Object(map)) if !map.is_empty() => {
            let index = u.choose_index(map.len())?;
            if let Some(key) = map.keys().nth(index).cloned() {
                map.remove(&key);
            }
        }
        (2, Value::Array(items)) if items.len() > 1 => {
            let (a, b) = (u.choose_index(items.len())?, u.choose_index(items.len())?);
            items.swap(a, b);
        }
        _ => *node = any_value(u)?,
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut value = seed().clone();
    for _ in 0..u.int_in_range(1..=12).unwrap_or(1) {
        if mutate(&mut value, &mut u).is_err() {
            break;
        }
    }
    let Ok(outcome) = formats::import_any(&value.to_string(), NOW) else { return };
    present::present_everything(&outcome.document, NOW);
    let _ = check::check_imported(&outcome.document, &outcome.findings);
    let mut again = outcome.document.clone();
    assert!(again.admit(NOW).is_empty(), "an admitted document must admit clean");
});
