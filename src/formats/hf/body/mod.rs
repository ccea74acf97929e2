//! The README body, read into the card with the span of every part it came from.
//!
//! Each heading is looked up in the heading table (`markdown::headings`, the same table
//! the Markdown writer walks). A known section's text goes to its field, and unknown
//! headings under it stay in that text; an unknown section becomes a custom section, with
//! what is under it. A section we know whose text does not fit its fields (a second
//! "Limitations", text beside the Model Sources list) is kept as a custom section too,
//! so nothing that renders is left out of the card. Layout (blank lines, HTML comments,
//! the template's "[More Information Needed]", the wording of known headings) is not
//! content: it stays in the source and is printed from there.

mod blocks;
mod sections;

use crate::card::{Card, CustomSection};
use crate::document::source::{Part, SourceHeading, Span};
use crate::formats::ImportReport;
use crate::markdown::headings::{self, Leftover};

pub use blocks::normalise;
use blocks::{Body, Kind};

/// What the body gave besides the card: its headings and the spans of the card's parts.
#[derive(Default)]
pub struct Read {
    pub headings: Vec<SourceHeading>,
    pub parts: Vec<(Part, Vec<Span>)>,
    /// How many "[More Information Needed]" fillers the body shows.
    pub fillers: usize,
}

/// The prefix the template puts before the model's name.
const TITLE_PREFIX: &str = "Model Card for ";

/// Reads the body (`text[start..]`) into the card, which already holds the front
/// matter's fields.
pub fn import(text: &str, start: usize, card: &mut Card, report: &mut ImportReport) -> Read {
    let body = Body::scan(text, start);
    let fillers = body.blocks.iter().filter(|b| b.kind == Kind::Filler).count();
    let read = Read { fillers, ..Read::default() };
    let mut reader = Reader { body: &body, card, report, read, used: Vec::new() };
    reader.read_all();
    let Reader { read, .. } = reader;
    read
}

struct Reader<'a, 'b> {
    body: &'a Body<'a>,
    card: &'b mut Card,
    report: &'b mut ImportReport,
    read: Read,
    /// The sections whose fields are taken: a second one is a custom section.
    used: Vec<&'static str>,
}

impl Reader<'_, '_> {
    fn read_all(&mut self) {
        let body = self.body;
        let headings = &body.headings;
        self.read.headings = headings
            .iter()
            .map(|h| SourceHeading { level: h.level, span: h.span, title: h.title, section: None })
            .collect();
        let first = headings.first().map_or(body.end, |h| h.span.start);
        let preamble = Span::new(body.start, first);
        let mut index = 0;
        match headings.first() {
            Some(title) if title.level == 1 => {
                let written = body.slice(title.title);
                let (name, span) = match written.strip_prefix(TITLE_PREFIX) {
                    Some(name) => {
                        (name, Span::new(title.title.start + TITLE_PREFIX.len(), title.title.end))
                    }
                    None => (written, title.title),
                };
                self.card.model_details.name = headings::one_line(&normalise(name));
                self.read.parts.push((Part::Title, vec![span]));
                self.report.mapped.push("title".into());
                let own = Span::new(title.span.end, self.own_end(0));
                let (spans, summary) = self.text(own, &[], false);
                self.card.model_details.summary = summary;
                self.read.parts.push((Part::Summary, spans));
                let banner = body.pieces(preamble, &[]);
                if !banner.is_empty() {
                    self.card.model_details.banner = body.value(&banner);
                    self.read.parts.push((Part::Banner, banner));
                    self.report.mapped.push("text before the title (as the banner)".into());
                }
                index = 1;
            }
            _ => {
                let (spans, summary) = self.text(preamble, &[], false);
                if !summary.is_empty() {
                    self.report
                        .mapped
                        .push("text before the first heading (as the summary)".into());
                }
                self.card.model_details.summary = summary;
                self.read.parts.push((Part::Summary, spans));
            }
        }
        while index < headings.len() {
            index = self.section(index);
        }
    }

    /// Notes which section of the table heading `index` was read as.
    fn mark(&mut self, index: usize, id: &str) {
        if let Some(heading) = self.read.headings.get_mut(index) {
            heading.section = Some(id.into());
        }
    }

    /// Where the content under heading `index` ends: at the next heading.
    fn own_end(&self, index: usize) -> usize {
        self.body.headings.get(index + 1).map_or(self.body.end, |h| h.span.start)
    }

    /// The first heading from `from` on that is not inside a section of `level`: one
    /// as deep or shallower, or a section of the table (a container, or one whose field
    /// is still free), which is read as that section wherever it is.
    fn absorb(&self, from: usize, level: u8) -> usize {
        let headings = &self.body.headings;
        let mut index = from;
        while let Some(heading) = headings.get(index) {
            if heading.level <= level {
                break;
            }
            match headings::lookup(&heading.text) {
                Some(section) if section.is_container() || !self.used.contains(&section.id) => {
                    break;
                }
                _ => index += 1,
            }
        }
        index
    }

