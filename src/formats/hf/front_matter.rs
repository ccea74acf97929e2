//! Finding the YAML front matter of a README exactly as the Hugging Face Hub does:
//! `^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---(\r\n|\n|$))` on the text.

/// A README split into its front matter and body. Line endings are `\n` throughout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the fences, if the README has a closed front-matter block.
    pub yaml: Option<String>,
    /// The line of the README on which the YAML starts (1-based), for error positions.
    pub yaml_first_line: usize,
    pub body: String,
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Splits a README. A block that opens with `---` but never closes is no metadata: the
/// whole text is the body, as on the Hub.
pub fn split(text: &str) -> Split {
    let text = normalise(text);
    let no_metadata = || Split { yaml: None, yaml_first_line: 0, body: text.clone() };
    let start = text.len() - text.trim_start().len();
    let Some(after_fence) = text[start..].strip_prefix("---") else {
        return no_metadata();
    };
    let newlines = after_fence.len() - after_fence.trim_start_matches('\n').len();
    if newlines == 0 {
        return no_metadata();
    }
    let yaml_start = start + 3 + newlines;
    // The first "\n---" (after any run of newlines) followed by a newline or the end.
    let rest = &text[yaml_start..];
    let mut search = 0;
    while let Some(found) = rest[search..].find("\n---") {
        let fence = search + found;
        let after = &rest[fence + 4..];
        if after.is_empty() || after.starts_with('\n') {
            let yaml = rest[..fence].trim_end_matches('\n').to_owned();
            let body_start = (fence + 4 + usize::from(after.starts_with('\n'))).min(rest.len());
            let yaml_first_line = text[..yaml_start].matches('\n').count() + 1;
            return Split {
                yaml: Some(yaml),
                yaml_first_line,
                body: rest[body_start..].to_owned(),
            };
        }
        search = fence + 1;
    }
    no_metadata()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_block_as_the_hub_does() {
        let split = split("---\nlicense: mit\n---\n# Title\n");
        assert_eq!(split.yaml.as_deref(), Some("license: mit"));
        assert_eq!(split.body, "# Title\n");
        assert_eq!(split.yaml_first_line, 2);
    }

    #[test]
    fn allows_leading_blank_lines_and_any_line_endings() {
        let crlf = split("\r\n\r\n---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\nBody\r\n");
        assert_eq!(crlf.yaml.as_deref(), Some("license: mit\ntags:\n- a"));
        assert_eq!(crlf.body, "Body\n");
        assert_eq!(crlf.yaml_first_line, 4);
        let cr = split("---\rlicense: mit\r---\rBody");
        assert_eq!(cr.yaml.as_deref(), Some("license: mit"));
        assert_eq!(cr.body, "Body");
    }

    #[test]
    fn an_unclosed_block_is_no_metadata() {
        let text = "---\nlanguage: vi\n# Machine translation\n";
        let split = split(text);
        assert_eq!(split.yaml, None);
        assert_eq!(split.body, text);
    }

    #[test]
    fn the_closing_fence_must_end_its_line() {
        let split = split("---\na: 1\n---not a fence\nb: 2\n---\nBody");
        assert_eq!(split.yaml.as_deref(), Some("a: 1\n---not a fence\nb: 2"));
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn a_fence_at_the_very_end_closes_the_block() {
        let split = split("---\na: 1\n---");
        assert_eq!(split.yaml.as_deref(), Some("a: 1"));
        assert_eq!(split.body, "");
    }

    #[test]
    fn no_fence_no_metadata() {
        assert_eq!(split("# Just a title\n").yaml, None);
        assert_eq!(
            split("--- \na: 1\n---\n").yaml,
            None,
            "the fence must be followed by a newline"
        );
    }
}
