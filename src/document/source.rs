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

/// A byte range of [`ReadmeSource::text`], written `[start, end]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Self::new(start, end)
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
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

/// Which part of the card a span holds. Written as one string (`key:license`,
/// `section:direct-use`, `item:model-description/license`, `custom-body:2`): a string
/// costs the page no deserializer of its own, where an enum's derive would.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
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

impl From<Part> for String {
    fn from(part: Part) -> Self {
        match part {
            Part::Key(key) => format!("key:{key}"),
            Part::ExtraKey(key) => format!("extra-key:{key}"),
            Part::Extra => "extra".into(),
            Part::Title => "title".into(),
            Part::Banner => "banner".into(),
            Part::Summary => "summary".into(),
            Part::Section(id) => format!("section:{id}"),
            Part::Item { section, item } => format!("item:{section}/{item}"),
            Part::CustomHeading(index) => format!("custom-heading:{index}"),
            Part::CustomBody(index) => format!("custom-body:{index}"),
        }
    }
}

/// A string that names no part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a part of a card")]
pub struct NotAPart(String);

impl TryFrom<String> for Part {
    type Error = NotAPart;

    fn try_from(text: String) -> Result<Self, NotAPart> {
        let (kind, rest) = text.split_once(':').unwrap_or((text.as_str(), ""));
        let index = || rest.parse::<u32>().map_err(|_| NotAPart(text.clone()));
        Ok(match kind {
            "key" => Self::Key(rest.to_owned()),
            "extra-key" => Self::ExtraKey(rest.to_owned()),
            "extra" => Self::Extra,
            "title" => Self::Title,
            "banner" => Self::Banner,
            "summary" => Self::Summary,
            "section" => Self::Section(rest.to_owned()),
            "item" => {
                let (section, item) = rest.split_once('/').ok_or_else(|| NotAPart(text.clone()))?;
                Self::Item { section: section.to_owned(), item: item.to_owned() }
            }
            "custom-heading" => Self::CustomHeading(index()?),
            "custom-body" => Self::CustomBody(index()?),
            _ => return Err(NotAPart(text)),
        })
    }
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
    fn every_part_reads_back_from_its_name() {
        let parts = [
            Part::Key("model-index".into()),
            Part::ExtraKey("a:b/c".into()),
            Part::Extra,
            Part::Title,
            Part::Banner,
            Part::Summary,
            Part::Section("direct-use".into()),
            Part::Item { section: "model-description".into(), item: "license".into() },
            Part::CustomHeading(3),
            Part::CustomBody(12),
        ];
        for part in parts {
            let name = String::from(part.clone());
            assert_eq!(Part::try_from(name), Ok(part));
        }
        assert!(Part::try_from("custom-body:x".to_owned()).is_err());
        assert!(Part::try_from("nothing".to_owned()).is_err());
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
