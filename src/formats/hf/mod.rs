//! Hugging Face model cards: a README.md with YAML front matter and a Markdown body.
//!
//! Import maps the front matter's known keys and the body's known sections to fields,
//! keeps every other key verbatim and every other section as a custom section, reports
//! what it did, and keeps the README itself as the document's source: its text and the
//! span each part of the card came from. Export prints that text again, rewriting only
//! the parts the card changed (`metadata` for the front matter, `markdown::readme` for
//! the body), with the status block after the front matter. A card with no source is
//! written in the template's order. Nothing else rides along: a README carries what the
//! Hub shows, and our JSON keeps the rest.

mod body;
pub mod front_matter;
mod metadata;
mod model_index;
mod yaml_edit;

use crate::card::Card;
use crate::card::value::Date;
use crate::document::source::{Part, ReadmeSource, SourcePart, Span, digest};
use crate::document::{self, Document};
use crate::formats::ImportReport;
use crate::markdown::readme::{self, apply, line_ending};
use crate::markdown::status::{self, Block};
use crate::markdown::template;
use crate::review::canonical::content_hash;
use crate::review::signed::SignedReview;
use crate::review::{Approval, Approver, Publication, Status, Workflow};

pub use metadata::PAYLOAD_KEY;

/// Reads a README. It never fails: what cannot be read is kept and reported.
pub fn import(text: &str) -> (Document, ImportReport) {
    let mut report = ImportReport::default();
    let (text, block) = without_status_block(text);
    let (text, legacy) = without_legacy(&text);
    if let Some(payload) = legacy {
        if let Some(document) = faithful_payload(&payload, &text) {
            report.mapped = vec!["everything: the file is an unedited export of an earlier Model Card Studio, with the card embedded".into()];
            report.notes.push(format!("The embedded copy of the card ({PAYLOAD_KEY}) was read and left out; a README no longer carries it."));
            return (document, report);
        }
        report.problems.push(
            "The README was edited after Model Card Studio wrote it, so its text was read again; the embedded copy was set aside.".into(),
        );
    }
    let (card, source) = read(text, &mut report);
    let workflow = block.map(|block| workflow_of(&block, &card, &mut report)).unwrap_or_default();
    (Document { card, workflow, source: Some(source) }, report)
}

/// The status block of a README, at its place: right after the front matter, or at the
/// top when there is none.
pub fn status_block(text: &str) -> Option<status::Found> {
    let split = front_matter::split(text);
    status::find(text, split.body_start)
}

/// The README without its status block, and what the block said.
fn without_status_block(text: &str) -> (String, Option<Block>) {
    match status_block(text) {
        Some(found) => (status::without(text, &found), Some(found.block)),
        None => (text.to_owned(), None),
    }
}

