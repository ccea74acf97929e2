//! Licences between the card (Hugging Face Hub ids, or "other" with a name and a link)
//! and CycloneDX (`license.id` from the SPDX list, `license.name`, or an SPDX
//! `expression`).

use serde_json::{Value, json};

use super::schema;
use crate::card::{License, licenses};

/// The SPDX id of a licence id, matched without regard to case (SPDX ids are
/// case-insensitive; the Hub writes them in lower case).
pub fn spdx_id(id: &str) -> Option<&'static str> {
    let id = id.trim();
    schema::spdx_ids().find(|spdx| spdx.eq_ignore_ascii_case(id))
}

/// The card's licence as a CycloneDX licence choice, and the card fields it holds
/// exactly (the others go into properties).
pub fn to_bom(licence: &License) -> Option<(Value, Vec<&'static str>)> {
    const ID: &str = "model_details.license.id";
    const NAME: &str = "model_details.license.name";
    const LINK: &str = "model_details.license.link";
    let id = licence.id.trim();
    if id.is_empty() {
        return None;
    }
    if !licence.is_other() {
        if let Some(spdx) = spdx_id(id) {
            return Some((json!({ "license": { "id": spdx } }), vec![ID]));
        }
        // A Hub id outside the SPDX list is read back from its name; an id nobody knows
        // is still named for CycloneDX, and comes back from its property.
        let known = licenses::LICENSES.iter().any(|(hub, _)| *hub == id) && id == licence.id;
        return Some((json!({ "license": { "name": id } }), if known { vec![ID] } else { vec![] }));
    }
    let name = licence.name.trim();
    if name.is_empty() {
        return None;
    }
    let exact = name == licence.name;
    if is_expression(name) {
        return Some((
            json!({ "expression": name }),
            if exact { vec![ID, NAME] } else { vec![ID] },
        ));
    }
    let mut placed = if exact { vec![ID, NAME] } else { vec![ID] };
    let link = licence.link.trim();
    if !link.is_empty() && link == licence.link && schema::is_iri_reference(link) {
        placed.push(LINK);
        Some((json!({ "license": { "name": name, "url": link } }), placed))
    } else {
        Some((json!({ "license": { "name": name } }), placed))
    }
}

/// What an import reads from a CycloneDX licence: the card's licence, and which of the
/// licence's keys it took (the rest is kept as written).
pub struct FromBom {
    pub licence: License,
    pub taken: Vec<&'static str>,
}

/// Reads the `license` object of a licence choice. Only what [`to_bom`] writes back
/// exactly is taken.
pub fn from_license(object: &serde_json::Map<String, Value>) -> Option<FromBom> {
    if let Some(id) = object.get("id").and_then(Value::as_str) {
        let hub = licenses::LICENSES.iter().find(|(hub, _)| hub.eq_ignore_ascii_case(id));
        let card_id = match hub {
            Some((hub, _)) => (*hub).to_owned(),
            None => id.to_owned(),
        };
        // The export writes the SPDX list's spelling, which is what the schema allows.
        (spdx_id(&card_id) == Some(id)).then(|| FromBom {
            licence: License { id: card_id, ..License::default() },
            taken: vec!["id"],
        })
    } else {
        let name = object.get("name").and_then(Value::as_str)?;
        if name.trim() != name || name.is_empty() || is_expression(name) {
            return None;
        }
        // A Hub id that is not an SPDX id is written as a name; read it back as the id.
        if let Some((hub, _)) = licenses::LICENSES.iter().find(|(hub, _)| *hub == name)
            && !licence_is_other(hub)
            && spdx_id(hub).is_none()
        {
            return Some(FromBom {
                licence: License { id: (*hub).to_owned(), ..License::default() },
                taken: vec!["name"],
            });
        }
        let url = object
            .get("url")
            .and_then(Value::as_str)
            .filter(|url| !url.is_empty() && url.trim() == *url && schema::is_iri_reference(url));
        let mut taken = vec!["name"];
        if url.is_some() {
            taken.push("url");
        }
        Some(FromBom {
            licence: License {
                id: licenses::OTHER.to_owned(),
                name: name.to_owned(),
                link: url.unwrap_or_default().to_owned(),
            },
            taken,
        })
    }
}

fn licence_is_other(id: &str) -> bool {
    id == licenses::OTHER
}

