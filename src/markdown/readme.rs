//! A README's body printed again from its source and the card: every part whose digest
//! still matches the card is printed from the source's bytes, a changed part is written
//! anew in its own span, a cleared one takes its span (and its section, once empty) with
//! it, and a part the README did not have is inserted where the template would put it
//! among the sections that are there. Nothing else moves. The editor's preview and the
//! README export both print the body here, so the preview is the export.
//!
//! The front matter is not printed here: editing YAML needs the YAML reader, which lives
//! in `formats::hf` with the rest of the front matter.

use similar::DiffOp;
use similar::algorithms::{Capture, myers};

use crate::card::Card;
use crate::document::source::{Part, ReadmeSource, SourceHeading, SourcePart, Span, digest};

use super::headings::{self, CUSTOM_AFTER, Home, SECTIONS, Section, Tail};
use super::template::{self, custom_heading, item_part, tail_parts, text_part};
use super::writer::{Writer, is_blank};
use super::{MarkdownSection, blocks};

/// The Markdown a part of the card is written as; `None` for the front matter's parts
/// and for a custom section the card no longer has.
pub fn part_text(card: &Card, part: &Part) -> Option<String> {
    let paragraph = |text: &str| {
        let mut w = Writer::default();
        w.paragraph(text);
        w.out
    };
    Some(match part {
        Part::Key(_) | Part::ExtraKey(_) | Part::Extra => return None,
        Part::Title => headings::one_line(&card.model_details.name),
        Part::Banner => paragraph(&card.model_details.banner),
        Part::Summary => paragraph(&card.model_details.summary),
        Part::Section(id) => text_part(card, headings::section(id)?),
        Part::Item { section, item } => {
            let section = headings::section(section)?;
            match section.items.iter().find(|i| i.id == item) {
                Some(item) => item_part(card, item),
                None => tail_parts(card, section.tail)
                    .into_iter()
                    .find(|(id, _)| id == item)
                    .map(|(_, text)| text)?,
            }
        }
        Part::CustomHeading(index) => {
            let index = usize::try_from(*index).ok()?;
            card.custom_sections.get(index)?;
            custom_heading(card, index)
        }
        Part::CustomBody(index) => {
            paragraph(&card.custom_sections.get(usize::try_from(*index).ok()?)?.body)
        }
    })
}

/// Every body part the template has (the title, each section's text, each list item,
/// each tail), for the parts a README did not show.
pub fn all_body_parts() -> Vec<Part> {
    let mut parts = vec![Part::Title, Part::Banner, Part::Summary];
    for section in SECTIONS {
        if section.text.is_some() {
            parts.push(Part::Section(section.id.into()));
        }
        for item in section.items {
            parts.push(Part::Item { section: section.id.into(), item: item.id.into() });
        }
        for (id, _) in tail_parts(&Card::default(), section.tail) {
            parts.push(Part::Item { section: section.id.into(), item: id.into() });
        }
    }
    parts
}

/// A README body cut into sections at its top-level headings (the shallowest level, or
/// 2 when that is 1), but never inside an HTML element left open across headings (a
/// `<details>` around several renders as one piece). Joined, the sections are the body.
/// Link reference definitions are repeated at the end of every section, where they show
/// nothing, so that a link in one section to a definition in another still works.
pub fn sections(body: &str) -> Vec<MarkdownSection> {
    let blocks = blocks::top_level(body);
    let split_level =
        blocks.iter().filter_map(|b| b.heading).map(|h| h.level).min().unwrap_or(2).max(2);
    let cuts = blocks.iter().filter_map(|block| match block.heading {
        Some(heading) if heading.level <= split_level && !block.inside_html && block.start > 0 => {
            let title = body.get(block.start..heading.line_end)?;
            Some((block.start, title.trim_start_matches(['#', ' ']).trim()))
        }
        _ => None,
    });
    let bounds: Vec<(usize, Option<&str>)> =
        std::iter::once((0, None)).chain(cuts.map(|(start, title)| (start, Some(title)))).collect();
    let definitions = blocks::reference_definitions(body);
    let mut sections = Vec::new();
    let mut used_ids: Vec<String> = Vec::new();
    for (index, &(start, title)) in bounds.iter().enumerate() {
        let end = bounds.get(index + 1).map_or(body.len(), |b| b.0);
        let Some(text) = body.get(start..end).filter(|text| !text.is_empty()) else { continue };
        let known = title.and_then(headings::lookup).map(|s| s.id.to_owned());
        let id = match known {
            Some(id) if !used_ids.contains(&id) => id,
            _ if index == 0 => "top".to_owned(),
            _ => format!("s{index}"),
        };
        used_ids.push(id.clone());
        let mut markdown = text.to_owned();
        if index > 0 {
            markdown.push_str(&definitions);
        }
        sections.push(MarkdownSection { id, markdown });
    }
    sections
}

