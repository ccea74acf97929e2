//! The README body: each section is mapped to its field by its heading (the template's
//! headings and common variants, setext headings included); sections we do not know are
//! kept, in order and with their heading level, as custom sections. No text is dropped
//! except our own status notice and results table, which an export writes again, and
//! the template's "[More Information Needed]" filler. The risks table an export writes
//! under "Ethical Considerations" is read back into the list of risks.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

use crate::card::{Card, CustomSection, FairnessAssessment, Owner, Risk, licenses};
use crate::formats::ImportReport;
use crate::markdown;

/// The template's filler, never content.
const PLACEHOLDER: &str = "[More Information Needed]";

/// A text field of the card.
type TextField = fn(&mut Card) -> &mut String;

/// What a heading maps to.
#[derive(Clone, Copy)]
enum Slot {
    /// A text field: the section's text is appended to it.
    Field(TextField),
    /// A known section with no text field of its own: its text, if any, becomes a
    /// custom section.
    Container,
    /// A section with its own layout to read.
    Special(Special),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Special {
    ModelDescription,
    ModelSources,
    Hyperparameters,
    Environment,
    Citation,
    GetStarted,
    Results,
    Ethics,
    InputsOutputs,
}

/// The headings we know, normalised (see [`normalise`]).
fn classify(heading: &str) -> Option<Slot> {
    use Slot::{Container, Field, Special as S};
    use Special as Sp;
    Some(match normalise(heading).as_str() {
        "model details"
        | "uses"
        | "training details"
        | "training procedure"
        | "evaluation"
        | "testing data factors and metrics"
        | "technical specifications"
        | "compute infrastructure" => Container,
        "model description" => S(Sp::ModelDescription),
        "changes in this version" => Field(|c| &mut c.model_details.version.changes),
        "model sources" => S(Sp::ModelSources),
        "direct use"
        | "intended use"
        | "intended uses"
        | "primary intended uses"
        | "intended uses and limitations" => Field(|c| &mut c.intended_use.direct_use),
        "downstream use" => Field(|c| &mut c.intended_use.downstream_use),
        "primary users" | "primary intended users" | "intended users" => {
            Field(|c| &mut c.intended_use.primary_users)
        }
        "out-of-scope use"
        | "out-of-scope uses"
        | "out of scope use"
        | "out of scope uses"
        | "misuse and out-of-scope use" => Field(|c| &mut c.intended_use.out_of_scope_use),
        "bias risks and limitations"
        | "limitations"
        | "limitations and bias"
        | "bias and limitations"
        | "risks and limitations"
        | "known limitations" => Field(|c| &mut c.bias_risks_limitations.limitations),
        "recommendations" => Field(|c| &mut c.bias_risks_limitations.recommendations),
        "ethical considerations" => S(Sp::Ethics),
        "caveats and recommendations" => Field(|c| &mut c.caveats_and_recommendations),
        "how to get started with the model" | "how to get started" | "getting started" => {
            S(Sp::GetStarted)
        }
        "training data" => Field(|c| &mut c.training_data.notes),
        "preprocessing" => Field(|c| &mut c.training_procedure.preprocessing),
        "training hyperparameters" => S(Sp::Hyperparameters),
        "speeds sizes times" => Field(|c| &mut c.training_procedure.speeds_sizes_times),
        "testing data" | "evaluation data" => Field(|c| &mut c.evaluation_data.notes),
        "factors" => Field(|c| &mut c.factors.relevant_factors),
        "evaluation factors" => Field(|c| &mut c.factors.evaluation_factors),
        "metrics" => Field(|c| &mut c.metrics.performance_measures),
        "decision thresholds" => Field(|c| &mut c.metrics.decision_thresholds),
        "uncertainty and variability" => Field(|c| &mut c.metrics.variation_approaches),
        "results" | "evaluation results" | "eval results" => S(Sp::Results),
        "summary" => Field(|c| &mut c.quantitative_analysis.summary),
        "environmental impact" => S(Sp::Environment),
        "inputs and outputs" => S(Sp::InputsOutputs),
        "model architecture and objective" => {
            Field(|c| &mut c.technical_specifications.architecture_and_objective)
        }
        "hardware" => Field(|c| &mut c.technical_specifications.hardware),
        "software" => Field(|c| &mut c.technical_specifications.software),
        "citation" => S(Sp::Citation),
        "glossary" => Field(|c| &mut c.more.glossary),
        "more information" => Field(|c| &mut c.more.more_information),
        "model card authors" => Field(|c| &mut c.more.card_authors),
        "model card contact" => Field(|c| &mut c.more.card_contact),
        _ => return None,
    })
}

/// Lower case, "[optional]" and Markdown marks removed, "&" as "and", punctuation other
/// than hyphens dropped, spaces collapsed: "Bias, Risks, and Limitations" and
/// "bias risks & limitations" read alike.
fn normalise(heading: &str) -> String {
    let lower = heading
        .to_lowercase()
        .replace("[optional]", "")
        .replace("(optional)", "")
        .replace('&', " and ");
    let kept: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c.is_whitespace() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One heading and the text under it, up to the next heading.
struct Block {
    level: u8,
    title: String,
    text: String,
}

/// Splits a body into the text before the first heading and one block per heading.
fn blocks(body: &str) -> (String, Vec<Block>) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut headings: Vec<(u8, std::ops::Range<usize>)> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        if let Event::Start(Tag::Heading { level, .. }) = event {
            headings.push((heading_level(level), range));
        }
    }
    let preamble = body[..headings.first().map_or(body.len(), |(_, r)| r.start)].to_owned();
    let blocks = headings
        .iter()
        .enumerate()
        .map(|(index, (level, range))| {
            let end = headings.get(index + 1).map_or(body.len(), |(_, next)| next.start);
            Block {
                level: *level,
                title: heading_title(&body[range.clone()]),
                text: body[range.end..end].to_owned(),
            }
        })
        .collect();
    (preamble, blocks)
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The source text of a heading's title: ATX marks or the setext underline removed.
fn heading_title(source: &str) -> String {
    let source = source.trim_end_matches('\n');
    let first = source.trim_start();
    if first.starts_with('#') {
        let text = first.trim_start_matches('#').trim();
        // An optional closing sequence of #s, after a space.
        let text = match text.rfind(" #") {
            Some(cut) if text[cut..].trim_start().chars().all(|c| c == '#') => {
                text[..cut].trim_end()
            }
            _ => text.trim_end_matches(|c| c == '#' && text.chars().all(|x| x == '#')),
        };
        text.to_owned()
    } else {
        // Setext: every line but the underline.
        let mut lines: Vec<&str> = source.lines().collect();
        lines.pop();
        lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
    }
}

/// Reads the body into the card.
///
/// A heading we do not know goes into the field or custom section that encloses it
/// (the nearest one with a shallower heading), or starts a custom section. Two rules keep
/// an export read back the same: a heading kept inside a field is written at least at
/// level 5, deeper than any heading the template uses; and a custom section is never
/// deeper than the one before it, since an export writes them one after the other.
pub fn import(body: &str, card: &mut Card, report: &mut ImportReport) {
    let mut fillers = 0;
    let (preamble, blocks) = blocks(body);
    let mut field_open: Option<(TextField, u8)> = None;
    let mut custom_open: Option<(usize, u8)> = None;
    let mut summary = clean(&preamble, &mut fillers);
    let mut titled = false;
    for (index, block) in blocks.iter().enumerate() {
        let text = clean(&block.text, &mut fillers);
        // The first heading, if it is a level-1 heading, is the model's name.
        if index == 0 && block.level == 1 {
            let name = block.title.strip_prefix("Model Card for ").unwrap_or(&block.title);
            card.model_details.name = name.trim().to_owned();
            append(&mut summary, &text);
            titled = true;
            report.mapped.push("title".into());
            continue;
        }
        let level = block.level;
        if custom_open.is_some_and(|(_, open)| level <= open) {
            custom_open = None;
        }
        match classify(&block.title) {
            None => match (field_open, custom_open) {
                (Some((field, open)), _) if level > open => {
                    let kept = format!(
                        "{} {}\n\n{}",
                        "#".repeat(usize::from(level.max(5))),
                        block.title,
                        text
                    );
                    append(field(card), kept.trim_end());
                }
                (_, Some((custom, _))) => {
                    if let Some(section) = card.custom_sections.get_mut(custom) {
                        append(
                            &mut section.body,
                            format!("{}\n\n{}", heading(block), text).trim_end(),
                        );
                    }
                }
                _ => {
                    field_open = None;
                    custom_open = Some(push_custom(card, block, &text));
                    report
                        .kept_raw
                        .push(format!("section \"{}\" (as a custom section)", block.title));
                }
            },
            Some(Slot::Container) => {
                field_open = None;
                if !text.is_empty() {
                    custom_open = Some(push_custom(card, block, &text));
                    report
                        .kept_raw
                        .push(format!("the text of \"{}\" (as a custom section)", block.title));
                }
            }
            Some(Slot::Field(field)) => {
                append(field(card), &text);
                field_open = Some((field, level));
                report.mapped.push(format!("section \"{}\"", block.title));
            }
            Some(Slot::Special(special)) => {
                field_open = None;
                let leftover = read_special(special, &text, card);
                report.mapped.push(format!("section \"{}\"", block.title));
                if !leftover.is_empty() {
                    custom_open = Some(push_custom(card, block, &leftover));
                    report
                        .kept_raw
                        .push(format!("part of \"{}\" (as a custom section)", block.title));
                }
            }
        }
    }
    if !titled && !summary.is_empty() {
        report.mapped.push("text before the first heading (as the summary)".into());
    }
    append(&mut card.model_details.summary, &summary);
    if fillers > 0 {
        report.notes.push(format!("{fillers} \"{PLACEHOLDER}\" filler(s) were left out."));
    }
}

fn heading(block: &Block) -> String {
    format!("{} {}", "#".repeat(usize::from(block.level)), block.title)
}

/// Starts a custom section, no deeper than the one before it; returns it as the open one.
fn push_custom(card: &mut Card, block: &Block, text: &str) -> (usize, u8) {
    let level = card.custom_sections.last().map_or(block.level, |last| block.level.min(last.level));
    card.custom_sections.push(CustomSection {
        title: block.title.clone(),
        body: text.to_owned(),
        level,
    });
    (card.custom_sections.len() - 1, level)
}

fn append(target: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !target.is_empty() {
        target.push_str("\n\n");
    }
    target.push_str(text);
}

/// A section's text without our status notice, the template filler and the blank lines
/// around it.
fn clean(text: &str, fillers: &mut usize) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut in_notice = false;
    for line in text.lines() {
        let notice_start = [
            "> **Draft: not reviewed.**",
            "> **Published:**",
            "> **Approved, not yet published.**",
        ]
        .iter()
        .any(|start| line.starts_with(start));
        if notice_start {
            in_notice = true;
            continue;
        }
        if in_notice && line.starts_with('>') {
            continue;
        }
        in_notice = false;
        if line.trim() == PLACEHOLDER {
            *fillers += 1;
            continue;
        }
        kept.push(line);
    }
    kept.join("\n").trim_matches('\n').trim_end().to_owned()
}

