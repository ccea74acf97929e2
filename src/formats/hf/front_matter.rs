//! Finding the YAML front matter of a README exactly as the Hugging Face Hub does:
//! `^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---(\r\n|\n|$))` on the text, as written.

use crate::document::source::Span;

/// Where a README's front matter and body are. Spans are of the text as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the fences, if the README has a closed front-matter block.
    pub yaml: Option<Span>,
    /// The line of the README on which the YAML starts (1-based), for error positions.
    pub yaml_first_line: usize,
    /// Where the body starts: after the line break that ends the closing fence.
    pub body_start: usize,
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// Splits a README. A block that opens with `---` but never closes is no metadata: the
/// whole text is the body, as on the Hub.
pub fn split(text: &str) -> Split {
    // Without front matter the body starts at the top, after a byte order mark if any.
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let none = Split { yaml: None, yaml_first_line: 0, body_start: bom };
    let start =
        text.len() - text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').len();
    let Some(after_fence) = text.get(start..).and_then(|t| t.strip_prefix("---")) else {
        return none;
    };
    let opening = after_fence.len() - after_fence.trim_start_matches(is_break).len();
    if opening == 0 {
        return none;
    }
    let yaml_start = start + 3 + opening;
    // The regex is lazy: the first run of line breaks followed by a closing fence.
    let closing = |from: usize| -> Option<(usize, usize)> {
        let rest = text.get(from..)?;
        let mut offset = 0;
        while let Some(found) = rest.get(offset..)?.find(is_break) {
            let run_start = offset + found;
            let run = rest.get(run_start..)?;
            let run_len = run.len() - run.trim_start_matches(is_break).len();
            let after = run.get(run_len..)?;
            if let Some(tail) = after.strip_prefix("---") {
                let eol = if tail.starts_with("\r\n") {
                    Some(2)
                } else if tail.starts_with('\n') {
                    Some(1)
                } else if tail.is_empty() {
                    Some(0)
                } else {
                    None
                };
                if let Some(eol) = eol {
                    return Some((from + run_start, from + run_start + run_len + 3 + eol));
                }
            }
            offset = run_start + run_len;
        }
        None
    };
    let (yaml_start, found) = match closing(yaml_start) {
        Some(found) => (yaml_start, Some(found)),
        // Backtracking: the opening fence's line breaks can give one back, and the
        // YAML is then empty.
        None if opening >= 2 => {
            let from = yaml_start - 1;
            let found = closing(from).filter(|(yaml_end, _)| *yaml_end == from);
            (from, found)
        }
        None => (yaml_start, None),
    };
    let Some((yaml_end, body_start)) = found else { return none };
    let before = text.get(..yaml_start).unwrap_or_default();
    let yaml_first_line = normalise(before).matches('\n').count() + 1;
    Split { yaml: Some(Span::new(yaml_start, yaml_end)), yaml_first_line, body_start }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Option<&str>, &str) {
        let split = split(text);
        (split.yaml.and_then(|s| s.of(text)), text.get(split.body_start..).unwrap_or_default())
    }

    #[test]
    fn finds_the_block_as_the_hub_does() {
        assert_eq!(parts("---\nlicense: mit\n---\n# Title\n"), (Some("license: mit"), "# Title\n"));
        assert_eq!(split("---\nlicense: mit\n---\n# Title\n").yaml_first_line, 2);
    }

    #[test]
    fn allows_leading_blank_lines_and_any_line_endings() {
        let crlf = "\r\n\r\n---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\nBody\r\n";
        assert_eq!(parts(crlf), (Some("license: mit\r\ntags:\r\n- a"), "Body\r\n"));
        assert_eq!(split(crlf).yaml_first_line, 4);
        assert_eq!(parts("---\rlicense: mit\r---\nBody"), (Some("license: mit"), "Body"));
    }

    #[test]
    fn an_unclosed_block_is_no_metadata() {
        let text = "---\nlanguage: vi\n# Machine translation\n";
        assert_eq!(parts(text), (None, text));
    }

    #[test]
    fn the_closing_fence_must_end_its_line() {
        assert_eq!(
            parts("---\na: 1\n---not a fence\nb: 2\n---\nBody"),
            (Some("a: 1\n---not a fence\nb: 2"), "Body")
        );
    }

    #[test]
    fn a_fence_at_the_very_end_closes_the_block() {
        assert_eq!(parts("---\na: 1\n---"), (Some("a: 1"), ""));
    }

    #[test]
    fn blank_lines_before_the_closing_fence_are_not_yaml() {
        assert_eq!(parts("---\na: 1\n\n\n---\nB"), (Some("a: 1"), "B"));
        assert_eq!(parts("---\n\n---\nB"), (Some(""), "B"));
        assert_eq!(parts("---\n---\nB").0, None, "the Hub's regex needs a line break inside");
    }

    #[test]
    fn no_fence_no_metadata() {
        assert_eq!(split("# Just a title\n").yaml, None);
        assert_eq!(
            split("--- \na: 1\n---\n").yaml,
            None,
            "the fence must be followed by a line break"
        );
    }
}
