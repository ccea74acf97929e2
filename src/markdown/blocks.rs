//! The blocks at the top level of a Markdown text, as pulldown-cmark reads them: where
//! the text can be cut into pieces that render on their own as they render together.

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::MarkdownSection;

/// The HTML elements whose tags, left open across blocks, hold the blocks between them
/// together (a `<details>` around several renders as one piece).
const CONTAINERS: [&str; 8] =
    ["details", "div", "table", "blockquote", "center", "section", "ul", "ol"];

/// A block of the text's top level (not inside a list or a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub heading: Option<Heading>,
    /// Whether an HTML element of [`CONTAINERS`] opened before it is still open: a cut
    /// here would leave it open in one piece and its close in another.
    pub inside_html: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// The end of the heading's first line.
    pub line_end: usize,
}

/// The Markdown the app reads and renders: CommonMark with tables, strikethrough and
/// footnotes. One set, so that a text is cut where the renderer sees its blocks.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// The blocks at the top level of a text, in order.
pub fn top_level(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let (mut depth, mut open_html) = (0usize, 0i64);
    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        let starts_block = depth == 0 && !matches!(event, Event::End(_));
        if starts_block && out.last().is_none_or(|last| last.start < range.start) {
            let heading = match &event {
                Event::Start(Tag::Heading { level, .. }) => Some(Heading {
                    // `HeadingLevel`'s discriminants are its levels, 1 to 6.
                    level: *level as u8,
                    line_end: text
                        .get(range.start..range.end)
                        .and_then(|t| t.find('\n'))
                        .map_or(range.end, |i| range.start + i),
                }),
                _ => None,
            };
            out.push(Block { start: range.start, heading, inside_html: open_html > 0 });
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            // Tags in code are text: only the HTML the renderer passes through counts.
            Event::Html(html) | Event::InlineHtml(html) => {
                open_html = (open_html + open_containers(&html)).max(0);
            }
            _ => {}
        }
    }
    out
}

/// How many [`CONTAINERS`] a piece of HTML opens, less those it closes.
fn open_containers(html: &str) -> i64 {
    let lower = html.to_ascii_lowercase();
    let count = |tag: String| lower.matches(tag.as_str()).count() as i64;
    CONTAINERS.iter().map(|tag| count(format!("<{tag}")) - count(format!("</{tag}"))).sum()
}

/// The text's link reference definitions, each on a line of its own after a line
/// break: what a piece cut from the text needs at its end for its links to resolve.
pub fn reference_definitions(text: &str) -> String {
    text.lines()
        .filter(|line| is_reference_definition(line))
        .map(|line| format!("\n{line}"))
        .collect()
}

/// `[label]: destination`, up to three spaces in (a footnote is not one).
fn is_reference_definition(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let Some(rest) = trimmed.strip_prefix('[') else { return false };
    if rest.starts_with('^') {
        return false;
    }
    rest.split_once("]:").is_some_and(|(label, after)| {
        !label.is_empty() && !label.contains('[') && !after.trim().is_empty()
    })
}

/// A piece is cut at its next block once it is this long, in bytes.
pub const PIECE_BYTES: usize = 2048;

/// A section cut into pieces that render on their own as they render together: at each
/// heading after its first block, and in a long stretch without one at the first block
/// past [`PIECE_BYTES`]; never inside an HTML element left open across blocks. The
/// first piece keeps the section's id, the others add `~1`, `~2` … (so a piece cut in
/// one section renames none in another). Joined, less the definitions, they are the
/// section. When it is cut, every piece ends with the section's link reference
/// definitions, which show nothing, so that its links still resolve.
pub fn pieces(section: &MarkdownSection) -> Vec<MarkdownSection> {
    let text = &section.markdown;
    let mut cuts = vec![0];
    for block in top_level(text) {
        let last = cuts.last().copied().unwrap_or(0);
        if !block.inside_html
            && block.start > last
            && (block.heading.is_some() || block.start - last >= PIECE_BYTES)
        {
            cuts.push(block.start);
        }
    }
    if cuts.len() == 1 {
        return vec![section.clone()];
    }
    let definitions = reference_definitions(text);
    let ends = cuts.iter().skip(1).copied().chain([text.len()]);
    cuts.iter()
        .zip(ends)
        .enumerate()
        .filter_map(|(index, (&start, end))| {
            let mut markdown = text.get(start..end)?.to_owned();
            markdown.push_str(&definitions);
            let id = match index {
                0 => section.id.clone(),
                _ => format!("{}~{index}", section.id),
            };
            Some(MarkdownSection { id, markdown })
        })
        .collect()
}

