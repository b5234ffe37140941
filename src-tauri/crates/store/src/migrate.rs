//! Schema versions and migrations. Version 0 is a store written before the version key existed;
//! each step moves one version up and is recorded before the next runs.

use crate::error::{Result, StoreError};
use crate::{Store, SCHEMA_VERSION};

/// One step: from `version` to `version + 1`.
type Step = fn(&Store) -> Result<()>;

/// `STEPS[v]` migrates version v to v + 1.
const STEPS: [Step; 1] = [v0_to_v1];

/// v0 stores hold the same record layout; v1 adds the schema key (and settings default).
fn v0_to_v1(_: &Store) -> Result<()> {
    Ok(())
}

pub(crate) fn bring_up_to_date(store: &Store) -> Result<()> {
    let found = match store.schema_version()? {
        Some(v) => v,
        None if store.is_empty() => {
            return store.set_schema_version(SCHEMA_VERSION);
        }
        None => 0,
    };
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found < SCHEMA_VERSION {
        // Keep a copy of the data as it was before any migration step touches it.
        store.backup(crate::backup::BackupKind::BeforeMigration, chrono::Utc::now())?;
    }
    for v in found..SCHEMA_VERSION {
        STEPS[v as usize](store)?;
        store.set_schema_version(v + 1)?;
    }
    Ok(())
}
