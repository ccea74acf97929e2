//! CycloneDX 1.5, 1.6 or 1.7 BOM → one card per `machine-learning-model` component.
//!
//! A value is read into the card only when the export writes it back exactly; every
//! other value is kept by its JSON pointer and written back in its place.

use std::collections::HashSet;

use serde_json::Value;

use super::export::{self, DEMO, PAPER, TOOL_NAME, TRAINING_COUNT};
use super::pointer::{self, Path, Segment};
use super::schema::{self, Strictness};
use super::{BomError, Imported, MODEL_TYPE, READ_VERSIONS, licence, properties, units};
use crate::card::list_text;
use crate::card::{
    Card, Dataset, FairnessAssessment, Graphic, MetricResult, Owner, Risk, SliceTerm, UnknownField,
    has_content,
};
use crate::document::Document;
use crate::formats::ImportReport as Report;

/// How many kept places the report names before it counts the rest.
const LISTED: usize = 12;

/// The most models one import opens as drafts. Each draft holds the rest of the BOM, so
/// this also bounds the work a BOM of many tiny models can cause.
pub const MAX_MODELS: usize = 25;

/// A key no BOM has, put on the component being read so it can be found again after the
/// other models are taken out.
const MARK: &str = "\u{0}model-card-studio:this-model";

/// Reads a BOM into one document per model.
pub fn import(text: &str) -> Result<Imported, BomError> {
    let root: Value = serde_json::from_str(text).map_err(|error| {
        let full = error.to_string();
        let message = full.split(" at line ").next().unwrap_or(&full).to_owned();
        BomError::Syntax { message, line: error.line(), column: error.column() }
    })?;
    let Value::Object(object) = &root else {
        return Err(BomError::NotABom("a BOM is a JSON object".into()));
    };
    let version = match object.get("specVersion") {
        Some(Value::String(version)) => version.clone(),
        Some(_) => String::new(),
        None => return Err(BomError::NotABom("it has no \"specVersion\"".into())),
    };
    let strictness = match spec_minor(&version) {
        Some(minor) if minor < 5 => return Err(BomError::TooOld { found: version }),
        Some(7) => Strictness::Newer,
        Some(5 | 6) => Strictness::Strict,
        Some(_) => return Err(BomError::TooNew { found: version }),
        None => {
            return Err(BomError::Invalid {
                version: READ_VERSIONS.join("/"),
                first: format!(
                    "$.specVersion: {} is not a CycloneDX version such as \"1.6\"",
                    object.get("specVersion").map(Value::to_string).unwrap_or_default()
                ),
                others: 0,
            });
        }
    };
    let violations = schema::validate(&root, strictness);
    if let Some(first) = violations.first() {
        return Err(BomError::Invalid {
            version,
            first: first.to_string(),
            others: violations.len() - 1,
        });
    }

    let occurrences = models(&root);
    let mut identities: Vec<String> = Vec::new();
    for (_, identity) in &occurrences {
        if !identities.contains(identity) {
            identities.push(identity.clone());
        }
    }
    if identities.is_empty() {
        return Err(BomError::NoModel);
    }
    let mut report = Report::default();
    if identities.len() > MAX_MODELS {
        report.notes.push(format!(
            "The BOM holds {} models; the first {MAX_MODELS} open as drafts, the others were not read.",
            identities.len()
        ));
        identities.truncate(MAX_MODELS);
    }
    let mut documents = Vec::new();
    for identity in &identities {
        let mut work = root.clone();
        // Mark this model's first occurrence, then take the other models out (the last
        // first, so the earlier paths stay right).
        if let Some((path, _)) = occurrences.iter().find(|(_, id)| id == identity)
            && let Some(Value::Object(component)) = get_mut(&mut work, path)
        {
            component.insert(MARK.into(), Value::Bool(true));
        }
        for (path, other) in occurrences.iter().rev() {
            if other != identity {
                pointer::remove(&mut work, path);
            }
        }
        let Some(location) = models(&work)
            .into_iter()
            .map(|(path, _)| path)
            .find(|path| pointer::get(&work, path).and_then(|c| c.get(MARK)).is_some())
        else {
            continue;
        };
        if let Some(Value::Object(component)) = get_mut(&mut work, &location) {
            component.shift_remove(MARK);
        }
        let (card, notes) = read_model(&work, &location, &mut report);
        for note in notes {
            if !report.notes.contains(&note) {
                report.notes.push(note);
            }
        }
        documents.push(Document::new(card));
    }

    let names: Vec<String> = documents
        .iter()
        .map(|d| {
            let details = &d.card.model_details;
            format!("{} {}", details.name, details.version.name).trim().to_owned()
        })
        .collect();
    report.mapped.insert(
        0,
        format!(
            "{} model card(s) from a CycloneDX {version} BOM: {}",
            documents.len(),
            names.join("; ")
        ),
    );
    if documents.len() > 1 {
        report.notes.insert(
            0,
            format!(
                "The BOM holds {} models; each opens as its own draft, in the order of the BOM.",
                documents.len()
            ),
        );
    }
    if strictness == Strictness::Newer {
        report.notes.push(format!(
            "Read as CycloneDX {version}; the export writes CycloneDX 1.6, with anything 1.6 has no place for as properties."
        ));
    }
    let kept = std::mem::take(&mut report.kept_raw);
    let count = kept.len();
    report.kept_raw = kept.into_iter().take(LISTED).collect();
    if count > LISTED {
        report.kept_raw.push(format!("and {} more", count - LISTED));
    }
    Ok(Imported { documents, report })
}

