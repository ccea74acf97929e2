//! YAML for Hugging Face front matter: parsed with saphyr into a small tree that knows
//! where each node starts, with limits so hostile input cannot exhaust memory or time,
//! and written back by a tiny emitter that quotes whatever needs quoting.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use saphyr_parser::Event;

/// Inputs larger than this are refused before parsing (bytes).
pub const MAX_YAML_BYTES: usize = 1024 * 1024;
/// Deeper nesting than this is refused.
pub const MAX_DEPTH: usize = 64;
/// More nodes than this in the tree are refused. saphyr expands aliases while it loads,
/// cloning the anchored subtree, and itself fails the load once alias expansion has
/// produced 100,000 nodes (its default `alias_limit`), so an alias bomb is cut short
/// there, after at most that many clones; this budget then bounds the tree we convert.
pub const MAX_NODES: usize = 100_000;

/// A YAML node with the line (1-based) and column (0-based) where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub col: usize,
    /// Where the node is in the YAML text, in bytes. A block collection's span runs to
    /// the start of the line after it, comments and blank lines included.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar, as the text it was written as (numbers keep their digits).
    Scalar(ScalarText),
    Sequence(Vec<Node>),
    /// Entries in document order.
    Mapping(Vec<(Node, Node)>),
}

/// A scalar's text and whether it was a string (as opposed to a number, bool or null).
#[derive(Debug, Clone, PartialEq)]
pub struct ScalarText {
    pub text: String,
    pub is_string: bool,
    pub is_null: bool,
}

impl Node {
    /// The text of a scalar (strings, numbers and bools alike); `None` for null and
    /// collections.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(scalar) if !scalar.is_null => Some(&scalar.text),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s) if s.is_null)
    }

    pub fn entries(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// The value of a mapping key.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()?.iter().find(|(k, _)| k.text() == Some(key)).map(|(_, v)| v)
    }

    /// Converts to JSON, keeping order; used to carry nested YAML (`args`) losslessly.
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Scalar(s) if s.is_null => serde_json::Value::Null,
            Value::Scalar(s) if s.is_string => serde_json::Value::String(s.text.clone()),
            Value::Scalar(s) => serde_json::from_str(&s.text)
                .ok()
                .filter(|v: &serde_json::Value| v.is_number() || v.is_boolean())
                .unwrap_or_else(|| serde_json::Value::String(s.text.clone())),
            Value::Sequence(items) => {
                serde_json::Value::Array(items.iter().map(Node::to_json).collect())
            }
            Value::Mapping(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.text().unwrap_or_default().to_owned(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Why YAML could not be read, with the position in the YAML text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (line {line}, column {column})")]
pub struct YamlError {
    pub message: String,
    /// 1-based, within the YAML text.
    pub line: usize,
    /// 1-based.
    pub column: usize,
}

/// Parses one YAML document into a [`Node`], within the limits above.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    if text.len() > MAX_YAML_BYTES {
        return Err(YamlError {
            message: format!("the YAML is larger than {} KB", MAX_YAML_BYTES / 1024),
            line: 1,
            column: 1,
        });
    }
    check_depth(text)?;
    let documents = MarkedYaml::load_from_str(text).map_err(|e| YamlError {
        message: e.info().to_owned(),
        line: e.marker().line(),
        column: e.marker().col() + 1,
    })?;
    let Some(document) = documents.into_iter().next() else {
        return Ok(Node { value: Value::Mapping(Vec::new()), line: 1, col: 0, start: 0, end: 0 });
    };
    let offsets = CharOffsets::new(text);
    let mut budget = MAX_NODES;
    convert(&document, text, &offsets, 0, &mut budget)
}