/// One replacement in the README's text; an empty span inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
    /// An insertion that needs a blank line on each side.
    pub block: bool,
}

/// The README's line ending, as its first line has it.
pub fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(at) if at > 0 && text.as_bytes().get(at - 1) == Some(&b'\r') => "\r\n",
        _ => "\n",
    }
}

/// Text with `\n` written as the README writes line breaks.
pub fn with_line_ending(text: &str, eol: &str) -> String {
    if eol == "\n" { text.to_owned() } else { text.replace('\n', eol) }
}

/// The body of the README for this card: the source's body with the card's edits.
pub fn body(source: &ReadmeSource, card: &Card) -> String {
    let start = source.body_start.min(source.text.len());
    // The edits are all in the body: applied to it alone, an insertion at its start
    // needs no blank line before it (the front matter's fence ends the block before).
    let edits: Vec<Edit> = body_edits(source, card)
        .into_iter()
        .filter(|e| e.span.start >= start)
        .map(|e| Edit { span: Span::new(e.span.start - start, e.span.end - start), ..e })
        .collect();
    apply(source.text.get(start..).unwrap_or_default(), &edits)
}

/// The edits that turn the source's body into the card's.
pub fn body_edits(source: &ReadmeSource, card: &Card) -> Vec<Edit> {
    let mut patch = Patch {
        source,
        card,
        eol: line_ending(&source.text),
        edits: Vec::new(),
        cleared: Vec::new(),
    };
    patch.parts();
    patch.customs();
    patch.insert_missing();
    patch.remove_emptied_sections();
    patch.edits
}

struct Patch<'a> {
    source: &'a ReadmeSource,
    card: &'a Card,
    eol: &'static str,
    edits: Vec<Edit>,
    /// Where a part was cleared by this edit: its section may now be empty.
    cleared: Vec<usize>,
}

