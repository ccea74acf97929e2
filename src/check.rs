//! Everything that can be wrong with a card, as one list of problems that each name a
//! field path: values that are not valid, template example text still in place, required
//! fields still empty, and an approval or publication that does not match the content.
//!
//! `modelcard check` prints this list; the review screen shows the same one.

use std::fmt;

use crate::card::completeness::Completeness;
use crate::card::fields::{self, Access, FieldKind};
use crate::card::value::{Date, number};
use crate::card::{Card, MetricResult, has_example, licenses};
use crate::document::Document;
use crate::formats::hf;
use crate::review::IntegrityFinding;

/// What kind of problem a [`CardProblem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The approval or publication does not match the content.
    Integrity,
    /// A value that is not valid where it is.
    Invalid,
    /// A required field with no content.
    Missing,
    /// Template example text that is still to be replaced.
    Example,
}

/// One problem, at a field path such as `quantitative_analysis.results.2.ci_lower`
/// (which is also the DOM id of the field's control in the editor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardProblem {
    pub kind: Kind,
    pub path: String,
    pub message: String,
}

impl CardProblem {
    fn new(kind: Kind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { kind, path: path.into(), message: message.into() }
    }
}

impl fmt::Display for CardProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem with a document, most serious first: integrity, invalid values,
/// missing required fields, leftover example text.
pub fn check(document: &Document) -> Vec<CardProblem> {
    let card = &document.card;
    let mut problems: Vec<CardProblem> = document
        .workflow
        .integrity_findings(card)
        .into_iter()
        .map(|finding| CardProblem::new(Kind::Integrity, finding.path(), finding.to_string()))
        .collect();
    problems.extend(validate(card));
    problems.extend(Completeness::assess(card).missing_required().map(|missing| {
        CardProblem::new(Kind::Missing, missing.path, format!("{} is required", missing.label))
    }));
    problems.extend(examples(card));
    problems.sort_by_key(|p| p.kind);
    problems
}

/// Every problem with an imported document: what admitting it set aside or did not
/// trust (`findings`, from `formats::import_any`), then [`check`]'s.
pub fn check_imported(document: &Document, findings: &[IntegrityFinding]) -> Vec<CardProblem> {
    let mut problems: Vec<CardProblem> = findings
        .iter()
        .map(|finding| {
            let consequence =
                if finding.voids_status() { "not trusted" } else { "set aside on import" };
            CardProblem::new(Kind::Integrity, finding.path(), format!("{finding}; {consequence}"))
        })
        .collect();
    problems.extend(check(document));
    problems
}

/// Whether a README is exactly the approved export: its status block says the card is
/// approved, and the SHA-256 of the README without the block is the one the block gives.
/// One changed character anywhere outside the block is a problem.
pub fn readme(text: &str) -> Vec<CardProblem> {
    use crate::markdown::status::{self, README_SHA256};
    let problem = |message: String| vec![CardProblem::new(Kind::Integrity, "readme", message)];
    let Some(found) = hf::status_block(text) else {
        return problem(
            "has no status block after its front matter: it is not a README that Model Card Studio exported, or the block was moved or removed".into(),
        );
    };
    if !found.block.is_approved() {
        let notice = found.block.notice.first().map_or("", String::as_str).replace("**", "");
        return problem(format!("is not approved: its status block says \"{}\"", notice.trim()));
    }
    let actual = status::sha256(&status::without(text, &found));
    match found.block.data(README_SHA256) {
        None => problem(format!(
            "its status block gives no {README_SHA256}, so what was approved cannot be checked"
        )),
        Some(expected) if expected != actual => problem(format!(
            "changed since it was exported approved: its text outside the status block has SHA-256 {actual}, the block says {expected}"
        )),
        Some(_) => Vec::new(),
    }
}

