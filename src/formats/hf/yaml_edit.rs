//! Editing YAML front matter in place, as toml_edit edits TOML: the text is read into
//! its top-level entries with the span of each (and of every node inside), an edit
//! rewrites only the entry or the scalar that changed, in the way the file already
//! writes such values (its quotes, its list style and indentation), and every other byte
//! (comments, blank lines, key order, quoting of untouched keys) is the file's own.

use super::super::yaml::{self, Node, Value, quoted};

/// One top-level `key: value` of a block mapping.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    /// From the start of the key's line to the end of the value's last line, with its
    /// line break when it has one. Comments and blank lines after it are not in it.
    pub start: usize,
    pub end: usize,
    /// The key as written, for writing it again the same way.
    pub key_text: String,
    pub value: Node,
}

/// The entries of a front matter, or `None` when it is not a block mapping with one
/// key per line at the first column (then it is edited as one piece).
pub fn entries(yaml_text: &str) -> Option<Vec<Entry>> {
    let root = yaml::parse(yaml_text).ok()?;
    if root.is_null() {
        return Some(Vec::new());
    }
    let pairs = root.entries()?;
    let mut entries: Vec<Entry> = Vec::new();
    for (key, value) in pairs {
        if key.col != 0 {
            return None;
        }
        let name = key.text()?.to_owned();
        let start = line_start(yaml_text, key.start);
        if entries.last().is_some_and(|e| e.start >= start) {
            return None;
        }
        let end = value_end(yaml_text, value).max(line_end(yaml_text, key.end));
        let key_text = yaml_text.get(key.start..key.end).unwrap_or(&name).to_owned();
        entries.push(Entry { key: name, start, end, key_text, value: value.clone() });
    }
    // A value runs at least to the next key, less trailing blank and comment lines.
    let starts: Vec<usize> = entries.iter().map(|e| e.start).skip(1).collect();
    for (index, entry) in entries.iter_mut().enumerate() {
        let next = starts.get(index).copied().unwrap_or(yaml_text.len());
        let mut end = entry.end.min(next);
        let mut at = end;
        for line in yaml_text.get(end..next).unwrap_or_default().split_inclusive('\n') {
            at += line.len();
            let content = line.trim();
            if !(content.is_empty() || content.starts_with('#')) {
                end = at;
            }
        }
        entry.end = end;
    }
    Some(entries)
}

/// The offset of the start of the line `at` is on.
pub fn line_start(text: &str, at: usize) -> usize {
    text.get(..at).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1)
}

/// The offset after the line break ending the line `at` is on (or the end of text).
pub fn line_end(text: &str, at: usize) -> usize {
    if at > 0 && text.as_bytes().get(at - 1) == Some(&b'\n') {
        return at;
    }
    text.get(at..).and_then(|t| t.find('\n')).map_or(text.len(), |i| at + i + 1)
}

/// Where a node's text ends: after the last line holding one of its scalars (a block
/// collection's span runs on over the comments and blank lines after it).
pub fn value_end(text: &str, node: &Node) -> usize {
    match &node.value {
        Value::Scalar(_) => {
            let source = text.get(node.start..node.end).unwrap_or_default();
            // A block scalar's span includes the blank lines after it.
            let end = node.start + source.trim_end().len();
            line_end(text, end.max(node.start))
        }
        Value::Sequence(items) => {
            items.iter().map(|i| value_end(text, i)).max().unwrap_or(line_end(text, node.start))
        }
        Value::Mapping(pairs) => pairs
            .iter()
            .map(|(k, v)| value_end(text, v).max(line_end(text, k.end)))
            .max()
            .unwrap_or(line_end(text, node.start)),
    }
}

/// How a file writes a scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    Plain,
    Single,
    Double,
}

impl Quote {
    /// The style of a scalar as written.
    pub fn of(source: &str) -> Self {
        match source.trim_start().chars().next() {
            Some('\'') => Self::Single,
            Some('"') => Self::Double,
            _ => Self::Plain,
        }
    }

    /// A string written in this style when that reads back as the same string, else in
    /// the safe style the writer uses.
    pub fn write(self, text: &str) -> String {
        let plain = yaml::string(text);
        match self {
            Self::Plain => plain,
            Self::Double => quoted(text),
            Self::Single if !text.contains(['\n', '\r']) && !text.chars().any(char::is_control) => {
                format!("'{}'", text.replace('\'', "''"))
            }
            Self::Single => quoted(text),
        }
    }
}

