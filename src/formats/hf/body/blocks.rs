//! A README body cut into what the readers need, all as byte spans of the README's text:
//! its top-level headings, its top-level blocks, and the layout among them (blank lines,
//! HTML comments, the template's "[More Information Needed]"), which is not content.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::document::source::Span;
use crate::markdown::blocks::parser_options;

/// The template's filler, never content.
pub const FILLER: &str = "[More Information Needed]";

/// A top-level heading.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    /// Its line(s), line break included.
    pub span: Span,
    /// Its title as written.
    pub title: Span,
    /// The title's text.
    pub text: String,
}

/// What a top-level block is, as far as the readers care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An HTML block that holds only comments: layout.
    Comment,
    /// A paragraph that is only the template's filler: layout.
    Filler,
    Paragraph,
    /// A fenced code block, with its info string and code.
    Code {
        info: String,
        code: String,
    },
    /// A table, with its cells as written (escaped pipes read as pipes).
    Table {
        rows: Vec<Vec<String>>,
    },
    Heading,
    List,
    Other,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    /// The block without the line break after it.
    pub span: Span,
}

impl Block {
    pub fn is_layout(&self) -> bool {
        matches!(self.kind, Kind::Comment | Kind::Filler)
    }
}

/// The body of a README, scanned once.
pub struct Body<'a> {
    /// The whole README (spans are of it).
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub headings: Vec<Heading>,
    pub blocks: Vec<Block>,
}

impl<'a> Body<'a> {
    /// Scans `text[start..]`.
    pub fn scan(text: &'a str, start: usize) -> Self {
        let body = text.get(start..).unwrap_or_default();
        let mut headings = Vec::new();
        let mut blocks: Vec<Block> = Vec::new();
        let mut depth = 0usize;
        let mut current: Option<(Kind, std::ops::Range<usize>, String)> = None;
        let mut row: Vec<String> = Vec::new();
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
            match event {
                Event::Start(tag) => {
                    if depth == 0 {
                        let kind = match &tag {
                            Tag::Heading { level, .. } => {
                                let span = Span::new(start + range.start, start + range.end);
                                headings.push(heading(text, span, heading_level(*level)));
                                Kind::Heading
                            }
                            Tag::Paragraph => Kind::Paragraph,
                            Tag::HtmlBlock => Kind::Comment,
                            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                                Kind::Code { info: info.to_string(), code: String::new() }
                            }
                            Tag::List(_) => Kind::List,
                            Tag::Table(_) => {
                                rows.clear();
                                Kind::Table { rows: Vec::new() }
                            }
                            _ => Kind::Other,
                        };
                        current = Some((kind, range.clone(), String::new()));
                    } else if matches!(tag, Tag::TableCell) {
                        let cell = body.get(range.clone()).unwrap_or_default();
                        row.push(cell.trim().replace("\\|", "|"));
                    }
                    depth += 1;
                }
                Event::End(end) => {
                    depth = depth.saturating_sub(1);
                    if matches!(end, TagEnd::TableHead | TagEnd::TableRow) {
                        rows.push(std::mem::take(&mut row));
                    }
                    if depth == 0
                        && let Some((kind, range, inner)) = current.take()
                    {
                        let kind = match kind {
                            Kind::Comment if !only_comments(&inner) => Kind::Other,
                            Kind::Paragraph if inner.trim() == FILLER => Kind::Filler,
                            Kind::Code { info, .. } => Kind::Code { info, code: inner },
                            Kind::Table { .. } => Kind::Table { rows: std::mem::take(&mut rows) },
                            other => other,
                        };
                        let end = start + trim_line_break(body, range.start, range.end);
                        blocks.push(Block { kind, span: Span::new(start + range.start, end) });
                    }
                }
                Event::Text(piece) | Event::Html(piece) | Event::Code(piece) => {
                    if let Some((Kind::Code { .. } | Kind::Comment | Kind::Paragraph, _, inner)) =
                        current.as_mut()
                    {
                        inner.push_str(&piece);
                    }
                }
                Event::InlineHtml(piece) => {
                    if let Some((_, _, inner)) = current.as_mut() {
                        inner.push_str(&piece);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some((_, _, inner)) = current.as_mut() {
                        inner.push('\n');
                    }
                }
                _ if depth == 0 => {
                    // A thematic break and other leaf events at the top level.
                    let end = start + trim_line_break(body, range.start, range.end);
                    blocks.push(Block {
                        kind: Kind::Other,
                        span: Span::new(start + range.start, end),
                    });
                }
                _ => {}
            }
        }
        Self { text, start, end: text.len(), headings, blocks }
    }

    /// The text of a span, or nothing when the span is not on character boundaries.
    pub fn slice(&self, span: Span) -> &'a str {
        span.of(self.text).unwrap_or_default()
    }

    /// The content of `span` that is not layout: maximal runs of it, each without the
    /// blank lines and trailing spaces around it. `skip` spans (a list's items, a table
    /// read into fields) are left out like layout.
    pub fn pieces(&self, span: Span, skip: &[Span]) -> Vec<Span> {
        let mut holes: Vec<Span> = self
            .blocks
            .iter()
            .filter(|b| b.is_layout() && b.span.start >= span.start && b.span.end <= span.end)
            .map(|b| b.span)
            .chain(skip.iter().copied())
            .collect();
        holes.sort_by_key(|s| s.start);
        let mut pieces = Vec::new();
        let mut at = span.start;
        for hole in holes.iter().chain(std::iter::once(&Span::new(span.end, span.end))) {
            if let Some(piece) = self.trimmed(Span::new(at, hole.start.min(span.end))) {
                pieces.push(piece);
            }
            at = at.max(hole.end);
        }
        pieces
    }

    /// The span from the start of its first non-blank line to its last non-space
    /// character, or `None` when it is blank.
    pub fn trimmed(&self, span: Span) -> Option<Span> {
        let text = span.of(self.text)?;
        let end = span.start + text.trim_end().len();
        let leading = text.len() - text.trim_start().len();
        if span.start + leading >= end {
            return None;
        }
        // Back to the start of that line, so indentation stays with the text.
        let line_start = text.get(..leading)?.rfind('\n').map_or(0, |at| at + 1);
        Some(Span::new(span.start + line_start, end))
    }

    /// The text of pieces as one value: `\n` line endings, pieces a blank line apart.
    pub fn value(&self, pieces: &[Span]) -> String {
        pieces.iter().map(|p| normalise(self.slice(*p))).collect::<Vec<_>>().join("\n\n")
    }

    /// Blocks that lie within a span.
    pub fn blocks_in(&self, span: Span) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.span.start >= span.start && b.span.end <= span.end)
    }
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A block's end without the line break pulldown-cmark counts in it.
fn trim_line_break(body: &str, start: usize, end: usize) -> usize {
    let text = body.get(start..end).unwrap_or_default();
    start + text.trim_end_matches(['\n', '\r']).len()
}

