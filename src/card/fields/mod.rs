//! The registry of the card's sections and fields: one entry per field, with its label,
//! guidance, requirement level and accessors.
//!
//! The editor draws its controls from here, completeness scores from here, and messages
//! name fields by the same paths, so a field is described once and every screen agrees.
//!
//! This file holds the types and the builders the tables are written with; the tables
//! themselves are `sections.rs` (the editor's panels), `registry.rs` (every text field)
//! and `lists.rs` (the lists of items and their fields).

mod lists;
mod registry;
mod sections;

pub use lists::{
    CUSTOM_SECTIONS, EVALUATION_DATASETS, FAIRNESS_ASSESSMENTS, LISTS, OWNERS, RESULTS, RISKS,
    TRAINING_DATASETS,
};
pub use registry::{
    ALL, CONTACT, DESCRIPTION, DIRECT_USE, LICENSE, LIMITATIONS, NAME, OUT_OF_SCOPE_USE, VERSION,
    by_path, in_section,
};
pub use sections::{SECTIONS, section, section_by_slug};

use super::{Card, has_content, has_example};

/// How much a field matters for a complete card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Required,
    Recommended,
    Optional,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Self::Required => "Required",
            Self::Recommended => "Recommended",
            Self::Optional => "Optional",
        }
    }

    /// Whether the field counts towards the completeness score.
    pub fn counts(self) -> bool {
        self != Self::Optional
    }
}

/// The editor's panels, in the order of the section navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionId {
    ModelDetails,
    IntendedUse,
    Factors,
    Metrics,
    TrainingData,
    EvaluationData,
    TrainingProcedure,
    QuantitativeAnalysis,
    BiasRisksLimitations,
    EthicalConsiderations,
    Caveats,
    EnvironmentalImpact,
    TechnicalSpecifications,
    GetStarted,
    MoreInformation,
    HfMetadata,
    CustomSections,
}

/// One editor panel.
#[derive(Debug, Clone, Copy)]
pub struct SectionSpec {
    pub id: SectionId,
    /// The panel's DOM id and URL fragment.
    pub slug: &'static str,
    pub title: &'static str,
    /// One or two sentences on what the section is for.
    pub intro: &'static str,
}

/// How a text field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A single line of plain text.
    Line,
    /// Multi-line Markdown.
    Markdown,
    /// Source code, shown in a monospace box.
    Code,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A Hub licence id, picked from [`super::licenses::LICENSES`].
    License,
    /// A list of short strings, edited as one comma-separated line.
    List,
}

/// How to read and write a field's value in a card.
#[derive(Clone, Copy)]
pub enum Access {
    Text(fn(&Card) -> &String, fn(&mut Card) -> &mut String),
    List(fn(&Card) -> &Vec<String>, fn(&mut Card) -> &mut Vec<String>),
}

/// One field of the card.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The field's path in our JSON, e.g. `model_details.name`. Also its DOM id.
    pub path: &'static str,
    /// The visible label, which is also the control's accessible name.
    pub label: &'static str,
    pub section: SectionId,
    pub level: Level,
    pub kind: FieldKind,
    /// What to write and why it matters.
    pub help: &'static str,
    /// A one-line example.
    pub example: &'static str,
    pub access: Access,
    /// Shown (and counted) only when this holds, e.g. the licence name for `other`.
    pub shown_if: Option<fn(&Card) -> bool>,
}

impl FieldSpec {
    pub fn is_shown(&self, card: &Card) -> bool {
        self.shown_if.is_none_or(|shown| shown(card))
    }

    pub fn has_content(&self, card: &Card) -> bool {
        match self.access {
            Access::Text(get, _) => has_content(get(card)),
            Access::List(get, _) => get(card).iter().any(|item| has_content(item)),
        }
    }

    /// Whether the field still holds template example text to replace.
    pub fn has_example(&self, card: &Card) -> bool {
        match self.access {
            Access::Text(get, _) => has_example(get(card)),
            Access::List(get, _) => get(card).iter().any(|item| has_example(item)),
        }
    }

    /// The builder every registry entry starts from. The defaults are the common case: an
    /// optional field, always shown, edited as one line (a comma-separated line for a list),
    /// with no help or example until `help` and `example` give them.
    const fn new(
        section: SectionId,
        label: &'static str,
        (path, access): (&'static str, Access),
    ) -> Self {
        let kind = match access {
            Access::Text(..) => FieldKind::Line,
            Access::List(..) => FieldKind::List,
        };
        Self {
            path,
            label,
            section,
            level: Level::Optional,
            kind,
            help: "",
            example: "",
            access,
            shown_if: None,
        }
    }

    const fn required(mut self) -> Self {
        self.level = Level::Required;
        self
    }

    const fn recommended(mut self) -> Self {
        self.level = Level::Recommended;
        self
    }

    const fn kind(mut self, kind: FieldKind) -> Self {
        self.kind = kind;
        self
    }

    const fn help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }

    const fn example(mut self, example: &'static str) -> Self {
        self.example = example;
        self
    }