/// The minor version of `1.x`.
fn spec_minor(version: &str) -> Option<u32> {
    let (major, minor) = version.split_once('.')?;
    if major != "1" {
        return major.parse::<u32>().ok().map(|_| u32::MAX);
    }
    minor.parse().ok()
}

fn get_mut<'v>(root: &'v mut Value, path: &Path) -> Option<&'v mut Value> {
    let mut node = root;
    for segment in path.segments() {
        node = match (node, segment) {
            (Value::Object(map), Segment::Key(key)) => map.get_mut(key)?,
            (Value::Array(items), Segment::Index(index)) => items.get_mut(*index)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Every model component in document order, with its identity: its `bom-ref`, or its
/// place when it has none. `metadata.component` and the `components` tree are searched.
fn models(root: &Value) -> Vec<(Path, String)> {
    let mut found = Vec::new();
    let metadata = Path::root().key("metadata").key("component");
    if let Some(component) = pointer::get(root, &metadata) {
        collect(component, metadata, &mut found);
    }
    if let Some(Value::Array(components)) = root.get("components") {
        for (index, component) in components.iter().enumerate() {
            collect(component, Path::root().key("components").index(index), &mut found);
        }
    }
    found
}

fn collect(component: &Value, path: Path, found: &mut Vec<(Path, String)>) {
    if component.get("type").and_then(Value::as_str) == Some(MODEL_TYPE) {
        let identity = match component.get("bom-ref").and_then(Value::as_str) {
            Some(reference) => format!("bom-ref:{reference}"),
            None => format!("at:{}", path.pointer()),
        };
        found.push((path.clone(), identity));
    }
    if let Some(Value::Array(children)) = component.get("components") {
        for (index, child) in children.iter().enumerate() {
            collect(child, path.key("components").index(index), found);
        }
    }
}

/// Reads what it maps out of the BOM and remembers it; the rest is kept.
struct Reader<'b> {
    bom: &'b Value,
    whole: HashSet<Path>,
    entered: HashSet<Path>,
}

impl<'b> Reader<'b> {
    fn get(&self, path: &Path) -> Option<&'b Value> {
        pointer::get(self.bom, path)
    }

    fn enter(&mut self, path: &Path) {
        let mut ancestor = Path::root();
        self.entered.insert(ancestor.clone());
        for segment in path.segments() {
            ancestor.push(segment.clone());
            self.entered.insert(ancestor.clone());
        }
    }

    /// Marks a value as read into the card.
    fn take(&mut self, path: &Path) {
        let mut parent = path.clone();
        parent.pop();
        self.enter(&parent);
        self.whole.insert(path.clone());
    }

    /// A string the export writes back as it is: one with content.
    fn text(&mut self, path: &Path) -> String {
        match self.get(path) {
            Some(Value::String(text)) if has_content(text) => {
                self.take(path);
                text.clone()
            }
            _ => String::new(),
        }
    }

    fn array(&self, path: &Path) -> &'b [Value] {
        self.get(path).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }

    /// A list of strings the export writes back as it is from the text it becomes.
    fn list_text(&mut self, path: &Path) -> String {
        let Some(list) = self.get(path).and_then(Value::as_array) else { return String::new() };
        let strings: Option<Vec<String>> =
            list.iter().map(|item| item.as_str().map(str::to_owned)).collect();
        let Some(strings) = strings.filter(|s| !s.is_empty()) else { return String::new() };
        let text = list_text::bullets(&strings);
        if has_content(&text) && list_text::items(&text) == strings {
            self.take(path);
            text
        } else {
            String::new()
        }
    }

    /// Everything not read into the card, by JSON pointer, in document order.
    fn kept(&self, path: &mut Path, value: &Value, out: &mut Vec<UnknownField>) {
        if self.whole.contains(path) {
            return;
        }
        let entered = self.entered.contains(path);
        match value {
            Value::Object(object) if entered => {
                for (key, child) in object {
                    path.push(Segment::Key(key.clone()));
                    self.kept(path, child, out);
                    path.pop();
                }
            }
            Value::Array(items) if entered => {
                for (index, child) in items.iter().enumerate() {
                    path.push(Segment::Index(index));
                    self.kept(path, child, out);
                    path.pop();
                }
            }
            _ => out.push(UnknownField { path: path.pointer(), json: value.to_string() }),
        }
    }
}