/// The workflow a status block says: a draft, or the approval (and publication) it
/// names when the content hash it gives is the hash of the card read from the README.
fn workflow_of(block: &Block, card: &Card, report: &mut ImportReport) -> Workflow {
    let notice = block.notice.first().map_or("", String::as_str);
    // The signed reviews stay with the card whatever its status, as reviews of the
    // content they name: a verifier checks them against the block's content hash.
    let signed_reviews = block.signed_reviews();
    let trusted = block.trusted();
    let signatures = Workflow {
        policy: block.policy().unwrap_or_default(),
        trusted: signed_reviews
            .iter()
            .filter(|s| trusted.contains(&s.signer.fingerprint.as_str()))
            .map(|s| s.signer.clone())
            .collect(),
        signed_reviews,
        ..Workflow::default()
    };
    let Some(hash) = block.content_hash().filter(|_| block.is_approved()) else {
        report.notes.push(format!(
            "The status block (\"{}\") was read and left out of the card; every export writes it again.",
            notice.replace("**", "").trim_end_matches('.')
        ));
        return signatures;
    };
    if hash != content_hash(card) {
        report.problems.push(format!(
            "The status block says the card was approved (content SHA-256 {hash}), but the card read from this README is not that content, so it is imported as a draft. Import the approved card's JSON to keep its approval."
        ));
        return signatures;
    }
    let approved = block.notice.iter().find_map(|l| l.strip_prefix("Approved on "));
    let (date, reviewers) =
        approved.and_then(|line| line.trim_end_matches('.').split_once(" by ")).unwrap_or_default();
    let approved_at = Date::parse_iso(date).and_then(Date::epoch_ms).unwrap_or_default();
    let reviewers: Vec<Approver> = split_reviewers(reviewers)
        .into_iter()
        .map(|(name, role)| signer_of(&signatures.signed_reviews, hash, name, role, approved_at))
        .collect();
    let approval = Approval { content_hash: hash.to_owned(), approved_at, reviewers };
    let published = notice
        .strip_prefix("**Published:** version ")
        .and_then(|rest| rest.trim_end_matches('.').rsplit_once(" of "));
    report.mapped.push("the approval in the status block (its content hash matches)".into());
    match published {
        Some((version, date)) => Workflow {
            status: Status::Published,
            publications: vec![Publication {
                version: version.to_owned(),
                date: date.to_owned(),
                content_hash: hash.to_owned(),
                published_at: approved_at,
                approval: approval.clone(),
                superseded_at: None,
            }],
            approval: Some(approval),
            ..signatures
        },
        None => Workflow { status: Status::Approved, approval: Some(approval), ..signatures },
    }
}

/// An approver the notice names, with the key and time of the block's signed review of
/// this content by that name and role, if there is one. The signature itself is checked
/// where every document's is: `import_any` sets a malformed one aside, and a verifier
/// checks the rest.
fn signer_of(
    signed_reviews: &[SignedReview],
    hash: &str,
    name: String,
    role: String,
    approved_at: u64,
) -> Approver {
    let signed = signed_reviews.iter().find_map(|signed| {
        let statement = signed.claimed_statement()?;
        let reviewer = &statement.predicate.reviewer;
        (statement.content_hash() == hash && reviewer.name == name && reviewer.role == role)
            .then(|| (signed.signer.fingerprint.clone(), statement.reviewed_at_ms()))
    });
    let (fingerprint, at) = signed.unwrap_or((String::new(), approved_at));
    Approver { name, role, at, fingerprint }
}

/// `Rita (Ethics board), Sam (Owner)` → names and roles.
fn split_reviewers(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while let Some(open) = rest.find(" (") {
        let name = rest.get(..open).unwrap_or_default().trim();
        let after = rest.get(open + 2..).unwrap_or_default();
        let Some(close) = after.find(')') else { break };
        out.push((name.to_owned(), after.get(..close).unwrap_or_default().to_owned()));
        rest = after.get(close + 1..).unwrap_or_default().trim_start_matches([',', ' ']);
    }
    out
}

/// An export of an earlier version embedded the document in the front matter and put
/// a status notice under the title: the README without both, and the embedded JSON.
fn without_legacy(text: &str) -> (String, Option<String>) {
    let split = front_matter::split(text);
    let Some(yaml) = split.yaml else { return (text.to_owned(), None) };
    let mut scratch = Card::default();
    let read = metadata::import(
        text,
        yaml,
        split.yaml_first_line,
        &mut scratch,
        &mut ImportReport::default(),
    );
    let Some((payload, span)) = read.payload else { return (text.to_owned(), None) };
    // The last key has no line break of its own (it belongs to the closing fence): it
    // takes the one before it.
    let start = if span.end >= yaml.end {
        let before = text.get(..span.start).unwrap_or_default();
        before.trim_end_matches(['\n', '\r']).len().max(yaml.start)
    } else {
        span.start
    };
    let mut rest = text.get(..start).unwrap_or_default().to_owned();
    rest.push_str(text.get(span.end..).unwrap_or_default());
    // A front matter left empty goes too, as an editor would remove it.
    if front_matter::split(&rest)
        .yaml
        .and_then(|y| y.of(&rest))
        .is_some_and(|y| y.trim().is_empty())
        && let Some(body) = rest.strip_prefix("---\n---\n")
    {
        rest = body.to_owned();
    }
    let split = front_matter::split(&rest);
    let body = rest.get(split.body_start..).unwrap_or_default();
    let stripped = strip_legacy_notice(body);
    let mut out = rest.get(..split.body_start).unwrap_or_default().to_owned();
    out.push_str(&stripped);
    (out, Some(payload))
}

