//! The library's rules, on the in-memory backend.

use std::cell::RefCell;
use std::rc::Rc;

use super::*;
use crate::card::Card;
use crate::card::example::seed_card;
use crate::storage::{MemoryBackend, PREFIX, decode};

fn card(name: &str) -> Card {
    let mut card = Card::default();
    card.model_details.name = name.into();
    card
}

fn library() -> Drafts<MemoryBackend> {
    Drafts::open(MemoryBackend::default(), decode).unwrap()
}

fn reopen(drafts: &Drafts<MemoryBackend>) -> Drafts<MemoryBackend> {
    Drafts::open(drafts.backend().clone(), decode).unwrap()
}

fn names(drafts: &Drafts<MemoryBackend>) -> Vec<String> {
    drafts.summaries().into_iter().map(|s| s.name).collect()
}

#[test]
fn a_saved_draft_is_the_open_draft_next_time() {
    let mut drafts = library();
    let record = drafts.create("a1", seed_card(), Workflow::default(), 1_000).unwrap();
    assert_eq!(record.generation, 1);

    let mut again = reopen(&drafts);
    assert_eq!(again.last_open(), Some("a1"));
    assert_eq!(again.load("a1", decode).unwrap(), Loaded { record, read_only: None });
}

#[test]
fn every_save_is_a_new_generation() {
    let mut drafts = library();
    let mut record = drafts.create("a1", card("v1"), Workflow::default(), 1).unwrap();
    record.card = card("v2");
    drafts.save(&mut record, 2).unwrap();
    assert_eq!((record.generation, record.updated_at), (2, 2));
    assert_eq!(reopen(&drafts).summaries()[0].generation, 2);
}

#[test]
fn writes_only_namespaced_keys_and_leaves_others_alone() {
    let mut backend = MemoryBackend::default();
    backend.insert_text("other-app/settings", "{\"theme\":\"dark\"}").unwrap();
    let mut drafts = Drafts::open(backend, decode).unwrap();
    drafts.create("a1", card("x"), Workflow::default(), 1).unwrap();
    let id = drafts.summaries()[0].id.clone();
    drafts.trash(&id, 2, decode).unwrap();
    drafts.empty_trash().unwrap();

    let keys = drafts.backend().keys().unwrap();
    assert!(keys.contains(&"other-app/settings".to_owned()));
    assert!(
        keys.iter().filter(|k| !k.starts_with("other-app")).all(|key| key.starts_with(PREFIX)),
        "{keys:?}"
    );
    assert_eq!(
        drafts.backend().get("other-app/settings").unwrap().as_deref(),
        Some("{\"theme\":\"dark\"}")
    );
}

#[test]
fn a_failed_save_keeps_the_stored_version_and_the_edits() {
    let mut drafts = library();
    let mut record = drafts.create("a1", card("stored"), Workflow::default(), 1).unwrap();

    drafts.backend_mut().set_quota(Some(0));
    record.card = card("edited");
    assert_eq!(drafts.save(&mut record, 2), Err(SaveError::Storage(StorageError::QuotaExceeded)));
    assert_eq!(record.card, card("edited"), "the edit stays in memory");
    assert_eq!(record.generation, 1, "the failed write is not counted");

    drafts.backend_mut().set_quota(None);
    assert_eq!(drafts.load("a1", decode).unwrap().record.card, card("stored"));
    // The next attempt, once there is room, saves the edit.
    drafts.save(&mut record, 3).unwrap();
    assert_eq!(drafts.load("a1", decode).unwrap().record.card, card("edited"));
}

#[test]
fn a_missing_index_is_rebuilt_from_the_draft_keys() {
    let mut drafts = library();
    drafts.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
    drafts.create("b", card("Beta"), Workflow::default(), 2).unwrap();
    let mut backend = drafts.backend().clone();
    backend.remove(INDEX_KEY).unwrap();

    let rebuilt = Drafts::open(backend, decode).unwrap();
    assert_eq!(names(&rebuilt), ["Beta", "Alpha"]);
    assert!(
        rebuilt.backend().get(INDEX_KEY).unwrap().is_some(),
        "the rebuilt index is written back"
    );
}

#[test]
fn a_corrupt_index_is_rebuilt_too() {
    let mut drafts = library();
    drafts.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
    let mut backend = drafts.backend().clone();
    backend.insert_text(INDEX_KEY, "{not json").unwrap();
    assert_eq!(names(&Drafts::open(backend, decode).unwrap()), ["Alpha"]);
}

