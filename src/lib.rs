//! Model Card Studio: write, review and publish ML model cards.
//!
//! The pure core (`card`, `formats`, `render`, `storage`, `undo`) has no browser dependency and is
//! tested natively. The browser shell lives in `ui` and compiles only for wasm32.

// User data and the browser reach almost every path: failures are values, never panics.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod card;
pub mod check;
pub mod display;
pub mod formats;
pub mod render;
pub mod review;
pub mod storage;
pub mod undo;

#[cfg(target_arch = "wasm32")]
pub mod ui;
