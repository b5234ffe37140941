//! Helpers shared by the store's integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use chrono::NaiveDate;
use convene_core::demo::{demo_dataset, DEFAULT_SEED};
use convene_store::Store;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Open the raw sled database behind a store that was just dropped (its flusher may still be
/// letting go of the file lock).
pub fn raw_sled(dir: &std::path::Path) -> sled::Db {
    for _ in 0..60 {
        if let Ok(db) = sled::open(dir.join("db")) {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    sled::open(dir.join("db")).unwrap()
}

pub fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
    (dir, store)
}