    const fn shown_if(mut self, shown: fn(&Card) -> bool) -> Self {
        self.shown_if = Some(shown);
        self
    }
}

impl std::fmt::Debug for FieldSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldSpec").field("path", &self.path).finish_non_exhaustive()
    }
}

/// How to read and write one field of a list item.
pub enum ItemAccess<T> {
    Text(fn(&T) -> &String, fn(&mut T) -> &mut String),
    Flag(fn(&T) -> bool, fn(&mut T) -> &mut bool),
}

impl<T> Clone for ItemAccess<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ItemAccess<T> {}

/// One field of a list item.
pub struct ItemField<T: 'static> {
    /// The field's key within the item, e.g. `name`.
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub help: &'static str,
    pub access: ItemAccess<T>,
}

impl<T> ItemField<T> {
    /// The accessible name of this field in item `number`: "Metric 1 name".
    pub fn accessible_name(&self, item: &str, number: usize) -> String {
        format!("{item} {number} {}", lower_first(self.label))
    }

    /// The builder every item field starts from: one line of text, no help until `help`.
    const fn new(label: &'static str, (key, access): (&'static str, ItemAccess<T>)) -> Self {
        Self { key, label, kind: FieldKind::Line, help: "", access }
    }

    const fn kind(mut self, kind: FieldKind) -> Self {
        self.kind = kind;
        self
    }

    const fn help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }
}

/// Lower-cases the first letter of a word, but not of an acronym ("CI lower").
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    let Some(first) = chars.next() else { return String::new() };
    let rest = chars.as_str();
    match rest.chars().next() {
        Some(second) if second.is_lowercase() || second == ' ' => {
            first.to_lowercase().chain(rest.chars()).collect()
        }
        _ => label.to_owned(),
    }
}

impl<T> Clone for ItemField<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ItemField<T> {}

/// A list of items in the card, e.g. the model's owners.
pub struct ListSpec<T: 'static> {
    /// The list's path in our JSON, e.g. `model_details.owners`. Also its DOM id.
    pub path: &'static str,
    /// The list's visible label.
    pub label: &'static str,
    /// What one item is called, e.g. `Owner`: items are "Owner 1", "Owner 2", …
    pub item: &'static str,
    pub section: SectionId,
    pub level: Level,
    pub help: &'static str,
    pub items: fn(&Card) -> &Vec<T>,
    pub items_mut: fn(&mut Card) -> &mut Vec<T>,
    pub fields: &'static [ItemField<T>],
    /// Whether an item says something (not blank, not only example text).
    pub item_has_content: fn(&T) -> bool,
    /// Parts of an item edited outside `fields` (a result's slice), as labelled text.
    pub item_extras: fn(&T) -> Vec<(&'static str, &'static str, String)>,
}

impl<T> Clone for ListSpec<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ListSpec<T> {}

/// A list's path and accessors, as `items!` writes them.
type ListAt<T> = (&'static str, fn(&Card) -> &Vec<T>, fn(&mut Card) -> &mut Vec<T>);

impl<T> ListSpec<T> {
    /// The builder every list starts from: optional, no help until `help`, and no parts of
    /// an item edited outside `fields` until `extras`.
    const fn new(
        section: SectionId,
        label: &'static str,
        item: &'static str,
        (path, items, items_mut): ListAt<T>,
        fields: &'static [ItemField<T>],
        item_has_content: fn(&T) -> bool,
    ) -> Self {
        Self {
            path,
            label,
            item,
            section,
            level: Level::Optional,
            help: "",
            items,
            items_mut,
            fields,
            item_has_content,
            item_extras: no_extras,
        }
    }

    const fn required(mut self) -> Self {
        self.level = Level::Required;
        self
    }

    const fn recommended(mut self) -> Self {
        self.level = Level::Recommended;
        self
    }

    const fn help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }

    const fn extras(mut self, extras: fn(&T) -> Vec<(&'static str, &'static str, String)>) -> Self {
        self.item_extras = extras;
        self
    }
}

/// What completeness needs to know about any list, whatever its item type.
pub trait ListInfo: Sync {
    fn path(&self) -> &'static str;
    fn label(&self) -> &'static str;
    fn section(&self) -> SectionId;
    fn level(&self) -> Level;
    fn has_content(&self, card: &Card) -> bool;
    fn len(&self, card: &Card) -> usize;
    /// The key of an item's first field, where focus goes to edit an item.
    fn first_key(&self) -> &'static str;
    /// What one item is called, e.g. `Owner`.
    fn item(&self) -> &'static str;
    /// Every item as (key, accessible label, value as text), for comparing versions.
    fn item_texts(&self, card: &Card) -> Vec<Vec<(&'static str, String, String)>>;
}

impl<T> ListInfo for ListSpec<T> {
    fn path(&self) -> &'static str {
        self.path
    }
    fn label(&self) -> &'static str {
        self.label
    }
    fn section(&self) -> SectionId {
        self.section
    }
    fn level(&self) -> Level {
        self.level
    }
    fn has_content(&self, card: &Card) -> bool {
        (self.items)(card).iter().any(self.item_has_content)
    }
    fn len(&self, card: &Card) -> usize {
        (self.items)(card).len()
    }
    fn first_key(&self) -> &'static str {
        self.fields.first().map_or("", |field| field.key)
    }
    fn item(&self) -> &'static str {
        self.item
    }
    fn item_texts(&self, card: &Card) -> Vec<Vec<(&'static str, String, String)>> {
        (self.items)(card)
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let mut texts: Vec<(&'static str, String, String)> = self
                    .fields
                    .iter()
                    .map(|field| {
                        let value = match field.access {
                            ItemAccess::Text(get, _) => get(item).clone(),
                            ItemAccess::Flag(get, _) => {
                                if get(item) { "yes" } else { "no" }.to_owned()
                            }
                        };
                        (field.key, field.accessible_name(self.item, index + 1), value)
                    })
                    .collect();
                for (key, label, value) in (self.item_extras)(item) {
                    texts.push((key, format!("{} {} {}", self.item, index + 1, label), value));
                }
                texts
            })
            .collect()
    }
}

