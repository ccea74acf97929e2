//! The `model-index` of a Hugging Face README: read into structured results, and written
//! from them, grouped by task and dataset as they came, nothing merged, nothing dropped.

use serde_json::{Map, Value as Json};

use super::yaml_edit::{self, Quote};
use crate::card::{Card, HfResultDetails, MetricResult, SliceTerm};
use crate::formats::yaml::{Node, number_or_string, quoted, string};

/// Our own values travel in a metric's `args` under this key: slice, interval, threshold.
const OURS: &str = "model_card_studio";

/// Reads a model-index. Fails, naming the place, on anything the Hub would not read or
/// that this app could not write back exactly; the caller then keeps it as written.
pub fn import(node: &Node, first_line: usize) -> Result<(String, Vec<MetricResult>), String> {
    let at = |n: &Node, what: &str| {
        format!("{what} (line {}, column {})", first_line + n.line - 1, n.col + 1)
    };
    let models = node.items().ok_or_else(|| at(node, "model-index must be a list"))?;
    let [model] = models else {
        return Err(at(node, "model-index must describe exactly one model"));
    };
    expect_keys(model, &["name", "results"], "model-index entry").map_err(|m| at(model, &m))?;
    let name = model.get("name").and_then(Node::text).unwrap_or_default().to_owned();
    let results_node =
        model.get("results").ok_or_else(|| at(model, "model-index entry has no results"))?;
    let entries = results_node
        .items()
        .ok_or_else(|| at(results_node, "model-index results must be a list"))?;
    let mut results = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        expect_keys(entry, &["task", "dataset", "metrics", "source"], "result")
            .map_err(|m| at(entry, &m))?;
        let task = entry.get("task").ok_or_else(|| at(entry, "a result has no task"))?;
        expect_keys(task, &["type", "name"], "task").map_err(|m| at(task, &m))?;
        let task_type = text(task, "type").ok_or_else(|| at(task, "a task has no type"))?;
        let dataset = entry.get("dataset").ok_or_else(|| at(entry, "a result has no dataset"))?;
        expect_keys(dataset, &["type", "name", "config", "split", "revision", "args"], "dataset")
            .map_err(|m| at(dataset, &m))?;
        let dataset_type =
            text(dataset, "type").ok_or_else(|| at(dataset, "a dataset has no type"))?;
        let dataset_name =
            text(dataset, "name").ok_or_else(|| at(dataset, "a dataset has no name"))?;
        // What an export writes for a result that names no dataset reads back as none.
        let (dataset_name, dataset_type) =
            if dataset_name == NO_DATASET && dataset_type == NO_DATASET {
                (String::new(), String::new())
            } else {
                (dataset_name, dataset_type)
            };
        let source = entry.get("source");
        if let Some(source) = source {
            expect_keys(source, &["name", "url"], "source").map_err(|m| at(source, &m))?;
        }
        let metrics_node =
            entry.get("metrics").ok_or_else(|| at(entry, "a result has no metrics"))?;
        let metrics =
            metrics_node.items().ok_or_else(|| at(metrics_node, "metrics must be a list"))?;
        for metric in metrics {
            expect_keys(
                metric,
                &["type", "value", "name", "config", "args", "verified", "verifyToken"],
                "metric",
            )
            .map_err(|m| at(metric, &m))?;
            let metric_type =
                text(metric, "type").ok_or_else(|| at(metric, "a metric has no type"))?;
            let value_node =
                metric.get("value").ok_or_else(|| at(metric, "a metric has no value"))?;
            let value = value_node
                .text()
                .ok_or_else(|| at(value_node, "a metric value must be a number or text"))?;
            let mut result = MetricResult {
                metric: metric_type,
                value: value.to_owned(),
                dataset: dataset_name.clone(),
                split: text(dataset, "split").unwrap_or_default(),
                task: task_type.clone(),
                hf: HfResultDetails {
                    task_name: text(task, "name").unwrap_or_default(),
                    dataset_type: dataset_type.clone(),
                    dataset_config: text(dataset, "config").unwrap_or_default(),
                    dataset_revision: text(dataset, "revision").unwrap_or_default(),
                    dataset_args: dataset
                        .get("args")
                        .map(|a| a.to_json().to_string())
                        .unwrap_or_default(),
                    metric_name: text(metric, "name").unwrap_or_default(),
                    metric_config: text(metric, "config").unwrap_or_default(),
                    metric_args: String::new(),
                    verified: match metric.get("verified").and_then(Node::text) {
                        Some("true") => Some(true),
                        Some("false") => Some(false),
                        Some(_) => return Err(at(metric, "verified must be true or false")),
                        None => None,
                    },
                    verify_token: text(metric, "verifyToken").unwrap_or_default(),
                    source_name: source.and_then(|s| text(s, "name")).unwrap_or_default(),
                    source_url: source.and_then(|s| text(s, "url")).unwrap_or_default(),
                    entry: u32::try_from(index).ok(),
                },
                ..MetricResult::default()
            };
            if let Some(args) = metric.get("args") {
                read_args(args.to_json(), &mut result);
            }
            results.push(result);
        }
    }
    Ok((name, results))
}

