//! `modelcard`: make, convert and check model cards in a pipeline, with the same core
//! functions as the web app, so a file exported by either is byte for byte the same.
//!
//! Exit codes: 0 success (for `check`: the card is clean; for `verify`: every signature
//! is valid and the approval policy is met), 1 `check` found problems or `verify` failed,
//! 2 the input could not be read or the output could not be written (and usage errors).

// No byte-range slicing or indexing that can panic on user data (as in the library).
#![cfg_attr(not(test), deny(clippy::string_slice, clippy::indexing_slicing))]

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI is native only; the web app is the other binary.
#[cfg(target_arch = "wasm32")]
fn main() {}