impl Patch<'_> {
    fn text(&self) -> &str {
        &self.source.text
    }

    fn replace(&mut self, span: Span, text: &str) {
        let text = with_line_ending(text, self.eol);
        self.edits.push(Edit { span, text, block: false });
    }

    fn insert(&mut self, at: usize, text: &str) {
        let text = with_line_ending(text, self.eol);
        self.edits.push(Edit { span: Span::new(at, at), text, block: true });
    }

    /// Removes a span and the blank lines after it.
    fn remove(&mut self, span: Span) {
        let rest = self.text().get(span.end..).unwrap_or_default();
        let blank = rest.len() - rest.trim_start_matches(['\n', '\r', ' ', '\t']).len();
        let end = if span.end + blank >= self.text().len() {
            self.text().len()
        } else {
            span.end + blank
        };
        // Keep the line break that ends the line before it when this is the end.
        let end = if end >= self.text().len() && span.end < end { span.end } else { end };
        self.edits.push(Edit {
            span: Span::new(span.start, end),
            text: String::new(),
            block: false,
        });
    }

    /// The line(s) a span is on, with the last line break.
    fn lines_of(&self, span: Span) -> Span {
        let text = self.text();
        let start = text.get(..span.start).and_then(|t| t.rfind('\n')).map_or(0, |at| at + 1);
        let end = text
            .get(span.end..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |at| span.end + at + 1);
        Span::new(start, end)
    }

    /// Every part but the custom sections'.
    fn parts(&mut self) {
        for part in &self.source.parts {
            if matches!(part.part, Part::CustomHeading(_) | Part::CustomBody(_))
                || part.spans.is_empty()
            {
                continue;
            }
            let Some(now) = part_text(self.card, &part.part) else { continue };
            if digest(&now) == part.digest {
                continue;
            }
            if is_blank(&now) {
                self.clear(part);
            } else {
                self.rewrite(&part.spans, &now);
            }
        }
    }

    /// Writes new text into a part's spans: all of it into the first, the others go.
    fn rewrite(&mut self, spans: &[Span], now: &str) {
        let Some((first, others)) = spans.split_first() else { return };
        let text = now.trim_end_matches('\n');
        if first.is_empty() {
            self.insert(first.start, &format!("{text}\n"));
        } else {
            self.replace(*first, text);
        }
        for span in others {
            self.remove(*span);
        }
    }

    fn clear(&mut self, part: &SourcePart) {
        match &part.part {
            Part::Item { section, item } if headings::item(section, item).is_some() => {
                for span in &part.spans {
                    let lines = self.lines_of(*span);
                    self.edits.push(Edit { span: lines, text: String::new(), block: false });
                }
            }
            Part::Title => {
                if let Some(heading) = self.heading_containing(part.spans.first().copied()) {
                    let span = heading.span;
                    self.remove(span);
                }
            }
            _ => {
                for span in &part.spans {
                    if !span.is_empty() {
                        self.remove(*span);
                    }
                }
            }
        }
        if let Some(first) = part.spans.first() {
            self.cleared.push(first.start);
        }
    }

    fn heading_containing(&self, span: Option<Span>) -> Option<&SourceHeading> {
        let span = span?;
        self.source.headings.iter().find(|h| h.span.start <= span.start && span.end <= h.span.end)
    }

    /// Where the section at heading `index` ends: at the next heading as shallow as it.
    fn extent_end(&self, index: usize, level: u8) -> usize {
        self.source
            .headings
            .iter()
            .skip(index + 1)
            .find(|h| h.level <= level)
            .map_or(self.text().len(), |h| h.span.start)
    }

    /// Whether the card now says nothing in any part inside a span.
    fn nothing_left_in(&self, span: Span) -> bool {
        self.source.parts.iter().all(|part| {
            let inside = part.spans.iter().any(|s| {
                span.start <= s.start && s.end <= span.end && !(s.is_empty() && s.start == span.end)
            });
            !inside || self.now_empty(part)
        })
    }

    fn now_empty(&self, part: &SourcePart) -> bool {
        match &part.part {
            Part::CustomHeading(_) | Part::CustomBody(_) => false,
            other => part_text(self.card, other).is_none_or(|t| is_blank(&t)),
        }
    }

    /// A section of the table whose parts were all cleared goes, heading and all, and so
    /// does a section left holding nothing but such sections.
    fn remove_emptied_sections(&mut self) {
        if self.cleared.is_empty() {
            return;
        }
        let headings = &self.source.headings;
        let mut removed: Vec<Span> = Vec::new();
        for (index, heading) in headings.iter().enumerate() {
            if heading.section.is_none()
                || removed
                    .iter()
                    .any(|r| r.start <= heading.span.start && heading.span.end <= r.end)
            {
                continue;
            }
            let extent = Span::new(heading.span.start, self.extent_end(index, heading.level));
            let cleared_inside =
                self.cleared.iter().any(|&at| extent.start <= at && at < extent.end);
            let customs_inside = self.source.parts.iter().any(|p| {
                matches!(p.part, Part::CustomHeading(_) | Part::CustomBody(_))
                    && p.spans.iter().any(|s| extent.start < s.start && s.end <= extent.end)
            });
            // A later heading read as a second one of this section would take its place.
            let id = heading.section.as_deref();
            let twin_later = headings.iter().skip(index + 1).any(|h| {
                h.section.is_none()
                    && h.title.of(self.text()).and_then(headings::lookup).map(|s| s.id) == id
            });
            let added_inside = self.edits.iter().any(|e| {
                e.span.is_empty() && extent.start < e.span.start && e.span.start < extent.end
            });
            if cleared_inside
                && !customs_inside
                && !added_inside
                && !twin_later
                && self.nothing_left_in(extent)
                && self.can_remove(index, extent.end)
            {
                removed.push(extent);
            }
        }
        for span in removed {
            self.edits.push(Edit { span, text: String::new(), block: false });
        }
    }

    /// Whether the section at heading `index` (to `end`) can go without the heading
    /// after it being read as part of a section before it: a custom section that stood
    /// on its own after a known heading would otherwise join the one before.
    fn can_remove(&self, index: usize, end: usize) -> bool {
        let headings = &self.source.headings;
        let Some(next) = headings.iter().find(|h| h.span.start >= end) else { return true };
        let owned_custom = next.section.is_none()
            && self.source.parts.iter().any(|p| {
                matches!(p.part, Part::CustomHeading(_)) && p.spans.first() == Some(&next.span)
            });
        if !owned_custom {
            return true;
        }
        let enclosing = headings.iter().take(index).rev().find(|h| h.level < next.level);
        !enclosing.is_some_and(|h| self.takes_what_is_under(h))
    }

    /// Custom sections: matched to the card's by content, so that adding, removing or
    /// editing one touches only that one.
    fn customs(&mut self) {
        let source = self.source;
        let mut old: Vec<(&SourcePart, &SourcePart)> = Vec::new();
        for part in &source.parts {
            if let Part::CustomHeading(number) = part.part
                && let Some(body) = source.parts.iter().find(|p| p.part == Part::CustomBody(number))
            {
                old.push((part, body));
            }
        }
        let card = self.card;
        let new: Vec<(String, String)> = (0..card.custom_sections.len())
            .map(|index| {
                let heading = custom_heading(card, index);
                let body = part_text(card, &Part::CustomBody(index as u32)).unwrap_or_default();
                (digest(&heading), digest(&body))
            })
            .collect();
        let old_keys: Vec<(String, String)> =
            old.iter().map(|(h, b)| (h.digest.clone(), b.digest.clone())).collect();
        let mut capture = Capture::default();
        // Compared as text, so that the page shares the review diff's Myers code.
        let joined = |keys: &[(String, String)]| -> Vec<String> {
            keys.iter().map(|(h, b)| format!("{h}{b}")).collect()
        };
        let (old_joined, new_joined) = (joined(&old_keys), joined(&new));
        let old_refs: Vec<&str> = old_joined.iter().map(String::as_str).collect();
        let new_refs: Vec<&str> = new_joined.iter().map(String::as_str).collect();
        let _ =
            myers::diff(&mut capture, &old_refs, 0..old_refs.len(), &new_refs, 0..new_refs.len());
        // Pairs of (old index, new index) that stay or change, deletions and insertions.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut deleted: Vec<usize> = Vec::new();
        let mut inserted: Vec<usize> = Vec::new();
        let (mut dels, mut inss): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        // Within a run of changes, a section keeps its place when its heading did (its
        // text was edited), then the rest pair up in order.
        let mut flush =
            |dels: &mut Vec<usize>, inss: &mut Vec<usize>, pairs: &mut Vec<(usize, usize)>| {
                let mut free: Vec<usize> = Vec::new();
                let mut start = 0;
                let same = |n: usize, o: usize, heading: bool| match (new.get(n), old_keys.get(o)) {
                    (Some(a), Some(b)) => {
                        if heading {
                            a.0 == b.0
                        } else {
                            a.1 == b.1
                        }
                    }
                    _ => false,
                };
                for &o in dels.iter() {
                    let rest = inss.get(start..).unwrap_or_default();
                    match rest.iter().position(|&n| same(n, o, true)) {
                        Some(k) => {
                            free.extend(rest.iter().take(k).copied());
                            if let Some(&n) = rest.get(k) {
                                pairs.push((o, n));
                            }
                            start += k + 1;
                        }
                        None => deleted.push(o),
                    }
                }
                free.extend(inss.get(start..).unwrap_or_default().iter().copied());
                // A renamed section keeps its text.
                let mut unpaired: Vec<usize> = Vec::new();
                for o in std::mem::take(&mut deleted) {
                    match free.iter().position(|&n| same(n, o, false) && dels.contains(&o)) {
                        Some(k) => pairs.push((o, free.remove(k))),
                        None => unpaired.push(o),
                    }
                }
                deleted.extend(unpaired);
                inserted.extend(free);
                dels.clear();
                inss.clear();
            };
        for op in capture.into_ops() {
            match op {
                DiffOp::Equal { old_index, new_index, len } => {
                    flush(&mut dels, &mut inss, &mut pairs);
                    pairs.extend((0..len).map(|k| (old_index + k, new_index + k)));
                }
                DiffOp::Delete { old_index, old_len, .. } => {
                    dels.extend(old_index..old_index + old_len)
                }
                DiffOp::Insert { new_index, new_len, .. } => {
                    inss.extend(new_index..new_index + new_len)
                }
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    dels.extend(old_index..old_index + old_len);
                    inss.extend(new_index..new_index + new_len);
                }
            }
        }
        flush(&mut dels, &mut inss, &mut pairs);
        for &(o, n) in &pairs {
            let (Some(&(heading, body)), Some((heading_digest, body_digest))) =
                (old.get(o), new.get(n))
            else {
                continue;
            };
            if *heading_digest != heading.digest {
                self.rewrite_custom_heading(heading, n);
            }
            if *body_digest != body.digest {
                let text = part_text(card, &Part::CustomBody(n as u32)).unwrap_or_default();
                if is_blank(&text) {
                    for span in body.spans.iter().filter(|s| !s.is_empty()) {
                        self.remove(*span);
                    }
                } else {
                    self.rewrite(&body.spans, &text);
                }
            }
        }
        for &o in &deleted {
            if let Some(&(heading, body)) = old.get(o) {
                self.delete_custom(heading, body);
            }
        }
        pairs.sort_by_key(|&(_, n)| n);
        for &n in &inserted {
            let before = pairs.iter().filter(|&&(_, m)| m < n).map(|&(o, _)| o).max();
            let after = pairs.iter().filter(|&&(_, m)| m > n).map(|&(o, _)| o).min();
            let at = match (before.and_then(|o| old.get(o)), after.and_then(|o| old.get(o))) {
                (Some(&(heading, body)), _) => Some(self.custom_end(heading, body)),
                (None, Some((heading, _))) => heading.spans.first().map(|s| s.start),
                (None, None) => None,
            };
            let at = match at {
                Some(at) => at,
                None => {
                    self.template_place(headings::position(CUSTOM_AFTER).map_or(0, |p| p + 1), 2).0
                }
            };
            let Some(section) = card.custom_sections.get(n) else { continue };
            if is_blank(&section.title) && is_blank(&section.body) {
                continue;
            }
            // Deeper than the section it follows, it would be read as part of it.
            let level = self.free_level(at, section.level);
            let mut copy = card.clone();
            if let Some(s) = copy.custom_sections.get_mut(n) {
                s.level = level;
            }
            let mut w = Writer::default();
            template::write_custom(&copy, n, &mut w);
            self.insert(at, &w.out);
        }
    }

    /// The level at which a heading put at `at` stands on its own: no deeper than the
    /// section it is in when that section takes the headings under it as its text.
    fn free_level(&self, at: usize, level: u8) -> u8 {
        let enclosing = self
            .source
            .headings
            .iter()
            .rev()
            .filter(|h| h.span.start < at)
            .find(|h| h.level < level);
        match enclosing {
            Some(h) if self.takes_what_is_under(h) => h.level,
            _ => level,
        }
    }

    /// Whether a heading's section reads the headings under it as its own text: a
    /// custom section, or one whose text is a field.
    fn takes_what_is_under(&self, heading: &SourceHeading) -> bool {
        match heading.section.as_deref().and_then(headings::section) {
            Some(section) => section.leftover == headings::Leftover::Text,
            None => true,
        }
    }

    fn rewrite_custom_heading(&mut self, heading: &SourcePart, index: usize) {
        let Some(span) = heading.spans.first().copied() else { return };
        let Some(source) = self.source.headings.iter().find(|h| h.span == span) else { return };
        let Some(section) = self.card.custom_sections.get(index) else { return };
        if section.level == source.level {
            let title = if is_blank(&section.title) {
                "Untitled section".to_owned()
            } else {
                headings::one_line(&section.title)
            };
            let title_span = source.title;
            self.replace(title_span, &title);
        } else {
            let line = custom_heading(self.card, index);
            self.replace(span, &line);
        }
    }

    /// Where a custom section ends: after its text and the blank lines that follow it.
    fn custom_end(&self, heading: &SourcePart, body: &SourcePart) -> usize {
        let last = body.spans.iter().chain(&heading.spans).map(|s| s.end).max().unwrap_or(0);
        self.source
            .headings
            .iter()
            .find(|h| h.span.start >= last)
            .map_or(self.text().len(), |h| h.span.start)
    }

    fn delete_custom(&mut self, heading: &SourcePart, body: &SourcePart) {
        let Some(span) = heading.spans.first().copied() else { return };
        let shared = self.source.headings.iter().any(|h| h.span == span && h.section.is_some());
        if shared {
            for span in body.spans.iter().filter(|s| !s.is_empty()) {
                self.remove(*span);
            }
        } else {
            let end = self.custom_end(heading, body);
            self.edits.push(Edit {
                span: Span::new(span.start, end),
                text: String::new(),
                block: false,
            });
        }
    }

    /// Parts the README did not have that the card now fills in, each where the
    /// template puts it. Fields whose home is the front matter are not added to the body.
    fn insert_missing(&mut self) {
        let source = self.source;
        let card = self.card;
        let has = |part: &Part| source.parts.iter().find(|p| &p.part == part);
        let missing = |part: &Part| -> Option<String> {
            let now = part_text(card, part)?;
            if is_blank(&now) {
                return None;
            }
            match has(part) {
                Some(p) if !p.spans.is_empty() || p.digest == digest(&now) => None,
                _ => Some(now),
            }
        };
        let body_start = source.body_start;
        // The title and the banner go first.
        if let Some(name) = missing(&Part::Title) {
            self.insert(body_start, &format!("# {name}\n"));
        }
        if let Some(banner) = missing(&Part::Banner) {
            self.insert(body_start, &banner);
        }
        for section in SECTIONS.iter().filter(|s| s.parent.is_none()) {
            self.insert_section(section, &missing, false);
        }
    }

    /// The heading index of a section of the table in the source.
    fn present(&self, id: &str) -> Option<usize> {
        self.source.headings.iter().position(|h| h.section.as_deref() == Some(id))
    }

    /// Adds what a section lacks. A section the README does not have is written whole
    /// (less what the README has of it elsewhere) unless its parent, written whole too,
    /// already holds it.
    fn insert_section(
        &mut self,
        section: &'static Section,
        missing: &dyn Fn(&Part) -> Option<String>,
        written: bool,
    ) {
        let present = self.present(section.id);
        match present {
            Some(index) => self.insert_parts(section, index, missing),
            None if !written => {
                let (at, level) = self.level_shift(section);
                let mut w = Writer::default();
                self.write_new(section, missing, level, &mut w);
                if !w.out.is_empty() {
                    self.insert(at, &w.out);
                }
            }
            None => {}
        }
        for child in SECTIONS.iter().filter(|s| s.parent == Some(section.id)) {
            self.insert_section(child, missing, present.is_none());
        }
    }

    /// A missing section with what it would hold, leaving out subsections the README
    /// has elsewhere and fields whose home is the front matter.
    fn write_new(
        &self,
        section: &Section,
        missing: &dyn Fn(&Part) -> Option<String>,
        level: u8,
        w: &mut Writer,
    ) {
        let mut body = Writer::default();
        let text = section.text.and_then(|_| missing(&Part::Section(section.id.into())));
        let items: Vec<(&str, String)> = section
            .items
            .iter()
            .filter(|item| item.home == Home::Body)
            .filter_map(|item| {
                missing(&Part::Item { section: section.id.into(), item: item.id.into() })
                    .map(|value| (item.label, value))
            })
            .collect();
        let write_items = |body: &mut Writer| {
            for (label, value) in &items {
                body.field(label, value);
            }
        };
        if section.items_first {
            write_items(&mut body);
        }
        if let Some(text) = &text {
            body.paragraph(text);
        }
        if !section.items_first {
            write_items(&mut body);
        }
        if section.tail == Tail::Citation {
            let citation = &self.card.model_details.citation;
            if !is_blank(&citation.bibtex) {
                body.paragraph("**BibTeX:**");
                body.code("bibtex", &citation.bibtex);
            }
            if !is_blank(&citation.apa) {
                body.paragraph("**APA:**");
                body.paragraph(&citation.apa);
            }
        } else if section.tail != Tail::ResultsTable {
            for (id, _) in tail_parts(self.card, section.tail) {
                if let Some(part) =
                    missing(&Part::Item { section: section.id.into(), item: id.into() })
                {
                    body.block(&part);
                }
            }
        }
        for child in SECTIONS.iter().filter(|s| s.parent == Some(section.id)) {
            if self.present(child.id).is_some() {
                continue;
            }
            let mut inner = Writer::default();
            self.write_new(child, missing, level.saturating_add(1), &mut inner);
            if !inner.out.is_empty() {
                body.block(&inner.out);
            }
        }
        if !body.out.is_empty() {
            w.heading(usize::from(level.clamp(1, 6)), section.title);
            w.block(&body.out);
        }
    }

    /// Where a missing section goes and at which level: after the last section the
    /// README has that the template puts before it (inside its parent when the parent
    /// is there), else before the first that comes after it, else at the end.
    fn level_shift(&self, section: &Section) -> (usize, u8) {
        let position = headings::position(section.id).unwrap_or(0);
        self.template_place(position, section.level)
    }

    /// The place for something at `position` in the template's order whose template
    /// level is `level`, and the level to write it at: inside its parent when the
    /// README has the parent, at the level of the README's own sections otherwise.
    fn template_place(&self, position: usize, level: u8) -> (usize, u8) {
        let headings = &self.source.headings;
        let custom_at = headings::position(CUSTOM_AFTER).map_or(SECTIONS.len(), |p| p + 1);
        // Each heading's place in the template's order: its section's, or the custom
        // sections' place.
        let order = |h: &SourceHeading| -> Option<usize> {
            match &h.section {
                Some(id) => headings::position(id),
                None => self
                    .source
                    .parts
                    .iter()
                    .any(|p| {
                        matches!(p.part, Part::CustomHeading(_)) && p.spans.first() == Some(&h.span)
                    })
                    .then_some(custom_at),
            }
        };
        let parent = SECTIONS.get(position).and_then(|s| s.parent);
        let within = parent.and_then(|p| self.present(p));
        let (lo, hi, new_level) = match within {
            Some(index) => {
                let parent_level = headings.get(index).map_or(level, |h| h.level);
                let table_level = parent.and_then(headings::section).map_or(level, |s| s.level);
                let shifted = i16::from(parent_level) + i16::from(level) - i16::from(table_level);
                (index + 1, self.extent_end(index, parent_level), clamp_level(shifted))
            }
            None => (0, self.text().len(), self.top_level()),
        };
        let candidates: Vec<(usize, usize)> = headings
            .iter()
            .enumerate()
            .skip(lo)
            .take_while(|(_, h)| h.span.start < hi)
            .filter_map(|(i, h)| order(h).map(|p| (i, p)))
            .collect();
        let pred =
            candidates.iter().filter(|c| c.1 < position).max_by_key(|c| (c.1, c.0)).map(|c| c.0);
        let succ =
            candidates.iter().filter(|c| c.1 > position).min_by_key(|c| (c.1, c.0)).map(|c| c.0);
        // Outside a parent, a new section is a sibling of the one it is placed by.
        let new_level = match (within, pred.or(succ)) {
            (None, Some(index)) => self.top_level_of(index),
            _ => new_level,
        };
        let boundary_after = |index: usize| {
            headings
                .iter()
                .skip(index + 1)
                .find(|h| h.level <= new_level)
                .map_or(hi, |h| h.span.start)
                .min(hi)
        };
        if let Some(index) = pred {
            return (boundary_after(index), new_level);
        }
        if let Some(index) = within {
            // The first of its parent's subsections: after the parent's own text.
            return (headings.get(index + 1).map_or(hi, |h| h.span.start.min(hi)), new_level);
        }
        if let Some(index) = succ {
            // Before it, or before the heading of the group it is in when it is deeper.
            let level_at = |i: usize| headings.get(i).map_or(0, |h| h.level);
            let mut start = index;
            if level_at(index) > new_level {
                while start > lo && level_at(start) > new_level {
                    start -= 1;
                }
            }
            return (headings.get(start).map_or(hi, |h| h.span.start), new_level);
        }
        (hi, new_level)
    }

    /// The level a top-level section has in this README, judged by the heading at
    /// `index`: its own level less one for each of its table parents the README has.
    fn top_level_of(&self, index: usize) -> u8 {
        let Some(heading) = self.source.headings.get(index) else { return 2 };
        let mut level = i16::from(heading.level);
        let mut parent =
            heading.section.as_deref().and_then(headings::section).and_then(|s| s.parent);
        while let Some(id) = parent {
            if self.present(id).is_some() {
                level -= 1;
            }
            parent = headings::section(id).and_then(|s| s.parent);
        }
        clamp_level(level)
    }

    /// The level of the README's own top sections: its shallowest heading after the
    /// title, or the template's.
    fn top_level(&self) -> u8 {
        let titled = self.source.parts.iter().any(|p| p.part == Part::Title && !p.spans.is_empty());
        self.source.headings.iter().skip(usize::from(titled)).map(|h| h.level).min().unwrap_or(2)
    }

    /// Adds what a present section lacks: its text, list items, tail.
    fn insert_parts(
        &mut self,
        section: &Section,
        index: usize,
        missing: &dyn Fn(&Part) -> Option<String>,
    ) {
        let headings = &self.source.headings;
        let Some(heading) = headings.get(index) else { return };
        let own = Span::new(
            heading.span.end,
            headings.get(index + 1).map_or(self.text().len(), |h| h.span.start),
        );
        let spans_in_own = |part: &Part| -> Vec<Span> {
            self.source
                .parts
                .iter()
                .filter(|p| &p.part == part)
                .flat_map(|p| p.spans.iter().copied())
                .filter(|s| own.start <= s.start && s.end <= own.end)
                .collect()
        };
        let id = section.id;
        let text_part_id = Part::Section(id.into());
        if section.text.is_some()
            && let Some(text) = missing(&text_part_id)
        {
            let first_item = section
                .items
                .iter()
                .flat_map(|i| spans_in_own(&Part::Item { section: id.into(), item: i.id.into() }))
                .map(|s| self.lines_of(s).start)
                .min();
            let at = if section.items_first { None } else { first_item };
            self.insert(at.unwrap_or(self.content_end(own)), &text);
        }
        let mut last_item_end: Option<usize> = None;
        let mut pending: Vec<(usize, String)> = Vec::new();
        for item in section.items {
            let part = Part::Item { section: id.into(), item: item.id.into() };
            let spans = spans_in_own(&part);
            if let Some(span) = spans.last() {
                last_item_end = Some(self.lines_of(*span).end);
                continue;
            }
            if item.home != Home::Body {
                continue;
            }
            if let Some(value) = missing(&part) {
                pending.push((
                    last_item_end.unwrap_or(usize::MAX),
                    format!("- **{}:** {value}\n", item.label),
                ));
            }
        }
        for (after, line) in pending {
            if after == usize::MAX {
                // No item before it: a list of its own after the text (where the text
                // was, when it goes).
                let text_spans = spans_in_own(&text_part_id);
                let text_gone = part_text(self.card, &text_part_id).is_none_or(|t| is_blank(&t));
                let at = if text_gone {
                    text_spans.iter().map(|s| s.start).min()
                } else {
                    text_spans.iter().map(|s| s.end).max()
                };
                self.insert(at.unwrap_or(self.content_end(own)), &line);
            } else {
                let line = with_line_ending(&line, self.eol);
                self.edits.push(Edit { span: Span::new(after, after), text: line, block: false });
            }
        }
        if section.tail != Tail::ResultsTable {
            for (tail_id, _) in tail_parts(self.card, section.tail) {
                if let Some(text) =
                    missing(&Part::Item { section: id.into(), item: tail_id.into() })
                {
                    let text = if section.tail == Tail::Citation {
                        let label = if tail_id == "bibtex" { "**BibTeX:**" } else { "**APA:**" };
                        format!("{label}\n\n{text}")
                    } else {
                        text
                    };
                    let at = self.content_end(own);
                    self.insert(at, &text);
                }
            }
        }
    }

    /// The end of a section's own content, before the blank lines that follow it.
    fn content_end(&self, own: Span) -> usize {
        let text = own.of(self.text()).unwrap_or_default();
        own.start + text.trim_end().len()
    }
}