fn text(node: &Node, key: &str) -> Option<String> {
    node.get(key).and_then(Node::text).map(str::to_owned)
}

/// Fails on keys the Hub's format does not have: they could not be written back.
fn expect_keys(node: &Node, allowed: &[&str], what: &str) -> Result<(), String> {
    let entries = node.entries().ok_or_else(|| format!("a {what} must be a mapping"))?;
    match entries.iter().find(|(k, _)| !k.text().is_some_and(|k| allowed.contains(&k))) {
        Some((key, _)) => Err(format!(
            "a {what} has the key \"{}\", which this app does not map",
            key.text().unwrap_or("?")
        )),
        None => Ok(()),
    }
}

/// Takes our own values out of `args` and keeps the rest as JSON text.
fn read_args(args: Json, result: &mut MetricResult) {
    let Json::Object(mut args) = args else {
        result.hf.metric_args = args.to_string();
        return;
    };
    if let Some(Json::Object(ours)) = args.remove(OURS) {
        let get = |key: &str| ours.get(key).and_then(Json::as_str).unwrap_or_default().to_owned();
        result.ci_lower = get("ci_lower");
        result.ci_upper = get("ci_upper");
        result.threshold = get("threshold");
        if let Some(Json::Array(terms)) = ours.get("slice") {
            result.slice = terms
                .iter()
                .filter_map(|term| {
                    let pair = term.as_array()?;
                    Some(SliceTerm::new(pair.first()?.as_str()?, pair.get(1)?.as_str()?))
                })
                .collect();
        }
    }
    if !args.is_empty() {
        result.hf.metric_args = Json::Object(args).to_string();
    }
}

/// The key a result is grouped by when it did not come from a model-index entry.
fn group_key(result: &MetricResult) -> (Option<u32>, [&str; 8]) {
    let hf = &result.hf;
    (
        hf.entry,
        [
            &result.task,
            &hf.task_name,
            &result.dataset,
            &hf.dataset_type,
            &hf.dataset_config,
            &result.split,
            &hf.source_name,
            &hf.source_url,
        ],
    )
}

/// Writes the model-index for the card's results, or `None` when there are none.
pub fn export(card: &Card) -> Option<String> {
    let results: Vec<&MetricResult> = card
        .quantitative_analysis
        .results
        .iter()
        .filter(|r| !r.metric.trim().is_empty() && !r.value.trim().is_empty())
        .collect();
    if results.is_empty() {
        return None;
    }
    let name = if card.hf_metadata.model_index_name.trim().is_empty() {
        card.model_details.name.trim()
    } else {
        card.hf_metadata.model_index_name.trim()
    };
    let mut out = format!(
        "model-index:\n- name: {}\n  results:\n",
        string(if name.is_empty() { "model" } else { name })
    );
    write_groups(&mut out, card, &results);
    Some(out)
}

/// Writes results as entries: consecutive results that share a task, dataset and source
/// (and came from one entry) form one.
fn write_groups(out: &mut String, card: &Card, results: &[&MetricResult]) {
    let mut rest = results;
    while let Some(first) = rest.first() {
        let key = group_key(first);
        let count = rest.iter().take_while(|r| group_key(r) == key).count().max(1);
        let (group, after) = rest.split_at(count.min(rest.len()));
        write_entry(out, card, group);
        rest = after;
    }
}

/// The dataset name and type the Hub requires, written when a result names none.
const NO_DATASET: &str = "unknown";

