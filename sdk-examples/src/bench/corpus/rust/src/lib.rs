//! kvlite: a small key-value store with a write-ahead log and a line protocol.

pub mod checksum;
pub mod digest;
pub mod error;
pub mod net;
pub mod store;

pub use error::StoreError;
pub use store::memtable::MemTable;