/// How a front matter writes lists: the indentation of a block list's dashes under its
/// key, and whether items are quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListStyle {
    pub indent: usize,
    pub quote: Quote,
    pub flow: bool,
}

impl Default for ListStyle {
    fn default() -> Self {
        Self { indent: 0, quote: Quote::Plain, flow: false }
    }
}

impl ListStyle {
    /// The style of a list as written, if the node is one.
    pub fn of(text: &str, node: &Node) -> Option<Self> {
        let items = node.items()?;
        let first = items.first();
        let quote =
            first.map_or(Quote::Plain, |i| Quote::of(text.get(i.start..i.end).unwrap_or_default()));
        let flow = text.get(node.start..).is_some_and(|t| t.starts_with('['));
        let indent = first.map_or(0, |i| {
            let start = line_start(text, i.start);
            let line = text.get(start..i.start).unwrap_or_default();
            line.len() - line.trim_start().len()
        });
        Some(Self { indent, quote, flow })
    }

    /// The style of the first block list among the entries: how this file writes lists.
    pub fn of_file(text: &str, entries: &[Entry]) -> Self {
        entries
            .iter()
            .filter_map(|e| Self::of(text, &e.value))
            .find(|s| !s.flow)
            .unwrap_or_default()
    }
}

/// A scalar entry's new text, in the style of the old one: same key, same quotes when
/// they can hold the value, and the comment after it kept.
pub fn scalar_entry(text: &str, entry: &Entry, value: &str, eol: &str) -> String {
    let old = text.get(entry.value.start..entry.value.end).unwrap_or_default();
    let single_line = !old.contains('\n');
    let quote = if single_line { Quote::of(old) } else { Quote::Plain };
    let line = text.get(entry.start..line_end(text, entry.start)).unwrap_or_default();
    let comment = if single_line && matches!(entry.value.value, Value::Scalar(_)) {
        let after = line.get(entry.value.end.saturating_sub(entry.start)..).unwrap_or_default();
        let after = after.trim_end_matches(['\n', '\r']);
        after.trim_start().starts_with('#').then(|| after.to_owned())
    } else {
        None
    };
    let separator = key_separator(text, entry);
    format!(
        "{}{separator}{}{}{eol}",
        entry.key_text,
        quote.write(value),
        comment.unwrap_or_default()
    )
}

/// What follows the key on its line before the value: `: ` usually.
fn key_separator(text: &str, entry: &Entry) -> String {
    let after_key = entry.start + entry.key_text.len();
    let rest = text.get(after_key..).unwrap_or_default();
    let colon = rest.find(':').map_or(0, |i| i + 1);
    let spaces = rest.get(colon..).map_or(0, |r| r.len() - r.trim_start_matches([' ', '\t']).len());
    let separator = rest.get(..colon + spaces).unwrap_or(": ");
    if separator.trim_end().ends_with(':') && !separator.contains('\n') {
        if separator.ends_with(':') { format!("{separator} ") } else { separator.to_owned() }
    } else {
        ": ".to_owned()
    }
}

