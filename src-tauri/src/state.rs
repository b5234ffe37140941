//! The app's state: the store it opened (or why it could not), behind a mutex.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use convene_store::{backup, Store};

use crate::error::IpcError;

pub struct AppState {
    store: Mutex<Result<Store, IpcError>>,
    dir: Option<PathBuf>,
    /// The UK day the daily backup and caseload snapshot were last seen to: a window left open
    /// overnight takes the next day's on its first command that day.
    upkept: Mutex<Option<NaiveDate>>,
    /// When opening was last tried again after a store that was locked or unreachable.
    retried: Mutex<Option<std::time::Instant>>,
}

/// How often a store that was locked (by the CLI, say) or unreachable is tried again.
const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

impl AppState {
    /// Open the store where the CLI would ($CONVENE_DATA_DIR or the platform data dir), given
    /// `data_dir::resolve`'s answer (the app resolves it once, for the instance check too). A
    /// store that cannot be opened is kept as an error to show, never replaced by an empty one.
    pub fn open_resolved(dir: convene_store::Result<PathBuf>) -> Self {
        match dir {
            Ok(dir) => Self::open_in(dir),
            Err(e) => AppState {
                store: Mutex::new(Err(IpcError::from(e))),
                dir: None,
                upkept: Mutex::new(None),
                retried: Mutex::new(None),
            },
        }
    }

    /// Open the store in `dir` (for the app, `open_resolved`; for tests, a temporary folder).
    pub fn open_in(dir: PathBuf) -> Self {
        let store = Store::open(&dir).map_err(IpcError::from);
        let mut upkept = None;
        if let Ok(s) = &store {
            daily_upkeep(s, chrono::Utc::now());
            upkept = Some(today());
        }
        AppState {
            store: Mutex::new(store),
            dir: Some(dir),
            upkept: Mutex::new(upkept),
            retried: Mutex::new(None),
        }
    }

