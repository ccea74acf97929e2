//! docs/canonical-form.md shows how to check an approval hash with Python alone. This
//! runs that very snippet and compares it with the app's hash, so the document stays true.

use std::process::Command;

use model_card_studio::card::example::filled_card;
use model_card_studio::review::canonical::content_hash;

#[test]
fn the_documented_python_check_agrees_with_the_app() {
    let doc = include_str!("../docs/canonical-form.md");
    let start = doc.find("```sh\n").expect("the document has a shell snippet") + "```sh\n".len();
    let end = start + doc[start..].find("```").expect("the snippet is closed");
    let snippet = &doc[start..end];
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/filled-card.json");
    let output = Command::new("sh")
        .arg("-c")
        .arg(snippet.replace("card.json", fixture))
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let python = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    assert_eq!(python, content_hash(&filled_card()));
}
