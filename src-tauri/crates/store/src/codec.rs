//! How values are written: JSON, sealed when the store is encrypted. Every stored value goes
//! through here, so encryption covers records, settings, history and the audit trail alike.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::crypto::Cipher;
use crate::error::{Result, StoreError};

#[derive(Default)]
pub struct Codec {
    pub(crate) cipher: Option<Cipher>,
}

impl Codec {
    pub fn encode<T: Serialize + ?Sized>(&self, value: &T) -> Result<Vec<u8>> {
        let plain = serde_json::to_vec(value).map_err(|e| StoreError::Database(e.to_string()))?;
        match &self.cipher {
            None => Ok(plain),
            Some(c) => c.seal(&plain),
        }
    }

    /// The value, or a description of why it cannot be read.
    pub fn decode<T: DeserializeOwned>(&self, bytes: &[u8]) -> std::result::Result<T, String> {
        match &self.cipher {
            None => serde_json::from_slice(bytes).map_err(|e| crate::error::json_detail(&e)),
            Some(c) => {
                let plain = c
                    .open(bytes)
                    .ok_or_else(|| "it does not decrypt with this key".to_string())?;
                serde_json::from_slice(&plain).map_err(|e| crate::error::json_detail(&e))
            }
        }
    }

    pub fn encrypted(&self) -> bool {
        self.cipher.is_some()
    }
}