/// Reads a section with its own layout; returns the text it could not place.
fn read_special(special: Special, text: &str, card: &mut Card) -> String {
    match special {
        Special::ModelDescription => {
            let rest = read_fields(text, card, description_field);
            append(&mut card.model_details.description, &rest);
            String::new()
        }
        Special::ModelSources => read_fields(text, card, |label, value, card| {
            let links = &mut card.model_details.links;
            let target = match label {
                "repository" => &mut links.repository,
                "paper" => &mut links.paper,
                "demo" => &mut links.demo,
                _ => return false,
            };
            *target = value.to_owned();
            true
        }),
        Special::Hyperparameters => {
            let rest = read_fields(text, card, |label, value, card| {
                let procedure = &mut card.training_procedure;
                let target = match label {
                    "training regime" => &mut procedure.training_regime,
                    "learning approach" => &mut procedure.learning_approach,
                    _ => return false,
                };
                *target = value.to_owned();
                true
            });
            append(&mut card.training_procedure.hyperparameters, &rest);
            String::new()
        }
        Special::Environment => read_fields(text, card, |label, value, card| {
            let impact = &mut card.environmental_impact;
            let target = match label {
                "hardware type" => &mut impact.hardware_type,
                "hours used" => &mut impact.hours_used,
                "cloud provider" => &mut impact.cloud_provider,
                "compute region" => &mut impact.compute_region,
                "carbon emitted" => &mut impact.co2_emitted,
                "energy used" => &mut impact.energy_consumed,
                _ => return false,
            };
            // The front matter's co2_eq_emissions has already said it, if it exists.
            if target.is_empty() {
                *target = value.to_owned();
            }
            true
        }),
        Special::Citation => read_citation(text, card),
        Special::GetStarted => match single_code_block(text) {
            Some((language, code)) => {
                card.get_started.language = language;
                card.get_started.code = code;
                String::new()
            }
            None => text.to_owned(),
        },
        Special::InputsOutputs => read_fields(text, card, |label, value, card| {
            let specifications = &mut card.technical_specifications;
            let target = match label {
                "input formats" => &mut specifications.inputs,
                "output formats" => &mut specifications.outputs,
                _ => return false,
            };
            *target = value.split(", ").map(str::to_owned).collect();
            true
        }),
        Special::Ethics => {
            let section = &mut card.ethical_considerations;
            let text = match trailing_table(text, &markdown::FAIRNESS_HEADERS) {
                Some((rest, rows)) => {
                    section.fairness_assessments.extend(rows.into_iter().map(|row| {
                        let [group_at_risk, benefits, harms, mitigation] = row;
                        FairnessAssessment { group_at_risk, benefits, harms, mitigation }
                    }));
                    rest
                }
                None => text,
            };
            let notes = match trailing_table(text, &["Risk", "Mitigation"]) {
                Some((notes, rows)) => {
                    section.risks.extend(rows.into_iter().map(|row| {
                        let [risk, mitigation] = row;
                        Risk { risk, mitigation }
                    }));
                    notes
                }
                None => text,
            };
            append(&mut section.notes, notes);
            String::new()
        }
        Special::Results => {
            // Our own table is written again from the structured results.
            let ours = markdown::results_table(card).map(|t| t.trim().to_owned());
            let rest = match &ours {
                Some(table) if text.starts_with(table.as_str()) => text[table.len()..].trim(),
                _ => text,
            };
            append(&mut card.quantitative_analysis.summary, rest);
            String::new()
        }
    }
}

