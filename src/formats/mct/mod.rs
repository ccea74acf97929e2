//! Google's Model Card Toolkit JSON: read from schema v0.0.1 (upgraded the way MCT's
//! `json_utils.update()` does) and v0.0.2, written as v0.0.2. Keys with no field here
//! are kept, with their path, and written back; our fields with no place in MCT go to
//! the closest MCT field or are listed in the export report.

use serde_json::{Map, Value, json};

use crate::card::{
    Card, Dataset, Graphic, MetricResult, Owner, Risk, SliceTerm, UnknownField, has_content,
    licenses,
};
use crate::formats::json::Document;

/// What an MCT import or export could not map one to one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub mapped: Vec<String>,
    /// Keys kept as they were, by JSON path.
    pub kept_raw: Vec<String>,
    pub notes: Vec<String>,
}

/// Whether a JSON object looks like an MCT card.
pub fn looks_like_mct(object: &Map<String, Value>) -> bool {
    !object.contains_key("card")
        && ["model_details", "model_parameters", "quantitative_analysis", "considerations"]
            .iter()
            .any(|k| object.contains_key(*k))
}

/// Reads an MCT card of schema v0.0.1 or v0.0.2.
pub fn import(value: Value) -> Result<(Document, Report), String> {
    let Value::Object(mut root) = value else {
        return Err("a Model Card Toolkit card must be a JSON object".into());
    };
    let mut report = Report::default();
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
    if let Some(iso) = us_date_to_iso(date) {
        report.notes.push(format!("The version date {date} was read as {iso} (YYYY-MM-DD)."));
        *date = iso;
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

/// MCT's `_update_from_v1_to_v2`, step for step.
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

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
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

/// "a" or "- a\n- b": one item is plain text, several a Markdown list.
fn bullets(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        many => many
            .iter()
            .map(|item| format!("- {}", item.replace('\n', "\n  ")))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The inverse of [`bullets`].
fn items(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    if !text.starts_with("- ") {
        return vec![text.to_owned()];
    }
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        match line.strip_prefix("- ") {
            Some(item) => items.push(item.to_owned()),
            None => {
                if let Some(last) = items.last_mut() {
                    last.push('\n');
                    last.push_str(line.strip_prefix("  ").unwrap_or(line));
                }
            }
        }
    }
    items
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

/// Writes an MCT v0.0.2 card, and reports what had to move or could not go.
pub fn export(document: &Document) -> (String, Report) {
    let card = &document.card;
    let mut report = Report::default();
    let d = &card.model_details;
    let mut details = Map::new();
    put(&mut details, "name", &d.name);
    put(&mut details, "overview", &d.summary);
    put(&mut details, "documentation", &d.description);
    let owners: Vec<Value> = d
        .owners
        .iter()
        .filter(|o| has_content(&o.name))
        .map(|o| object(&[("name", &o.name), ("contact", &o.contact)]))
        .collect();
    put_array(&mut details, "owners", owners);
    let date = iso_date(&d.version.date, &mut report);
    let version =
        object(&[("name", &d.version.name), ("date", &date), ("diff", &d.version.changes)]);
    if !is_empty(&version) {
        details.insert("version".into(), version);
    }
    let licence = if d.license.is_other() {
        object(&[(
            "custom_text",
            if d.license.name.is_empty() { &d.license.link } else { &d.license.name },
        )])
    } else {
        object(&[("identifier", &d.license.id)])
    };
    if !is_empty(&licence) {
        details.insert("licenses".into(), json!([licence]));
    }
    let references: Vec<Value> =
        items(&card.more.more_information).iter().map(|r| json!({ "reference": r })).collect();
    put_array(&mut details, "references", references);
    let mut citations = Vec::new();
    if has_content(&d.citation.bibtex) {
        citations.push(json!({ "style": "BibTeX", "citation": d.citation.bibtex }));
    }
    if has_content(&d.citation.apa) {
        citations.push(json!({ "citation": d.citation.apa }));
    }
    put_array(&mut details, "citations", citations);

    let mut parameters = Map::new();
    put(&mut parameters, "model_architecture", &d.architecture);
    let data: Vec<Value> = card
        .training_data
        .datasets
        .iter()
        .chain(&card.evaluation_data.datasets)
        .map(dataset)
        .collect();
    put_array(&mut parameters, "data", data);

    let mut analysis = Map::new();
    let metrics: Vec<Value> = card
        .quantitative_analysis
        .results
        .iter()
        .filter(|r| has_content(&r.metric))
        .map(|r| {
            let mut metric = Map::new();
            put(&mut metric, "type", &r.metric);
            put(&mut metric, "value", &r.value);
            if r.slice.iter().any(|t| !t.is_blank()) {
                metric.insert("slice".into(), r.slice_label().into());
            }
            let interval = object(&[("lower_bound", &r.ci_lower), ("upper_bound", &r.ci_upper)]);
            if !is_empty(&interval) {
                metric.insert("confidence_interval".into(), interval);
            }
            put(&mut metric, "threshold", &r.threshold);
            Value::Object(metric)
        })
        .collect();
    put_array(&mut analysis, "performance_metrics", metrics);
    if !card.quantitative_analysis.graphics.is_empty() {
        analysis.insert("graphics".into(), graphics(&card.quantitative_analysis.graphics));
    }

    // Our fields with no MCT place go to the closest one, and the report says so.
    let mut limitations = items(&card.bias_risks_limitations.limitations);
    let mut moved = |label: &str, text: &str, into: &str, list: &mut Vec<String>| {
        if has_content(text) {
            list.push(format!("{label}: {}", text.trim()));
            report.notes.push(format!("{label} went into considerations.{into}."));
        }
    };
    moved(
        "Out-of-scope uses",
        &card.intended_use.out_of_scope_use,
        "limitations",
        &mut limitations,
    );
    moved("Relevant factors", &card.factors.relevant_factors, "limitations", &mut limitations);
    moved("Evaluation factors", &card.factors.evaluation_factors, "limitations", &mut limitations);
    let mut use_cases = items(&card.intended_use.direct_use);
    moved("Downstream uses", &card.intended_use.downstream_use, "use_cases", &mut use_cases);
    let mut tradeoffs = items(&card.caveats_and_recommendations);
    moved(
        "Recommendations",
        &card.bias_risks_limitations.recommendations,
        "tradeoffs",
        &mut tradeoffs,
    );
    moved("Decision thresholds", &card.metrics.decision_thresholds, "tradeoffs", &mut tradeoffs);
    let mut considerations = Map::new();
    let described = |list: Vec<String>| -> Vec<Value> {
        list.into_iter().map(|item| json!({ "description": item })).collect()
    };
    put_array(&mut considerations, "users", described(items(&card.intended_use.primary_users)));
    put_array(&mut considerations, "use_cases", described(use_cases));
    put_array(&mut considerations, "limitations", described(limitations));
    put_array(&mut considerations, "tradeoffs", described(tradeoffs));
    let risks: Vec<Value> = card
        .ethical_considerations
        .risks
        .iter()
        .filter(|r| has_content(&r.risk))
        .map(|r| object(&[("name", &r.risk), ("mitigation_strategy", &r.mitigation)]))
        .collect();
    put_array(&mut considerations, "ethical_considerations", risks);

    let mut root = Map::new();
    root.insert("schema_version".into(), "0.0.2".into());
    for (key, part) in [
        ("model_details", details),
        ("model_parameters", parameters),
        ("quantitative_analysis", analysis),
        ("considerations", considerations),
    ] {
        if !part.is_empty() {
            root.insert(key.into(), Value::Object(part));
        }
    }
    let mut root = Value::Object(root);
    for field in &card.mct.unknown {
        let placed = serde_json::from_str::<Value>(&field.json)
            .is_ok_and(|value| insert_at(&mut root, &field.path, value));
        if !placed {
            report
                .notes
                .push(format!("{} could not be placed again and was left out.", field.path));
        }
    }
    report_unplaced(card, &mut report);
    let text = crate::formats::json::prettify(&root.to_string());
    (format!("{text}\n"), report)
}

/// MCT's schema wants `YYYY-MM-DD`. A US-style `MM/DD/YYYY` (as MCT's own examples
/// write) is converted; anything else is left out of the export, and reported.
fn iso_date(date: &str, report: &mut Report) -> String {
    let date = date.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = date.split('-').collect();
    if date.is_empty()
        || matches!(parts[..], [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2))
    {
        return date.to_owned();
    }
    if let Some(iso) = us_date_to_iso(date) {
        report
            .notes
            .push(format!("The version date {date} was written as {iso}, the form MCT requires."));
        return iso;
    }
    report.notes.push(format!(
        "The version date \"{date}\" is not a date MCT accepts (YYYY-MM-DD), so it was left out."
    ));
    String::new()
}

/// `08/28/2020` → `2020-08-28`.
fn us_date_to_iso(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.trim().split('/').collect();
    let [m, d, y] = parts[..] else { return None };
    let valid = y.len() == 4
        && y.chars().all(|c| c.is_ascii_digit())
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
        && d.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    valid.then(|| format!("{y}-{m:0>2}-{d:0>2}"))
}

fn dataset(dataset: &Dataset) -> Value {
    let mut item = Map::new();
    put(&mut item, "name", &dataset.name);
    put(&mut item, "link", &dataset.link);
    put(&mut item, "description", &dataset.description);
    if dataset.sensitive {
        let notes: Vec<Value> = dataset
            .sensitive_notes
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.into())
            .collect();
        item.insert("sensitive".into(), json!({ "sensitive_data": notes }));
    }
    if !dataset.graphics.is_empty() {
        item.insert("graphics".into(), graphics(&dataset.graphics));
    }
    Value::Object(item)
}

fn graphics(graphics: &[Graphic]) -> Value {
    let collection: Vec<Value> =
        graphics.iter().map(|g| object(&[("name", &g.name), ("image", &g.image)])).collect();
    json!({ "collection": collection })
}

fn put(map: &mut Map<String, Value>, key: &str, value: &str) {
    if has_content(value) {
        map.insert(key.into(), value.into());
    }
}

fn put_array(map: &mut Map<String, Value>, key: &str, items: Vec<Value>) {
    if !items.is_empty() {
        map.insert(key.into(), Value::Array(items));
    }
}

fn object(pairs: &[(&str, &String)]) -> Value {
    let mut map = Map::new();
    for (key, value) in pairs {
        put(&mut map, key, value);
    }
    Value::Object(map)
}

/// Puts a kept value back at its JSON pointer, creating objects on the way. Arrays must
/// already have the item.
fn insert_at(root: &mut Value, pointer: &str, value: Value) -> bool {
    let parts: Vec<String> =
        pointer.split('/').skip(1).map(|p| p.replace("~1", "/").replace("~0", "~")).collect();
    let Some((last, parents)) = parts.split_last() else { return false };
    let mut node = root;
    for part in parents {
        node = match node {
            Value::Object(map) => {
                map.entry(part.clone()).or_insert_with(|| Value::Object(Map::new()))
            }
            Value::Array(items) => {
                match part.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                    Some(item) => item,
                    None => return false,
                }
            }
            _ => return false,
        };
    }
    match node {
        Value::Object(map) => {
            map.insert(last.clone(), value);
            true
        }
        _ => false,
    }
}

/// Lists the card's content that has no place in MCT at all.
fn report_unplaced(card: &Card, report: &mut Report) {
    let unplaced = [
        ("model type", &card.model_details.model_type),
        ("funded by", &card.model_details.funded_by),
        ("shared by", &card.model_details.shared_by),
        ("contact", &card.model_details.contact),
        ("performance measures", &card.metrics.performance_measures),
        ("uncertainty and variation", &card.metrics.variation_approaches),
        ("training data notes", &card.training_data.notes),
        ("evaluation data notes", &card.evaluation_data.notes),
        ("training procedure", &card.training_procedure.hyperparameters),
        ("results summary", &card.quantitative_analysis.summary),
        ("ethical notes", &card.ethical_considerations.notes),
        ("environmental impact", &card.environmental_impact.co2_emitted),
        ("technical specifications", &card.technical_specifications.architecture_and_objective),
        ("how to get started", &card.get_started.code),
        ("glossary", &card.more.glossary),
        ("card authors", &card.more.card_authors),
    ];
    let missing: Vec<&str> =
        unplaced.iter().filter(|(_, text)| has_content(text)).map(|(label, _)| *label).collect();
    if !missing.is_empty() {
        report.notes.push(format!(
            "MCT has no place for: {}. Keep the JSON or Markdown export for them.",
            missing.join(", ")
        ));
    }
    if !card.custom_sections.is_empty() {
        report.notes.push(format!(
            "MCT has no place for the {} custom section(s).",
            card.custom_sections.len()
        ));
    }
}

#[cfg(test)]
mod tests;
