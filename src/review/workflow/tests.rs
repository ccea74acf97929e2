//! The workflow's rules: transitions, submission, reviews, the hash-bound approval,
//! publishing and history.

use super::*;
use crate::card::example::filled_card;
use crate::review::{Tick, checklist::set_tick};

fn ready_workflow() -> Workflow {
    let mut workflow = Workflow::created(1);
    for item in checklist::CHECKLIST {
        set_tick(&mut workflow.checklist, item.id, Tick::Done);
    }
    workflow
}

fn review(decision: Decision, comment: &str) -> ReviewInput {
    ReviewInput {
        reviewer: "Rita Reviewer".into(),
        role: "Ethics board".into(),
        decision,
        comment: comment.into(),
        section_comments: vec![],
    }
}

fn approved() -> (Workflow, Card) {
    let card = filled_card();
    let mut workflow = ready_workflow();
    workflow.submit(&card, 10).unwrap();
    workflow.review(&card, review(Decision::Approve, ""), 20).unwrap();
    (workflow, card)
}

#[test]
fn every_allowed_and_every_forbidden_transition() {
    use Action as A;
    use Status as S;
    let allowed = [
        (S::Draft, A::Submit, S::InReview),
        (S::InReview, A::Withdraw, S::Draft),
        (S::InReview, A::Approve, S::Approved),
        (S::Approved, A::Approve, S::Approved),
        (S::InReview, A::RequestChanges, S::Draft),
        (S::Approved, A::RequestChanges, S::Draft),
        (S::Approved, A::Unlock, S::Approved),
        (S::Approved, A::ContentChanged, S::Draft),
        (S::Draft, A::ContentRestored, S::Approved),
        (S::Approved, A::Publish, S::Published),
        (S::Published, A::NextVersion, S::Draft),
        (S::Published, A::Supersede, S::Superseded),
        (S::Approved, A::PolicyUnmet, S::InReview),
    ];
    for from in Status::ALL {
        for action in Action::ALL {
            let expected =
                allowed.iter().find(|(f, a, _)| *f == from && *a == action).map(|(_, _, to)| *to);
            assert_eq!(next_status(from, action), expected, "{from:?} --{action:?}-->");
        }
    }
}

#[test]
fn nothing_publishes_without_an_approval() {
    let card = filled_card();
    for status in [Status::Draft, Status::InReview, Status::Published, Status::Superseded] {
        let mut workflow = Workflow { status, ..ready_workflow() };
        assert!(workflow.publish(&card, 5).is_err(), "published from {status:?}");
        assert_eq!(workflow.status, status);
        assert!(workflow.publications.is_empty());
    }
    // Even a status that says "approved" is not enough without an approval record.
    let mut forged = Workflow { status: Status::Approved, ..ready_workflow() };
    assert_eq!(
        forged.publish(&card, 5).unwrap_err(),
        ReviewError::CannotPublish("it has no approval")
    );
}

#[test]
fn submitting_needs_every_required_field_and_every_checklist_answer() {
    let mut workflow = Workflow::created(1);
    let blank = Card::default();
    let Err(SubmitError::NotReady { missing, open_checklist }) = workflow.submit(&blank, 2) else {
        panic!("a blank card must not go to review");
    };
    assert_eq!(missing.len(), 9);
    assert_eq!(open_checklist.len(), checklist::CHECKLIST.len());
    assert_eq!(workflow.status, Status::Draft);

    let card = filled_card();
    let Err(SubmitError::NotReady { missing, open_checklist }) = workflow.submit(&card, 2) else {
        panic!("an unticked checklist must stop the submission");
    };
    assert!(missing.is_empty());
    assert_eq!(open_checklist.len(), checklist::CHECKLIST.len());

    let mut ready = ready_workflow();
    ready.submit(&card, 3).unwrap();
    assert_eq!(ready.status, Status::InReview);
    assert!(ready.is_locked(), "content under review is read-only");
    assert_eq!(ready.snapshots.len(), 1);
    assert!(matches!(ready.history.last().unwrap().event, EventKind::Submitted { .. }));
}

#[test]
fn a_review_needs_a_name_a_role_and_for_changes_a_comment() {
    let card = filled_card();
    let mut workflow = ready_workflow();
    workflow.submit(&card, 10).unwrap();
    let no_name = ReviewInput { reviewer: " ".into(), ..review(Decision::Approve, "") };
    assert_eq!(workflow.review(&card, no_name, 11), Err(ReviewError::MissingReviewer));
    let no_role = ReviewInput { role: "".into(), ..review(Decision::Approve, "") };
    assert_eq!(workflow.review(&card, no_role, 11), Err(ReviewError::MissingRole));
    assert_eq!(
        workflow.review(&card, review(Decision::RequestChanges, "  "), 11),
        Err(ReviewError::MissingComment)
    );
    assert!(workflow.reviews.is_empty());

    workflow
        .review(&card, review(Decision::RequestChanges, "Add night-time results."), 12)
        .unwrap();
    assert_eq!(workflow.status, Status::Draft);
    assert_eq!(workflow.reviews[0].at, 12);
    assert_eq!(workflow.reviews[0].content_hash, content_hash(&card));
}

