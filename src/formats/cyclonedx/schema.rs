//! The official CycloneDX 1.6 JSON Schema (with the SPDX licence list and JSF 0.82 it
//! references), embedded without its annotations, and a validator for the part of JSON
//! Schema draft-07 it uses. Imports are refused with the JSON path of the first problem,
//! and every export is checked before it is written.
//!
//! The schema files in `schema/` are the official ones with titles, descriptions and
//! examples removed (60 KB instead of 333 KB); `tests/cyclonedx.rs` checks that they are
//! exactly that. The native tests compare this validator with the `jsonschema` crate.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::pointer::{Path, Segment};

const BOM_SCHEMA: &str = include_str!("schema/bom-1.6.schema.json");
const SPDX_SCHEMA: &str = include_str!("schema/spdx.schema.json");
const JSF_SCHEMA: &str = include_str!("schema/jsf-0.82.schema.json");

/// How strictly a BOM is held to the 1.6 schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Exactly as the schema says: CycloneDX 1.5 and 1.6 documents, and every export.
    Strict,
    /// For CycloneDX 1.7: names and enumeration values that 1.6 does not know are
    /// allowed (1.7 added them); everything 1.6 does know must still be right.
    Newer,
}

/// One thing wrong with a document, at a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub path: Path,
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.json_path(), self.message)
    }
}

/// Which of the three schema files a subschema belongs to, for its `#/…` references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum File {
    Bom,
    Spdx,
    Jsf,
}

struct Schemas {
    bom: Value,
    spdx: Value,
    jsf: Value,
}

fn schemas() -> Option<&'static Schemas> {
    static SCHEMAS: OnceLock<Option<Schemas>> = OnceLock::new();
    SCHEMAS
        .get_or_init(|| {
            Some(Schemas {
                bom: serde_json::from_str(BOM_SCHEMA).ok()?,
                spdx: serde_json::from_str(SPDX_SCHEMA).ok()?,
                jsf: serde_json::from_str(JSF_SCHEMA).ok()?,
            })
        })
        .as_ref()
}

/// Every problem of a document against the CycloneDX 1.6 schema, in document order.
pub fn validate(instance: &Value, strictness: Strictness) -> Vec<Violation> {
    let Some(schemas) = schemas() else {
        // The embedded files are tested to parse; this keeps the function total.
        return vec![Violation { path: Path::root(), message: "the schema is missing".into() }];
    };
    let mut checker = Checker { schemas, strictness, out: Vec::new(), steps: 0 };
    let mut path = Path::root();
    checker.check(File::Bom, &schemas.bom, instance, &mut path);
    checker.out
}

/// Whether a string is a `format: iri-reference` (RFC 3987), as the schema requires of
/// every URL in a BOM.
pub fn is_iri_reference(text: &str) -> bool {
    formats::iri_reference(text)
}

/// Whether a string is a `format: idn-email` address.
pub fn is_email(text: &str) -> bool {
    formats::idn_email(text)
}

/// Whether a string is a `format: date-time` (RFC 3339).
pub fn is_date_time(text: &str) -> bool {
    formats::date_time(text)
}