/// A list entry's new text: items that did not change keep their lines; new ones are
/// written in the list's style; a one-item list written as a scalar stays a scalar.
pub fn list_entry(
    text: &str,
    entry: Option<&Entry>,
    key: &str,
    items: &[String],
    file: ListStyle,
    scalar_if_one: bool,
    eol: &str,
) -> String {
    let key_text = entry.map_or(key.to_owned(), |e| e.key_text.clone());
    let separator = entry.map_or(": ".to_owned(), |e| key_separator(text, e));
    let old = entry.map(|e| &e.value);
    let style = old.and_then(|node| ListStyle::of(text, node));
    match (style, items) {
        (None, [one]) if entry.is_some() || scalar_if_one => {
            let quote = old
                .map_or(Quote::Plain, |n| Quote::of(text.get(n.start..n.end).unwrap_or_default()));
            return format!("{key_text}{separator}{}{eol}", quote.write(one));
        }
        (Some(style), _) if style.flow => {
            let written: Vec<String> = items.iter().map(|i| style.quote.write(i)).collect();
            return format!("{key_text}{separator}[{}]{eol}", written.join(", "));
        }
        _ => {}
    }
    let style = style.unwrap_or(file);
    let mut out = format!("{}{}{eol}", key_text, separator.trim_end());
    let old_items: Vec<(String, &str)> = old
        .and_then(Node::items)
        .unwrap_or_default()
        .iter()
        .map(|item| {
            let line = text
                .get(line_start(text, item.start)..line_end(text, item.end))
                .unwrap_or_default();
            (item.text().unwrap_or_default().to_owned(), line)
        })
        .collect();
    for item in items {
        let kept = old_items.iter().find(|(value, line)| {
            value == item && !line.trim_end_matches(['\n', '\r']).contains('\n')
        });
        match kept {
            Some((_, line)) => {
                out.push_str(line.trim_end_matches(['\n', '\r']));
                out.push_str(eol);
            }
            _ => {
                out.push_str(&format!(
                    "{}- {}{eol}",
                    " ".repeat(style.indent),
                    style.quote.write(item)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(yaml: &str) -> Vec<(String, &str)> {
        entries(yaml)
            .unwrap()
            .into_iter()
            .map(|e| (e.key, yaml.get(e.start..e.end).unwrap()))
            .collect()
    }

    #[test]
    fn entries_end_before_the_comments_and_blank_lines_after_them() {
        let yaml = "# top\nlanguage:\n- vi\n\n# about tags\ntags: [a,\n  b]  # t\nblock: |\n  l1\n  # in text\n\nlast: 1";
        assert_eq!(
            spans(yaml),
            [
                ("language".into(), "language:\n- vi\n"),
                ("tags".into(), "tags: [a,\n  b]  # t\n"),
                ("block".into(), "block: |\n  l1\n  # in text\n"),
                ("last".into(), "last: 1"),
            ]
        );
        assert!(entries("- a\n- b\n").is_none(), "a list is not a mapping");
        assert!(entries("  a: 1\n  b: 2\n").is_none(), "keys must start the line");
    }

    #[test]
    fn scalars_keep_their_quotes_and_comments() {
        let yaml = "license: 'mit' # the weights\nname: \"x\"\nplain: a\n";
        let e = entries(yaml).unwrap();
        assert_eq!(
            scalar_entry(yaml, &e[0], "apache-2.0", "\n"),
            "license: 'apache-2.0' # the weights\n"
        );
        assert_eq!(scalar_entry(yaml, &e[1], "y", "\n"), "name: \"y\"\n");
        assert_eq!(
            scalar_entry(yaml, &e[2], "yes", "\n"),
            "plain: \"yes\"\n",
            "quoted when plain would read back as a bool"
        );
        assert_eq!(Quote::Single.write("it's"), "'it''s'");
    }

    #[test]
    fn lists_keep_their_lines_and_style() {
        let yaml = "tags:\n  - a   # first\n  - \"b\"\nlang: en\nflow: [x, y]\n";
        let e = entries(yaml).unwrap();
        let file = ListStyle::of_file(yaml, &e);
        assert_eq!(file.indent, 2);
        let items = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            list_entry(yaml, Some(&e[0]), "tags", &items(&["a", "c"]), file, false, "\n"),
            "tags:\n  - a   # first\n  - c\n"
        );
        assert_eq!(
            list_entry(yaml, Some(&e[1]), "lang", &items(&["fr"]), file, true, "\n"),
            "lang: fr\n"
        );
        assert_eq!(
            list_entry(yaml, Some(&e[1]), "lang", &items(&["fr", "de"]), file, true, "\n"),
            "lang:\n  - fr\n  - de\n"
        );
        assert_eq!(
            list_entry(yaml, Some(&e[2]), "flow", &items(&["x", "z"]), file, false, "\n"),
            "flow: [x, z]\n"
        );
        assert_eq!(
            list_entry(yaml, None, "base_model", &items(&["d"]), file, true, "\r\n"),
            "base_model: d\r\n"
        );
        assert_eq!(
            list_entry(yaml, None, "datasets", &items(&["d"]), file, false, "\n"),
            "datasets:\n  - d\n"
        );
    }
}
