//! Reading an MCT card of schema v0.0.1 or v0.0.2 into a document.

use serde_json::{Map, Value, json};

use super::{MctError, bullets, is_empty};
use crate::card::value::Date;
use crate::card::{
    Card, Dataset, Graphic, MetricResult, Owner, Risk, SliceTerm, UnknownField, licenses,
};
use crate::document::Document;
use crate::formats::ImportReport;

/// Reads an MCT card of schema v0.0.1 or v0.0.2.
pub fn import(value: Value) -> Result<(Document, ImportReport), MctError> {
    let Value::Object(mut root) = value else {
        return Err(MctError::NotAnObject);
    };
    let mut report = ImportReport::default();
    let version = root
        .shift_remove("schema_version")
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    if version == "0.0.1" || is_v1_shaped(&root) {
        upgrade_v1(&mut root);
        report.notes.push(
            "Upgraded from MCT schema 0.0.1 to 0.0.2, as the Model Card Toolkit does.".into(),
        );
    }
    let mut card = Card::default();
    let mut walk = Walk { unknown: Vec::new() };
    if let Some(details) = take_object(&mut root, "model_details") {
        walk.model_details(details, &mut card);
    }
    if let Some(parameters) = take_object(&mut root, "model_parameters") {
        walk.model_parameters(parameters, &mut card);
    }
    if let Some(analysis) = take_object(&mut root, "quantitative_analysis") {
        walk.quantitative_analysis(analysis, &mut card);
    }
    if let Some(considerations) = take_object(&mut root, "considerations") {
        walk.considerations(considerations, &mut card);
    }
    walk.rest("", root);
    for field in &walk.unknown {
        report.kept_raw.push(field.path.clone());
    }
    if !walk.unknown.is_empty() {
        report.notes.push(format!(
            "{} key(s) have no field here; they are kept and written back on MCT export.",
            walk.unknown.len()
        ));
    }
    card.mct.unknown = walk.unknown;
    let date = &mut card.model_details.version.date;
    if let Some(iso) = Date::parse_us(date) {
        report.notes.push(format!("The version date {date} was read as {iso} (YYYY-MM-DD)."));
        *date = iso.to_string();
    }
    report
        .mapped
        .push("model details, parameters, quantitative analysis and considerations".into());
    Ok((Document::new(card), report))
}

/// v0.0.1 has a single `license` string, plain-string references and considerations,
/// and `data` as `{train, eval}`.
fn is_v1_shaped(root: &Map<String, Value>) -> bool {
    let details = root.get("model_details");
    details.and_then(|d| d.get("license")).is_some_and(Value::is_string)
        || root.get("model_parameters").and_then(|p| p.get("data")).is_some_and(Value::is_object)
        || details
            .and_then(|d| d.get("references"))
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(Value::is_string))
}

/// MCT's `_update_from_v1_to_v2`, change for change.
fn upgrade_v1(root: &mut Map<String, Value>) {
    if let Some(Value::Object(details)) = root.get_mut("model_details") {
        if let Some(license) = details.shift_remove("license").filter(|l| !is_empty(l)) {
            details.insert("licenses".into(), json!([{ "custom_text": license }]));
        }
        if let Some(Value::Array(references)) = details.get_mut("references") {
            for reference in references.iter_mut() {
                if reference.is_string() {
                    *reference = json!({ "reference": reference.take() });
                }
            }
        }
        if let Some(citation) = details.shift_remove("citation").filter(|c| !is_empty(c)) {
            details.insert("citations".into(), json!([{ "citation": citation }]));
        }
    }
    if let Some(Value::Object(parameters)) = root.get_mut("model_parameters")
        && let Some(Value::Object(data)) = parameters.get("data").cloned()
    {
        let mut list = Vec::new();
        for (split, default_name) in [("train", "Training Set"), ("eval", "Validation Set")] {
            if let Some(Value::Object(mut dataset)) = data.get(split).cloned() {
                dataset.entry("name").or_insert_with(|| default_name.into());
                list.push(Value::Object(dataset));
            }
        }
        parameters.insert("data".into(), Value::Array(list));
    }
    if let Some(Value::Object(considerations)) = root.get_mut("considerations") {
        for key in ["use_cases", "users", "limitations", "tradeoffs"] {
            if let Some(Value::Array(items)) = considerations.get_mut(key) {
                for item in items.iter_mut() {
                    if item.is_string() {
                        *item = json!({ "description": item.take() });
                    }
                }
            }
        }
    }
}

fn take_object(map: &mut Map<String, Value>, key: &str) -> Option<Map<String, Value>> {
    match map.shift_remove(key)? {
        Value::Object(object) => Some(object),
        other => {
            map.insert(key.to_owned(), other);
            None
        }
    }
}

