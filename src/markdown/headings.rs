//! The one table of the card's Markdown sections: for each, in the Hugging Face
//! template's order, its heading as we write it, the other headings READMEs use for it,
//! and which fields it holds. The Markdown writer walks it to write a card; the README
//! reader (`formats::hf::body`) looks headings up in it. A field list item
//! (`- **License:** mit`) is described the same way, once, for both.

use crate::card::{Card, Owner, licenses};

/// Where a field lives in a README: where an edit inserts it when the README does not
/// have it yet. A front-matter field is mirrored in the body only where the README
/// already shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    Body,
    FrontMatter,
}

/// A text field of the card.
#[derive(Clone, Copy)]
pub struct TextField {
    pub get: fn(&Card) -> &String,
    pub set: fn(&mut Card) -> &mut String,
}

macro_rules! text {
    ($($path:tt)+) => {
        TextField { get: |c| &c.$($path)+, set: |c| &mut c.$($path)+ }
    };
}

/// One `- **Label:** value` item of a section's list.
#[derive(Clone, Copy)]
pub struct Item {
    /// A stable id, used in [`crate::document::source::Part::Item`].
    pub id: &'static str,
    /// The label as the writer writes it.
    pub label: &'static str,
    /// Other labels READMEs use, normalised (see [`normalise_label`]).
    pub aliases: &'static [&'static str],
    pub home: Home,
    /// The value as the item shows it, on one logical line.
    pub get: fn(&Card) -> String,
    /// Reads the value back into the card.
    pub set: fn(&mut Card, &str),
}

/// What a section holds after its text and items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    None,
    /// The ethical risks as a `| Risk | Mitigation |` table, then the fairness
    /// assessments as a table with [`FAIRNESS_HEADERS`].
    EthicsTables,
    /// The datasets of training (`true`) or evaluation (`false`).
    Datasets {
        training: bool,
    },
    /// The results as a table, written again from the structured results.
    ResultsTable,
    /// The get-started code as one fenced block.
    Code,
    /// BibTeX in a code block and APA text, each after its bold label.
    Citation,
}

/// Where a section's text that is neither items nor its tail goes when it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leftover {
    /// Into the section's own text field.
    Text,
    /// Into another section's text field (the results' text is the summary's).
    Into(&'static str),
    /// Into a custom section under the same heading.
    Custom,
    /// The whole section becomes a custom section unless it is only its tail.
    WholeUnlessTail,
}

/// One section of the template.
#[derive(Clone, Copy)]
pub struct Section {
    /// A stable id: the preview's key and anchor for top-level sections, and the id in
    /// [`crate::document::source::Part::Section`].
    pub id: &'static str,
    pub level: u8,
    pub title: &'static str,
    /// The enclosing section's id.
    pub parent: Option<&'static str>,
    /// Other headings READMEs use for it, normalised (see [`normalise`]).
    pub aliases: &'static [&'static str],
    pub text: Option<TextField>,
    pub items: &'static [Item],
    /// Whether the items come before the text (the hyperparameters' "Training regime").
    pub items_first: bool,
    pub tail: Tail,
    pub leftover: Leftover,
}

impl Section {
    /// A section that holds only subsections.
    const fn container(id: &'static str, level: u8, title: &'static str) -> Self {
        Self {
            id,
            level,
            title,
            parent: None,
            aliases: &[],
            text: None,
            items: &[],
            items_first: false,
            tail: Tail::None,
            leftover: Leftover::Custom,
        }
    }

    /// A section that holds one text field.
    const fn text(id: &'static str, level: u8, title: &'static str, field: TextField) -> Self {
        Self { text: Some(field), leftover: Leftover::Text, ..Self::container(id, level, title) }
    }

    const fn under(self, parent: &'static str) -> Self {
        Self { parent: Some(parent), ..self }
    }

    const fn or(self, aliases: &'static [&'static str]) -> Self {
        Self { aliases, ..self }
    }

    const fn items(self, items: &'static [Item]) -> Self {
        Self { items, ..self }
    }

    const fn tail(self, tail: Tail, leftover: Leftover) -> Self {
        Self { tail, leftover, ..self }
    }

    /// Whether it holds nothing but subsections.
    pub fn is_container(&self) -> bool {
        self.text.is_none() && self.items.is_empty() && self.tail == Tail::None
    }
}

