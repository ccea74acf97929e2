//! The `modelcard` binary, run as a pipeline would: arguments in, files and exit codes out.
//! Its exports must be byte for byte what the library (and so the web app) writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use model_card_studio::card::example::{filled_card, seed_card};
use model_card_studio::document::{self, Document};
use model_card_studio::formats::{self, ExportFormat};
use model_card_studio::review::{Status, Workflow};

const SEED_MODEL_INFO: &str = r#"{"name": "ImageClassifier", "version": "1.0", "metrics": {"accuracy": 0.92}, "limitations": "May misclassify rare images"}"#;

fn modelcard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_modelcard")).args(args).output().unwrap()
}

fn modelcard_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_modelcard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A file in a directory of this test's own.
fn scratch(test: &str, name: &str, content: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn corpus(path: &str) -> String {
    format!("{}/../shared/corpus/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

#[test]
fn every_command_has_help() {
    for command in
        [&[][..], &["new"], &["import"], &["export"], &["check"], &["verify"], &["schema"]]
    {
        let mut args = command.to_vec();
        args.push("--help");
        let output = modelcard(&args);
        assert_eq!(code(&output), 0, "{args:?}");
        assert!(stdout(&output).contains("Usage: modelcard"), "{args:?}: {}", stdout(&output));
    }
    let help = stdout(&modelcard(&["--help"]));
    assert!(help.contains("Exit codes"), "{help}");
}

#[test]
fn new_from_model_info_is_the_seed_card_as_the_library_writes_it() {
    let info = scratch("new", "model_info.json", SEED_MODEL_INFO);
    let output = modelcard(&["new", "--from", info.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), document::to_json(&Document::new(seed_card())));

    let readme = info.with_file_name("README.md");
    let output = modelcard(&[
        "new",
        "--from",
        info.to_str().unwrap(),
        "--template",
        "full",
        "--to",
        "md",
        "-o",
        readme.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = std::fs::read_to_string(&readme).unwrap();
    assert!(text.contains("ImageClassifier") && text.contains("## Uses"), "{text}");
    assert!(text.contains("value: 0.92"), "the metric reaches the model-index");
}

#[test]
fn new_names_what_is_wrong_with_the_model_info() {
    let info = scratch("new-bad", "model_info.json", r#"{"version": "1"}"#);
    let output = modelcard(&["new", "--from", info.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("model_info.name is missing"), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());

    let unknown = modelcard(&["new", "--template", "nonsense"]);
    assert_eq!(code(&unknown), 2);
    assert!(stderr(&unknown).contains("llm"), "the valid names are listed");
}

#[test]
fn import_detects_every_format_in_the_corpus_and_reports_what_it_did() {
    let files = [
        ("hf/01-ai__Yi-6B.md", "a Hugging Face README"),
        (
            "hf/qqhann__w2v_hf_commonvoice_from_xlsr53_pretrain_0329UTC1500.md",
            "a Hugging Face README",
        ),
        ("mct/cats_vs_dogs_v0_0_1.json", "a Model Card Toolkit card"),
        ("mct/train_data.json", "a Model Card Toolkit card"),
        ("cyclonedx/valid-machine-learning-1.6.json", "a CycloneDX ML-BOM"),
        ("cyclonedx/valid-machine-learning-considerations-env-1.6.json", "a CycloneDX ML-BOM"),
    ];
    for (file, label) in files {
        let output = modelcard(&["import", &corpus(file)]);
        assert_eq!(code(&output), 0, "{file}: {}", stderr(&output));
        assert!(stderr(&output).contains(&format!("read as {label}")), "{}", stderr(&output));
        let imported = document::from_json(&stdout(&output)).unwrap();
        assert_eq!(document::to_json(&imported), stdout(&output), "{file}");
    }
    let broken = modelcard(&[
        "import",
        &corpus("hf/qqhann__w2v_hf_commonvoice_from_xlsr53_pretrain_0329UTC1500.md"),
    ]);
    assert!(
        stderr(&broken).contains("could not be read: The front matter is not valid YAML"),
        "{}",
        stderr(&broken)
    );
    assert!(stderr(&broken).contains("line 7, column 1"), "{}", stderr(&broken));

    let metrics =
        modelcard_with_stdin(&["import", "-"], r#"{"eval_accuracy": 0.92, "eval_loss": 0.31}"#);
    assert_eq!(code(&metrics), 0);
    assert!(stderr(&metrics).contains("read as a metrics file"));
    assert!(stdout(&metrics).contains("\"metric\": \"accuracy\""));
}

#[test]
fn export_is_byte_identical_to_the_library_in_every_format() {
    let card = document::to_json(&Document::new(filled_card()));
    let input = scratch("export", "card.json", &card);
    for (to, format) in [
        ("json", ExportFormat::CardJson),
        ("md", ExportFormat::HfReadme),
        ("mct", ExportFormat::Mct),
        ("cyclonedx", ExportFormat::CycloneDx),
        ("html", ExportFormat::Html),
    ] {
        let output = modelcard(&["export", input.to_str().unwrap(), "--to", to]);
        assert_eq!(code(&output), 0, "{to}: {}", stderr(&output));
        let (expected, _) = formats::export(&Document::new(filled_card()), format);
        assert_eq!(stdout(&output), expected, "{to}");
    }
    let out = input.with_file_name("card.html");
    let output = modelcard(&[
        "export",
        input.to_str().unwrap(),
        "--to",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).is_empty(), "with -o nothing goes to stdout");
    assert!(
        std::fs::read_to_string(out).unwrap().to_ascii_lowercase().starts_with("<!doctype html>")
    );
}

#[test]
fn export_converts_between_formats_and_reports_what_mct_cannot_hold() {
    let output = modelcard(&["export", &corpus("hf/01-ai__Yi-6B.md"), "--to", "mct"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["schema_version"], "0.0.2");

    let card =
        scratch("export-notes", "card.json", &document::to_json(&Document::new(filled_card())));
    let output = modelcard(&["export", card.to_str().unwrap(), "--to", "mct"]);
    assert!(stderr(&output).contains("modelcard: note:"), "{}", stderr(&output));
}

#[test]
fn check_exits_0_for_a_clean_card_and_1_with_field_paths_for_problems() {
    let clean = scratch("check", "filled.json", &document::to_json(&Document::new(filled_card())));
    let output = modelcard(&["check", clean.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains("100% complete; no problems"), "{}", stdout(&output));

    let seed = scratch("check", "seed.json", &document::to_json(&Document::new(seed_card())));
    let output = modelcard(&["check", seed.to_str().unwrap()]);
    assert_eq!(code(&output), 1);
    let report = stdout(&output);
    assert!(report.contains("model_details.description: Description is required"), "{report}");

    let mut bad = filled_card();
    bad.quantitative_analysis.results[0].ci_lower = "0.99".into();
    bad.quantitative_analysis.results[0].ci_upper = "0.10".into();
    let bad = scratch("check", "bad.json", &document::to_json(&Document::new(bad)));
    let report = stdout(&modelcard(&["check", bad.to_str().unwrap()]));
    assert!(
        report.contains("quantitative_analysis.results.0.ci_lower: the interval's lower bound"),
        "{report}"
    );
}

#[test]
fn check_finds_an_approval_that_does_not_match_the_content() {
    let forged = Document {
        card: filled_card(),
        workflow: Workflow { status: Status::Approved, ..Workflow::default() },
        source: None,
    };
    let output = modelcard_with_stdin(&["check", "-"], &document::to_json(&forged));
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).starts_with("workflow.status: says approved"), "{}", stdout(&output));

    // import and export do not trust it either: the card comes out as a draft.
    let output = modelcard_with_stdin(&["import", "-"], &document::to_json(&forged));
    assert_eq!(code(&output), 0);
    assert!(stderr(&output).contains("imported as a draft"), "{}", stderr(&output));
    assert!(stdout(&output).contains("\"status\": \"draft\""));
}

#[test]
fn exit_code_2_when_the_input_cannot_be_read_or_the_output_written() {
    let missing = modelcard(&["check", "/no/such/card.json"]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("/no/such/card.json: cannot read"), "{}", stderr(&missing));

    let broken =
        modelcard_with_stdin(&["check", "-"], "{\n  \"schema_version\": 3,\n  \"card\": [}\n");
    assert_eq!(code(&broken), 2);
    assert!(stderr(&broken).contains("line 3"), "{}", stderr(&broken));

    let not_utf8 = scratch("exit-2", "latin1.md", "");
    std::fs::write(&not_utf8, b"# Caf\xe9\n").unwrap();
    let output = modelcard(&["import", not_utf8.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("not UTF-8"), "{}", stderr(&output));

    let output = modelcard(&["schema", "-o", "/no/such/dir/schema.json"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot write"));

    let output = modelcard(&["export", &corpus("mct/train_data.json"), "--to", "pdf"]);
    assert_eq!(code(&output), 2, "a usage error");
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = modelcard(&["schema"]);
    assert_eq!(code(&output), 0);
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/model-card.schema.json"
    ))
    .unwrap();
    assert_eq!(stdout(&output), committed);
}

#[test]
fn check_says_whether_a_readme_is_exactly_the_approved_export() {
    let readme = modelcard(&["export", "tests/fixtures/documents/v3-published.json", "--to", "md"]);
    assert_eq!(code(&readme), 0, "{}", stderr(&readme));
    let approved = scratch("check_readme", "README.md", &stdout(&readme));
    let output = modelcard(&["check", approved.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    // One character changed, anywhere outside the status block.
    let changed = stdout(&readme).replacen("low light", "dim light", 1);
    let changed = scratch("check_readme", "changed.md", &changed);
    let output = modelcard(&["check", changed.to_str().unwrap()]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).starts_with("readme: changed since it was exported approved"),
        "{}",
        stdout(&output)
    );
}

/// The JSON paths of the fields are public: a script that edits them in our JSON gets a
/// README that changed in those lines only.
#[test]
fn editing_public_json_paths_changes_only_their_lines_in_the_readme() {
    let source = std::fs::read_to_string("tests/fixtures/readmes/hub-template.md").unwrap();
    let imported = modelcard(&["import", "tests/fixtures/readmes/hub-template.md"]);
    assert_eq!(code(&imported), 0, "{}", stderr(&imported));
    let mut json: serde_json::Value = serde_json::from_str(&stdout(&imported)).unwrap();
    json["card"]["model_details"]["license"]["id"] = "mit".into();
    json["card"]["bias_risks_limitations"]["limitations"] =
        "It confuses beaches with deserts.".into();
    let edited =
        scratch("public_paths", "card.json", &serde_json::to_string_pretty(&json).unwrap());
    let exported = modelcard(&["export", edited.to_str().unwrap(), "--to", "md"]);
    assert_eq!(code(&exported), 0, "{}", stderr(&exported));
    let readme = stdout(&exported);
    let block_end = readme.find("<!-- /model-card-studio:status -->\n\n").unwrap() + 36;
    let block_start = readme.find("<!-- model-card-studio:status -->").unwrap();
    let without_block = format!("{}{}", &readme[..block_start], &readme[block_end..]);
    let (old, new): (Vec<&str>, Vec<&str>) =
        (source.lines().collect(), without_block.lines().collect());
    assert_eq!(old.len(), new.len(), "only lines in place change");
    let changed: Vec<(&str, &str)> =
        old.iter().zip(&new).filter(|(a, b)| a != b).map(|(a, b)| (*a, *b)).collect();
    assert_eq!(
        changed,
        [
            ("license: apache-2.0", "license: mit"),
            ("[More Information Needed]", "It confuses beaches with deserts.")
        ]
    );
}

#[test]
fn a_bom_round_trips_through_the_cli_and_several_models_give_several_cards() {
    let vector = corpus("cyclonedx/valid-machine-learning-1.6.json");
    let import = modelcard(&["import", &vector]);
    assert_eq!(code(&import), 0, "{}", stderr(&import));
    let card = scratch("bom", "card.json", &stdout(&import));
    let export = modelcard(&["export", card.to_str().unwrap(), "--to", "cyclonedx"]);
    assert_eq!(code(&export), 0, "{}", stderr(&export));
    let bom: serde_json::Value = serde_json::from_str(&stdout(&export)).unwrap();
    assert_eq!(bom["components"][0]["name"], "stable-diffusion");
    assert_eq!(bom["serialNumber"], "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
    // The same bytes as the library writes, and as exporting the BOM itself.
    let document = document::from_json(&stdout(&import)).unwrap();
    assert_eq!(stdout(&export), formats::export(&document, ExportFormat::CycloneDx).0);
    let direct = modelcard(&["export", &vector, "--to", "cyclonedx"]);
    assert_eq!(stdout(&direct), stdout(&export));

    let mut two: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&vector).unwrap()).unwrap();
    let mut second = two["components"][0].clone();
    second["bom-ref"] = "component-b".into();
    second["name"] = "second-model".into();
    two["components"].as_array_mut().unwrap().push(second);
    let input = scratch("bom", "two.cdx.json", &two.to_string());
    let refused = modelcard(&["import", input.to_str().unwrap()]);
    assert_eq!(code(&refused), 2);
    assert!(stderr(&refused).contains("holds 2 models: give -o FILE"), "{}", stderr(&refused));
    let out = input.with_file_name("model.json");
    let written = modelcard(&["import", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code(&written), 0, "{}", stderr(&written));
    assert!(stderr(&written).contains("wrote 2 cards"), "{}", stderr(&written));
    let second = std::fs::read_to_string(out.with_file_name("model-2.json")).unwrap();
    assert_eq!(document::from_json(&second).unwrap().card.model_details.name, "second-model");

    let invalid = scratch("bom", "bad.cdx.json", &two.to_string().replace("\"1.4\"", "1.4"));
    let refused = modelcard(&["import", invalid.to_str().unwrap()]);
    assert_eq!(code(&refused), 2);
    assert!(
        stderr(&refused)
            .contains("Not a valid CycloneDX 1.6 BOM: $.components[0].version: expected a string"),
        "{}",
        stderr(&refused)
    );
}