/// Reads an `expression` licence choice: an "other" licence named by the expression,
/// when the export would write it back as the same expression.
pub fn from_expression(expression: &str) -> Option<License> {
    (expression.trim() == expression && is_expression(expression)).then(|| License {
        id: licenses::OTHER.to_owned(),
        name: expression.to_owned(),
        link: String::new(),
    })
}

/// Whether a licence name is an SPDX licence expression with at least one operator
/// (`MIT OR Apache-2.0`, `(GPL-2.0-only WITH Classpath-exception-2.0) AND MIT`). A bare
/// id stays a name: that is how the card says "other".
pub fn is_expression(text: &str) -> bool {
    let tokens = tokenize(text);
    let has_operator = tokens.iter().any(|t| matches!(*t, "AND" | "OR" | "WITH"));
    has_operator && Parser { tokens: &tokens, at: 0 }.expression() && !tokens.is_empty()
}

fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() || c == '(' || c == ')' {
            if let Some(begin) = start.take() {
                tokens.extend(text.get(begin..at));
            }
            if c != ' ' && !c.is_whitespace() {
                tokens.extend(text.get(at..at + c.len_utf8()));
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(begin) = start {
        tokens.extend(text.get(begin..));
    }
    tokens
}

struct Parser<'t> {
    tokens: &'t [&'t str],
    at: usize,
}

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<&'t str> {
        self.tokens.get(self.at).copied()
    }

    fn next(&mut self) -> Option<&'t str> {
        let token = self.peek();
        self.at += 1;
        token
    }

    /// The whole token list is one expression.
    fn expression(&mut self) -> bool {
        self.compound() && self.peek().is_none()
    }

    fn compound(&mut self) -> bool {
        if !self.term() {
            return false;
        }
        while matches!(self.peek(), Some("AND" | "OR")) {
            self.at += 1;
            if !self.term() {
                return false;
            }
        }
        true
    }

    fn term(&mut self) -> bool {
        match self.next() {
            Some("(") => self.compound() && self.next() == Some(")"),
            Some(id) if is_licence_ref(id) => {
                if self.peek() == Some("WITH") {
                    self.at += 1;
                    return self.next().is_some_and(is_exception_ref);
                }
                true
            }
            _ => false,
        }
    }
}

fn is_idstring(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

fn is_licence_ref(token: &str) -> bool {
    let token = token.strip_suffix('+').unwrap_or(token);
    let local = match token.split_once(':') {
        Some((document, local)) => {
            if !document.strip_prefix("DocumentRef-").is_some_and(is_idstring) {
                return false;
            }
            local
        }
        None => token,
    };
    local.strip_prefix("LicenseRef-").is_some_and(is_idstring) || spdx_id(local).is_some()
}

fn is_exception_ref(token: &str) -> bool {
    is_idstring(token) && !matches!(token, "AND" | "OR" | "WITH")
        || token.strip_prefix("AdditionRef-").is_some_and(is_idstring)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn spdx_ids_are_matched_without_case() {
        assert_eq!(spdx_id("apache-2.0"), Some("Apache-2.0"));
        assert_eq!(spdx_id("MIT"), Some("MIT"));
        assert_eq!(spdx_id("openrail"), None);
    }

    #[test]
    fn expressions_need_an_operator_and_known_ids() {
        assert!(is_expression("MIT OR Apache-2.0"));
        assert!(is_expression("(GPL-2.0-only WITH Classpath-exception-2.0) AND MIT"));
        assert!(is_expression("LicenseRef-acme OR MIT"));
        assert!(!is_expression("MIT"));
        assert!(!is_expression("Llama 2 Community License"));
        assert!(!is_expression("MIT OR"));
        assert!(!is_expression("Nonsense-1.0 OR MIT"));
        assert!(!is_expression("(MIT OR Apache-2.0"));
    }

    #[test]
    fn hub_ids_become_spdx_ids_or_names_and_come_back() {
        for id in ["apache-2.0", "mit", "openrail", "llama2", "cc-by-nc-4.0"] {
            let licence = License { id: id.into(), ..License::default() };
            let (value, placed) = to_bom(&licence).unwrap();
            assert_eq!(placed, ["model_details.license.id"], "{id}");
            let object = value["license"].as_object().unwrap();
            let back = from_license(object).unwrap();
            assert_eq!(back.licence, licence, "{value}");
        }
    }
}
