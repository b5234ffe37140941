//! Backups: versioned JSON exports written atomically (temporary file, fsync, rename, fsync of
//! the folder) into `<data dir>/backups/`, rotated per kind; and restore, which keeps the data it
//! replaces (renamed aside, never deleted).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::error::{Result, StoreError};
use crate::transfer::parse_export_with;
use crate::Store;
use convene_core::views::Progress;

/// Why a backup was taken; each kind keeps its own newest few.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    Daily,
    BeforeMigration,
    BeforeImport,
    BeforeRestore,
    Manual,
}

impl BackupKind {
    fn tag(&self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::BeforeImport => "before-import",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::Manual => "manual",
        }
    }
    fn keep(&self) -> usize {
        match self {
            BackupKind::Daily => 14,
            _ => 5,
        }
    }
}

pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

fn io_err(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Write `bytes` to `path` atomically: a crash leaves the old file or the new, never half. The
/// file is readable by its owner only (0600 on Unix): backups and exports hold children's records.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("convene");
    // A name no one can guess, created new: a file or link planted in a shared folder is never
    // written through, and the new file is 0600 from the start.
    let tmp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
    let result = (|| -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut f = options.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Persist the rename itself.
        std::fs::File::open(dir)?.sync_all()
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err(path, e)
    })
}

/// Re-key the database a restore kept aside (`db.replaced-*`) under `pass`, in place: it is
/// moved into a working folder of its own, re-keyed there as a store would be (records, settings
/// and audit trail carried over, the plaintext deleted), and moved back.
fn seal_kept_aside(data_dir: &Path, aside: &Path, pass: &str, now: DateTime<Utc>) -> Result<()> {
    let work = data_dir.join(format!(".seal-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir(&work).map_err(|e| io_err(&work, e))?;
    std::fs::rename(aside, work.join("db")).map_err(|e| io_err(aside, e))?;
    let result = crate::rekey::change_passphrase(&work, None, Some(pass), now).map(drop);
    // The re-key's own backup of it is not wanted: the before-restore backup is the way back.
    let _ = std::fs::remove_dir_all(work.join("backups"));
    std::fs::rename(work.join("db"), aside).map_err(|e| io_err(aside, e))?;
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Backup files in a data dir, newest first.
pub fn list_backups(data_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(backups_dir(data_dir))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("convene-") && n.ends_with(".json"))
                })
                .collect()
        })
        .unwrap_or_default();
    // Names start with a sortable UTC timestamp.
    files.sort();
    files.reverse();
    files
}

impl Store {
    /// Export to `path` atomically.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        write_atomically(path, self.export()?.as_bytes())
    }

    /// Take a backup of this kind into the backups folder and rotate old ones of the same kind.
    pub fn backup(&self, kind: BackupKind, now: DateTime<Utc>) -> Result<PathBuf> {
        self.backup_text(kind, now, &self.export()?)
    }

    fn backup_text(&self, kind: BackupKind, now: DateTime<Utc>, text: &str) -> Result<PathBuf> {
        let dir = backups_dir(self.path());
        let path = dir.join(format!("convene-{}-{}.json", now.format("%Y%m%dT%H%M%SZ"), kind.tag()));
        write_atomically(&path, text.as_bytes())?;
        let suffix = format!("-{}.json", kind.tag());
        let same: Vec<PathBuf> = list_backups(self.path())
            .into_iter()
            .filter(|p| p.to_string_lossy().ends_with(&suffix))
            .collect();
        for old in same.iter().skip(kind.keep()) {
            let _ = std::fs::remove_file(old);
        }
        Ok(path)
    }

    /// A daily backup, if none has been taken today (UTC date) and there is data to keep.
    pub fn daily_backup_if_due(&self, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
        if self.is_empty() {
            return Ok(None);
        }
        let today = format!("convene-{}", now.format("%Y%m%d"));
        let done = list_backups(self.path()).iter().any(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&today) && n.ends_with("-daily.json"))
        });
        if done {
            return Ok(None);
        }
        self.backup(BackupKind::Daily, now).map(Some)
    }
}

/// Restore `backup` into `data_dir`. The backup is checked whole first; the current store (even
/// one that cannot be opened) is moved aside to `db.replaced-<time>`, never deleted; a store
/// that is open in another program is refused.
pub fn restore(data_dir: &Path, backup: &Path, now: DateTime<Utc>) -> Result<Store> {
    restore_with(data_dir, backup, None, now)
}

