//! Busy time per person and venue, as sorted intervals of UTC minutes, with a prefix maximum of
//! end times so "is anything busy in [a, b)?" is one binary search.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use crate::dataset::Dataset;
use crate::ids::*;
use crate::model::*;
use crate::time::london;

/// Minutes since the Unix epoch (UTC).
pub type Minute = i64;

pub fn minute(t: &DateTime<FixedOffset>) -> Minute {
    t.timestamp().div_euclid(60)
}

/// Why someone is busy: enough to explain it in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BusyReason {
    Meeting { id: MeetingId, kind: MeetingKind },
    Block { kind: BusyKind, note: String },
}

impl BusyReason {
    pub fn describe(&self) -> String {
        match self {
            BusyReason::Meeting { kind, .. } => {
                format!("in another meeting ({})", kind.title().to_lowercase())
            }
            BusyReason::Block {
                kind: BusyKind::Leave,
                note,
            } if note.is_empty() => "on leave".to_string(),
            BusyReason::Block {
                kind: BusyKind::Leave,
                note,
            } => format!("on leave ({note})"),
            BusyReason::Block { note, .. } if note.is_empty() => "busy".to_string(),
            BusyReason::Block { note, .. } => format!("busy ({note})"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    pub start: Minute,
    pub end: Minute,
    pub reason: BusyReason,
}

/// One owner's busy intervals, sorted by start, with `max_end[i]` = max end of `0..=i`.
#[derive(Debug, Clone, Default)]
pub struct BusyList {
    intervals: Vec<Interval>,
    max_end: Vec<Minute>,
}

impl BusyList {
    pub fn new(mut intervals: Vec<Interval>) -> Self {
        intervals.retain(|i| i.end > i.start);
        intervals.sort_by_key(|i| (i.start, i.end));
        let mut max_end = Vec::with_capacity(intervals.len());
        let mut m = Minute::MIN;
        for i in &intervals {
            m = m.max(i.end);
            max_end.push(m);
        }
        BusyList { intervals, max_end }
    }

    /// An interval overlapping `[a, b)`, if any (the latest-starting one). Walks back from the
    /// last interval starting before `b` only while the prefix maximum says one may still reach
    /// past `a`, so a lookup costs a binary search and a few steps.
    pub fn overlapping(&self, a: Minute, b: Minute) -> Option<&Interval> {
        let n = self.intervals.partition_point(|i| i.start < b);
        (0..n)
            .rev()
            .take_while(|&k| self.max_end[k] > a)
            .map(|k| &self.intervals[k])
            .find(|i| i.end > a)
    }

    /// Whether anything is busy within `margin` minutes before `a` or after `b` (a near clash).
    pub fn near(&self, a: Minute, b: Minute, margin: Minute) -> bool {
        self.overlapping(a - margin, a).is_some() || self.overlapping(b, b + margin).is_some()
    }

    pub fn len(&self) -> usize {
        self.intervals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.intervals.is_empty()
    }
}

/// Busy time for everyone and every venue, built from the records.
#[derive(Debug, Clone, Default)]
pub struct Availability {
    pub people: HashMap<PersonId, BusyList>,
    pub venues: HashMap<VenueId, BusyList>,
    pub patterns: HashMap<PersonId, WorkingPattern>,
    /// Seats in each venue; a venue not listed has no limit.
    pub capacities: HashMap<VenueId, u32>,
    /// People who keep no working hours (families: parents, carers), as the conflict check
    /// treats them; only their busy time counts.
    pub any_hours: std::collections::HashSet<PersonId>,
    /// Professionals' last working days (`Person::last_day`): no meeting after one can include
    /// them (`validate::meeting`), so the slot finder offers no time after it.
    pub last_days: HashMap<PersonId, NaiveDate>,
}

/// The busy blocks that count: all but a calendar's copy of one of our own meetings (an
/// invitation accepted in Outlook and imported back, UID "<id>@convene.local"). The meeting
/// itself already counts where it is now; its copy would make it clash with itself, or hold
/// the time it was moved from or cancelled at.
pub fn counted_blocks<'b>(ds: &Dataset, blocks: &'b [BusyBlock]) -> impl Iterator<Item = &'b BusyBlock> {
    let copy_of = |b: &BusyBlock| {
        (b.kind == BusyKind::Imported)
            .then(|| b.source.as_deref().and_then(Meeting::id_of_calendar_uid))
            .flatten()
    };
    // The stored meetings' ids, gathered only when some block names one of ours.
    let stored: std::collections::HashSet<MeetingId> = if blocks.iter().any(|b| copy_of(b).is_some()) {
        ds.meetings.iter().map(|m| m.id).collect()
    } else {
        Default::default()
    };
    blocks
        .iter()
        .filter(move |b| !copy_of(b).is_some_and(|id| stored.contains(&id)))
}

impl Availability {
    /// From the meetings (not cancelled, not `except`) and busy blocks of a dataset.
    pub fn build(ds: &Dataset, blocks: &[BusyBlock], except: Option<MeetingId>) -> Self {
        let mut people: HashMap<PersonId, Vec<Interval>> = HashMap::new();
        let mut venues: HashMap<VenueId, Vec<Interval>> = HashMap::new();
        for m in ds.meetings.iter().filter(|m| !m.is_cancelled() && Some(m.id) != except) {
            let iv = Interval {
                start: minute(&m.start),
                end: minute(&m.end),
                reason: BusyReason::Meeting { id: m.id, kind: m.kind },
            };
            let mut who: Vec<PersonId> = m.people().collect();
            who.sort();
            who.dedup();
            for p in who {
                people.entry(p).or_default().push(iv.clone());
            }
            if let Location::Venue { venue } = m.location {
                venues.entry(venue).or_default().push(iv);
            }
        }
        for b in counted_blocks(ds, blocks) {
            let iv = Interval {
                start: minute(&b.start),
                end: minute(&b.end),
                reason: BusyReason::Block {
                    kind: b.kind,
                    note: b.note.clone(),
                },
            };
            match b.owner {
                BusyOwner::Person(p) => people.entry(p).or_default().push(iv),
                BusyOwner::Venue(v) => venues.entry(v).or_default().push(iv),
            }
        }
        Availability {
            people: people.into_iter().map(|(k, v)| (k, BusyList::new(v))).collect(),
            venues: venues.into_iter().map(|(k, v)| (k, BusyList::new(v))).collect(),
            patterns: ds.people.iter().map(|p| (p.id, p.working_pattern.clone())).collect(),
            capacities: ds.venues.iter().map(|v| (v.id, v.capacity)).collect(),
            any_hours: {
                let families = ds.family_agencies();
                ds.people
                    .iter()
                    .filter(|p| families.contains(&p.agency))
                    .map(|p| p.id)
                    .collect()
            },
            last_days: ds.people.iter().filter_map(|p| Some((p.id, p.last_day?))).collect(),
        }
    }