/// Custom sections are written after this section and before the card's authors.
pub const CUSTOM_AFTER: &str = "more-information";

/// Every section, in the template's order; a section's subsections follow it.
pub static SECTIONS: &[Section] = &[
    Section::container("model-details", 2, "Model Details"),
    Section::text("model-description", 3, "Model Description", text!(model_details.description))
        .under("model-details")
        .items(DESCRIPTION_ITEMS),
    Section::text("changes", 3, "Changes in this Version", text!(model_details.version.changes))
        .under("model-details"),
    Section::container("model-sources", 3, "Model Sources")
        .under("model-details")
        .items(SOURCE_ITEMS),
    Section::container("uses", 2, "Uses"),
    Section::text("direct-use", 3, "Direct Use", text!(intended_use.direct_use)).under("uses").or(
        &[
            "intended use",
            "intended uses",
            "primary intended uses",
            "intended uses and limitations",
        ],
    ),
    Section::text("downstream-use", 3, "Downstream Use", text!(intended_use.downstream_use))
        .under("uses"),
    Section::text("primary-users", 3, "Primary Users", text!(intended_use.primary_users))
        .under("uses")
        .or(&["primary intended users", "intended users"]),
    Section::text("out-of-scope-use", 3, "Out-of-Scope Use", text!(intended_use.out_of_scope_use))
        .under("uses")
        .or(&[
            "out-of-scope uses",
            "out of scope use",
            "out of scope uses",
            "misuse and out-of-scope use",
        ]),
    Section::text(
        "bias-risks-limitations",
        2,
        "Bias, Risks, and Limitations",
        text!(bias_risks_limitations.limitations),
    )
    .or(&[
        "limitations",
        "limitations and bias",
        "bias and limitations",
        "risks and limitations",
        "known limitations",
    ]),
    Section::text(
        "recommendations",
        3,
        "Recommendations",
        text!(bias_risks_limitations.recommendations),
    )
    .under("bias-risks-limitations"),
    Section::text(
        "ethical-considerations",
        2,
        "Ethical Considerations",
        text!(ethical_considerations.notes),
    )
    .tail(Tail::EthicsTables, Leftover::Text),
    Section::text(
        "caveats-and-recommendations",
        2,
        "Caveats and Recommendations",
        text!(caveats_and_recommendations),
    ),
    Section::container("get-started", 2, "How to Get Started with the Model")
        .or(&["how to get started", "getting started"])
        .tail(Tail::Code, Leftover::WholeUnlessTail),
    Section::container("training-details", 2, "Training Details"),
    Section::text("training-data", 3, "Training Data", text!(training_data.notes))
        .under("training-details")
        .tail(Tail::Datasets { training: true }, Leftover::Text),
    Section::container("training-procedure", 3, "Training Procedure").under("training-details"),
    Section::text("preprocessing", 4, "Preprocessing", text!(training_procedure.preprocessing))
        .under("training-procedure"),
    Section {
        items_first: true,
        ..Section::text(
            "training-hyperparameters",
            4,
            "Training Hyperparameters",
            text!(training_procedure.hyperparameters),
        )
        .under("training-procedure")
        .items(HYPERPARAMETER_ITEMS)
    },
    Section::text(
        "speeds-sizes-times",
        4,
        "Speeds, Sizes, Times",
        text!(training_procedure.speeds_sizes_times),
    )
    .under("training-procedure"),
    Section::container("evaluation", 2, "Evaluation"),
    Section::container("testing-data-factors-metrics", 3, "Testing Data, Factors & Metrics")
        .under("evaluation"),
    Section::text("testing-data", 4, "Testing Data", text!(evaluation_data.notes))
        .under("testing-data-factors-metrics")
        .or(&["evaluation data"])
        .tail(Tail::Datasets { training: false }, Leftover::Text),
    Section::text("factors", 4, "Factors", text!(factors.relevant_factors))
        .under("testing-data-factors-metrics"),
    Section::text("evaluation-factors", 4, "Evaluation Factors", text!(factors.evaluation_factors))
        .under("testing-data-factors-metrics"),
    Section::text("metrics", 4, "Metrics", text!(metrics.performance_measures))
        .under("testing-data-factors-metrics"),
    Section::text(
        "decision-thresholds",
        4,
        "Decision Thresholds",
        text!(metrics.decision_thresholds),
    )
    .under("testing-data-factors-metrics"),
    Section::text(
        "uncertainty-and-variability",
        4,
        "Uncertainty and Variability",
        text!(metrics.variation_approaches),
    )
    .under("testing-data-factors-metrics"),
    Section::container("results", 3, "Results")
        .under("evaluation")
        .or(&["evaluation results", "eval results"])
        .tail(Tail::ResultsTable, Leftover::Into("summary")),
    Section::text("summary", 4, "Summary", text!(quantitative_analysis.summary)).under("results"),
    Section::container("environmental-impact", 2, "Environmental Impact").items(ENVIRONMENT_ITEMS),
    Section::container("technical-specifications", 2, "Technical Specifications"),
    Section::text(
        "model-architecture-and-objective",
        3,
        "Model Architecture and Objective",
        text!(technical_specifications.architecture_and_objective),
    )
    .under("technical-specifications"),
    Section::container("inputs-and-outputs", 3, "Inputs and Outputs")
        .under("technical-specifications")
        .items(INPUT_OUTPUT_ITEMS),
    Section::container("compute-infrastructure", 3, "Compute Infrastructure")
        .under("technical-specifications"),
    Section::text("hardware", 4, "Hardware", text!(technical_specifications.hardware))
        .under("compute-infrastructure"),
    Section::text("software", 4, "Software", text!(technical_specifications.software))
        .under("compute-infrastructure"),
    Section::container("citation", 2, "Citation").tail(Tail::Citation, Leftover::Custom),
    Section::text("glossary", 2, "Glossary", text!(more.glossary)),
    Section::text("more-information", 2, "More Information", text!(more.more_information)),
    Section::text("card-authors", 2, "Model Card Authors", text!(more.card_authors)),
    Section::text("card-contact", 2, "Model Card Contact", text!(more.card_contact)),
];

