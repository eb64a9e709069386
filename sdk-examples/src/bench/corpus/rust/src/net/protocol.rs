use crate::error::{Result, StoreError};
use crate::store::KeyValue;

/// A parsed line of the text protocol.
#[derive(Debug, PartialEq)]
pub enum Command {
    Get(String),
    Put(String, String),
    Del(String),
}

/// Parses "GET k", "PUT k v" or "DEL k".
pub fn parse_command(line: &str) -> Result<Command> {
    let mut parts = line.trim().splitn(3, ' ');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("GET"), Some(key), None) => Ok(Command::Get(key.to_string())),
        (Some("PUT"), Some(key), Some(value)) => Ok(Command::Put(key.to_string(), value.to_string())),
        (Some("DEL"), Some(key), None) => Ok(Command::Del(key.to_string())),
        _ => Err(StoreError::Protocol(format!("cannot parse {:?}", line))),
    }
}

/// Runs a command against a store and renders the reply line.
pub fn execute<S: KeyValue>(store: &mut S, command: Command) -> String {
    match command {
        Command::Get(key) => match store.get(&key) {
            Some(value) => format!("VALUE {}", String::from_utf8_lossy(value)),
            None => "NOT_FOUND".to_string(),
        },
        Command::Put(key, value) => {
            store.put(&key, value.into_bytes());
            "OK".to_string()
        }
        Command::Del(key) => if store.delete(&key) { "DELETED".to_string() } else { "NOT_FOUND".to_string() },
    }
}

macro_rules! reply {
    ($code:expr, $msg:expr) => {
        format!("{} {}", $code, $msg)
    };
}

pub fn error_reply(error: &StoreError) -> String {
    reply!("ERR", error)
}
