//! Convene's store: the only crate that knows sled.
//!
//! Architecture invariants:
//! - every write runs in one sled transaction across the record tree and its index trees;
//! - every write is flushed to disk before the call returns `Ok` (the UI acknowledges only then);
//! - records are validated (core rules, references) before they are written;
//! - the schema version is checked on open; older stores are migrated, newer ones refused.

pub mod audit;
pub mod backup;
mod busy;
mod check;
mod codec;
pub mod crypto;
pub mod data_dir;
mod directory;
pub mod error;
mod keys;
mod meetings;
mod migrate;
mod reads;
mod records;
mod rekey;
mod snapshots;
mod transfer;
mod writes;

use std::path::{Path, PathBuf};

use convene_core::validate::Lookup;
use convene_core::*;
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional, TransactionalTree};
use sled::Tree;

pub use check::CheckReport;
pub use error::{Result, StoreError};
pub use records::Record;
use records::{T, TREE_NAMES};
pub use rekey::change_passphrase;
pub use transfer::{is_encrypted_export, parse_export_with, ExportFile, EXPORT_FORMAT, EXPORT_VERSION};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;
const SCHEMA_KEY: &[u8] = b"schema_version";
pub(crate) const SETTINGS_KEY: &[u8] = b"settings";

pub struct Store {
    db: sled::Db,
    trees: Vec<Tree>,
    path: PathBuf,
    actor: std::sync::Mutex<audit::Actor>,
    codec: codec::Codec,
}

pub(crate) const CRYPTO_KEY: &[u8] = b"crypto";

pub(crate) const AUDIT_HEAD_KEY: &[u8] = b"audit_head";

fn to_value<R: serde::Serialize>(r: &R) -> Option<serde_json::Value> {
    serde_json::to_value(r).ok()
}

fn audited<R: Record>(action: &'static str, before: Option<&R>, after: Option<&R>) -> audit::Change {
    let id = after
        .or(before)
        .map(|r| uuid::Uuid::from_bytes(r.key()).to_string())
        .unwrap_or_default();
    let mut children: Vec<ChildId> = before.map(|r| r.children()).unwrap_or_default();
    for c in after.map(|r| r.children()).unwrap_or_default() {
        if !children.contains(&c) {
            children.push(c);
        }
    }
    audit::Change {
        action,
        record: R::WHAT,
        id,
        children,
        before: before.and_then(to_value),
        after: after.and_then(to_value),
    }
}

/// A record serialised with its key and index entries, ready to write inside a transaction.
struct Encoded {
    tree: T,
    key: [u8; 16],
    bytes: Vec<u8>,
    index: Vec<(T, Vec<u8>)>,
}

impl Encoded {
    fn new<R: Record>(codec: &codec::Codec, r: &R) -> Result<Encoded> {
        Ok(Encoded {
            tree: R::TREE,
            key: r.key(),
            bytes: codec.encode(r)?,
            index: r.index_keys(),
        })
    }

    fn insert(&self, tx: &[TransactionalTree]) -> std::result::Result<(), ConflictableTransactionError<StoreError>> {
        tx[self.tree as usize].insert(&self.key[..], self.bytes.as_slice())?;
        for (t, k) in &self.index {
            tx[*t as usize].insert(k.as_slice(), &[][..])?;
        }
        Ok(())
    }
}

fn abort(e: StoreError) -> ConflictableTransactionError<StoreError> {
    ConflictableTransactionError::Abort(e)
}

fn from_txn(e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => StoreError::from(e),
    }
}

/// Create the data folder if need be, readable by its owner only (0700 on Unix), and take
/// group and other access away from one that already exists: it holds children's records and
/// their backups, and on a shared machine the usual umask would let every user read them.
fn private_folder(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    Ok(())
}

