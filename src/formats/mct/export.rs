//! Writing a document as an MCT v0.0.2 card.

use serde_json::{Map, Value, json};

use super::{is_empty, items};
use crate::card::value::Date;
use crate::card::{Card, Dataset, Graphic, has_content};
use crate::document::{self, Document};

/// Writes an MCT v0.0.2 card, and reports what had to move or could not go.
pub fn export(document: &Document) -> (String, Vec<String>) {
    let card = &document.card;
    let mut notes = Vec::new();
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
    let date = iso_date(&d.version.date, &mut notes);
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
            notes.push(format!("{label} went into considerations.{into}."));
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
            notes.push(format!("{} could not be placed again and was left out.", field.path));
        }
    }
    report_unplaced(card, &mut notes);
    let text = document::prettify(&root.to_string());
    (format!("{text}\n"), notes)
}

/// MCT's schema says `YYYY-MM-DD`, as an annotation: MCT validates with no format
/// checker. A US-style `MM/DD/YYYY` (as MCT's own examples write) is converted; any other
/// date stays as written, with a note, so that nothing is dropped.
fn iso_date(date: &str, notes: &mut Vec<String>) -> String {
    let date = date.trim();
    if date.is_empty() || Date::parse_iso(date).is_some() {
        return date.to_owned();
    }
    if let Some(iso) = Date::parse_us(date) {
        notes.push(format!("The version date {date} was written as {iso}, the form MCT requires."));
        return iso.to_string();
    }
    notes.push(format!(
        "The version date \"{date}\" is not YYYY-MM-DD; it is written as it is (MCT does not check date formats)."
    ));
    date.to_owned()
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
fn report_unplaced(card: &Card, notes: &mut Vec<String>) {
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
        notes.push(format!(
            "MCT has no place for: {}. Keep the JSON or Markdown export for them.",
            missing.join(", ")
        ));
    }
    if !card.custom_sections.is_empty() {
        notes.push(format!(
            "MCT has no place for the {} custom section(s).",
            card.custom_sections.len()
        ));
    }
}
