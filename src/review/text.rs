//! The words the app shows for the workflow's data: the history's event lines, the labels
//! of kept versions, what a status tells a reader, approvals, publications and section
//! comments. Pure text from pure data, so the screens only call it and it is tested here.

use super::diff::ChangeKind;
use super::{
    Approval, Approver, EventKind, Publication, Review, SectionComment, Snapshot, SnapshotKind,
    Status,
};
use crate::card::fields;
use crate::display::{date, rfc3339};

impl EventKind {
    /// The history's line for this event, e.g. "Approved (content 3f2a9c1b0d4e)".
    pub fn text(&self) -> String {
        match self {
            Self::Created => "Created".into(),
            Self::Edited { count: 1, .. } => "Edited".into(),
            Self::Edited { count, until } => {
                format!("Edited {count} times, until {}", rfc3339(*until))
            }
            Self::Submitted { content_hash } => {
                format!("Submitted for review (content {})", hash_prefix(content_hash, 12))
            }
            Self::Withdrawn => "Withdrawn from review".into(),
            Self::Reviewed { reviewer, decision } => {
                format!("Reviewed by {reviewer}: {}", decision.label())
            }
            Self::ChangesRequested { reviewer } => {
                format!("Changes requested by {reviewer}; back to draft")
            }
            Self::Approved { content_hash } => {
                format!("Approved (content {})", hash_prefix(content_hash, 12))
            }
            Self::Unlocked => "Editing of the approved content began".into(),
            Self::ApprovalVoided => "Changed since approval: the approval is void".into(),
            Self::ApprovalRestored => "Content is as approved again: the approval holds".into(),
            Self::Published { version, content_hash } => {
                format!("Published version {version} (content {})", hash_prefix(content_hash, 12))
            }
            Self::Superseded { version } => format!("Version {version} superseded"),
            Self::NextVersionStarted => "Next version started".into(),
        }
    }
}

impl ChangeKind {
    /// "added", "removed" or "changed", as a row of a diff says it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Removed => "removed",
            Self::Changed => "changed",
        }
    }
}

impl SnapshotKind {
    /// "submitted", "approved" or "published", as a version's label says it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Published => "published",
        }
    }
}

impl Snapshot {
    /// This kept version in the version pickers, by the last time it was taken:
    /// "Version 1.0, approved 2026-11-26T21:43:13Z (3f2a9c1b)".
    pub fn label(&self) -> String {
        let (kind, at) = self.taken.last().copied().unwrap_or((SnapshotKind::Submitted, 0));
        format!(
            "Version {}, {} {} ({})",
            self.card.model_details.version.name,
            kind.label(),
            rfc3339(at),
            hash_prefix(&self.content_hash, 8)
        )
    }
}

impl Status {
    /// What the status tells someone reading the card, as the viewer says it.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Published => "Published",
            Self::Approved => "Approved, not yet published",
            Self::InReview => "In review: not approved",
            Self::Superseded => "Superseded by a newer version",
            Self::Draft => "Draft: not reviewed",
        }
    }
}

impl Approval {
    /// "Approved on 2026-11-26".
    pub fn approved_on(&self) -> String {
        format!("Approved on {}", date(self.approved_at))
    }

