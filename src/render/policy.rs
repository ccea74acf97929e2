//! What sanitized HTML may contain. Defined once, here, and applied by both sanitizers:
//! ammonia on native targets and DOMPurify in the browser (see `docs/decisions.md`).

/// Elements kept. Everything else is removed; its text content is kept, except for
/// `script`, `style` and similar, which both sanitizers drop with their content.
pub const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "center",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes kept on any allowed element.
pub const GENERIC_ATTRIBUTES: &[&str] = &["title", "lang"];

/// Attributes kept on particular elements.
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("img", &["src", "alt", "width", "height", "align"]),
    ("source", &["media", "type"]),
    ("p", &["align"]),
    ("div", &["align"]),
    ("h1", &["align"]),
    ("h2", &["align"]),
    ("h3", &["align"]),
    ("td", &["align", "colspan", "rowspan"]),
    ("th", &["align", "colspan", "rowspan"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start"]),
    ("details", &["open"]),
];

/// URL schemes a link may use; relative links (`#section`, `docs/x`) are kept too.
/// Everything else (`javascript:`, `vbscript:`, `data:`, `file:`) loses its attribute.
pub const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// The `rel` every link gets, so a linked page can neither script nor track the app.
pub const LINK_REL: &str = "noopener noreferrer";

/// Images load only when embedded in the card (`data:image/...`). Any other source
/// would be a request off the device (or a 404), so it is replaced by this placeholder.
pub const IMAGE_PLACEHOLDER: &str = concat!(
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='240' height='48'%3E",
    "%3Crect width='240' height='48' fill='%23e2e8f0'/%3E",
    "%3Ctext x='120' y='29' font-family='sans-serif' font-size='13' text-anchor='middle' ",
    "fill='%23334155'%3ERemote image not loaded%3C/text%3E%3C/svg%3E"
);

/// Whether an `img` may load `src` as it is.
pub fn is_embedded_image(src: &str) -> bool {
    let src = src.trim_start();
    src.get(..11).is_some_and(|head| head.eq_ignore_ascii_case("data:image/"))
}

/// The policy as JSON, for the browser sanitizer.
pub fn to_json() -> String {
    let attributes: serde_json::Map<String, serde_json::Value> = TAG_ATTRIBUTES
        .iter()
        .map(|(tag, attributes)| ((*tag).to_owned(), (*attributes).into()))
        .collect();
    serde_json::json!({
        "tags": TAGS,
        "genericAttributes": GENERIC_ATTRIBUTES,
        "tagAttributes": attributes,
        "linkSchemes": LINK_SCHEMES,
        "linkRel": LINK_REL,
        "imagePlaceholder": IMAGE_PLACEHOLDER,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_data_images_are_embedded() {
        assert!(is_embedded_image("data:image/png;base64,AAAA"));
        assert!(is_embedded_image(" DATA:IMAGE/gif;base64,AAAA"));
        assert!(!is_embedded_image("https://example.org/a.png"));
        assert!(!is_embedded_image("figure.png"));
        assert!(!is_embedded_image("data:text/html,<script>"));
    }

    #[test]
    fn every_tag_with_attributes_is_an_allowed_tag() {
        for (tag, _) in TAG_ATTRIBUTES {
            assert!(TAGS.contains(tag), "{tag}");
        }
    }
}