/// Text of a scalar: strings as they are, numbers and booleans as JSON writes them.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Collects every key it does not take, with its path.
struct Walk {
    unknown: Vec<UnknownField>,
}

impl Walk {
    fn keep(&mut self, path: String, value: Value) {
        self.unknown.push(UnknownField { path, json: value.to_string() });
    }

    /// Keeps whatever is left in an object.
    fn rest(&mut self, path: &str, object: Map<String, Value>) {
        for (key, value) in object {
            self.keep(format!("{path}/{}", escape_pointer(&key)), value);
        }
    }

    /// Takes a string field, keeping it raw if it is not a scalar.
    fn string(&mut self, object: &mut Map<String, Value>, path: &str, key: &str) -> String {
        match object.shift_remove(key) {
            None | Some(Value::Null) => String::new(),
            Some(value) => text(&value).unwrap_or_else(|| {
                self.keep(format!("{path}/{key}"), value);
                String::new()
            }),
        }
    }

    /// Takes an array of objects, handing each with its path to `each`.
    fn objects(
        &mut self,
        object: &mut Map<String, Value>,
        path: &str,
        key: &str,
        mut each: impl FnMut(&mut Self, Map<String, Value>, String),
    ) {
        match object.shift_remove(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (index, item) in items.into_iter().enumerate() {
                    let item_path = format!("{path}/{key}/{index}");
                    match item {
                        Value::Object(item) => each(self, item, item_path),
                        other => self.keep(item_path, other),
                    }
                }
            }
            Some(other) => self.keep(format!("{path}/{key}"), other),
        }
    }

    fn model_details(&mut self, mut details: Map<String, Value>, card: &mut Card) {
        let path = "/model_details";
        let d = &mut card.model_details;
        d.name = self.string(&mut details, path, "name");
        d.summary = self.string(&mut details, path, "overview");
        d.description = self.string(&mut details, path, "documentation");
        let mut owners = Vec::new();
        self.objects(&mut details, path, "owners", |walk, mut owner, p| {
            owners.push(Owner {
                name: walk.string(&mut owner, &p, "name"),
                contact: walk.string(&mut owner, &p, "contact"),
            });
            walk.rest(&p, owner);
        });
        d.owners = owners;
        if let Some(mut version) = take_object(&mut details, "version") {
            let p = format!("{path}/version");
            d.version.name = self.string(&mut version, &p, "name");
            d.version.date = self.string(&mut version, &p, "date");
            d.version.changes = self.string(&mut version, &p, "diff");
            self.rest(&p, version);
        }
        let mut first_licence = true;
        let mut licence = d.license.clone();
        self.objects(&mut details, path, "licenses", |walk, mut item, p| {
            if !first_licence {
                walk.keep(p, Value::Object(item));
                return;
            }
            first_licence = false;
            let identifier = walk.string(&mut item, &p, "identifier");
            let custom = walk.string(&mut item, &p, "custom_text");
            if custom.is_empty() {
                licence.id = identifier;
            } else {
                licence.id = licenses::OTHER.into();
                licence.name = custom;
                if !identifier.is_empty() {
                    walk.keep(format!("{p}/identifier"), identifier.into());
                }
            }
            walk.rest(&p, item);
        });
        card.model_details.license = licence;
        let mut references = Vec::new();
        self.objects(&mut details, path, "references", |walk, mut item, p| {
            references.push(walk.string(&mut item, &p, "reference"));
            walk.rest(&p, item);
        });
        card.more.more_information = bullets(&references);
        let mut citation = card.model_details.citation.clone();
        self.objects(&mut details, path, "citations", |walk, mut item, p| {
            let style = walk.string(&mut item, &p, "style");
            let text = walk.string(&mut item, &p, "citation");
            let target = if style.eq_ignore_ascii_case("bibtex") {
                &mut citation.bibtex
            } else {
                &mut citation.apa
            };
            if target.is_empty()
                && (style.is_empty()
                    || style.eq_ignore_ascii_case("bibtex")
                    || style.eq_ignore_ascii_case("apa"))
            {
                *target = text;
            } else {
                item.insert("style".into(), style.into());
                item.insert("citation".into(), text.into());
            }
            walk.rest(&p, item);
        });
        card.model_details.citation = citation;
        self.rest(path, details);
    }

    fn model_parameters(&mut self, mut parameters: Map<String, Value>, card: &mut Card) {
        let path = "/model_parameters";
        card.model_details.architecture = self.string(&mut parameters, path, "model_architecture");
        let mut training = Vec::new();
        let mut evaluation = Vec::new();
        self.objects(&mut parameters, path, "data", |walk, mut item, p| {
            let mut dataset = Dataset {
                name: walk.string(&mut item, &p, "name"),
                link: walk.string(&mut item, &p, "link"),
                description: walk.string(&mut item, &p, "description"),
                ..Dataset::default()
            };
            if let Some(mut sensitive) = take_object(&mut item, "sensitive") {
                if let Some(Value::Array(notes)) = sensitive.shift_remove("sensitive_data") {
                    let notes: Vec<String> = notes.iter().filter_map(text).collect();
                    dataset.sensitive = !notes.is_empty();
                    dataset.sensitive_notes = notes.join("\n");
                }
                walk.rest(&format!("{p}/sensitive"), sensitive);
            }
            if let Some(graphics) = take_object(&mut item, "graphics") {
                dataset.graphics = walk.graphics(graphics, &format!("{p}/graphics"));
            }
            walk.rest(&p, item);
            let lower = dataset.name.to_lowercase();
            if ["eval", "valid", "test"].iter().any(|w| lower.contains(w)) {
                evaluation.push(dataset);
            } else {
                training.push(dataset);
            }
        });
        card.training_data.datasets = training;
        card.evaluation_data.datasets = evaluation;
        self.rest(path, parameters);
    }

    fn graphics(&mut self, mut collection: Map<String, Value>, path: &str) -> Vec<Graphic> {
        let mut graphics = Vec::new();
        self.objects(&mut collection, path, "collection", |walk, mut item, p| {
            graphics.push(Graphic {
                name: walk.string(&mut item, &p, "name"),
                image: walk.string(&mut item, &p, "image"),
            });
            walk.rest(&p, item);
        });
        self.rest(path, collection);
        graphics
    }

    fn quantitative_analysis(&mut self, mut analysis: Map<String, Value>, card: &mut Card) {
        let path = "/quantitative_analysis";
        let mut results = Vec::new();
        self.objects(&mut analysis, path, "performance_metrics", |walk, mut item, p| {
            let mut result = MetricResult {
                metric: walk.string(&mut item, &p, "type"),
                value: walk.string(&mut item, &p, "value"),
                threshold: walk.string(&mut item, &p, "threshold"),
                ..MetricResult::default()
            };
            let slice = walk.string(&mut item, &p, "slice");
            result.slice = parse_slice(&slice);
            if let Some(mut interval) = take_object(&mut item, "confidence_interval") {
                let ci = format!("{p}/confidence_interval");
                result.ci_lower = walk.string(&mut interval, &ci, "lower_bound");
                result.ci_upper = walk.string(&mut interval, &ci, "upper_bound");
                walk.rest(&ci, interval);
            }
            walk.rest(&p, item);
            results.push(result);
        });
        card.quantitative_analysis.results = results;
        if let Some(graphics) = take_object(&mut analysis, "graphics") {
            card.quantitative_analysis.graphics =
                self.graphics(graphics, &format!("{path}/graphics"));
        }
        self.rest(path, analysis);
    }

    fn considerations(&mut self, mut considerations: Map<String, Value>, card: &mut Card) {
        let path = "/considerations";
        let mut descriptions = |walk: &mut Self, key: &str| {
            let mut list = Vec::new();
            walk.objects(&mut considerations, path, key, |walk, mut item, p| {
                list.push(walk.string(&mut item, &p, "description"));
                walk.rest(&p, item);
            });
            bullets(&list)
        };
        card.intended_use.primary_users = descriptions(self, "users");
        card.intended_use.direct_use = descriptions(self, "use_cases");
        card.bias_risks_limitations.limitations = descriptions(self, "limitations");
        card.caveats_and_recommendations = descriptions(self, "tradeoffs");
        let mut risks = Vec::new();
        self.objects(&mut considerations, path, "ethical_considerations", |walk, mut item, p| {
            risks.push(Risk {
                risk: walk.string(&mut item, &p, "name"),
                mitigation: walk.string(&mut item, &p, "mitigation_strategy"),
            });
            walk.rest(&p, item);
        });
        card.ethical_considerations.risks = risks;
        self.rest(path, considerations);
    }
}

/// "gender=female, age=18-25" as terms; a name without "=" is a term without a factor.
fn parse_slice(text: &str) -> Vec<SliceTerm> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    text.split(", ")
        .map(|part| match part.split_once('=') {
            Some((factor, value)) => SliceTerm::new(factor.trim(), value.trim()),
            None => SliceTerm::new("", part.trim()),
        })
        .collect()
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
