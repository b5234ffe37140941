#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The app's state over a real store in a temporary folder: restoring into an encrypted store.

use chrono::Utc;
use convene_core::model::Child;
use convene_desktop::AppState;
use convene_store::backup::BackupKind;
use convene_store::Store;

const PASS: &str = "correct horse battery staple";

/// A data folder holding the demo, its store closed again.
fn demo_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let today = convene_core::time::uk_date_of(Utc::now());
    Store::open(dir.path())
        .unwrap()
        .write_dataset(&convene_core::demo::demo_dataset(
            today,
            convene_core::demo::DEFAULT_SEED,
        ))
        .unwrap();
    dir
}

fn children(state: &AppState) -> usize {
    state.with_store(|s| Ok(s.count::<Child>())).unwrap()
}

#[test]
fn a_refused_restore_leaves_an_encrypted_store_open_and_unlocked() {
    let dir = demo_folder();
    // A copy made before encryption was turned on.
    let elsewhere = tempfile::tempdir().unwrap();
    let plain = elsewhere.path().join("plain.json");
    Store::open(dir.path()).unwrap().backup_to(&plain).unwrap();
    convene_store::change_passphrase(dir.path(), None, Some(PASS), Utc::now()).unwrap();

    let state = AppState::open_in(dir.path().to_path_buf());
    let locked = state.with_store(|s| Ok(s.count::<Child>())).unwrap_err();
    assert_eq!(locked.0.kind, "passphrase-needed");
    state.unlock(PASS).unwrap();
    let before = children(&state);
    assert!(before > 0);
    let backup = state
        .with_store(|s| Ok(s.backup(BackupKind::Manual, Utc::now())?))
        .unwrap();

    // A file that is not a backup, and an encrypted backup with the wrong passphrase: each is
    // refused with a sentence, and the store stays open and unlocked with its data.
    let junk = dir.path().join("not-a-backup.json");
    std::fs::write(&junk, "{ \"format\": \"nope\"").unwrap();
    for (file, pass) in [
        (&junk, Some(PASS)),
        (&backup, Some("wrong passphrase")),
        (&backup, None),
    ] {
        let refused = state.restore_from(file, pass, &mut |_| {}).unwrap_err();
        assert!(!refused.0.message.is_empty());
        assert_eq!(
            children(&state),
            before,
            "after refusing {} ({})",
            file.display(),
            refused.0.kind
        );
    }
    // A plain copy would change how the data is protected: refused, and the store stays open
    // and unlocked (it used to be closed first, then reopenable only with the file's passphrase).
    let refused = state.restore_from(&plain, None, &mut |_| {}).unwrap_err();
    assert_eq!(refused.0.kind, "restore-changes-encryption");
    assert_eq!(children(&state), before);
    // Nothing was set aside for a refused file.
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("db.replaced-"))
        .count();
    assert_eq!(aside, 0);

    // The right passphrase restores, and the restored store is encrypted again.
    let mut steps = Vec::new();
    state
        .restore_from(&backup, Some(PASS), &mut |p| steps.push(p.step))
        .unwrap();
    assert_eq!(steps, [1, 2, 3, 4, 5]);
    assert_eq!(children(&state), before);
    assert!(state.with_store(|s| Ok(s.is_encrypted())).unwrap());

    // "Restore the latest backup" (the error screen's way out) asks for the backup's passphrase
    // rather than ending there, then restores with it.
    let asked = state.restore_latest(None).unwrap_err();
    assert_eq!(asked.0.kind, "import-needs-passphrase");
    state.restore_latest(Some(PASS)).unwrap();
    assert_eq!(children(&state), before);
    assert!(state.with_store(|s| Ok(s.is_encrypted())).unwrap());
}

#[test]
fn a_panic_inside_one_command_does_not_lock_out_every_later_one() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open_in(dir.path().to_path_buf());
    let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        state.with_store(|_| -> Result<(), convene_desktop::IpcError> { panic!("a bug in one command") })
    }));
    assert!(crashed.is_err());
    // The store's writes are transactions, so what it holds is whole: carry on with it.
    assert_eq!(children(&state), 0);
}

#[test]
fn a_store_locked_at_start_opens_once_the_other_program_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let holder = Store::open(dir.path()).unwrap();
    let state = AppState::open_in(dir.path().to_path_buf());
    let locked = state.with_store(|s| Ok(s.count::<Child>())).unwrap_err();
    assert_eq!(locked.0.kind, "locked");
    drop(holder);
    std::thread::sleep(std::time::Duration::from_secs(4)); // past the retry interval
    assert_eq!(state.with_store(|s| Ok(s.count::<Child>())).unwrap(), 0);
}

#[test]
fn a_window_left_open_overnight_takes_the_next_days_backup() {
    let dir = demo_folder();
    let state = AppState::open_in(dir.path().to_path_buf());
    let daily = || {
        convene_store::backup::list_backups(dir.path())
            .iter()
            .filter(|p| p.to_string_lossy().ends_with("-daily.json"))
            .count()
    };
    assert_eq!(daily(), 1, "today's, taken on opening");
    let tomorrow = Utc::now() + chrono::Duration::days(1);
    state
        .with_store(|s| {
            state.upkeep_if_new_day(s, tomorrow);
            state.upkeep_if_new_day(s, tomorrow);
            Ok(())
        })
        .unwrap();
    assert_eq!(daily(), 2, "tomorrow's, once");
}
