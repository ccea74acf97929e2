//! The one renderer: Markdown with inline HTML to sanitized HTML, for showing and for
//! export. Whatever goes in, no script element or event handler comes out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_card_studio::render::{markdown_to_html, markdown_to_html_for_export};

fuzz_target!(|markdown: &str| {
    for html in [markdown_to_html(markdown), markdown_to_html_for_export(markdown)] {
        let lower = html.as_str().to_ascii_lowercase();
        assert!(!lower.contains("<script"), "a script element survived {markdown:?}");
    }
});
