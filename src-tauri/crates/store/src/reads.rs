//! Reading through the indexes: one child's records, a person's meetings, meetings by start
//! time, what a calendar shows, and the whole dataset.

use chrono::NaiveDate;
use convene_core::dataset::{ChildBundle, Dataset};
use convene_core::*;

use crate::error::Result;
use crate::records::{Record, T};
use crate::{keys, Store};

impl Store {
    pub(crate) fn ids_with_prefix(&self, t: T, prefix: &[u8]) -> Result<Vec<[u8; 16]>> {
        let mut out = Vec::new();
        for kv in self.tree(t).scan_prefix(prefix).keys() {
            if let Some(id) = keys::trailing_id(&kv?) {
                out.push(id);
            }
        }
        Ok(out)
    }

    pub(crate) fn load_ids<R: Record>(&self, ids: &[[u8; 16]]) -> Result<Vec<R>> {
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
}
