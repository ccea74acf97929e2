//! The README round trip on real files: the twelve corpus cards in `../shared/corpus/hf`
//! and READMEs with odd layouts of our own in `tests/fixtures/readmes`. An unedited
//! export is the source; an edit changes only its own lines, and the README read back
//! says what the card says.

use std::path::Path;

use model_card_studio::card::fields::{self, Access};
use model_card_studio::card::{Card, CustomSection};
use model_card_studio::check;
use model_card_studio::formats::hf::front_matter;
use model_card_studio::formats::{self, hf};
use model_card_studio::markdown::status;
use model_card_studio::review::canonical::content_hash;
use model_card_studio::review::{Approval, Approver, Publication, Status, Workflow};
use proptest::prelude::*;

/// 2026-12-01, after every time in the fixtures.
const NOW: u64 = 1_796_083_200_000;

fn read_dir(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .map(|path| {
            let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
            (path.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

fn corpus() -> Vec<(String, String)> {
    let cards = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hf"));
    assert_eq!(cards.len(), 12, "the corpus has twelve cards");
    cards
}

fn ours() -> Vec<(String, String)> {
    read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readmes"))
}

fn all() -> Vec<(String, String)> {
    corpus().into_iter().chain(ours()).collect()
}

/// The README without its status block, which every export adds.
fn strip_block(readme: &str) -> String {
    let found = hf::status_block(readme).expect("an export has a status block");
    status::without(readme, &found)
}

/// The changed lines between two texts, `-` and `+`.
fn line_diff(old: &str, new: &str) -> Vec<String> {
    use similar::DiffOp;
    use similar::algorithms::{Capture, myers};
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut capture = Capture::default();
    let _ = myers::diff(&mut capture, &a, 0..a.len(), &b, 0..b.len());
    let mut out = Vec::new();
    for op in capture.into_ops() {
        let (o, ol, n, nl) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { old_index, old_len, .. } => (old_index, old_len, 0, 0),
            DiffOp::Insert { new_index, new_len, .. } => (0, 0, new_index, new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (old_index, old_len, new_index, new_len)
            }
        };
        out.extend(a[o..o + ol].iter().map(|l| format!("-{}", l.trim_end_matches(['\n', '\r']))));
        out.extend(b[n..n + nl].iter().map(|l| format!("+{}", l.trim_end_matches(['\n', '\r']))));
    }
    out
}

#[test]
fn every_readme_comes_back_exactly_as_it_was() {
    for (name, text) in all() {
        let exported = hf::export(&hf::import(&text).0);
        assert_eq!(strip_block(&exported), text, "{name}");
    }
}

/// Through `import_any`, as the app and the CLI read files, and in the shapes editors
/// save them in: a byte order mark, CRLF line ends, no final line break, no front matter.
#[test]
fn every_readme_comes_back_exactly_as_it_was_in_any_editors_shape() {
    type Shape = (&'static str, fn(&str) -> String);
    let variants: [Shape; 4] = [
        ("a byte order mark", |t| format!("\u{feff}{t}")),
        ("CRLF", |t| t.replace("\r\n", "\n").replace('\n', "\r\n")),
        ("no final line break", |t| t.trim_end_matches(['\n', '\r']).to_owned()),
        ("no front matter and a byte order mark", |t| {
            let split = front_matter::split(t);
            let body = if split.yaml.is_some() { t.get(split.body_start..) } else { Some(t) };
            format!("\u{feff}{}", body.unwrap_or_default())
        }),
    ];
    for (name, text) in all() {
        for (shape, make) in &variants {
            let source = make(&text);
            let imported = formats::import_any(&source, NOW).unwrap().document;
            let exported = hf::export(&imported);
            assert_eq!(strip_block(&exported), source, "{name} with {shape}");
            let again = formats::import_any(&exported, NOW).unwrap().document;
            assert_eq!(again.card, imported.card, "{name} with {shape}: the card reads back");
        }
    }
}

/// The card's value of every text and list field, trimmed, by path.
fn values(card: &Card) -> Vec<(&'static str, String)> {
    fields::ALL
        .iter()
        .map(|field| {
            let value = match field.access {
                Access::Text(get, _) => get(card).trim().replace("\r\n", "\n"),
                Access::List(get, _) => get(card).join("\u{1f}"),
            };
            (field.path, value)
        })
        .collect()
}

fn customs(card: &Card) -> Vec<(String, String)> {
    card.custom_sections
        .iter()
        .map(|s| (s.title.trim().to_owned(), s.body.trim().to_owned()))
        .collect()
}

/// Fields whose edits a README cannot carry as they are: YAML typed as text, the code's
/// language without code, and a name whose heading would swallow the next one.
const NOT_EDITED: &[&str] = &["hf_metadata.extra_yaml", "get_started.language", "get_started.code"];

/// Text as people write it in a section: sentences, sometimes a second paragraph or a
/// short list.
fn section_text() -> impl Strategy<Value = String> {
    let sentence = "[A-Z][a-z]{1,8}( [a-z0-9]{1,8}){0,8}[.]";
    prop_oneof![
        3 => sentence.prop_map(|s| s),
        1 => (sentence, sentence).prop_map(|(a, b)| format!("{a}\n\n{b}")),
        1 => (sentence, "[a-z]{2,8}", "[a-z]{2,8}").prop_map(|(a, b, c)| format!("{a}\n\n- {b}\n- {c}")),
        1 => Just(String::new()),
    ]
}

/// A value on one line, as in a list item or a YAML key.
fn line_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => "[a-z][a-z0-9]{0,6}( [a-z0-9]{1,6}){0,3}", 1 => Just(String::new())]
}

#[derive(Debug, Clone)]
enum Edit {
    Field(usize, String),
    Custom(usize, String),
    DropCustom(usize),
    AddCustom(String, String),
    Metric(usize, String),
    AddResult(String, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let count = fields::ALL.len();
    prop_oneof![
        6 => (0..count, section_text(), line_text()).prop_map(|(index, text, line)| {
            let multi = matches!(fields::ALL[index].access, Access::Text(..)) && multi_line(fields::ALL[index].path);
            Edit::Field(index, if multi { text } else { line })
        }),
        1 => (0..8usize, section_text()).prop_map(|(i, t)| Edit::Custom(i, t)),
        1 => (0..8usize).prop_map(Edit::DropCustom),
        1 => ("[A-Z][a-z]{3,8} [a-z]{3,8}", section_text()).prop_map(|(t, b)| Edit::AddCustom(t, b)),
        1 => (0..8usize, "[0-9]{1,2}[.][0-9]{1,3}").prop_map(|(i, v)| Edit::Metric(i, v)),
        1 => ("[a-z]{2,8}", "[0-9]{1,2}[.][0-9]{1,3}").prop_map(|(m, v)| Edit::AddResult(m, v)),
    ]
}

/// Fields whose text is Markdown blocks, not one line.
fn multi_line(path: &str) -> bool {
    !matches!(
        path,
        "model_details.name"
            | "model_details.version.name"
            | "model_details.version.date"
            | "model_details.license.id"
            | "model_details.license.name"
            | "model_details.license.link"
            | "model_details.contact"
            | "model_details.model_type"
            | "model_details.architecture"
            | "model_details.funded_by"
            | "model_details.shared_by"
            | "model_details.links.repository"
            | "model_details.links.paper"
            | "model_details.links.demo"
            | "training_procedure.learning_approach"
            | "training_procedure.training_regime"
            | "environmental_impact.hardware_type"
            | "environmental_impact.hours_used"
            | "environmental_impact.cloud_provider"
            | "environmental_impact.compute_region"
            | "environmental_impact.co2_emitted"
            | "environmental_impact.energy_consumed"
            | "hf_metadata.pipeline_tag"
            | "hf_metadata.library_name"
            | "get_started.language"
    )
}

fn apply(card: &mut Card, edit: &Edit) {
    match edit {
        Edit::Field(index, value) => {
            let field = &fields::ALL[*index];
            if NOT_EDITED.contains(&field.path) {
                return;
            }
            match field.access {
                Access::Text(_, set) => *set(card) = value.clone(),
                Access::List(_, set) => {
                    *set(card) =
                        value.split(' ').filter(|v| !v.is_empty()).map(str::to_owned).collect();
                }
            }
        }
        Edit::Custom(index, body) => {
            let count = card.custom_sections.len();
            if let Some(section) = card.custom_sections.get_mut(index % count.max(1)) {
                section.body = body.clone();
            }
        }
        Edit::DropCustom(index) => {
            let count = card.custom_sections.len();
            if count > 0 {
                card.custom_sections.remove(index % count);
            }
        }
        Edit::AddCustom(title, body) => {
            card.custom_sections.push(CustomSection {
                title: title.clone(),
                body: body.clone(),
                level: 2,
            });
        }
        Edit::AddResult(metric, value) => {
            let results = &mut card.quantitative_analysis.results;
            let mut result =
                model_card_studio::card::MetricResult::new(metric.clone(), value.clone());
            result.dataset = "held-out photos".into();
            results.push(result);
        }
        Edit::Metric(index, value) => {
            let results = &mut card.quantitative_analysis.results;
            let count = results.len();
            if let Some(result) = results.get_mut(index % count.max(1)) {
                result.value = value.clone();
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Edits of any field of any of these READMEs are carried by the README exactly.
    #[test]
    fn a_readmes_edits_read_back_as_they_were_made(which in 0..17usize, edits in proptest::collection::vec(edit(), 1..5)) {
        let files = all();
        let (name, text) = &files[which % files.len()];
        let mut document = hf::import(text).0;
        if document.card.hf_metadata.raw_front_matter {
            // Its front matter cannot be edited until it is valid YAML.
            return Ok(());
        }
        for edit in &edits {
            apply(&mut document.card, edit);
        }
        // A custom section emptied of everything is gone from the README.
        document.card.custom_sections.retain(|s| !(s.title.trim().is_empty() && s.body.trim().is_empty()));
        let readme = hf::export(&document);
        // The export report says what would read back differently; only the title's
        // parts may: a README's first H1 is its title, so removing what came before one
        // (or the title) changes which heading that is.
        let mut not_carried = hf::not_carried(&document);
        // A model-index kept as written (it could not be read) takes no results: the
        // export report says so.
        if document.card.hf_metadata.extra_yaml.contains("model-index:") {
            document.card.quantitative_analysis.results.clear();
            not_carried.retain(|p| p != "quantitative_analysis.results");
        }
        let title_parts = ["model_details.name", "model_details.summary", "model_details.banner", "custom_sections"];
        prop_assert!(not_carried.iter().all(|p| title_parts.contains(&p.as_str())), "{}: {:?} after {:?}", name, not_carried, edits);
        if !not_carried.is_empty() {
            let heading_of = |card: &Card| card.custom_sections.first().map(|s| s.level);
            // Or a custom section that shares a known heading (the text beside a list)
            // was emptied: it has no heading of its own, so it is gone.
            // A banner with no title before which to stand reads as the summary.
            let title_field = |i: usize| ["model_details.name", "model_details.banner"].contains(&fields::ALL[i].path);
            let first_headings_moved = edits.iter().any(|e| {
                matches!(e, Edit::DropCustom(_) | Edit::AddCustom(..))
                    || matches!(e, Edit::Field(i, _) if title_field(*i))
                    || matches!(e, Edit::Custom(_, body) if body.is_empty())
            });
            prop_assert!(first_headings_moved || heading_of(&document.card) == Some(1), "{}: {:?} after {:?}", name, not_carried, edits);
            return Ok(());
        }
        let back = hf::import(&readme).0.card;
        let diff = line_diff(text, &strip_block(&readme)).join("\n");
        let (want, got) = (values(&document.card), values(&back));
        for ((path, want), (_, got)) in want.iter().zip(&got) {
            prop_assert_eq!(got, want, "{}: {} after {:?}\n{}", name, path, edits, diff);
        }
        let (want, got) = (customs(&document.card), customs(&back));
        let first = want.iter().zip(&got).position(|(a, b)| a != b).unwrap_or(want.len().min(got.len()));
        prop_assert!(want == got, "{}: custom section {} of {}/{}: {:?} became {:?} after {:?}\n{}", name, first, want.len(), got.len(),
            want.get(first).map(|c| (&c.0, c.1.chars().take(80).collect::<String>())), got.get(first).map(|c| (&c.0, c.1.chars().take(80).collect::<String>())), edits, diff);
        let metric_values = |card: &Card| card.quantitative_analysis.results.iter().map(|r| (r.metric.clone(), r.value.clone(), r.dataset.clone())).collect::<Vec<_>>();
        prop_assert_eq!(metric_values(&back), metric_values(&document.card), "{}", name);
    }
}

/// One edit of one field, as a user makes it in the editor.
struct FieldEdit {
    name: &'static str,
    apply: fn(&mut Card) -> bool,
    /// Whether an added line is one of this field's.
    owns: fn(&str) -> bool,
    /// The field's value before the edit: its lines may be removed.
    before: fn(&Card) -> String,
}

const LIMITATIONS: &str = "It fails on blurry photos.";

fn edits() -> Vec<FieldEdit> {
    vec![
        FieldEdit {
            name: "licence",
            apply: |card| {
                let license = &mut card.model_details.license;
                license.id = if license.id == "mit" { "apache-2.0".into() } else { "mit".into() };
                true
            },
            owns: |line| line.starts_with("license:") || line == "---",
            before: |_| String::new(),
        },
        FieldEdit {
            name: "limitations",
            apply: |card| {
                card.bias_risks_limitations.limitations = LIMITATIONS.into();
                true
            },
            owns: |line| {
                line.is_empty()
                    || line == LIMITATIONS
                    || line.trim_start_matches('#').trim() == "Bias, Risks, and Limitations"
            },
            before: |card| card.bias_risks_limitations.limitations.clone(),
        },
        FieldEdit {
            name: "metric",
            apply: |card| match card.quantitative_analysis.results.first_mut() {
                Some(result) => {
                    result.value = "0.5".into();
                    true
                }
                None => false,
            },
            owns: |line| line.trim_start().starts_with("value:") || line.starts_with('|'),
            before: |_| String::new(),
        },
        FieldEdit {
            name: "add-glossary",
            apply: |card| {
                if !card.more.glossary.trim().is_empty() {
                    return false;
                }
                card.more.glossary = "Token: a piece of a word.".into();
                true
            },
            owns: |line| {
                line.is_empty()
                    || line == "Token: a piece of a word."
                    || line.trim_start_matches('#').trim() == "Glossary"
            },
            before: |card| card.more.glossary.clone(),
        },
        FieldEdit {
            name: "clear-section",
            apply: |card| {
                // The first section the card has text in: a field, else a custom section.
                for field in fields::ALL {
                    if let Access::Text(get, set) = field.access
                        && matches!(field.kind, fields::FieldKind::Markdown)
                        && !get(card).trim().is_empty()
                        && field.path != "model_details.summary"
                        && field.path != "model_details.banner"
                        && field.path != "hf_metadata.extra_yaml"
                    {
                        set(card).clear();
                        return true;
                    }
                }
                if card.custom_sections.is_empty() {
                    return false;
                }
                card.custom_sections.remove(0);
                true
            },
            // Every changed line must be a removed one (checked below).
            owns: |_| false,
            before: |_| String::new(),
        },
    ]
}

/// The diff without the one artefact of appending to a file whose last line has no line
/// break: that line, removed and added again with one.
fn without_end_of_file_artefact(source: &str, mut diff: Vec<String>) -> Vec<String> {
    if source.ends_with('\n') {
        return diff;
    }
    let last = source.rsplit('\n').next().unwrap_or_default();
    if let (Some(minus), Some(plus)) = (
        diff.iter().position(|l| l == &format!("-{last}")),
        diff.iter().position(|l| l == &format!("+{last}")),
    ) {
        let (a, b) = (minus.max(plus), minus.min(plus));
        diff.remove(a);
        diff.remove(b);
    }
    diff
}

/// Compares with the golden diff, or rewrites it when UPDATE_GOLDEN is set.
fn golden(relative: &str, actual: &str) -> Result<(), String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/readme-edits").join(relative);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return Ok(());
    }
    let expected = std::fs::read_to_string(&path)
        .map_err(|e| format!("{relative}: {e} (run with UPDATE_GOLDEN=1)"))?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!("{relative} differs:\n--- golden\n{expected}\n--- now\n{actual}"))
    }
}

#[test]
fn a_one_field_edit_changes_only_that_fields_lines() {
    let mut failures = Vec::new();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (name, text) in all() {
        let imported = hf::import(&text).0;
        for edit in edits() {
            let mut document = imported.clone();
            if !(edit.apply)(&mut document.card) {
                continue;
            }
            let exported = strip_block(&hf::export(&document));
            let diff = without_end_of_file_artefact(&text, line_diff(&text, &exported));
            let stem = name.trim_end_matches(".md");
            if let Err(e) = golden(&format!("{stem}/{}.diff", edit.name), &(diff.join("\n") + "\n"))
            {
                failures.push(e);
            }
            let before = (edit.before)(&imported.card);
            let owned = |line: &String| {
                let text = line.get(1..).unwrap_or_default();
                match line.chars().next() {
                    Some('+') => (edit.owns)(text),
                    // A removed line is the field's old text, its filler, or a blank line;
                    // or, clearing a section, any line of it.
                    _ => {
                        edit.name == "clear-section"
                            || (edit.owns)(text)
                            || text.trim().is_empty()
                            || text.trim() == "[More Information Needed]"
                            || before.lines().any(|l| l.trim() == text.trim())
                    }
                }
            };
            let foreign: Vec<&String> = diff.iter().filter(|l| !owned(l)).collect();
            if !foreign.is_empty() {
                failures.push(format!(
                    "{name} / {}: lines that are not the field's: {foreign:?}",
                    edit.name
                ));
            }
            // The raw front matter cannot take a licence: the export report says so.
            let expect_change =
                !(edit.name == "licence" && document.card.hf_metadata.raw_front_matter);
            if expect_change && diff.is_empty() {
                failures.push(format!("{name} / {}: nothing changed", edit.name));
            }
            counts.push((edit.name, diff.len()));
        }
    }
    for edit in edits() {
        let lines: Vec<usize> =
            counts.iter().filter(|(n, _)| *n == edit.name).map(|(_, c)| *c).collect();
        println!("{}: {} cards, lines changed {:?}", edit.name, lines.len(), lines);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/documents").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn an_export_with_the_embedded_copy_still_imports_and_exports_without_it() {
    let published = model_card_studio::document::from_json(&fixture("v3-published.json")).unwrap();
    let outcome =
        formats::import_any(&fixture("v3-embedded-published.md"), 1_800_000_000_000).unwrap();
    assert_eq!(outcome.format, formats::Format::HfReadme);
    assert_eq!(outcome.document.card, published.card, "the embedded card, as it was");
    assert_eq!(outcome.document.workflow.status, Status::Published, "{:?}", outcome.report);
    assert!(
        outcome.report.notes.iter().any(|n| n.contains("embedded copy")),
        "{:?}",
        outcome.report
    );
    let again = hf::export(&outcome.document);
    assert!(!again.contains("model_card_studio: |-"), "no embedded copy any more");
    assert!(again.contains(
        "<!-- model-card-studio:status -->\n> **Published:** version 1.0 of 2025-11-26."
    ));

    // A README from a real card, exported then: its text and its embedded copy agree.
    let arcee = formats::import_any(&fixture("v3-embedded-arcee.md"), 1_800_000_000_000).unwrap();
    assert_eq!(
        arcee.document.card.model_details.base_models,
        ["meta-llama/Meta-Llama-3.1-8B-Instruct"]
    );
    assert!(!hf::export(&arcee.document).contains("model_card_studio: |-"));

    // Edited after it was written: the text is read again and the copy set aside.
    let edited = fixture("v3-embedded-published.md").replace(
        "May misclassify rare images, and photos taken in low light.\n\n###",
        "Often misclassifies rare images.\n\n###",
    );
    let outcome = formats::import_any(&edited, 1_800_000_000_000).unwrap();
    assert!(
        outcome.report.problems.iter().any(|p| p.contains("embedded copy was set aside")),
        "{:?}",
        outcome.report
    );
    assert!(
        outcome.document.card.bias_risks_limitations.limitations.contains("Often misclassifies")
    );
    assert!(
        !hf::export(&outcome.document).contains("model_card_studio: |-"),
        "the copy is gone from the export"
    );
}

/// A corpus card, approved and published as version 1.0.
fn published(name: &str) -> model_card_studio::document::Document {
    let (_, text) = corpus().into_iter().find(|(n, _)| n.starts_with(name)).unwrap();
    let mut document = hf::import(&text).0;
    let hash = content_hash(&document.card);
    let approval = Approval {
        content_hash: hash.clone(),
        approved_at: 1_764_115_200_000,
        reviewers: vec![
            Approver {
                name: "Rita Okafor".into(),
                role: "Ethics board".into(),
                at: 1_764_115_200_000,
                fingerprint: String::new(),
            },
            Approver {
                name: "Sam".into(),
                role: "Owner".into(),
                at: 1_764_115_200_000,
                fingerprint: String::new(),
            },
        ],
    };
    document.workflow = Workflow {
        status: Status::Published,
        approval: Some(approval.clone()),
        publications: vec![Publication {
            version: "1.0".into(),
            date: "2025-11-26".into(),
            content_hash: hash,
            published_at: 1_764_115_200_000,
            approval,
            superseded_at: None,
        }],
        ..Workflow::default()
    };
    document
}

#[test]
fn the_status_block_stays_the_same_over_three_round_trips() {
    for document in [published("arcee-ai"), published("01-ai"), hf::import(&corpus()[2].1).0] {
        let first = hf::export(&document);
        let mut readme = first.clone();
        for round in 1..=3 {
            let outcome = formats::import_any(&readme, 1_800_000_000_000).unwrap();
            assert_eq!(
                outcome.document.workflow.status, document.workflow.status,
                "round {round}: {:?}",
                outcome.report
            );
            readme = hf::export(&outcome.document);
            assert_eq!(readme, first, "round {round}");
        }
        assert_eq!(readme.matches(status::OPEN).count(), 1, "one block, never two");
    }
}

#[test]
fn a_published_readme_passes_check_until_one_character_changes() {
    let readme = hf::export(&published("arcee-ai"));
    assert_eq!(check::readme(&readme), [], "the approved export as it is");
    assert!(readme.contains("<!-- readme-sha256: "));
    // One character of a kept section (Overview is a custom section).
    let changed = readme.replacen("an 8B parameter model", "an 8B parameter modem", 1);
    assert_ne!(changed, readme);
    let problems = check::readme(&changed);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.starts_with("changed since it was exported approved"),
        "{}",
        problems[0]
    );
    // And in the front matter, or by a line ending.
    assert_eq!(check::readme(&readme.replacen("license: llama3", "license: llama2", 1)).len(), 1);
    assert_eq!(check::readme(&readme.replacen('\n', "\r\n", 1)).len(), 1);
    // A draft is not an approved export.
    let draft = hf::export(&hf::import(&corpus()[6].1).0);
    assert!(check::readme(&draft)[0].message.starts_with("is not approved"));
    assert!(check::readme(&corpus()[6].1)[0].message.starts_with("has no status block"));
}

/// The preview renders a README in pieces (`markdown::preview_pieces`): joined, less the
/// link definitions repeated at their ends, they are the body the export writes, and a
/// keystroke in a long section re-renders a piece of it, not all of it.
#[test]
fn the_preview_pieces_are_the_body_and_a_keystroke_changes_one_small_piece() {
    use model_card_studio::markdown::{self, blocks, preview_pieces};
    for (name, text) in all() {
        let mut document = formats::import_any(&text, NOW).unwrap().document;
        let source = document.source.clone().expect("a README keeps its source");
        let definitions = blocks::reference_definitions(&markdown::body(&document));
        let pieces = preview_pieces(&document.card, &document.workflow, Some(&source));
        let joined: String = pieces
            .iter()
            .skip(1) // the status block
            .map(|piece| piece.markdown.replace(&definitions, ""))
            .collect();
        assert_eq!(joined, markdown::body(&document).replace(&definitions, ""), "{name}");

        // Once the card has a Limitations part, typing in it changes one piece.
        document.card.bias_risks_limitations.limitations.push_str("Typed.");
        let before = preview_pieces(&document.card, &document.workflow, Some(&source));
        document.card.bias_risks_limitations.limitations.push('x');
        let after = preview_pieces(&document.card, &document.workflow, Some(&source));
        assert_eq!(before.len(), after.len(), "{name}");
        let changed: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
        assert_eq!(changed.len(), 1, "{name}: {changed:?}");
        let piece = &changed[0].1.markdown;
        assert!(piece.len() < 8 * 1024, "{name}: a keystroke re-renders {} bytes", piece.len());
    }
}
