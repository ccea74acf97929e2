//! The readers of a section's own layout: its `- **Label:** value` list, and the tail
//! the template writes after its text (the risks table, our results table, the
//! get-started code, the citation). Each returns the parts it read, with their spans,
//! and the spans it used, so that what is left can be read as the section's text.

use crate::card::{Card, FairnessAssessment, Risk};
use crate::document::source::{Part, Span};
use crate::markdown::headings::{self, FAIRNESS_HEADERS, Home, Section, Tail};
use crate::markdown::template::results_table;

use super::blocks::{Block, Body, FILLER, Kind, normalise};

/// What a section's layout gave: parts (with the spans they were read from) and the
/// spans that are not text of the section.
#[derive(Default)]
pub struct Read {
    pub parts: Vec<(Part, Vec<Span>)>,
    pub used: Vec<Span>,
}

/// One `- **Label:** value` item.
struct ItemLine {
    label: String,
    /// The whole item, without its last line break.
    line: Span,
    /// Its value after the label.
    value: Span,
    text: String,
}

/// Reads a section's items into the card. An item of a field the front matter already
/// gave is read only when it shows the same value (then editing the field keeps both
/// in step); one that says something else stays text of the section, and one that
/// only holds the template's filler is layout.
pub fn items(body: &Body, content: Span, section: &Section, card: &mut Card, read: &mut Read) {
    if section.items.is_empty() {
        return;
    }
    let mut seen: Vec<&str> = Vec::new();
    for line in item_lines(body, content) {
        let Some(item) = headings::lookup_item(section, &line.label) else { continue };
        if seen.contains(&item.id) {
            continue;
        }
        let value = if line.text.trim() == FILLER { String::new() } else { line.text };
        let current = (item.get)(card);
        let part = Part::Item { section: section.id.into(), item: item.id.into() };
        if item.home == Home::FrontMatter && !current.trim().is_empty() {
            if value.is_empty() {
                read.used.push(line.line);
            } else if value.trim() == current.trim() {
                read.used.push(line.line);
                read.parts.push((part, vec![line.value]));
                seen.push(item.id);
            }
            continue;
        }
        (item.set)(card, value.trim());
        read.used.push(line.line);
        read.parts.push((part, vec![line.value]));
        seen.push(item.id);
    }
}

/// The items of the top-level lists in a span.
fn item_lines(body: &Body, content: Span) -> Vec<ItemLine> {
    let mut items = Vec::new();
    for list in body.blocks_in(content).filter(|b| b.kind == Kind::List) {
        let text = body.slice(list.span);
        let mut lines: Vec<(usize, &str)> = Vec::new();
        let mut at = list.span.start;
        for line in text.split_inclusive('\n') {
            lines.push((at, line));
            at += line.len();
        }
        let mut index = 0;
        while let Some(&(start, line)) = lines.get(index) {
            let Some((label, value_at)) = item_start(line) else {
                index += 1;
                continue;
            };
            let mut end = index + 1;
            while let Some(&(_, next)) = lines.get(end) {
                let indented = next.starts_with("  ") || next.starts_with('\t');
                let blank_then_indented = next.trim().is_empty()
                    && lines.get(end + 1).is_some_and(|(_, l)| l.starts_with("  "));
                if !(indented || blank_then_indented) || item_start(next).is_some() {
                    break;
                }
                end += 1;
            }
            let last = lines.get(end - 1).copied().unwrap_or((start, line));
            let item_end = last.0 + last.1.trim_end().len();
            let value = Span::new(start + value_at, item_end.max(start + value_at));
            let mut text = normalise(line.get(value_at..).unwrap_or_default().trim());
            for (_, more) in lines.get(index + 1..end).unwrap_or_default() {
                let more = normalise(more.trim_end_matches(['\n', '\r']));
                text.push('\n');
                text.push_str(more.strip_prefix("  ").unwrap_or(&more));
            }
            let text = text.trim_end().to_owned();
            items.push(ItemLine { label, line: Span::new(start, item_end), value, text });
            index = end;
        }
    }
    items
}

