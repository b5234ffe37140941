//! Turning encryption on, changing the passphrase, or turning it off. The data is written whole
//! into a fresh sled database under the new key (so no old plaintext page survives in sled's
//! log), swapped in, and the old database, old backups and databases kept aside by restores are
//! deleted; the audit chain is
//! carried over entry for entry and the change is appended to it.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::audit::{self, AuditEntry};
use crate::backup::{list_backups, BackupKind};
use crate::crypto::{Cipher, CryptoMeta, KdfParams};
use crate::error::{Result, StoreError};
use crate::records::T;
use crate::{Store, CRYPTO_KEY, SETTINGS_KEY};

fn io(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Re-key the store in `dir`: `current` opens it (if it is encrypted), `new` is the new
/// passphrase, or `None` to store in clear. Returns the reopened store.
pub fn change_passphrase(dir: &Path, current: Option<&str>, new: Option<&str>, now: DateTime<Utc>) -> Result<Store> {
    if new.is_some_and(|p| p.chars().count() < 8) {
        return Err(StoreError::Settings("a passphrase needs at least 8 characters".into()));
    }
    let old = Store::open_with(dir, current)?;
    let was_encrypted = old.is_encrypted();
    let ds = old.load_dataset()?;
    let settings = old.settings()?;
    let entries: Vec<AuditEntry> = old.audit_entries()?;
    if let Some((seq, what)) = audit::first_break(&entries)? {
        return Err(StoreError::Settings(format!(
            "the audit trail is damaged at entry {seq} ({what}); it must be intact before re-keying"
        )));
    }
    // `old` stays open, holding sled's lock on the folder, while the new database is written
    // (the key derivation and a large store take seconds): no other program can open the data
    // and save into it meanwhile, only for that save to be deleted with the old database.

    let staging = dir.join(format!(".rekey-{}", now.format("%Y%m%dT%H%M%SZ")));
    let _ = std::fs::remove_dir_all(&staging);
    {
        let mut fresh = Store::open(&staging)?;
        if let Some(pass) = new {
            encrypt_empty(&mut fresh, pass)?;
        }
        fresh
            .tree(T::Meta)
            .insert(SETTINGS_KEY, fresh.codec.encode(&settings)?)?;
        let change = audit::Change {
            action: "encryption",
            record: "store",
            id: String::new(),
            children: vec![],
            before: Some(serde_json::json!({ "encrypted": was_encrypted })),
            after: Some(serde_json::json!({ "encrypted": new.is_some() })),
        };
        fresh.write_dataset_with(&ds, &[change], None, &entries)?;
    }
    // Swap: the fresh database is complete and flushed before the old one goes. Should the
    // process stop between the two renames, the next open finishes the swap
    // (`finish_interrupted_rekey`).
    drop(old);
    let db = dir.join("db");
    let retired = dir.join(format!("db.retired-{}", now.format("%Y%m%dT%H%M%SZ")));
    std::fs::rename(&db, &retired).map_err(|e| io(&db, e))?;
    std::fs::rename(staging.join("db"), &db).map_err(|e| io(&db, e))?;
    let _ = std::fs::remove_dir_all(&staging);
    // The old database and backups hold the data under the old key (or none): remove them.
    std::fs::remove_dir_all(&retired).map_err(|e| io(&retired, e))?;
    remove_plaintext_leftovers(dir, &[])?;
    let store = Store::open_with(dir, new)?;
    store.backup(BackupKind::Manual, now)?;
    Ok(store)
}

/// Remove what holds the data in clear or under an old key once the store in `dir` is under a
/// new one: every backup and the databases earlier restores kept aside (`db.replaced-*`), but
/// those in `keep`, and whatever an interrupted re-key left (`db.retired-*`, `.rekey-*`): whole
/// sled folders.
pub(crate) fn remove_plaintext_leftovers(dir: &Path, keep: &[&Path]) -> Result<()> {
    for b in list_backups(dir) {
        if !keep.contains(&b.as_path()) {
            std::fs::remove_file(&b).map_err(|e| io(&b, e))?;
        }
    }
    let leftovers = std::fs::read_dir(dir).map_err(|e| io(dir, e))?;
    for entry in leftovers.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if ["db.replaced-", "db.retired-", ".rekey-"]
            .iter()
            .any(|p| name.starts_with(p))
            && !keep.contains(&path.as_path())
        {
            std::fs::remove_dir_all(&path).map_err(|e| io(&path, e))?;
        }
    }
    Ok(())
}

/// Before opening the store in `dir`: when a re-key stopped between taking the old database
/// away and putting the new one in its place, there is no `db` but a complete `.rekey-*/db`
/// (written and flushed before the old one was moved): put it in place, rather than let sled
/// create an empty store over the user's data.
pub(crate) fn finish_interrupted_rekey(dir: &Path) -> Result<()> {
    let db = dir.join("db");
    if db.exists() {
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut staged: Vec<std::path::PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".rekey-"))
        .map(|e| e.path().join("db"))
        .filter(|p| p.exists())
        .collect();
    staged.sort();
    if let Some(newest) = staged.pop() {
        std::fs::rename(&newest, &db).map_err(|e| io(&newest, e))?;
    }
    Ok(())
}

/// Make a new, empty store encrypted with `passphrase` before anything is written to it.
pub(crate) fn encrypt_empty(store: &mut Store, passphrase: &str) -> Result<()> {
    if !store.is_empty() || store.is_encrypted() {
        return Err(StoreError::Settings(
            "only a new, empty store can be set up encrypted".into(),
        ));
    }
    let kdf = KdfParams::fresh();
    let cipher = Cipher::derive(passphrase, &kdf)?;
    let meta = CryptoMeta {
        check: cipher.check_value()?,
        kdf,
    };
    let meta = serde_json::to_vec(&meta).map_err(|e| StoreError::Database(e.to_string()))?;
    store.tree(T::Meta).insert(CRYPTO_KEY, meta)?;
    // Settings written in clear before (none in a new store) would now be unreadable.
    store.tree(T::Meta).remove(SETTINGS_KEY)?;
    store.codec.cipher = Some(cipher);
    store.db.flush()?;
    Ok(())
}