/// A table with exactly these headers that ends the text, as an export writes it: the
/// text before it, and its rows' cells (escaped pipes read back as pipes).
fn trailing_table<'a, const N: usize>(
    text: &'a str,
    headers: &[&str; N],
) -> Option<(&'a str, Vec<[String; N]>)> {
    let mut table = None;
    let mut row: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(_)) => {
                table = Some(range);
                rows.clear();
            }
            Event::Start(Tag::TableCell) => {
                row.push(text[range].trim().replace("\\|", "|"));
            }
            Event::End(pulldown_cmark::TagEnd::TableHead | pulldown_cmark::TagEnd::TableRow) => {
                rows.push(std::mem::take(&mut row));
            }
            _ => {}
        }
    }
    let table = table?;
    if !text[table.end..].trim().is_empty() {
        return None;
    }
    let mut rows = rows.into_iter();
    let head = rows.next()?;
    if head.iter().map(String::as_str).ne(headers.iter().copied()) {
        return None;
    }
    let rows: Option<Vec<[String; N]>> = rows.map(|row| row.try_into().ok()).collect();
    Some((text[..table.start].trim_end(), rows?))
}

/// The Model Description's field list.
fn description_field(label: &str, value: &str, card: &mut Card) -> bool {
    let details = &mut card.model_details;
    let list = |value: &str| -> Vec<String> {
        split_top_level(value).into_iter().map(|v| v.trim().to_owned()).collect()
    };
    match label {
        "developed by" => details.owners = split_top_level(value).into_iter().map(owner).collect(),
        "funded by" => details.funded_by = value.to_owned(),
        "shared by" => details.shared_by = value.to_owned(),
        "model type" => details.model_type = value.to_owned(),
        "architecture" => details.architecture = value.to_owned(),
        "version" => details.version.name = value.to_owned(),
        "release date" => details.version.date = value.to_owned(),
        "contact" => details.contact = value.to_owned(),
        // The front matter is the source of these when it has them.
        "language(s)" | "language(s) (nlp)" | "language" | "languages" => {
            if details.languages.is_empty() {
                details.languages = list(value);
            }
        }
        "finetuned from model" => {
            if details.base_models.is_empty() {
                details.base_models = list(value);
            }
        }
        "license" => {
            if details.license.id.is_empty() {
                match markdown_link(value) {
                    Some((name, link)) => {
                        details.license.id = licenses::OTHER.to_owned();
                        details.license.name = name;
                        details.license.link = link;
                    }
                    None => details.license.id = value.to_owned(),
                }
            }
        }
        _ => return false,
    }
    true
}