    /// The store, even after a command panicked while holding it. Recovering is safe: every
    /// write is one sled transaction, flushed before it is acknowledged, so a panic leaves the
    /// data as the last whole write did; and the guarded value is only replaced whole (`unlock`,
    /// restores). Refusing instead would make every later command fail until a restart.
    fn lock(&self) -> MutexGuard<'_, Result<Store, IpcError>> {
        self.store.lock().unwrap_or_else(|poisoned| {
            self.store.clear_poison();
            poisoned.into_inner()
        })
    }

    /// Run `f` with the store. A store that was locked or unreachable is tried again (at most
    /// every `RETRY_EVERY`), so "close it there and try again" works without restarting; and the
    /// first command of a new day takes that day's backup and caseload snapshot.
    pub fn with_store<R>(&self, f: impl FnOnce(&Store) -> Result<R, IpcError>) -> Result<R, IpcError> {
        let mut guard = self.lock();
        self.retry_open(&mut guard);
        match &*guard {
            Ok(store) => {
                self.upkeep_if_new_day(store, chrono::Utc::now());
                f(store)
            }
            Err(e) => Err(IpcError(e.0.clone())),
        }
    }

    fn retry_open(&self, guard: &mut Result<Store, IpcError>) {
        let (Err(e), Some(dir)) = (&*guard, &self.dir) else {
            return;
        };
        if !matches!(e.0.kind.as_str(), "locked" | "io") {
            return;
        }
        {
            let mut last = self.retried.lock().unwrap_or_else(|p| p.into_inner());
            if last.is_some_and(|t| t.elapsed() < RETRY_EVERY) {
                return;
            }
            *last = Some(std::time::Instant::now());
        }
        *guard = Store::open(dir).map_err(IpcError::from);
        if let Ok(store) = &*guard {
            self.upkeep_if_new_day(store, chrono::Utc::now());
        }
    }

    /// The day's backup and caseload snapshot, once a UK day (`now` is the clock's reading).
    pub fn upkeep_if_new_day(&self, store: &Store, now: chrono::DateTime<chrono::Utc>) {
        let day = convene_core::time::uk_date_of(now);
        let mut upkept = self.upkept.lock().unwrap_or_else(|p| p.into_inner());
        if *upkept != Some(day) {
            daily_upkeep(store, now);
            *upkept = Some(day);
        }
    }

    /// Open an encrypted store with its passphrase (after "passphrase-needed").
    pub fn unlock(&self, passphrase: &str) -> Result<(), IpcError> {
        let dir = self
            .dir
            .clone()
            .ok_or_else(|| IpcError::new("io", "Convene cannot find its data folder."))?;
        let mut guard = self.lock();
        if guard.is_ok() {
            return Ok(());
        }
        let store = Store::open_with(&dir, Some(passphrase)).map_err(IpcError::from)?;
        self.upkeep_if_new_day(&store, chrono::Utc::now());
        *guard = Ok(store);
        Ok(())
    }

    /// The data folder, if Convene found one.
    pub fn dir(&self) -> Result<PathBuf, IpcError> {
        self.dir
            .clone()
            .ok_or_else(|| IpcError::new("io", "Convene cannot find its data folder."))
    }

    /// Replace the store with the newest backup (`passphrase` opens an encrypted one); the data
    /// it replaces is kept aside.
    pub fn restore_latest(&self, passphrase: Option<&str>) -> Result<PathBuf, IpcError> {
        let latest = backup::list_backups(&self.dir()?)
            .into_iter()
            .next()
            .ok_or_else(|| IpcError::new("no-backup", "There is no backup to restore."))?;
        self.restore_from(&latest, passphrase, &mut |_| {})?;
        Ok(latest)
    }

    /// Replace the store with `file` (checked whole first; `passphrase` opens an encrypted one,
    /// and the restored store is encrypted with it again); the data it replaces is kept aside
    /// (`db.replaced-<time>`, and a before-restore backup). The file is read and checked while
    /// the current store stays open, so a refused file leaves it open as it was, unlocked if it
    /// is encrypted.
    pub fn restore_from(
        &self,
        file: &std::path::Path,
        passphrase: Option<&str>,
        progress: &mut dyn FnMut(convene_core::views::Progress),
    ) -> Result<(), IpcError> {
        let dir = self.dir()?;
        let mut guard = self.lock();
        let checked = backup::check_restore(file, passphrase, progress)?;
        // A restore that would change how the data is protected is refused while the store is
        // still open (and unlocked): refused after closing it, the store could only be reopened
        // with the backup's passphrase, not its own.
        if let Ok(current) = guard.as_ref() {
            backup::refuse_protection_change(current, &checked, passphrase)?;
        }
        // Release sled's lock on the folder before restoring into it.
        *guard = Err(IpcError::new("restoring", "Restoring a backup…"));
        match backup::restore_checked(&dir, checked, passphrase, chrono::Utc::now(), progress) {
            Ok(store) => {
                *guard = Ok(store);
                Ok(())
            }
            Err(e) => {
                // Failing this late (the disk, say) leaves whatever is in the folder now: open it
                // as the user last could, or say why not.
                let refused = IpcError::from(e);
                *guard = Store::open_with(&dir, passphrase).map_err(IpcError::from);
                Err(refused)
            }
        }
    }
}

/// Today in the UK: the app's only clock read.
pub fn today() -> NaiveDate {
    convene_core::time::uk_date_of(chrono::Utc::now())
}

/// The day's backup and caseload snapshot. A failure here must not stop the practitioner
/// working: the next start tries again.
pub(crate) fn daily_upkeep(store: &Store, now: chrono::DateTime<chrono::Utc>) {
    let _ = store.daily_backup_if_due(now);
    let day = convene_core::time::uk_date_of(now);
    if let (Ok(ds), Ok(settings)) = (store.load_dataset(), store.settings()) {
        let rows = convene_core::caseload::snapshot(&convene_core::caseload::caseloads(&ds, &settings.caseloads, day));
        let _ = store.record_caseloads_if_due(day, &rows);
    }
}