    pub fn busy(&self, p: PersonId) -> Option<&BusyList> {
        self.people.get(&p)
    }
}

/// A person's working hours on a date as UTC minutes, or `None` if they do not work that day.
/// Unknown people are treated as working 09:00-17:00 on weekdays.
pub fn working_window(pattern: Option<&WorkingPattern>, date: NaiveDate) -> Option<(Minute, Minute)> {
    use chrono::Datelike;
    let weekday = date.weekday().number_from_monday() as u8;
    let (start, end) = match pattern {
        Some(p) => p.days.iter().find(|h| h.weekday == weekday).map(|h| (h.start, h.end))?,
        None if weekday <= 5 => (NaiveTime::from_hms_opt(9, 0, 0)?, NaiveTime::from_hms_opt(17, 0, 0)?),
        None => return None,
    };
    let s = london(date.and_time(start)).ok()?;
    let e = london(date.and_time(end)).ok()?;
    Some((minute(&s), minute(&e)))
}

/// Busy blocks for `owner` from periods read out of a calendar file: (start, end, summary, uid).
pub fn imported_blocks(
    owner: BusyOwner,
    periods: impl IntoIterator<Item = (DateTime<FixedOffset>, DateTime<FixedOffset>, String, String)>,
) -> Vec<BusyBlock> {
    periods
        .into_iter()
        .map(|(start, end, summary, uid)| BusyBlock {
            id: BusyId::new_random(),
            owner,
            start: crate::time::to_london(start),
            end: crate::time::to_london(end),
            kind: BusyKind::Imported,
            note: summary.chars().take(crate::validate::MAX_SHORT_TEXT).collect(),
            source: Some(uid),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(start: Minute, end: Minute) -> Interval {
        Interval {
            start,
            end,
            reason: BusyReason::Block {
                kind: BusyKind::Busy,
                note: String::new(),
            },
        }
    }

    #[test]
    fn families_keep_no_working_hours_and_venues_their_seats() {
        let agency = |kind| Agency {
            id: AgencyId::new_random(),
            name: "A".into(),
            kind,
        };
        let (family, csc) = (agency(AgencyKind::Family), agency(AgencyKind::ChildrensSocialCare));
        let person = |agency: &Agency| Person {
            id: PersonId::new_random(),
            name: "P".into(),
            role: "R".into(),
            agency: agency.id,
            team: None,
            email: None,
            working_pattern: WorkingPattern::full_time(),
            last_day: None,
        };
        let (parent, worker) = (person(&family), person(&csc));
        let room = Venue {
            id: VenueId::new_random(),
            name: "Room".into(),
            address: String::new(),
            capacity: 6,
        };
        let ds = Dataset {
            agencies: vec![family, csc],
            people: vec![parent.clone(), worker.clone()],
            venues: vec![room.clone()],
            ..Dataset::default()
        };
        let a = Availability::build(&ds, &[], None);
        assert!(a.any_hours.contains(&parent.id) && !a.any_hours.contains(&worker.id));
        assert_eq!(a.capacities.get(&room.id), Some(&6));
    }

    #[test]
    fn overlap_finds_nested_and_long_blocks() {
        let b = BusyList::new(vec![iv(0, 1000), iv(10, 20), iv(30, 40)]);
        assert!(b.overlapping(500, 510).is_some(), "inside the long block");
        let b = BusyList::new(vec![iv(10, 20), iv(30, 40)]);
        assert!(b.overlapping(20, 30).is_none(), "touching is not overlapping");
        assert!(b.overlapping(19, 21).is_some());
        assert!(b.overlapping(0, 10).is_none());
        assert!(b.near(41, 50, 5));
        assert!(!b.near(50, 60, 5));
    }
}