#[test]
fn a_stale_index_is_reconciled_with_the_keys() {
    let mut drafts = library();
    drafts.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
    let index_with_a = drafts.backend().get(INDEX_KEY).unwrap().unwrap();
    drafts.create("b", card("Beta"), Workflow::default(), 2).unwrap();

    // A crash after writing b's record but before the index: the index lacks b.
    let mut backend = drafts.backend().clone();
    backend.insert_text(INDEX_KEY, &index_with_a).unwrap();
    assert_eq!(names(&Drafts::open(backend.clone(), decode).unwrap()), ["Beta", "Alpha"]);

    // An index entry whose record is gone is dropped, never opened.
    backend.remove(&draft_key("a")).unwrap();
    let mut reopened = Drafts::open(backend, decode).unwrap();
    assert_eq!(names(&reopened), ["Beta"]);
    assert_eq!(reopened.load("a", decode), Err(LoadError::NotFound));
}

#[test]
fn bad_records_are_quarantined_and_never_touched() {
    let whole = DraftRecord::new("t", card("x"), Workflow::default(), 1).encode();
    let mut backend = MemoryBackend::default();
    let bad = [
        (draft_key("corrupt"), "{\"schema_version\": 2, \"id\": ".to_owned()),
        (draft_key("truncated"), whole[..whole.len() - 10].to_owned()),
        (draft_key("foreign"), "{\"hello\": \"world\"}".to_owned()),
        (
            draft_key("mismatch"),
            DraftRecord::new("other-id", card("x"), Workflow::default(), 1).encode(),
        ),
    ];
    for (key, text) in &bad {
        backend.insert_text(key, text).unwrap();
    }
    let mut drafts = Drafts::open(backend, decode).unwrap();
    drafts.create("good", card("Good"), Workflow::default(), 5).unwrap();

    let problems: Vec<&str> = drafts.problems().iter().map(|p| p.key.as_str()).collect();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert_eq!(names(&drafts), ["Good"], "the app still lists what it can read");
    for (key, text) in &bad {
        assert_eq!(drafts.raw(key).unwrap().as_ref(), Some(text), "{key} is kept as it was");
    }
    // Saving over a quarantined record is refused.
    let mut clash = DraftRecord::new("corrupt", card("new"), Workflow::default(), 9);
    assert_eq!(drafts.save(&mut clash, 9), Err(SaveError::Unreadable));
    assert_eq!(drafts.raw(&draft_key("corrupt")).unwrap().as_deref(), Some(bad[0].1.as_str()));

    // Only an explicit delete removes one.
    drafts.delete_problem(&draft_key("foreign")).unwrap();
    assert_eq!(drafts.problems().len(), 3);
    assert_eq!(drafts.raw(&draft_key("foreign")).unwrap(), None);
}

#[test]
fn a_record_that_breaks_after_listing_is_quarantined_when_opened() {
    let mut drafts = library();
    drafts.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
    drafts.backend_mut().insert_text(&draft_key("a"), "garbage").unwrap();
    let error = drafts.load("a", decode).unwrap_err();
    assert!(matches!(error, LoadError::Quarantined(_)), "{error:?}");
    assert!(drafts.summaries().is_empty());
    assert_eq!(reopen(&drafts).problems()[0].key, draft_key("a"));
}

#[test]
fn a_record_from_a_newer_app_opens_read_only_and_is_never_overwritten() {
    let mut value = serde_json::to_value(DraftRecord::new(
        "new",
        card("From the future"),
        Workflow::default(),
        1,
    ))
    .unwrap();
    value["schema_version"] = 99.into();
    value["generation"] = 4.into();
    value["hologram"] = "kept".into();
    let text = value.to_string();
    let mut backend = MemoryBackend::default();
    backend.insert_text(&draft_key("new"), &text).unwrap();

    let mut drafts = Drafts::open(backend, decode).unwrap();
    let summary = &drafts.summaries()[0];
    assert!(summary.is_read_only());
    let loaded = drafts.load("new", decode).unwrap();
    assert!(loaded.read_only.as_deref().unwrap_or_default().contains("newer version"));
    assert_eq!(loaded.record.card.model_details.name, "From the future");

    let mut record = loaded.record;
    assert_eq!(drafts.save(&mut record, 9), Err(SaveError::ReadOnly));
    assert!(matches!(drafts.trash("new", 9, decode), Err(DraftOpError::Save(SaveError::ReadOnly))));
    assert_eq!(drafts.raw(&draft_key("new")).unwrap(), Some(text));
}

