//! Any text through format detection and the importer it picks, then every export of
//! whatever was imported: nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_card_studio::formats::{self, ExportFormat};

fuzz_target!(|text: &str| {
    if let Ok(outcome) = formats::import_any(text, 1_796_083_200_000) {
        for format in ExportFormat::ALL {
            let _ = formats::export(&outcome.document, format);
        }
        let _ = model_card_studio::check::validate(&outcome.document.card);
    }
});