/// `Name (contact)` → an owner.
fn owner(text: String) -> Owner {
    let text = text.trim();
    match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((name, contact)) => {
            Owner { name: name.trim().to_owned(), contact: contact.to_owned() }
        }
        None => Owner { name: text.to_owned(), contact: String::new() },
    }
}

/// Splits on ", " outside parentheses and brackets.
fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 && chars.peek() == Some(&' ') => {
                chars.next();
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current);
    }
    parts
}

fn markdown_link(text: &str) -> Option<(String, String)> {
    let inner = text.trim().strip_prefix('[')?;
    let (name, rest) = inner.split_once("](")?;
    let link = rest.strip_suffix(')')?;
    Some((name.to_owned(), link.to_owned()))
}

/// Reads `- **Label:** value` lines (continued on indented lines) that `accept` takes;
/// returns every other line, in order.
fn read_fields(text: &str, card: &mut Card, accept: fn(&str, &str, &mut Card) -> bool) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut rest: Vec<&str> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let parsed = line.strip_prefix("- **").and_then(|l| l.split_once(":**"));
        let Some((label, first)) = parsed else {
            rest.push(line);
            index += 1;
            continue;
        };
        let mut value = first.trim().to_owned();
        let mut end = index + 1;
        while end < lines.len()
            && (lines[end].starts_with("  ")
                || (lines[end].is_empty()
                    && lines.get(end + 1).is_some_and(|l| l.starts_with("  "))))
        {
            value.push('\n');
            value.push_str(lines[end].strip_prefix("  ").unwrap_or(lines[end]));
            end += 1;
        }
        let label = normalise_label(label);
        let value = if value.trim() == PLACEHOLDER { String::new() } else { value };
        if accept(&label, &value, card) {
            index = end;
        } else {
            rest.extend(&lines[index..end]);
            index = end;
        }
    }
    rest.join("\n").trim().to_owned()
}

