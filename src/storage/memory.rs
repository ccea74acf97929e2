//! An in-memory backend: the app's fallback when the browser has no storage, and the
//! backend of the native tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{Backend, StorageError, stored_size};

/// Keys and values held in memory, with an optional quota in bytes of UTF-16, counted
/// the way browsers count localStorage.
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryBackend {
    pub fn set_quota(&mut self, quota: Option<usize>) {
        self.quota = quota;
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

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota
            && self.used_without(key) + stored_size(key) + stored_size(value) > quota
        {
            return Err(StorageError::QuotaExceeded);
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
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

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.try_borrow_mut().map_err(|e| StorageError::Other(e.to_string()))?.set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.try_borrow_mut().map_err(|e| StorageError::Other(e.to_string()))?.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.try_borrow().map_err(|e| StorageError::Other(e.to_string()))?.keys()
    }
}
