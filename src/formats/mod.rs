//! Import and export: every file format a card can be read from or written to.
//!
//! Pure functions from text to document and back. Nothing here knows about the browser,
//! so the web app and the `modelcard` CLI make the very same files. Every document from
//! outside comes in through [`import_any`].

pub mod cyclonedx;
mod export;
pub mod hf;
mod import;
pub mod job;
pub mod mct;
pub mod metrics;
pub mod review_files;
pub mod share;
pub mod yaml;

pub use export::{ExportFormat, KEEPS_EVERYTHING, export, file_stem};
pub use import::{
    Format, ImportError, ImportOutcome, ImportReport, detect, import_any, looks_like_a_card,
};

/// Imports larger than this are refused before they are read (bytes).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
