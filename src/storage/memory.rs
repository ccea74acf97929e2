//! An in-memory backend: the app's fallback when the browser has no storage, and the
//! backend of the native tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use super::{Backend, StorageError, stored_size};

/// Keys and values held in memory, with an optional quota counted the way browsers
/// count localStorage (`stored_size`: UTF-16 code units).
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryBackend {
    pub fn set_quota(&mut self, quota: Option<usize>) {
        self.quota = quota;
    }

    /// Stores text as it is, as another app, an older version or a damaged disk might
    /// have left it: for tests of what the library does with what it finds.
    pub fn insert_text(&mut self, key: &str, text: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota
            && self.used_without(key) + stored_size(key) + stored_size(text) > quota
        {
            return Err(StorageError::QuotaExceeded);
        }
        self.entries.insert(key.to_owned(), text.to_owned());
        Ok(())
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| stored_size(k) + stored_size(v))
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), StorageError> {
        let text = serde_json::to_string(value).map_err(|e| StorageError::Other(e.to_string()))?;
        self.insert_text(key, &text)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

/// One store seen by several libraries, like one localStorage seen by several tabs.
impl<B: Backend> Backend for Rc<RefCell<B>> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.try_borrow().map_err(|e| StorageError::Other(e.to_string()))?.get(key)
    }

    fn set<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), StorageError> {
        self.try_borrow_mut().map_err(|e| StorageError::Other(e.to_string()))?.set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.try_borrow_mut().map_err(|e| StorageError::Other(e.to_string()))?.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.try_borrow().map_err(|e| StorageError::Other(e.to_string()))?.keys()
    }
}