/// The quote that earlier exports wrote under the title to say the card's status.
fn strip_legacy_notice(body: &str) -> String {
    const STARTS: [&str; 3] =
        ["> **Draft: not reviewed.**", "> **Published:**", "> **Approved, not yet published.**"];
    let mut out = String::with_capacity(body.len());
    let mut lines = body.split_inclusive('\n').peekable();
    let mut done = false;
    while let Some(line) = lines.next() {
        if !done && STARTS.iter().any(|s| line.starts_with(s)) {
            while lines.peek().is_some_and(|l| l.starts_with('>')) {
                lines.next();
            }
            if lines.peek().is_some_and(|l| l.trim().is_empty()) {
                lines.next();
            }
            done = true;
            continue;
        }
        out.push_str(line);
    }
    out
}

/// The embedded document, if exporting it as the earlier version did (less the
/// embedded copy and its notice) gives exactly this README.
fn faithful_payload(payload: &str, text: &str) -> Option<Document> {
    let document = document::from_json(payload).ok()?;
    let document = Document { source: None, ..document };
    (template(&document).0 == front_matter::normalise(text)).then_some(document)
}

/// Reads a README (without its status block) into a card and its source.
fn read(text: String, report: &mut ImportReport) -> (Card, ReadmeSource) {
    let split = front_matter::split(&text);
    let mut card = Card::default();
    let mut parts: Vec<(Part, Vec<Span>)> = Vec::new();
    if let Some(yaml) = split.yaml {
        parts.extend(metadata::import(&text, yaml, split.yaml_first_line, &mut card, report).parts);
    }
    let body = body::import(&text, split.body_start, &mut card, report);
    if body.fillers > 0 {
        report.notes.push(format!(
            "{} \"[More Information Needed]\" filler(s) were left out of the fields; the README keeps them where they are.",
            body.fillers
        ));
    }
    parts.extend(body.parts);
    let mut source = ReadmeSource {
        text,
        front_matter: split.yaml,
        body_start: split.body_start,
        headings: body.headings,
        parts: Vec::new(),
    };
    source.parts = digests(&card, parts);
    (card, source)
}

/// Each part with the digest of what the card says there, and a digest alone for each
/// part the README does not show but the card has (from elsewhere in the README), so
/// that an export adds it only when it changes.
fn digests(card: &Card, parts: Vec<(Part, Vec<Span>)>) -> Vec<SourcePart> {
    let text_of = |part: &Part| {
        metadata::part_text(card, part)
            .or_else(|| readme::part_text(card, part))
            .unwrap_or_default()
    };
    let mut out: Vec<SourcePart> = parts
        .into_iter()
        .map(|(part, spans)| SourcePart { digest: digest(&text_of(&part)), part, spans })
        .collect();
    let absent: Vec<Part> = readme::all_body_parts()
        .into_iter()
        .chain(metadata::KNOWN.iter().map(|k| Part::Key((*k).into())))
        .filter(|part| !out.iter().any(|p| &p.part == part))
        .collect();
    // Only parts the card says something in: for one that is empty too, "added" and
    // "changed" are the same thing.
    for part in absent {
        let text = text_of(&part);
        if !text.trim().is_empty() {
            out.push(SourcePart { digest: digest(&text), part, spans: Vec::new() });
        }
    }
    out
}

