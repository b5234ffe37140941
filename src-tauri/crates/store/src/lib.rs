//! Convene's store: the only crate that knows sled.
//!
//! Architecture invariants:
//! - every write runs in one sled transaction across the record tree and its index trees;
//! - every write is flushed to disk before the call returns `Ok` (the UI acknowledges only then);
//! - records are validated (core rules, references) before they are written;
//! - the schema version is checked on open; older stores are migrated, newer ones refused.

pub mod audit;
pub mod backup;
mod codec;
pub mod crypto;
pub mod data_dir;
pub mod error;
mod keys;
mod migrate;
mod records;
mod rekey;
mod transfer;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use convene_core::caseload::CaseloadSnapshot;
use convene_core::dataset::{ChildBundle, Dataset};
use convene_core::settings::Settings;
use convene_core::validate::Lookup;
use convene_core::*;
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional, TransactionalTree};
use sled::Tree;

pub use error::{Result, StoreError};
pub use records::Record;
use records::{T, TREE_NAMES};
pub use rekey::change_passphrase;
pub use transfer::{parse_export_with, ExportFile, EXPORT_FORMAT, EXPORT_VERSION};

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

/// What an integrity check found.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckReport {
    pub records: usize,
    pub index_entries: usize,
    pub problems: Vec<String>,
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

