//! Share links: a card compressed into the URL's fragment (`#card=…`). Browsers never send
//! the fragment to a server, so a link shares the card without any server seeing it.
//!
//! The payload is our JSON, deflated (raw DEFLATE, RFC 1951) and written as base64url
//! without padding. It carries the card, its status, reviews, approval and publications;
//! the history and snapshots stay home. Whether the card is approved is decided by the
//! reader's app from the content hash, never by the link.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::MAX_IMPORT_BYTES;
use crate::document::{self, Document};
use crate::review::Workflow;

/// What precedes the payload in the fragment: `https://…/#card=<payload>`.
pub const FRAGMENT_PREFIX: &str = "#card=";

/// The longest payload a link may carry (characters). Longer links get cut by chat
/// apps and mail clients; past this, a file is the better way to share.
pub const MAX_PAYLOAD_CHARS: usize = 32 * 1024;

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ShareError {
    #[error(
        "The card is too large for a link ({} KB compressed; links carry up to {} KB). Download it as a file and send that instead",
        chars / 1024,
        MAX_PAYLOAD_CHARS / 1024
    )]
    TooLarge { chars: usize },
    #[error("The link is damaged or incomplete ({0}); ask for it again, or for the card as a file")]
    Damaged(String),
    #[error("The link does not hold a card: {0}")]
    NotACard(String),
}

/// The fragment payload for a document.
pub fn encode(document: &Document) -> Result<String, ShareError> {
    let shared = Document {
        card: document.card.clone(),
        workflow: shared_part(&document.workflow),
        // The README a card came from stays home too: a link carries what the card says.
        source: None,
    };
    let compressed =
        miniz_oxide::deflate::compress_to_vec(document::to_json(&shared).as_bytes(), 9);
    let payload = URL_SAFE_NO_PAD.encode(compressed);
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLarge { chars: payload.len() });
    }
    Ok(payload)
}

/// Whether a text is a share link: a whole address, or just its fragment, with a card
/// payload after `#card=`.
pub fn find_payload(text: &str) -> Option<&str> {
    let text = text.trim();
    if text.contains(char::is_whitespace) {
        return None;
    }
    text.split_once(FRAGMENT_PREFIX).map(|(_, payload)| payload)
}

/// Reads a payload back (with or without the `#card=` in front). Never inflates more
/// than an import may hold, so a small link cannot expand into a huge one.
pub fn decode(payload: &str) -> Result<Document, ShareError> {
    let text = unpack(payload.trim().trim_start_matches(FRAGMENT_PREFIX))?;
    // A link claims nothing: `import_any`, which reads every link, admits the document
    // like any other, so an approval that does not match the content is reported and
    // the card read as a draft.
    document::from_json(&text).map_err(|error| ShareError::NotACard(error.to_string()))
}

/// Any text as a fragment payload: deflated, base64url. Review files use it for their
/// links (`review_files`), under their own prefixes.
pub fn pack(text: &str) -> Result<String, ShareError> {
    let compressed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    let payload = URL_SAFE_NO_PAD.encode(compressed);
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLarge { chars: payload.len() });
    }
    Ok(payload)
}

/// The text of a payload made by [`pack`], never inflated past the import cap.
pub fn unpack(payload: &str) -> Result<String, ShareError> {
    let payload = payload.trim();
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLarge { chars: payload.len() });
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|e| ShareError::Damaged(format!("not base64url: {e}")))?;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_IMPORT_BYTES)
            .map_err(|e| ShareError::Damaged(format!("cannot be decompressed: {:?}", e.status)))?;
    String::from_utf8(bytes).map_err(|_| ShareError::Damaged("not UTF-8 text".to_owned()))
}

/// The workflow without the history and snapshots, which readers do not need.
fn shared_part(workflow: &Workflow) -> Workflow {
    Workflow { history: Vec::new(), snapshots: Vec::new(), ..workflow.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::filled_card;
    use crate::review::Status;

    #[test]
    fn a_card_round_trips_through_a_link() {
        let document = Document::new(filled_card());
        let payload = encode(&document).unwrap();
        assert!(payload.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert!(payload.len() < document::to_json(&document).len() / 2, "compressed");
        assert_eq!(decode(&payload).unwrap(), document);
        assert_eq!(decode(&format!("{FRAGMENT_PREFIX}{payload}")).unwrap(), document);
        let link = format!("https://example.org/studio/{FRAGMENT_PREFIX}{payload}");
        assert_eq!(find_payload(&link), Some(payload.as_str()));
        assert_eq!(find_payload("# A README with #card= in a sentence"), None);
    }

    #[test]
    fn history_stays_home() {
        let mut document = Document::new(filled_card());
        document.workflow.content_edited(&document.card, 1);
        assert!(!document.workflow.history.is_empty());
        let shared = decode(&encode(&document).unwrap()).unwrap();
        assert!(shared.workflow.history.is_empty());
        assert_eq!(shared.card, document.card);
    }

    #[test]
    fn a_forged_approval_is_not_believed_and_the_report_says_so() {
        let mut document = Document::new(filled_card());
        document.workflow.status = Status::Approved;
        document.workflow.approval = Some(crate::review::Approval {
            content_hash: "0".repeat(64),
            approved_at: 1_764_000_000_000,
            reviewers: Vec::new(),
        });
        let link = format!("https://example.org/{FRAGMENT_PREFIX}{}", encode(&document).unwrap());
        let outcome = crate::formats::import_any(&link, 1_796_083_200_000).unwrap();
        assert_eq!(outcome.document.workflow.status, Status::Draft);
        assert_eq!(
            outcome.report.problems,
            [format!(
                "workflow.approval.content_hash: is {}, but the content hashes to {}; so the card is imported as a draft",
                "0".repeat(64),
                crate::review::canonical::content_hash(&document.card)
            )]
        );
    }

    #[test]
    fn too_large_cards_and_damaged_links_say_what_to_do() {
        let mut document = Document::new(filled_card());
        // Text that does not compress: a long run of pseudo-random letters.
        let mut state = 7u64;
        document.card.model_details.description = (0..60_000)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'a' + (state >> 59) as u8 % 26)
            })
            .collect();
        let error = encode(&document).unwrap_err();
        assert!(matches!(error, ShareError::TooLarge { .. }));
        assert!(error.to_string().contains("Download it as a file"), "{error}");

        let payload = encode(&Document::new(filled_card())).unwrap();
        let cut = &payload[..payload.len() / 2];
        assert!(matches!(decode(cut), Err(ShareError::Damaged(_))), "{:?}", decode(cut));
        assert!(matches!(decode("not base64!"), Err(ShareError::Damaged(_))));
        let not_a_card =
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{\"a\": 1}", 9));
        assert!(matches!(decode(&not_a_card), Err(ShareError::NotACard(_))));
    }

    #[test]
    fn a_small_link_cannot_inflate_into_a_huge_card() {
        let bomb = URL_SAFE_NO_PAD
            .encode(miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_IMPORT_BYTES + 1], 9));
        assert!(bomb.len() < MAX_PAYLOAD_CHARS);
        assert!(matches!(decode(&bomb), Err(ShareError::Damaged(_))));
    }
}
