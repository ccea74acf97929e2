//! The HTML export: one self-contained, styled, printable file. Everything in it comes
//! from this module: sanitized Markdown, the chart, the figures and the styles. It makes
//! no request (its own Content-Security-Policy forbids any), so it is safe to open.

use super::markup::Markup;
use super::{chart, graphics, markdown_to_html_for_export};
use crate::document::Document;
use crate::markdown::document_sections;

/// The styles of the exported file, print included.
const STYLE: &str = include_str!("export.css");

/// The whole card as a standalone HTML document.
pub fn standalone_html(document: &Document) -> String {
    let card = &document.card;
    let title = if card.model_details.name.trim().is_empty() {
        "Model card"
    } else {
        card.model_details.name.trim()
    };
    let mut m = Markup::default();
    m.raw("<!doctype html>\n");
    m.open("html", &[("lang", "en".into())]);
    m.open("head", &[]);
    m.empty("meta", &[("charset", "utf-8".into())]);
    m.empty(
        "meta",
        &[("name", "viewport".into()), ("content", "width=device-width, initial-scale=1".into())],
    );
    m.empty(
        "meta",
        &[
            ("http-equiv", "Content-Security-Policy".into()),
            ("content", "default-src 'none'; img-src data:; style-src 'unsafe-inline'".into()),
        ],
    );
    m.empty("meta", &[("name", "generator".into()), ("content", "Model Card Studio".into())]);
    m.element("title", &[], &format!("{title} — model card"));
    m.open("style", &[]);
    m.raw(STYLE);
    m.close("style");
    m.close("head");
    m.open("body", &[]);
    m.open("main", &[("class", "rendered-card".into())]);
    for section in document_sections(document) {
        m.open("section", &[("id", section.id.clone())]);
        m.safe(&markdown_to_html_for_export(&section.markdown));
        if section.id == "evaluation" {
            if let Some(chart) = chart::results_chart(&card.quantitative_analysis.results) {
                m.safe(&chart);
            }
            if let Some(figures) = graphics::figures(&card.quantitative_analysis.graphics) {
                m.safe(&figures);
            }
        }
        m.close("section");
    }
    let data_graphics: Vec<_> = card
        .training_data
        .datasets
        .iter()
        .chain(&card.evaluation_data.datasets)
        .flat_map(|d| d.graphics.clone())
        .collect();
    if let Some(figures) = graphics::figures(&data_graphics) {
        m.open("section", &[("id", "data-graphics".into())]);
        m.element("h2", &[], "Data graphics");
        m.safe(&figures);
        m.close("section");
    }
    m.close("main");
    m.open("footer", &[]);
    m.text("Made with Model Card Studio.");
    m.close("footer");
    m.close("body");
    m.close("html");
    let mut html = m.into_string();
    html.push('\n');
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::example::filled_card;

    #[test]
    fn is_one_self_contained_file_with_the_chart_and_print_styles() {
        let html = standalone_html(&Document::new(filled_card()));
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"),
            "{}",
            &html[..120]
        );
        assert!(
            html.contains("Content-Security-Policy") && html.contains("default-src &#39;none&#39;"),
            "{}",
            &html[..400]
        );
        assert!(html.contains("@media print"));
        assert!(html.contains("<svg") && html.contains("Results by slice"));
        assert!(html.contains("<h1>ImageClassifier</h1>"));
        assert!(html.contains("Draft: not reviewed"));
        for external in ["<link", "<script", "src=\"http", "@import", "url("] {
            assert!(
                !html.contains(external),
                "the export must not load anything: found {external}"
            );
        }
    }

    #[test]
    fn hostile_text_is_sanitized_in_the_export() {
        let mut card = filled_card();
        card.model_details.name = "<script>alert(1)</script>".into();
        card.bias_risks_limitations.limitations =
            "<img src=x onerror=alert(1)> [x](javascript:alert(1))".into();
        let html = standalone_html(&Document::new(card));
        assert!(!html.contains("<script>alert"), "the title is escaped");
        assert!(!html.contains("onerror") && !html.contains("javascript:"));
    }
}