/// A `modelcard:` property found in the BOM.
struct Found {
    at: Path,
    field: String,
    value: String,
}

/// Reads one model component into a card.
fn read_model(bom: &Value, c: &Path, report: &mut Report) -> (Card, Vec<String>) {
    let mut r = Reader { bom, whole: HashSet::new(), entered: HashSet::new() };
    let mut notes = Vec::new();
    let mut card = Card::default();
    r.enter(c);
    let root = Path::root();
    for key in ["$schema", "bomFormat", "specVersion"] {
        r.take(&root.key(key));
    }
    // The BOM's identity is kept in `Card::cyclonedx` (below), not as kept values.
    let metadata = root.key("metadata");
    for identity in [root.key("serialNumber"), root.key("version"), metadata.key("timestamp")] {
        if r.get(&identity).is_some() {
            r.take(&identity);
        }
    }
    read_tools(&mut r, &metadata.key("tools"));
    for signed in [root.key("signature"), c.key("signature")] {
        if r.get(&signed).is_some() {
            r.take(&signed);
            notes.push(
                "A signature was left out: it signed the BOM as it was, and an export is a new file."
                    .into(),
            );
        }
    }

    // Our properties first: the dataset split and relocated values come from them.
    let mut found = Vec::new();
    let mut kept_back = Vec::new();
    let mut training_count = None;
    for list in [
        c.key("modelCard").key("properties"),
        c.key("properties"),
        c.key("modelCard")
            .key("considerations")
            .key("environmentalConsiderations")
            .key("properties"),
        root.key("properties"),
    ] {
        for (index, item) in r.array(&list).iter().enumerate() {
            let at = list.index(index);
            let (Some(name), Some(value)) = (
                item.get("name").and_then(Value::as_str),
                item.get("value").and_then(Value::as_str),
            ) else {
                continue;
            };
            let Some(field) = properties::field_path(name) else { continue };
            if let Some(kept_at) = field.strip_prefix("kept:") {
                if Path::parse(kept_at).is_some() && serde_json::from_str::<Value>(value).is_ok() {
                    kept_back
                        .push(UnknownField { path: kept_at.to_owned(), json: value.to_owned() });
                    r.take(&at);
                }
            } else if field == TRAINING_COUNT {
                if let Ok(count) = value.parse::<usize>()
                    && count.to_string() == value
                {
                    training_count = Some(count);
                    r.take(&at);
                }
            } else if list != root.key("properties") {
                found.push(Found { at, field: field.to_owned(), value: value.to_owned() });
            }
        }
    }

    read_component(&mut r, c, &mut card, training_count);

    let pairs: Vec<(String, String)> =
        found.iter().map(|f| (f.field.clone(), f.value.clone())).collect();
    let (with_properties, rejected) = properties::apply(&card, &pairs);
    let mut unknown = Vec::new();
    for (index, property) in found.iter().enumerate() {
        if rejected.contains(&index) {
            unknown.push(format!("{}{}", super::PROPERTY_PREFIX, property.field));
        } else {
            r.take(&property.at);
        }
    }
    if !unknown.is_empty() {
        notes.push(format!(
            "{} property(ies) are not fields of the card and are kept as written: {}.",
            unknown.len(),
            unknown.join(", ")
        ));
    }
    let mut card = with_properties;
    // An id nobody knows was written as the licence's name, and came back from its
    // property: the name was only standing in for it.
    let licence = &mut card.model_details.license;
    if !licence.is_other() && !licence.id.is_empty() && licence.name == licence.id {
        licence.name.clear();
    }
    let mut kept = Vec::new();
    r.kept(&mut Path::root(), bom, &mut kept);
    kept.extend(kept_back);
    for field in &kept {
        let path = Path::parse(&field.path).map_or_else(|| field.path.clone(), |p| p.json_path());
        report.kept_raw.push(path);
    }
    card.cyclonedx = Default::default();
    card.cyclonedx.component = c.pointer();
    card.cyclonedx.kept = kept;
    if let Some(Value::String(serial)) = r.get(&root.key("serialNumber")) {
        card.cyclonedx.serial_number = serial.clone();
    }
    card.cyclonedx.bom_version = r.get(&root.key("version")).and_then(Value::as_u64);
    if let Some(Value::String(time)) = r.get(&metadata.key("timestamp")) {
        card.cyclonedx.timestamp = time.clone();
    }
    card.cyclonedx.imported_hash = export::imported_hash(&card);
    (card, notes)
}