impl Store {
    /// Open (or create) the store in `dir`. A store held by another process gives
    /// `StoreError::Locked`; one that cannot be read gives `StoreError::Corrupt`; an encrypted
    /// one needs its passphrase (`open_with`).
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_with(dir, None)
    }

    /// Open with the passphrase of an encrypted store (ignored when it is not encrypted).
    pub fn open_with(dir: &Path, passphrase: Option<&str>) -> Result<Store> {
        private_folder(dir).map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?;
        rekey::finish_interrupted_rekey(dir)?;
        let db_path = dir.join("db");
        // A store closed a moment ago (by this or another process) may still hold sled's file
        // lock while its background flusher stops: wait briefly before calling it locked.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(1500);
        let db = loop {
            match sled::Config::new()
                .path(&db_path)
                .open()
                .map_err(|e| open_error(dir, e))
            {
                Err(StoreError::Locked { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => break other?,
            }
        };
        let trees = TREE_NAMES
            .iter()
            .map(|n| db.open_tree(n))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| open_error(dir, e))?;
        let mut store = Store {
            db,
            trees,
            path: dir.to_path_buf(),
            actor: std::sync::Mutex::new(audit::Actor::from_environment()),
            codec: codec::Codec::default(),
        };
        if let Some(meta) = store.crypto_meta()? {
            let pass = passphrase.ok_or_else(|| StoreError::PassphraseNeeded {
                path: dir.to_path_buf(),
            })?;
            let cipher = crypto::Cipher::derive(pass, &meta.kdf)?;
            if !cipher.verifies(&meta) {
                return Err(StoreError::WrongPassphrase);
            }
            store.codec.cipher = Some(cipher);
        }
        migrate::bring_up_to_date(&store)?;
        let me = store.settings()?.me;
        store.set_practitioner(me);
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn tree(&self, t: T) -> &Tree {
        &self.trees[t as usize]
    }

    /// Durably persist everything written so far.
    fn flush(&self) -> Result<()> {
        self.db.flush().map_err(StoreError::from)?;
        Ok(())
    }

    pub fn schema_version(&self) -> Result<Option<u32>> {
        Ok(self
            .tree(T::Meta)
            .get(SCHEMA_KEY)?
            .and_then(|v| v.as_ref().try_into().ok().map(u32::from_be_bytes)))
    }

    fn set_schema_version(&self, v: u32) -> Result<()> {
        self.tree(T::Meta).insert(SCHEMA_KEY, &v.to_be_bytes())?;
        self.flush()
    }

    /// The encryption parameters, if this store is encrypted (kept in clear).
    fn crypto_meta(&self) -> Result<Option<crypto::CryptoMeta>> {
        match self.tree(T::Meta).get(CRYPTO_KEY)? {
            None => Ok(None),
            Some(b) => serde_json::from_slice(&b).map(Some).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                detail: format!("the encryption settings are unreadable: {e}"),
            }),
        }
    }

    pub fn is_encrypted(&self) -> bool {
        self.codec.encrypted()
    }

    /// Whether `passphrase` is this encrypted store's own (Argon2: takes a moment). Always false
    /// for a store that is not encrypted.
    pub fn passphrase_opens(&self, passphrase: &str) -> Result<bool> {
        let Some(meta) = self.crypto_meta()? else {
            return Ok(false);
        };
        Ok(crypto::Cipher::derive(passphrase, &meta.kdf)?.verifies(&meta))
    }

    /// The practitioner profile recorded with changes (alongside the OS user).
    pub fn set_practitioner(&self, me: Option<PersonId>) {
        if let Ok(mut a) = self.actor.lock() {
            a.practitioner = me;
        }
    }

    /// Run `f` in one transaction over every tree, append `changes` to the audit chain in the
    /// same transaction, then flush.
    fn transact<R>(
        &self,
        changes: &[audit::Change],
        f: impl Fn(&[TransactionalTree]) -> std::result::Result<R, ConflictableTransactionError<StoreError>>,
    ) -> Result<R> {
        let actor = self
            .actor
            .lock()
            .map(|a| a.clone())
            .unwrap_or_else(|_| audit::Actor::from_environment());
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let refs: Vec<&Tree> = self.trees.iter().collect();
        let out = refs
            .as_slice()
            .transaction(|tx| {
                let out = f(tx)?;
                if !changes.is_empty() {
                    let head: audit::Head = match tx[T::Meta as usize].get(AUDIT_HEAD_KEY)? {
                        Some(b) => self.codec.decode(&b).map_err(|e| abort(StoreError::Database(e)))?,
                        None => audit::Head::default(),
                    };
                    let (entries, head) = audit::chain(&head, &actor, &at, changes).map_err(abort)?;
                    for e in &entries {
                        let bytes = self.codec.encode(e).map_err(abort)?;
                        tx[T::Audit as usize].insert(&e.seq.to_be_bytes()[..], bytes)?;
                    }
                    let head = self.codec.encode(&head).map_err(abort)?;
                    tx[T::Meta as usize].insert(AUDIT_HEAD_KEY, head)?;
                }
                Ok(out)
            })
            .map_err(from_txn)?;
        self.flush()?;
        Ok(out)
    }

    /// The whole audit trail, in order.
    pub fn audit_entries(&self) -> Result<Vec<audit::AuditEntry>> {
        self.tree(T::Audit)
            .iter()
            .values()
            .map(|v| {
                self.codec.decode(&v?).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: format!("an audit entry is unreadable: {e}"),
                })
            })
            .collect()
    }

    /// When the latest change is an import or restore whose file's audit trail did not verify
    /// (kept inside that entry instead of as the store's history): what was wrong with it.
    pub fn last_import_audit_problem(&self) -> Option<String> {
        let (_, last) = self.tree(T::Audit).last().ok()??;
        let e: audit::AuditEntry = self.codec.decode(&last).ok()?;
        if e.action != "import" {
            return None;
        }
        e.before?.get("audit_problem")?.as_str().map(str::to_string)
    }

    /// The audit entries that can be read, in order, leaving out any that cannot: what exports
    /// and backups carry, which the trail must never stop (the chain then breaks at the gap, and
    /// an import of the file says so).
    pub(crate) fn readable_audit_entries(&self) -> Vec<audit::AuditEntry> {
        self.tree(T::Audit)
            .iter()
            .values()
            .filter_map(|v| self.codec.decode(&v.ok()?).ok())
            .collect()
    }

    /// `None` when the chain is intact, else the first bad entry and what is wrong with it.
    pub fn verify_audit(&self) -> Result<Option<(u64, String)>> {
        let entries = self.audit_entries()?;
        if let Some(b) = audit::first_break(&entries)? {
            return Ok(Some(b));
        }
        let head: audit::Head = match self.tree(T::Meta).get(AUDIT_HEAD_KEY)? {
            Some(b) => self.codec.decode(&b).map_err(StoreError::Database)?,
            None => audit::Head::default(),
        };
        let last = entries
            .last()
            .map(|e| (e.seq, e.hash.clone()))
            .unwrap_or((0, String::new()));
        if (head.seq, head.hash.as_str()) != (last.0, last.1.as_str()) {
            return Ok(Some((
                last.0 + 1,
                format!("entries after {} have been removed", last.0),
            )));
        }
        Ok(None)
    }

    fn decode<R: Record>(&self, bytes: &[u8]) -> Result<R> {
        self.codec.decode(bytes).map_err(|e| StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("a stored {} is unreadable: {e}", R::WHAT),
        })
    }

    /// Insert or replace one record, with its index entries, validated and flushed.
    pub fn put<R: Record>(&self, record: &R) -> Result<()> {
        record.validate(self)?;
        self.put_unchecked(std::slice::from_ref(record))
    }

    /// Refuse allocating a child to `person` unless they hold cases (`views::check_allocation`: a
    /// member of a children's social care team); no one is always allowed.
    pub fn check_allocation(&self, person: Option<PersonId>) -> Result<()> {
        if let Some(p) = person {
            let person: convene_core::Person = self.require(p.as_bytes())?;
            let agency: Option<convene_core::Agency> = self.get(person.agency.as_bytes())?;
            convene_core::views::check_allocation(&person, agency.as_ref())?;
        }
        Ok(())
    }

    /// Add `person` to the child's network as `role`, or take them off it (`linked: false`), and
    /// save the child (`views::link_person`, `views::unlink_person`); returns the child as saved.
    pub fn change_network(
        &self,
        child: convene_core::ChildId,
        person: PersonId,
        role: convene_core::NetworkRole,
        linked: bool,
    ) -> Result<convene_core::Child> {
        let child: convene_core::Child = self.require(child.as_bytes())?;
        let person: convene_core::Person = self.require(person.as_bytes())?;
        let changed = if linked {
            let agency: Option<convene_core::Agency> = self.get(person.agency.as_bytes())?;
            convene_core::views::link_person(&child, &person, agency.as_ref(), role)?
        } else {
            convene_core::views::unlink_person(&child, &person, role)?
        };
        self.put(&changed)?;
        Ok(changed)
    }

    /// Record two children as brother and sister (`linked`), or no longer, on both records in one
    /// transaction (`views::change_siblings`); returns both as saved.
    pub fn change_siblings(
        &self,
        child: convene_core::ChildId,
        sibling: convene_core::ChildId,
        linked: bool,
    ) -> Result<(convene_core::Child, convene_core::Child)> {
        let a: convene_core::Child = self.require(child.as_bytes())?;
        let b: convene_core::Child = self.require(sibling.as_bytes())?;
        let (a, b) = convene_core::views::change_siblings(&a, &b, linked)?;
        self.put_all(&[a.clone(), b.clone()])?;
        Ok((a, b))
    }

    /// Insert or replace several records of a kind in one transaction (each validated first), as
    /// one write: two children made brother and sister, say.
    pub fn put_all<R: Record>(&self, records: &[R]) -> Result<()> {
        for r in records {
            r.validate(self)?;
        }
        self.put_unchecked(records)
    }

    /// Write records in one transaction without validation (the caller validated them).
    fn put_unchecked<R: Record>(&self, records: &[R]) -> Result<()> {
        let encoded: Vec<Encoded> = records
            .iter()
            .map(|r| Encoded::new(&self.codec, r))
            .collect::<Result<_>>()?;
        let mut changes = Vec::with_capacity(records.len());
        for r in records {
            let before: Option<R> = self.get(&r.key())?;
            changes.push(audited("save", before.as_ref(), Some(r)));
        }
        let path = self.path.clone();
        self.transact(&changes, |tx| {
            for e in &encoded {
                if let Some(old) = tx[R::TREE as usize].get(e.key)? {
                    let old: R = self.codec.decode(&old).map_err(|e| {
                        abort(StoreError::Corrupt {
                            path: path.clone(),
                            detail: format!("a stored {} is unreadable: {e}", R::WHAT),
                        })
                    })?;
                    for (t, k) in old.index_keys() {
                        tx[t as usize].remove(k)?;
                    }
                }
                e.insert(tx)?;
            }
            Ok(())
        })
    }

    /// Remove one record and its index entries, flushed.
    pub fn delete<R: Record>(&self, id: &[u8; 16]) -> Result<()> {
        let old: R = self.require(id)?;
        let key = old.key();
        self.transact(&[audited::<R>("delete", Some(&old), None)], |tx| {
            tx[R::TREE as usize].remove(&key[..])?;
            for (t, k) in old.index_keys() {
                tx[t as usize].remove(k)?;
            }
            Ok(())
        })
    }

    pub fn get<R: Record>(&self, id: &[u8; 16]) -> Result<Option<R>> {
        match self.tree(R::TREE).get(id)? {
            Some(bytes) => Ok(Some(self.decode(&bytes)?)),
            None => Ok(None),
        }
    }

    /// Like `get`, but a missing record is an error naming it.
    pub fn require<R: Record>(&self, id: &[u8; 16]) -> Result<R> {
        self.get(id)?.ok_or_else(|| StoreError::NotFound {
            what: R::WHAT,
            id: uuid::Uuid::from_bytes(*id).to_string(),
        })
    }

    pub fn all<R: Record>(&self) -> Result<Vec<R>> {
        self.tree(R::TREE).iter().values().map(|v| self.decode(&v?)).collect()
    }

    pub fn count<R: Record>(&self) -> usize {
        self.tree(R::TREE).len()
    }

    /// No records, and no caseload snapshots (an import into leftover ones would mix two
    /// authorities' figures).
    pub fn is_empty(&self) -> bool {
        records::ALL_RECORD_TREES.iter().all(|t| self.tree(*t).is_empty()) && self.tree(T::CaseloadSnapshots).is_empty()
    }
}

