//! The files and links of review between people (`docs/signed-review.md`): a reviewer's
//! public identity, a review request and a signed review. They are not cards, so an
//! import never makes a draft of them: the page attaches a signed review to the draft it
//! names, trusts an identity in the open draft, and opens a request for review.
//!
//! As files they are JSON with a `type` of ours; as links the same JSON, deflated and
//! base64url in the fragment after its own prefix, like share links.

use serde::{Deserialize, Serialize};

use super::share::{self, ShareError};
use crate::review::signed::{
    IDENTITY_TYPE, PublicIdentity, REQUEST_TYPE, ReviewRequest, SIGNED_REVIEW_TYPE, SignedError,
    SignedReview, identity,
};

/// One review file, checked as far as it can be without its signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewFile {
    Identity(Box<PublicIdentity>),
    Request(Box<ReviewRequest>),
    Signed(Box<SignedReview>),
}

/// Which kind of review file, by its `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Identity,
    Request,
    Signed,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Identity, Kind::Request, Kind::Signed];

    /// The `type` the JSON carries.
    pub fn type_uri(self) -> &'static str {
        match self {
            Self::Identity => IDENTITY_TYPE,
            Self::Request => REQUEST_TYPE,
            Self::Signed => SIGNED_REVIEW_TYPE,
        }
    }

    /// What follows `#` in a link.
    pub fn link_prefix(self) -> &'static str {
        match self {
            Self::Identity => "#reviewer=",
            Self::Request => "#review-request=",
            Self::Signed => "#signed-review=",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Identity => "a reviewer identity",
            Self::Request => "a review request",
            Self::Signed => "a signed review",
        }
    }

    /// The end of a download's file name.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Identity => "reviewer.json",
            Self::Request => "review-request.json",
            Self::Signed => "signed-review.json",
        }
    }
}

impl ReviewFile {
    pub fn kind(&self) -> Kind {
        match self {
            Self::Identity(_) => Kind::Identity,
            Self::Request(_) => Kind::Request,
            Self::Signed(_) => Kind::Signed,
        }
    }

    /// The file's text, pretty-printed with a trailing newline.
    pub fn to_json(&self) -> String {
        let compact = match self {
            Self::Identity(identity) => identity.to_json(),
            Self::Request(request) => request.to_json(),
            Self::Signed(signed) => signed.to_json(),
        };
        let mut text = crate::document::prettify(&compact);
        text.push('\n');
        text
    }

    /// A file name: `dana-reyes.reviewer.json`, `imageclassifier-1.0.review-request.json`.
    pub fn file_name(&self) -> String {
        let stem = match self {
            Self::Identity(identity) => identity.name.clone(),
            Self::Request(request) => format!(
                "{} {}",
                request.card.model_details.name, request.card.model_details.version.name
            ),
            Self::Signed(signed) => signed
                .claimed_statement()
                .map(|s| format!("{} {}", s.predicate.card.name, s.predicate.reviewer.name))
                .unwrap_or_else(|| signed.signer.name.clone()),
        };
        let slug: String = stem
            .trim()
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '.' { c.to_ascii_lowercase() } else { '-' })
            .collect();
        let slug = slug.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
        let slug = if slug.is_empty() { "review".to_owned() } else { slug };
        format!("{slug}.{}", self.kind().extension())
    }

    /// The fragment payload of a link to this file (put after [`Kind::link_prefix`]).
    pub fn to_link_payload(&self) -> Result<String, ShareError> {
        share::pack(&self.to_json())
    }
}

/// The kind of review file a text is: by its link prefix, or by the `type` of its JSON.
pub fn detect(text: &str) -> Option<Kind> {
    if let Some(kind) = link_kind(text) {
        return Some(kind);
    }
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let kind = object.get("type")?.as_str()?;
    Kind::ALL.into_iter().find(|k| k.type_uri() == kind)
}