impl Store {
    /// Open (or create) the store in `dir`. A store held by another process gives
    /// `StoreError::Locked`; one that cannot be read gives `StoreError::Corrupt`; an encrypted
    /// one needs its passphrase (`open_with`).
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_with(dir, None)
    }

    /// Open with the passphrase of an encrypted store (ignored when it is not encrypted).
    pub fn open_with(dir: &Path, passphrase: Option<&str>) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?;
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

    fn ids_with_prefix(&self, t: T, prefix: &[u8]) -> Result<Vec<[u8; 16]>> {
        let mut out = Vec::new();
        for kv in self.tree(t).scan_prefix(prefix).keys() {
            if let Some(id) = keys::trailing_id(&kv?) {
                out.push(id);
            }
        }
        Ok(out)
    }

    fn load_ids<R: Record>(&self, ids: &[[u8; 16]]) -> Result<Vec<R>> {
        ids.iter().map(|id| self.require::<R>(id)).collect()
    }

    /// One child with their events (date order), meetings and episodes, via the indexes.
    pub fn child_bundle(&self, id: ChildId) -> Result<ChildBundle> {
        let child: Child = self.require(id.as_bytes())?;
        let p = id.as_bytes();
        Ok(ChildBundle {
            child,
            events: self.load_ids(&self.ids_with_prefix(T::ChildEvents, p)?)?,
            meetings: self.load_ids(&self.ids_with_prefix(T::ChildMeetings, p)?)?,
            episodes: self.load_ids(&self.ids_with_prefix(T::ChildEpisodes, p)?)?,
        })
    }

    /// Meetings a person is involved in (chair, minute-taker or invitee).
    pub fn meetings_of_person(&self, id: PersonId) -> Result<Vec<Meeting>> {
        self.load_ids(&self.ids_with_prefix(T::PersonMeetings, id.as_bytes())?)
    }

    /// Meetings starting in `[from, to)`, in time order, via the start-time index.
    pub fn meetings_between(
        &self,
        from: chrono::DateTime<chrono::FixedOffset>,
        to: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<Vec<Meeting>> {
        let (a, b) = (keys::instant(&from), keys::instant(&to));
        let mut ids = Vec::new();
        for k in self.tree(T::MeetingsByStart).range(a..b).keys() {
            if let Some(id) = keys::trailing_id(&k?) {
                ids.push(id);
            }
        }
        self.load_ids(&ids)
    }

    /// What a calendar of the UK days `from..=to` reads, without loading every record: the
    /// meetings starting in those days (via the start-time index, in time order), every venue,
    /// and, when a team's meetings are wanted (`with_people`), every person. Children are left
    /// out: `add_children_of` adds the ones a page shows.
    pub fn calendar_data(&self, from: NaiveDate, to: NaiveDate, with_people: bool) -> Result<Dataset> {
        let midnight = |d: NaiveDate| time::london(d.and_time(chrono::NaiveTime::MIN));
        let after = to
            .succ_opt()
            .ok_or_else(|| ValidationError::BadDate { text: to.to_string() })?;
        Ok(Dataset {
            meetings: self.meetings_between(midnight(from)?, midnight(after)?)?,
            venues: self.all()?,
            people: if with_people { self.all()? } else { vec![] },
            ..Default::default()
        })
    }

    /// Add to `ds` the children of those of its meetings that are in `shown` (once each).
    pub fn add_children_of(&self, ds: &mut Dataset, shown: &[MeetingId]) -> Result<()> {
        let shown: std::collections::HashSet<&MeetingId> = shown.iter().collect();
        let mut ids: Vec<ChildId> = ds
            .meetings
            .iter()
            .filter(|m| shown.contains(&m.id))
            .flat_map(|m| m.children.iter().copied())
            .collect();
        ids.sort();
        ids.dedup();
        ids.retain(|id| !ds.children.iter().any(|c| c.id == *id));
        for id in ids {
            if let Some(c) = self.get::<Child>(id.as_bytes())? {
                ds.children.push(c);
            }
        }
        Ok(())
    }

    /// Every record, as one dataset in canonical (id) order.
    pub fn load_dataset(&self) -> Result<Dataset> {
        let mut ds = Dataset {
            agencies: self.all()?,
            teams: self.all()?,
            people: self.all()?,
            venues: self.all()?,
            children: self.all()?,
            episodes: self.all()?,
            meetings: self.all()?,
            events: self.all()?,
            busy: self.all()?,
            history: self.all_history()?,
            caseload_snapshots: self.caseload_history(None)?,
        };
        ds.sort();
        Ok(ds)
    }

    pub fn is_empty(&self) -> bool {
        records::ALL_RECORD_TREES.iter().all(|t| self.tree(*t).is_empty())
    }

    pub fn settings(&self) -> Result<Settings> {
        match self.tree(T::Meta).get(SETTINGS_KEY)? {
            None => Ok(Settings::default()),
            Some(bytes) => self.codec.decode(&bytes).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                detail: format!("the settings are unreadable: {e}"),
            }),
        }
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<()> {
        let mut s = settings.clone();
        s.normalise();
        // Refuse settings that would make every date unanswerable.
        s.pack().map_err(|e| StoreError::Settings(e.to_string()))?;
        if let Some(me) = s.me {
            if !self.has_person(me) {
                return Err(StoreError::NotFound {
                    what: "person",
                    id: me.to_string(),
                });
            }
        }
        let bytes = self.codec.encode(&s)?;
        let before = self.settings()?;
        let audited = audit::Change {
            action: "settings",
            record: "settings",
            id: String::new(),
            children: vec![],
            before: to_value(&before),
            after: to_value(&s),
        };
        self.transact(&[audited], |tx| {
            tx[T::Meta as usize].insert(SETTINGS_KEY, bytes.as_slice())?;
            Ok(())
        })?;
        self.set_practitioner(s.me);
        Ok(())
    }

    /// Write a whole, already validated dataset (import, demo) in one transaction.
    pub fn write_dataset(&self, ds: &Dataset) -> Result<()> {
        self.write_dataset_with(ds, &[], None)
    }

    /// Write a dataset; `changes` replaces the default "import" audit entry when not empty.
    /// `settings`, when given, are checked against the dataset first and written in the same
    /// transaction, so an import either lands whole or changes nothing.
    pub(crate) fn write_dataset_with(
        &self,
        ds: &Dataset,
        changes: &[audit::Change],
        settings: Option<&Settings>,
    ) -> Result<()> {
        ds.validate().map_err(StoreError::ImportInvalid)?;
        let settings = match settings {
            Some(s) => Some(self.checked_settings_for(s, ds)?),
            None => None,
        };
        fn add<R: Record>(codec: &codec::Codec, out: &mut Vec<Encoded>, rs: &[R]) -> Result<()> {
            for r in rs {
                out.push(Encoded::new(codec, r)?);
            }
            Ok(())
        }
        let mut encoded = Vec::new();
        add(&self.codec, &mut encoded, &ds.agencies)?;
        add(&self.codec, &mut encoded, &ds.teams)?;
        add(&self.codec, &mut encoded, &ds.people)?;
        add(&self.codec, &mut encoded, &ds.venues)?;
        add(&self.codec, &mut encoded, &ds.children)?;
        add(&self.codec, &mut encoded, &ds.episodes)?;
        add(&self.codec, &mut encoded, &ds.meetings)?;
        add(&self.codec, &mut encoded, &ds.events)?;
        add(&self.codec, &mut encoded, &ds.busy)?;
        let mut history: Vec<(T, Vec<u8>, Vec<u8>)> = Vec::new();
        let mut counts: std::collections::HashMap<MeetingId, u32> = Default::default();
        for h in &ds.history {
            let n = counts.entry(h.meeting).or_default();
            let bytes = self.codec.encode(h)?;
            history.push((
                T::MeetingHistory,
                keys::concat(&[h.meeting.as_bytes(), &n.to_be_bytes()]),
                bytes,
            ));
            *n += 1;
        }
        for c in &ds.caseload_snapshots {
            history.push(snapshot_entry(&self.codec, c)?);
        }
        if let Some(s) = &settings {
            history.push((T::Meta, SETTINGS_KEY.to_vec(), self.codec.encode(s)?));
        }
        let summary = audit::Change {
            action: "import",
            record: "dataset",
            id: String::new(),
            children: vec![],
            before: None,
            after: Some(serde_json::json!({
                "children": ds.children.len(),
                "people": ds.people.len(),
                "meetings": ds.meetings.len(),
                "events": ds.events.len(),
                "episodes": ds.episodes.len(),
            })),
        };
        if changes.is_empty() {
            self.write_all(&encoded, &history, &[summary])?;
        } else {
            self.write_all(&encoded, &history, changes)?;
        }
        if let Some(s) = settings {
            self.set_practitioner(s.me);
        }
        Ok(())
    }

    /// Imported settings, normalised, refused unless their rule pack builds and "who am I"
    /// names a person in the dataset being written.
    fn checked_settings_for(&self, settings: &Settings, ds: &Dataset) -> Result<Settings> {
        let mut s = settings.clone();
        s.normalise();
        s.pack()
            .map_err(|e| StoreError::ImportMalformed { detail: e.to_string() })?;
        if let Some(me) = s.me {
            if !ds.people.iter().any(|p| p.id == me) {
                return Err(StoreError::ImportMalformed {
                    detail: format!(
                        "its settings name practitioner {me} as \"who am I\", but no such person is in the file"
                    ),
                });
            }
        }
        Ok(s)
    }

    fn write_all(
        &self,
        encoded: &[Encoded],
        history: &[(T, Vec<u8>, Vec<u8>)],
        changes: &[audit::Change],
    ) -> Result<()> {
        self.transact(changes, |tx| {
            for e in encoded {
                e.insert(tx)?;
            }
            for (tree, k, v) in history {
                tx[*tree as usize].insert(k.as_slice(), v.as_slice())?;
            }
            Ok(())
        })
    }

    /// Keep today's caseloads, unless a snapshot for that day is already kept. Returns whether
    /// it wrote. Snapshots are derived figures, not changes to records: they are not audited.
    pub fn record_caseloads_if_due(&self, date: NaiveDate, rows: &[CaseloadSnapshot]) -> Result<bool> {
        let day = keys::day(date);
        if self.tree(T::CaseloadSnapshots).scan_prefix(day).next().is_some() || rows.is_empty() {
            return Ok(false);
        }
        let entries = rows
            .iter()
            .map(|r| snapshot_entry(&self.codec, &CaseloadSnapshot { date, ..*r }))
            .collect::<Result<Vec<_>>>()?;
        self.transact(&[], |tx| {
            for (tree, k, v) in &entries {
                tx[*tree as usize].insert(k.as_slice(), v.as_slice())?;
            }
            Ok(())
        })?;
        Ok(true)
    }

    /// Kept caseload snapshots in date order (all, or from a day on).
    pub fn caseload_history(&self, from: Option<NaiveDate>) -> Result<Vec<CaseloadSnapshot>> {
        let tree = self.tree(T::CaseloadSnapshots);
        let iter = match from {
            Some(d) => tree.range(keys::day(d).to_vec()..),
            None => tree.iter(),
        };
        iter.values()
            .map(|v| {
                self.codec.decode(&v?).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: format!("a caseload snapshot is unreadable: {e}"),
                })
            })
            .collect()
    }

    fn all_history(&self) -> Result<Vec<MeetingHistoryEntry>> {
        self.tree(T::MeetingHistory)
            .iter()
            .values()
            .map(|v| {
                self.codec.decode(&v?).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: format!("a meeting history entry is unreadable: {e}"),
                })
            })
            .collect()
    }

    /// A meeting's history, oldest first.
    pub fn meeting_history(&self, id: MeetingId) -> Result<Vec<MeetingHistoryEntry>> {
        self.tree(T::MeetingHistory)
            .scan_prefix(id.as_bytes())
            .values()
            .map(|v| {
                self.codec.decode(&v?).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: format!("a meeting history entry is unreadable: {e}"),
                })
            })
            .collect()
    }

    /// Save a meeting (validated) and append what happened to its history, in one transaction.
    pub fn save_meeting(
        &self,
        m: &Meeting,
        change: MeetingChange,
        at: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<()> {
        self.save_meeting_with(m, change, at, &[])
    }

    /// Record a meeting's outcome: the meeting (now held), its history entry, and the episodes
    /// the decision opens, changes or closes, all in one transaction.
    pub fn record_outcome(
        &self,
        effects: &convene_core::outcome::OutcomeEffects,
        at: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<()> {
        let summary = match effects.meeting.outcome.as_ref().and_then(|o| o.decision) {
            Some(d) => format!("Held: {}", d.describe()),
            None => "Held".to_string(),
        };
        self.save_meeting_with(
            &effects.meeting,
            MeetingChange::OutcomeRecorded { summary },
            at,
            &effects.episodes,
        )
    }

    fn save_meeting_with(
        &self,
        m: &Meeting,
        change: MeetingChange,
        at: chrono::DateTime<chrono::FixedOffset>,
        episodes: &[Episode],
    ) -> Result<()> {
        m.validate(self)?;
        let mut episode_changes = Vec::with_capacity(episodes.len());
        let mut encoded_episodes = Vec::with_capacity(episodes.len());
        for e in episodes {
            e.validate(self)?;
            let before: Option<Episode> = self.get(&e.key())?;
            if before.as_ref().is_some_and(|b| b.child != e.child) {
                return Err(StoreError::Invalid(ValidationError::UnknownReference {
                    what: "Episode of this child",
                    id: e.id.to_string(),
                }));
            }
            episode_changes.push(audited("save", before.as_ref(), Some(e)));
            encoded_episodes.push(Encoded::new(&self.codec, e)?);
        }
        let seq = self.tree(T::MeetingHistory).scan_prefix(m.id.as_bytes()).count() as u32;
        let entry = MeetingHistoryEntry {
            meeting: m.id,
            at,
            change,
        };
        let entry_bytes = self.codec.encode(&entry)?;
        let bytes = self.codec.encode(m)?;
        let key = m.key();
        let new_index = m.index_keys();
        let path = self.path.clone();
        let before: Option<Meeting> = self.get(&key)?;
        let mut audited = audited("save", before.as_ref(), Some(m));
        audited.action = match &entry.change {
            MeetingChange::Created => "create",
            MeetingChange::Rescheduled { .. } => "reschedule",
            MeetingChange::Cancelled { .. } => "cancel",
            MeetingChange::Updated => "save",
            MeetingChange::OutcomeRecorded { .. } => "outcome",
        };
        let mut changes = vec![audited];
        changes.extend(episode_changes);
        self.transact(&changes, |tx| {
            for e in &encoded_episodes {
                e.insert(tx)?;
            }
            if let Some(old) = tx[T::Meetings as usize].get(key)? {
                let old: Meeting = self.codec.decode(&old).map_err(|e| {
                    abort(StoreError::Corrupt {
                        path: path.clone(),
                        detail: format!("a stored meeting is unreadable: {e}"),
                    })
                })?;
                for (t, k) in old.index_keys() {
                    tx[t as usize].remove(k)?;
                }
            }
            tx[T::Meetings as usize].insert(&key[..], bytes.as_slice())?;
            for (t, k) in &new_index {
                tx[*t as usize].insert(k.as_slice(), &[][..])?;
            }
            let hk = keys::concat(&[m.id.as_bytes(), &seq.to_be_bytes()]);
            tx[T::MeetingHistory as usize].insert(hk, entry_bytes.as_slice())?;
            Ok(())
        })
    }

    /// An owner's busy blocks, by start time.
    pub fn busy_of(&self, owner: BusyOwner) -> Result<Vec<BusyBlock>> {
        self.load_ids(&self.ids_with_prefix(T::OwnerBusy, &records::owner_prefix(&owner))?)
    }

    /// Replace an owner's imported blocks (those with a `source`) by `blocks`, in one transaction.
    pub fn replace_imported_busy(&self, owner: BusyOwner, blocks: &[BusyBlock]) -> Result<(usize, usize)> {
        for b in blocks {
            b.validate(self)?;
            if b.owner != owner {
                return Err(StoreError::Database("a block belongs to someone else".into()));
            }
        }
        let old: Vec<BusyBlock> = self
            .busy_of(owner)?
            .into_iter()
            .filter(|b| b.source.is_some())
            .collect();
        let encoded: Vec<Encoded> = blocks
            .iter()
            .map(|b| Encoded::new(&self.codec, b))
            .collect::<Result<_>>()?;
        let summary = audit::Change {
            action: "import-calendar",
            record: "busy block",
            id: match owner {
                BusyOwner::Person(p) => p.to_string(),
                BusyOwner::Venue(v) => v.to_string(),
            },
            children: vec![],
            before: Some(serde_json::json!({ "imported_blocks": old.len() })),
            after: Some(serde_json::json!({ "imported_blocks": blocks.len() })),
        };
        self.transact(&[summary], |tx| {
            for b in &old {
                tx[T::BusyBlocks as usize].remove(&b.key()[..])?;
                for (t, k) in b.index_keys() {
                    tx[t as usize].remove(k)?;
                }
            }
            for e in &encoded {
                e.insert(tx)?;
            }
            Ok(())
        })?;
        Ok((old.len(), blocks.len()))
    }

    /// Every index entry points at a record that owns it, and every record's entries exist.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let mut expected: std::collections::HashSet<(usize, Vec<u8>)> = Default::default();
        fn collect<R: Record>(
            s: &Store,
            r: &mut CheckReport,
            exp: &mut std::collections::HashSet<(usize, Vec<u8>)>,
        ) -> Result<()> {
            for kv in s.tree(R::TREE).iter() {
                let (k, v) = kv?;
                r.records += 1;
                match s.codec.decode::<R>(&v) {
                    Ok(rec) => {
                        if rec.key()[..] != k[..] {
                            r.problems.push(format!("a {} is stored under the wrong key", R::WHAT));
                        }
                        for (t, key) in rec.index_keys() {
                            exp.insert((t as usize, key));
                        }
                    }
                    Err(e) => r.problems.push(format!("a {} cannot be read: {e}", R::WHAT)),
                }
            }
            Ok(())
        }
        collect::<Agency>(self, &mut report, &mut expected)?;
        collect::<Team>(self, &mut report, &mut expected)?;
        collect::<Person>(self, &mut report, &mut expected)?;
        collect::<Venue>(self, &mut report, &mut expected)?;
        collect::<Child>(self, &mut report, &mut expected)?;
        collect::<Episode>(self, &mut report, &mut expected)?;
        collect::<Meeting>(self, &mut report, &mut expected)?;
        collect::<Event>(self, &mut report, &mut expected)?;
        collect::<BusyBlock>(self, &mut report, &mut expected)?;
        for t in records::INDEX_TREES {
            for k in self.tree(t).iter().keys() {
                let k = k?.to_vec();
                report.index_entries += 1;
                if !expected.remove(&(t as usize, k)) {
                    report.problems.push(format!(
                        "index {} has an entry for a record that does not own it",
                        TREE_NAMES[t as usize]
                    ));
                }
            }
        }
        for (t, _) in expected {
            report
                .problems
                .push(format!("index {} is missing an entry", TREE_NAMES[t]));
        }
        Ok(report)
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

fn snapshot_entry(codec: &codec::Codec, c: &CaseloadSnapshot) -> Result<(T, Vec<u8>, Vec<u8>)> {
    Ok((
        T::CaseloadSnapshots,
        keys::concat(&[&keys::day(c.date), c.person.as_bytes()]),
        codec.encode(c)?,
    ))
}