/// The id of the section a piece of [`pieces`] was cut from.
pub fn section_id(piece_id: &str) -> &str {
    piece_id.split_once('~').map_or(piece_id, |(section, _)| section)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece_texts(markdown: &str) -> Vec<String> {
        let section = MarkdownSection { id: "usage".into(), markdown: markdown.into() };
        pieces(&section).into_iter().map(|p| p.markdown).collect()
    }

    #[test]
    fn a_section_is_cut_at_each_heading_and_joins_back() {
        let text = "## Usage\n\nIntro.\n\n### Direct use\n\nText.\n\n#### Deeper\n\nMore.\n";
        let section = MarkdownSection { id: "usage".into(), markdown: text.into() };
        let all = pieces(&section);
        let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["usage", "usage~1", "usage~2"]);
        assert_eq!(all[1].markdown, "### Direct use\n\nText.\n\n");
        assert_eq!(all.iter().map(|p| p.markdown.as_str()).collect::<String>(), text);
        assert!(all.iter().all(|p| section_id(&p.id) == "usage"));
    }

    #[test]
    fn a_long_stretch_without_headings_is_cut_at_paragraphs() {
        let paragraph = format!("{}\n\n", "word ".repeat(100));
        let text = paragraph.repeat(20);
        let all = piece_texts(&text);
        assert!(all.len() >= 4, "{} pieces", all.len());
        assert_eq!(all.concat(), text);
        for piece in &all {
            assert!(piece.ends_with("\n\n"), "cut inside a paragraph: {piece:?}");
            assert!(piece.len() < PIECE_BYTES + paragraph.len(), "{} bytes", piece.len());
        }
    }

    #[test]
    fn an_open_html_element_holds_its_blocks_together() {
        let text = "Intro.\n\n<details>\n<summary>More</summary>\n\n### Inside\n\nText.\n\n</details>\n\n### After\n";
        let all = piece_texts(text);
        assert_eq!(
            all,
            [
                "Intro.\n\n<details>\n<summary>More</summary>\n\n### Inside\n\nText.\n\n</details>\n\n",
                "### After\n"
            ]
        );
    }

    #[test]
    fn tags_in_code_hold_nothing_together() {
        let text = "```html\n<div>\n```\n\n### After\n\nText.\n";
        assert_eq!(piece_texts(text), ["```html\n<div>\n```\n\n", "### After\n\nText.\n"]);
    }

    #[test]
    fn a_heading_inside_a_list_or_quote_is_no_cut() {
        let text = "- item\n\n  ### in a list\n\n> ### in a quote\n";
        assert_eq!(piece_texts(text), [text]);
    }

    #[test]
    fn every_piece_of_a_cut_section_ends_with_its_link_definitions() {
        let text = "See [the paper].\n\n### Later\n\n[the paper]: https://example.org\n";
        let all = piece_texts(text);
        assert_eq!(all.len(), 2);
        for piece in &all {
            assert!(piece.ends_with("\n[the paper]: https://example.org"), "{piece:?}");
        }
    }

    #[test]
    fn a_short_section_is_one_piece_as_it_was() {
        let section = MarkdownSection { id: "top".into(), markdown: "# Title\n\nText.\n".into() };
        assert_eq!(pieces(&section), [section]);
    }
}