/// The SPDX licence ids of the embedded `spdx.schema.json`, in its order.
pub fn spdx_ids() -> impl Iterator<Item = &'static str> {
    schemas()
        .and_then(|s| s.spdx.get("enum"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// Every `pattern` the schemas use has a matcher here; a pattern without one is a bug
/// caught by the tests, and passes rather than failing a user's file.
pub fn pattern_is_known(pattern: &str) -> bool {
    patterns::matches(pattern, "").is_some()
}

/// Schema steps allowed for one document: far above what any real BOM needs, and a
/// bound on the work a hostile one can cause.
const MAX_STEPS: usize = 20_000_000;

struct Checker<'s> {
    schemas: &'s Schemas,
    strictness: Strictness,
    out: Vec<Violation>,
    steps: usize,
}

impl<'s> Checker<'s> {
    fn report(&mut self, path: &Path, message: String) {
        self.out.push(Violation { path: path.clone(), message });
    }

    /// Resolves a `$ref` to the file it lands in and the subschema.
    fn resolve(&self, file: File, reference: &str) -> Option<(File, &'s Value)> {
        let (target, fragment) = match reference.split_once('#') {
            Some(("", fragment)) => (file, fragment),
            Some((name, fragment)) => (file_named(name)?, fragment),
            None => (file_named(reference)?, ""),
        };
        let root = match target {
            File::Bom => &self.schemas.bom,
            File::Spdx => &self.schemas.spdx,
            File::Jsf => &self.schemas.jsf,
        };
        let schema = if fragment.is_empty() { Some(root) } else { root.pointer(fragment) }?;
        Some((target, schema))
    }

    fn check(&mut self, file: File, schema: &'s Value, instance: &Value, path: &mut Path) {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            if self.steps == MAX_STEPS + 1 {
                self.report(path, "the document is too large or too deep to check".into());
            }
            return;
        }
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                return self.report(path, "no value is allowed here".into());
            }
            Value::Object(schema) => schema,
            _ => return,
        };
        // Draft-07: beside `$ref`, every other keyword is ignored.
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            match self.resolve(file, reference) {
                Some((target, subschema)) => self.check(target, subschema, instance, path),
                None => self.report(path, format!("the schema's reference {reference} is missing")),
            }
            return;
        }
        if let Some(expected) = schema.get("type")
            && !type_matches(expected, instance)
        {
            return self.report(
                path,
                format!("expected {}, found {}", type_names(expected), describe_type(instance)),
            );
        }
        if let Some(Value::Array(allowed)) = schema.get("enum")
            && !allowed.contains(instance)
            && self.strictness == Strictness::Strict
        {
            self.report(path, not_allowed(file, instance, allowed));
        }
        if let Some(constant) = schema.get("const")
            && constant != instance
        {
            self.report(path, format!("must be {constant}"));
        }
        match instance {
            Value::Object(object) => self.object(file, schema, object, path),
            Value::Array(items) => self.array(file, schema, items, path),
            Value::String(text) => self.string(schema, text, path),
            Value::Number(number) => self.number(schema, number, path),
            _ => {}
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            if let Some(Value::Array(branches)) = schema.get(keyword) {
                self.combination(file, keyword, branches, instance, path);
            }
        }
        if let Some(condition) = schema.get("if") {
            let holds = self.passes(file, condition, instance, path);
            let branch = if holds { schema.get("then") } else { schema.get("else") };
            if let Some(branch) = branch {
                self.check(file, branch, instance, path);
            }
        }
    }

    /// Whether the instance satisfies a subschema, without reporting.
    fn passes(&mut self, file: File, schema: &'s Value, instance: &Value, path: &mut Path) -> bool {
        self.errors_of(file, schema, instance, path).is_empty()
    }

    fn errors_of(
        &mut self,
        file: File,
        schema: &'s Value,
        instance: &Value,
        path: &mut Path,
    ) -> Vec<Violation> {
        let before = std::mem::take(&mut self.out);
        self.check(file, schema, instance, path);
        std::mem::replace(&mut self.out, before)
    }

    fn combination(
        &mut self,
        file: File,
        keyword: &str,
        branches: &'s [Value],
        instance: &Value,
        path: &mut Path,
    ) {
        let results: Vec<Vec<Violation>> =
            branches.iter().map(|branch| self.errors_of(file, branch, instance, path)).collect();
        let passing = results.iter().filter(|errors| errors.is_empty()).count();
        match keyword {
            "allOf" => self.out.extend(results.into_iter().flatten()),
            // A newer version's extra fields can make branches that 1.6 keeps apart by
            // `additionalProperties` overlap, so there one match is enough.
            "oneOf" if passing > 1 && self.strictness == Strictness::Strict => self.report(
                path,
                "matches more than one of the shapes allowed here, where exactly one must match"
                    .into(),
            ),
            _ if passing > 0 => {}
            _ => {
                // Report the branch that came closest: its errors lie deepest.
                if let Some(best) = results.into_iter().max_by_key(|errors| {
                    let depth = errors.iter().map(|e| e.path.len()).max().unwrap_or(0);
                    (depth, std::cmp::Reverse(errors.len()))
                }) {
                    if best.iter().all(|e| e.path.len() <= path.len()) {
                        self.report(
                            path,
                            format!(
                                "matches none of the shapes allowed here ({})",
                                best.first().map_or(String::new(), |e| e.message.clone())
                            ),
                        );
                    } else {
                        self.out.extend(best);
                    }
                }
            }
        }
    }

    fn object(
        &mut self,
        file: File,
        schema: &'s Map<String, Value>,
        object: &Map<String, Value>,
        path: &mut Path,
    ) {
        if let Some(Value::Array(required)) = schema.get("required") {
            for name in required.iter().filter_map(Value::as_str) {
                if !object.contains_key(name) {
                    self.report(path, format!("\"{name}\" is missing"));
                }
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        for (key, value) in object {
            path.push(Segment::Key(key.clone()));
            match properties.and_then(|p| p.get(key)) {
                Some(subschema) => self.check(file, subschema, value, path),
                None => match additional {
                    Some(Value::Bool(false)) if self.strictness == Strictness::Strict => {
                        self.report(path, "is not a field CycloneDX 1.6 has here".into());
                    }
                    Some(subschema @ Value::Object(_)) => self.check(file, subschema, value, path),
                    _ => {}
                },
            }
            path.pop();
        }
    }

    fn array(
        &mut self,
        file: File,
        schema: &'s Map<String, Value>,
        items: &[Value],
        path: &mut Path,
    ) {
        let count = |key: &str| schema.get(key).and_then(Value::as_u64);
        let len = items.len() as u64;
        if let Some(min) = count("minItems")
            && len < min
        {
            self.report(path, format!("has {len} item(s), at least {min} needed"));
        }
        if let Some(max) = count("maxItems")
            && len > max
        {
            self.report(path, format!("has {len} items, at most {max} allowed"));
        }
        if schema.get("uniqueItems") == Some(&Value::Bool(true))
            && let Some((first, second)) = first_duplicate(items)
        {
            self.report(path, format!("items {first} and {second} are the same"));
        }
        match schema.get("items") {
            Some(Value::Array(tuple)) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(Segment::Index(index));
                    match tuple.get(index) {
                        Some(subschema) => self.check(file, subschema, item, path),
                        None => {
                            if let Some(extra) = schema.get("additionalItems") {
                                self.check(file, extra, item, path);
                            }
                        }
                    }
                    path.pop();
                }
            }
            Some(subschema) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(Segment::Index(index));
                    self.check(file, subschema, item, path);
                    path.pop();
                }
            }
            None => {}
        }
    }

    fn string(&mut self, schema: &Map<String, Value>, text: &str, path: &Path) {
        let length = text.chars().count() as u64;
        if let Some(min) = schema.get("minLength").and_then(Value::as_u64)
            && length < min
        {
            self.report(path, format!("must be at least {min} character(s) long"));
        }
        if let Some(max) = schema.get("maxLength").and_then(Value::as_u64)
            && length > max
        {
            self.report(path, format!("must be at most {max} characters long"));
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str)
            && patterns::matches(pattern, text) == Some(false)
        {
            self.report(path, format!("\"{}\" does not match the form {pattern}", shorten(text)));
        }
        if let Some(format) = schema.get("format").and_then(Value::as_str) {
            let (valid, what) = match format {
                "date-time" => (formats::date_time(text), "a date and time (RFC 3339)"),
                "iri-reference" => (formats::iri_reference(text), "a URL or IRI reference"),
                "uri" => (formats::uri(text), "an absolute URI"),
                "idn-email" => (formats::idn_email(text), "an e-mail address"),
                _ => (true, ""),
            };
            if !valid {
                self.report(path, format!("\"{}\" is not {what}", shorten(text)));
            }
        }
    }

    fn number(&mut self, schema: &Map<String, Value>, number: &serde_json::Number, path: &Path) {
        let Some(value) = number.as_f64() else { return };
        if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
            && value < min
        {
            self.report(path, format!("{number} is below the minimum {min}"));
        }
        if let Some(max) = schema.get("maximum").and_then(Value::as_f64)
            && value > max
        {
            self.report(path, format!("{number} is above the maximum {max}"));
        }
    }
}

