//! A whole set of records in memory: what export writes, import reads, demo seeds and the
//! evaluator works over.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::error::ValidationError;
use crate::ids::*;
use crate::model::*;
use crate::validate::{self, Lookup};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    pub agencies: Vec<Agency>,
    pub teams: Vec<Team>,
    pub people: Vec<Person>,
    pub venues: Vec<Venue>,
    pub children: Vec<Child>,
    pub episodes: Vec<Episode>,
    pub meetings: Vec<Meeting>,
    pub events: Vec<Event>,
    /// Leave, busy time, imported calendars and venue bookings.
    #[serde(default)]
    pub busy: Vec<BusyBlock>,
    /// Every meeting's history, in time order per meeting.
    #[serde(default)]
    pub history: Vec<MeetingHistoryEntry>,
    /// Each practitioner's caseload, one row per person per day it was recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caseload_snapshots: Vec<crate::caseload::CaseloadSnapshot>,
}

/// Ids present in a dataset, for reference checks.
#[derive(Debug, Default)]
pub struct IdIndex {
    children: HashSet<ChildId>,
    people: HashSet<PersonId>,
    /// Those with a last working day: their name and that day.
    leavers: HashMap<PersonId, (String, chrono::NaiveDate)>,
    agencies: HashSet<AgencyId>,
    teams: HashSet<TeamId>,
    venues: HashSet<VenueId>,
}

impl Lookup for IdIndex {
    fn has_child(&self, id: ChildId) -> bool {
        self.children.contains(&id)
    }
    fn has_person(&self, id: PersonId) -> bool {
        self.people.contains(&id)
    }
    fn has_agency(&self, id: AgencyId) -> bool {
        self.agencies.contains(&id)
    }
    fn has_team(&self, id: TeamId) -> bool {
        self.teams.contains(&id)
    }
    fn has_venue(&self, id: VenueId) -> bool {
        self.venues.contains(&id)
    }
    fn last_day(&self, id: PersonId) -> Option<(String, chrono::NaiveDate)> {
        self.leavers.get(&id).cloned()
    }
}

fn unique<I: std::hash::Hash + Eq + std::fmt::Display + Copy>(
    what: &'static str,
    ids: impl Iterator<Item = I>,
) -> Result<HashSet<I>, ValidationError> {
    let mut set = HashSet::new();
    for id in ids {
        if !set.insert(id) {
            return Err(ValidationError::Duplicate {
                what,
                id: id.to_string(),
            });
        }
    }
    Ok(set)
}

impl Dataset {
    /// The agencies a child's family and friends belong to (`AgencyKind::Family`): their people
    /// keep no working hours and are family at a conference.
    pub fn family_agencies(&self) -> HashSet<AgencyId> {
        self.agencies
            .iter()
            .filter(|a| a.kind == AgencyKind::Family)
            .map(|a| a.id)
            .collect()
    }

    /// The meeting with this id, or the sentence saying it does not exist.
    pub fn meeting(&self, id: MeetingId) -> Result<&Meeting, ValidationError> {
        self.meetings
            .iter()
            .find(|m| m.id == id)
            .ok_or_else(|| ValidationError::UnknownReference {
                what: "Meeting",
                id: id.to_string(),
            })
    }

    pub fn is_empty(&self) -> bool {
        self.agencies.is_empty()
            && self.teams.is_empty()
            && self.people.is_empty()
            && self.venues.is_empty()
            && self.children.is_empty()
            && self.episodes.is_empty()
            && self.meetings.is_empty()
            && self.events.is_empty()
            && self.busy.is_empty()
            && self.history.is_empty()
            && self.caseload_snapshots.is_empty()
    }