/// Reads the source of a document from our JSON again: the spans and digests come from
/// the text, never from the file, so an export prints from the source only what the
/// text says. The card is the file's.
pub fn reread_source(document: &mut Document) {
    let Some(source) = document.source.take() else { return };
    let (_, fresh) = read(source.text, &mut ImportReport::default());
    document.source = Some(fresh);
}

/// What is wrong with front matter kept as written (`hf_metadata.extra_yaml`): the
/// problems importing it reports, with lines counted within it. A key the import could
/// not map (a malformed model-index, say) stays there until it is fixed.
pub fn extra_yaml_problems(yaml: &str) -> Vec<String> {
    let mut scratch = Card::default();
    let mut report = ImportReport::default();
    let span = Span::new(0, yaml.len());
    metadata::import(yaml, span, 1, &mut scratch, &mut report);
    report.problems
}

/// What the README's text cannot carry, for the export report: said once, in one
/// line, with our JSON named as the file that keeps it.
pub fn export_notes(document: &Document) -> Vec<String> {
    let card = &document.card;
    let workflow = &document.workflow;
    let meta = &card.hf_metadata;
    let mut notes = Vec::new();
    if !meta.raw_front_matter && !meta.extra_yaml.trim().is_empty() {
        notes.extend(extra_yaml_problems(&meta.extra_yaml).into_iter().map(|problem| {
            format!("The extra YAML was left out of the front matter, where it would break the metadata: {problem}")
        }));
    }
    if meta.raw_front_matter && document.source.is_some() {
        notes.push("The front matter is not valid YAML, so it is written back as it was: fix it in \"Extra YAML\" for the licence, tags and results to reach it.".into());
    }
    if let Some(source) = &document.source {
        for key in metadata::kept_known_keys(source) {
            notes.push(format!("The README's {key} is kept as written because it could not be read (see Extra YAML); the card's fields were not written over it."));
        }
    }
    let mut behind: Vec<String> = Vec::new();
    let count = |n: usize, one: &str, many: &str| crate::display::plural(n, one, many);
    if !workflow.history.is_empty() {
        behind.push(format!(
            "the review history ({})",
            count(workflow.history.len(), "entry", "entries")
        ));
    }
    if !workflow.reviews.is_empty() {
        behind.push(count(workflow.reviews.len(), "review", "reviews"));
    }
    if !workflow.snapshots.is_empty() {
        behind.push(count(
            workflow.snapshots.len(),
            "snapshot of an earlier version",
            "snapshots of earlier versions",
        ));
    }
    let datasets = card.training_data.datasets.len() + card.evaluation_data.datasets.len();
    if datasets > 0 {
        behind.push(format!(
            "{} as a list (the README has them as text)",
            count(datasets, "dataset", "datasets")
        ));
    }
    let graphics = card.quantitative_analysis.graphics.len()
        + card
            .training_data
            .datasets
            .iter()
            .chain(&card.evaluation_data.datasets)
            .map(|d| d.graphics.len())
            .sum::<usize>();
    if graphics > 0 {
        behind.push(count(graphics, "graphic", "graphics"));
    }
    if !card.mct.unknown.is_empty() {
        behind.push(count(
            card.mct.unknown.len(),
            "Model Card Toolkit field",
            "Model Card Toolkit fields",
        ));
    }
    let incomplete = card
        .quantitative_analysis
        .results
        .iter()
        .filter(|r| r.metric.trim().is_empty() || r.value.trim().is_empty())
        .count();
    if incomplete > 0 {
        behind.push(format!(
            "{} without a metric or a value (a model-index needs both)",
            count(incomplete, "result", "results")
        ));
    }
    let differences = not_carried(document);
    if !differences.is_empty() {
        behind.push(format!(
            "what these fields say exactly, which the README reads back otherwise: {}",
            differences.join(", ")
        ));
    }
    if !behind.is_empty() {
        notes.push(format!(
            "Stays behind in Model Card Studio JSON, which keeps everything: {}.",
            behind.join("; ")
        ));
    }
    notes
}