fn file_named(name: &str) -> Option<File> {
    match name.rsplit('/').next().unwrap_or(name) {
        "bom-1.6.schema.json" => Some(File::Bom),
        "spdx.schema.json" => Some(File::Spdx),
        "jsf-0.82.schema.json" => Some(File::Jsf),
        _ => None,
    }
}

fn type_matches(expected: &Value, instance: &Value) -> bool {
    match expected {
        Value::String(name) => is_type(name, instance),
        Value::Array(names) => names.iter().filter_map(Value::as_str).any(|n| is_type(n, instance)),
        _ => true,
    }
}

fn is_type(name: &str, instance: &Value) -> bool {
    match name {
        "object" => instance.is_object(),
        "array" => instance.is_array(),
        "string" => instance.is_string(),
        "boolean" => instance.is_boolean(),
        "null" => instance.is_null(),
        "number" => instance.is_number(),
        "integer" => match instance {
            Value::Number(n) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            _ => false,
        },
        _ => true,
    }
}

fn type_names(expected: &Value) -> String {
    let names: Vec<&str> = match expected {
        Value::String(name) => vec![name.as_str()],
        Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.iter().map(|n| article(n)).collect();
    names.join(" or ")
}

fn article(name: &str) -> String {
    match name {
        "object" | "array" | "integer" => format!("an {name}"),
        _ => format!("a {name}"),
    }
}

fn describe_type(instance: &Value) -> String {
    match instance {
        Value::Null => "null".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn not_allowed(file: File, instance: &Value, allowed: &[Value]) -> String {
    let shown = match instance {
        Value::String(text) => format!("\"{}\"", shorten(text)),
        other => shorten(&other.to_string()),
    };
    if file == File::Spdx {
        return format!("{shown} is not an SPDX licence id (use \"name\" for other licences)");
    }
    if allowed.len() > 16 {
        return format!("{shown} is not one of the {} values allowed here", allowed.len());
    }
    let values: Vec<String> = allowed.iter().map(Value::to_string).collect();
    format!("{shown} is not one of {}", values.join(", "))
}

/// A user's value in a message: at most 60 characters.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_owned()
    } else {
        let head: String = text.chars().take(57).collect();
        format!("{head}…")
    }
}

/// The first two equal items, found through a text of each with its keys sorted (JSON
/// equality ignores key order), so a list of thousands of components stays linear.
fn first_duplicate(items: &[Value]) -> Option<(usize, usize)> {
    let mut seen = std::collections::HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let mut key = String::new();
        sorted_text(item, &mut key);
        if let Some(first) = seen.insert(key, index) {
            return Some((first, index));
        }
    }
    None
}

