use std::fmt;

/// Everything that can go wrong in the store.
#[derive(Debug, PartialEq)]
pub enum StoreError {
    NotFound(String),
    Corrupt { offset: u64, reason: String },
    Protocol(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotFound(key) => write!(f, "key not found: {}", key),
            StoreError::Corrupt { offset, reason } => write!(f, "corrupt log at {}: {}", offset, reason),
            StoreError::Protocol(message) => write!(f, "protocol error: {}", message),
        }
    }
}

impl std::error::Error for StoreError {}

pub type Result<T> = std::result::Result<T, StoreError>;
