//! The settings (read and saved) and writing a whole dataset (import, demo), each write in one
//! transaction.

use convene_core::dataset::Dataset;
use convene_core::settings::Settings;
use convene_core::validate::Lookup;
use convene_core::MeetingId;

use crate::error::{Result, StoreError};
use crate::records::{Record, T};
use crate::snapshots::snapshot_entry;
use crate::{abort, audit, codec, keys, to_value, Encoded, Store, AUDIT_HEAD_KEY, SETTINGS_KEY};

impl Store {
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
        // Refuse what an import of them would refuse (`Settings::check`: a known pack, rule time
        // limits in range, dates in the years Convene handles…), so every backup and export
        // taken afterwards can be restored.
        s.check().map_err(|e| StoreError::Settings(e.to_string()))?;
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
        self.write_dataset_with(ds, &[], None, &[]).map(|_| ())
    }

    /// Write a dataset; `changes` replaces the default "import" audit entry when not empty.
    /// `settings`, when given, are checked against the dataset first and written in the same
    /// transaction, so an import either lands whole or changes nothing. `trail`, when not empty,
    /// is the audit trail the data comes with (an export's, or the store being re-keyed): it
    /// becomes this store's, entry for entry, and the write is chained after it. Entries this
    /// store had already (settings changed before an import) are not lost: the import's own
    /// entry holds them, under `before`.
    pub(crate) fn write_dataset_with(
        &self,
        ds: &Dataset,
        changes: &[audit::Change],
        settings: Option<&Settings>,
        trail: &[audit::AuditEntry],
    ) -> Result<crate::transfer::Imported> {
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
        // A trail whose chain does not verify is not taken as this store's history: it is kept,
        // whole, inside the import's own entry, beside what is wrong with it. An import never
        // fails because of the trail: a backup must always restore.
        let problem = audit::first_break(trail)?.map(|(_, what)| what);
        let (adopted, unverified) = match problem {
            None => (trail, &[][..]),
            Some(_) => (&[][..], trail),
        };
        if !changes.is_empty() && (problem.is_some() || !self.tree(T::Audit).is_empty()) {
            // Only an import brings a trail that does not verify, or into a store that has one:
            // a re-key (the one caller with changes of its own) checks its trail first and
            // writes into a new database.
            return Err(StoreError::Database(
                "a re-key needs an intact audit trail and a new database".into(),
            ));
        }
        // Entries this store had (settings changed before an import), replaced by the adopted
        // trail: read as far as they can be, kept inside the import's entry.
        let replaced = if adopted.is_empty() {
            Vec::new()
        } else {
            self.readable_audit_entries()
        };
        let trail = Trail {
            entries: adopted
                .iter()
                .map(|e| Ok((e.seq.to_be_bytes(), self.codec.encode(e)?)))
                .collect::<Result<Vec<_>>>()?,
            head: match adopted.last() {
                Some(e) => Some(self.codec.encode(&audit::Head {
                    seq: e.seq,
                    hash: e.hash.clone(),
                })?),
                None => None,
            },
            old_keys: if adopted.is_empty() {
                Vec::new()
            } else {
                self.tree(T::Audit)
                    .iter()
                    .keys()
                    .collect::<std::result::Result<_, _>>()?
            },
            old_head: self.tree(T::Meta).get(AUDIT_HEAD_KEY)?.map(|h| h.to_vec()),
        };
        let mut before = serde_json::Map::new();
        if !replaced.is_empty() {
            before.insert("audit".into(), serde_json::to_value(&replaced).unwrap_or_default());
        }
        if let Some(what) = &problem {
            before.insert(
                "unverified_audit".into(),
                serde_json::to_value(unverified).unwrap_or_default(),
            );
            before.insert("audit_problem".into(), what.clone().into());
        }
        let summary = audit::Change {
            action: "import",
            record: "dataset",
            id: String::new(),
            children: vec![],
            before: (!before.is_empty()).then_some(serde_json::Value::Object(before)),
            after: Some(serde_json::json!({
                "children": ds.children.len(),
                "people": ds.people.len(),
                "meetings": ds.meetings.len(),
                "events": ds.events.len(),
                "episodes": ds.episodes.len(),
                "history": adopted.len(),
            })),
        };
        if changes.is_empty() {
            self.write_all(&encoded, &history, &trail, &[summary])?;
        } else {
            self.write_all(&encoded, &history, &trail, changes)?;
        }
        if let Some(s) = settings {
            self.set_practitioner(s.me);
        }
        Ok(crate::transfer::Imported {
            history: adopted.len(),
            audit_problem: problem,
        })
    }

    /// See [`checked_settings`].
    pub(crate) fn checked_settings_for(&self, settings: &Settings, ds: &Dataset) -> Result<Settings> {
        checked_settings(settings, ds)
    }

    fn write_all(
        &self,
        encoded: &[Encoded],
        history: &[(T, Vec<u8>, Vec<u8>)],
        trail: &Trail,
        changes: &[audit::Change],
    ) -> Result<()> {
        self.transact(changes, |tx| {
            for e in encoded {
                e.insert(tx)?;
            }
            for (tree, k, v) in history {
                tx[*tree as usize].insert(k.as_slice(), v.as_slice())?;
            }
            if let Some(head) = &trail.head {
                // The trail read before the transaction is still all there is: nothing was
                // added meanwhile, only to be dropped here.
                if tx[T::Meta as usize].get(AUDIT_HEAD_KEY)?.as_deref() != trail.old_head.as_deref() {
                    return Err(abort(StoreError::Database(
                        "the audit trail changed while the import was being written; nothing was imported".into(),
                    )));
                }
                for k in &trail.old_keys {
                    tx[T::Audit as usize].remove(k.as_ref())?;
                }
                for (k, v) in &trail.entries {
                    tx[T::Audit as usize].insert(&k[..], v.as_slice())?;
                }
                tx[T::Meta as usize].insert(AUDIT_HEAD_KEY, head.as_slice())?;
            }
            Ok(())
        })
    }
}

/// An audit trail to write in with a dataset (`Store::write_dataset_with`), encoded: its
/// entries by key and its head, and the keys and head of the trail the store had, which it
/// replaces.
struct Trail {
    entries: Vec<([u8; 8], Vec<u8>)>,
    head: Option<Vec<u8>>,
    old_keys: Vec<sled::IVec>,
    old_head: Option<Vec<u8>>,
}

/// Imported settings, normalised, refused unless their rule pack builds, they pass every check
/// the Settings screen and CLI make when settings are changed there (`Settings::check`), and
/// "who am I" names a person in the dataset being written.
pub(crate) fn checked_settings(settings: &Settings, ds: &Dataset) -> Result<Settings> {
    let mut s = settings.clone();
    s.normalise();
    s.pack()
        .map_err(|e| StoreError::ImportMalformed { detail: e.to_string() })?;
    s.check().map_err(|e| StoreError::ImportSettings(e.to_string()))?;
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
