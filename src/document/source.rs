//! The README a card was imported from, as plain data: its text, and where in that text
//! each part of the card was read, with a digest of what the part said then.
//!
//! `formats::hf` makes a [`ReadmeSource`] when it reads a README; `markdown::readme`
//! prints the README again from it and the card. A part whose digest still matches the
//! card is printed from these bytes; any other part is written anew in its own span, and
//! every byte outside the spans (layout: blank lines, comments, the template's filler,
//! the wording of the headings we know) is copied. So an unedited card gives back the
//! very file it came from, and an edit rewrites only its own lines.
//!
//! Nothing here is trusted from a file: an import of our JSON reads the spans again from
//! `text` (see `formats::hf::reread_source`), so a span always says what its bytes mean.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A README's text and the places of the card's parts in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ReadmeSource {
    /// The README as imported, with line endings as written, without its status block
    /// (which every export writes anew) and without the embedded copy older exports had.
    pub text: String,
    /// Where the YAML between the front-matter fences is, if the README has front matter.
    pub front_matter: Option<Span>,
    /// Where the body starts: after the line that closes the front matter, or 0.
    pub body_start: usize,
    /// The body's headings, in order.
    pub headings: Vec<SourceHeading>,
    /// Every part of the card the README holds, in the order of the text.
    pub parts: Vec<SourcePart>,
}

/// A byte range of [`ReadmeSource::text`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end: end.max(start) }
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text of the span, or `None` when it does not fall on character boundaries.
    pub fn of<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

/// One heading of the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SourceHeading {
    pub level: u8,
    /// The heading's line (two for a setext heading) with its line break.
    pub span: Span,
    /// Its title, as written, inside `span`.
    pub title: Span,
    /// The heading table's id of the section it was read as (`"uses"`), if any.
    pub section: Option<String>,
}

/// One part of the card, where it was read, and the digest of the Markdown (or YAML)
/// the card's value of it is written as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SourcePart {
    pub part: Part,
    /// Where its text is; a part read from several places (text around a list) has
    /// several spans, in order. Empty for a part that is only a digest.
    pub spans: Vec<Span>,
    /// [`digest`] of what the part said when it was read.
    pub digest: String,
}

/// Which part of the card a span holds.
///
/// Externally tagged on purpose: an internally tagged enum is read through a buffer,
/// which doubles the deserializer code in the page (`docs/decisions.md` §11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// A front-matter key the card has fields for (`license`, `model-index`): its lines.
    Key(String),
    /// A front-matter key kept as written in `hf_metadata.extra_yaml`: its lines.
    ExtraKey(String),
    /// All of `hf_metadata.extra_yaml` (no span): lets a card whose kept keys cannot be
    /// told apart still print them from the source while unchanged.
    Extra,
    /// The model's name, in the title heading.
    Title,
    /// What comes before the title heading.
    Banner,
    /// The summary: the title's text, or what comes before the first heading.
    Summary,
    /// The text of a section of the heading table (its id, e.g. `"direct-use"`).
    Section(String),
    /// One `- **Label:** value` line of a section's list, by the item's id.
    Item { section: String, item: String },
    /// A custom section's heading, by its index in the card when it was read.
    CustomHeading(u32),
    /// A custom section's text.
    CustomBody(u32),
}

/// The digest stored with a part: the first 128 bits of the SHA-256 of its text with
/// `\n` line endings, in hex. Long enough that no one can make two texts share one.
pub fn digest(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n");
    let hash = Sha256::digest(normalised.as_bytes());
    hash.iter().take(16).map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_ignore_line_endings_and_differ_otherwise() {
        assert_eq!(digest("a\r\nb\n"), digest("a\nb\n"));
        assert_ne!(digest("a"), digest("b"));
        assert_eq!(digest("").len(), 32);
    }

    #[test]
    fn spans_never_slice_inside_a_character() {
        let text = "é!";
        assert_eq!(Span::new(0, 2).of(text), Some("é"));
        assert_eq!(Span::new(1, 2).of(text), None);
        assert_eq!(Span::new(5, 9).of(text), None);
        assert!(Span::new(3, 1).is_empty());
    }
}