/// This app's own entry in `metadata.tools` is written anew by every export.
fn read_tools(r: &mut Reader, tools: &Path) {
    let list = match r.get(tools) {
        Some(Value::Array(_)) => tools.clone(),
        Some(Value::Object(_)) => tools.key("components"),
        _ => return,
    };
    for (index, tool) in r.array(&list).iter().enumerate() {
        if tool.get("name").and_then(Value::as_str) == Some(TOOL_NAME) {
            r.take(&list.index(index));
        }
    }
    r.enter(&list);
}

fn read_component(r: &mut Reader, c: &Path, card: &mut Card, training_count: Option<usize>) {
    r.take(&c.key("type"));
    let d = &mut card.model_details;
    d.name = r.text(&c.key("name"));
    d.version.name = r.text(&c.key("version"));
    d.description = r.text(&c.key("description"));
    d.shared_by = r.text(&c.key("publisher"));
    for (index, _) in r.array(&c.key("authors")).iter().enumerate() {
        let at = c.key("authors").index(index);
        r.enter(&at);
        let name = r.text(&at.key("name"));
        let contact = match r.get(&at.key("email")) {
            Some(Value::String(email))
                if has_content(email) && email.trim() == email && schema::is_email(email) =>
            {
                r.take(&at.key("email"));
                email.clone()
            }
            _ => String::new(),
        };
        card.model_details.owners.push(Owner { name, contact });
    }
    read_licence(r, &c.key("licenses"), card);
    let ancestors = c.key("pedigree").key("ancestors");
    for (index, ancestor) in r.array(&ancestors).iter().enumerate() {
        let name = ancestor.get("name").and_then(Value::as_str).unwrap_or("");
        let exact = ancestor.as_object().is_some_and(|o| o.len() == 2)
            && ancestor.get("type").and_then(Value::as_str) == Some(MODEL_TYPE)
            && has_content(name)
            && name.trim() == name;
        if exact {
            r.take(&ancestors.index(index));
            card.model_details.base_models.push(name.to_owned());
        }
    }
    read_references(r, &c.key("externalReferences"), card);
    let tags = c.key("tags");
    if let Some(list) = r.get(&tags).and_then(Value::as_array) {
        let strings: Option<Vec<String>> =
            list.iter().map(|t| t.as_str().filter(|t| has_content(t)).map(str::to_owned)).collect();
        if let Some(strings) = strings.filter(|s| !s.is_empty()) {
            card.hf_metadata.tags = strings;
            r.take(&tags);
        }
    }

    let m = c.key("modelCard");
    let parameters = m.key("modelParameters");
    let approach = parameters.key("approach").key("type");
    if let Some(Value::String(kind)) = r.get(&approach)
        && export::APPROACHES.contains(&kind.as_str())
    {
        card.training_procedure.learning_approach = kind.clone();
        r.take(&approach);
    }
    for (key, formats) in [
        ("inputs", &mut card.technical_specifications.inputs),
        ("outputs", &mut card.technical_specifications.outputs),
    ] {
        let list = parameters.key(key);
        for (index, item) in r.array(&list).iter().enumerate() {
            let format = item.get("format").and_then(Value::as_str);
            if let Some(format) = format.filter(|f| has_content(f))
                && item.as_object().is_some_and(|o| o.len() == 1)
            {
                formats.push(format.to_owned());
                r.take(&list.index(index));
            }
        }
    }
    card.hf_metadata.pipeline_tag = r.text(&parameters.key("task"));
    card.model_details.model_type = r.text(&parameters.key("architectureFamily"));
    card.model_details.architecture = r.text(&parameters.key("modelArchitecture"));
    read_datasets(r, &parameters.key("datasets"), card, training_count);

    let analysis = m.key("quantitativeAnalysis");
    let metrics = analysis.key("performanceMetrics");
    for (index, _) in r.array(&metrics).iter().enumerate() {
        let at = metrics.index(index);
        r.enter(&at);
        let mut result = MetricResult {
            metric: r.text(&at.key("type")),
            value: r.text(&at.key("value")),
            ..MetricResult::default()
        };
        if let Some(Value::String(slice)) = r.get(&at.key("slice")) {
            let terms = parse_slice(slice);
            if export::slice_text(&terms).as_deref() == Some(slice.as_str()) {
                result.slice = terms;
                r.take(&at.key("slice"));
            }
        }
        let interval = at.key("confidenceInterval");
        result.ci_lower = r.text(&interval.key("lowerBound"));
        result.ci_upper = r.text(&interval.key("upperBound"));
        card.quantitative_analysis.results.push(result);
    }
    card.quantitative_analysis.graphics = read_graphics(r, &analysis.key("graphics"));

    let considerations = m.key("considerations");
    card.intended_use.primary_users = r.list_text(&considerations.key("users"));
    card.intended_use.direct_use = r.list_text(&considerations.key("useCases"));
    card.bias_risks_limitations.limitations =
        r.list_text(&considerations.key("technicalLimitations"));
    card.caveats_and_recommendations = r.list_text(&considerations.key("performanceTradeoffs"));
    let risks = considerations.key("ethicalConsiderations");
    for (index, _) in r.array(&risks).iter().enumerate() {
        let at = risks.index(index);
        r.enter(&at);
        let risk = r.text(&at.key("name"));
        let mitigation = r.text(&at.key("mitigationStrategy"));
        card.ethical_considerations.risks.push(Risk { risk, mitigation });
    }
    let assessments = considerations.key("fairnessAssessments");
    for (index, _) in r.array(&assessments).iter().enumerate() {
        let at = assessments.index(index);
        r.enter(&at);
        card.ethical_considerations.fairness_assessments.push(FairnessAssessment {
            group_at_risk: r.text(&at.key("groupAtRisk")),
            benefits: r.text(&at.key("benefits")),
            harms: r.text(&at.key("harms")),
            mitigation: r.text(&at.key("mitigationStrategy")),
        });
    }
    read_energy(r, &considerations.key("environmentalConsiderations"), card);
}