/// As `restore`, for encrypted data: `passphrase` opens the backup (and the current store), and
/// the restored store is encrypted again with it.
pub fn restore_with(data_dir: &Path, backup: &Path, passphrase: Option<&str>, now: DateTime<Utc>) -> Result<Store> {
    restore_with_progress(data_dir, backup, passphrase, now, &mut |_| {})
}

/// As `restore_with`, telling `progress` each of its five steps as it starts (the last when done).
pub fn restore_with_progress(
    data_dir: &Path,
    backup: &Path,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Store> {
    let checked = check_restore(backup, passphrase, progress)?;
    restore_checked(data_dir, checked, passphrase, now, progress)
}

const RESTORE_STEPS: u32 = 5;
/// Larger than any backup: a large authority's 4,400 meetings export to about 20 MB, and the
/// audit trail a backup carries adds about 2 KB for each change saved (a meeting before and
/// after), some 500 MB only after a quarter of a million changes. A file picked by mistake (a
/// disk image, a video) is refused before it is read into memory.
pub const MAX_RESTORE_BYTES: u64 = 1_000_000_000;

/// A backup or export file read whole and checked, ready to replace the data: what
/// `check_restore` gives `restore_checked`.
pub struct CheckedRestore {
    text: String,
    encrypted: bool,
    children: usize,
    meetings: usize,
}

/// Steps 1 and 2 of a restore: read `backup`, open it with `passphrase` if it is encrypted, and
/// check every record. Nothing in the data folder is touched, so the current store can stay
/// open while this runs and a refused file changes nothing.
pub fn check_restore(
    backup: &Path,
    passphrase: Option<&str>,
    progress: &mut dyn FnMut(Progress),
) -> Result<CheckedRestore> {
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    progress(Progress::new(1, RESTORE_STEPS, format!("Reading {name}")));
    let size = std::fs::metadata(backup).map_err(|e| io_err(backup, e))?.len();
    if size > MAX_RESTORE_BYTES {
        return Err(StoreError::ImportMalformed {
            detail: format!(
                "it is {} MB, more than any Convene backup (the limit is {} MB): is it the right file?",
                size / 1_000_000,
                MAX_RESTORE_BYTES / 1_000_000
            ),
        });
    }
    let text = std::fs::read_to_string(backup).map_err(|e| io_err(backup, e))?;
    let file = parse_export_with(&text, passphrase)?;
    let (children, meetings) = (file.data.children.len(), file.data.meetings.len());
    progress(Progress::new(
        2,
        RESTORE_STEPS,
        format!("Checking {children} children, {meetings} meetings and their records"),
    ));
    file.data.validate().map_err(StoreError::ImportInvalid)?;
    crate::writes::checked_settings(&file.settings, &file.data)?;
    let encrypted = crate::transfer::is_encrypted_export(&text);
    Ok(CheckedRestore {
        text,
        encrypted,
        children,
        meetings,
    })
}

/// Refuse a restore that would change how `current` is protected: encrypted data is replaced
/// only by a backup sealed with its own passphrase (`passphrase` is the backup's). Checked on the
/// open store before it is closed, so a refusal leaves it open and unlocked.
pub fn refuse_protection_change(current: &Store, checked: &CheckedRestore, passphrase: Option<&str>) -> Result<()> {
    if !current.is_encrypted() {
        return Ok(());
    }
    match passphrase {
        Some(p) if checked.encrypted && current.passphrase_opens(p)? => Ok(()),
        _ => Err(StoreError::RestoreChangesEncryption),
    }
}

/// Steps 3 to 5: keep the current data aside (a before-restore backup when it can be read, and
/// the folder renamed `db.replaced-<time>`), then write the checked file into a new store. The
/// current store must be closed first: sled locks its folder.
pub fn restore_checked(
    data_dir: &Path,
    checked: CheckedRestore,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Store> {
    let CheckedRestore {
        text,
        encrypted,
        children,
        meetings,
    } = checked;
    progress(Progress::new(3, RESTORE_STEPS, "Keeping the current data aside"));
    let mut sealing = None;
    // What of the current data is kept, other than its folder: only then may a sealing restore
    // delete the folder (a damaged store's folder is its only copy, kept even in clear).
    enum Kept {
        Folder,
        Nothing,
        Backup(PathBuf),
    }
    let mut kept = Kept::Folder;
    match Store::open_with(data_dir, passphrase) {
        Err(e @ StoreError::Locked { .. }) => return Err(e),
        // Encrypted data is replaced only by a backup sealed with its own passphrase: a
        // plaintext backup would write the children's records in clear from now on, and
        // another passphrase would lock the user out at the next start.
        Err(StoreError::PassphraseNeeded { .. } | StoreError::WrongPassphrase) => {
            return Err(StoreError::RestoreChangesEncryption)
        }
        Ok(current) if current.is_encrypted() && !encrypted => return Err(StoreError::RestoreChangesEncryption),
        Ok(current) => {
            // (The app checks this on its open store first, `refuse_protection_change`.)
            // Plain data replaced by an encrypted backup: from now on the data is encrypted, so
            // its before-restore backup is sealed with the same passphrase and what it replaces
            // is not left in clear (as turning encryption on does).
            sealing = passphrase.filter(|_| encrypted && !current.is_encrypted());
            if current.is_empty() {
                kept = Kept::Nothing;
            } else {
                let taken = match sealing {
                    Some(pass) => current
                        .export_sealed_with(pass)
                        .and_then(|text| current.backup_text(BackupKind::BeforeRestore, now, &text)),
                    None => current.backup(BackupKind::BeforeRestore, now),
                };
                match taken {
                    Ok(path) => kept = Kept::Backup(path),
                    // A damaged record cannot be exported; the folder itself is kept aside below,
                    // so the restore that repairs it goes ahead.
                    Err(StoreError::Corrupt { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            drop(current);
        }
        Err(_) => {} // unreadable: it is kept aside below
    }
    let db = data_dir.join("db");
    let mut aside = None;
    if db.exists() {
        let to = data_dir.join(format!("db.replaced-{}", now.format("%Y%m%dT%H%M%SZ")));
        std::fs::rename(&db, &to).map_err(|e| io_err(&db, e))?;
        aside = Some(to);
    }
    let mut store = Store::open(data_dir)?;
    if let Some(pass) = passphrase.filter(|_| encrypted) {
        // Encrypted before anything is written: no plaintext copy ever reaches the disk.
        crate::rekey::encrypt_empty(&mut store, pass)?;
    }
    progress(Progress::new(
        4,
        RESTORE_STEPS,
        format!("Writing {children} children, {meetings} meetings and their records"),
    ));
    let imported = store.import_with(&text, passphrase)?;
    if let Some(pass) = sealing {
        // The data is encrypted from now on: the database kept aside is re-keyed under the same
        // passphrase (its records and audit trail stay, no longer in clear), and the older
        // plaintext backups and kept-aside databases go, as turning encryption on does. A store
        // that could not be read whole (`Kept::Folder`) is left as it is: its folder is its only
        // copy, and re-keying needs it readable.
        if !matches!(kept, Kept::Folder) {
            let backup = match &kept {
                Kept::Backup(path) => Some(path.as_path()),
                _ => None,
            };
            if let Some(aside) = aside.as_deref() {
                // Refused by the re-key (a damaged audit trail), it stays in clear rather than
                // be lost.
                let _ = seal_kept_aside(data_dir, aside, pass, now);
            }
            let keep: Vec<&Path> = [backup, aside.as_deref()].into_iter().flatten().collect();
            crate::rekey::remove_plaintext_leftovers(data_dir, &keep)?;
        }
    }
    progress(Progress::new(
        5,
        RESTORE_STEPS,
        match &imported.audit_problem {
            None => format!("Done: {children} children and {meetings} meetings"),
            Some(what) => format!(
                "Done: {children} children and {meetings} meetings. {}",
                audit_problem_sentence("backup", what)
            ),
        },
    ));
    Ok(store)
}

/// What to tell the user when a file's audit trail did not verify (`Imported::audit_problem`);
/// `file` names it ("backup", "file").
pub fn audit_problem_sentence(file: &str, what: &str) -> String {
    format!(
        "The {file}'s record of who changed what does not verify ({what}), so it was not taken as this data's history: it is kept, whole, in the audit entry of this restore or import."
    )
}