fn only_comments(html: &str) -> bool {
    let mut rest = html.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<!--") else { return false };
        let Some((_, tail)) = after.split_once("-->") else { return false };
        rest = tail.trim_start();
    }
    true
}

/// `HeadingLevel`'s discriminants are its levels, 1 to 6.
fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// A heading and the span of its title: the ATX marks or the setext underline removed.
fn heading(text: &str, span: Span, level: u8) -> Heading {
    let source = span.of(text).unwrap_or_default();
    let title = title_span(source).map_or(Span::new(span.start, span.start), |(from, to)| {
        Span::new(span.start + from, span.start + to)
    });
    let text =
        title.of(text).map(|t| normalise(t).split_whitespace().collect::<Vec<_>>().join(" "));
    Heading { level, span, title, text: text.unwrap_or_default() }
}

/// The title's byte range within a heading's source.
fn title_span(source: &str) -> Option<(usize, usize)> {
    let first_line_end = source.find('\n').unwrap_or(source.len());
    let first = source.get(..first_line_end)?.trim_end_matches('\r');
    let indent = first.len() - first.trim_start().len();
    let line = first.get(indent..)?;
    if line.starts_with('#') {
        let after_marks = line.trim_start_matches('#');
        let from = indent + (line.len() - after_marks.len());
        let text = after_marks.trim();
        if text.is_empty() {
            return Some((from, from));
        }
        let lead = after_marks.len() - after_marks.trim_start().len();
        let from = from + lead;
        // An optional closing sequence of #s, after a space.
        let trimmed = match text.rfind(" #") {
            Some(cut) if text.get(cut..)?.trim_start().chars().all(|c| c == '#') => {
                text.get(..cut)?.trim_end()
            }
            _ if text.chars().all(|c| c == '#') => "",
            _ => text,
        };
        return Some((from, from + trimmed.len()));
    }
    // Setext: every line but the underline.
    let underline = source.trim_end().rfind('\n')?;
    let lines = source.get(..underline)?;
    let lead = lines.len() - lines.trim_start().len();
    Some((lead, lines.trim_end().len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_headings_with_their_titles() {
        let text =
            "# Title #\n\nText\n\nSetext\n  title\n------\n\n- # not a section\n\n## C# tips\n";
        let body = Body::scan(text, 0);
        let titles: Vec<(u8, &str)> =
            body.headings.iter().map(|h| (h.level, body.slice(h.title))).collect();
        assert_eq!(titles, [(1, "Title"), (2, "Setext\n  title"), (2, "C# tips")]);
        assert_eq!(body.headings[1].text, "Setext title");
        assert_eq!(body.slice(body.headings[0].span), "# Title #\n");
    }

    #[test]
    fn content_is_what_is_not_layout() {
        let text = "## A\n\n<!-- a guide -->\n\nOne\ntwo  \n\n[More Information Needed]\n\n[x]: http://x\n\n\n";
        let body = Body::scan(text, 0);
        let all = Span::new(body.headings[0].span.end, text.len());
        let pieces = body.pieces(all, &[]);
        let texts: Vec<&str> = pieces.iter().map(|p| body.slice(*p)).collect();
        assert_eq!(texts, ["One\ntwo", "[x]: http://x"]);
        assert_eq!(body.value(&pieces), "One\ntwo\n\n[x]: http://x");
    }

    #[test]
    fn keeps_windows_line_breaks_in_spans_and_not_in_values() {
        let text = "# T\r\n\r\nLine one\r\nline two\r\n";
        let body = Body::scan(text, 0);
        let pieces = body.pieces(Span::new(body.headings[0].span.end, text.len()), &[]);
        assert_eq!(body.slice(pieces[0]), "Line one\r\nline two");
        assert_eq!(body.value(&pieces), "Line one\nline two");
        assert_eq!(body.slice(body.headings[0].title), "T");
    }

    #[test]
    fn indented_text_keeps_its_indentation() {
        let text = "## Code\n\n    indented code\n";
        let body = Body::scan(text, 0);
        let pieces = body.pieces(Span::new(body.headings[0].span.end, text.len()), &[]);
        assert_eq!(body.slice(pieces[0]), "    indented code");
    }
}