/// `- **Label:** value` (or `* **Label**: value`): the label and where the value starts.
fn item_start(line: &str) -> Option<(String, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.get(indent..)?;
    let rest = rest.strip_prefix("- **").or_else(|| rest.strip_prefix("* **"))?;
    let (label, after) = match (rest.split_once(":**"), rest.split_once("**:")) {
        (Some(a), Some(b)) => {
            if a.0.len() <= b.0.len() {
                a
            } else {
                b
            }
        }
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    if label.contains("**") {
        return None;
    }
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    let value_at = line.len() - after.len() + spaces;
    Some((label.to_owned(), value_at))
}

/// Reads a section's tail into the card. `false` when the section is one whose whole
/// text must be its tail (the get-started code) and it is not.
pub fn tail(
    body: &Body,
    content: Span,
    section: &Section,
    card: &mut Card,
    read: &mut Read,
) -> bool {
    let part = |item: &str| Part::Item { section: section.id.into(), item: item.into() };
    let blocks: Vec<&Block> = body.blocks_in(content).collect();
    match section.tail {
        Tail::None | Tail::Datasets { .. } => true,
        Tail::EthicsTables => {
            // The template's order: the risks' table, then the fairness assessments',
            // each read only when it is where the template puts it, at the end.
            let mut content = blocks.iter().rev().filter(|b| !b.is_layout()).peekable();
            if let Some(block) = content.next_if(|b| rows_under(b, &FAIRNESS_HEADERS).is_some())
                && let Some(rows) = rows_under(block, &FAIRNESS_HEADERS)
            {
                let assessments = rows.iter().map(|row| match row {
                    [group_at_risk, benefits, harms, mitigation] => FairnessAssessment {
                        group_at_risk: group_at_risk.clone(),
                        benefits: benefits.clone(),
                        harms: harms.clone(),
                        mitigation: mitigation.clone(),
                    },
                });
                card.ethical_considerations.fairness_assessments.extend(assessments);
                read.used.push(block.span);
                read.parts.push((part("fairness"), vec![block.span]));
            }
            if let Some(block) = content.next()
                && let Some(rows) = rows_under(block, &["Risk", "Mitigation"])
            {
                let risks = rows.iter().map(|[risk, mitigation]| Risk {
                    risk: risk.clone(),
                    mitigation: mitigation.clone(),
                });
                card.ethical_considerations.risks.extend(risks);
                read.used.push(block.span);
                read.parts.push((part("risks"), vec![block.span]));
            }
            true
        }
        Tail::ResultsTable => {
            // Our own table: written again from the structured results, so an edit of a
            // result keeps it in step.
            let Some(ours) = results_table(card) else { return true };
            let ours = ours.trim_end();
            if let Some(table) = blocks.iter().find(|b| {
                matches!(b.kind, Kind::Table { .. })
                    && normalise(body.slice(b.span)).trim_end() == ours
            }) {
                read.used.push(table.span);
                read.parts.push((part("results"), vec![table.span]));
            }
            true
        }
        Tail::Code => {
            let content_blocks: Vec<&&Block> = blocks.iter().filter(|b| !b.is_layout()).collect();
            let (intro, code) = match content_blocks.as_slice() {
                [code] => (None, code),
                [intro, code] if is_code_intro(body, intro) => (Some(intro), code),
                _ => return false,
            };
            let Kind::Code { info, code: text } = &code.kind else { return false };
            if text.trim().is_empty() {
                return false;
            }
            card.get_started.language = info.trim().to_owned();
            card.get_started.code = format!("{}\n", normalise(text).trim_end_matches('\n'));
            read.used.extend(intro.map(|b| b.span));
            read.used.push(code.span);
            read.parts.push((part("code"), vec![code.span]));
            true
        }
        Tail::Citation => {
            citation(body, &blocks, card, read, &part);
            true
        }
    }
}

/// A table's rows when its header is exactly `headers` and every row has their width.
fn rows_under<const N: usize>(block: &Block, headers: &[&str; N]) -> Option<Vec<[String; N]>> {
    let Kind::Table { rows } = &block.kind else { return None };
    let mut rows = rows.iter();
    if rows.next()? != headers {
        return None;
    }
    rows.map(|row| <[String; N]>::try_from(row.clone()).ok()).collect()
}

fn is_code_intro(body: &Body, block: &Block) -> bool {
    block.kind == Kind::Paragraph
        && body.slice(block.span).trim() == "Use the code below to get started with the model."
}

/// "**BibTeX:**" and a code block (or the filler), then "**APA:**" and its text; or a
/// lone code block. Text before the labels stays text of the section.
fn citation(
    body: &Body,
    blocks: &[&Block],
    card: &mut Card,
    read: &mut Read,
    part: &dyn Fn(&str) -> Part,
) {
    let label = |name: &str| {
        blocks.iter().position(|b| b.kind == Kind::Paragraph && body.slice(b.span).trim() == name)
    };
    let (bib_at, apa_at) = (label("**BibTeX:**"), label("**APA:**"));
    if bib_at.is_none() && apa_at.is_none() {
        let content: Vec<&&Block> = blocks.iter().filter(|b| !b.is_layout()).collect();
        if let [block] = content.as_slice()
            && let Kind::Code { code, .. } = &block.kind
        {
            card.model_details.citation.bibtex = normalise(code).trim_end_matches('\n').to_owned();
            read.used.push(block.span);
            read.parts.push((part("bibtex"), vec![block.span]));
        }
        return;
    }
    if let (Some(bib), Some(apa)) = (bib_at, apa_at)
        && apa < bib
    {
        return;
    }
    let mut found: Vec<(Part, Vec<Span>)> = Vec::new();
    let mut used: Vec<Span> = Vec::new();
    // APA after a lone code block: the code is the BibTeX.
    if let (None, Some(apa)) = (bib_at, apa_at) {
        let before: Vec<&&Block> =
            blocks.get(..apa).unwrap_or_default().iter().filter(|b| !b.is_layout()).collect();
        if let [block] = before.as_slice()
            && let Kind::Code { code, .. } = &block.kind
        {
            card.model_details.citation.bibtex = normalise(code).trim_end_matches('\n').to_owned();
            used.push(block.span);
            found.push((part("bibtex"), vec![block.span]));
        }
    }
    if let Some(bib) = bib_at {
        let end = apa_at.unwrap_or(blocks.len());
        let between: Vec<&&Block> = blocks
            .get(bib + 1..end)
            .unwrap_or_default()
            .iter()
            .filter(|b| b.kind != Kind::Comment)
            .collect();
        let Some(label_span) = blocks.get(bib).map(|b| b.span) else { return };
        used.push(label_span);
        match between.as_slice() {
            [] => found.push((part("bibtex"), vec![Span::new(label_span.end, label_span.end)])),
            [block] if block.kind == Kind::Filler => {
                used.push(block.span);
                found.push((part("bibtex"), vec![block.span]));
            }
            [block] => {
                let Kind::Code { code, .. } = &block.kind else { return };
                card.model_details.citation.bibtex =
                    normalise(code).trim_end_matches('\n').to_owned();
                used.push(block.span);
                found.push((part("bibtex"), vec![block.span]));
            }
            _ => return,
        }
    }
    if let Some(apa) = apa_at {
        let Some(label_span) = blocks.get(apa).map(|b| b.span) else { return };
        used.push(label_span);
        let rest = blocks.get(apa + 1..).unwrap_or_default();
        let after: Vec<&&Block> = rest.iter().filter(|b| !b.is_layout()).collect();
        let fillers: Vec<&&Block> = rest.iter().filter(|b| b.kind == Kind::Filler).collect();
        let start = label_span.end;
        let end = blocks.last().map_or(start, |b| b.span.end.max(start));
        if after.is_empty() {
            match fillers.first() {
                Some(filler) => {
                    used.push(filler.span);
                    found.push((part("apa"), vec![filler.span]));
                }
                None => found.push((part("apa"), vec![Span::new(start, start)])),
            }
        } else {
            let pieces = body.pieces(Span::new(start, end), &[]);
            card.model_details.citation.apa = body.value(&pieces);
            used.push(Span::new(start, end));
            found.push((part("apa"), pieces));
        }
    }
    read.used.extend(used);
    read.parts.extend(found);
}
