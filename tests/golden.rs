//! Golden files: Card → Markdown for every section of a fully filled card and every
//! template, and the browser tests' card fixture. Run with `UPDATE_GOLDEN=1 cargo test --test golden` to rewrite
//! them after an intended change, then review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use model_card_studio::card::example::filled_card;
use model_card_studio::card::templates::Template;
use model_card_studio::document::{Document, to_json};
use model_card_studio::markdown::{card_sections, to_markdown};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `actual` with the golden file, or rewrites it when UPDATE_GOLDEN is set.
fn check(relative: &str, actual: &str) -> Result<(), String> {
    let path = golden_dir().join(relative);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return Ok(());
    }
    let expected = fs::read_to_string(&path)
        .map_err(|e| format!("{relative}: {e} (run with UPDATE_GOLDEN=1)"))?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{relative} differs from the golden file.\n--- expected\n{expected}\n--- actual\n{actual}"
        ))
    }
}

#[test]
fn every_section_of_a_filled_card_matches_its_golden_file() {
    let sections = card_sections(&filled_card());
    let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "title",
            "model-details",
            "uses",
            "bias-risks-limitations",
            "ethical-considerations",
            "caveats-and-recommendations",
            "get-started",
            "training-details",
            "evaluation",
            "environmental-impact",
            "technical-specifications",
            "citation",
            "glossary",
            "more-information",
            "custom-1",
            "card-authors",
            "card-contact"
        ],
        "a filled card has every section, in template order"
    );
    let failures: Vec<String> = sections
        .iter()
        .filter_map(|section| {
            check(&format!("sections/{}.md", section.id), &section.markdown).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_template_matches_its_golden_file() {
    let failures: Vec<String> = Template::ALL
        .iter()
        .filter_map(|template| {
            check(&format!("templates/{}.md", template.id()), &to_markdown(&template.card())).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_filled_card_renders_without_filler_text() {
    let markdown = to_markdown(&filled_card());
    for filler in ["[More Information Needed]", "{{", "Untitled"] {
        assert!(!markdown.contains(filler), "found {filler:?}");
    }
}

#[test]
fn the_browser_tests_fixture_is_the_filled_card() {
    // tests/e2e imports this file; it must stay the filled card of this version.
    check("../fixtures/filled-card.json", &to_json(&Document::new(filled_card()))).unwrap();
}
