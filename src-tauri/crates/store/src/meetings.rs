//! Meetings and their history: each save of a meeting appends what happened to it, in the same
//! transaction (with the episodes an outcome opens, changes or closes).

use convene_core::*;

use crate::error::{Result, StoreError};
use crate::records::{Record, T};
use crate::{abort, audited, keys, Encoded, Store};

impl Store {
    pub(crate) fn all_history(&self) -> Result<Vec<MeetingHistoryEntry>> {
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
            MeetingChange::KindChanged { .. } => "change kind of",
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
}
