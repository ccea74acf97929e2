//! Card → CycloneDX 1.6 BOM.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::pointer::{self, Path};
use super::schema::{self, Strictness};
use super::{MODEL_TYPE, PROPERTY_PREFIX, SCHEMA_URL, SPEC_VERSION, licence, properties, units};
use crate::card::list_text::items;
use crate::card::{Card, Dataset, Graphic, has_content};
use crate::document::Document;
use crate::review::signed::identity::grouped;
use crate::review::{Approval, Approver, Status, Workflow, canonical};

/// The tool named in `metadata.tools`.
pub const TOOL_NAME: &str = "Model Card Studio";

/// Our namespace for name-based serial numbers (RFC 9562 §5.8), fixed once.
const NAMESPACE: [u8; 16] = [
    0x6d, 0x63, 0x73, 0x2d, 0x9f, 0x1e, 0x4b, 0x7a, 0x8c, 0x33, 0x5e, 0x0b, 0xd2, 0x41, 0x7c, 0x19,
];

/// Writes a CycloneDX 1.6 JSON BOM, with notes on what went into properties and why.
pub fn export(document: &Document) -> (String, Vec<String>) {
    let mut writer = Writer { card: &document.card, placed: BTreeSet::new(), notes: Vec::new() };
    let component = writer.component();
    let (unplaced, datasets_property) = writer.unplaced();
    let mut notes: Vec<String> = Vec::new();
    let card = &document.card;
    let extras = &card.cyclonedx;

    let unchanged = !extras.imported_hash.is_empty() && imported_hash(card) == extras.imported_hash;
    let mut root = Map::new();
    root.insert("$schema".into(), SCHEMA_URL.into());
    root.insert("bomFormat".into(), "CycloneDX".into());
    root.insert("specVersion".into(), SPEC_VERSION.into());
    let serial = if extras.serial_number.is_empty() {
        serial_number(card)
    } else {
        extras.serial_number.clone()
    };
    root.insert("serialNumber".into(), serial.into());
    let version = match extras.bom_version {
        Some(version) if unchanged => version,
        Some(version) => version.saturating_add(1),
        None => 1,
    };
    root.insert("version".into(), version.into());
    let mut metadata = Map::new();
    match timestamp(document, unchanged) {
        Some(time) => {
            metadata.insert("timestamp".into(), time.into());
        }
        None => notes.push(
            "The BOM has no timestamp: the card records no time (no history, no version date)."
                .into(),
        ),
    }
    root.insert("metadata".into(), Value::Object(metadata));
    let affirmation = affirmation(document);
    let mut bom = Value::Object(root);

    let location = Path::parse(&extras.component)
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| Path::root().key("components").index(0));
    let mut component = Value::Object(component);
    add_properties(&mut component, &unplaced, datasets_property);
    pointer::place(&mut bom, &location, component);

    // Everything the BOM had that the card has no field for goes back in its place.
    let affirmation_path = Path::root().key("declarations").key("affirmation");
    let mut kept: Vec<(Path, Value)> = Vec::new();
    for field in &extras.kept {
        match (Path::parse(&field.path), serde_json::from_str::<Value>(&field.json)) {
            (Some(path), Ok(value)) => {
                if affirmation.is_some() && path.starts_with(&affirmation_path) {
                    continue;
                }
                kept.push((path, value));
            }
            _ => notes.push(format!("{} could not be read back and was left out.", field.path)),
        }
    }
    if affirmation.is_some()
        && extras.kept.iter().any(|f| f.path.starts_with("/declarations/affirmation"))
    {
        notes.push("The BOM's earlier affirmation was replaced by this card's approval.".into());
    }
    if let Some(affirmation) = affirmation {
        pointer::place(&mut bom, &affirmation_path, affirmation);
    }
    // A kept value that 1.6 does not allow (a 1.7 field, say) becomes a property, so the
    // BOM is valid and still holds everything.
    let base = bom;
    let mut moved: Vec<(Path, Value)> = Vec::new();
    let mut bom = base.clone();
    for _ in 0..8 {
        bom = base.clone();
        let mut placed = Vec::new();
        for (path, value) in kept.drain(..) {
            // `place` fails only before it changes anything.
            if pointer::place(&mut bom, &path, value.clone()) {
                placed.push((path, value));
            } else {
                moved.push((path, value));
            }
        }
        list_tool(&mut bom);
        let violations = schema::validate(&bom, Strictness::Strict);
        let (culprits, innocent): (Vec<_>, Vec<_>) = placed.into_iter().partition(|(path, _)| {
            violations.iter().any(|v| v.path.starts_with(path) || path.starts_with(&v.path))
        });
        kept = innocent;
        if culprits.is_empty() {
            for violation in violations {
                notes.push(format!("The BOM does not validate against CycloneDX 1.6: {violation}"));
            }
            break;
        }
        moved.extend(culprits);
    }
    if !moved.is_empty() {
        moved.sort_by(|(a, _), (b, _)| a.cmp(b));
        add_kept_properties(&mut bom, &moved);
        let paths: Vec<String> = moved.iter().map(|(path, _)| path.json_path()).collect();
        notes.push(format!(
            "{} kept value(s) have no place in CycloneDX 1.6 and were written as \
             {PROPERTY_PREFIX}kept: properties of the BOM: {}.",
            moved.len(),
            paths.join(", ")
        ));
    }
    let as_properties = writer.unplaced_fields(&unplaced);
    if !as_properties.is_empty() {
        notes.insert(
            0,
            format!(
                "CycloneDX has no field for {}; they are written as {PROPERTY_PREFIX} properties of the model card.",
                as_properties.join(", ")
            ),
        );
    }
    notes.extend(writer.notes);
    let text = serde_json::to_string_pretty(&bom).unwrap_or_default();
    (format!("{text}\n"), notes)
}

