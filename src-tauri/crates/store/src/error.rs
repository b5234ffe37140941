//! The store's typed errors: sentences about the user's data, never a Debug dump.

use std::path::PathBuf;

use convene_core::ValidationError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("The Convene data in {path} is already open in another window or program. Close it there (or wait for it to finish) and try again.")]
    Locked { path: PathBuf },
    #[error("Convene could not use its data folder {path}: {detail}")]
    Io { path: PathBuf, detail: String },
    #[error("The Convene data in {path} could not be read ({detail}). Nothing has been changed. Restore the latest backup to carry on (`convene restore --latest`, or Restore in the app).")]
    Corrupt { path: PathBuf, detail: String },
    #[error("This data was written by a newer version of Convene (schema {found}; this version understands up to {supported}). Update Convene to open it.")]
    NewerSchema { found: u32, supported: u32 },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("There is no {what} with id {id}.")]
    NotFound { what: &'static str, id: String },
    #[error("The import file is not a Convene export: {detail}. Nothing was imported.")]
    ImportMalformed { detail: String },
    #[error("The import file is a Convene export of version {found}, but this version of Convene reads version {expected}. Nothing was imported.")]
    ImportWrongVersion { found: u32, expected: u32 },
    #[error("The import file has a record that is not valid: {0} Nothing was imported.")]
    ImportInvalid(ValidationError),
    #[error("The import file's settings cannot be used: {0} Nothing was imported.")]
    ImportSettings(String),
    #[error("This data folder already holds records ({children} children, {meetings} meetings). Import into an empty data folder, or use a new --data-dir. Nothing was imported.")]
    NotEmpty { children: usize, meetings: usize },
    #[error("The Convene data in {path} is encrypted: enter its passphrase to open it.")]
    PassphraseNeeded { path: PathBuf },
    #[error("The file is an encrypted Convene export: give its passphrase to import it. Nothing was imported.")]
    ImportNeedsPassphrase,
    #[error("That passphrase does not open this data. Check it and try again.")]
    WrongPassphrase,
    #[error("This data is encrypted, and the backup is not encrypted with the same passphrase: restoring it would change how the children's records are protected. Restore a backup made with this data's passphrase, or turn encryption off first (Settings, or `convene encryption off`). Nothing has been changed.")]
    RestoreChangesEncryption,
    #[error("The settings cannot be saved: {0}")]
    Settings(String),
    #[error("The store could not save the change: {0}")]
    Database(String),
}

impl StoreError {
    /// A short, stable kind for the UI and scripts to branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::Locked { .. } => "locked",
            StoreError::Io { .. } => "io",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::NewerSchema { .. } => "newer-schema",
            StoreError::Invalid(_) => "invalid",
            StoreError::NotFound { .. } => "not-found",
            StoreError::ImportMalformed { .. } => "import-malformed",
            StoreError::ImportWrongVersion { .. } => "import-wrong-version",
            StoreError::ImportInvalid(_) => "import-invalid",
            StoreError::ImportSettings(_) => "import-settings",
            StoreError::NotEmpty { .. } => "not-empty",
            StoreError::Settings(_) => "settings",
            StoreError::PassphraseNeeded { .. } => "passphrase-needed",
            StoreError::WrongPassphrase => "wrong-passphrase",
            StoreError::ImportNeedsPassphrase => "import-needs-passphrase",
            StoreError::RestoreChangesEncryption => "restore-changes-encryption",
            StoreError::Database(_) => "database",
        }
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError::Database(e.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A JSON reading error for the user, without the values it quotes: serde quotes a mistyped
/// value (`invalid type: string "Jane Smith", expected …`), which could be a child's name,
/// and the CLI prints errors to stderr, which may be a log. What was expected and where (line,
/// column, field) are kept.
pub(crate) fn json_detail(e: &serde_json::Error) -> String {
    redact_values(&e.to_string())
}

fn redact_values(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        // A quoted string value, or the value after "unknown variant" (field and variant names
        // the file should have had are the schema's, and kept).
        let quote = rest.find('"');
        let variant = rest.find("unknown variant `").map(|i| i + "unknown variant ".len());
        let (start, close) = match (quote, variant) {
            (Some(q), Some(v)) if v < q => (v, '`'),
            (Some(q), _) => (q, '"'),
            (None, Some(v)) => (v, '`'),
            (None, None) => break,
        };
        out.push_str(&rest[..=start]);
        let after = &rest[start + 1..];
        // The closing mark: serde escapes a quote inside a string as \".
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                c if c == close && !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        out.push('…');
        match end {
            Some(i) => {
                out.push(close);
                rest = &after[i + close.len_utf8()..];
            }
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_keep_what_was_expected_and_where_but_not_the_values() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Child {
            age: u32,
            kind: Kind,
        }
        #[derive(Debug, serde::Deserialize)]
        enum Kind {
            Born,
        }
        let e = serde_json::from_str::<Child>("{\"age\": \"Jane \\\"JJ\\\" Smith\", \"kind\": \"Born\"}").unwrap_err();
        let d = json_detail(&e);
        assert!(!d.contains("Jane") && !d.contains("Smith"), "{d}");
        assert!(d.contains("expected u32") && d.contains("line 1"), "{d}");
        let e = serde_json::from_str::<Child>("{\"age\": 3, \"kind\": \"Jane Smith\"}").unwrap_err();
        let d = json_detail(&e);
        assert!(!d.contains("Jane"), "{d}");
        assert!(d.contains("`Born`"), "{d}");
        assert_eq!(
            redact_values("missing field `age` at line 1 column 2"),
            "missing field `age` at line 1 column 2"
        );
        assert_eq!(redact_values("unknown variant `Jane"), "unknown variant `…");
    }
}
