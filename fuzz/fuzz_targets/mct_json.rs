//! Model Card Toolkit JSON of any shape (as JSON values, so the fuzzer explores the
//! structure rather than the syntax), imported and exported again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_card_studio::formats::mct;

fuzz_target!(|text: &str| {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
    if let Ok((document, _)) = mct::import(value) {
        let _ = mct::export(&document);
    }
});