fn sorted_text(value: &Value, out: &mut String) {
    match value {
        Value::Object(object) => {
            let mut keys: Vec<&String> = object.keys().collect();
            keys.sort_unstable();
            out.push('{');
            for key in keys {
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(child) = object.get(key) {
                    sorted_text(child, out);
                }
                out.push(',');
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for item in items {
                sorted_text(item, out);
                out.push(',');
            }
            out.push(']');
        }
        // Numbers compare by value, as JSON Schema compares them.
        Value::Number(number) => match number.as_f64() {
            Some(float) => out.push_str(&float.to_string()),
            None => out.push_str(&number.to_string()),
        },
        other => out.push_str(&other.to_string()),
    }
}

/// The seven patterns of the CycloneDX 1.6 schema, matched by hand: a regex engine in
/// the worker would cost more than all of CycloneDX.
mod patterns {
    const UUID: &str = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /// `Some(matched)` for a known pattern, `None` for one this does not know.
    pub fn matches(pattern: &str, text: &str) -> Option<bool> {
        let serial = format!("^urn:uuid:{UUID}$");
        let bom_link = format!("^urn:cdx:{UUID}/[1-9][0-9]*$");
        let element_link = format!("^urn:cdx:{UUID}/[1-9][0-9]*#.+$");
        Some(match pattern {
            p if p == serial => text.strip_prefix("urn:uuid:").is_some_and(is_uuid),
            p if p == bom_link => text
                .strip_prefix("urn:cdx:")
                .and_then(|rest| rest.split_once('/'))
                .is_some_and(|(uuid, version)| is_uuid(uuid) && is_version(version)),
            p if p == element_link => text
                .strip_prefix("urn:cdx:")
                .and_then(|rest| rest.split_once('/'))
                .and_then(|(uuid, rest)| Some((uuid, rest.split_once('#')?)))
                .is_some_and(|(uuid, (version, fragment))| {
                    is_uuid(uuid)
                        && is_version(version)
                        && !fragment.is_empty()
                        && !fragment.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
                }),
            "^[-+a-z0-9.]+/[-+a-z0-9.]+$" => text.split_once('/').is_some_and(|(kind, sub)| {
                let part = |s: &str| {
                    !s.is_empty()
                        && s.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || "-+.".contains(c)
                        })
                };
                part(kind) && part(sub)
            }),
            "^([a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$" => {
                [32, 40, 64, 96, 128].contains(&text.len())
                    && text.chars().all(|c| c.is_ascii_hexdigit())
            }
            "^([a-z]{2})(-[A-Z]{2})?$" => {
                let (language, region) = text.split_once('-').unwrap_or((text, "AA"));
                language.len() == 2
                    && language.chars().all(|c| c.is_ascii_lowercase())
                    && region.len() == 2
                    && region.chars().all(|c| c.is_ascii_uppercase())
            }
            "^CRE:[0-9]+-[0-9]+$" => text
                .strip_prefix("CRE:")
                .and_then(|rest| rest.split_once('-'))
                .is_some_and(|(a, b)| digits(a) && digits(b)),
            _ => return None,
        })
    }

    fn digits(text: &str) -> bool {
        !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
    }

    fn is_version(text: &str) -> bool {
        digits(text) && !text.starts_with('0')
    }

    fn is_uuid(text: &str) -> bool {
        let groups: Vec<&str> = text.split('-').collect();
        groups.len() == 5
            && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, len)| {
                group.len() == len && group.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f'))
            })
    }
}

