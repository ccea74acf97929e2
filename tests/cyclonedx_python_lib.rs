//! Our CycloneDX exports, validated by the real `cyclonedx-python-lib` (in `.venv`, made
//! by `scripts/setup.sh`): its strict JSON validator for CycloneDX 1.6 must accept the
//! BOM of every corpus card, every template, the filled example (also approved and
//! published) and the official vectors after a round trip. The 1.5 and 1.7 BOMs the
//! import tests read are checked against their own versions too.

#[path = "support/cards.rs"]
mod cards;

use std::path::{Path, PathBuf};
use std::process::Command;

use model_card_studio::formats::cyclonedx;
use serde_json::Value;

fn python() -> PathBuf {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run `make setup` (scripts/setup.sh makes the venv with cyclonedx-python-lib)",
        python.display()
    );
    python
}

/// Writes the BOMs to files and returns what the library said of each (None: valid).
fn validate(version: &str, boms: &[(String, String)]) -> Vec<(String, Option<String>)> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cyclonedx-{version}"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for (index, (_, text)) in boms.iter().enumerate() {
        let path = dir.join(format!("{index}.cdx.json"));
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    let output = Command::new(python())
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/validate_bom.py"))
        .arg(version)
        .args(&paths)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cyclonedx-python-lib did not run: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Value = serde_json::from_slice(&output.stdout).unwrap();
    boms.iter()
        .zip(&paths)
        .map(|((name, _), path)| {
            let error = results[path.to_string_lossy().as_ref()].as_str().map(str::to_owned);
            (name.clone(), error)
        })
        .collect()
}

fn assert_all_valid(version: &str, boms: &[(String, String)]) {
    let invalid: Vec<String> = validate(version, boms)
        .into_iter()
        .filter_map(|(name, error)| error.map(|e| format!("{name}: {e}")))
        .collect();
    assert!(invalid.is_empty(), "cyclonedx-python-lib refused:\n{}", invalid.join("\n\n"));
}

#[test]
fn every_export_passes_the_strict_validator_for_1_6() {
    let boms: Vec<(String, String)> = cards::every_card()
        .into_iter()
        .map(|(name, document)| (name, cyclonedx::export(&document).0))
        .collect();
    assert!(boms.len() > 20);
    assert_all_valid("1.6", &boms);
}

#[test]
fn the_validator_refuses_a_broken_export() {
    // So the test above can fail: the same library, one wrong value.
    let (text, _) =
        cyclonedx::export(&cards::approved(model_card_studio::card::example::filled_card(), true));
    let broken = text.replacen("\"machine-learning-model\"", "\"machine-learning\"", 1);
    let results = validate("1.6", &[("broken".into(), broken)]);
    assert!(results[0].1.as_deref().is_some_and(|e| e.contains("machine-learning")), "{results:?}");
}

#[test]
fn the_1_5_and_1_7_boms_we_read_are_valid_in_their_own_versions() {
    for version in ["1.5", "1.7"] {
        // Environmental considerations are new in 1.6.
        let vectors = if version == "1.5" { &cards::VECTORS[..1] } else { &cards::VECTORS[..] };
        let boms: Vec<(String, String)> = vectors
            .iter()
            .map(|name| {
                (format!("{name} as {version}"), cards::as_version(&cards::vector(name), version))
            })
            .collect();
        assert_all_valid(version, &boms);
    }
    assert_all_valid("1.7", &[("1.7 with new fields".into(), cards::newer_fields_bom())]);
}