fn write_entry(out: &mut String, card: &Card, group: &[&MetricResult]) {
    let Some(first) = group.first() else { return };
    let hf = &first.hf;
    let (task_type, dataset_type, dataset_name) = required_ids(card, first);
    out.push_str(&format!("  - task:\n      type: {}\n", string(task_type)));
    field(out, 6, "name", &hf.task_name);
    out.push_str(&format!(
        "    dataset:\n      name: {}\n      type: {}\n",
        string(&dataset_name),
        string(&dataset_type)
    ));
    field(out, 6, "config", &hf.dataset_config);
    field(out, 6, "split", &first.split);
    field(out, 6, "revision", &hf.dataset_revision);
    raw_json(out, 6, "args", &hf.dataset_args);
    out.push_str("    metrics:\n");
    for result in group {
        let hf = &result.hf;
        out.push_str(&format!(
            "    - type: {}\n      value: {}\n",
            string(&result.metric),
            number_or_string(&result.value)
        ));
        field(out, 6, "name", &hf.metric_name);
        field(out, 6, "config", &hf.metric_config);
        let args = metric_args(result);
        if !args.is_empty() {
            out.push_str(&format!(
                "      args: {}\n",
                crate::formats::yaml::escape_unprintable(&Json::Object(args).to_string())
            ));
        }
        if let Some(verified) = hf.verified {
            out.push_str(&format!("      verified: {verified}\n"));
        }
        field(out, 6, "verifyToken", &hf.verify_token);
    }
    if !hf.source_name.trim().is_empty() || !hf.source_url.trim().is_empty() {
        out.push_str("    source:\n");
        field(out, 6, "name", &hf.source_name);
        field(out, 6, "url", &hf.source_url);
    }
}

/// A metric's `args`: what it had, plus our slice, interval and threshold.
fn metric_args(result: &MetricResult) -> Map<String, Json> {
    let mut args = match serde_json::from_str::<Json>(&result.hf.metric_args) {
        Ok(Json::Object(args)) => args,
        _ => Map::new(),
    };
    let mut ours = Map::new();
    let terms: Vec<Json> = result
        .slice
        .iter()
        .filter(|t| !t.is_blank())
        .map(|t| Json::Array(vec![t.factor.clone().into(), t.value.clone().into()]))
        .collect();
    if !terms.is_empty() {
        ours.insert("slice".into(), Json::Array(terms));
    }
    for (key, value) in [
        ("ci_lower", &result.ci_lower),
        ("ci_upper", &result.ci_upper),
        ("threshold", &result.threshold),
    ] {
        if !value.trim().is_empty() {
            ours.insert(key.into(), value.clone().into());
        }
    }
    if !ours.is_empty() {
        args.insert(OURS.into(), Json::Object(ours));
    }
    args
}

fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    if !value.trim().is_empty() {
        out.push_str(&format!("{}{key}: {}\n", " ".repeat(indent), string(value)));
    }
}

/// Nested YAML kept as JSON text is written back as flow YAML (JSON is valid YAML).
fn raw_json(out: &mut String, indent: usize, key: &str, json: &str) {
    if let Ok(value) = serde_json::from_str::<Json>(json) {
        out.push_str(&format!(
            "{}{key}: {}\n",
            " ".repeat(indent),
            crate::formats::yaml::escape_unprintable(&value.to_string())
        ));
    } else if !json.trim().is_empty() {
        out.push_str(&format!("{}{key}: {}\n", " ".repeat(indent), quoted(json)));
    }
}

fn slug(text: &str) -> String {
    let slug: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() { NO_DATASET.to_owned() } else { slug }
}

/// A value the writer would put at a key of the model-index.
#[derive(Debug, Clone, PartialEq)]
enum Wanted {
    Absent,
    Text(String),
    /// A number when it reads as one (a metric's value).
    Number(String),
    Json(Json),
    Bool(bool),
}

impl Wanted {
    fn text(value: &str) -> Self {
        if value.trim().is_empty() { Self::Absent } else { Self::Text(value.to_owned()) }
    }

    fn is(&self, node: Option<&Node>) -> bool {
        match (self, node) {
            (Self::Absent, None) => true,
            (Self::Text(v) | Self::Number(v), Some(n)) => n.text() == Some(v.as_str()),
            (Self::Json(j), Some(n)) => &n.to_json() == j,
            (Self::Bool(b), Some(n)) => n.text() == Some(if *b { "true" } else { "false" }),
            _ => false,
        }
    }

    /// The scalar as YAML, in the style of the one it replaces.
    fn write(&self, old: Option<&str>) -> String {
        let quote = old.map_or(Quote::Plain, Quote::of);
        match self {
            Self::Absent => String::new(),
            Self::Text(v) => quote.write(v),
            Self::Number(v) => {
                let plain = number_or_string(v);
                if quote == Quote::Plain || plain.starts_with('"') { plain } else { quote.write(v) }
            }
            Self::Json(j) => crate::formats::yaml::escape_unprintable(&j.to_string()),
            Self::Bool(b) => b.to_string(),
        }
    }
}