/// The formats the schemas use, checked as the `jsonschema` crate checks them.
mod formats {
    /// RFC 3339 `date-time`: `2026-11-26T21:43:13Z`, with optional fractions and an
    /// offset; `T` and `Z` in either case.
    pub fn date_time(text: &str) -> bool {
        let Some((date, time)) = text.split_once(['T', 't']) else { return false };
        full_date(date) && full_time(time)
    }

    fn number(text: &str, len: usize) -> Option<u32> {
        (text.len() == len && text.chars().all(|c| c.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    }

    fn full_date(text: &str) -> bool {
        let mut parts = text.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let (Some(year), Some(month), Some(day)) =
            (number(year, 4), number(month, 2), number(day, 2))
        else {
            return false;
        };
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&day)
    }

    fn full_time(text: &str) -> bool {
        let (local, offset) = if let Some(local) = text.strip_suffix(['Z', 'z']) {
            (local, None)
        } else {
            match text.rfind(['+', '-']) {
                Some(at) => match (text.get(..at), text.get(at + 1..)) {
                    (Some(local), Some(offset)) => (local, Some(offset)),
                    _ => return false,
                },
                None => return false,
            }
        };
        let (clock, fraction) = match local.split_once('.') {
            Some((clock, fraction)) => (clock, Some(fraction)),
            None => (local, None),
        };
        if fraction.is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit())) {
            return false;
        }
        let mut parts = clock.split(':');
        let (Some(h), Some(m), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let (Some(h), Some(m), Some(s)) = (number(h, 2), number(m, 2), number(s, 2)) else {
            return false;
        };
        if h > 23 || m > 59 || s > 60 {
            return false;
        }
        match offset {
            None => true,
            Some(offset) => match offset.split_once(':') {
                Some((oh, om)) => {
                    number(oh, 2).is_some_and(|h| h <= 23) && number(om, 2).is_some_and(|m| m <= 59)
                }
                None => false,
            },
        }
    }

    /// RFC 3987 `IRI-reference`: an IRI or a relative reference. Every character must be
    /// allowed where it stands, `%` must start an escape, and brackets only enclose an
    /// IP literal host.
    pub fn iri_reference(text: &str) -> bool {
        let (before_fragment, fragment) = match text.split_once('#') {
            Some((head, fragment)) => (head, Some(fragment)),
            None => (text, None),
        };
        let (before_query, query) = match before_fragment.split_once('?') {
            Some((head, query)) => (head, Some(query)),
            None => (before_fragment, None),
        };
        let rest = match scheme_end(before_query) {
            Some(colon) => match before_query.get(colon + 1..) {
                Some(rest) => rest,
                None => return false,
            },
            None => {
                // A relative reference's first segment may not hold a colon.
                let first = before_query.split('/').next().unwrap_or("");
                if first.contains(':') {
                    return false;
                }
                before_query
            }
        };
        let path = match rest.strip_prefix("//") {
            Some(after) => {
                let (authority, path) = match after.find('/') {
                    Some(at) => (after.get(..at).unwrap_or(""), after.get(at..).unwrap_or("")),
                    None => (after, ""),
                };
                if !authority_ok(authority) {
                    return false;
                }
                path
            }
            None => rest,
        };
        chars_ok(path, "/:@", false)
            && query.is_none_or(|q| chars_ok(q, "/:@?", true))
            && fragment.is_none_or(|f| chars_ok(f, "/:@?", false))
    }

