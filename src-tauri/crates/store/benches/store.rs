#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The store on a real sled directory: load a whole authority (what the app does on start and
//! for the dashboard), and save one meeting with its history entry and audit entry, flushed to
//! disk before it returns (what every "Saved" in the app waits for).
//! Run: `cargo bench -p convene-store --bench store`.

use std::sync::OnceLock;

use chrono::NaiveDate;
use convene_core::{MeetingChange, MeetingStatus};
use convene_store::Store;

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A store holding a synthetic authority of 2,000 families (about 3,000 children).
fn store() -> &'static (Store, tempfile::TempDir) {
    static CELL: OnceLock<(Store, tempfile::TempDir)> = OnceLock::new();
    CELL.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let ds = convene_core::demo::synthetic_authority(today(), convene_core::demo::DEFAULT_SEED, 2_000);
        // 2,948 children, 19,966 meetings, 62,357 events.
        store.write_dataset(&ds).unwrap();
        (store, dir)
    })
}

#[divan::bench(sample_count = 10)]
fn load_authority_2000_families() -> usize {
    store().0.load_dataset().unwrap().children.len()
}

#[divan::bench(sample_count = 50)]
fn save_meeting_flushed(bencher: divan::Bencher) {
    let (store, _) = store();
    let ds = store.load_dataset().unwrap();
    let mut m = ds
        .meetings
        .iter()
        .find(|m| m.status == MeetingStatus::Planned)
        .unwrap()
        .clone();
    bencher.bench_local(|| {
        m.sequence += 1;
        store
            .save_meeting(&m, MeetingChange::Updated, chrono::Utc::now().fixed_offset())
            .unwrap();
    });
}