/// The task type and the dataset type and name of an entry, which the Hub requires:
/// the result's own, else filled sensibly (the card's pipeline tag, the dataset's slug).
fn required_ids<'c>(card: &'c Card, first: &'c MetricResult) -> (&'c str, String, String) {
    let task_type = [first.task.as_str(), card.hf_metadata.pipeline_tag.as_str(), "other"]
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .unwrap_or("other");
    let dataset_type = if first.hf.dataset_type.trim().is_empty() {
        slug(&first.dataset)
    } else {
        first.hf.dataset_type.clone()
    };
    let dataset_name =
        if first.dataset.trim().is_empty() { dataset_type.clone() } else { first.dataset.clone() };
    (task_type, dataset_type, dataset_name)
}

/// What the writer puts in an entry (task, dataset, source) for its first result.
fn entry_wanted(card: &Card, first: &MetricResult) -> Vec<([&'static str; 2], Wanted)> {
    let hf = &first.hf;
    let (task_type, dataset_type, dataset_name) = required_ids(card, first);
    let args = match serde_json::from_str::<Json>(&hf.dataset_args) {
        Ok(value) => Wanted::Json(value),
        Err(_) => Wanted::text(&hf.dataset_args),
    };
    vec![
        (["task", "type"], Wanted::Text(task_type.to_owned())),
        (["task", "name"], Wanted::text(&hf.task_name)),
        (["dataset", "name"], Wanted::Text(dataset_name)),
        (["dataset", "type"], Wanted::Text(dataset_type)),
        (["dataset", "config"], Wanted::text(&hf.dataset_config)),
        (["dataset", "split"], Wanted::text(&first.split)),
        (["dataset", "revision"], Wanted::text(&hf.dataset_revision)),
        (["dataset", "args"], args),
        (["source", "name"], Wanted::text(&hf.source_name)),
        (["source", "url"], Wanted::text(&hf.source_url)),
    ]
}

/// What the writer puts in a metric.
fn metric_wanted(result: &MetricResult) -> Vec<(&'static str, Wanted)> {
    let hf = &result.hf;
    let args = metric_args(result);
    vec![
        ("type", Wanted::Text(result.metric.clone())),
        ("value", Wanted::Number(result.value.clone())),
        ("name", Wanted::text(&hf.metric_name)),
        ("config", Wanted::text(&hf.metric_config)),
        ("args", if args.is_empty() { Wanted::Absent } else { Wanted::Json(Json::Object(args)) }),
        ("verified", hf.verified.map_or(Wanted::Absent, Wanted::Bool)),
        ("verifyToken", Wanted::text(&hf.verify_token)),
    ]
}

/// The model-index entry edited in place for the card's results: a changed value is
/// rewritten where it is, in its own quotes; a key the card adds goes after its
/// neighbours; results added after the last one are appended in the file's indentation.
/// `None` when the results were removed or regrouped, which only a new model-index says.
pub fn edit(
    yaml: &str,
    node: &Node,
    entry: (usize, usize),
    card: &Card,
    eol: &str,
) -> Option<String> {
    let (entry_start, entry_end) = entry;
    let (old_name, old) = import(node, 1).ok()?;
    let new: Vec<&MetricResult> = card
        .quantitative_analysis
        .results
        .iter()
        .filter(|r| !r.metric.trim().is_empty() && !r.value.trim().is_empty())
        .collect();
    if new.len() < old.len() || old.is_empty() {
        return None;
    }
    let model = node.items()?.first()?;
    let results_node = model.get("results")?;
    let entries = results_node.items()?;
    // Which results come from which entry, and the same grouping in the card.
    let groups: Vec<usize> = entries
        .iter()
        .map(|e| e.get("metrics").and_then(Node::items).map_or(0, <[Node]>::len))
        .collect();
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let name = if card.hf_metadata.model_index_name.trim().is_empty() {
        card.model_details.name.trim()
    } else {
        card.hf_metadata.model_index_name.trim()
    };
    let name = if name.is_empty() { "model" } else { name };
    if name != old_name {
        let node = model.get("name")?;
        edits.push((
            node.start,
            node.end,
            Quote::of(yaml.get(node.start..node.end).unwrap_or_default()).write(name),
        ));
    }
    let mut index = 0;
    for (entry, &count) in entries.iter().zip(&groups) {
        let group = new.get(index..index + count)?;
        let entry_of_old = old.get(index)?.hf.entry;
        if group.iter().any(|r| r.hf.entry != entry_of_old) {
            return None;
        }
        // Results of one entry must still share it.
        let wanted = entry_wanted(card, group.first()?);
        if group.iter().any(|r| entry_wanted(card, r) != wanted) {
            return None;
        }
        for ([parent, key], want) in wanted {
            let mapping = entry.get(parent);
            let old_value = mapping.and_then(|m| m.get(key));
            if want.is(old_value) {
                continue;
            }
            match mapping {
                Some(mapping) => edit_key(yaml, mapping, key, &want, eol, &mut edits)?,
                None => {
                    let indent = entry.entries()?.first()?.0.col;
                    let at = yaml_edit::value_end(yaml, entry);
                    let text = format!(
                        "{}{parent}:{eol}{}{key}: {}{eol}",
                        " ".repeat(indent),
                        " ".repeat(indent + 2),
                        want.write(None)
                    );
                    edits.push((at, at, text));
                }
            }
        }
        let metrics = entry.get("metrics")?.items()?;
        for (metric, result) in metrics.iter().zip(group) {
            for (key, want) in metric_wanted(result) {
                if !want.is(metric.get(key)) {
                    edit_key(yaml, metric, key, &want, eol, &mut edits)?;
                }
            }
        }
        index += count;
    }
    if index != old.len() {
        return None;
    }
    // Results added after the last: new entries, indented as the others.
    if new.len() > old.len() {
        let mut added = String::new();
        write_groups(&mut added, card, new.get(old.len()..).unwrap_or_default());
        let dash = entries.first().map_or(2, |e| {
            let line = yaml.get(yaml_edit::line_start(yaml, e.start)..e.start).unwrap_or_default();
            line.rfind('-').unwrap_or(2)
        });
        let shifted: String = added
            .lines()
            .map(|line| {
                let line = if dash >= 2 {
                    format!("{}{line}", " ".repeat(dash - 2))
                } else {
                    line.get(2 - dash..).unwrap_or(line).to_owned()
                };
                format!("{line}{eol}")
            })
            .collect();
        let at = yaml_edit::value_end(yaml, results_node);
        edits.push((at, at, shifted));
    }
    let start = entry_start;
    let end = entry_end.max(start);
    let mut out = String::new();
    let mut cursor = start;
    edits.sort_by_key(|e| (e.0, e.1));
    for (from, to, text) in edits {
        if from < cursor || to > end {
            return None;
        }
        out.push_str(yaml.get(cursor..from)?);
        // Lines added where the YAML ends without a line break of its own.
        if from == to && from > 0 && !yaml.get(..from)?.ends_with('\n') {
            out.push_str(eol);
            out.push_str(text.trim_end_matches(['\n', '\r']));
        } else {
            out.push_str(&text);
        }
        cursor = to;
    }
    out.push_str(yaml.get(cursor..end)?);
    Some(out)
}

/// One key of a mapping set to what the writer wants, in place.
fn edit_key(
    yaml: &str,
    mapping: &Node,
    key: &str,
    want: &Wanted,
    eol: &str,
    edits: &mut Vec<(usize, usize, String)>,
) -> Option<()> {
    let pair = mapping.entries()?.iter().find(|(k, _)| k.text() == Some(key));
    let indent = mapping.entries()?.first()?.0.col;
    match (pair, want) {
        (Some((k, _)), Wanted::Absent) => {
            let value = &pair?.1;
            edits.push((
                yaml_edit::line_start(yaml, k.start),
                yaml_edit::value_end(yaml, value).max(yaml_edit::line_end(yaml, k.end)),
                String::new(),
            ));
        }
        (Some((k, v)), Wanted::Json(_)) => {
            let start = yaml_edit::line_start(yaml, k.start);
            let end = yaml_edit::value_end(yaml, v).max(yaml_edit::line_end(yaml, k.end));
            let lead = yaml.get(start..k.start).unwrap_or_default();
            edits.push((start, end, format!("{lead}{key}: {}{eol}", want.write(None))));
        }
        (Some((_, v)), _) if matches!(v.value, crate::formats::yaml::Value::Scalar(_)) => {
            let old = yaml.get(v.start..v.end);
            if old.is_some_and(|o| o.contains('\n')) {
                return None;
            }
            edits.push((v.start, v.end, want.write(old)));
        }
        (Some(_), _) => return None,
        (None, Wanted::Absent) => {}
        (None, _) => {
            let at = yaml_edit::value_end(yaml, mapping);
            edits.push((at, at, format!("{}{key}: {}{eol}", " ".repeat(indent), want.write(None))));
        }
    }
    Some(())
}