    /// RFC 3986 absolute URI (`format: uri`): a scheme, then only ASCII.
    pub fn uri(text: &str) -> bool {
        text.is_ascii() && scheme_end(text).is_some() && iri_reference(text)
    }

    /// The index of the `:` that ends a scheme, if the text starts with one.
    fn scheme_end(text: &str) -> Option<usize> {
        let colon = text.find(':')?;
        let scheme = text.get(..colon)?;
        let mut chars = scheme.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        (first_ok && rest_ok && !scheme.contains('/')).then_some(colon)
    }

    fn authority_ok(authority: &str) -> bool {
        let (userinfo, host_port) = match authority.rsplit_once('@') {
            Some((userinfo, host_port)) => (Some(userinfo), host_port),
            None => (None, authority),
        };
        if userinfo.is_some_and(|u| !chars_ok(u, ":", false)) {
            return false;
        }
        if let Some(literal) = host_port.strip_prefix('[') {
            let Some((inside, after)) = literal.split_once(']') else { return false };
            let ip_ok = inside.parse::<std::net::Ipv6Addr>().is_ok()
                || (inside.starts_with(['v', 'V']) && inside.contains('.'));
            return ip_ok && (after.is_empty() || port_ok(after.strip_prefix(':')));
        }
        let (host, port) = match host_port.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        };
        chars_ok(host, "", false) && port.is_none_or(|p| p.chars().all(|c| c.is_ascii_digit()))
    }

    fn port_ok(port: Option<&str>) -> bool {
        port.is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
    }

    /// Whether every character is unreserved, a sub-delimiter, one of `extra`, a
    /// `%HH` escape, or (as IRIs allow) a non-ASCII character; `private` also allows the
    /// private-use characters RFC 3987 admits in queries.
    fn chars_ok(text: &str, extra: &str, private: bool) -> bool {
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            let ok = match c {
                '%' => {
                    let hex = |c: Option<char>| c.is_some_and(|c| c.is_ascii_hexdigit());
                    hex(chars.next()) && hex(chars.next())
                }
                c if c.is_ascii_alphanumeric() => true,
                '-' | '.' | '_' | '~' => true,
                '!' | '$' | '&' | '\'' | '(' | ')' | '*' | '+' | ',' | ';' | '=' => true,
                c if extra.contains(c) => true,
                c if c.is_ascii() => false,
                c => ucs_char(c) || (private && private_char(c)),
            };
            if !ok {
                return false;
            }
        }
        true
    }

    fn ucs_char(c: char) -> bool {
        let c = u32::from(c);
        matches!(c,
            0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF
            | 0x10000..=0x1FFFD | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD
            | 0x40000..=0x4FFFD | 0x50000..=0x5FFFD | 0x60000..=0x6FFFD
            | 0x70000..=0x7FFFD | 0x80000..=0x8FFFD | 0x90000..=0x9FFFD
            | 0xA0000..=0xAFFFD | 0xB0000..=0xBFFFD | 0xC0000..=0xCFFFD
            | 0xD0000..=0xDFFFD | 0xE1000..=0xEFFFD)
    }

    fn private_char(c: char) -> bool {
        let c = u32::from(c);
        matches!(c, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
    }

    /// `idn-email`: a local part and a domain of labels, non-ASCII allowed in both.
    pub fn idn_email(text: &str) -> bool {
        let Some((local, domain)) = text.rsplit_once('@') else { return false };
        local_part_ok(local) && domain_ok(domain)
    }

    fn local_part_ok(local: &str) -> bool {
        if let Some(quoted) = local.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
            return !quoted.contains(['"', '\\', '\n', '\r']) || quoted.is_empty();
        }
        !local.is_empty()
            && local.chars().count() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| {
                c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c) || !c.is_ascii()
            })
    }

    fn domain_ok(domain: &str) -> bool {
        if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
            return literal.parse::<std::net::Ipv4Addr>().is_ok()
                || literal.get(..5).is_some_and(|tag| tag.eq_ignore_ascii_case("IPv6:"))
                    && literal.get(5..).is_some_and(|ip| ip.parse::<std::net::Ipv6Addr>().is_ok());
        }
        !domain.is_empty()
            && domain.len() <= 253
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.chars().count() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
    }
}