/// The Model Description's list.
pub static DESCRIPTION_ITEMS: &[Item] = &[
    Item {
        id: "developed-by",
        label: "Developed by",
        aliases: &[],
        home: Home::Body,
        get: |c| owners_text(&c.model_details.owners),
        set: |c, v| c.model_details.owners = split_top_level(v).into_iter().map(owner).collect(),
    },
    body_item(
        "funded-by",
        "Funded by",
        |c| c.model_details.funded_by.clone(),
        |c, v| c.model_details.funded_by = v.to_owned(),
    ),
    body_item(
        "shared-by",
        "Shared by",
        |c| c.model_details.shared_by.clone(),
        |c, v| c.model_details.shared_by = v.to_owned(),
    ),
    body_item(
        "model-type",
        "Model type",
        |c| c.model_details.model_type.clone(),
        |c, v| c.model_details.model_type = v.to_owned(),
    ),
    body_item(
        "architecture",
        "Architecture",
        |c| c.model_details.architecture.clone(),
        |c, v| c.model_details.architecture = v.to_owned(),
    ),
    body_item(
        "version",
        "Version",
        |c| c.model_details.version.name.clone(),
        |c, v| c.model_details.version.name = v.to_owned(),
    ),
    body_item(
        "release-date",
        "Release date",
        |c| c.model_details.version.date.clone(),
        |c, v| c.model_details.version.date = v.to_owned(),
    ),
    Item {
        id: "languages",
        label: "Language(s)",
        aliases: &["language(s) (nlp)", "language", "languages"],
        home: Home::FrontMatter,
        get: |c| c.model_details.languages.join(", "),
        set: |c, v| c.model_details.languages = split_list(v),
    },
    Item {
        id: "license",
        label: "License",
        aliases: &[],
        home: Home::FrontMatter,
        get: |c| license_text(c),
        set: |c, v| {
            let license = &mut c.model_details.license;
            match markdown_link(v) {
                Some((name, link)) => {
                    license.id = licenses::OTHER.to_owned();
                    license.name = name;
                    license.link = link;
                }
                None => license.id = v.to_owned(),
            }
        },
    },
    Item {
        id: "finetuned-from",
        label: "Finetuned from model",
        aliases: &[],
        home: Home::FrontMatter,
        get: |c| c.model_details.base_models.join(", "),
        set: |c, v| c.model_details.base_models = split_list(v),
    },
    body_item(
        "contact",
        "Contact",
        |c| c.model_details.contact.clone(),
        |c, v| c.model_details.contact = v.to_owned(),
    ),
];

