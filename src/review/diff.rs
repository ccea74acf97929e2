//! What changed between two versions of a card, field by field, with a word-level diff
//! inside long text. Fields are named by the registry, so every field is covered and
//! every change is labelled the way the editor labels it.

use similar::DiffOp;
use similar::algorithms::{Capture, myers};

use crate::card::Card;
use crate::card::fields::{self, Access, SectionId};

/// How a field changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One changed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Where it is in our JSON: `model_details.owners[1].name`.
    pub path: String,
    /// What the editor calls it: `Owner 2 name`.
    pub label: String,
    pub section: SectionId,
    pub kind: ChangeKind,
    pub old: String,
    pub new: String,
}

impl FieldChange {
    /// Long or multi-line values are shown with a word-level diff.
    pub fn is_long(&self) -> bool {
        self.old.len().max(self.new.len()) > 60
            || self.old.contains('\n')
            || self.new.contains('\n')
    }
}

/// Every field that differs between `old` and `new`, in editor order.
pub fn diff(old: &Card, new: &Card) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for section in fields::SECTIONS {
        for field in fields::in_section(section.id) {
            let (before, after) = match field.access {
                Access::Text(get, _) => (get(old).clone(), get(new).clone()),
                Access::List(get, _) => (get(old).join(", "), get(new).join(", ")),
            };
            push_change(
                &mut changes,
                field.path.to_owned(),
                field.label.to_owned(),
                section.id,
                before,
                after,
            );
        }
        for list in fields::LISTS.iter().filter(|list| list.section() == section.id) {
            let (before, after) = (list.item_texts(old), list.item_texts(new));
            for index in 0..before.len().max(after.len()) {
                let empty = Vec::new();
                let (old_item, new_item) =
                    (before.get(index).unwrap_or(&empty), after.get(index).unwrap_or(&empty));
                let keys = if old_item.len() >= new_item.len() { old_item } else { new_item };
                for (key, label, _) in keys {
                    let value = |item: &[(&str, String, String)]| {
                        item.iter()
                            .find(|(k, _, _)| k == key)
                            .map(|(_, _, v)| v.clone())
                            .unwrap_or_default()
                    };
                    let path = format!("{}[{index}].{key}", list.path());
                    push_change(
                        &mut changes,
                        path,
                        label.clone(),
                        section.id,
                        value(old_item),
                        value(new_item),
                    );
                }
            }
        }
    }
    changes
}

fn push_change(
    changes: &mut Vec<FieldChange>,
    path: String,
    label: String,
    section: SectionId,
    old: String,
    new: String,
) {
    if old == new {
        return;
    }
    let kind = match (old.trim().is_empty(), new.trim().is_empty()) {
        (true, _) => ChangeKind::Added,
        (_, true) => ChangeKind::Removed,
        _ => ChangeKind::Changed,
    };
    changes.push(FieldChange { path, label, section, kind, old, new });
}

/// A run of text on one side of a side-by-side diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// Removed (on the old side) or added (on the new side).
    pub changed: bool,
}

/// Both sides of a word-level diff, for showing side by side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SideBySide {
    pub old: Vec<Segment>,
    pub new: Vec<Segment>,
}

/// A word-level diff of two texts.
///
/// Myers' algorithm over word and whitespace tokens, called directly: `similar`'s
/// `TextDiff` would also link in its other algorithms, three times the code.
pub fn text_diff(old: &str, new: &str) -> SideBySide {
    let (old_tokens, new_tokens) = (tokens(old), tokens(new));
    let mut capture = Capture::default();
    // The capture hook cannot fail.
    let _ = myers::diff(
        &mut capture,
        &old_tokens,
        0..old_tokens.len(),
        &new_tokens,
        0..new_tokens.len(),
    );
    let mut sides = SideBySide::default();
    let text = |tokens: &[&str], start: usize, len: usize| {
        tokens.iter().skip(start).take(len).copied().collect::<String>()
    };
    for op in capture.into_ops() {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                push_segment(&mut sides.old, &text(&old_tokens, old_index, len), false);
                push_segment(&mut sides.new, &text(&new_tokens, new_index, len), false);
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                push_segment(&mut sides.old, &text(&old_tokens, old_index, old_len), true)
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                push_segment(&mut sides.new, &text(&new_tokens, new_index, new_len), true)
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push_segment(&mut sides.old, &text(&old_tokens, old_index, old_len), true);
                push_segment(&mut sides.new, &text(&new_tokens, new_index, new_len), true);
            }
        }
    }
    sides
}