/// Values that are not valid where they are. Empty fields are never invalid.
pub fn validate(card: &Card) -> Vec<CardProblem> {
    let mut problems = Vec::new();
    let mut invalid = |path: &str, message: String| {
        problems.push(CardProblem::new(Kind::Invalid, path, message));
    };
    for field in fields::ALL.iter().filter(|f| f.is_shown(card)) {
        let Access::Text(get, _) = field.access else { continue };
        let value = get(card).trim();
        if value.is_empty() {
            continue;
        }
        match field.kind {
            FieldKind::Date if Date::parse_iso(value).is_none() => {
                invalid(field.path, format!("\"{value}\" is not a date as YYYY-MM-DD"))
            }
            FieldKind::License if licenses::full_name(value).is_none() => invalid(
                field.path,
                format!(
                    "\"{value}\" is not a Hugging Face licence id; choose \"{}\" and give its name and link",
                    licenses::OTHER
                ),
            ),
            _ => {}
        }
    }
    let links = [
        ("model_details.license.link", &card.model_details.license.link),
        ("model_details.links.repository", &card.model_details.links.repository),
        ("model_details.links.paper", &card.model_details.links.paper),
        ("model_details.links.demo", &card.model_details.links.demo),
    ];
    for (path, value) in links {
        if let Some(message) = link_problem(value) {
            invalid(path, message);
        }
    }
    for (list, datasets) in [
        (&fields::TRAINING_DATASETS, &card.training_data.datasets),
        (&fields::EVALUATION_DATASETS, &card.evaluation_data.datasets),
    ] {
        for (index, dataset) in datasets.iter().enumerate() {
            if let Some(message) = link_problem(&dataset.link) {
                invalid(&format!("{}.{index}.link", list.path), message);
            }
        }
    }
    for (index, result) in card.quantitative_analysis.results.iter().enumerate() {
        for (key, message) in result_problems(result) {
            invalid(&format!("{}.{index}.{key}", fields::RESULTS.path), message);
        }
    }
    let co2 = card.environmental_impact.co2_emitted.trim();
    if !co2.is_empty() && number(co2).is_none() {
        invalid("environmental_impact.co2_emitted", format!("\"{co2}\" is not a number of kg"));
    }
    for problem in hf::extra_yaml_problems(&card.hf_metadata.extra_yaml) {
        invalid("hf_metadata.extra_yaml", problem);
    }
    problems
}

/// Fields and list items that still hold template example text.
fn examples(card: &Card) -> Vec<CardProblem> {
    const MESSAGE: &str = "still holds template example text; replace or delete it";
    let mut problems = Vec::new();
    for field in fields::ALL.iter().filter(|f| f.is_shown(card)) {
        if field.has_example(card) {
            problems.push(CardProblem::new(Kind::Example, field.path, MESSAGE));
        }
    }
    for list in fields::LISTS {
        for (index, item) in list.item_texts(card).into_iter().enumerate() {
            for (key, _, _) in item.iter().filter(|(_, _, value)| has_example(value)) {
                problems.push(CardProblem::new(
                    Kind::Example,
                    format!("{}.{index}.{key}", list.path()),
                    MESSAGE,
                ));
            }
        }
    }
    problems
}

/// A result whose parts do not fit together: a value with no metric, a confidence
/// interval upside down or not around its value, a slice term with no value.
fn result_problems(result: &MetricResult) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let metric = result.metric.trim();
    let value = result.value.trim();
    if metric.is_empty() && !value.is_empty() {
        problems.push(("metric".into(), "a result needs the name of its metric".into()));
    }
    if value.is_empty() && !metric.is_empty() {
        problems.push(("value".into(), format!("the {metric} result has no value")));
    }
    for (key, bound) in [("ci_lower", &result.ci_lower), ("ci_upper", &result.ci_upper)] {
        let bound = bound.trim();
        if !bound.is_empty() && number(bound).is_none() {
            problems.push((key.into(), format!("\"{bound}\" is not a number")));
        }
    }
    if let (Some(lower), Some(upper)) = (number(&result.ci_lower), number(&result.ci_upper)) {
        if lower > upper {
            problems.push((
                "ci_lower".into(),
                format!("the interval's lower bound {lower} is above its upper bound {upper}"),
            ));
        } else if let Some(value) = number(value)
            && !(lower..=upper).contains(&value)
        {
            problems.push((
                "value".into(),
                format!("{value} lies outside its confidence interval [{lower}, {upper}]"),
            ));
        }
    }
    for (term, slice) in result.slice.iter().enumerate() {
        if slice.value.trim().is_empty() && !slice.factor.trim().is_empty() {
            problems.push((
                format!("slice.{term}.value"),
                format!("the slice term for {} has no value", slice.factor.trim()),
            ));
        }
    }
    problems
}

/// A link must be a web address or a mail address when it has a scheme; a bare Hub id
/// such as `imagenet-1k` or `org/model` is fine.
fn link_problem(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    if link.chars().any(char::is_whitespace) {
        return Some(format!("\"{link}\" is not a link: it contains spaces"));
    }
    let scheme = link.split_once(':').map(|(scheme, _)| scheme).filter(|scheme| {
        scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })?;
    let allowed = ["http", "https", "mailto"];
    (!allowed.iter().any(|a| scheme.eq_ignore_ascii_case(a)))
        .then(|| format!("\"{link}\" is not a web address: links start with https:// or http://"))
}

#[cfg(test)]
mod tests;