/// The Model Sources' list.
pub static SOURCE_ITEMS: &[Item] = &[
    body_item(
        "repository",
        "Repository",
        |c| c.model_details.links.repository.clone(),
        |c, v| c.model_details.links.repository = v.to_owned(),
    ),
    body_item(
        "paper",
        "Paper",
        |c| c.model_details.links.paper.clone(),
        |c, v| c.model_details.links.paper = v.to_owned(),
    ),
    body_item(
        "demo",
        "Demo",
        |c| c.model_details.links.demo.clone(),
        |c, v| c.model_details.links.demo = v.to_owned(),
    ),
];

/// The Training Hyperparameters' list.
pub static HYPERPARAMETER_ITEMS: &[Item] = &[
    body_item(
        "learning-approach",
        "Learning approach",
        |c| c.training_procedure.learning_approach.clone(),
        |c, v| c.training_procedure.learning_approach = v.to_owned(),
    ),
    body_item(
        "training-regime",
        "Training regime",
        |c| c.training_procedure.training_regime.clone(),
        |c, v| c.training_procedure.training_regime = v.to_owned(),
    ),
];

/// The Inputs and Outputs' list.
pub static INPUT_OUTPUT_ITEMS: &[Item] = &[
    body_item(
        "input-formats",
        "Input formats",
        |c| c.technical_specifications.inputs.join(", "),
        |c, v| c.technical_specifications.inputs = split_list(v),
    ),
    body_item(
        "output-formats",
        "Output formats",
        |c| c.technical_specifications.outputs.join(", "),
        |c, v| c.technical_specifications.outputs = split_list(v),
    ),
];

/// The Environmental Impact's list.
pub static ENVIRONMENT_ITEMS: &[Item] = &[
    body_item(
        "hardware-type",
        "Hardware Type",
        |c| c.environmental_impact.hardware_type.clone(),
        |c, v| c.environmental_impact.hardware_type = v.to_owned(),
    ),
    body_item(
        "hours-used",
        "Hours used",
        |c| c.environmental_impact.hours_used.clone(),
        |c, v| c.environmental_impact.hours_used = v.to_owned(),
    ),
    body_item(
        "cloud-provider",
        "Cloud Provider",
        |c| c.environmental_impact.cloud_provider.clone(),
        |c, v| c.environmental_impact.cloud_provider = v.to_owned(),
    ),
    body_item(
        "compute-region",
        "Compute Region",
        |c| c.environmental_impact.compute_region.clone(),
        |c, v| c.environmental_impact.compute_region = v.to_owned(),
    ),
    Item {
        id: "carbon-emitted",
        label: "Carbon Emitted",
        aliases: &[],
        home: Home::FrontMatter,
        get: |c| c.environmental_impact.co2_emitted.clone(),
        set: |c, v| c.environmental_impact.co2_emitted = v.to_owned(),
    },
    body_item(
        "energy-used",
        "Energy Used",
        |c| c.environmental_impact.energy_consumed.clone(),
        |c, v| c.environmental_impact.energy_consumed = v.to_owned(),
    ),
];

/// The columns of the fairness assessments' table.
pub const FAIRNESS_HEADERS: [&str; 4] = ["Group at risk", "Benefits", "Harms", "Mitigation"];

const fn body_item(
    id: &'static str,
    label: &'static str,
    get: fn(&Card) -> String,
    set: fn(&mut Card, &str),
) -> Item {
    Item { id, label, aliases: &[], home: Home::Body, get, set }
}

/// The section with this id.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

/// Its position in the template's order.
pub fn position(id: &str) -> Option<usize> {
    SECTIONS.iter().position(|s| s.id == id)
}

/// The section a heading names, by its title or one of its aliases.
pub fn lookup(heading: &str) -> Option<&'static Section> {
    let key = normalise(heading);
    SECTIONS.iter().find(|s| normalise(s.title) == key || s.aliases.contains(&key.as_str()))
}

