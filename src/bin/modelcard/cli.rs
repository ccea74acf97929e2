//! The commands. Each reads its input with the library's importers, writes with its
//! exporters, and returns the exit code; nothing here knows a format's details.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use model_card_studio::card::completeness::Completeness;
use model_card_studio::card::templates::Template;
use model_card_studio::card::{Card, ModelInfo};
use model_card_studio::check::{self, Kind};
use model_card_studio::document::{self, Document};
use model_card_studio::formats::{self, ExportFormat, Format, ImportOutcome, MAX_IMPORT_BYTES};
use model_card_studio::review::signed::{self, PublicIdentity};

/// Make, convert and check ML model cards: Hugging Face README.md, Model Card Toolkit
/// JSON, CycloneDX ML-BOM and Model Card Studio JSON.
#[derive(Debug, Parser)]
#[command(name = "modelcard", version, max_term_width = 100)]
#[command(after_help = "Exit codes: 0 success (check: the card is clean; verify: every \
signature valid and the approval policy met), 1 check found problems or verify failed, 2 the \
input could not be read or the output could not be written.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a card, from a template and what the training pipeline knows.
    New {
        /// A model_info JSON: {"name", "version", "metrics": {name: value}, "limitations"}.
        #[arg(long, value_name = "MODEL_INFO")]
        from: Option<PathBuf>,
        /// The template to start from.
        #[arg(long, value_name = "NAME", default_value = "blank", value_parser = template_names())]
        template: String,
        #[command(flatten)]
        output: Output,
    },
    /// Read any supported file (detected by its content) into Model Card Studio JSON.
    ///
    /// Reads a Hugging Face README.md, Model Card Toolkit JSON (v0.0.1 or v0.0.2), a
    /// CycloneDX 1.5, 1.6 or 1.7 JSON BOM, our own JSON (any schema version), a model_info
    /// JSON or a flat metrics JSON. What was mapped, kept as written and could not be read
    /// is reported on stderr. A BOM with several models gives one card per model: OUT,
    /// then OUT with -2, -3, … before its extension.
    Import {
        /// The file to read, or - for standard input.
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Write a card (in any supported format) as JSON, a README, MCT JSON, a CycloneDX
    /// ML-BOM or HTML.
    Export {
        /// The file to read, or - for standard input.
        file: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// Validate a card, score its completeness and check that its approval matches its
    /// content. Problems are printed with their field paths. A README is also checked
    /// as the file it is: it passes only if it is exactly the approved export (the
    /// SHA-256 in its status block matches its text).
    Check {
        /// The file to check, or - for standard input.
        file: PathBuf,
    },
    /// Verify a card's signed reviews: every signature, that each covers the file's
    /// current content hash, and the card's approval policy. One line per signer.
    ///
    /// Reads Model Card Studio JSON or a README it exported. Exit code 0 when every
    /// signature is valid and the policy is met, 1 when not, 2 when a file is unreadable.
    Verify {
        /// The card to verify, or - for standard input.
        file: PathBuf,
        /// The reviewers to trust: a reviewer identity file, a JSON list of them, or
        /// {"reviewers": [...]}. Without it, the reviewers the card itself names are
        /// trusted, which proves who signed but not that you know them.
        #[arg(long, value_name = "REVIEWERS_JSON")]
        trust: Option<PathBuf>,
    },
    /// Print the JSON Schema of Model Card Studio JSON.
    Schema {
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
struct Output {
    /// The format to write.
    #[arg(long, value_enum, default_value_t = To::Json)]
    to: To,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum To {
    /// Model Card Studio JSON.
    Json,
    /// A Hugging Face README.md.
    Md,
    /// Model Card Toolkit JSON, schema v0.0.2.
    Mct,
    /// A CycloneDX 1.6 ML-BOM (JSON), with the approval as its affirmation.
    Cyclonedx,
    /// One self-contained, printable HTML file.
    Html,
}

impl From<To> for ExportFormat {
    fn from(to: To) -> Self {
        match to {
            To::Json => Self::CardJson,
            To::Md => Self::HfReadme,
            To::Mct => Self::Mct,
            To::Cyclonedx => Self::CycloneDx,
            To::Html => Self::Html,
        }
    }
}

fn template_names() -> clap::builder::PossibleValuesParser {
    Template::ALL
        .iter()
        .map(|t| clap::builder::PossibleValue::new(t.id()).help(t.description()))
        .into()
}

/// Why a command could not do its work: exit code 2.
struct Failure(String);

type Outcome = Result<ExitCode, Failure>;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::New { from, template, output } => new(from.as_deref(), &template, &output),
        Command::Import { file, output } => import(&file, output.as_deref()),
        Command::Export { file, output } => export(&file, &output),
        Command::Check { file } => check(&file),
        Command::Verify { file, trust } => verify(&file, trust.as_deref()),
        Command::Schema { output } => {
            write_output(output.as_deref(), &document::json_schema()).map(|()| ExitCode::SUCCESS)
        }
    };
    outcome.unwrap_or_else(|Failure(message)| {
        eprintln!("modelcard: {message}");
        ExitCode::from(2)
    })
}

fn new(from: Option<&Path>, template: &str, output: &Output) -> Outcome {
    let mut card: Card = Template::from_id(template).map(Template::card).unwrap_or_default();
    if let Some(path) = from {
        let text = read_input(path)?;
        let value: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| Failure(format!("{}: not valid JSON: {e}", path.display())))?;
        let info = ModelInfo::from_json(&value)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        info.apply(&mut card);
    }
    write_document(&Document::new(card), output)
}

fn import(path: &Path, output: Option<&Path>) -> Outcome {
    let outcome = read_card(path)?;
    eprint!("{}", import_report(path, &outcome));
    if outcome.more.is_empty() {
        write_output(output, &document::to_json(&outcome.document))?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(first) = output else {
        return Err(Failure(format!(
            "{} holds {} models: give -o FILE to write one card per model (FILE, then FILE with -2, -3, …)",
            path.display(),
            outcome.count()
        )));
    };
    let mut written = Vec::new();
    for (index, document) in std::iter::once(&outcome.document).chain(&outcome.more).enumerate() {
        let target = if index == 0 { first.to_owned() } else { numbered(first, index + 1) };
        write_output(Some(&target), &document::to_json(document))?;
        written.push(target.display().to_string());
    }
    eprintln!("modelcard: wrote {} cards: {}", written.len(), written.join(", "));
    Ok(ExitCode::SUCCESS)
}

/// `card.json` → `card-2.json`.
fn numbered(path: &Path, number: usize) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match path.extension() {
        Some(extension) => format!("{stem}-{number}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{number}"),
    };
    path.with_file_name(name)
}

fn export(path: &Path, output: &Output) -> Outcome {
    let outcome = read_card(path)?;
    if !outcome.report.problems.is_empty() {
        eprint!("{}", import_report(path, &outcome));
    }
    if !outcome.more.is_empty() {
        eprintln!(
            "modelcard: note: {} holds {} models; this is the first. `modelcard import -o FILE` writes one card per model.",
            path.display(),
            outcome.count()
        );
    }
    write_document(&outcome.document, output)
}

/// What the import set aside or did not trust is listed first, then the card's own
/// problems. Whatever an import kept as written because it could not be read is found
/// again, with its field path, by the checks.
fn check(path: &Path) -> Outcome {
    let text = read_input(path)?;
    let outcome = formats::import_any(&text, now_ms())
        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    let mut problems = check::check_imported(&outcome.document, &outcome.findings);
    if outcome.format == Format::HfReadme {
        // A README is checked as the file it is too: exactly the approved export or not.
        problems.splice(0..0, check::readme(&text));
    }
    let mut out = String::new();
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    let count = |kind| problems.iter().filter(|p| p.kind == kind).count();
    let percent = Completeness::assess(&outcome.document.card).percent();
    let verdict = if problems.is_empty() {
        "no problems".to_owned()
    } else {
        format!(
            "{} problem(s): {} approval, {} invalid, {} missing, {} example text",
            problems.len(),
            count(Kind::Integrity),
            count(Kind::Invalid),
            count(Kind::Missing),
            count(Kind::Example),
        )
    };
    let _ = writeln!(
        out,
        "{}: {}, {percent}% complete; {verdict}",
        path.display(),
        outcome.format.label()
    );
    print_stdout(&out)?;
    Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn verify(path: &Path, trust: Option<&Path>) -> Outcome {
    let text = read_input(path)?;
    let document = formats::import_any(&text, now_ms())
        .map_err(|e| Failure(format!("{}: {e}", path.display())))?
        .document;
    let (trusted, whom) = match trust {
        Some(trust_path) => {
            let trusted = read_trusted(trust_path)?;
            let whom = format!("{} reviewer(s) from {}", trusted.len(), trust_path.display());
            (trusted, whom)
        }
        None => (
            document.workflow.trusted.clone(),
            format!(
                "the {} reviewer(s) the card itself names (pass --trust to pin your own)",
                document.workflow.trusted.len()
            ),
        ),
    };
    let (report, readme_line) = match readme_approval(&text, &document) {
        Some(Ok(approved)) => (
            signed::report::verify_native_for(&document.workflow, &approved, &trusted),
            Some("readme: exactly the approved export; it carries part of the card, and the signatures cover the whole card it was exported from (its JSON verifies the rest)".to_owned()),
        ),
        Some(Err(problem)) => {
            print_stdout(&format!("{}: readme: {problem}\n", path.display()))?;
            return Ok(ExitCode::from(1));
        }
        None => (signed::report::verify_native(&document.workflow, &document.card, &trusted), None),
    };
    let mut out =
        format!("{}: content sha256 {}\ntrust: {whom}\n", path.display(), report.content_hash);
    if let Some(line) = readme_line {
        let _ = writeln!(out, "{line}");
    }
    if report.lines.is_empty() {
        out.push_str("no reviews\n");
    }
    for line in &report.lines {
        let _ = writeln!(out, "{line}");
    }
    let verdict = if report.outcome.is_met() {
        "met".to_owned()
    } else {
        let unmet: Vec<String> = report.outcome.unmet.iter().map(ToString::to_string).collect();
        format!("not met: {}", unmet.join("; "))
    };
    let _ = writeln!(out, "policy: {}: {verdict}", report.policy);
    print_stdout(&out)?;
    Ok(if report.is_valid() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// For a README whose status block names an approved content hash that is not the hash
/// of the card it carries (the card had fields a README has no place for): that hash,
/// when the README is exactly the approved export, or why it is not. `None` for every
/// other file, which verifies against its own content.
fn readme_approval(text: &str, document: &Document) -> Option<Result<String, String>> {
    let found = formats::hf::status_block(text)?;
    let approved = found.block.content_hash()?.to_owned();
    if approved == model_card_studio::review::canonical::content_hash(&document.card) {
        return None;
    }
    match check::readme(text).first() {
        Some(problem) => Some(Err(problem.message.clone())),
        None => Some(Ok(approved)),
    }
}

/// A reviewer identity, a list of them, or `{"reviewers": [...]}`; each one checked.
fn read_trusted(path: &Path) -> Result<Vec<PublicIdentity>, Failure> {
    let text = read_input(path)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Failure(format!("{}: not valid JSON: {e}", path.display())))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut object) if object.contains_key("reviewers") => {
            match object.remove("reviewers") {
                Some(serde_json::Value::Array(items)) => items,
                _ => return Err(Failure(format!("{}: reviewers is not a list", path.display()))),
            }
        }
        single => vec![single],
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            PublicIdentity::from_json(&item.to_string())
                .map_err(|e| Failure(format!("{}: reviewer {}: {e}", path.display(), index + 1)))
        })
        .collect()
}