/// The first energy consumption, when the export writes it back: its energy figure
/// converts exactly, and so the entry is made again.
fn read_energy(r: &mut Reader, environment: &Path, card: &mut Card) {
    let consumption = environment.key("energyConsumptions").index(0);
    let cost = consumption.key("activityEnergyCost");
    let measure = |r: &Reader, at: &Path, unit: &str| -> Option<serde_json::Number> {
        let object = r.get(at)?.as_object()?;
        let exact = object.len() == 2 && object.get("unit").and_then(Value::as_str) == Some(unit);
        match object.get("value") {
            Some(Value::Number(value)) if exact => Some(value.clone()),
            _ => None,
        }
    };
    let Some(kwh) = measure(r, &cost, "kWh") else { return };
    let Some(energy) = units::energy_from_bom(&kwh).filter(|text| {
        units::energy_to_bom(text).is_some_and(|back| back.as_f64() == kwh.as_f64())
    }) else {
        return;
    };
    let Some(Value::String(activity)) = r.get(&consumption.key("activity")) else { return };
    let e = &mut card.environmental_impact;
    e.energy_consumed = energy;
    e.co2_training_type = activity.clone();
    r.take(&consumption.key("activity"));
    r.take(&cost);
    let co2 = consumption.key("co2CostEquivalent");
    if let Some(tonnes) = measure(r, &co2, "tCO2eq")
        && let Some(kg) = units::co2_from_bom(&tonnes).filter(|text| {
            units::co2_to_bom(text).is_some_and(|back| back.as_f64() == tonnes.as_f64())
        })
    {
        card.environmental_impact.co2_emitted = kg;
        r.take(&co2);
    }
    let providers = consumption.key("energyProviders");
    r.enter(&providers);
    let provider = providers.index(0);
    let name = provider.key("organization").key("name");
    if matches!(r.get(&name), Some(Value::String(n)) if has_content(n)) {
        card.environmental_impact.cloud_provider = r.text(&name);
        if r.get(&provider.key("energySource")).and_then(Value::as_str) == Some("unknown") {
            r.take(&provider.key("energySource"));
        }
        if measure(r, &provider.key("energyProvided"), "kWh")
            .is_some_and(|value| value.as_f64() == kwh.as_f64())
        {
            r.take(&provider.key("energyProvided"));
        }
    }
}