    /// Reads the section at heading `index`; returns the next heading to read.
    fn section(&mut self, index: usize) -> usize {
        let body = self.body;
        let Some(heading) = body.headings.get(index) else { return index + 1 };
        let own = Span::new(heading.span.end, self.own_end(index));
        let Some(section) = headings::lookup(&heading.text).filter(|s| !self.used.contains(&s.id))
        else {
            return self.custom(index, Vec::new(), "section");
        };
        if section.is_container() {
            self.mark(index, section.id);
            if body.pieces(own, &[]).is_empty() {
                return index + 1;
            }
            return self.custom(index, Vec::new(), "the text of");
        }
        let absorbing = section.leftover == Leftover::Text;
        let next = if absorbing { self.absorb(index + 1, heading.level) } else { index + 1 };
        let content = Span::new(heading.span.end, self.own_end(next - 1));
        let mut scratch = self.card.clone();
        let mut read = sections::Read::default();
        sections::items(body, content, section, &mut scratch, &mut read);
        if !sections::tail(body, content, section, &mut scratch, &mut read) {
            // Not the layout it must have (prose beside the get-started code): keep it whole.
            return self.custom(index, Vec::new(), "section");
        }
        *self.card = scratch;
        self.used.push(section.id);
        self.mark(index, section.id);
        self.report.mapped.push(format!("section \"{}\"", heading.text));
        let after_items = read.used.iter().map(|s| s.end).max();
        self.read.parts.extend(read.parts);
        match section.leftover {
            Leftover::Text => {
                let (spans, value) = self.text(
                    content,
                    &read.used,
                    section.items_first.then_some(after_items).flatten().is_some(),
                );
                if let Some(field) = section.text {
                    *(field.set)(self.card) = value;
                }
                self.read.parts.push((Part::Section(section.id.into()), spans));
                next
            }
            Leftover::Into(target) => {
                let pieces = body.pieces(content, &read.used);
                let into = headings::section(target).and_then(|s| s.text.map(|f| (s.id, f)));
                match into {
                    Some((id, field)) if !pieces.is_empty() && !self.used.contains(&id) => {
                        *(field.set)(self.card) = body.value(&pieces);
                        self.used.push(id);
                        self.read.parts.push((Part::Section(id.into()), pieces));
                        next
                    }
                    _ if pieces.is_empty() => next,
                    _ => self.custom(index, pieces, "part of"),
                }
            }
            Leftover::Custom | Leftover::WholeUnlessTail => {
                let pieces = body.pieces(content, &read.used);
                if pieces.is_empty() { next } else { self.custom(index, pieces, "part of") }
            }
        }
    }

    /// A text part: its pieces and value; when it is empty, the filler it shows (filling
    /// the field in replaces it) or the point where its text would go.
    fn text(&self, content: Span, used: &[Span], after_used: bool) -> (Vec<Span>, String) {
        let body = self.body;
        let pieces = body.pieces(content, used);
        if !pieces.is_empty() {
            return (pieces.clone(), body.value(&pieces));
        }
        let outside = |span: Span| !used.iter().any(|u| u.start <= span.start && span.end <= u.end);
        if let Some(filler) =
            body.blocks_in(content).find(|b| b.kind == Kind::Filler && outside(b.span))
        {
            return (vec![filler.span], String::new());
        }
        let mut at = content.start;
        if after_used {
            at = used.iter().map(|s| s.end).max().unwrap_or(at);
        } else {
            let first_used = used.iter().map(|s| s.start).min().unwrap_or(content.end);
            for block in body.blocks_in(content) {
                if block.span.end <= first_used && block.is_layout() {
                    at = block.span.end;
                } else {
                    break;
                }
            }
        }
        (vec![Span::new(at, at)], String::new())
    }

    /// A custom section at heading `index`: with its own text (`shared` empty) it is the
    /// heading and all it encloses; otherwise the heading is a known section's, and the
    /// custom section is the text that did not fit its fields plus what it encloses.
    fn custom(&mut self, index: usize, shared: Vec<Span>, how: &str) -> usize {
        let body = self.body;
        let Some(heading) = body.headings.get(index) else { return index + 1 };
        let next = self.absorb(index + 1, heading.level);
        let end = self.own_end(next - 1);
        let spans = if shared.is_empty() {
            body.pieces(Span::new(heading.span.end, end), &[])
        } else {
            let mut spans = shared;
            if next > index + 1
                && let Some(first) = body.headings.get(index + 1)
            {
                spans.extend(body.pieces(Span::new(first.span.start, end), &[]));
            }
            spans
        };
        let number = u32::try_from(self.card.custom_sections.len()).unwrap_or(u32::MAX);
        self.card.custom_sections.push(CustomSection {
            title: heading.text.clone(),
            body: body.value(&spans),
            level: heading.level,
        });
        self.read.parts.push((Part::CustomHeading(number), vec![heading.span]));
        let spans = if spans.is_empty() {
            vec![Span::new(heading.span.end, heading.span.end)]
        } else {
            spans
        };
        self.read.parts.push((Part::CustomBody(number), spans));
        self.report.kept_raw.push(format!("{how} \"{}\" (as a custom section)", heading.text));
        next
    }
}

#[cfg(test)]
mod tests;
