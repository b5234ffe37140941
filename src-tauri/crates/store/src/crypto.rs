//! Encryption at rest: a passphrase, stretched with Argon2id, keys XChaCha20-Poly1305, which
//! seals every stored value (records, indexes' owners' data, settings, history, audit entries).
//! Keys of the trees hold only random ids and dates, never personal data.

use base64::Engine as _;
use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};

const NONCE: usize = 24;
const CHECK_PLAINTEXT: &[u8] = b"convene-passphrase-check";

/// How the key is derived: stored in clear beside the data (it is not secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub salt: String,
    pub m_cost_kib: u32,
    pub t_cost: u32,
    pub p_cost: u32,
}

impl KdfParams {
    /// Fresh parameters: a random salt, 64 MiB, 3 passes (OWASP's Argon2id guidance).
    pub fn fresh() -> KdfParams {
        let mut salt = [0u8; 16];
        OsRng.fill_bytes(&mut salt);
        KdfParams {
            salt: b64(&salt),
            m_cost_kib: 64 * 1024,
            t_cost: 3,
            p_cost: 1,
        }
    }

    /// Refuse parameters no Convene writes and no machine should be asked to honour: a file's
    /// own settings must not make opening it take gigabytes of memory or hours of work.
    pub fn check(&self) -> std::result::Result<(), String> {
        // Four times what Convene writes (64 MiB, 3 passes, 1 lane): a file's settings cannot
        // make each passphrase attempt take much more than a few seconds.
        const MAX_M_COST_KIB: u32 = 256 * 1024; // 256 MiB
        const MAX_T_COST: u32 = 12;
        const MAX_P_COST: u32 = 4;
        if self.m_cost_kib > MAX_M_COST_KIB {
            return Err(format!(
                "its key-derivation memory ({} KiB) is more than the 256 MiB limit",
                self.m_cost_kib
            ));
        }
        if self.t_cost > MAX_T_COST {
            return Err(format!(
                "its key-derivation passes ({}) are more than the limit of {MAX_T_COST}",
                self.t_cost
            ));
        }
        if self.p_cost > MAX_P_COST {
            return Err(format!(
                "its key-derivation lanes ({}) are more than the limit of {MAX_P_COST}",
                self.p_cost
            ));
        }
        Ok(())
    }
}

/// What an encrypted store keeps in clear: the KDF parameters and a sealed check value that
/// tells a wrong passphrase from damaged data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CryptoMeta {
    pub kdf: KdfParams,
    pub check: String,
}

pub struct Cipher {
    aead: XChaCha20Poly1305,
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn unb64(text: &str) -> Result<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| StoreError::Corrupt {
            path: Default::default(),
            detail: "bad base64 in encryption data".into(),
        })
}

impl Cipher {
    pub fn derive(passphrase: &str, kdf: &KdfParams) -> Result<Cipher> {
        if passphrase.is_empty() {
            return Err(StoreError::WrongPassphrase);
        }
        kdf.check()
            .map_err(|e| StoreError::Database(format!("bad key-derivation settings: {e}")))?;
        let params = argon2::Params::new(kdf.m_cost_kib, kdf.t_cost, kdf.p_cost, Some(32))
            .map_err(|e| StoreError::Database(format!("bad key-derivation settings: {e}")))?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        // Wiped when dropped, as argon2's working memory is (its `zeroize` feature) and the
        // cipher's key schedule is.
        let mut key = zeroize::Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passphrase.as_bytes(), &unb64(&kdf.salt)?, key.as_mut())
            .map_err(|e| StoreError::Database(format!("could not derive the key: {e}")))?;
        let aead = XChaCha20Poly1305::new_from_slice(key.as_ref())
            .map_err(|_| StoreError::Database("bad key length".into()))?;
        Ok(Cipher { aead })
    }

    /// `nonce || ciphertext` (with its authentication tag).
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let mut out = nonce.to_vec();
        out.extend(
            self.aead
                .encrypt(&nonce, plain)
                .map_err(|_| StoreError::Database("encryption failed".into()))?,
        );
        Ok(out)
    }

    /// The plaintext, or `None` when the bytes were not sealed with this key (or were altered).
    pub fn open(&self, bytes: &[u8]) -> Option<Vec<u8>> {
        if bytes.len() < NONCE {
            return None;
        }
        let (nonce, ct) = bytes.split_at(NONCE);
        self.aead.decrypt(XNonce::from_slice(nonce), ct).ok()
    }

    pub fn check_value(&self) -> Result<String> {
        Ok(b64(&self.seal(CHECK_PLAINTEXT)?))
    }

    /// Whether this key is the one the check value was sealed with.
    pub fn verifies(&self, meta: &CryptoMeta) -> bool {
        unb64(&meta.check)
            .ok()
            .and_then(|b| self.open(&b))
            .is_some_and(|p| p == CHECK_PLAINTEXT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_key_derivation_settings_are_capped_near_what_convene_writes() {
        let ours = KdfParams::fresh();
        assert!(ours.check().is_ok());
        let heavy = |m, t, p| KdfParams {
            m_cost_kib: m,
            t_cost: t,
            p_cost: p,
            ..KdfParams::fresh()
        };
        assert!(heavy(256 * 1024, 12, 4).check().is_ok());
        for (m, t, p) in [(1024 * 1024, 3, 1), (64 * 1024, 16, 1), (64 * 1024, 3, 16)] {
            assert!(heavy(m, t, p).check().is_err(), "{m} KiB, {t} passes, {p} lanes");
        }
    }
}