/// Refuses nesting deeper than [`MAX_DEPTH`] before a tree is built, with saphyr's own
/// event parser: brackets inside strings and block scalars are text, not nesting.
fn check_depth(text: &str) -> Result<(), YamlError> {
    let mut depth = 0usize;
    for event in saphyr_parser::Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| YamlError {
            message: e.info().to_owned(),
            line: e.marker().line(),
            column: e.marker().col() + 1,
        })?;
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(YamlError {
                        message: format!("the YAML nests deeper than {MAX_DEPTH} levels"),
                        line: span.start.line(),
                        column: span.start.col() + 1,
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Byte offsets of every char, so spans (in chars) can slice the source.
struct CharOffsets(Vec<usize>);

impl CharOffsets {
    fn new(text: &str) -> Self {
        let mut offsets: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
        offsets.push(text.len());
        Self(offsets)
    }

    fn byte(&self, char_index: usize) -> usize {
        self.0.get(char_index).copied().unwrap_or_else(|| self.0.last().copied().unwrap_or(0))
    }
}

fn convert(
    node: &MarkedYaml,
    text: &str,
    offsets: &CharOffsets,
    depth: usize,
    budget: &mut usize,
) -> Result<Node, YamlError> {
    let (line, col) = (node.span.start.line(), node.span.start.col());
    let (start, mut end) =
        (offsets.byte(node.span.start.index()), offsets.byte(node.span.end.index()));
    if matches!(node.data, YamlData::Value(_)) {
        // saphyr's span of a quoted scalar runs on over a comment after it.
        if let Some(close) = text.get(start..end).and_then(quoted_len) {
            end = start + close;
        }
    }
    let too_much = |message: String| YamlError { message, line, column: col + 1 };
    if depth > MAX_DEPTH {
        return Err(too_much(format!("the YAML nests deeper than {MAX_DEPTH} levels")));
    }
    *budget = budget
        .checked_sub(1)
        .ok_or_else(|| too_much(format!("the YAML has more than {MAX_NODES} nodes")))?;
    let value = match &node.data {
        YamlData::Value(scalar) => {
            // Offsets come from char indices, so they fall on char boundaries; `get` keeps
            // a span saphyr got wrong from panicking.
            let source = text.get(start..end).unwrap_or_default();
            Value::Scalar(scalar_of(scalar, source))
        }
        YamlData::Sequence(items) => Value::Sequence(
            items
                .iter()
                .map(|item| convert(item, text, offsets, depth + 1, budget))
                .collect::<Result<_, _>>()?,
        ),
        YamlData::Mapping(entries) => Value::Mapping(
            entries
                .iter()
                .map(|(k, v)| {
                    Ok((
                        convert(k, text, offsets, depth + 1, budget)?,
                        convert(v, text, offsets, depth + 1, budget)?,
                    ))
                })
                .collect::<Result<_, YamlError>>()?,
        ),
        YamlData::Tagged(_, inner) => return convert(inner, text, offsets, depth + 1, budget),
        YamlData::Alias(_) => return Err(too_much("a YAML alias could not be resolved".into())),
        YamlData::BadValue | YamlData::Representation(..) => {
            Value::Scalar(ScalarText { text: String::new(), is_string: false, is_null: true })
        }
    };
    Ok(Node { value, line, col, start, end })
}

/// The length of a quoted scalar's text up to its closing quote.
fn quoted_len(source: &str) -> Option<usize> {
    let quote = source.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let mut chars = source.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(at + 1),
            _ => {}
        }
    }
    None
}

fn scalar_of(scalar: &Scalar, source: &str) -> ScalarText {
    match scalar {
        Scalar::Null => ScalarText { text: String::new(), is_string: false, is_null: true },
        Scalar::String(text) => {
            ScalarText { text: text.to_string(), is_string: true, is_null: false }
        }
        // Numbers and booleans keep the digits they were written with (`0.920` stays so).
        Scalar::Integer(_) | Scalar::FloatingPoint(_) | Scalar::Boolean(_) => {
            let written = source.trim();
            let text = if written.is_empty() { scalar_text(scalar) } else { written.to_owned() };
            ScalarText { text, is_string: false, is_null: false }
        }
    }
}

