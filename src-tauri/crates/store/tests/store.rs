#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The store against real sled directories in temp dirs.

use chrono::{Duration, NaiveDate};
use convene_core::demo::{demo_dataset, DEFAULT_SEED};
use convene_core::*;
use convene_store::{Store, StoreError, SCHEMA_VERSION};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Open the raw sled database behind a store that was just dropped (its flusher may still be
/// letting go of the file lock).
fn raw_sled(dir: &std::path::Path) -> sled::Db {
    for _ in 0..60 {
        if let Ok(db) = sled::open(dir.join("db")) {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    sled::open(dir.join("db")).unwrap()
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
        let db = raw_sled(dir.path());
        db.open_tree("meta").unwrap().remove("schema_version").unwrap();
        db.flush().unwrap();
    }
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
        assert!(!store.is_empty());
    }
    {
        let db = raw_sled(dir.path());
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
        let db = raw_sled(dir.path());
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

#[test]
fn settings_an_import_would_refuse_are_not_saved_so_every_backup_restores() {
    let (dir, store) = demo_store();
    let mut s = store.settings().unwrap();
    // A local rule "on the day": 0 working days, which an import refuses.
    let mut rule = s.pack().unwrap().rules[0].clone();
    rule.id = "local-letter".into();
    rule.offset.amount = 0;
    s.overrides.added.push(rule);
    let err = store.save_settings(&s).unwrap_err().to_string();
    assert!(err.contains("between 1 and"), "{err}");
    assert!(store.settings().unwrap().overrides.added.is_empty(), "nothing saved");
    // The same rule with a time limit an import accepts is saved.
    s.overrides.added[0].offset.amount = 1;
    store.save_settings(&s).unwrap();
    assert_eq!(store.settings().unwrap().overrides.added.len(), 1);
    // What is saved restores.
    let file = dir.path().join("export.json");
    std::fs::write(&file, store.export().unwrap()).unwrap();
    let other = tempfile::tempdir().unwrap();
    Store::open(other.path())
        .unwrap()
        .import(&std::fs::read_to_string(&file).unwrap())
        .unwrap();
}

#[test]
fn every_change_is_audited_and_tampering_is_found() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
        let ds = store.load_dataset().unwrap();
        let mut m = ds.meetings[0].clone();
        let before_start = m.start;
        m.start += Duration::days(1);
        m.end += Duration::days(1);
        store.put(&m).unwrap();
        store.delete::<Event>(ds.events[0].id.as_bytes()).unwrap();
        let entries = store.audit_entries().unwrap();
        assert_eq!(entries.len(), 3, "import, save, delete");
        assert_eq!(entries[0].action, "import");
        assert_eq!(entries[1].action, "save");
        assert_eq!(
            entries[1].before.as_ref().unwrap()["start"],
            serde_json::json!(before_start.to_rfc3339())
        );
        assert_eq!(
            entries[1].after.as_ref().unwrap()["start"],
            serde_json::json!(m.start.to_rfc3339())
        );
        assert_eq!(entries[1].children, m.children);
        assert!(!entries[1].os_user.is_empty());
        assert_eq!(entries[2].action, "delete");
        assert!(entries[2].after.is_none());
        assert_eq!(store.verify_audit().unwrap(), None);
    }
    // Alter entry 2 behind the store's back.
    {
        let db = raw_sled(dir.path());
        let audit = db.open_tree("audit").unwrap();
        let key = 2u64.to_be_bytes();
        let mut e: serde_json::Value = serde_json::from_slice(&audit.get(key).unwrap().unwrap()).unwrap();
        e["after"]["start"] = serde_json::json!("2020-01-01T10:00:00+00:00");
        audit.insert(key, serde_json::to_vec(&e).unwrap()).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let (seq, what) = store.verify_audit().unwrap().expect("tampering found");
    assert_eq!(seq, 2);
    assert!(what.contains("altered"), "{what}");
    drop(store);
    // Remove the last entry: found too.
    {
        let db = raw_sled(dir.path());
        let audit = db.open_tree("audit").unwrap();
        audit
            .insert(2u64.to_be_bytes(), audit.get(2u64.to_be_bytes()).unwrap().unwrap())
            .unwrap();
        audit.remove(3u64.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.verify_audit().unwrap().is_some());
}

#[test]
fn an_import_takes_a_backup_of_what_it_replaces_first_and_a_bad_one_takes_none() {
    let (_src_dir, src) = demo_store();
    let export = src.export().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // An empty store may still hold settings the import will replace.
    let mut s = store.settings().unwrap();
    s.closures = vec![NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()];
    store.save_settings(&s).unwrap();
    let now = chrono::Utc::now();

    let bad = &export[..export.len() / 2];
    assert!(store.import_with_backup(bad, None, now).is_err());
    assert!(
        convene_store::backup::list_backups(dir.path()).is_empty(),
        "no backup for a refused file"
    );

    let backup = store.import_with_backup(&export, None, now).unwrap();
    assert!(backup
        .file_name()
        .unwrap()
        .to_string_lossy()
        .ends_with("-before-import.json"));
    let kept = convene_store::parse_export_with(&std::fs::read_to_string(&backup).unwrap(), None).unwrap();
    assert_eq!(
        kept.settings.closures, s.closures,
        "the backup holds the settings as they were"
    );
    assert_eq!(store.count::<Child>(), src.count::<Child>());
    assert_eq!(store.export().unwrap(), export, "the import itself is lossless");
}

#[test]
fn caseloads_are_kept_once_a_day_and_travel_with_exports() {
    let (_dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    let settings = store.settings().unwrap();
    let day1 = today();
    let rows = convene_core::caseload::snapshot(&convene_core::caseload::caseloads(&ds, &settings.caseloads, day1));
    assert!(!rows.is_empty());
    assert!(store.record_caseloads_if_due(day1, &rows).unwrap());
    assert!(
        !store.record_caseloads_if_due(day1, &rows).unwrap(),
        "one snapshot a day"
    );
    let day2 = day1 + Duration::days(1);
    assert!(store.record_caseloads_if_due(day2, &rows).unwrap());
    let all = store.caseload_history(None).unwrap();
    assert_eq!(all.len(), rows.len() * 2);
    assert!(all.windows(2).all(|w| w[0].date <= w[1].date), "in date order");
    assert_eq!(store.caseload_history(Some(day2)).unwrap().len(), rows.len());
    assert!(store
        .caseload_history(Some(day2))
        .unwrap()
        .iter()
        .all(|r| r.date == day2));

    // Export → import into an empty store → export is byte-identical, snapshots included.
    let export = store.export().unwrap();
    assert!(export.contains("caseload_snapshots"));
    let dir2 = tempfile::tempdir().unwrap();
    let copy = Store::open(dir2.path()).unwrap();
    copy.import(&export).unwrap();
    assert_eq!(copy.caseload_history(None).unwrap(), all);
    assert_eq!(copy.export().unwrap(), export);
}

#[test]
fn a_restore_reports_its_steps_and_a_refused_file_stops_early_changing_nothing() {
    use convene_core::views::Progress;
    let (dir, store) = demo_store();
    let file = dir.path().join("export.json");
    store.backup_to(&file).unwrap();
    let children = store.count::<Child>();
    let meetings = store.count::<Meeting>();
    drop(store);

    let mut seen: Vec<Progress> = vec![];
    let now = chrono::Utc::now();
    let restored =
        convene_store::backup::restore_with_progress(dir.path(), &file, None, now, &mut |p| seen.push(p)).unwrap();
    assert_eq!(restored.count::<Child>(), children);
    assert_eq!(
        seen.iter().map(|p| (p.step, p.steps)).collect::<Vec<_>>(),
        [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    );
    assert_eq!(seen[0].label, "Reading export.json");
    assert_eq!(
        seen[1].label,
        format!("Checking {children} children, {meetings} meetings and their records")
    );
    assert_eq!(
        seen[4].label,
        format!("Done: {children} children and {meetings} meetings")
    );
    drop(restored);

    // A malformed file: refused after reading it, before anything is set aside.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ \"format\": \"convene-export\", ").unwrap();
    let mut seen: Vec<u32> = vec![];
    assert!(
        convene_store::backup::restore_with_progress(dir.path(), &bad, None, now, &mut |p| seen.push(p.step)).is_err()
    );
    assert_eq!(seen, [1]);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.count::<Child>(), children);
}

#[test]
fn calendar_data_reads_a_range_and_only_the_children_shown() {
    let (_dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    // A fortnight around today, in UK days.
    let (from, to) = (today() - Duration::days(7), today() + Duration::days(6));
    let uk_day = |m: &Meeting| time::uk_date_of(m.start.with_timezone(&chrono::Utc));
    let mut expected: Vec<MeetingId> = ds
        .meetings
        .iter()
        .filter(|m| (from..=to).contains(&uk_day(m)))
        .map(|m| m.id)
        .collect();
    assert!(expected.len() > 3, "the demo should have meetings in that fortnight");

    let page = store.calendar_data(from, to, false).unwrap();
    let mut got: Vec<MeetingId> = page.meetings.iter().map(|m| m.id).collect();
    // In time order, as the index keeps them.
    assert!(page.meetings.windows(2).all(|w| w[0].start <= w[1].start));
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert_eq!(page.venues.len(), ds.venues.len());
    assert!(page.people.is_empty() && page.children.is_empty());
    assert_eq!(
        store.calendar_data(from, to, true).unwrap().people.len(),
        ds.people.len()
    );

    // Children only for the meetings shown, once each, even when asked twice.
    let mut page = page;
    let shown: Vec<MeetingId> = page.meetings.iter().take(2).map(|m| m.id).collect();
    store.add_children_of(&mut page, &shown).unwrap();
    store.add_children_of(&mut page, &shown).unwrap();
    let mut want: Vec<ChildId> = page
        .meetings
        .iter()
        .take(2)
        .flat_map(|m| m.children.iter().copied())
        .collect();
    want.sort();
    want.dedup();
    let mut have: Vec<ChildId> = page.children.iter().map(|c| c.id).collect();
    have.sort();
    assert_eq!(have, want);
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_its_backups_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let root = tempfile::tempdir().unwrap();
    // A new folder, and one the usual umask made readable by everyone.
    let fresh = root.path().join("fresh");
    let open = root.path().join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
    for dir in [&fresh, &open] {
        let store = Store::open(dir).unwrap();
        assert_eq!(mode(dir) & 0o077, 0, "{}: {:o}", dir.display(), mode(dir));
        let file = dir.join("export.json");
        convene_store::backup::write_atomically(&file, store.export().unwrap().as_bytes()).unwrap();
        assert_eq!(mode(&file), 0o600, "{:o}", mode(&file));
    }
}

#[test]
fn a_restore_never_changes_how_encrypted_data_is_protected() {
    let (dir, store) = demo_store();
    let plain = dir.path().join("plain.json");
    store.backup_to(&plain).unwrap();
    let children = store.count::<Child>();
    drop(store);
    let now = chrono::Utc::now();
    convene_store::change_passphrase(dir.path(), None, Some("correct horse"), now).unwrap();
    let sealed = dir.path().join("sealed.json");
    Store::open_with(dir.path(), Some("correct horse"))
        .unwrap()
        .backup_to(&sealed)
        .unwrap();
    // The same data sealed with another passphrase (a colleague's export).
    let elsewhere = tempfile::tempdir().unwrap();
    Store::open(elsewhere.path())
        .unwrap()
        .import(&std::fs::read_to_string(&plain).unwrap())
        .unwrap();
    convene_store::change_passphrase(elsewhere.path(), None, Some("battery staple"), now).unwrap();
    let theirs = dir.path().join("theirs.json");
    Store::open_with(elsewhere.path(), Some("battery staple"))
        .unwrap()
        .backup_to(&theirs)
        .unwrap();

    use convene_store::backup::restore_with;
    for (file, pass) in [(&plain, None), (&theirs, Some("battery staple"))] {
        let err = restore_with(dir.path(), file, pass, now).map(|_| ()).unwrap_err();
        assert!(
            matches!(err, StoreError::RestoreChangesEncryption),
            "{}: {err}",
            file.display()
        );
        // Nothing changed: still encrypted with its own passphrase, every record there.
        let store = Store::open_with(dir.path(), Some("correct horse")).unwrap();
        assert!(store.is_encrypted());
        assert_eq!(store.count::<Child>(), children);
    }
    // A backup sealed with the data's own passphrase restores, and stays encrypted.
    let restored = restore_with(dir.path(), &sealed, Some("correct horse"), now).unwrap();
    assert!(restored.is_encrypted());
    assert_eq!(restored.count::<Child>(), children);
}

#[test]
fn a_store_with_a_damaged_record_is_restored_and_kept_aside() {
    let (dir, store) = demo_store();
    let good = dir.path().join("good.json");
    store.backup_to(&good).unwrap();
    let children = store.count::<Child>();
    drop(store);
    {
        let db = raw_sled(dir.path());
        let tree = db.open_tree("children").unwrap();
        let (key, _) = tree.first().unwrap().unwrap();
        tree.insert(key, b"garbage".as_slice()).unwrap();
        db.flush().unwrap();
    }
    // The damage shows when the records are read; the restore that repairs it goes ahead.
    assert!(matches!(
        Store::open(dir.path()).and_then(|s| s.export()),
        Err(StoreError::Corrupt { .. })
    ));
    let restored = convene_store::backup::restore(dir.path(), &good, chrono::Utc::now()).unwrap();
    assert_eq!(restored.count::<Child>(), children);
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("db.replaced-"));
    assert!(kept, "the damaged data is kept aside");
}

#[test]
fn a_re_key_stopped_between_its_two_renames_is_finished_on_the_next_open() {
    // What a re-key leaves if the process stops after moving the old database aside and before
    // putting the new one in place: no `db`, the old one retired, the new one complete in staging.
    let (dir, store) = demo_store();
    let children = store.count::<Child>();
    drop(store);
    let staging = dir.path().join(".rekey-20261201T101010Z");
    {
        let fresh = Store::open(&staging).unwrap();
        fresh.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    std::fs::rename(dir.path().join("db"), dir.path().join("db.retired-20261201T101010Z")).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.count::<Child>(),
        children,
        "the staged database is in place, not an empty one"
    );
}

#[test]
fn plain_data_replaced_by_an_encrypted_backup_leaves_nothing_in_clear() {
    let (dir, store) = demo_store();
    let children = store.count::<Child>();
    let now = chrono::Utc::now();
    store.backup(convene_store::backup::BackupKind::Daily, now).unwrap();
    drop(store);
    // An encrypted backup from another machine (a colleague's data sealed with its passphrase).
    let elsewhere = tempfile::tempdir().unwrap();
    Store::open(elsewhere.path()).unwrap();
    convene_store::change_passphrase(elsewhere.path(), None, Some("battery staple"), now).unwrap();
    let sealed = dir.path().join("sealed.json");
    Store::open_with(elsewhere.path(), Some("battery staple"))
        .unwrap()
        .backup_to(&sealed)
        .unwrap();

    let audited = Store::open(dir.path()).unwrap().audit_entries().unwrap().len();
    assert!(audited >= 1);
    let restored = convene_store::backup::restore_with(dir.path(), &sealed, Some("battery staple"), now).unwrap();
    assert!(restored.is_encrypted());
    assert_eq!(restored.count::<Child>(), 0);
    drop(restored);
    // The replaced database is kept aside (its audit trail is in no backup), but no longer in
    // clear: re-keyed under the restore's passphrase.
    let aside: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("db."))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let look = tempfile::tempdir().unwrap();
    std::fs::rename(&aside[0], look.path().join("db")).unwrap();
    let err = Store::open(look.path()).map(|_| ()).unwrap_err();
    assert!(matches!(err, StoreError::PassphraseNeeded { .. }), "{err}");
    let old = Store::open_with(look.path(), Some("battery staple")).unwrap();
    assert_eq!(old.count::<Child>(), children);
    // Every audit entry it had, and the re-key's own.
    assert_eq!(old.audit_entries().unwrap().len(), audited + 1);
    drop(old);
    // Nothing left of the sealing's working folder.
    assert!(std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .all(|e| !e.file_name().to_string_lossy().starts_with(".seal-")));
    // One backup left, the before-restore one, sealed with the restore's passphrase: the way
    // back to the replaced data.
    let backups = convene_store::backup::list_backups(dir.path());
    assert_eq!(backups.len(), 1, "{backups:?}");
    let text = std::fs::read_to_string(&backups[0]).unwrap();
    assert!(convene_store::is_encrypted_export(&text));
    let back = convene_store::parse_export_with(&text, Some("battery staple")).unwrap();
    assert_eq!(back.data.children.len(), children);
}

#[test]
fn a_restore_refuses_a_file_larger_than_any_backup_before_reading_it() {
    let (dir, store) = demo_store();
    let children = store.count::<Child>();
    drop(store);
    let huge = dir.path().join("video.json");
    let f = std::fs::File::create(&huge).unwrap();
    // Sparse: no disk used, and never read.
    f.set_len(convene_store::backup::MAX_RESTORE_BYTES + 1).unwrap();
    let err = convene_store::backup::restore(dir.path(), &huge, chrono::Utc::now())
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(err, StoreError::ImportMalformed { .. }), "{err}");
    assert!(err.to_string().contains("right file"), "{err}");
    assert_eq!(Store::open(dir.path()).unwrap().count::<Child>(), children);
}

#[cfg(unix)]
#[test]
fn an_atomic_write_never_writes_through_a_file_or_link_planted_beside_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("export.json");
    // Someone else's world-readable file, and a link to it, at the names the old code used.
    let theirs = dir.path().join("theirs");
    std::fs::write(&theirs, "").unwrap();
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(
        &theirs,
        dir.path().join(format!(".export.json.{}.tmp", std::process::id())),
    )
    .unwrap();
    convene_store::backup::write_atomically(&target, b"records").unwrap();
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "");
    assert_eq!(std::fs::read(&target).unwrap(), b"records");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}