#[test]
fn several_reviewers_approve_the_same_content() {
    let (mut workflow, card) = approved();
    let second = ReviewInput {
        reviewer: "Sam".into(),
        role: "Product owner".into(),
        ..review(Decision::Approve, "Fine")
    };
    workflow.review(&card, second, 30).unwrap();
    let approval = workflow.approval.as_ref().unwrap();
    let names: Vec<_> = approval.reviewers.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Rita Reviewer", "Sam"]);
    assert_eq!(approval.content_hash, content_hash(&card));
    assert_eq!(workflow.reviews.len(), 2);
}

#[test]
fn section_comments_are_kept_with_the_review() {
    let card = filled_card();
    let mut workflow = ready_workflow();
    workflow.submit(&card, 1).unwrap();
    let input = ReviewInput {
        section_comments: vec![
            SectionComment {
                section: "section-factors".into(),
                text: "Name the lighting levels.".into(),
            },
            SectionComment { section: "section-metrics".into(), text: " ".into() },
        ],
        ..review(Decision::RequestChanges, "See the section notes.")
    };
    workflow.review(&card, input, 2).unwrap();
    assert_eq!(
        workflow.reviews[0].section_comments,
        [SectionComment {
            section: "section-factors".into(),
            text: "Name the lighting levels.".into()
        }]
    );
}

#[test]
fn an_edit_voids_the_approval_and_reverting_restores_it() {
    let (mut workflow, card) = approved();
    assert!(workflow.is_locked(), "approved content is read-only");
    workflow.unlock(30).unwrap();
    assert!(!workflow.is_locked());
    assert_eq!(workflow.status, Status::Approved, "unlocking alone changes nothing");

    let mut edited = card.clone();
    edited.model_details.summary.push('!');
    workflow.content_edited(&edited, 31);
    assert_eq!(workflow.status, Status::Draft);
    assert!(workflow.changed_since_approval(&edited));
    assert!(workflow.publish(&edited, 32).is_err());

    workflow.content_edited(&card, 33);
    assert_eq!(workflow.status, Status::Approved);
    assert!(!workflow.changed_since_approval(&card));
    let kinds: Vec<_> = workflow.history.iter().rev().take(2).map(|e| e.event.clone()).collect();
    assert_eq!(kinds[0], EventKind::ApprovalRestored);
    assert!(matches!(kinds[1], EventKind::Edited { .. }) || kinds[1] == EventKind::ApprovalVoided);
    workflow.publish(&card, 34).unwrap();
}

#[test]
fn line_ending_changes_do_not_void_the_approval() {
    let (mut workflow, card) = approved();
    workflow.unlock(30).unwrap();
    let mut windows = card.clone();
    windows.model_details.description = card.model_details.description.replace('\n', "\r\n") + "";
    workflow.content_edited(&windows, 31);
    assert_eq!(workflow.status, Status::Approved);
}

#[test]
fn edits_are_coalesced_in_the_history() {
    let mut workflow = Workflow::created(0);
    let card = Card::default();
    workflow.content_edited(&card, 1_000);
    workflow.content_edited(&card, 2_000);
    workflow.content_edited(&card, 3_000 + EDIT_COALESCE_MS);
    let edits: Vec<_> =
        workflow.history.iter().filter(|e| matches!(e.event, EventKind::Edited { .. })).collect();
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[0].event, EventKind::Edited { count: 2, until: 2_000 });
}

#[test]
fn publishing_freezes_the_version_and_supersedes_the_previous_one() {
    let (mut workflow, card) = approved();
    let first = workflow.publish(&card, 40).unwrap().clone();
    assert_eq!(first.version, "1.0");
    assert_eq!(first.date, "2026-11-01", "the card's own version date");
    assert_eq!(first.content_hash, content_hash(&card));
    assert_eq!(first.approval.reviewers[0].name, "Rita Reviewer");
    assert!(workflow.is_locked());

    workflow.next_version(50).unwrap();
    assert_eq!(workflow.status, Status::Draft);
    assert!(workflow.approval.is_none() && workflow.checklist.is_empty());
    let mut next = card.clone();
    next.model_details.version.name = "1.1".into();
    next.model_details.version.date = String::new();
    for item in checklist::CHECKLIST {
        set_tick(&mut workflow.checklist, item.id, Tick::Done);
    }
    workflow.submit(&next, 60).unwrap();
    workflow.review(&next, review(Decision::Approve, ""), 70).unwrap();
    let second = workflow.publish(&next, 1_764_193_393_999).unwrap().clone();
    assert_eq!(second.date, "2025-11-26", "an undated version takes the publishing date");

    assert_eq!(workflow.publications[0].status(), Status::Superseded);
    assert_eq!(workflow.publications[1].status(), Status::Published);
    assert_eq!(workflow.current_publication().unwrap().version, "1.1");
    // The old version stays viewable, as it was published.
    assert_eq!(workflow.snapshot(&first.content_hash), Some(&card));
    assert!(
        workflow.history.iter().any(|e| e.event == EventKind::Superseded { version: "1.0".into() })
    );
}

#[test]
fn identical_snapshots_are_kept_once() {
    let (mut workflow, card) = approved();
    workflow.publish(&card, 40).unwrap();
    assert_eq!(workflow.snapshots.len(), 1, "submitted, approved and published the same content");
    let kinds: Vec<_> = workflow.snapshots[0].taken.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, [SnapshotKind::Submitted, SnapshotKind::Approved, SnapshotKind::Published]);
}