/// The hash of the card's content with the import's own hash left out: while it is the
/// one recorded at import, nothing was edited.
pub fn imported_hash(card: &Card) -> String {
    let mut card = card.clone();
    card.cyclonedx.imported_hash.clear();
    canonical::content_hash(&card)
}

/// `urn:uuid:` and a name-based UUID (RFC 9562 version 8, SHA-256) of the model's
/// identity: its first owner, name and version. Every export of one release of one
/// model has the same serial number, whoever writes it.
pub fn serial_number(card: &Card) -> String {
    let details = &card.model_details;
    let owner = details.owners.first().map(|o| o.name.trim()).unwrap_or("");
    let identity = format!("{owner}/{}@{}", details.name.trim(), details.version.name.trim());
    let mut hasher = Sha256::new();
    hasher.update(NAMESPACE);
    hasher.update(identity.as_bytes());
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    for (byte, digest) in bytes.iter_mut().zip(digest.iter()) {
        *byte = *digest;
    }
    if let Some(byte) = bytes.get_mut(6) {
        *byte = (*byte & 0x0f) | 0x80;
    }
    if let Some(byte) = bytes.get_mut(8) {
        *byte = (*byte & 0x3f) | 0x80;
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let part = |from: usize, to: usize| hex.get(from..to).unwrap_or("");
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        part(0, 8),
        part(8, 12),
        part(12, 16),
        part(16, 20),
        part(20, 32)
    )
}

/// When the BOM's content was established, from the document alone: the imported
/// timestamp while the card is unchanged; else the publication time of a published card,
/// the approval time of an approved one, or the latest time in the history; else the
/// imported timestamp, else the version date.
pub fn timestamp(document: &Document, unchanged: bool) -> Option<String> {
    let card = &document.card;
    let workflow = &document.workflow;
    let imported = Some(card.cyclonedx.timestamp.clone()).filter(|t| schema::is_date_time(t));
    if unchanged && imported.is_some() {
        return imported;
    }
    let trusted = workflow.integrity_findings(card).is_empty();
    let published = (workflow.status == Status::Published && trusted)
        .then(|| workflow.current_publication().map(|p| p.published_at))
        .flatten();
    // An approval is settled when its last reviewer approved.
    let approved = (workflow.status == Status::Approved && trusted)
        .then(|| {
            workflow
                .approval
                .as_ref()
                .map(|a| a.reviewers.iter().map(|r| r.at).fold(a.approved_at, u64::max))
        })
        .flatten();
    let latest = workflow
        .history
        .iter()
        .map(|event| match event.event {
            crate::review::EventKind::Edited { until, .. } => until.max(event.at),
            _ => event.at,
        })
        .max();
    if let Some(ms) = published.or(approved).or(latest) {
        return Some(crate::display::rfc3339(ms));
    }
    if imported.is_some() {
        return imported;
    }
    let date = card.model_details.version.date.trim();
    let midnight = format!("{date}T00:00:00Z");
    schema::is_date_time(&midnight).then_some(midnight)
}