    /// Every record valid, every id unique, every reference resolvable within the dataset.
    pub fn validate(&self) -> Result<IdIndex, ValidationError> {
        let index = IdIndex {
            children: unique("child", self.children.iter().map(|c| c.id))?,
            people: unique("person", self.people.iter().map(|p| p.id))?,
            leavers: self.people.iter().filter_map(|p| Some((p.id, p.leaving()?))).collect(),
            agencies: unique("agency", self.agencies.iter().map(|a| a.id))?,
            teams: unique("team", self.teams.iter().map(|t| t.id))?,
            venues: unique("venue", self.venues.iter().map(|v| v.id))?,
        };
        unique("episode", self.episodes.iter().map(|e| e.id))?;
        unique("meeting", self.meetings.iter().map(|m| m.id))?;
        unique("event", self.events.iter().map(|e| e.id))?;
        unique("busy block", self.busy.iter().map(|b| b.id))?;
        self.agencies.iter().try_for_each(validate::agency)?;
        self.venues.iter().try_for_each(validate::venue)?;
        self.teams.iter().try_for_each(|t| validate::team(t, &index))?;
        self.people.iter().try_for_each(|p| validate::person(p, &index))?;
        self.children.iter().try_for_each(|c| validate::child(c, &index))?;
        self.episodes.iter().try_for_each(|e| validate::episode(e, &index))?;
        self.meetings.iter().try_for_each(|m| validate::meeting(m, &index))?;
        self.events.iter().try_for_each(|e| validate::event(e, &index))?;
        self.busy.iter().try_for_each(|b| validate::busy_block(b, &index))?;
        self.history.iter().try_for_each(validate::history_entry)?;
        // A day's caseload snapshot: one row a person, on a date Convene handles. (The person
        // may since have left: snapshots are history.)
        let mut seen = HashSet::new();
        for s in &self.caseload_snapshots {
            crate::time::check_day("A caseload snapshot's date", s.date)?;
            if !seen.insert((s.date, s.person)) {
                return Err(ValidationError::Duplicate {
                    what: "caseload snapshot",
                    id: format!("{} on {}", s.person, s.date),
                });
            }
        }
        Ok(index)
    }

    /// Sort every collection by id: the canonical order export writes.
    pub fn sort(&mut self) {
        self.agencies.sort_by_key(|r| r.id);
        self.teams.sort_by_key(|r| r.id);
        self.people.sort_by_key(|r| r.id);
        self.venues.sort_by_key(|r| r.id);
        self.children.sort_by_key(|r| r.id);
        self.episodes.sort_by_key(|r| r.id);
        self.meetings.sort_by_key(|r| r.id);
        self.events.sort_by_key(|r| r.id);
        self.busy.sort_by_key(|r| r.id);
        // Stable: entries of one meeting keep their recorded order.
        self.history.sort_by_key(|h| h.meeting);
        self.caseload_snapshots.sort_by_key(|c| (c.date, c.person));
    }

    /// Each child's records, grouped once for evaluation.
    pub fn by_child(&self) -> HashMap<ChildId, ChildBundle> {
        let mut map: HashMap<ChildId, ChildBundle> = self
            .children
            .iter()
            .map(|c| {
                (
                    c.id,
                    ChildBundle {
                        child: c.clone(),
                        ..ChildBundle::default_for(c)
                    },
                )
            })
            .collect();
        for e in &self.events {
            if let Some(b) = map.get_mut(&e.child) {
                b.events.push(e.clone());
            }
        }
        for e in &self.episodes {
            if let Some(b) = map.get_mut(&e.child) {
                b.episodes.push(e.clone());
            }
        }
        for m in &self.meetings {
            for c in &m.children {
                if let Some(b) = map.get_mut(c) {
                    b.meetings.push(m.clone());
                }
            }
        }
        map
    }
}

/// One child with everything recorded against them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildBundle {
    pub child: Child,
    pub events: Vec<Event>,
    pub meetings: Vec<Meeting>,
    pub episodes: Vec<Episode>,
}

impl ChildBundle {
    fn default_for(c: &Child) -> Self {
        ChildBundle {
            child: c.clone(),
            events: vec![],
            meetings: vec![],
            episodes: vec![],
        }
    }
    pub fn records(&self) -> crate::timescales::ChildRecords<'_> {
        crate::timescales::ChildRecords {
            child: &self.child,
            events: &self.events,
            meetings: &self.meetings,
            episodes: &self.episodes,
        }
    }
}
