#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The store against real sled directories in temp dirs: records, indexes, migrations,
//! settings, the audit trail and caseloads. Backups, restores and files on disk are in
//! `backup_restore.rs`; people, agencies and teams in `directory.rs`.

mod common;
use common::*;

use chrono::{Duration, NaiveDate};
use convene_core::demo::{demo_dataset, DEFAULT_SEED};
use convene_core::*;
use convene_store::{Store, StoreError, SCHEMA_VERSION};

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
    // 400 days on, at the same UK wall-clock times (the offset may differ across a clock change).
    let later = |t: chrono::DateTime<chrono::FixedOffset>| {
        convene_core::time::london(t.naive_local() + Duration::days(400)).unwrap()
    };
    (m.start, m.end) = (later(m.start), later(m.end));
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

    // Export → import into an empty store → export gives the same records and settings,
    // snapshots included (the audit trail gains the import's entry: next test).
    let export = store.export().unwrap();
    assert!(export.contains("caseload_snapshots"));
    let dir2 = tempfile::tempdir().unwrap();
    let copy = Store::open(dir2.path()).unwrap();
    copy.import(&export).unwrap();
    assert_eq!(copy.caseload_history(None).unwrap(), all);
    let (a, b) = (parsed(&export), parsed(&copy.export().unwrap()));
    assert_eq!((a.settings, a.data), (b.settings, b.data));
}

fn parsed(text: &str) -> convene_store::ExportFile {
    convene_store::parse_export_with(text, None).unwrap()
}

#[test]
fn exports_carry_the_audit_trail_and_an_import_continues_it() {
    let (_dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    let mut m = ds.meetings[0].clone();
    m.start += Duration::days(1);
    m.end += Duration::days(1);
    store.put(&m).unwrap();
    let trail = store.audit_entries().unwrap();
    assert_eq!(trail.len(), 2, "the demo's import and the save");

    let export = store.export().unwrap();
    let file = parsed(&export);
    assert_eq!(file.version, convene_store::EXPORT_VERSION);
    assert_eq!(file.audit, trail, "the whole trail, entry for entry");

    let dir2 = tempfile::tempdir().unwrap();
    let copy = Store::open(dir2.path()).unwrap();
    copy.import(&export).unwrap();
    let copied = copy.audit_entries().unwrap();
    assert_eq!(copied[..2], trail[..], "the history came with the data");
    assert_eq!(copied.len(), 3);
    assert_eq!(
        (copied[2].action.as_str(), copied[2].prev.as_str()),
        ("import", trail[1].hash.as_str())
    );
    assert_eq!(copied[2].before, None, "the new store had no history of its own");
    assert_eq!(copy.verify_audit().unwrap(), None);
    // Who changed a child's meeting is still there to see, in the copy.
    assert!(copy
        .audit_entries()
        .unwrap()
        .iter()
        .any(|e| e.action == "save" && e.children == m.children));
    // And a second round trip carries all three.
    let again = parsed(&copy.export().unwrap());
    assert_eq!(again.audit, copied);
}

#[test]
fn an_import_keeps_the_empty_stores_own_history_in_its_entry() {
    let (_dir, store) = demo_store();
    let export = store.export().unwrap();
    let dir2 = tempfile::tempdir().unwrap();
    let copy = Store::open(dir2.path()).unwrap();
    // A setting changed before anything was imported: one entry of the new store's own.
    let mut s = copy.settings().unwrap();
    s.closures.push(NaiveDate::from_ymd_opt(2026, 12, 29).unwrap());
    copy.save_settings(&s).unwrap();
    let own = copy.audit_entries().unwrap();
    assert_eq!(own.len(), 1);
    copy.import(&export).unwrap();
    let entries = copy.audit_entries().unwrap();
    assert_eq!(entries.len(), 2, "the file's one entry, then the import");
    assert_eq!(entries[0], parsed(&export).audit[0]);
    let kept = &entries[1].before.as_ref().expect("the replaced history")["audit"];
    assert_eq!(kept, &serde_json::to_value(&own).unwrap());
    assert_eq!(copy.verify_audit().unwrap(), None);
}

#[test]
fn an_altered_audit_trail_in_a_file_is_kept_in_the_imports_entry_not_taken_as_history() {
    let (_dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    store.put(&ds.meetings[0]).unwrap();
    let export = store.export().unwrap();
    let alter = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&export).unwrap();
        f(&mut v);
        serde_json::to_string(&v).unwrap()
    };
    let cases = [
        (
            "an entry edited",
            "entry 2 has been altered",
            alter(&|v| v["audit"][1]["os_user"] = "someone else".into()),
        ),
        (
            "an entry removed",
            "entry 1 is missing",
            alter(&|v| {
                v["audit"].as_array_mut().unwrap().remove(0);
            }),
        ),
        (
            "entries reordered",
            "entry 1 is missing",
            alter(&|v| v["audit"].as_array_mut().unwrap().swap(0, 1)),
        ),
    ];
    for (case, problem, text) in cases {
        let dir2 = tempfile::tempdir().unwrap();
        let copy = Store::open(dir2.path()).unwrap();
        // The records come in whatever the trail: a backup must always restore.
        let imported = copy.import(&text).unwrap();
        assert_eq!(copy.load_dataset().unwrap(), store.load_dataset().unwrap(), "{case}");
        let said = imported.audit_problem.expect(case);
        assert!(said.contains(problem), "{case}: {said}");
        assert_eq!(imported.history, 0, "{case}");
        // Not this store's history: one entry, the import's, which holds the file's trail whole
        // and what was wrong with it.
        let entries = copy.audit_entries().unwrap();
        assert_eq!(entries.len(), 1, "{case}");
        let before = entries[0].before.as_ref().unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(before["unverified_audit"], file["audit"], "{case}");
        assert_eq!(before["audit_problem"], said.as_str(), "{case}");
        assert_eq!(copy.verify_audit().unwrap(), None, "{case}");
        assert_eq!(copy.last_import_audit_problem(), Some(said), "{case}");
    }
}

