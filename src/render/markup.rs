//! A small writer of escaped HTML and SVG, for the markup `render` builds itself.

use super::SafeHtml;

/// Writes escaped markup: the only way text and attribute values enter the HTML that
/// `render` builds itself (the chart, the figures, the exported document).
#[derive(Default)]
pub(crate) struct Markup {
    out: String,
}

impl Markup {
    pub(crate) fn into_string(self) -> String {
        self.out
    }

    /// Appends markup that is already safe.
    pub(crate) fn safe(&mut self, html: &SafeHtml) {
        self.out.push_str(html.as_str());
    }

    /// Appends markup this module wrote itself (a doctype, the stylesheet).
    pub(crate) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Appends text, escaped.
    pub(crate) fn text(&mut self, text: &str) {
        let _ = pulldown_cmark_escape::escape_html_body_text(&mut self.out, text);
    }

    pub(crate) fn start_tag(&mut self, tag: &str, attributes: &[(&str, String)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            let _ = pulldown_cmark_escape::escape_html(&mut self.out, value);
            self.out.push('"');
        }
    }

    pub(crate) fn open(&mut self, tag: &str, attributes: &[(&str, String)]) {
        self.start_tag(tag, attributes);
        self.out.push('>');
    }

    pub(crate) fn empty(&mut self, tag: &str, attributes: &[(&str, String)]) {
        self.start_tag(tag, attributes);
        self.out.push_str("/>");
    }

    pub(crate) fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    pub(crate) fn element(&mut self, tag: &str, attributes: &[(&str, String)], text: &str) {
        self.open(tag, attributes);
        let _ = pulldown_cmark_escape::escape_html_body_text(&mut self.out, text);
        self.close(tag);
    }
}
