//! Versioned JSON export and import. Export is canonical (records sorted by id, settings
//! normalised, the audit trail in order) and carries the audit trail, so nothing is lost on the
//! way: export -> import into an empty store -> export gives the same records and settings, and
//! the file's audit trail followed by the import's own entry. Import checks the whole file
//! before writing anything and writes it in one transaction. The audit trail never stops an
//! export or an import (a backup must always restore): a trail whose hash chain does not verify
//! is not taken as the store's history but kept whole inside the import's own entry, and the
//! import says so (`Imported::audit_problem`).

use convene_core::dataset::Dataset;
use convene_core::settings::Settings;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::Store;

pub const EXPORT_FORMAT: &str = "convene-export";
/// An export sealed with the store's key: the KDF parameters in clear, the export inside.
pub const ENCRYPTED_EXPORT_FORMAT: &str = "convene-export-encrypted";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EncryptedExport {
    format: String,
    version: u32,
    kdf: crate::crypto::KdfParams,
    ciphertext: String,
}
/// What an import brought besides the records and settings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    /// How many entries of the file's audit trail became this store's history.
    pub history: usize,
    /// Why the file's audit trail was not taken as this store's history (its hash chain does
    /// not verify: an entry altered, missing or out of order); it is kept, whole, inside the
    /// import's own audit entry.
    pub audit_problem: Option<String>,
}

/// The version this build writes. It reads every version from 1: version 1 files (before the
/// audit trail was carried) have none, and a store imported from one starts its trail there.
pub const EXPORT_VERSION: u32 = 2;

fn seal_text(text: &str, cipher: &crate::crypto::Cipher, kdf: crate::crypto::KdfParams) -> Result<String> {
    use base64::Engine as _;
    let sealed = EncryptedExport {
        format: ENCRYPTED_EXPORT_FORMAT.to_string(),
        version: EXPORT_VERSION,
        kdf,
        ciphertext: base64::engine::general_purpose::STANDARD.encode(cipher.seal(text.as_bytes())?),
    };
    let mut out = serde_json::to_string_pretty(&sealed).map_err(|e| StoreError::Database(e.to_string()))?;
    out.push('\n');
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    pub settings: Settings,
    pub data: Dataset,
    /// The store's audit trail, oldest entry first (from version 2): the entries that could be
    /// read, so a damaged trail still travels, and shows where it breaks.
    #[serde(default)]
    pub audit: Vec<crate::audit::AuditEntry>,
}

impl Store {
    /// The export: sealed with the store's key when it is encrypted, in clear otherwise.
    pub fn export(&self) -> Result<String> {
        let text = self.export_plain()?;
        match (&self.codec.cipher, self.crypto_meta()?) {
            (Some(cipher), Some(meta)) => seal_text(&text, cipher, meta.kdf),
            _ => Ok(text),
        }
    }

    /// The export sealed with `passphrase` (fresh key-derivation settings), whatever this store's
    /// own protection: the before-restore backup of plain data that an encrypted backup replaces.
    pub(crate) fn export_sealed_with(&self, passphrase: &str) -> Result<String> {
        let kdf = crate::crypto::KdfParams::fresh();
        let cipher = crate::crypto::Cipher::derive(passphrase, &kdf)?;
        seal_text(&self.export_plain()?, &cipher, kdf)
    }

    fn export_plain(&self) -> Result<String> {
        let mut settings = self.settings()?;
        settings.normalise();
        let file = ExportFile {
            format: EXPORT_FORMAT.to_string(),
            version: EXPORT_VERSION,
            settings,
            data: self.load_dataset()?,
            audit: self.readable_audit_entries(),
        };
        let mut text = serde_json::to_string_pretty(&file).map_err(|e| StoreError::Database(e.to_string()))?;
        text.push('\n');
        Ok(text)
    }

    /// Import a whole export into this (empty) store, or change nothing.
    pub fn import(&self, text: &str) -> Result<Imported> {
        self.import_with(text, None)
    }

    /// Import a file that may be encrypted (then `passphrase` opens it).
    pub fn import_with(&self, text: &str, passphrase: Option<&str>) -> Result<Imported> {
        self.import_checked(text, passphrase, None)
    }