/// The approval of a published (or approved) card as `declarations.affirmation`; none
/// for a card whose approval does not match its content.
fn affirmation(document: &Document) -> Option<Value> {
    let card = &document.card;
    let workflow = &document.workflow;
    if !workflow.integrity_findings(card).is_empty() {
        return None;
    }
    let (approval, published) = match workflow.status {
        Status::Published => {
            let publication = workflow.current_publication()?;
            (&publication.approval, Some((&publication.version, publication.published_at)))
        }
        Status::Approved => (workflow.approval.as_ref()?, None),
        _ => return None,
    };
    let name = one_line(&card.model_details.name);
    let reviewers: Vec<String> = approval
        .reviewers
        .iter()
        .map(|r| format!("{} ({})", one_line(&r.name), one_line(&r.role)))
        .collect();
    let approved = crate::display::date(approval.approved_at);
    let what = match published {
        Some((version, at)) => format!(
            "Version {} of the model card of {name} was approved on {approved} by {} and published on {}.",
            one_line(version),
            reviewers.join(", "),
            crate::display::date(at)
        ),
        None => format!(
            "The model card of {name} was approved on {approved} by {}; it is not yet published.",
            reviewers.join(", ")
        ),
    };
    let statement = format!(
        "{what} The approval covers the card's content with SHA-256 {} (of its canonical form, as Model Card Studio computes it).",
        approval.content_hash
    );
    let organisation = card
        .model_details
        .owners
        .iter()
        .map(|o| one_line(&o.name))
        .find(|n| !n.is_empty())
        .or_else(|| Some(one_line(&card.model_details.shared_by)).filter(|n| !n.is_empty()));
    let signatories: Vec<Value> = approval
        .reviewers
        .iter()
        .map(|reviewer| {
            let mut organization = Map::new();
            if let Some(name) = &organisation {
                organization.insert("name".into(), name.clone().into());
            }
            json!({
                "name": one_line(&reviewer.name),
                "role": one_line(&reviewer.role),
                "organization": organization,
                "externalReference": signatory_reference(workflow, approval, reviewer),
            })
        })
        .collect();
    Some(json!({ "statement": statement, "signatories": signatories }))
}

/// Where a signatory's approval can be checked. A signed approval is referenced by its
/// signed review (`digital-signature`): the RFC 6920 name (`ni:///sha-256;…`) of the
/// in-toto statement its envelope signs, which the card's JSON carries with the
/// signature and the key. An unsigned approval is referenced by the approved content's
/// hash (`attestation`).
fn signatory_reference(workflow: &Workflow, approval: &Approval, reviewer: &Approver) -> Value {
    let signed = workflow.signed_reviews.iter().enumerate().find_map(|(index, signed)| {
        let statement = signed.claimed_statement()?;
        let covers = signed.signer.fingerprint == reviewer.fingerprint
            && statement.content_hash() == approval.content_hash;
        let payload = signed.envelope.payload_bytes().ok()?;
        (covers && !reviewer.fingerprint.is_empty()).then_some((index, payload))
    });
    match signed {
        Some((index, payload)) => json!({
            "type": "digital-signature",
            "url": bytes_name(&Sha256::digest(&payload)),
            "comment": format!(
                "Signed review of {} by the key {}: a DSSE envelope of an in-toto statement, in the card's Model Card Studio JSON at workflow.signed_reviews.{index}; this URL names the statement it signs. Check it with `modelcard verify`.",
                crate::display::date(reviewer.at),
                grouped(&reviewer.fingerprint)
            ),
        }),
        None => json!({
            "type": "attestation",
            "url": content_name(&approval.content_hash),
            "comment": format!(
                "Approved in Model Card Studio on {}: the SHA-256 of the card's canonical form.",
                crate::display::date(reviewer.at)
            ),
        }),
    }
}

