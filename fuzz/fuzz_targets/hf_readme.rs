//! A Hugging Face README: front matter, YAML, model-index and headings. The import never
//! fails, and what it reads must export and read back without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_card_studio::formats::hf;

fuzz_target!(|text: &str| {
    let imported = hf::import(text);
    let readme = hf::export(&imported.0);
    let _ = hf::import(&readme);
});
