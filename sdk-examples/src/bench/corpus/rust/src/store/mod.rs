pub mod memtable;
pub mod sorted_table;
pub mod wal;

/// A store that can be read and written by key.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<&[u8]>;
    fn put(&mut self, key: &str, value: Vec<u8>);
    fn delete(&mut self, key: &str) -> bool;
}
