//! The registry of the card's text fields: one entry per field, with its label and path.
//!
//! The editor draws its inputs from here, and validation names fields by the same paths,
//! so a field is described once and every screen and message agrees about it.

use super::Card;

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A single line of plain text.
    Line,
    /// Multi-line Markdown.
    Markdown,
}

/// One text field of the card.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The field's path in our JSON, e.g. `model_details.name`. Also its DOM id.
    pub path: &'static str,
    /// The visible label, which is also the control's accessible name.
    pub label: &'static str,
    pub kind: FieldKind,
    pub get: fn(&Card) -> &String,
    pub get_mut: fn(&mut Card) -> &mut String,
}

impl std::fmt::Debug for FieldSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldSpec").field("path", &self.path).finish_non_exhaustive()
    }
}

pub const NAME: FieldSpec = FieldSpec {
    path: "model_details.name",
    label: "Name",
    kind: FieldKind::Line,
    get: |card| &card.model_details.name,
    get_mut: |card| &mut card.model_details.name,
};

pub const VERSION: FieldSpec = FieldSpec {
    path: "model_details.version.name",
    label: "Version",
    kind: FieldKind::Line,
    get: |card| &card.model_details.version.name,
    get_mut: |card| &mut card.model_details.version.name,
};

pub const LIMITATIONS: FieldSpec = FieldSpec {
    path: "bias_risks_limitations.limitations",
    label: "Limitations",
    kind: FieldKind::Markdown,
    get: |card| &card.bias_risks_limitations.limitations,
    get_mut: |card| &mut card.bias_risks_limitations.limitations,
};

/// Every registered text field, in editor order.
pub const ALL: &[FieldSpec] = &[NAME, VERSION, LIMITATIONS];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_what_it_writes() {
        let mut card = Card::default();
        for field in ALL {
            *(field.get_mut)(&mut card) = field.path.to_owned();
        }
        for field in ALL {
            assert_eq!((field.get)(&card), field.path);
        }
    }

    #[test]
    fn paths_are_unique() {
        let mut paths: Vec<_> = ALL.iter().map(|f| f.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), ALL.len());
    }
}
