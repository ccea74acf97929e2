//! Places in a JSON document: JSON pointers (RFC 6901) to keep values by, and JSONPath
//! (`$.components[0].name`) to name them in messages.

use serde_json::{Map, Value};

/// One step into a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A place in a document, from its root.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path(Vec<Segment>);

impl Path {
    pub fn root() -> Self {
        Self(Vec::new())
    }

    pub fn push(&mut self, segment: Segment) {
        self.0.push(segment);
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// This path, one step further.
    pub fn key(&self, key: &str) -> Self {
        let mut path = self.clone();
        path.push(Segment::Key(key.to_owned()));
        path
    }

    pub fn index(&self, index: usize) -> Self {
        let mut path = self.clone();
        path.push(Segment::Index(index));
        path
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0)
    }

    /// The RFC 6901 pointer: `/components/0/bom-ref`.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.0 {
            out.push('/');
            match segment {
                Segment::Key(key) => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
                Segment::Index(index) => out.push_str(&index.to_string()),
            }
        }
        out
    }

    /// Reads a pointer. Numeric steps are indices; [`get`] and [`place`] still treat
    /// them as keys where the document has an object.
    pub fn parse(pointer: &str) -> Option<Self> {
        if pointer.is_empty() {
            return Some(Self::root());
        }
        let rest = pointer.strip_prefix('/')?;
        Some(Self(
            rest.split('/')
                .map(|part| {
                    let key = part.replace("~1", "/").replace("~0", "~");
                    match key.parse::<usize>() {
                        Ok(index) if index.to_string() == key => Segment::Index(index),
                        _ => Segment::Key(key),
                    }
                })
                .collect(),
        ))
    }

    /// JSONPath for messages: `$.components[0]['bom-ref']`.
    pub fn json_path(&self) -> String {
        let mut out = String::from("$");
        for segment in &self.0 {
            match segment {
                Segment::Index(index) => out.push_str(&format!("[{index}]")),
                Segment::Key(key) if is_identifier(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Segment::Key(key) => {
                    out.push_str("['");
                    out.push_str(&key.replace('\\', "\\\\").replace('\'', "\\'"));
                    out.push_str("']");
                }
            }
        }
        out
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// The value at a path, if there is one.
pub fn get<'v>(root: &'v Value, path: &Path) -> Option<&'v Value> {
    let mut node = root;
    for segment in path.segments() {
        node = step(node, segment)?;
    }
    Some(node)
}

fn step<'v>(node: &'v Value, segment: &Segment) -> Option<&'v Value> {
    match (node, segment) {
        (Value::Object(map), Segment::Key(key)) => map.get(key),
        (Value::Object(map), Segment::Index(index)) => map.get(&index.to_string()),
        (Value::Array(items), Segment::Index(index)) => items.get(*index),
        _ => None,
    }
}

/// Puts a value back where it was: into an object under its key, or into an array at
/// its index (or at the end, when the array is shorter now). Missing objects and arrays
/// on the way are made. Returns whether it found a place.
pub fn place(root: &mut Value, path: &Path, value: Value) -> bool {
    let Some((last, parents)) = path.segments().split_last() else {
        *root = value;
        return true;
    };
    let mut node = root;
    for (position, segment) in parents.iter().enumerate() {
        let next_is_index =
            matches!(path.segments().get(position + 1), Some(Segment::Index(_)) | None);
        let fresh =
            || if next_is_index { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
        node = match (node, segment) {
            (Value::Object(map), segment) => map.entry(segment_key(segment)).or_insert_with(fresh),
            (Value::Array(items), Segment::Index(index)) => {
                if *index >= items.len() {
                    items.push(fresh());
                }
                let last = items.len().saturating_sub(1);
                match items.get_mut((*index).min(last)) {
                    Some(item) => item,
                    None => return false,
                }
            }
            _ => return false,
        };
    }
    match (node, last) {
        (Value::Object(map), segment) => {
            map.insert(segment_key(segment), value);
            true
        }
        (Value::Array(items), Segment::Index(index)) => {
            items.insert((*index).min(items.len()), value);
            true
        }
        _ => false,
    }
}

/// Removes and returns the value at a path.
pub fn remove(root: &mut Value, path: &Path) -> Option<Value> {
    let (last, parents) = path.segments().split_last()?;
    let mut node = root;
    for segment in parents {
        node = match (node, segment) {
            (Value::Object(map), segment) => map.get_mut(&segment_key(segment))?,
            (Value::Array(items), Segment::Index(index)) => items.get_mut(*index)?,
            _ => return None,
        };
    }
    match (node, last) {
        (Value::Object(map), segment) => map.shift_remove(&segment_key(segment)),
        (Value::Array(items), Segment::Index(index)) if *index < items.len() => {
            Some(items.remove(*index))
        }
        _ => None,
    }
}

fn segment_key(segment: &Segment) -> String {
    match segment {
        Segment::Key(key) => key.clone(),
        Segment::Index(index) => index.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_and_json_paths_name_the_same_place() {
        let path = Path::root().key("components").index(0).key("bom-ref");
        assert_eq!(path.pointer(), "/components/0/bom-ref");
        assert_eq!(path.json_path(), "$.components[0]['bom-ref']");
        assert_eq!(Path::parse("/components/0/bom-ref"), Some(path));
        assert_eq!(Path::parse("/a~1b/~0c").unwrap().pointer(), "/a~1b/~0c");
        assert_eq!(Path::parse("no slash"), None);
    }

    #[test]
    fn values_go_back_where_they_were() {
        let mut doc = json!({"components": [{"name": "model"}]});
        assert!(place(&mut doc, &Path::parse("/components/0").unwrap(), json!({"name": "lib"})));
        assert!(place(&mut doc, &Path::parse("/components/1/group").unwrap(), json!("g")));
        assert!(place(&mut doc, &Path::parse("/metadata/tools/components/5").unwrap(), json!(1)));
        assert_eq!(
            doc,
            json!({
                "components": [{"name": "lib"}, {"name": "model", "group": "g"}],
                "metadata": {"tools": {"components": [1]}}
            })
        );
        assert!(!place(&mut doc, &Path::parse("/components/0/name/x").unwrap(), json!(1)));
        assert_eq!(
            remove(&mut doc, &Path::parse("/components/0").unwrap()),
            Some(json!({"name": "lib"}))
        );
        assert_eq!(get(&doc, &Path::parse("/components/0/group").unwrap()), Some(&json!("g")));
    }
}
