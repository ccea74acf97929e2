//! The status block: a README's own lines that say whether the card is a draft or
//! approved, written right after the front matter (or at the top without one) and read
//! back by the import, which leaves it out of the card. `docs/status-block.md` gives its
//! grammar; this module is its only writer and reader.
//!
//! ```text
//! <!-- model-card-studio:status -->
//! > **Published:** version 1.0 of 2025-11-26.
//! >
//! > Approved on 2025-11-26 by Rita (Ethics board).
//! >
//! > Content SHA-256: `7593…`
//! <!-- readme-sha256: 3f1c… -->
//! <!-- /model-card-studio:status -->
//!
//! ```
//!
//! Notice lines are a Markdown quote the Hub shows; data lines are HTML comments it does
//! not show, one `key: value` each, so that more can be added (signers, envelopes)
//! without changing what readers see. Removing the block's lines (the blank line after
//! the closing line included) gives the rest of the README exactly.

use sha2::{Digest, Sha256};

use crate::display::date;
use crate::review::signed::{ApprovalPolicy, SignedReview};
use crate::review::{Approval, Decision, Status, Workflow};

pub const OPEN: &str = "<!-- model-card-studio:status -->";
pub const CLOSE: &str = "<!-- /model-card-studio:status -->";

/// The data key of the README's text hash.
pub const README_SHA256: &str = "readme-sha256";
/// The data key of the card's approval policy, as JSON.
pub const APPROVAL_POLICY: &str = "approval-policy";
/// The data key of a trusted signer's key fingerprint, one line each.
pub const TRUSTED: &str = "trusted";
/// The data key of a signed review, as its file's JSON on one line, one line each.
pub const SIGNED_REVIEW: &str = "signed-review";

/// What a status block says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    /// Its notice lines without the `> ` quote marks.
    pub notice: Vec<String>,
    /// Its data lines, in order.
    pub data: Vec<(String, String)>,
}

impl Block {
    /// The block for a card's workflow; `readme_sha256` is the hash of the README without
    /// it, written when the card is approved.
    pub fn of(workflow: &Workflow, readme_sha256: Option<&str>) -> Self {
        let notice = notice(workflow)
            .lines()
            .map(|l| l.strip_prefix("> ").or(l.strip_prefix('>')).unwrap_or(l).to_owned())
            .collect();
        let Some(approval) = approval(workflow) else {
            return Self { notice, data: Vec::new() };
        };
        let mut data = Vec::new();
        if let Some(hash) = readme_sha256 {
            data.push((README_SHA256.to_owned(), hash.to_owned()));
        }
        data.extend(signature_lines(workflow, approval));
        Self { notice, data }
    }

    /// The signed reviews the block carries, each as its file reads; unreadable lines
    /// are left out (a reader verifies what is left, and it must still meet the policy).
    pub fn signed_reviews(&self) -> Vec<SignedReview> {
        self.values(SIGNED_REVIEW).filter_map(|v| SignedReview::from_json(v).ok()).collect()
    }

    /// The approval policy the block states, if it states one that reads.
    pub fn policy(&self) -> Option<ApprovalPolicy> {
        self.data(APPROVAL_POLICY).and_then(|v| serde_json::from_str(v).ok())
    }

    /// The fingerprints the author trusts among the block's signers.
    pub fn trusted(&self) -> Vec<&str> {
        self.values(TRUSTED).collect()
    }

