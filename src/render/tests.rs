//! The sanitizing renderer's contract, checked against the native sanitizer.
use super::*;

fn render(markdown: &str) -> String {
    markdown_to_html(markdown).into_string()
}

#[test]
fn renders_markdown() {
    assert_eq!(render("# Title\n\nSome *text*."), "<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n");
}

#[test]
fn renders_tables() {
    let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert!(html.contains("<table>") && html.contains("<td>2</td>"), "{html}");
}

#[test]
fn removes_scripts_with_their_content() {
    let html = render("before <script>window.pwned = 1</script> after");
    assert!(!html.contains("script") && !html.contains("pwned"), "{html}");
}

#[test]
fn removes_event_handlers() {
    let html = render(r#"<img src="x.png" onerror="window.pwned = 1">"#);
    assert!(!html.contains("onerror") && !html.contains("pwned"), "{html}");
}

#[test]
fn removes_dangerous_link_schemes_in_any_case_or_encoding() {
    for link in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<javascript:alert(1)>",
    ] {
        let html = render(link);
        assert_eq!(attribute_values(&html, "href"), Vec::<&str>::new(), "{link} gave {html}");
    }
}

/// Every value of `attribute` in serialized HTML (ammonia always double-quotes).
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| html[at + needle.len()..].split('"').next())
        .collect()
}

#[test]
fn keeps_safe_links_and_marks_them_noopener() {
    let html = render("[docs](https://example.org/a)");
    assert_eq!(
        html,
        "<p><a href=\"https://example.org/a\" rel=\"noopener noreferrer\">docs</a></p>\n"
    );
}

#[test]
fn keeps_the_safe_html_real_cards_use() {
    let html = render(
        "<details><summary>More</summary>\n\n<p align=\"center\">x<br>y<sup>1</sup></p>\n</details>",
    );
    for kept in ["<details>", "<summary>", "<p align=\"center\">", "<br>", "<sup>"] {
        assert!(html.contains(kept), "{kept} missing from {html}");
    }
}

#[test]
fn replaces_remote_and_relative_images_with_a_placeholder() {
    for src in ["https://tracker.example/pixel.png", "figure.png", "//cdn.example/x.png"] {
        let html = render(&format!("![chart]({src})"));
        let srcs = attribute_values(&html, "src");
        assert_eq!(srcs, [policy::IMAGE_PLACEHOLDER], "{src} gave {html}");
        assert!(html.contains("alt=\"chart\""), "{html}");
    }
}

#[test]
fn keeps_embedded_images() {
    let html = render("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"logo\">");
    assert_eq!(attribute_values(&html, "src"), ["data:image/png;base64,iVBORw0KGgo="]);
}

#[test]
fn drops_srcset_so_picture_sources_never_load() {
    let html = render(
        r#"<picture><source srcset="https://a.org/x.png 1x" media="(min-width: 1px)"><img src="a.png"></picture>"#,
    );
    assert!(!html.contains("srcset") && !html.contains("a.org"), "{html}");
    assert!(html.contains("<picture><source media="), "{html}");
}

#[test]
fn the_escaped_fallback_shows_the_source_as_text() {
    let html = escaped_source("<script>x</script> & *y*").into_string();
    assert_eq!(html, "<pre class=\"unrendered\">&lt;script&gt;x&lt;/script&gt; &amp; *y*</pre>");
}