fn read_licence(r: &mut Reader, licences: &Path, card: &mut Card) {
    let first = licences.index(0);
    let Some(Value::Object(choice)) = r.get(&first) else { return };
    if let Some(Value::Object(object)) = choice.get("license") {
        if let Some(read) = licence::from_license(object) {
            for key in read.taken {
                r.take(&first.key("license").key(key));
            }
            card.model_details.license = read.licence;
        }
    } else if let Some(Value::String(expression)) = choice.get("expression")
        && let Some(read) = licence::from_expression(expression)
    {
        r.take(&first.key("expression"));
        card.model_details.license = read;
    }
}

fn read_references(r: &mut Reader, references: &Path, card: &mut Card) {
    let links = &mut card.model_details.links;
    for (index, reference) in r.array(references).iter().enumerate() {
        let Some(object) = reference.as_object() else { continue };
        let text = |key: &str| object.get(key).and_then(Value::as_str);
        let Some(url) =
            text("url").filter(|u| has_content(u) && u.trim() == *u && schema::is_iri_reference(u))
        else {
            continue;
        };
        let target = match (text("type"), text("comment"), object.len()) {
            (Some("vcs"), None, 2) => &mut links.repository,
            (Some("documentation"), Some(PAPER), 3) => &mut links.paper,
            (Some("website"), Some(DEMO), 3) => &mut links.demo,
            _ => continue,
        };
        if target.is_empty() {
            *target = url.to_owned();
            r.take(&references.index(index));
        }
    }
}

