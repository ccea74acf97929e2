//! An in-memory backend: the app's fallback when the browser has no storage, and the
//! backend of the native tests.

use std::collections::BTreeMap;

use super::{Backend, StorageError};

/// Keys and values held in memory, with an optional quota in bytes of UTF-16, like
/// browsers count it.
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryBackend {
    pub fn set_quota(&mut self, quota: Option<usize>) {
        self.quota = quota;
    }

    pub fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| utf16_bytes(k) + utf16_bytes(v))
            .sum()
    }
}

fn utf16_bytes(text: &str) -> usize {
    text.encode_utf16().count() * 2
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota
            && self.used_without(key) + utf16_bytes(key) + utf16_bytes(value) > quota
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
}
