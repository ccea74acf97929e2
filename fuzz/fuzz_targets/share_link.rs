//! A share link's fragment, as anyone could type it into the address bar.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_card_studio::formats::share;

fuzz_target!(|payload: &str| {
    let _ = share::decode(payload);
});