/// Splits text into runs of word characters and runs of whitespace.
fn tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let space = first.is_whitespace();
        let end = rest.find(|c: char| c.is_whitespace() != space).unwrap_or(rest.len());
        let (token, after) = rest.split_at(end);
        tokens.push(token);
        rest = after;
    }
    tokens
}

/// Appends text, merging it with the last segment when both are (un)changed alike.
fn push_segment(segments: &mut Vec<Segment>, text: &str, changed: bool) {
    match segments.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => segments.push(Segment { text: text.to_owned(), changed }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::filled_card;
    use crate::card::{Owner, SliceTerm};

    #[test]
    fn identical_cards_have_no_changes() {
        assert!(diff(&filled_card(), &filled_card()).is_empty());
    }

    #[test]
    fn reports_added_removed_and_changed_fields_by_path_and_label() {
        let old = filled_card();
        let mut new = old.clone();
        new.model_details.architecture.clear();
        new.model_details.version.name = "1.1".into();
        new.more.glossary = String::new();
        new.model_details.languages = vec!["en".into()];

        let changes = diff(&old, &new);
        let summary: Vec<(&str, ChangeKind)> =
            changes.iter().map(|c| (c.path.as_str(), c.kind)).collect();
        assert_eq!(
            summary,
            [
                ("model_details.architecture", ChangeKind::Removed),
                ("model_details.version.name", ChangeKind::Changed),
                ("model_details.languages", ChangeKind::Added),
                ("more.glossary", ChangeKind::Removed),
            ]
        );
        let version = &changes[1];
        assert_eq!(
            (version.label.as_str(), version.old.as_str(), version.new.as_str()),
            ("Version", "1.0", "1.1")
        );
        assert_eq!(version.section, SectionId::ModelDetails);
    }

    #[test]
    fn compares_list_items_by_position_including_added_and_removed_items() {
        let old = filled_card();
        let mut new = old.clone();
        new.model_details.owners[1].name = "B. Researcher".into();
        new.model_details.owners.push(Owner { name: "New Owner".into(), contact: String::new() });
        new.ethical_considerations.risks.clear();

        let changes = diff(&old, &new);
        let find = |path: &str| {
            changes.iter().find(|c| c.path == path).unwrap_or_else(|| panic!("{path} missing"))
        };
        assert_eq!(find("model_details.owners[1].name").kind, ChangeKind::Changed);
        assert_eq!(find("model_details.owners[1].name").label, "Owner 2 name");
        assert_eq!(find("model_details.owners[2].name").kind, ChangeKind::Added);
        assert_eq!(find("ethical_considerations.risks[0].risk").kind, ChangeKind::Removed);
        assert_eq!(find("ethical_considerations.risks[0].mitigation").kind, ChangeKind::Removed);
    }

    #[test]
    fn a_changed_slice_is_a_change_of_its_result() {
        let old = filled_card();
        let mut new = old.clone();
        new.quantitative_analysis.results[2].slice = vec![SliceTerm::new("lighting", "dusk")];
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].path, "quantitative_analysis.results[2].slice");
        assert_eq!(
            (changes[0].old.as_str(), changes[0].new.as_str()),
            ("lighting=night", "lighting=dusk")
        );
    }

    #[test]
    fn tokens_are_words_and_whitespace_runs() {
        assert_eq!(tokens("a  bc\nd"), ["a", "  ", "bc", "\n", "d"]);
        assert_eq!(tokens(""), Vec::<&str>::new());
    }

    #[test]
    fn a_replaced_word_is_marked_on_both_sides() {
        let sides = text_diff("accuracy is high", "accuracy is low");
        assert_eq!(sides.old.last(), Some(&Segment { text: "high".into(), changed: true }));
        assert_eq!(sides.new.last(), Some(&Segment { text: "low".into(), changed: true }));
    }

    #[test]
    fn a_long_text_gets_a_word_diff_on_both_sides() {
        let sides =
            text_diff("May misclassify rare images.", "May misclassify rare and blurry images.");
        let old: Vec<(&str, bool)> =
            sides.old.iter().map(|s| (s.text.as_str(), s.changed)).collect();
        let new: Vec<(&str, bool)> =
            sides.new.iter().map(|s| (s.text.as_str(), s.changed)).collect();
        assert_eq!(old, [("May misclassify rare images.", false)]);
        assert_eq!(
            new,
            [("May misclassify rare ", false), ("and blurry ", true), ("images.", false)]
        );
    }
}