/// No parts outside the registered fields.
fn no_extras<T>(_: &T) -> Vec<(&'static str, &'static str, String)> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::Level::Required;
    use super::*;

    #[test]
    fn every_text_field_reads_what_it_writes() {
        let mut card = Card::default();
        for field in ALL {
            match field.access {
                Access::Text(_, get_mut) => *get_mut(&mut card) = field.path.to_owned(),
                Access::List(_, get_mut) => *get_mut(&mut card) = vec![field.path.to_owned()],
            }
        }
        for field in ALL {
            match field.access {
                Access::Text(get, _) => assert_eq!(get(&card), field.path),
                Access::List(get, _) => assert_eq!(get(&card), &[field.path]),
            }
        }
    }

    #[test]
    fn every_field_list_and_item_field_says_what_to_write() {
        // The builders start with empty help and example, so a forgotten one shows here.
        for field in ALL {
            assert!(!field.help.is_empty(), "{} has no help", field.path);
            assert!(!field.example.is_empty(), "{} has no example", field.path);
        }
        fn item_fields_have_help<T>(list: &ListSpec<T>) {
            assert!(!list.help.is_empty(), "{} has no help", list.path);
            for field in list.fields {
                assert!(!field.help.is_empty(), "{}.{} has no help", list.path, field.key);
            }
        }
        item_fields_have_help(&OWNERS);
        item_fields_have_help(&TRAINING_DATASETS);
        item_fields_have_help(&EVALUATION_DATASETS);
        item_fields_have_help(&RESULTS);
        item_fields_have_help(&RISKS);
        item_fields_have_help(&FAIRNESS_ASSESSMENTS);
        item_fields_have_help(&CUSTOM_SECTIONS);
    }

    #[test]
    fn paths_are_unique_and_name_the_json_field() {
        let card = serde_json::to_value(Card::default()).unwrap();
        let mut paths: Vec<&str> =
            ALL.iter().map(|f| f.path).chain(LISTS.iter().map(|l| l.path())).collect();
        for path in &paths {
            let pointer = format!("/{}", path.replace('.', "/"));
            assert!(card.pointer(&pointer).is_some(), "{path} is not a field of the card");
        }
        let count = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), count);
    }

    #[test]
    fn every_section_has_something_to_edit() {
        for section in SECTIONS {
            let fields = in_section(section.id).count();
            let lists = LISTS.iter().filter(|l| l.section() == section.id).count();
            assert!(fields + lists > 0, "{} is empty", section.title);
        }
    }

    #[test]
    fn the_issue_names_exactly_these_required_fields() {
        let mut required: Vec<&str> = ALL
            .iter()
            .filter(|f| f.level == Required && f.shown_if.is_none())
            .map(|f| f.label)
            .chain(LISTS.iter().filter(|l| l.level() == Required).map(|l| l.label()))
            .collect();
        required.sort_unstable();
        assert_eq!(
            required,
            [
                "Contact",
                "Description",
                "Licence",
                "Limitations",
                "Metrics",
                "Name",
                "Out-of-scope uses",
                "Primary intended uses",
                "Version"
            ]
        );
    }

    #[test]
    fn item_fields_have_accessible_names_that_contain_their_labels() {
        let names: Vec<String> =
            RESULTS.fields.iter().map(|f| f.accessible_name(RESULTS.item, 1)).collect();
        assert_eq!(
            names,
            [
                "Metric 1 name",
                "Metric 1 value",
                "Metric 1 dataset",
                "Metric 1 split",
                "Metric 1 CI lower",
                "Metric 1 CI upper",
                "Metric 1 threshold"
            ]
        );
        assert_eq!(
            TRAINING_DATASETS.fields[1].accessible_name("Training dataset", 2),
            "Training dataset 2 link or Hub id"
        );
    }

    #[test]
    fn the_licence_name_is_shown_only_for_other_licences() {
        let name = by_path("model_details.license.name").unwrap();
        let mut card = Card::default();
        card.model_details.license.id = "mit".into();
        assert!(!name.is_shown(&card));
        card.model_details.license.id = "other".into();
        assert!(name.is_shown(&card));
    }
}