fn scalar_text(scalar: &Scalar) -> String {
    match scalar {
        Scalar::Integer(i) => i.to_string(),
        Scalar::FloatingPoint(f) => f.to_string(),
        Scalar::Boolean(b) => b.to_string(),
        Scalar::String(s) => s.to_string(),
        Scalar::Null => String::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Writing

/// A string as a YAML scalar: plain when that reads back as the same string, otherwise
/// double-quoted with JSON escapes (which YAML accepts).
pub fn string(text: &str) -> String {
    if is_plain_safe(text) { text.to_owned() } else { quoted(text) }
}

/// A value that should read back as a number when it is one (`0.92`), else a string.
pub fn number_or_string(text: &str) -> String {
    let trimmed = text.trim();
    let is_number = !trimmed.is_empty()
        && trimmed == text
        && serde_json::from_str::<serde_json::Value>(trimmed).is_ok_and(|v| v.is_number());
    if is_number { trimmed.to_owned() } else { quoted(text) }
}

/// A double-quoted scalar. Characters YAML does not allow raw are escaped too.
pub fn quoted(text: &str) -> String {
    let json = serde_json::Value::String(text.to_owned()).to_string();
    escape_unprintable(&json)
}

/// Escapes characters that JSON leaves raw but YAML readers reject (DEL, C1 controls,
/// byte-order marks, non-characters) as `\uXXXX`, which both accept.
pub fn escape_unprintable(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if matches!(c, '\u{7f}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_plain_safe(text: &str) -> bool {
    const RESERVED: &[&str] = &["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"];
    let Some(first) = text.chars().next() else { return false };
    !text.trim().is_empty()
        && text.trim() == text
        && !RESERVED.contains(&text.to_lowercase().as_str())
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && text.chars().all(|c| !c.is_control() && c != '\u{feff}')
        && !first.is_ascii_digit()
        && !matches!(first, '.' | '+')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_positions_and_written_numbers() {
        let node = parse("b: 1\na:\n  - x\n  - 0.920\nc: {d: true}\n").unwrap();
        let keys: Vec<_> =
            node.entries().unwrap().iter().map(|(k, _)| (k.text().unwrap(), k.line)).collect();
        assert_eq!(keys, [("b", 1), ("a", 2), ("c", 5)]);
        let items = node.get("a").unwrap().items().unwrap();
        assert_eq!(items[1].text(), Some("0.920"));
        assert_eq!(node.get("c").unwrap().to_json(), serde_json::json!({"d": true}));
    }

    #[test]
    fn a_scalars_span_is_its_text() {
        let text = "a: 'it''s' # c\nb: \"q\\\"x\" # d\nc: plain # e\n";
        let node = parse(text).unwrap();
        let span = |key: &str| {
            let n = node.get(key).unwrap();
            &text[n.start..n.end]
        };
        assert_eq!((span("a"), span("b"), span("c")), ("'it''s'", "\"q\\\"x\"", "plain"));
    }

    #[test]
    fn reports_errors_with_line_and_column() {
        let error = parse("a: 1\nb: [unclosed\nc: 2\n").unwrap_err();
        assert!(error.line >= 2, "{error:?}");
        assert!(error.to_string().contains("line"), "{error}");
    }

    #[test]
    fn refuses_alias_bombs_deep_nesting_and_huge_documents() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        assert!(parse(bomb).is_err(), "a billion-laughs document is refused");
        let deep = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(parse(&deep).unwrap_err().message.contains("nests deeper"));
        let block: String = (0..100).map(|i| format!("{}k:\n", "  ".repeat(i))).collect();
        assert!(parse(&block).unwrap_err().message.contains("nests deeper"));
        // Brackets in strings and block scalars are text.
        let text = format!("a: \"{0}\"\nb: |-\n  {0}\n", "{[".repeat(200));
        assert!(parse(&text).is_ok());
        let huge = format!("a: \"{}\"\n", "x".repeat(MAX_YAML_BYTES));
        assert!(parse(&huge).unwrap_err().message.contains("larger than"));
    }

    #[test]
    fn writes_strings_that_read_back_the_same() {
        for text in [
            "plain",
            "with: colon",
            "yes",
            "123",
            "# hash",
            "-dash",
            " padded",
            "line\nbreak",
            "a \"q\"",
            "\u{85}x",
            "ünï",
        ] {
            let written = format!("k: {}\n", string(text));
            let node = parse(&written).unwrap_or_else(|e| panic!("{written:?}: {e}"));
            assert_eq!(node.get("k").unwrap().text(), Some(text), "{written:?}");
        }
        assert_eq!(number_or_string("0.92"), "0.92");
        assert_eq!(number_or_string("85%"), "\"85%\"");
    }
}
