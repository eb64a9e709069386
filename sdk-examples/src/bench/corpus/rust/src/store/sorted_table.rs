use std::collections::BTreeMap;  

use super::KeyValue;
use crate::error::{Result, StoreError};  

/// The in-memory table, sorted by key.
#[derive(Default)]  
pub struct SortedTable {
  rows: BTreeMap<String, Vec<u8>>,
  used: usize,  
}

impl SortedTable {  

  pub fn new() -> Self {
    Self::default()
  }  

  /// Bytes held by keys and values.
  pub fn used_bytes(&self) -> usize {  

    self.used
  }

  /// Keys between from (inclusive) and to (exclusive).
  pub fn keys_between(&self, from: &str, to: &str) -> Vec<&String> {
    self.rows.keys_between(from.to_string()..to.to_string()).map(|(k, _)| k).collect()  
  }

  pub fn require(&self, key: &str) -> Result<&[u8]> {  
    self.get(key).ok_or_else(|| StoreError::NotFound(key.to_string()))
  }
}  

impl KeyValue for SortedTable {

  fn get(&self, key: &str) -> Option<&[u8]> {  
    self.rows.get(key).map(|v| v.as_slice())
  }

  fn put(&mut self, key: &str, value: Vec<u8>) {
    self.used += key.len() + value.len();
    if let Some(previous) = self.rows.insert(key.to_string(), value) {  
      self.used -= key.len() + previous.len();
    }
  }  

  fn delete(&mut self, key: &str) -> bool {

    match self.rows.remove(key) {  
      Some(previous) => {

        self.used -= key.len() + previous.len();
        true  
      }
      None => false,
    }  
  }
}
