//! The localStorage backend, through gloo-storage. The one place that calls the Web
//! Storage API.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is disabled, so [`open`]
//! probes `window.localStorage` first and the app runs in memory without it. Writes go
//! through gloo's typed `LocalStorage::set`, whose error keeps the exception's name (the
//! spellings of "quota exceeded" differ between browsers). Reads and key listings use
//! the raw `Storage`: gloo's `get` parses JSON, and a corrupt record must come back byte
//! for byte to be quarantined (`docs/decisions.md` §3).
//!
//! [`open`]: WebStorage::open

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage as _};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DomException;

use super::{Backend, MemoryBackend, StorageError, is_quota_error};

/// `window.localStorage`, known to be there.
#[derive(Clone, Copy)]
pub struct WebStorage {
    _probed: (),
}

impl WebStorage {
    /// Probes for localStorage. The getter throws `SecurityError` when storage is disabled,
    /// and returns null in some embedded browsers; both come back as `None`, and only a
    /// probed store ever reaches gloo's `LocalStorage::raw()`.
    pub fn open() -> Option<Self> {
        web_sys::window()?.local_storage().ok()??;
        Some(Self { _probed: () })
    }
}

/// What a failed Web Storage call means, from the exception's name.
fn classify_name(name: &str, code: u16, message: String) -> StorageError {
    if is_quota_error(name, code) {
        StorageError::QuotaExceeded
    } else if name == "SecurityError" {
        StorageError::Unavailable
    } else {
        StorageError::Other(message)
    }
}

fn classify(error: JsValue) -> StorageError {
    match error.dyn_ref::<DomException>() {
        Some(exception) => classify_name(&exception.name(), exception.code(), exception.message()),
        None => StorageError::Other(
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| error.as_string())
                .unwrap_or_else(|| "an unknown error".to_owned()),
        ),
    }
}

fn classify_gloo(error: GlooError) -> StorageError {
    match error {
        GlooError::JsError(error) => classify_name(&error.name, 0, error.message),
        other => StorageError::Other(other.to_string()),
    }
}

impl Backend for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        LocalStorage::raw().get_item(key).map_err(classify)
    }

    fn set<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), StorageError> {
        LocalStorage::set(key, value).map_err(classify_gloo)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        LocalStorage::raw().remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = LocalStorage::raw();
        let length = storage.length().map_err(classify)?;
        (0..length).filter_map(|i| storage.key(i).map_err(classify).transpose()).collect()
    }
}

/// Browser storage when there is some, memory when there is none.
pub enum AnyBackend {
    Web(WebStorage),
    Memory(MemoryBackend),
}

impl AnyBackend {
    /// localStorage if the browser allows it, else an in-memory store.
    pub fn open() -> Self {
        WebStorage::open().map_or_else(|| Self::Memory(MemoryBackend::default()), Self::Web)
    }

    pub fn is_memory(&self) -> bool {
        matches!(self, Self::Memory(_))
    }
}

impl Backend for AnyBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            Self::Web(web) => web.get(key),
            Self::Memory(memory) => memory.get(key),
        }
    }

    fn set<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), StorageError> {
        match self {
            Self::Web(web) => web.set(key, value),
            Self::Memory(memory) => memory.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        match self {
            Self::Web(web) => web.remove(key),
            Self::Memory(memory) => memory.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            Self::Web(web) => web.keys(),
            Self::Memory(memory) => memory.keys(),
        }
    }
}