    /// As [`Store::import_with`], taking a `before-import` backup (settings included) once the
    /// file has passed every check and just before anything is written. Returns the backup.
    pub fn import_with_backup(
        &self,
        text: &str,
        passphrase: Option<&str>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(std::path::PathBuf, Imported)> {
        let mut taken = None;
        let imported = self.import_checked(text, passphrase, Some((now, &mut taken)))?;
        let backup = taken.ok_or_else(|| StoreError::Database("the pre-import backup was not taken".into()))?;
        Ok((backup, imported))
    }

    fn import_checked(
        &self,
        text: &str,
        passphrase: Option<&str>,
        backup: Option<(chrono::DateTime<chrono::Utc>, &mut Option<std::path::PathBuf>)>,
    ) -> Result<Imported> {
        let file = parse_export_with(text, passphrase)?;
        if !self.is_empty() {
            return Err(StoreError::NotEmpty {
                children: self.count::<convene_core::Child>(),
                meetings: self.count::<convene_core::Meeting>(),
            });
        }
        file.data.validate().map_err(StoreError::ImportInvalid)?;
        self.checked_settings_for(&file.settings, &file.data)?;
        if let Some((now, taken)) = backup {
            *taken = Some(self.backup(crate::backup::BackupKind::BeforeImport, now)?);
        }
        // Records, settings and audit trail in one transaction: a file either lands whole or
        // changes nothing.
        self.write_dataset_with(&file.data, &[], Some(&file.settings), &file.audit)
    }
}

/// Parse and check an export file (envelope, then contents), opening an encrypted export with
/// `passphrase`.
/// Whether `text` is an encrypted export: its top-level `format` says so (not merely somewhere
/// in its text, as a child's name or a note could).
pub fn is_encrypted_export(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<String>,
    }
    serde_json::from_str::<Envelope>(text).is_ok_and(|e| e.format.as_deref() == Some(ENCRYPTED_EXPORT_FORMAT))
}

pub fn parse_export_with(text: &str, passphrase: Option<&str>) -> Result<ExportFile> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| StoreError::ImportMalformed {
        detail: format!("it is not valid JSON ({})", crate::error::json_detail(&e)),
    })?;
    if value.get("format").and_then(|f| f.as_str()) == Some(ENCRYPTED_EXPORT_FORMAT) {
        let sealed: EncryptedExport = serde_json::from_value(value).map_err(|e| StoreError::ImportMalformed {
            detail: crate::error::json_detail(&e),
        })?;
        sealed
            .kdf
            .check()
            .map_err(|detail| StoreError::ImportMalformed { detail })?;
        let pass = passphrase.ok_or(StoreError::ImportNeedsPassphrase)?;
        let cipher = crate::crypto::Cipher::derive(pass, &sealed.kdf)?;
        let inner = cipher
            .open(&crate::crypto::unb64(&sealed.ciphertext)?)
            .ok_or(StoreError::WrongPassphrase)?;
        let inner = String::from_utf8(inner).map_err(|_| StoreError::ImportMalformed {
            detail: "not text".into(),
        })?;
        return parse_export_with(&inner, None);
    }
    if value.get("format").and_then(|f| f.as_str()) != Some(EXPORT_FORMAT) {
        return Err(StoreError::ImportMalformed {
            detail: format!("it has no \"format\": \"{EXPORT_FORMAT}\" field"),
        });
    }
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| StoreError::ImportMalformed {
            detail: "it has no version number".to_string(),
        })?;
    if !(1..=u64::from(EXPORT_VERSION)).contains(&version) {
        return Err(StoreError::ImportWrongVersion {
            found: u32::try_from(version).unwrap_or(u32::MAX),
            expected: EXPORT_VERSION,
        });
    }
    let file: ExportFile = serde_json::from_value(value).map_err(|e| StoreError::ImportMalformed {
        detail: crate::error::json_detail(&e),
    })?;
    if version == 1 && !file.audit.is_empty() {
        return Err(StoreError::ImportMalformed {
            detail: "it is a version 1 export, which has no audit trail, yet it holds one".to_string(),
        });
    }
    Ok(file)
}