/// `ni:///sha-256;<base64url>` (RFC 6920) of a hex SHA-256.
fn content_name(hex: &str) -> String {
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .filter_map(|i| hex.get(i * 2..i * 2 + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect();
    bytes_name(&bytes)
}

/// `ni:///sha-256;<base64url>` (RFC 6920) of a SHA-256 digest.
fn bytes_name(digest: &[u8]) -> String {
    use base64::Engine;
    format!("ni:///sha-256;{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest))
}

/// Names this app in `metadata.tools`, in whichever form the BOM already uses.
fn list_tool(bom: &mut Value) {
    let version = env!("CARGO_PKG_VERSION");
    let Some(metadata) = bom.get_mut("metadata").and_then(Value::as_object_mut) else { return };
    let tools = metadata.entry("tools").or_insert_with(|| json!({}));
    let is_us = |tool: &Value| tool.get("name").and_then(Value::as_str) == Some(TOOL_NAME);
    match tools {
        // The form CycloneDX 1.4 used, still allowed.
        Value::Array(list) => {
            list.retain(|tool| !is_us(tool));
            list.push(json!({ "name": TOOL_NAME, "version": version }));
        }
        Value::Object(object) => {
            let components = object.entry("components").or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = components {
                list.retain(|tool| !is_us(tool));
                list.push(json!({ "type": "application", "name": TOOL_NAME, "version": version }));
            }
        }
        _ => {}
    }
}

/// The model card's properties: the card's unplaced values, then what the dataset
/// split needs.
fn add_properties(component: &mut Value, unplaced: &[(String, String)], datasets: Option<usize>) {
    let mut list: Vec<Value> = unplaced
        .iter()
        .map(|(path, text)| json!({ "name": format!("{PROPERTY_PREFIX}{path}"), "value": text }))
        .collect();
    if let Some(count) = datasets {
        list.push(json!({
            "name": format!("{PROPERTY_PREFIX}{TRAINING_COUNT}"),
            "value": count.to_string(),
        }));
    }
    if list.is_empty() {
        return;
    }
    if let Some(model_card) = component.get_mut("modelCard").and_then(Value::as_object_mut) {
        model_card.insert("properties".into(), Value::Array(list));
    }
}

/// The property that says how many of the datasets are training data, written only
/// when their names would not tell it.
pub const TRAINING_COUNT: &str = "datasets.training";

/// Kept values CycloneDX 1.6 has no place for, as BOM properties holding their JSON.
fn add_kept_properties(bom: &mut Value, moved: &[(Path, Value)]) {
    let Some(root) = bom.as_object_mut() else { return };
    let list = root.entry("properties").or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = list {
        for (path, value) in moved {
            list.push(json!({
                "name": format!("{PROPERTY_PREFIX}kept:{}", path.pointer()),
                "value": value.to_string(),
            }));
        }
    }
}

/// Datasets are training data first, evaluation data after; an import without the
/// count property reads them by their names, and this is how.
pub fn looks_like_evaluation(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["eval", "valid", "test"].iter().any(|word| lower.contains(word))
}

/// How an import splits datasets without the count: by name, when that keeps their
/// order (training first); else all are training data.
pub fn split_by_name(names: &[&str]) -> usize {
    let evaluation: Vec<bool> = names.iter().map(|n| looks_like_evaluation(n)).collect();
    let training = evaluation.iter().take_while(|e| !**e).count();
    if evaluation.iter().skip(training).all(|e| *e) { training } else { names.len() }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds the component and remembers which card fields it placed.
struct Writer<'c> {
    card: &'c Card,
    placed: BTreeSet<String>,
    notes: Vec<String>,
}

impl Writer<'_> {
    fn place(&mut self, path: &str) {
        self.placed.insert(path.to_owned());
    }

    /// Puts a card text into the object under `key` when it says something.
    fn text(&mut self, object: &mut Map<String, Value>, key: &str, path: &str, text: &str) {
        if has_content(text) {
            object.insert(key.into(), text.into());
            self.place(path);
        }
    }

    /// A card text that must be a URL (`format: iri-reference`) where it goes.
    fn url(&mut self, path: &str, text: &str) -> Option<String> {
        let url = text.trim();
        if !has_content(url) {
            return None;
        }
        if url == text && schema::is_iri_reference(url) {
            self.place(path);
            Some(url.to_owned())
        } else {
            self.notes.push(format!(
                "{path} is not a URL CycloneDX accepts (\"{}\"), so it is written as a property.",
                one_line(text)
            ));
            None
        }
    }

    fn component(&mut self) -> Map<String, Value> {
        let card = self.card;
        let d = &card.model_details;
        let mut component = Map::new();
        component.insert("type".into(), MODEL_TYPE.into());
        component.insert("bom-ref".into(), crate::formats::file_stem(card).into());
        let authors: Vec<Value> = d
            .owners
            .iter()
            .enumerate()
            .map(|(index, owner)| {
                let mut author = Map::new();
                self.text(
                    &mut author,
                    "name",
                    &format!("model_details.owners.{index}.name"),
                    &owner.name,
                );
                let contact = owner.contact.trim();
                if has_content(contact) && contact == owner.contact && schema::is_email(contact) {
                    author.insert("email".into(), contact.into());
                    self.place(&format!("model_details.owners.{index}.contact"));
                }
                Value::Object(author)
            })
            .collect();
        if !authors.is_empty() {
            component.insert("authors".into(), Value::Array(authors));
        }
        self.text(&mut component, "publisher", "model_details.shared_by", &d.shared_by);
        if has_content(&d.name) {
            self.text(&mut component, "name", "model_details.name", &d.name);
        } else {
            // `name` is required; an unnamed card is an unnamed model.
            component.insert("name".into(), "".into());
        }
        self.text(&mut component, "version", "model_details.version.name", &d.version.name);
        self.text(&mut component, "description", "model_details.description", &d.description);
        if let Some((licence, placed)) = licence::to_bom(&d.license) {
            component.insert("licenses".into(), Value::Array(vec![licence]));
            for path in placed {
                self.place(path);
            }
        }
        let ancestors: Vec<Value> = d
            .base_models
            .iter()
            .enumerate()
            .filter(|(_, base)| has_content(base) && base.trim() == base.as_str())
            .map(|(index, base)| {
                self.place(&format!("model_details.base_models.{index}"));
                json!({ "type": MODEL_TYPE, "name": base })
            })
            .collect();
        if !ancestors.is_empty() {
            component.insert("pedigree".into(), json!({ "ancestors": ancestors }));
        }
        let mut references = Vec::new();
        let links = [
            ("vcs", "model_details.links.repository", &d.links.repository, None),
            ("documentation", "model_details.links.paper", &d.links.paper, Some(PAPER)),
            ("website", "model_details.links.demo", &d.links.demo, Some(DEMO)),
        ];
        for (kind, path, text, comment) in links {
            if let Some(url) = self.url(path, text) {
                let mut reference = json!({ "type": kind, "url": url });
                if let (Some(comment), Value::Object(object)) = (comment, &mut reference) {
                    object.insert("comment".into(), comment.into());
                }
                references.push(reference);
            }
        }
        if !references.is_empty() {
            component.insert("externalReferences".into(), Value::Array(references));
        }
        component.insert("modelCard".into(), Value::Object(self.model_card()));
        let tags: Vec<Value> = card.hf_metadata.tags.iter().map(|t| t.as_str().into()).collect();
        if !tags.is_empty() && card.hf_metadata.tags.iter().all(|t| has_content(t)) {
            component.insert("tags".into(), Value::Array(tags));
            self.place("hf_metadata.tags");
        }
        component
    }

    fn model_card(&mut self) -> Map<String, Value> {
        let card = self.card;
        let mut model_card = Map::new();

        let mut parameters = Map::new();
        let approach = &card.training_procedure.learning_approach;
        if APPROACHES.contains(&approach.as_str()) {
            parameters.insert("approach".into(), json!({ "type": approach }));
            self.place("training_procedure.learning_approach");
        } else if has_content(approach) {
            self.notes.push(format!(
                "The learning approach \"{}\" is not one of CycloneDX's ({}), so it is written as a property.",
                one_line(approach),
                APPROACHES.join(", ")
            ));
        }
        self.text(
            &mut parameters,
            "task",
            "hf_metadata.pipeline_tag",
            &card.hf_metadata.pipeline_tag,
        );
        self.text(
            &mut parameters,
            "architectureFamily",
            "model_details.model_type",
            &card.model_details.model_type,
        );
        self.text(
            &mut parameters,
            "modelArchitecture",
            "model_details.architecture",
            &card.model_details.architecture,
        );
        let training = &card.training_data.datasets;
        let evaluation = &card.evaluation_data.datasets;
        let mut datasets: Vec<Value> = training
            .iter()
            .enumerate()
            .map(|(index, dataset)| {
                self.dataset(dataset, &format!("training_data.datasets.{index}"))
            })
            .collect();
        datasets.extend(evaluation.iter().enumerate().map(|(index, dataset)| {
            self.dataset(dataset, &format!("evaluation_data.datasets.{index}"))
        }));
        if !datasets.is_empty() {
            parameters.insert("datasets".into(), Value::Array(datasets));
        }
        let specifications = &card.technical_specifications;
        for (key, path, formats) in [
            ("inputs", "technical_specifications.inputs", &specifications.inputs),
            ("outputs", "technical_specifications.outputs", &specifications.outputs),
        ] {
            let list: Vec<Value> = formats
                .iter()
                .enumerate()
                .filter(|(_, format)| has_content(format))
                .map(|(index, format)| {
                    self.place(&format!("{path}.{index}"));
                    json!({ "format": format })
                })
                .collect();
            if !list.is_empty() {
                parameters.insert(key.into(), Value::Array(list));
            }
        }
        insert_object(&mut model_card, "modelParameters", parameters);

        let mut analysis = Map::new();
        let metrics: Vec<Value> = card
            .quantitative_analysis
            .results
            .iter()
            .enumerate()
            .map(|(index, result)| {
                let path = format!("quantitative_analysis.results.{index}");
                let mut metric = Map::new();
                self.text(&mut metric, "type", &format!("{path}.metric"), &result.metric);
                self.text(&mut metric, "value", &format!("{path}.value"), &result.value);
                let label = slice_text(&result.slice);
                if let Some(label) = label {
                    metric.insert("slice".into(), label.into());
                    self.place(&format!("{path}.slice"));
                }
                let mut interval = Map::new();
                self.text(
                    &mut interval,
                    "lowerBound",
                    &format!("{path}.ci_lower"),
                    &result.ci_lower,
                );
                self.text(
                    &mut interval,
                    "upperBound",
                    &format!("{path}.ci_upper"),
                    &result.ci_upper,
                );
                insert_object(&mut metric, "confidenceInterval", interval);
                Value::Object(metric)
            })
            .collect();
        if !metrics.is_empty() {
            analysis.insert("performanceMetrics".into(), Value::Array(metrics));
        }
        if let Some(graphics) =
            self.graphics(&card.quantitative_analysis.graphics, "quantitative_analysis.graphics")
        {
            analysis.insert("graphics".into(), graphics);
        }
        insert_object(&mut model_card, "quantitativeAnalysis", analysis);

        let mut considerations = Map::new();
        let lists = [
            ("users", "intended_use.primary_users", &card.intended_use.primary_users),
            ("useCases", "intended_use.direct_use", &card.intended_use.direct_use),
            (
                "technicalLimitations",
                "bias_risks_limitations.limitations",
                &card.bias_risks_limitations.limitations,
            ),
            (
                "performanceTradeoffs",
                "caveats_and_recommendations",
                &card.caveats_and_recommendations,
            ),
        ];
        for (key, path, text) in lists {
            if has_content(text) {
                let list: Vec<Value> = items(text).into_iter().map(Value::String).collect();
                considerations.insert(key.into(), Value::Array(list));
                self.place(path);
            }
        }
        let risks: Vec<Value> = card
            .ethical_considerations
            .risks
            .iter()
            .enumerate()
            .map(|(index, risk)| {
                let path = format!("ethical_considerations.risks.{index}");
                let mut object = Map::new();
                self.text(&mut object, "name", &format!("{path}.risk"), &risk.risk);
                self.text(
                    &mut object,
                    "mitigationStrategy",
                    &format!("{path}.mitigation"),
                    &risk.mitigation,
                );
                Value::Object(object)
            })
            .collect();
        if !risks.is_empty() {
            considerations.insert("ethicalConsiderations".into(), Value::Array(risks));
        }
        if let Some(environment) = self.environment() {
            considerations.insert("environmentalConsiderations".into(), environment);
        }
        let assessments: Vec<Value> = card
            .ethical_considerations
            .fairness_assessments
            .iter()
            .enumerate()
            .map(|(index, assessment)| {
                let path = format!("ethical_considerations.fairness_assessments.{index}");
                let mut object = Map::new();
                for (key, field, text) in [
                    ("groupAtRisk", "group_at_risk", &assessment.group_at_risk),
                    ("benefits", "benefits", &assessment.benefits),
                    ("harms", "harms", &assessment.harms),
                    ("mitigationStrategy", "mitigation", &assessment.mitigation),
                ] {
                    self.text(&mut object, key, &format!("{path}.{field}"), text);
                }
                Value::Object(object)
            })
            .collect();
        if !assessments.is_empty() {
            considerations.insert("fairnessAssessments".into(), Value::Array(assessments));
        }
        insert_object(&mut model_card, "considerations", considerations);
        model_card
    }

    fn dataset(&mut self, dataset: &Dataset, path: &str) -> Value {
        let mut object = Map::new();
        object.insert("type".into(), "dataset".into());
        self.text(&mut object, "name", &format!("{path}.name"), &dataset.name);
        if let Some(url) = self.url(&format!("{path}.link"), &dataset.link) {
            object.insert("contents".into(), json!({ "url": url }));
        }
        if dataset.sensitive
            && let Some(lines) = sensitive_lines(&dataset.sensitive_notes)
        {
            object.insert("sensitiveData".into(), lines.into_iter().map(Value::String).collect());
            self.place(&format!("{path}.sensitive"));
            self.place(&format!("{path}.sensitive_notes"));
        }
        if let Some(graphics) = self.graphics(&dataset.graphics, &format!("{path}.graphics")) {
            object.insert("graphics".into(), graphics);
        }
        self.text(&mut object, "description", &format!("{path}.description"), &dataset.description);
        Value::Object(object)
    }

    fn graphics(&mut self, graphics: &[Graphic], path: &str) -> Option<Value> {
        if graphics.is_empty() {
            return None;
        }
        let collection: Vec<Value> = graphics
            .iter()
            .enumerate()
            .map(|(index, graphic)| {
                let mut object = Map::new();
                self.text(&mut object, "name", &format!("{path}.{index}.name"), &graphic.name);
                if !graphic.image.is_empty() {
                    object.insert(
                        "image".into(),
                        json!({
                            "contentType": image_type(&graphic.image),
                            "encoding": "base64",
                            "content": graphic.image,
                        }),
                    );
                    self.place(&format!("{path}.{index}.image"));
                }
                Value::Object(object)
            })
            .collect();
        Some(json!({ "collection": collection }))
    }

    /// The energy used, the CO2 and the cloud provider as one `energyConsumptions` entry.
    /// CycloneDX requires the energy (`activityEnergyCost`) there, so without it the CO2
    /// figure stays a property. The card's other environmental values are properties of
    /// `environmentalConsiderations`.
    fn environment(&mut self) -> Option<Value> {
        let e = &self.card.environmental_impact;
        let mut environment = Map::new();
        if let Some(kwh) = units::energy_to_bom(&e.energy_consumed) {
            self.place("environmental_impact.energy_consumed");
            let kind = e.co2_training_type.as_str();
            let activity = if ACTIVITIES.contains(&kind) {
                self.place("environmental_impact.co2_training_type");
                kind
            } else {
                match kind.trim().to_lowercase().replace(['_', ' '], "-").as_str() {
                    "" | "pre-training" | "pretraining" | "train" => "training",
                    "finetuning" | "fine-tune" | "finetune" => "fine-tuning",
                    _ => "other",
                }
            };
            let energy = json!({ "value": kwh, "unit": "kWh" });
            let mut providers = Vec::new();
            if has_content(&e.cloud_provider) {
                self.place("environmental_impact.cloud_provider");
                providers.push(json!({
                    "organization": { "name": e.cloud_provider },
                    "energySource": "unknown",
                    "energyProvided": energy,
                }));
            }
            let mut consumption = Map::new();
            consumption.insert("activity".into(), activity.into());
            consumption.insert("energyProviders".into(), Value::Array(providers));
            consumption.insert("activityEnergyCost".into(), energy);
            if let Some(tonnes) = units::co2_to_bom(&e.co2_emitted) {
                self.place("environmental_impact.co2_emitted");
                consumption.insert(
                    "co2CostEquivalent".into(),
                    json!({ "value": tonnes, "unit": "tCO2eq" }),
                );
            }
            environment.insert("energyConsumptions".into(), json!([consumption]));
        } else if has_content(&e.co2_emitted) {
            self.notes.push(
                "CycloneDX records CO2 in an energy consumption, which needs the energy used (kWh); \
                 without it the CO2 figure is written as a property."
                    .into(),
            );
        }
        let rest = [
            ("environmental_impact.hardware_type", &e.hardware_type),
            ("environmental_impact.hours_used", &e.hours_used),
            ("environmental_impact.cloud_provider", &e.cloud_provider),
            ("environmental_impact.compute_region", &e.compute_region),
            ("environmental_impact.co2_emitted", &e.co2_emitted),
            ("environmental_impact.energy_consumed", &e.energy_consumed),
            ("environmental_impact.co2_source", &e.co2_source),
            ("environmental_impact.co2_training_type", &e.co2_training_type),
        ];
        let rest: Vec<(&str, &String)> = rest
            .into_iter()
            .filter(|(path, text)| has_content(text) && !self.placed.contains(*path))
            .collect();
        let mut properties = Vec::new();
        for (path, text) in rest {
            self.place(path);
            properties.push(json!({ "name": format!("{PROPERTY_PREFIX}{path}"), "value": text }));
        }
        if !properties.is_empty() {
            environment.insert("properties".into(), Value::Array(properties));
        }
        (!environment.is_empty()).then_some(Value::Object(environment))
    }

    /// The card's values with no CycloneDX field, and the dataset count property when
    /// the names do not tell the split.
    fn unplaced(&self) -> (Vec<(String, String)>, Option<usize>) {
        let card = self.card;
        let unplaced = properties::unplaced(card, &self.placed);
        let training = card.training_data.datasets.len();
        let names: Vec<&str> = card
            .training_data
            .datasets
            .iter()
            .chain(&card.evaluation_data.datasets)
            .map(|d| d.name.as_str())
            .collect();
        let count = (!names.is_empty() && split_by_name(&names) != training).then_some(training);
        (unplaced, count)
    }

    /// The field paths written as properties, without list indices, once each.
    fn unplaced_fields(&self, unplaced: &[(String, String)]) -> Vec<String> {
        let mut fields: Vec<String> = Vec::new();
        for (path, _) in unplaced {
            let field: Vec<&str> =
                path.split('.').filter(|part| part.parse::<usize>().is_err()).collect();
            let field = field.join(".");
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
        fields
    }
}

/// CycloneDX's learning types (`modelParameters.approach.type`).
pub const APPROACHES: [&str; 5] =
    ["supervised", "unsupervised", "reinforcement-learning", "semi-supervised", "self-supervised"];

/// CycloneDX's activities of an energy consumption.
pub const ACTIVITIES: [&str; 9] = [
    "design",
    "data-collection",
    "data-preparation",
    "training",
    "fine-tuning",
    "validation",
    "deployment",
    "inference",
    "other",
];

/// The comments that mark a paper's and a demo's reference.
pub const PAPER: &str = "Paper";
pub const DEMO: &str = "Demo";

fn insert_object(map: &mut Map<String, Value>, key: &str, object: Map<String, Value>) {
    if !object.is_empty() {
        map.insert(key.into(), Value::Object(object));
    }
}

/// The slice as CycloneDX's one string: `gender=female, age=18-25`; none when the result
/// is for the whole dataset.
pub fn slice_text(terms: &[crate::card::SliceTerm]) -> Option<String> {
    if !terms.iter().any(|t| has_content(&t.factor) || has_content(&t.value)) {
        return None;
    }
    let parts: Vec<String> = terms
        .iter()
        .map(|term| {
            if term.factor.is_empty() {
                term.value.clone()
            } else {
                format!("{}={}", term.factor, term.value)
            }
        })
        .collect();
    Some(parts.join(", "))
}

/// Sensitive-data notes as CycloneDX's list: one entry per line when every line says
/// something, else the notes as one entry.
pub fn sensitive_lines(notes: &str) -> Option<Vec<String>> {
    if !has_content(notes) {
        return None;
    }
    let lines: Vec<String> = notes.split('\n').map(str::to_owned).collect();
    if lines.iter().all(|line| !line.trim().is_empty() && line.trim() == line) {
        Some(lines)
    } else {
        Some(vec![notes.to_owned()])
    }
}

/// The media type of base64 image data, by its first bytes (as the viewer decides).
pub fn image_type(base64: &str) -> &'static str {
    let data = base64.trim_start();
    [
        ("iVBORw0KGgo", "image/png"),
        ("/9j/", "image/jpeg"),
        ("R0lGOD", "image/gif"),
        ("UklGR", "image/webp"),
        ("PHN2Zy", "image/svg+xml"),
        ("PD94bWwg", "image/svg+xml"),
    ]
    .into_iter()
    .find(|(magic, _)| data.starts_with(magic))
    .map_or("application/octet-stream", |(_, mime)| mime)
}