fn clamp_level(level: i16) -> u8 {
    u8::try_from(level.clamp(1, 6)).unwrap_or(2)
}

/// Applies edits to a text. Insertions at one place come first there, in order, joined
/// into one block a blank line apart; an edit inside a larger removal goes with it.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let eol = line_ending(text);
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, !e.span.is_empty(), std::cmp::Reverse(e.span.end)));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0usize;
    let mut index = 0;
    while let Some(edit) = sorted.get(index).copied() {
        if edit.span.start < cursor || edit.span.start > text.len() {
            index += 1;
            continue;
        }
        out.push_str(text.get(cursor..edit.span.start).unwrap_or_default());
        cursor = edit.span.start;
        if !edit.span.is_empty() {
            out.push_str(&edit.text);
            cursor = edit.span.end.min(text.len());
            index += 1;
            continue;
        }
        let mut group: Vec<&Edit> = Vec::new();
        while let Some(next) =
            sorted.get(index).filter(|e| e.span.is_empty() && e.span.start == cursor)
        {
            group.push(next);
            index += 1;
        }
        // What will follow: the text here, or after a removal that starts here.
        let follows = match sorted.get(index) {
            Some(next) if next.span.start == cursor && next.text.is_empty() => {
                text.get(next.span.end.min(text.len())..).unwrap_or_default()
            }
            _ => text.get(cursor..).unwrap_or_default(),
        };
        for edit in group.iter().filter(|e| !e.block) {
            out.push_str(&edit.text);
        }
        let blocks: Vec<&str> = group
            .iter()
            .filter(|e| e.block)
            .map(|e| e.text.trim_end_matches(['\n', '\r']))
            .collect();
        if blocks.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let breaks = out.len() - out.trim_end_matches(['\n', '\r']).len();
            let lines = out.get(out.len() - breaks..).unwrap_or_default().matches('\n').count();
            for _ in lines..2 {
                out.push_str(eol);
            }
        }
        out.push_str(&blocks.join(&format!("{eol}{eol}")));
        out.push_str(eol);
        if !follows.is_empty() && !follows.starts_with('\n') && !follows.starts_with("\r\n") {
            out.push_str(eol);
        }
    }
    out.push_str(text.get(cursor..).unwrap_or_default());
    out
}
