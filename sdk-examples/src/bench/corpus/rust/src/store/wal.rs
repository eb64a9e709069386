use std::io::{self, Read, Write};

use crate::checksum::crc32;
use crate::error::{Result, StoreError};

/// One record of the write-ahead log.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub key: String,
    pub value: Vec<u8>,
}

/// Appends a record as length-prefixed key and value followed by their CRC-32.
pub fn write_record<W: Write>(out: &mut W, record: &Record) -> io::Result<()> {
    let mut body = Vec::with_capacity(8 + record.key.len() + record.value.len());
    body.extend_from_slice(&(record.key.len() as u32).to_le_bytes());
    body.extend_from_slice(record.key.as_bytes());
    body.extend_from_slice(&(record.value.len() as u32).to_le_bytes());
    body.extend_from_slice(&record.value);
    out.write_all(&body)?;
    out.write_all(&crc32(&body).to_le_bytes())
}

/// Reads every record, failing on the first bad checksum.
pub fn read_records<R: Read>(input: &mut R) -> Result<Vec<Record>> {
    let mut data = Vec::new();
    input.read_to_end(&mut data).map_err(|e| StoreError::Protocol(e.to_string()))?;
    let mut records = Vec::new();
    let mut at = 0usize;
    while at < data.len() {
        let start = at;
        let key_len = u32_at(&data, at)? as usize;
        at += 4;
        let key = String::from_utf8_lossy(&data[at..at + key_len]).to_string();
        at += key_len;
        let value_len = u32_at(&data, at)? as usize;
        at += 4;
        let value = data[at..at + value_len].to_vec();
        at += value_len;
        if u32_at(&data, at)? != crc32(&data[start..at]) {
            return Err(StoreError::Corrupt { offset: start as u64, reason: "checksum mismatch".into() });
        }
        at += 4;
        records.push(Record { key, value });
    }
    Ok(records)
}

fn u32_at(data: &[u8], at: usize) -> Result<u32> {
    let bytes = data.get(at..at + 4).ok_or(StoreError::Corrupt { offset: at as u64, reason: "truncated".into() })?;
    Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}
