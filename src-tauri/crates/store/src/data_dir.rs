//! Where the data lives: `--data-dir`, else `$CONVENE_DATA_DIR`, else the platform data dir.
//! The CLI and the app share this rule.

use std::path::PathBuf;

use crate::error::{Result, StoreError};

pub const ENV: &str = "CONVENE_DATA_DIR";

pub fn resolve(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("uk.org", "Convene", "Convene")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| StoreError::Io {
            path: PathBuf::from("~"),
            detail: format!("no home directory found; set {ENV} or pass --data-dir"),
        })
}