fn read_datasets(r: &mut Reader, datasets: &Path, card: &mut Card, training_count: Option<usize>) {
    let mut read: Vec<Dataset> = Vec::new();
    for (index, item) in r.array(datasets).iter().enumerate() {
        if item.get("type").and_then(Value::as_str) != Some("dataset") {
            continue;
        }
        let at = datasets.index(index);
        r.enter(&at);
        r.take(&at.key("type"));
        let mut dataset = Dataset {
            name: r.text(&at.key("name")),
            description: r.text(&at.key("description")),
            ..Dataset::default()
        };
        let url = at.key("contents").key("url");
        if let Some(Value::String(link)) = r.get(&url)
            && has_content(link)
            && link.trim() == link
            && schema::is_iri_reference(link)
        {
            dataset.link = link.clone();
            r.take(&url);
        }
        let sensitive = at.key("sensitiveData");
        if let Some(list) = r.get(&sensitive).and_then(Value::as_array) {
            let lines: Option<Vec<String>> =
                list.iter().map(|l| l.as_str().map(str::to_owned)).collect();
            if let Some(lines) = lines.filter(|l| !l.is_empty()) {
                let notes = lines.join("\n");
                if export::sensitive_lines(&notes).as_ref() == Some(&lines) {
                    dataset.sensitive = true;
                    dataset.sensitive_notes = notes;
                    r.take(&sensitive);
                }
            }
        }
        dataset.graphics = read_graphics(r, &at.key("graphics"));
        read.push(dataset);
    }
    let names: Vec<&str> = read.iter().map(|d| d.name.as_str()).collect();
    let training = training_count.unwrap_or_else(|| export::split_by_name(&names)).min(read.len());
    card.evaluation_data.datasets = read.split_off(training);
    card.training_data.datasets = read;
}

fn read_graphics(r: &mut Reader, graphics: &Path) -> Vec<Graphic> {
    let collection = graphics.key("collection");
    let mut out = Vec::new();
    for (index, item) in r.array(&collection).iter().enumerate() {
        let image = item.get("image");
        let content = image.and_then(|i| i.get("content")).and_then(Value::as_str);
        let base64 =
            image.and_then(|i| i.get("encoding")).and_then(Value::as_str) == Some("base64");
        let Some(content) = content.filter(|c| base64 && !c.is_empty()) else { continue };
        let at = collection.index(index);
        r.enter(&at);
        let name = r.text(&at.key("name"));
        let image_at = at.key("image");
        r.take(&image_at.key("content"));
        r.take(&image_at.key("encoding"));
        if image.and_then(|i| i.get("contentType")).and_then(Value::as_str)
            == Some(export::image_type(content))
        {
            r.take(&image_at.key("contentType"));
        }
        out.push(Graphic { name, image: content.to_owned() });
    }
    out
}

/// `gender=female, age=18-25` as terms; a part without `=` is a term without a factor.
fn parse_slice(text: &str) -> Vec<SliceTerm> {
    text.split(", ")
        .map(|part| match part.split_once('=') {
            Some((factor, value)) => SliceTerm::new(factor, value),
            None => SliceTerm::new("", part),
        })
        .collect()
}
