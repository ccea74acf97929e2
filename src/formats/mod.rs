//! Import and export: every file format a card can be read from or written to.
//!
//! Pure functions from text to card and back. Nothing here knows about the browser.

pub mod hf;
pub mod json;
pub mod markdown;
pub mod yaml;

pub use json::{ImportError, Imported, SourceFormat};

use crate::card::Card;

/// A file name stem for downloads, from the model's name and version:
/// `ImageClassifier` 1.0 → `imageclassifier-1.0`. Only `[a-z0-9._-]` survive.
pub fn file_stem(card: &Card) -> String {
    let details = &card.model_details;
    let mut stem = String::new();
    for part in [details.name.as_str(), details.version.name.as_str()] {
        let slug = slug(part);
        if !slug.is_empty() {
            if !stem.is_empty() {
                stem.push('-');
            }
            stem.push_str(&slug);
        }
    }
    if stem.is_empty() { "model-card".to_owned() } else { stem }
}

fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let after_alphanumeric = slug.ends_with(|p: char| p.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || (matches!(c, '.' | '_') && after_alphanumeric) {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches(['-', '.', '_']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stem_is_a_safe_slug_of_name_and_version() {
        let mut card = Card::default();
        assert_eq!(file_stem(&card), "model-card");
        card.model_details.name = "Image Classifier / ../../etc".into();
        card.model_details.version.name = "1.0".into();
        assert_eq!(file_stem(&card), "image-classifier-etc-1.0");
    }
}