#[test]
fn an_older_tab_cannot_overwrite_a_newer_save() {
    let shared = Rc::new(RefCell::new(MemoryBackend::default()));
    let mut first_tab = Drafts::open(Rc::clone(&shared), decode).unwrap();
    let mut mine = first_tab.create("a", card("base"), Workflow::default(), 1).unwrap();

    let mut second_tab = Drafts::open(Rc::clone(&shared), decode).unwrap();
    let mut theirs = second_tab.load("a", decode).unwrap().record;
    theirs.card = card("theirs");
    second_tab.save(&mut theirs, 2).unwrap();
    assert_eq!(first_tab.stored_generation("a"), Some(2));

    mine.card = card("mine");
    assert_eq!(first_tab.save(&mut mine, 3), Err(SaveError::Conflict { stored_generation: 2 }));
    assert_eq!(
        first_tab.load("a", decode).unwrap().record.card,
        card("theirs"),
        "the newer save is intact"
    );

    // "Keep both": the first tab's edits become a draft of their own.
    let copy = first_tab.create("a-copy", mine.card.clone(), Workflow::default(), 4).unwrap();
    assert_eq!(first_tab.load(&copy.id, decode).unwrap().record.card, card("mine"));
}

#[test]
fn generation_rules() {
    assert_eq!(check_generation(2, 3, 3), Ok(()), "same generation: this tab wrote it last");
    assert_eq!(check_generation(2, 2, 3), Ok(()), "older stored record");
    assert_eq!(check_generation(2, 4, 3), Err(SaveError::Conflict { stored_generation: 4 }));
    assert_eq!(check_generation(99, 0, 3), Err(SaveError::ReadOnly));
}

#[test]
fn trash_keeps_drafts_until_emptied() {
    let mut drafts = library();
    drafts.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
    drafts.create("b", card("Beta"), Workflow::default(), 2).unwrap();

    drafts.trash("a", 3, decode).unwrap();
    let alpha = drafts.summaries().into_iter().find(|s| s.id == "a").unwrap();
    assert_eq!(alpha.deleted_at, Some(3));
    assert_eq!(
        drafts.load("a", decode).unwrap().record.card,
        card("Alpha"),
        "a trashed draft is whole"
    );

    drafts.restore("a", 4, decode).unwrap();
    assert!(!drafts.summaries().iter().any(DraftSummary::in_trash));

    drafts.trash("a", 5, decode).unwrap();
    drafts.trash("b", 6, decode).unwrap();
    assert_eq!(drafts.empty_trash(), Ok(2));
    assert!(drafts.summaries().is_empty());
    assert_eq!(drafts.backend().get(&draft_key("a")).unwrap(), None);
    assert!(reopen(&drafts).summaries().is_empty());
}

#[test]
fn duplicates_and_renames() {
    let mut drafts = library();
    drafts.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
    let copy = drafts.duplicate("a", "a2", 2, decode).unwrap();
    assert_eq!(copy.card.model_details.name, "Alpha (copy)");
    drafts.rename("a2", "Gamma", 3, decode).unwrap();
    let mut all = names(&drafts);
    all.sort();
    assert_eq!(all, ["Alpha", "Gamma"]);
}

#[test]
fn counts_storage_usage_in_utf16_units() {
    let mut backend = MemoryBackend::default();
    backend.insert_text("x", "ab").unwrap();
    let mut drafts = Drafts::open(backend, decode).unwrap();
    let before = drafts.usage().unwrap();
    assert_eq!(before.total - before.ours, 3, "x + ab = 3 UTF-16 units");
    drafts.create("a", card("Alpha"), Workflow::default(), 1).unwrap();
    let after = drafts.usage().unwrap();
    assert!(after.ours > before.ours && after.total == after.ours + 3);
}

/// What the web page does on a first visit, where it has no reader: a library without
/// drafts is `Drafts::empty`, and writing to it needs no reader either.
#[test]
fn a_library_without_drafts_needs_no_reader() {
    fn unreachable_read(_: &str) -> Decoded {
        panic!("nothing stored should be read")
    }
    let mut backend = MemoryBackend::default();
    backend.insert_text("other-app/settings", "{}").unwrap();
    assert!(!has_drafts(&backend).unwrap(), "other apps' keys are not drafts");

    let mut drafts = Drafts::empty(backend);
    drafts.create("a1", card("first"), Workflow::default(), 1).unwrap();
    let mut record = drafts.create("a2", card("second"), Workflow::default(), 2).unwrap();
    record.card = card("second, edited");
    drafts.save(&mut record, 3).unwrap();
    assert!(has_drafts(drafts.backend()).unwrap());

    // The same library opened with a reader sees exactly what was written without one.
    let opened = reopen(&drafts);
    assert_eq!(opened.summaries(), drafts.summaries());
    assert_eq!(names(&opened), ["second, edited", "first"]);
    assert_eq!(opened.last_open(), Some("a2"));
    // And a library opened over nothing reads nothing.
    let _ = Drafts::open(MemoryBackend::default(), unreachable_read).unwrap();
}
