use std::collections::BTreeMap;

use super::KeyValue;
use crate::error::{Result, StoreError};

/// The in-memory table, sorted by key.
#[derive(Default)]
pub struct MemTable {
    entries: BTreeMap<String, Vec<u8>>,
    bytes: usize,
}

impl MemTable {
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes held by keys and values.
    pub fn size_bytes(&self) -> usize {
        self.bytes
    }

    /// Keys between from (inclusive) and to (exclusive).
    pub fn range(&self, from: &str, to: &str) -> Vec<&String> {
        self.entries.range(from.to_string()..to.to_string()).map(|(k, _)| k).collect()
    }

    pub fn require(&self, key: &str) -> Result<&[u8]> {
        self.get(key).ok_or_else(|| StoreError::NotFound(key.to_string()))
    }
}

impl KeyValue for MemTable {
    fn get(&self, key: &str) -> Option<&[u8]> {
        self.entries.get(key).map(|v| v.as_slice())
    }

    fn put(&mut self, key: &str, value: Vec<u8>) {
        self.bytes += key.len() + value.len();
        if let Some(old) = self.entries.insert(key.to_string(), value) {
            self.bytes -= key.len() + old.len();
        }
    }

    fn delete(&mut self, key: &str) -> bool {
        match self.entries.remove(key) {
            Some(old) => {
                self.bytes -= key.len() + old.len();
                true
            }
            None => false,
        }
    }
}