fn normalise_label(label: &str) -> String {
    label.to_lowercase().replace("[optional]", "").trim().to_owned()
}

/// A text that is one fenced code block, perhaps after the template's one-line intro.
fn single_code_block(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let text = text
        .strip_prefix("Use the code below to get started with the model.")
        .map_or(text, str::trim);
    let fence_len = text.chars().take_while(|&c| c == '`').count();
    if fence_len < 3 {
        return None;
    }
    let fence = &text[..fence_len];
    let (info, rest) = text[fence_len..].split_once('\n')?;
    let code = rest.strip_suffix(fence)?;
    if code.contains(&format!("\n{fence}")) && !code.ends_with('\n') {
        return None;
    }
    let code = code.strip_suffix('\n').unwrap_or(code);
    // An empty block is no code.
    (!code.trim().is_empty()).then(|| (info.trim().to_owned(), format!("{code}\n")))
}

/// "**BibTeX:**" and a code block, then "**APA:**" and its text; or a lone code block.
fn read_citation(text: &str, card: &mut Card) -> String {
    let citation = &mut card.model_details.citation;
    if let Some((_, after)) = text.split_once("**BibTeX:**") {
        let (bibtex_part, apa_part) = match after.split_once("**APA:**") {
            Some((b, a)) => (b, Some(a)),
            None => (after, None),
        };
        if let Some((_, code)) = single_code_block(bibtex_part) {
            citation.bibtex = code.trim_end_matches('\n').to_owned();
            if let Some(apa) = apa_part {
                citation.apa = apa.trim().to_owned();
            }
            return text
                .split_once("**BibTeX:**")
                .map(|(before, _)| before.trim().to_owned())
                .unwrap_or_default();
        }
    }
    if let Some((_, code)) = single_code_block(text) {
        citation.bibtex = code.trim_end_matches('\n').to_owned();
        return String::new();
    }
    if let Some(apa) = text.trim().strip_prefix("**APA:**") {
        citation.apa = apa.trim().to_owned();
        return String::new();
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> (Card, ImportReport) {
        let mut card = Card::default();
        let mut report = ImportReport::default();
        import(body, &mut card, &mut report);
        (card, report)
    }

    #[test]
    fn maps_template_headings_and_variants_to_fields() {
        let (card, _) = read(
            "# Model Card for Foo\n\nA summary.\n\n## Uses\n\n### Direct Use\n\nClassify.\n\n### Out-of-Scope Use\n\nNot this.\n\n\
             ## Bias, Risks, and Limitations\n\nBiased.\n\n### Recommendations\n\nBe careful.\n\n## Limitations and bias\n\nMore.\n",
        );
        assert_eq!(card.model_details.name, "Foo");
        assert_eq!(card.model_details.summary, "A summary.");
        assert_eq!(card.intended_use.direct_use, "Classify.");
        assert_eq!(card.intended_use.out_of_scope_use, "Not this.");
        assert_eq!(card.bias_risks_limitations.limitations, "Biased.\n\nMore.");
        assert_eq!(card.bias_risks_limitations.recommendations, "Be careful.");
    }

    #[test]
    fn reads_setext_headings() {
        let (card, _) = read("Title\n=====\n\nIntro.\n\nLimitations\n-----------\n\nSome.\n");
        assert_eq!(card.model_details.name, "Title");
        assert_eq!(card.bias_risks_limitations.limitations, "Some.");
    }

    #[test]
    fn keeps_unknown_sections_in_order_with_their_subsections() {
        let (card, report) = read(
            "## Showcases\n\nPictures.\n\n### Night\n\nDark.\n\n## Trigger words\n\nlogo\n\n## Training data\n\nData.\n",
        );
        let sections: Vec<(&str, u8)> =
            card.custom_sections.iter().map(|s| (s.title.as_str(), s.level)).collect();
        assert_eq!(sections, [("Showcases", 2), ("Trigger words", 2)]);
        assert_eq!(card.custom_sections[0].body, "Pictures.\n\n### Night\n\nDark.");
        assert_eq!(card.training_data.notes, "Data.");
        assert!(report.kept_raw.iter().any(|k| k.contains("Showcases")));
    }

    #[test]
    fn reads_the_model_description_field_list() {
        let (card, _) = read(
            "## Model Description\n\nWhat it is.\n\n- **Developed by:** Ada (ada@example.org), Team [Core], Inc\n- **Funded by [optional]:** [More Information Needed]\n- **Model type:** Classifier\n- **License:** [Own Licence](https://example.org/l)\n- **Release date:** 2026-01-01\n",
        );
        let details = &card.model_details;
        assert_eq!(details.description, "What it is.");
        let owners: Vec<(&str, &str)> =
            details.owners.iter().map(|o| (o.name.as_str(), o.contact.as_str())).collect();
        assert_eq!(owners, [("Ada", "ada@example.org"), ("Team [Core]", ""), ("Inc", "")]);
        assert_eq!(details.funded_by, "");
        assert_eq!(details.model_type, "Classifier");
        assert_eq!(
            (details.license.id.as_str(), details.license.name.as_str()),
            ("other", "Own Licence")
        );
        assert_eq!(details.version.date, "2026-01-01");
    }

    #[test]
    fn reads_code_and_citations() {
        let (card, _) = read(
            "## How to Get Started with the Model\n\n```python\nprint(1)\n```\n\n## Citation\n\n**BibTeX:**\n\n```bibtex\n@misc{x}\n```\n\n**APA:**\n\nX. (2026).\n",
        );
        assert_eq!(
            (card.get_started.language.as_str(), card.get_started.code.as_str()),
            ("python", "print(1)\n")
        );
        assert_eq!(card.model_details.citation.bibtex, "@misc{x}");
        assert_eq!(card.model_details.citation.apa, "X. (2026).");
    }

    #[test]
    fn a_how_to_section_with_prose_stays_whole() {
        let (card, _) =
            read("## How to get started\n\nInstall it first.\n\n```sh\npip install x\n```\n");
        assert!(card.get_started.code.is_empty());
        assert_eq!(card.custom_sections[0].body, "Install it first.\n\n```sh\npip install x\n```");
    }

    #[test]
    fn our_risks_table_is_read_back_and_other_tables_stay_text() {
        let mut card = Card::default();
        let mut report = ImportReport::default();
        let text = "## Ethical Considerations\n\nNotes.\n\n| Risk | Mitigation |\n| --- | --- |\n| Bias \\| drift | Audit *often* |\n";
        import(text, &mut card, &mut report);
        let section = &card.ethical_considerations;
        assert_eq!(section.notes, "Notes.");
        assert_eq!(
            section.risks,
            [Risk { risk: "Bias | drift".into(), mitigation: "Audit *often*".into() }]
        );

        let mut card = Card::default();
        let other =
            "## Ethical Considerations\n\n| Harm | Who |\n| --- | --- |\n| x | y |\n\nAfter.\n";
        import(other, &mut card, &mut report);
        assert!(card.ethical_considerations.risks.is_empty());
        assert!(card.ethical_considerations.notes.contains("| Harm | Who |"));
        assert!(card.ethical_considerations.notes.ends_with("After."));
    }

    #[test]
    fn text_before_the_first_heading_is_the_summary_and_nothing_is_lost() {
        let (card, _) = read("<p align=\"center\">logo</p>\n\n## Overview\n\nText.\n");
        assert_eq!(card.model_details.summary, "<p align=\"center\">logo</p>");
        assert_eq!(card.custom_sections[0].title, "Overview");
    }

    #[test]
    fn drops_our_status_notice() {
        let (card, _) = read(
            "# Foo\n\nSummary.\n\n> **Draft: not reviewed.** This card has not been approved.\n\n## Glossary\n\nG.\n",
        );
        assert_eq!(card.model_details.summary, "Summary.");
        assert_eq!(card.more.glossary, "G.");
    }

    #[test]
    fn headings_normalise() {
        assert_eq!(normalise("Bias, Risks, and Limitations"), "bias risks and limitations");
        assert_eq!(
            normalise("Testing Data, Factors & Metrics"),
            "testing data factors and metrics"
        );
        assert_eq!(normalise("Funded by [optional]"), "funded by");
        assert_eq!(heading_title("## Title ##\n"), "Title");
        assert_eq!(heading_title("# C# tips\n"), "C# tips");
    }
}