    fn values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.data.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The value of a data line.
    pub fn data(&self, key: &str) -> Option<&str> {
        self.data.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The content hash the notice names, if any.
    pub fn content_hash(&self) -> Option<&str> {
        self.notice.iter().find_map(|line| {
            line.strip_prefix("Content SHA-256: `").and_then(|rest| rest.strip_suffix('`'))
        })
    }

    /// Whether the notice says the card is approved (published or not).
    pub fn is_approved(&self) -> bool {
        self.notice
            .first()
            .is_some_and(|l| l.starts_with("**Published:**") || l.starts_with("**Approved"))
    }

    /// The block's lines, the blank line after it included.
    pub fn write(&self, eol: &str) -> String {
        let mut out = format!("{OPEN}{eol}");
        for line in &self.notice {
            if line.is_empty() {
                out.push('>');
            } else {
                out.push_str("> ");
                out.push_str(line);
            }
            out.push_str(eol);
        }
        for (key, value) in &self.data {
            out.push_str(&format!("<!-- {key}: {value} -->{eol}"));
        }
        out.push_str(CLOSE);
        out.push_str(eol);
        out.push_str(eol);
        out
    }
}

/// What a reader needs to verify the approval offline, with `modelcard verify` or any
/// DSSE tool: the policy, the trusted signers' fingerprints, and each signed review of
/// the approved content as its file has it (envelope and public key).
fn signature_lines(workflow: &Workflow, approval: &Approval) -> Vec<(String, String)> {
    let relied_on: Vec<&SignedReview> = workflow
        .signed_reviews
        .iter()
        .filter(|signed| {
            signed.claimed_statement().is_some_and(|statement| {
                statement.content_hash() == approval.content_hash
                    && statement.predicate.decision == Decision::Approve
            })
        })
        .collect();
    let mut lines = Vec::new();
    if !workflow.policy.is_empty() {
        let policy = serde_json::to_string(&workflow.policy).unwrap_or_default();
        lines.push((APPROVAL_POLICY.to_owned(), comment_safe(&policy)));
    }
    for signed in &relied_on {
        let fingerprint = &signed.signer.fingerprint;
        if workflow.trusted.iter().any(|t| &t.fingerprint == fingerprint) {
            lines.push((TRUSTED.to_owned(), fingerprint.clone()));
        }
    }
    for signed in relied_on {
        lines.push((SIGNED_REVIEW.to_owned(), comment_safe(&signed.to_json())));
    }
    lines
}

/// JSON that cannot end the HTML comment it sits in: every `>` (only ever inside a
/// string) written as its escape, which reads back as the same JSON value.
fn comment_safe(json: &str) -> String {
    json.replace('>', "\\u003e")
}

/// The approval a document's block shows: a published version's, or the current one.
fn approval(workflow: &Workflow) -> Option<&Approval> {
    match (workflow.status, &workflow.approval, workflow.current_publication()) {
        (Status::Published, _, Some(publication)) => Some(&publication.approval),
        (Status::Approved, Some(approval), _) => Some(approval),
        _ => None,
    }
}

/// "Draft: not reviewed" for a card without a valid approval, else the approval: the
/// reviewers, the date and the content hash. As Markdown quote lines.
pub fn notice(workflow: &Workflow) -> String {
    let approval_line = |approval: &Approval| {
        let reviewers: Vec<String> = approval
            .reviewers
            .iter()
            .map(|r| format!("{} ({})", one_line(&r.name), one_line(&r.role)))
            .collect();
        // Each signed approval by name, role, date and key: what a reader compares with
        // `modelcard verify` or the viewer (docs/signed-review.md).
        let signers: String = approval
            .reviewers
            .iter()
            .filter(|r| !r.fingerprint.is_empty())
            .map(|r| {
                format!(
                    ">\n> Signed by {} ({}) on {}, key `{}`.\n",
                    one_line(&r.name),
                    one_line(&r.role),
                    date(r.at),
                    crate::review::signed::identity::grouped(&r.fingerprint)
                )
            })
            .collect();
        format!(
            "> Approved on {} by {}.\n>\n> Content SHA-256: `{}`\n{signers}",
            date(approval.approved_at),
            reviewers.join(", "),
            approval.content_hash
        )
    };
    match (workflow.status, &workflow.approval, workflow.current_publication()) {
        (Status::Published, _, Some(publication)) => format!(
            "> **Published:** version {} of {}.\n>\n{}",
            one_line(&publication.version),
            one_line(&publication.date),
            approval_line(&publication.approval)
        ),
        (Status::Approved, Some(approval), _) => {
            format!("> **Approved, not yet published.**\n>\n{}", approval_line(approval))
        }
        (Status::InReview, ..) => {
            "> **Draft: not reviewed.** This card is in review and not yet approved.\n".to_owned()
        }
        _ if workflow.approval.is_some() => {
            "> **Draft: not reviewed.** This card changed since it was approved.\n".to_owned()
        }
        _ => {
            "> **Draft: not reviewed.** This card has not been approved; what it says may change.\n"
                .to_owned()
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A status block found in a README, and the byte range of its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub block: Block,
    pub start: usize,
    pub end: usize,
}

/// The block that starts at byte `at` of the text (right after the front matter, or at
/// the top), if there is one there.
pub fn find(text: &str, at: usize) -> Option<Found> {
    let rest = text.get(at..)?;
    let mut lines = rest.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end_matches(['\n', '\r']) != OPEN {
        return None;
    }
    let mut end = at + first.len();
    let mut block = Block::default();
    let mut closed = false;
    for line in lines.by_ref() {
        end += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content == CLOSE {
            closed = true;
            break;
        }
        if let Some(data) = content.strip_prefix("<!-- ").and_then(|d| d.strip_suffix(" -->")) {
            if let Some((key, value)) = data.split_once(": ") {
                block.data.push((key.to_owned(), value.to_owned()));
            }
        } else if let Some(quoted) = content.strip_prefix('>') {
            block.notice.push(quoted.strip_prefix(' ').unwrap_or(quoted).to_owned());
        }
    }
    if !closed {
        return None;
    }
    // The blank line that follows the block is the block's.
    if let Some(blank) = text.get(end..).and_then(|t| t.split_inclusive('\n').next())
        && blank.trim().is_empty()
        && blank.ends_with('\n')
    {
        end += blank.len();
    }
    Some(Found { block, start: at, end })
}

/// The README without the block's lines.
pub fn without(text: &str, found: &Found) -> String {
    let mut rest = text.get(..found.start).unwrap_or_default().to_owned();
    rest.push_str(text.get(found.end..).unwrap_or_default());
    rest
}

/// The SHA-256 of a README's text, as 64 lowercase hex digits.
pub fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_block_reads_back_and_comes_out_whole() {
        let block = Block::of(&Workflow::default(), None);
        let text = format!("---\na: 1\n---\n{}# Title\n", block.write("\n"));
        let found = find(&text, "---\na: 1\n---\n".len()).unwrap();
        assert_eq!(found.block, block);
        assert_eq!(without(&text, &found), "---\na: 1\n---\n# Title\n");
        assert!(block.notice[0].starts_with("**Draft: not reviewed.**"));
        assert!(!block.is_approved());
    }

    #[test]
    fn only_a_closed_block_at_its_place_is_one() {
        assert_eq!(find("# T\n<!-- model-card-studio:status -->\n", 0), None);
        assert_eq!(find("<!-- model-card-studio:status -->\n> x\n", 0), None);
        let crlf = "<!-- model-card-studio:status -->\r\n> a\r\n<!-- k: v -->\r\n<!-- /model-card-studio:status -->\r\n\r\nRest";
        let found = find(crlf, 0).unwrap();
        assert_eq!(found.block.notice, ["a"]);
        assert_eq!(found.block.data("k"), Some("v"));
        assert_eq!(without(crlf, &found), "Rest");
    }

    #[test]
    fn the_approval_lists_each_signer_with_role_date_and_key() {
        use crate::review::Approver;
        let signer = |name: &str, role: &str, at, fingerprint: &str| Approver {
            name: name.into(),
            role: role.into(),
            at,
            fingerprint: fingerprint.into(),
        };
        let approval = Approval {
            content_hash: "ab12".into(),
            approved_at: 1_764_193_393_999,
            reviewers: vec![
                signer("Sara", "Safety", 1_764_193_393_999, &"0123456789abcdef".repeat(4)),
                signer("Rita", "Ethics board", 1, ""),
            ],
        };
        let workflow =
            Workflow { status: Status::Approved, approval: Some(approval), ..Workflow::default() };
        let text = notice(&workflow);
        assert!(text.ends_with(
            "> Content SHA-256: `ab12`\n>\n> Signed by Sara (Safety) on 2025-11-26, key `0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567 89ab cdef`.\n"
        ), "{text}");
        assert_eq!(text.matches("Signed by").count(), 1, "an unsigned approver is not listed");
        let block = Block::of(&workflow, None);
        assert_eq!(block.content_hash(), Some("ab12"), "the signer lines keep the hash readable");
    }
}
