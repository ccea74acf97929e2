//! The review workflow: where a card stands (draft, in review, approved, published) and
//! what has happened to it. Pure data and rules; the screens live in `ui`.

use serde::{Deserialize, Serialize};

/// Where a card stands in the review workflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Approved,
    Published,
    /// A published version that a newer published version replaced.
    Superseded,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Self::Draft, Self::InReview, Self::Approved, Self::Published, Self::Superseded];

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::InReview => "In review",
            Self::Approved => "Approved",
            Self::Published => "Published",
            Self::Superseded => "Superseded",
        }
    }

    /// The stable id used in JSON and in the library's filter.
    pub fn id(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Approved => "approved",
            Self::Published => "published",
            Self::Superseded => "superseded",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.id() == id)
    }
}

/// Everything about a card that is not its content: its status and its history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workflow {
    pub status: Status,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_ids_round_trip_and_match_the_json() {
        for status in Status::ALL {
            assert_eq!(Status::from_id(status.id()), Some(status));
            assert_eq!(serde_json::to_value(status).unwrap(), status.id());
        }
    }
}