fn link_kind(text: &str) -> Option<Kind> {
    let text = text.trim();
    if text.contains(char::is_whitespace) {
        return None;
    }
    Kind::ALL.into_iter().find(|kind| text.contains(kind.link_prefix()))
}

/// Why a review file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReviewFileError {
    #[error("{0}")]
    Link(#[from] ShareError),
    #[error("{0}")]
    Invalid(#[from] SignedError),
    #[error("this is not a reviewer identity, review request or signed review")]
    NotAReviewFile,
}

/// Reads a review file or link and checks it (for a signed review: everything but the
/// signature, which the page or `modelcard verify` checks next).
pub fn read(text: &str) -> Result<ReviewFile, ReviewFileError> {
    let kind = detect(text).ok_or(ReviewFileError::NotAReviewFile)?;
    let json = match link_kind(text) {
        Some(kind) => {
            let text = text.trim();
            let payload = text
                .split_once(kind.link_prefix())
                .map(|(_, payload)| payload)
                .ok_or(ReviewFileError::NotAReviewFile)?;
            share::unpack(payload)?
        }
        None => text.trim_start_matches('\u{feff}').to_owned(),
    };
    if detect(&json) != Some(kind) {
        return Err(ReviewFileError::NotAReviewFile);
    }
    Ok(match kind {
        Kind::Identity => ReviewFile::Identity(Box::new(PublicIdentity::from_json(&json)?)),
        Kind::Request => ReviewFile::Request(Box::new(ReviewRequest::from_json(&json)?)),
        Kind::Signed => {
            let signed = SignedReview::from_json(&json)?;
            signed.prepare()?.statement()?;
            ReviewFile::Signed(Box::new(signed))
        }
    })
}

/// One line for an import report: what the file is and whom it names.
pub fn describe(file: &ReviewFile) -> String {
    match file {
        ReviewFile::Identity(identity) => format!(
            "the reviewer identity of {}, key {}",
            identity.describe(),
            identity::grouped(&identity.fingerprint)
        ),
        ReviewFile::Request(request) => format!(
            "a request to review {} {}",
            request.card.model_details.name, request.card.model_details.version.name
        ),
        ReviewFile::Signed(signed) => match signed.claimed_statement() {
            Some(statement) => format!(
                "a review of {} signed by {}",
                statement.subject.first().map_or("", |s| s.name.as_str()),
                signed.signer.describe()
            ),
            None => format!("a review signed by {}", signed.signer.describe()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::filled_card;
    use crate::review::Workflow;

    #[test]
    fn a_request_travels_as_a_file_and_as_a_link() {
        let request = ReviewRequest::new("d1", &filled_card(), &Workflow::created(1), 5);
        let file = ReviewFile::Request(Box::new(request));
        assert_eq!(file.file_name(), "imageclassifier-1.0.review-request.json");
        let json = file.to_json();
        assert_eq!(detect(&json), Some(Kind::Request));
        assert_eq!(read(&json).unwrap(), file);
        let link =
            format!("https://example.org/app/#review-request={}", file.to_link_payload().unwrap());
        assert_eq!(detect(&link), Some(Kind::Request));
        assert_eq!(read(&link).unwrap(), file);
        // A cut link says it is damaged.
        let cut = link.get(..link.len() - 40).unwrap();
        assert!(matches!(read(cut), Err(ReviewFileError::Link(_))));
    }

    #[test]
    fn cards_and_other_json_are_not_review_files() {
        assert_eq!(detect(r#"{"schema_version": 3, "card": {}}"#), None);
        assert_eq!(detect(r#"{"type": "something else"}"#), None);
        assert_eq!(detect("# A README"), None);
        assert!(matches!(read("{}"), Err(ReviewFileError::NotAReviewFile)));
        // A link prefix of one kind holding another kind of file is refused.
        let request = ReviewRequest::new("d1", &filled_card(), &Workflow::created(1), 5);
        let payload = ReviewFile::Request(Box::new(request)).to_link_payload().unwrap();
        assert!(read(&format!("#reviewer={payload}")).is_err());
    }
}