/// Reads any supported file, admitted as the web app admits it: what is malformed is
/// set aside and an approval that does not match its content is not trusted.
fn read_card(path: &Path) -> Result<ImportOutcome, Failure> {
    let text = read_input(path)?;
    formats::import_any(&text, now_ms()).map_err(|e| Failure(format!("{}: {e}", path.display())))
}

/// This machine's clock, in milliseconds since the epoch.
fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
}

fn import_report(path: &Path, outcome: &ImportOutcome) -> String {
    let mut report = format!("{}: read as {}\n", path.display(), outcome.format.label());
    for (title, lines) in [
        ("mapped", &outcome.report.mapped),
        ("kept as written", &outcome.report.kept_raw),
        ("could not be read", &outcome.report.problems),
        ("note", &outcome.report.notes),
    ] {
        for line in lines {
            let _ = writeln!(report, "  {title}: {line}");
        }
    }
    report
}

fn write_document(document: &Document, output: &Output) -> Outcome {
    let (text, notes) = formats::export(document, output.to.into());
    for note in notes {
        eprintln!("modelcard: note: {note}");
    }
    write_output(output.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

fn read_input(path: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let limit = MAX_IMPORT_BYTES as u64 + 1;
    let read = if path == Path::new("-") {
        io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))?;
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Failure(format!(
            "{}: larger than the {} KB import limit",
            path.display(),
            MAX_IMPORT_BYTES / 1024
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Failure(format!("{}: cannot write: {e}", path.display()))),
        None => print_stdout(text),
    }
}

fn print_stdout(text: &str) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure(format!("cannot write to standard output: {e}")))
}