/// The fields of the card that a README exported from it reads back differently, by
/// their JSON path (a list by its own path). Blank space around a text does not count.
pub fn not_carried(document: &Document) -> Vec<String> {
    let back = import(&export(document)).0.card;
    let mut paths = Vec::new();
    if let (Ok(a), Ok(b)) = (serde_json::to_value(&document.card), serde_json::to_value(&back)) {
        differences("", &a, &b, &mut paths);
    }
    paths.dedup();
    paths
}

fn differences(path: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    let same_text =
        |x: &str, y: &str| x.trim().replace("\r\n", "\n") == y.trim().replace("\r\n", "\n");
    let same = |index: usize, p: &Value, q: &Value| {
        let mut inner = Vec::new();
        differences(&format!("{path}.{index}"), p, q, &mut inner);
        inner.is_empty()
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                // Layout, not content: where the keys were, which entry a result came from.
                if matches!(key.as_str(), "key_order" | "entry") {
                    continue;
                }
                let child = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                differences(
                    &child,
                    x.get(key).unwrap_or(&Value::Null),
                    y.get(key).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y))
            if x.len() == y.len()
                && x.iter().zip(y).enumerate().all(|(i, (p, q))| same(i, p, q)) => {}
        (Value::Array(x), Value::Null) | (Value::Null, Value::Array(x)) if x.is_empty() => {}
        (Value::String(x), Value::String(y)) if same_text(x, y) => {}
        // What the Hub requires and the export fills in when the card leaves it empty.
        (Value::String(x), Value::String(_))
            if x.trim().is_empty()
                && [
                    ".task",
                    ".hf.dataset_type",
                    ".hf.task_name",
                    "hf_metadata.model_index_name",
                ]
                .iter()
                .any(|end| path.ends_with(end)) => {}
        (Value::String(x), Value::Null) | (Value::Null, Value::String(x))
            if x.trim().is_empty() => {}
        _ if a == b => {}
        _ => out.push(path.to_owned()),
    }
}

/// Writes a README for the Hub.
pub fn export(document: &Document) -> String {
    let (text, body_start) = match &document.source {
        Some(source) => from_source(source, &document.card),
        None => template(document),
    };
    with_status_block(document, &text, body_start)
}

/// The README of a card with no source: the front matter, then the body in the
/// template's order. A README is a text file: a carriage return is a line break.
fn template(document: &Document) -> (String, usize) {
    let yaml = metadata::export(&document.card);
    let body = crate::markdown::join_sections(&template::card_sections(&document.card));
    let head = if yaml.trim().is_empty() { String::new() } else { format!("---\n{yaml}---\n") };
    let head = front_matter::normalise(&head);
    let at = head.len();
    (format!("{head}{}", front_matter::normalise(&body)), at)
}

/// The README printed from its source, with the card's edits.
fn from_source(source: &ReadmeSource, card: &Card) -> (String, usize) {
    let head_end = source.body_start.min(source.text.len());
    let head_text = source.text.get(..head_end).unwrap_or_default();
    let head = apply(head_text, &metadata::edits(source, card));
    let body = readme::body(source, card);
    let at = head.len();
    (head + &body, at)
}

/// Puts the status block at `at`: after the front matter, or at the top.
fn with_status_block(document: &Document, text: &str, at: usize) -> String {
    let eol = line_ending(text);
    let before = text.get(..at).unwrap_or(text);
    let after = text.get(at..).unwrap_or_default();
    // A closing fence at the very end of the file gets its line break (a byte order mark
    // alone is no fence).
    let fence = before.trim_start_matches('\u{feff}');
    let before = if !fence.is_empty() && !fence.ends_with('\n') {
        format!("{before}{eol}")
    } else {
        before.to_owned()
    };
    let rest = format!("{before}{after}");
    let block = Block::of(&document.workflow, Some(&status::sha256(&rest))).write(eol);
    format!("{before}{block}{after}")
}

#[cfg(test)]
mod tests;
