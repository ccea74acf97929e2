//! The localStorage backend. The one place that calls the Web Storage API.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use super::{Backend, StorageError, is_quota_error};

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
        None => StorageError::Other(error.as_string().unwrap_or_else(|| format!("{error:?}"))),
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
}
