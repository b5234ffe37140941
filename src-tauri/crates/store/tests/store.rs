#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The store against real sled directories in temp dirs.

use chrono::{Duration, NaiveDate};
use convene_core::demo::{demo_dataset, DEFAULT_SEED};
use convene_core::*;
use convene_store::{Store, StoreError, SCHEMA_VERSION};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
    (dir, store)
}

#[test]
fn writes_survive_reopening_and_load_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let ds = demo_dataset(today(), DEFAULT_SEED);
    {
        let store = Store::open(dir.path()).unwrap();
        assert!(store.is_empty());
        store.write_dataset(&ds).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.load_dataset().unwrap(), ds);
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    let report = store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.index_entries > ds.meetings.len() * 3);
}

#[test]
fn indexes_answer_by_child_person_and_date() {
    let (_dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    let child = &ds.children[0];
    let bundle = store.child_bundle(child.id).unwrap();
    let expected_events = ds.events.iter().filter(|e| e.child == child.id).count();
    assert_eq!(bundle.events.len(), expected_events);
    assert!(
        bundle.events.windows(2).all(|w| w[0].date <= w[1].date),
        "events by date"
    );
    assert_eq!(
        bundle.meetings.len(),
        ds.meetings.iter().filter(|m| m.children.contains(&child.id)).count()
    );

    let sw = child.social_worker.unwrap();
    let theirs = store.meetings_of_person(sw).unwrap();
    assert_eq!(
        theirs.len(),
        ds.meetings.iter().filter(|m| m.people().any(|p| p == sw)).count()
    );

    let from = convene_core::time::parse_london("2026-11-01T00:00").unwrap();
    let to = convene_core::time::parse_london("2026-12-01T00:00").unwrap();
    let in_range = store.meetings_between(from, to).unwrap();
    assert_eq!(
        in_range.len(),
        ds.meetings.iter().filter(|m| m.start >= from && m.start < to).count()
    );
    assert!(in_range.windows(2).all(|w| w[0].start <= w[1].start), "time order");
}

#[test]
fn updating_a_meeting_moves_its_index_entries() {
    let (_dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    let mut m = ds.meetings.iter().find(|m| m.children.len() > 1).unwrap().clone();
    let removed_child = m.children.pop().unwrap();
    m.start += Duration::days(400);
    m.end += Duration::days(400);
    store.put(&m).unwrap();
    assert!(!store
        .child_bundle(removed_child)
        .unwrap()
        .meetings
        .iter()
        .any(|x| x.id == m.id));
    let (a, b) = (m.start - Duration::minutes(1), m.start + Duration::minutes(1));
    assert_eq!(
        store
            .meetings_between(a, b)
            .unwrap()
            .iter()
            .filter(|x| x.id == m.id)
            .count(),
        1
    );
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn invalid_records_are_refused_and_change_nothing() {
    let (_dir, store) = demo_store();
    let before = store.export().unwrap();
    let ds = store.load_dataset().unwrap();
    let mut m = ds.meetings[0].clone();
    m.end = m.start - Duration::minutes(30);
    assert!(matches!(
        store.put(&m),
        Err(StoreError::Invalid(ValidationError::EndNotAfterStart { .. }))
    ));
    let mut m = ds.meetings[0].clone();
    m.children.push(ChildId::new_random());
    let err = store.put(&m).unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    let mut e = ds.events[0].clone();
    e.note = "x".repeat(10_001);
    assert!(matches!(
        store.put(&e),
        Err(StoreError::Invalid(ValidationError::TooLong { .. }))
    ));
    assert_eq!(store.export().unwrap(), before);
}

#[test]
fn a_second_open_of_the_same_store_is_refused_clearly() {
    let (dir, _store) = demo_store();
    match Store::open(dir.path()) {
        Err(StoreError::Locked { .. }) => {}
        Err(other) => panic!("expected Locked, got {other}"),
        Ok(_) => panic!("opened a store that is already open"),
    }
}

#[test]
fn schema_versions_migrate_up_and_refuse_newer() {
    // A version-0 store: records but no schema key.
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
    }
    {
        let db = sled::open(dir.path().join("db")).unwrap();
        db.open_tree("meta").unwrap().remove("schema_version").unwrap();
        db.flush().unwrap();
    }
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
        assert!(!store.is_empty());
    }
    {
        let db = sled::open(dir.path().join("db")).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &99u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::NewerSchema { found: 99, .. })
    ));
}

#[test]
fn the_integrity_check_finds_a_stray_or_missing_index_entry() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
    }
    {
        let db = sled::open(dir.path().join("db")).unwrap();
        let idx = db.open_tree("idx_child_meetings").unwrap();
        let first = idx.iter().keys().next().unwrap().unwrap();
        idx.remove(first).unwrap();
        idx.insert([7u8; 32], &[]).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let problems = store.check().unwrap().problems;
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn settings_round_trip_and_are_checked() {
    let (_dir, store) = demo_store();
    let mut s = store.settings().unwrap();
    s.pack = "wales".into();
    s.closures = vec![
        NaiveDate::from_ymd_opt(2026, 12, 29).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
    ];
    store.save_settings(&s).unwrap();
    let back = store.settings().unwrap();
    assert_eq!(back.pack, "wales");
    assert_eq!(
        back.closures[0],
        NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
        "sorted"
    );
    s.pack = "atlantis".into();
    assert!(store.save_settings(&s).is_err());
    s.pack = "england".into();
    s.me = Some(PersonId::new_random());
    assert!(matches!(store.save_settings(&s), Err(StoreError::NotFound { .. })));
    assert_eq!(store.settings().unwrap().pack, "wales");
}
