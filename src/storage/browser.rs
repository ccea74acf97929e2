//! The localStorage backend. The one place that calls the Web Storage API.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use super::{Backend, MemoryBackend, StorageError, is_quota_error};

/// `window.localStorage`, when the browser lets us have it.
#[derive(Clone)]
pub struct WebStorage {
    storage: Storage,
}

impl WebStorage {
    /// Probes for localStorage. The getter throws `SecurityError` when storage is disabled,
    /// and returns null in some embedded browsers; both come back as `None`.
    pub fn open() -> Option<Self> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(Self { storage })
    }
}

fn classify(error: JsValue) -> StorageError {
    match error.dyn_ref::<DomException>() {
        Some(exception) if is_quota_error(&exception.name(), exception.code()) => {
            StorageError::QuotaExceeded
        }
        Some(exception) if exception.name() == "SecurityError" => StorageError::Unavailable,
        Some(exception) => StorageError::Other(exception.message()),
        None => StorageError::Other(
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| error.as_string())
                .unwrap_or_else(|| "an unknown error".to_owned()),
        ),
    }
}

impl Backend for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let length = self.storage.length().map_err(classify)?;
        (0..length).filter_map(|i| self.storage.key(i).map_err(classify).transpose()).collect()
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

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
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
