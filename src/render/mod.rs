//! The one renderer from user text to HTML. Every piece of HTML the app shows or exports
//! comes out of this module as [`SafeHtml`], and only this module can make one.
//!
//! Markdown is rendered by pulldown-cmark, which passes raw HTML and any link scheme
//! through untouched, so its output is always sanitized before it leaves here. What
//! survives is defined once, in [`policy`], and applied by one of two engines: DOMPurify
//! for the live preview in the browser (ammonia would triple the first download), and
//! ammonia everywhere else: natively, and for every export, so that an export is the
//! same bytes from the web app and from the CLI (`docs/decisions.md`).

mod ammonia;
pub mod chart;
pub mod document;
pub mod graphics;
mod markup;
pub mod policy;

#[cfg(target_arch = "wasm32")]
mod dompurify;
#[cfg(target_arch = "wasm32")]
pub use dompurify::load as load_sanitizer;

use pulldown_cmark::{Parser, html};

use crate::markdown::blocks::parser_options;

/// HTML that has been sanitized. The only way to get one is through this module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

fn raw_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, parser_options()));
    raw
}

/// Renders Markdown (with any inline HTML it contains) to sanitized HTML, for showing:
/// with DOMPurify in the browser, ammonia elsewhere.
pub fn markdown_to_html(markdown: &str) -> SafeHtml {
    let raw = raw_html(markdown);
    sanitize(&raw).unwrap_or_else(|| escaped_source(markdown))
}

/// Renders Markdown to sanitized HTML for a file: with ammonia on every platform, so the
/// bytes do not depend on where the export was made.
pub fn markdown_to_html_for_export(markdown: &str) -> SafeHtml {
    SafeHtml(ammonia::sanitize(&raw_html(markdown)))
}

#[cfg(not(target_arch = "wasm32"))]
fn sanitize(html: &str) -> Option<SafeHtml> {
    Some(SafeHtml(ammonia::sanitize(html)))
}

#[cfg(target_arch = "wasm32")]
fn sanitize(html: &str) -> Option<SafeHtml> {
    dompurify::sanitize(html).map(SafeHtml)
}

/// The fallback when no sanitizer is available: the source as escaped, preformatted text.
fn escaped_source(markdown: &str) -> SafeHtml {
    let mut html = String::from("<pre class=\"unrendered\">");
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut html, markdown);
    html.push_str("</pre>");
    SafeHtml(html)
}

#[cfg(test)]
mod tests;
