//! How each record type is stored: its tree, its key, and the index entries it owns.

use convene_core::validate::{self, Lookup};
use convene_core::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::keys::{concat, day, instant};

/// The store's trees, in the fixed order the transaction slice uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Meta = 0,
    Agencies,
    Teams,
    People,
    Venues,
    Children,
    Episodes,
    Meetings,
    Events,
    /// child id ++ meeting id
    ChildMeetings,
    /// person id ++ meeting id
    PersonMeetings,
    /// start instant ++ meeting id
    MeetingsByStart,
    /// child id ++ day ++ event id
    ChildEvents,
    /// child id ++ episode id
    ChildEpisodes,
    BusyBlocks,
    /// owner id ++ start instant ++ busy id
    OwnerBusy,
    /// meeting id ++ entry number: the meeting's history, in order
    MeetingHistory,
    /// entry number: the hash-chained audit trail
    Audit,
    /// day ++ person id: each practitioner's caseload as recorded that day
    CaseloadSnapshots,
}

pub const TREE_NAMES: [&str; 19] = [
    "meta",
    "agencies",
    "teams",
    "people",
    "venues",
    "children",
    "episodes",
    "meetings",
    "events",
    "idx_child_meetings",
    "idx_person_meetings",
    "idx_meetings_by_start",
    "idx_child_events",
    "idx_child_episodes",
    "busy_blocks",
    "idx_owner_busy",
    "meeting_history",
    "audit",
    "caseload_snapshots",
];

pub const INDEX_TREES: [T; 6] = [
    T::ChildMeetings,
    T::PersonMeetings,
    T::MeetingsByStart,
    T::ChildEvents,
    T::ChildEpisodes,
    T::OwnerBusy,
];

/// A record kind the store keeps.
pub trait Record: Serialize + DeserializeOwned + Clone {
    const TREE: T;
    const WHAT: &'static str;
    fn key(&self) -> [u8; 16];
    fn index_keys(&self) -> Vec<(T, Vec<u8>)> {
        Vec::new()
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError>;
    /// The children a change to this record concerns (for the per-child audit view).
    fn children(&self) -> Vec<ChildId> {
        Vec::new()
    }
}

impl Record for Agency {
    const TREE: T = T::Agencies;
    const WHAT: &'static str = "agency";
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn validate(&self, _: &impl Lookup) -> Result<(), ValidationError> {
        validate::agency(self)
    }
}

impl Record for Team {
    const TREE: T = T::Teams;
    const WHAT: &'static str = "team";
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError> {
        validate::team(self, db)
    }
}

impl Record for Person {
    const TREE: T = T::People;
    const WHAT: &'static str = "person";
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError> {
        validate::person(self, db)
    }
}

impl Record for Venue {
    const TREE: T = T::Venues;
    const WHAT: &'static str = "venue";
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn validate(&self, _: &impl Lookup) -> Result<(), ValidationError> {
        validate::venue(self)
    }
}

impl Record for Child {
    const TREE: T = T::Children;
    const WHAT: &'static str = "child";
    fn children(&self) -> Vec<ChildId> {
        vec![self.id]
    }
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError> {
        validate::child(self, db)
    }
}

impl Record for Episode {
    const TREE: T = T::Episodes;
    const WHAT: &'static str = "episode";
    fn children(&self) -> Vec<ChildId> {
        vec![self.child]
    }
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn index_keys(&self) -> Vec<(T, Vec<u8>)> {
        vec![(T::ChildEpisodes, concat(&[self.child.as_bytes(), self.id.as_bytes()]))]
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError> {
        validate::episode(self, db)
    }
}

impl Record for Event {
    const TREE: T = T::Events;
    const WHAT: &'static str = "event";
    fn children(&self) -> Vec<ChildId> {
        vec![self.child]
    }
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn index_keys(&self) -> Vec<(T, Vec<u8>)> {
        vec![(
            T::ChildEvents,
            concat(&[self.child.as_bytes(), &day(self.date), self.id.as_bytes()]),
        )]
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError> {
        validate::event(self, db)
    }
}

impl Record for Meeting {
    const TREE: T = T::Meetings;
    const WHAT: &'static str = "meeting";
    fn children(&self) -> Vec<ChildId> {
        self.children.clone()
    }
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn index_keys(&self) -> Vec<(T, Vec<u8>)> {
        let id = self.id.as_bytes();
        let mut keys = vec![(T::MeetingsByStart, concat(&[&instant(&self.start), id]))];
        keys.extend(
            self.children
                .iter()
                .map(|c| (T::ChildMeetings, concat(&[c.as_bytes(), id]))),
        );
        let mut people: Vec<PersonId> = self.people().collect();
        people.sort();
        people.dedup();
        keys.extend(people.iter().map(|p| (T::PersonMeetings, concat(&[p.as_bytes(), id]))));
        keys
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError> {
        validate::meeting(self, db)
    }
}

/// The trees that hold records (not meta, not indexes).
pub const ALL_RECORD_TREES: [T; 10] = [
    T::Agencies,
    T::Teams,
    T::People,
    T::Venues,
    T::Children,
    T::Episodes,
    T::Meetings,
    T::Events,
    T::BusyBlocks,
    T::MeetingHistory,
];

fn owner_bytes(o: &BusyOwner) -> &[u8; 16] {
    match o {
        BusyOwner::Person(p) => p.as_bytes(),
        BusyOwner::Venue(v) => v.as_bytes(),
    }
}

/// The index prefix of an owner's busy blocks.
pub fn owner_prefix(o: &BusyOwner) -> [u8; 16] {
    *owner_bytes(o)
}

impl Record for BusyBlock {
    const TREE: T = T::BusyBlocks;
    const WHAT: &'static str = "busy block";
    fn key(&self) -> [u8; 16] {
        *self.id.as_bytes()
    }
    fn index_keys(&self) -> Vec<(T, Vec<u8>)> {
        vec![(
            T::OwnerBusy,
            concat(&[owner_bytes(&self.owner), &instant(&self.start), self.id.as_bytes()]),
        )]
    }
    fn validate(&self, db: &impl Lookup) -> Result<(), ValidationError> {
        validate::busy_block(self, db)
    }
}