    /// Every approver in one line, with their role where they gave one:
    /// "A. Author (Lead), B. Reviewer".
    pub fn approvers(&self) -> String {
        self.reviewers
            .iter()
            .map(|r| {
                if r.role.is_empty() { r.name.clone() } else { format!("{} ({})", r.name, r.role) }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Approver {
    /// One approver in an approval block: "A. Author (Lead), 2026-11-26T21:43:13Z".
    pub fn line(&self) -> String {
        format!("{} ({}), {}", self.name, self.role, rfc3339(self.at))
    }
}

impl Publication {
    /// "Published: version 1.0 of 2026-11-26".
    pub fn heading(&self) -> String {
        format!("Published: version {} of {}", self.version, self.date)
    }
}

impl Review {
    /// What follows the reviewer's name in the list of reviews, up to the decision:
    /// " (Lead), 2026-11-26T21:43:13Z: ".
    pub fn byline(&self) -> String {
        format!(" ({}), {}: ", self.role, rfc3339(self.at))
    }
}

impl SectionComment {
    /// The comment with the section named by its title: "On “Metrics”: too few slices".
    /// A section this app does not know is named by its slug.
    pub fn line(&self) -> String {
        let section = fields::section_by_slug(&self.section)
            .map_or_else(|| self.section.clone(), |s| s.title.to_owned());
        format!("On “{section}”: {}", self.text)
    }
}

/// The first `count` characters of a content hash: enough to tell versions apart. An
/// imported hash may be anything, so this counts characters, not bytes.
fn hash_prefix(hash: &str, count: usize) -> String {
    hash.chars().take(count).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::Card;
    use crate::review::Decision;

    const HASH: &str = "3f2a9c1b0d4e5f60718293a4b5c6d7e8f9012345678901234567890123456789";
    // 2026-11-26T21:43:13Z
    const AT: u64 = 1_795_729_393_000;

    #[test]
    fn every_event_has_its_line_in_the_history() {
        let lines: Vec<String> = [
            EventKind::Created,
            EventKind::Edited { count: 1, until: AT },
            EventKind::Edited { count: 3, until: AT },
            EventKind::Submitted { content_hash: HASH.into() },
            EventKind::Withdrawn,
            EventKind::Reviewed { reviewer: "Ana".into(), decision: Decision::Approve },
            EventKind::ChangesRequested { reviewer: "Ben".into() },
            EventKind::Approved { content_hash: HASH.into() },
            EventKind::Unlocked,
            EventKind::ApprovalVoided,
            EventKind::ApprovalRestored,
            EventKind::Published { version: "1.0".into(), content_hash: HASH.into() },
            EventKind::Superseded { version: "1.0".into() },
            EventKind::NextVersionStarted,
        ]
        .iter()
        .map(EventKind::text)
        .collect();
        assert_eq!(
            lines,
            [
                "Created",
                "Edited",
                "Edited 3 times, until 2026-11-26T21:43:13Z",
                "Submitted for review (content 3f2a9c1b0d4e)",
                "Withdrawn from review",
                "Reviewed by Ana: Approve",
                "Changes requested by Ben; back to draft",
                "Approved (content 3f2a9c1b0d4e)",
                "Editing of the approved content began",
                "Changed since approval: the approval is void",
                "Content is as approved again: the approval holds",
                "Published version 1.0 (content 3f2a9c1b0d4e)",
                "Version 1.0 superseded",
                "Next version started",
            ]
        );
    }

    #[test]
    fn a_short_or_foreign_hash_is_shown_as_far_as_it_goes() {
        let short = EventKind::Approved { content_hash: "ab".into() };
        assert_eq!(short.text(), "Approved (content ab)");
        // Twelve characters, not twelve bytes: no panic in the middle of a character.
        let foreign = EventKind::Submitted { content_hash: "ééééééééééééé".into() };
        assert_eq!(foreign.text(), "Submitted for review (content éééééééééééé)");
    }

    #[test]
    fn a_kept_version_is_labelled_by_the_last_time_it_was_taken() {
        let mut card = Card::default();
        card.model_details.version.name = "1.0".into();
        let mut snapshot = Snapshot {
            content_hash: HASH.into(),
            card,
            taken: vec![(SnapshotKind::Submitted, 0), (SnapshotKind::Approved, AT)],
        };
        assert_eq!(snapshot.label(), "Version 1.0, approved 2026-11-26T21:43:13Z (3f2a9c1b)");
        snapshot.taken.clear();
        assert_eq!(snapshot.label(), "Version 1.0, submitted 1970-01-01T00:00:00Z (3f2a9c1b)");
        assert_eq!(SnapshotKind::Published.label(), "published");
    }

    #[test]
    fn a_diff_row_says_how_the_field_changed() {
        let labels =
            [ChangeKind::Added, ChangeKind::Removed, ChangeKind::Changed].map(ChangeKind::label);
        assert_eq!(labels, ["added", "removed", "changed"]);
    }

    #[test]
    fn the_viewer_says_what_each_status_means() {
        let meanings: Vec<&str> = Status::ALL.into_iter().map(Status::meaning).collect();
        assert_eq!(
            meanings,
            [
                "Draft: not reviewed",
                "In review: not approved",
                "Approved, not yet published",
                "Published",
                "Superseded by a newer version"
            ]
        );
    }

    #[test]
    fn approvals_and_publications_name_who_when_and_what() {
        let approval = Approval {
            content_hash: HASH.into(),
            approved_at: AT,
            reviewers: vec![
                Approver {
                    name: "A. Author".into(),
                    role: "Lead".into(),
                    at: AT,
                    fingerprint: String::new(),
                },
                Approver {
                    name: "B. Reviewer".into(),
                    role: String::new(),
                    at: AT,
                    fingerprint: String::new(),
                },
            ],
        };
        assert_eq!(approval.approved_on(), "Approved on 2026-11-26");
        assert_eq!(approval.approvers(), "A. Author (Lead), B. Reviewer");
        assert_eq!(approval.reviewers[0].line(), "A. Author (Lead), 2026-11-26T21:43:13Z");
        assert_eq!(approval.reviewers[1].line(), "B. Reviewer (), 2026-11-26T21:43:13Z");
        let publication = Publication {
            version: "1.0".into(),
            date: "2026-11-26".into(),
            content_hash: HASH.into(),
            published_at: AT,
            approval,
            superseded_at: None,
        };
        assert_eq!(publication.heading(), "Published: version 1.0 of 2026-11-26");
    }

    #[test]
    fn a_review_says_who_and_when_before_its_decision() {
        let review = Review {
            reviewer: "Ana".into(),
            role: "Lead".into(),
            decision: Decision::RequestChanges,
            comment: String::new(),
            section_comments: vec![],
            at: AT,
            content_hash: HASH.into(),
        };
        assert_eq!(review.byline(), " (Lead), 2026-11-26T21:43:13Z: ");
    }

    #[test]
    fn a_section_comment_names_its_section_by_title() {
        let comment =
            SectionComment { section: "section-metrics".into(), text: "too few slices".into() };
        assert_eq!(comment.line(), "On “Metrics”: too few slices");
        let unknown = SectionComment { section: "section-gone".into(), text: "?".into() };
        assert_eq!(unknown.line(), "On “section-gone”: ?");
    }
}