impl Lookup for Store {
    fn has_child(&self, id: ChildId) -> bool {
        self.tree(T::Children).contains_key(id.as_bytes()).unwrap_or(false)
    }
    fn has_person(&self, id: PersonId) -> bool {
        self.tree(T::People).contains_key(id.as_bytes()).unwrap_or(false)
    }
    fn has_agency(&self, id: AgencyId) -> bool {
        self.tree(T::Agencies).contains_key(id.as_bytes()).unwrap_or(false)
    }
    fn has_team(&self, id: TeamId) -> bool {
        self.tree(T::Teams).contains_key(id.as_bytes()).unwrap_or(false)
    }
    fn has_venue(&self, id: VenueId) -> bool {
        self.tree(T::Venues).contains_key(id.as_bytes()).unwrap_or(false)
    }
    fn last_day(&self, id: PersonId) -> Option<(String, chrono::NaiveDate)> {
        // A person who cannot be read is `has_person`'s to report.
        let person: convene_core::Person = self.get(id.as_bytes()).ok().flatten()?;
        person.leaving()
    }
}

fn open_error(dir: &Path, e: sled::Error) -> StoreError {
    let text = e.to_string();
    let locked = match &e {
        sled::Error::Io(io) => io.kind() == std::io::ErrorKind::WouldBlock || text.contains("lock"),
        _ => false,
    };
    if locked {
        StoreError::Locked {
            path: dir.to_path_buf(),
        }
    } else if matches!(e, sled::Error::Io(_)) {
        StoreError::Io {
            path: dir.to_path_buf(),
            detail: text,
        }
    } else {
        StoreError::Corrupt {
            path: dir.to_path_buf(),
            detail: text,
        }
    }
}