#[test]
fn a_store_whose_trail_is_damaged_still_backs_up_and_the_backup_restores() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
        let ds = store.load_dataset().unwrap();
        store.put(&ds.meetings[0]).unwrap();
        store.put(&ds.meetings[1]).unwrap();
    }
    // Entry 2 can no longer be read at all.
    {
        let db = raw_sled(dir.path());
        db.open_tree("audit")
            .unwrap()
            .insert(2u64.to_be_bytes(), &b"\xff not an entry"[..])
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.audit_entries().is_err(), "the damage is there");
    let export = store.export().expect("the trail never stops a backup");
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = Store::open(copy_dir.path()).unwrap();
    let imported = copy.import(&export).unwrap();
    assert_eq!(copy.load_dataset().unwrap(), store.load_dataset().unwrap());
    assert!(imported.audit_problem.unwrap().contains("entry 2 is missing"));
    assert_eq!(copy.verify_audit().unwrap(), None);
}

#[test]
fn an_adopted_trail_replaces_every_entry_the_empty_store_had() {
    let (_dir, store) = demo_store();
    let export = store.export().unwrap();
    assert_eq!(parsed(&export).audit.len(), 1);
    let dir2 = tempfile::tempdir().unwrap();
    let copy = Store::open(dir2.path()).unwrap();
    // Three changes of its own: more entries than the file's trail has.
    for day in [28, 29, 30] {
        let mut s = copy.settings().unwrap();
        s.closures.push(NaiveDate::from_ymd_opt(2026, 12, day).unwrap());
        copy.save_settings(&s).unwrap();
    }
    let own = copy.audit_entries().unwrap();
    assert_eq!(own.len(), 3);
    let imported = copy.import(&export).unwrap();
    assert_eq!((imported.history, imported.audit_problem), (1, None));
    let entries = copy.audit_entries().unwrap();
    assert_eq!(
        entries.len(),
        2,
        "the file's entry and the import's; none of the old ones left"
    );
    assert_eq!(
        entries[1].before.as_ref().unwrap()["audit"],
        serde_json::to_value(&own).unwrap()
    );
    assert_eq!(copy.verify_audit().unwrap(), None);
    assert_eq!(copy.last_import_audit_problem(), None);
}

#[test]
fn version_1_exports_without_a_trail_still_import_and_unknown_versions_do_not() {
    let (_dir, store) = demo_store();
    let mut v: serde_json::Value = serde_json::from_str(&store.export().unwrap()).unwrap();
    v["version"] = 1.into();
    let with_trail = serde_json::to_string(&v).unwrap();
    v.as_object_mut().unwrap().remove("audit");
    let v1 = serde_json::to_string(&v).unwrap();

    let dir2 = tempfile::tempdir().unwrap();
    let copy = Store::open(dir2.path()).unwrap();
    let err = copy.import(&with_trail).unwrap_err();
    assert!(matches!(err, StoreError::ImportMalformed { .. }), "{err}");
    copy.import(&v1).unwrap();
    assert_eq!(copy.load_dataset().unwrap(), store.load_dataset().unwrap());
    let entries = copy.audit_entries().unwrap();
    assert_eq!(entries.len(), 1, "the trail starts at the import");
    assert_eq!(entries[0].action, "import");

    for version in [0, convene_store::EXPORT_VERSION + 1] {
        v["version"] = version.into();
        let dir3 = tempfile::tempdir().unwrap();
        let err = Store::open(dir3.path())
            .unwrap()
            .import(&serde_json::to_string(&v).unwrap())
            .unwrap_err();
        assert!(
            matches!(err, StoreError::ImportWrongVersion { found, .. } if found == version),
            "{err}"
        );
    }
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
