//! Hostile input, natively: every string of the Big List of Naughty Strings
//! (`naughty-strings`) and our own Markdown vectors (`tests/fixtures/xss/`) go through the
//! renderer and the HTML export. Whatever comes out can never run: no script, frame,
//! object, form, base or meta element, no event-handler or style attribute, and no
//! link or image with a scheme that executes. The browser half (DOMPurify, the viewer,
//! share links) is `tests/e2e/xss-corpus.spec.ts`.

use model_card_studio::card::example::filled_card;
use model_card_studio::document::Document;
use model_card_studio::render::document::standalone_html;
use model_card_studio::render::{markdown_to_html, markdown_to_html_for_export};
use regex::Regex;

fn vectors() -> Vec<String> {
    let ours = include_str!("fixtures/xss/markdown-vectors.txt");
    let mut all: Vec<String> = naughty_strings::BLNS.iter().map(|s| (*s).to_owned()).collect();
    all.extend(ours.lines().filter(|l| !l.is_empty()).map(str::to_owned));
    // And all of them in one document, where one vector can open what the next closes.
    all.push(ours.to_owned());
    all
}

const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "object", "embed", "form", "base", "meta", "link", "style",
    "template", "noscript",
];

fn decode_entities(value: &str) -> String {
    let numeric = Regex::new(r"&#(x[0-9a-fA-F]+|[0-9]+);?").unwrap();
    let value = numeric.replace_all(value, |c: &regex::Captures| {
        let n = &c[1];
        let code = match n.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => n.parse().ok(),
        };
        code.and_then(char::from_u32).map(String::from).unwrap_or_default()
    });
    value
        .replace("&colon;", ":")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A URL as the WHATWG URL parser sees it before reading the scheme: leading and
/// trailing C0 controls and spaces trimmed, tabs and newlines removed everywhere.
fn as_a_browser_reads_it(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Panics naming the vector and the offending markup if `html` could run anything.
fn assert_inert(html: &str, vector: &str) {
    let tag = Regex::new(r"<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\x22]|\x22[^\x22]*\x22)*)>").unwrap();
    let attribute = Regex::new(r#"([^\s=/"]+)(?:\s*=\s*"([^"]*)")?"#).unwrap();
    for element in tag.captures_iter(html) {
        let name = element[1].to_ascii_lowercase();
        assert!(
            !FORBIDDEN_ELEMENTS.contains(&name.as_str()),
            "<{name}> survived {vector:?}:\n{html}"
        );
        for attr in attribute.captures_iter(&element[2]) {
            let key = attr[1].to_ascii_lowercase();
            assert!(
                !key.starts_with("on")
                    && !["style", "srcset", "action", "formaction", "srcdoc"]
                        .contains(&key.as_str()),
                "attribute {key} survived {vector:?}:\n{html}"
            );
            if ["href", "src", "xlink:href", "data"].contains(&key.as_str()) {
                let value =
                    as_a_browser_reads_it(&decode_entities(attr.get(2).map_or("", |v| v.as_str())));
                // An image (SVG included) cannot run script; a data: link could be opened.
                let executes = value.starts_with("javascript:")
                    || value.starts_with("vbscript:")
                    || (value.starts_with("data:")
                        && !(key == "src" && value.starts_with("data:image/")));
                assert!(!executes, "{key}={value:?} survived {vector:?}:\n{html}");
            }
        }
    }
}

#[test]
fn the_renderer_never_lets_a_naughty_string_run() {
    for vector in vectors() {
        assert_inert(markdown_to_html(&vector).as_str(), &vector);
        assert_inert(markdown_to_html_for_export(&vector).as_str(), &vector);
    }
}

#[test]
fn the_html_export_never_lets_a_naughty_string_run() {
    let vectors = vectors();
    let mut card = filled_card();
    card.bias_risks_limitations.limitations = vectors.join("\n\n");
    card.model_details.description = vectors.join("\n");
    card.model_details.name = vectors.iter().take(200).cloned().collect::<Vec<_>>().join(" ");
    let html = standalone_html(&Document::new(card));
    let body = html.split("<body>").nth(1).expect("the export has a body");
    assert_inert(body, "the whole corpus in one card");
    assert!(html.contains("Content-Security-Policy"), "and the file forbids scripts as well");
}

#[test]
fn the_checker_catches_what_it_is_for() {
    for dangerous in [
        "<script>x</script>",
        "<img src=\"x\" onerror=\"y\">",
        "<a href=\"&#106;avascript:x\">a</a>",
        "<a href=\"java&#x09;script:x\">a</a>",
        "<a href=\"data:image/svg+xml,x\">a</a>",
        "<a href=\"data:text/html,x\">a</a>",
        "<p style=\"x\">p</p>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_inert(dangerous, "self-test"));
        assert!(caught.is_err(), "the checker missed {dangerous}");
    }
}
