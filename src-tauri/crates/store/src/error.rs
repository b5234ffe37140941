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
    #[error("The import file is a Convene export of version {found}, but this version of Convene reads versions 1 to {expected}. Nothing was imported.")]
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
    // Where serde says the error is (" at line 3 column 10") is kept as it is.
    let (body, position) = text.rfind(" at line ").map_or((text, ""), |i| text.split_at(i));
    // serde's own words around the value: "invalid type: string \"Jane\", expected u32",
    // "invalid value: integer `123`, expected …", "unknown variant `x`, expected one of …",
    // "unknown field `x`, expected …". The value runs to the last ", expected" (a value that
    // itself says ", expected" stays inside it); the kind of value before it ("string",
    // "integer") is kept.
    const PREFIXES: [&str; 4] = [
        "invalid type: ",
        "invalid value: ",
        "unknown variant ",
        "unknown field ",
    ];
    let found = PREFIXES.iter().filter_map(|p| body.find(p).map(|i| i + p.len())).min();
    let mut out = String::with_capacity(text.len());
    match found {
        Some(from) => {
            let tail = &body[from..];
            let to = [", expected", ", there are no"]
                .iter()
                .filter_map(|s| tail.rfind(s))
                .max()
                .unwrap_or(tail.len());
            let value = &tail[..to];
            out.push_str(&body[..from]);
            match value.find(['"', '`']) {
                Some(q) => {
                    out.push_str(&value[..q]);
                    out.push('…');
                }
                None => out.push_str(value),
            }
            out.push_str(&tail[to..]);
        }
        // Any other message (a date or id that would not parse): its quoted parts go.
        None => {
            let mut inside = false;
            for c in body.chars() {
                if c == '"' {
                    if inside {
                        out.push_str("…\"");
                    } else {
                        out.push('"');
                    }
                    inside = !inside;
                } else if !inside {
                    out.push(c);
                }
            }
        }
    }
    out.push_str(position);
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
        // Numbers, characters and unknown keys are values too, and a value may hold a backtick
        // or serde's own words.
        let e = serde_json::from_str::<Child>("{\"age\": 123456789012, \"kind\": \"Born\"}").unwrap_err();
        let d = json_detail(&e);
        assert!(
            !d.contains("123456789012") && d.contains("expected u32") && d.contains("line 1"),
            "{d}"
        );
        let e = serde_json::from_str::<Child>("{\"age\": 3, \"kind\": \"O`Brien, expected Smith\"}").unwrap_err();
        let d = json_detail(&e);
        assert!(
            !d.contains("Brien") && !d.contains("Smith") && d.contains("`Born`"),
            "{d}"
        );
        assert_eq!(
            redact_values("invalid type: string \"Jane, expected Smith\", expected u32 at line 1 column 9"),
            "invalid type: string …, expected u32 at line 1 column 9"
        );
        assert_eq!(
            redact_values("unknown field `Jane`, there are no fields"),
            "unknown field …, there are no fields"
        );
        assert_eq!(redact_values("bad date \"2026-13-01\" here"), "bad date \"…\" here");
    }
}