/// The item a list label names, among a section's items.
pub fn lookup_item(section: &Section, label: &str) -> Option<&'static Item> {
    let key = normalise_label(label);
    section
        .items
        .iter()
        .find(|item| normalise_label(item.label) == key || item.aliases.contains(&key.as_str()))
}

/// The item with this id in a section.
pub fn item(section: &str, id: &str) -> Option<&'static Item> {
    self::section(section)?.items.iter().find(|item| item.id == id)
}

/// Lower case, "[optional]" and Markdown marks removed, "&" as "and", punctuation other
/// than hyphens dropped, spaces collapsed: "Bias, Risks, and Limitations" and
/// "bias risks & limitations" read alike.
pub fn normalise(heading: &str) -> String {
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

/// A list label, lower case and without "[optional]".
pub fn normalise_label(label: &str) -> String {
    label.to_lowercase().replace("[optional]", "").trim().to_owned()
}

/// Owners as the Model Description lists them: `Name (contact), Name`.
fn owners_text(owners: &[Owner]) -> String {
    owners
        .iter()
        .filter(|o| !o.name.trim().is_empty())
        .map(|o| {
            if o.contact.trim().is_empty() {
                one_line(&o.name)
            } else {
                format!("{} ({})", one_line(&o.name), one_line(&o.contact))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The licence as the Model Description shows it: its id, or for `other` its name as a
/// link to its text.
fn license_text(card: &Card) -> String {
    let license = &card.model_details.license;
    if !license.is_other() {
        return license.id.clone();
    }
    match (license.name.trim().is_empty(), license.link.trim().is_empty()) {
        (false, false) => format!("[{}]({})", one_line(&license.name), license.link.trim()),
        (false, true) => one_line(&license.name),
        _ => licenses::OTHER.to_owned(),
    }
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

fn split_list(text: &str) -> Vec<String> {
    split_top_level(text).into_iter().map(|v| v.trim().to_owned()).collect()
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

/// Flattens text for a single-line context (a heading, a table cell).
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_parents_come_first() {
        for (index, section) in SECTIONS.iter().enumerate() {
            assert_eq!(position(section.id), Some(index), "{} is listed twice", section.id);
            if let Some(parent) = section.parent {
                let parent_at = position(parent).unwrap_or(usize::MAX);
                assert!(parent_at < index, "{}'s parent {parent} comes after it", section.id);
                let parent_level = SECTIONS[parent_at].level;
                assert_eq!(section.level, parent_level + 1, "{}", section.id);
            } else {
                assert_eq!(section.level, 2, "{} is top-level", section.id);
            }
        }
        assert!(position(CUSTOM_AFTER).is_some());
    }

    #[test]
    fn headings_normalise_and_every_title_and_alias_finds_its_section() {
        assert_eq!(normalise("Bias, Risks, and Limitations"), "bias risks and limitations");
        assert_eq!(
            normalise("Testing Data, Factors & Metrics"),
            "testing data factors and metrics"
        );
        assert_eq!(normalise("Citation [optional]"), "citation");
        for section in SECTIONS {
            assert_eq!(lookup(section.title).map(|s| s.id), Some(section.id));
            for alias in section.aliases {
                assert_eq!(normalise(alias), *alias, "aliases are written normalised");
                assert_eq!(lookup(alias).map(|s| s.id), Some(section.id));
            }
        }
        assert_eq!(lookup("Intended uses & limitations").map(|s| s.id), Some("direct-use"));
        assert!(lookup("Showcases").is_none());
    }

    #[test]
    fn items_read_back_what_they_write() {
        let mut card = crate::card::example::filled_card();
        card.model_details.owners.push(Owner { name: "Team [Core]".into(), contact: "".into() });
        for section in SECTIONS {
            for item in section.items {
                let written = (item.get)(&card);
                let mut back = card.clone();
                (item.set)(&mut back, &written);
                assert_eq!((item.get)(&back), written, "{}", item.id);
                assert_eq!(lookup_item(section, item.label).map(|i| i.id), Some(item.id));
            }
        }
        let description = section("model-description").unwrap();
        assert_eq!(
            lookup_item(description, "Funded by [optional]").map(|i| i.id),
            Some("funded-by")
        );
        assert_eq!(lookup_item(description, "Language(s) (NLP)").map(|i| i.id), Some("languages"));
    }
}
