#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Backups, imports, restores and the files they write, against real sled directories in temp
//! dirs: what a restore keeps aside, how it treats encryption, and owner-only, atomic writes.

mod common;
use common::*;

use chrono::NaiveDate;
use convene_core::demo::{demo_dataset, DEFAULT_SEED};
use convene_core::*;
use convene_store::{Store, StoreError};

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

    let (backup, imported) = store.import_with_backup(&export, None, now).unwrap();
    assert_eq!((imported.history, imported.audit_problem), (1, None));
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
    let (a, b) = (parsed(&export), parsed(&store.export().unwrap()));
    assert_eq!(
        (a.settings, a.data),
        (b.settings, b.data),
        "the import itself is lossless"
    );
    // The file's history, then the import, which holds the settings change made before it.
    assert_eq!(b.audit[..a.audit.len()], a.audit[..]);
    assert_eq!(b.audit.len(), a.audit.len() + 1);
    assert!(b.audit[a.audit.len()].before.is_some());
}

fn parsed(text: &str) -> convene_store::ExportFile {
    convene_store::parse_export_with(text, None).unwrap()
}

#[test]
fn a_restored_store_keeps_its_history_and_the_one_replaced_is_in_the_before_restore_backup() {
    let (dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    let mut m = ds.meetings[0].clone();
    m.start += chrono::Duration::days(1);
    m.end += chrono::Duration::days(1);
    store.put(&m).unwrap();
    let now = chrono::Utc::now();
    let backup = store.backup(convene_store::backup::BackupKind::Manual, now).unwrap();
    let at_backup = store.audit_entries().unwrap();
    // A change after the backup, which the restore undoes.
    store.delete::<Event>(ds.events[0].id.as_bytes()).unwrap();
    let replaced = store.audit_entries().unwrap();
    drop(store);

    let later = now + chrono::Duration::seconds(1);
    let restored = convene_store::backup::restore_with(dir.path(), &backup, None, later).unwrap();
    let entries = restored.audit_entries().unwrap();
    assert_eq!(
        entries[..at_backup.len()],
        at_backup[..],
        "the backup's history, entry for entry"
    );
    assert_eq!(entries.len(), at_backup.len() + 1);
    assert_eq!(entries.last().unwrap().action, "import");
    assert_eq!(restored.verify_audit().unwrap(), None);
    // The history of the data it replaced, the deletion included, is in the before-restore
    // backup, not only in the folder kept aside.
    let before_restore = convene_store::backup::list_backups(dir.path())
        .into_iter()
        .find(|b| b.to_string_lossy().contains("before-restore"))
        .expect("a before-restore backup");
    assert_eq!(
        parsed(&std::fs::read_to_string(before_restore).unwrap()).audit,
        replaced
    );
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
    // The backup's history came with it (its re-key's entry), then the restore's.
    assert_eq!(restored.audit_entries().unwrap().len(), 2);
    assert_eq!(restored.verify_audit().unwrap(), None);
    drop(restored);
    // The replaced database is kept aside, but no longer in clear: re-keyed under the restore's
    // passphrase.
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

#[test]
fn a_babys_expected_date_kept_at_the_birth_survives_export_and_import() {
    let (_src_dir, src) = demo_store();
    let unborn = src
        .all::<Child>()
        .unwrap()
        .into_iter()
        .find(|c| c.birth.is_unborn())
        .expect("the demo has an unborn child");
    let expected = unborn.birth.expected_delivery();
    let born = views::record_birth(&unborn, &today().to_string(), today()).unwrap();
    src.put(&born).unwrap();
    let export = src.export().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.import_with_backup(&export, None, chrono::Utc::now()).unwrap();
    let back: Child = store.require(born.id.as_bytes()).unwrap();
    assert_eq!(back.birth, born.birth);
    assert_eq!(
        (back.birth.date_of_birth(), back.birth.expected_delivery()),
        (Some(today()), expected)
    );
}
