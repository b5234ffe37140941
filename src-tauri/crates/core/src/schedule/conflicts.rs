//! Conflicts, on save and on demand: a person or venue double-booked, someone on leave or busy,
//! a meeting on a weekend, bank holiday or closure day, outside an attendee's working hours,
//! outside its statutory window, or before the meeting it depends on (a core group before the
//! ICPC). Authority-wide scans sort and sweep, so 200k meetings take a fraction of a second.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::availability::{counted_blocks, minute, BusyList, BusyReason, Interval, Minute};
use crate::calendar::WorkingDayCalendar;
use crate::ids::*;
use crate::model::*;
use crate::timescales::DueItem;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ConflictKind {
    PersonDoubleBooked {
        person: PersonId,
        other: MeetingId,
    },
    VenueDoubleBooked {
        venue: VenueId,
        other: MeetingId,
    },
    PersonUnavailable {
        person: PersonId,
    },
    /// The venue has a booking of someone else's (a busy block) then.
    VenueUnavailable {
        venue: VenueId,
    },
    /// More people are invited than the venue seats.
    VenueTooSmall {
        venue: VenueId,
        people: u32,
        seats: u32,
    },
    NotWorkingDay,
    OutsideWorkingHours {
        person: PersonId,
    },
    OutsideStatutoryWindow {
        rule: String,
        deadline: NaiveDate,
    },
    BeforeDependency {
        depends_on: MeetingId,
    },
    /// A planned initial conference for a child not born yet (theirs is a pre-birth
    /// conference), or a planned pre-birth conference on or after a child's birth (now an
    /// initial conference).
    KindForBirth {
        child: ChildId,
    },
    /// A planned child protection conference with no parent or carer invited. Parents are
    /// normally invited and helped to take part; only the chair can decide to exclude one, and
    /// that is recorded (the reason given to save it anyway).
    NoParentInvited,
    /// Another conference of the same kind planned for one of the meeting's children: an initial
    /// (or pre-birth) conference beside another, a review beside another review. Booked twice
    /// by mistake, it would be held twice; the first is moved or cancelled instead.
    AlsoBooked {
        other: MeetingId,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Conflict {
    pub meeting: MeetingId,
    pub kind: ConflictKind,
    /// A sentence about the user's data.
    pub message: String,
}

/// What a scan needs besides the meetings.
pub struct ScanContext<'a> {
    people: IdMap<PersonId, &'a Person>,
    venues: HashMap<VenueId, &'a Venue>,
    family: std::collections::HashSet<AgencyId>,
    block_lists: HashMap<PersonId, BusyList>,
    venue_blocks: HashMap<VenueId, BusyList>,
    /// Each child's child protection plans.
    plans: IdMap<ChildId, Vec<&'a Episode>>,
    /// Each child, for their birth and name.
    children: IdMap<ChildId, &'a Child>,
    /// Names for the sentences, as every list gives them (`Names::child_name`).
    names: crate::queries::Names<'a>,
    cal: &'a WorkingDayCalendar,
    /// Due items evaluated with these meetings, for the statutory-window check.
    items: &'a [DueItem],
}

impl<'a> ScanContext<'a> {
    pub fn new(
        ds: &'a crate::dataset::Dataset,
        blocks: &'a [BusyBlock],
        cal: &'a WorkingDayCalendar,
        items: &'a [DueItem],
    ) -> Self {
        ScanContext {
            people: ds.people.iter().map(|p| (p.id, p)).collect(),
            venues: ds.venues.iter().map(|v| (v.id, v)).collect(),
            family: ds.family_agencies(),
            block_lists: owner_blocks(ds, blocks, |o| match o {
                BusyOwner::Person(p) => Some(p),
                BusyOwner::Venue(_) => None,
            }),
            venue_blocks: owner_blocks(ds, blocks, |o| match o {
                BusyOwner::Venue(v) => Some(v),
                BusyOwner::Person(_) => None,
            }),
            plans: ds
                .episodes
                .iter()
                .filter(|e| e.kind.episode_type() == EpisodeType::ChildProtection)
                .fold(IdMap::default(), |mut by: IdMap<ChildId, Vec<&Episode>>, e| {
                    by.entry(e.child).or_default().push(e);
                    by
                }),
            children: ds.children.iter().map(|c| (c.id, c)).collect(),
            names: crate::queries::Names::new(ds),
            cal,
            items,
        }
    }
}

/// The counted busy blocks (`counted_blocks`) of the owners `key` picks out, by owner.
fn owner_blocks<K: std::hash::Hash + Eq>(
    ds: &crate::dataset::Dataset,
    blocks: &[BusyBlock],
    key: impl Fn(BusyOwner) -> Option<K>,
) -> HashMap<K, BusyList> {
    let mut by: HashMap<K, Vec<Interval>> = HashMap::new();
    for b in counted_blocks(ds, blocks) {
        if let Some(p) = key(b.owner) {
            by.entry(p).or_default().push(Interval {
                start: minute(&b.start),
                end: minute(&b.end),
                reason: BusyReason::Block {
                    kind: b.kind,
                    note: b.note.clone(),
                },
            });
        }
    }
    by.into_iter().map(|(p, v)| (p, BusyList::new(v))).collect()
}

impl ScanContext<'_> {
    /// Whether `person` is family to one of `children`: from a family agency, or linked to one
    /// of them as a parent, carer or foster carer.
    fn is_family(&self, person: PersonId, children: &[ChildId]) -> bool {
        self.people
            .get(&person)
            .is_some_and(|p| self.family.contains(&p.agency))
            || children.iter().any(|c| {
                self.children
                    .get(c)
                    .is_some_and(|c| c.network.iter().any(|l| l.person == person && l.role.is_family()))
            })
    }

    /// Whether any of `children` has a parent or carer recorded in their network.
    fn has_family_recorded(&self, children: &[ChildId]) -> bool {
        children.iter().any(|c| {
            self.children.get(c).is_some_and(|c| {
                c.network
                    .iter()
                    .any(|l| self.is_family(l.person, std::slice::from_ref(&c.id)))
            })
        })
    }

    /// Whether `child` has a child protection plan open on `date`.
    fn on_plan(&self, child: ChildId, date: NaiveDate) -> bool {
        self.plans
            .get(&child)
            .is_some_and(|ps| ps.iter().any(|e| e.covers(date)))
    }
}

/// Every conflict among `meetings` (cancelled ones are ignored), with its sentence.
pub fn scan_conflicts(meetings: &[&Meeting], ctx: &ScanContext<'_>) -> Vec<Conflict> {
    let mut found = detect_conflicts(meetings, ctx);
    found.sort_unstable();
    found.dedup();
    let by_id: HashMap<MeetingId, &Meeting> = meetings.iter().map(|m| (m.id, *m)).collect();
    found
        .into_iter()
        .map(|(meeting, kind)| describe(meeting, kind, &by_id, ctx))
        .collect()
}

/// Detection only: what conflicts, without sentences. This is the authority-wide scan: double
/// bookings (a sort and a sweep) and each meeting's own checks run side by side on two threads,
/// and their findings are joined in that order.
pub fn detect_conflicts(meetings: &[&Meeting], ctx: &ScanContext<'_>) -> Vec<(MeetingId, ConflictKind)> {
    let live: Vec<&Meeting> = meetings.iter().copied().filter(|m| !m.is_cancelled()).collect();
    let (mut out, mut own) = if live.len() < 2_000 {
        (double_bookings(&live), own_checks(&live, ctx))
    } else {
        std::thread::scope(|scope| {
            let own = scope.spawn(|| own_checks(&live, ctx));
            let double = double_bookings(&live);
            (double, own.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
        })
    };
    out.append(&mut own);
    out
}

/// People and venues booked twice at once, each clash reported for both meetings.
fn double_bookings(live: &[&Meeting]) -> Vec<(MeetingId, ConflictKind)> {
    let mut out: Vec<(MeetingId, ConflictKind)> = Vec::new();
    // Double bookings: number the owners, sort by one packed key (owner, start) and sweep,
    // remembering the meeting that reaches latest so far.
    let base = live.iter().map(|m| minute(&m.start)).min().unwrap_or(0);
    let rel = |t: Minute| u32::try_from(t - base).unwrap_or(u32::MAX);
    let mut person_ix: IdMap<PersonId, u32> = IdMap::default();
    let mut person_ids: Vec<PersonId> = Vec::new();
    let mut venue_ix: IdMap<VenueId, u32> = IdMap::default();
    let mut venue_ids: Vec<VenueId> = Vec::new();
    let mut by_person: Vec<Row> = Vec::with_capacity(live.len() * 6);
    let mut by_venue: Vec<Row> = Vec::with_capacity(live.len());
    let mut who: Vec<PersonId> = Vec::new();
    for (i, m) in live.iter().enumerate() {
        let (a, b) = (rel(minute(&m.start)), rel(minute(&m.end)));
        who.clear();
        who.extend(m.people());
        who.sort_unstable();
        who.dedup();
        for p in &who {
            let ix = *person_ix.entry(*p).or_insert_with(|| {
                person_ids.push(*p);
                (person_ids.len() - 1) as u32
            });
            by_person.push(Row::new(ix, a, b, i));
        }
        if let Location::Venue { venue } = m.location {
            let ix = *venue_ix.entry(venue).or_insert_with(|| {
                venue_ids.push(venue);
                (venue_ids.len() - 1) as u32
            });
            by_venue.push(Row::new(ix, a, b, i));
        }
    }
    by_person.sort_unstable_by_key(|r| r.key);
    by_venue.sort_unstable_by_key(|r| r.key);
    sweep(&by_person, |owner, p, q| {
        out.push((
            live[p as usize].id,
            ConflictKind::PersonDoubleBooked {
                person: person_ids[owner as usize],
                other: live[q as usize].id,
            },
        ));
    });
    sweep(&by_venue, |owner, p, q| {
        out.push((
            live[p as usize].id,
            ConflictKind::VenueDoubleBooked {
                venue: venue_ids[owner as usize],
                other: live[q as usize].id,
            },
        ));
    });

    out
}

/// Each meeting on its own: a working day, attendees' hours, leave, the kind for the child's
/// birth, a parent invited to a conference, order after the ICPC, and the statutory window.
fn own_checks(live: &[&Meeting], ctx: &ScanContext<'_>) -> Vec<(MeetingId, ConflictKind)> {
    let mut out: Vec<(MeetingId, ConflictKind)> = Vec::with_capacity(live.len());
    let mut who: Vec<PersonId> = Vec::new();
    // Dependencies: each child's initial (or pre-birth) conferences, in time order.
    let mut conferences: IdMap<ChildId, Starts> = IdMap::default();
    for m in live
        .iter()
        .filter(|m| matches!(m.kind, MeetingKind::Icpc | MeetingKind::PreBirthConference))
    {
        for c in &m.children {
            conferences.entry(*c).or_default().push((m.start, m.id));
        }
    }
    for list in conferences.values_mut() {
        list.sort_unstable();
    }
    also_booked(live, &mut out);

    for m in live {
        let date = m.date();
        if ctx.cal.is_working_day(date) == Ok(false) {
            out.push((m.id, ConflictKind::NotWorkingDay));
        }
        let weekday = date.weekday().number_from_monday() as u8;
        let (ls, le) = (m.start.time(), m.end.time());
        let same_day = m.end.date_naive() == date;
        let required = m
            .chair
            .into_iter()
            .chain(m.invitees.iter().filter(|i| i.required).map(|i| i.person));
        for p in required {
            let Some(person) = ctx.people.get(&p) else {
                continue;
            };
            if ctx.family.contains(&person.agency) {
                continue; // families have no working hours to keep to
            }
            let inside = same_day
                && person
                    .working_pattern
                    .days
                    .iter()
                    .any(|h| h.weekday == weekday && h.start <= ls && le <= h.end);
            if !inside {
                out.push((m.id, ConflictKind::OutsideWorkingHours { person: p }));
            }
        }
        // Everyone taking part, once each: checked against their busy time, and counted
        // against the venue's seats.
        let (a, b) = (minute(&m.start), minute(&m.end));
        who.clear();
        if !ctx.block_lists.is_empty() || matches!(m.location, Location::Venue { .. }) {
            who.extend(m.people());
            who.sort_unstable();
            who.dedup();
        }
        for p in &who {
            if ctx.block_lists.get(p).and_then(|bl| bl.overlapping(a, b)).is_some() {
                out.push((m.id, ConflictKind::PersonUnavailable { person: *p }));
            }
        }
        if let Location::Venue { venue } = m.location {
            if ctx
                .venue_blocks
                .get(&venue)
                .and_then(|bl| bl.overlapping(a, b))
                .is_some()
            {
                out.push((m.id, ConflictKind::VenueUnavailable { venue }));
            }
            let people = u32::try_from(who.len()).unwrap_or(u32::MAX);
            if let Some(v) = ctx.venues.get(&venue).filter(|v| people > v.capacity) {
                out.push((
                    m.id,
                    ConflictKind::VenueTooSmall {
                        venue,
                        people,
                        seats: v.capacity,
                    },
                ));
            }
        }
        if m.status == MeetingStatus::Planned && matches!(m.kind, MeetingKind::Icpc | MeetingKind::PreBirthConference) {
            // An unborn child's initial conference is a pre-birth conference, and a born child's
            // is not.
            for c in &m.children {
                let birth = ctx.children.get(c).map(|c| c.birth.date_of_birth());
                let wrong = match (m.kind, birth) {
                    (MeetingKind::Icpc, Some(None)) => true,
                    (MeetingKind::PreBirthConference, Some(Some(born))) => born <= date,
                    _ => false,
                };
                if wrong {
                    out.push((m.id, ConflictKind::KindForBirth { child: *c }));
                }
            }
        }
        if m.status == MeetingStatus::Planned
            && m.kind.is_conference()
            && !m.invitees.iter().any(|i| ctx.is_family(i.person, &m.children))
        {
            out.push((m.id, ConflictKind::NoParentInvited));
        }
        if matches!(m.kind, MeetingKind::CoreGroup | MeetingKind::ReviewConference) {
            // A core group or review belongs to a child protection plan: with none open on its
            // day, it comes before the conference that would start one (a child's second plan
            // included), and is flagged against the next such conference.
            let before = m.children.iter().filter(|c| !ctx.on_plan(**c, date)).find_map(|c| {
                let list = conferences.get(c)?;
                list.get(list.partition_point(|(start, _)| *start <= m.start))
            });
            if let Some((_, icpc)) = before {
                out.push((m.id, ConflictKind::BeforeDependency { depends_on: *icpc }));
            }
        }
    }

    // Statutory windows: planned meetings that would meet an item only after its deadline.
    if ctx.items.is_empty() {
        return out;
    }
    let in_scan: IdMap<MeetingId, ()> = live.iter().map(|m| (m.id, ())).collect();
    for i in ctx.items {
        if let Some(s) = i
            .scheduled
            .filter(|s| !s.within_deadline && in_scan.contains_key(&s.meeting))
        {
            out.push((
                s.meeting,
                ConflictKind::OutsideStatutoryWindow {
                    rule: i.rule.to_string(),
                    deadline: i.deadline,
                },
            ));
        }
    }
    out
}

/// The kinds of meeting a child has one of planned at a time, grouped: an initial or pre-birth
/// conference (one group), a review conference (another); none for other kinds.
pub(crate) fn booked_once(kind: MeetingKind) -> Option<u8> {
    match kind {
        MeetingKind::Icpc | MeetingKind::PreBirthConference => Some(0),
        MeetingKind::ReviewConference => Some(1),
        _ => None,
    }
}

/// Meetings by their start.
type Starts = Vec<(chrono::DateTime<chrono::FixedOffset>, MeetingId)>;

/// Planned conferences booked twice for a child: each initial (or pre-birth) conference beside
/// another of the child's, each review beside another review, reported against the earliest
/// other one.
fn also_booked(live: &[&Meeting], out: &mut Vec<(MeetingId, ConflictKind)>) {
    let group = booked_once;
    let mut by_child: IdMap<(ChildId, u8), Starts> = IdMap::default();
    for m in live.iter().filter(|m| m.status == MeetingStatus::Planned) {
        if let Some(g) = group(m.kind) {
            for c in &m.children {
                by_child.entry((*c, g)).or_default().push((m.start, m.id));
            }
        }
    }
    for list in by_child.values_mut().filter(|l| l.len() > 1) {
        list.sort_unstable();
        for (i, (_, m)) in list.iter().enumerate() {
            let other = if i == 0 { list[1].1 } else { list[0].1 };
            out.push((*m, ConflictKind::AlsoBooked { other }));
        }
    }
}

/// One booking of an owner: `key` packs (owner, start) so sorting compares one integer.
#[derive(Clone, Copy)]
struct Row {
    key: u64,
    end: u32,
    meeting: u32,
}

impl Row {
    fn new(owner: u32, start: u32, end: u32, meeting: usize) -> Row {
        Row {
            key: u64::from(owner) << 32 | u64::from(start),
            end,
            meeting: meeting as u32,
        }
    }
    fn owner(&self) -> u32 {
        (self.key >> 32) as u32
    }
    fn start(&self) -> u32 {
        self.key as u32
    }
}

/// How many other meetings of one person or venue a meeting is reported against: every clash
/// a practitioner meets in practice (a person booked three deep), without a room booked ten deep
/// all day filling the authority-wide list with every pair.
const CLASHES_NAMED: u8 = 3;

/// Rows sorted by owner then start: call `emit(owner, a, b)` to report meeting `a` as clashing
/// with meeting `b` of the same owner, for overlapping pairs, each meeting reported against at
/// most `CLASHES_NAMED` others per owner (the earliest-starting first). The earlier meetings
/// still running are kept in a short list with how often each has been reported.
fn sweep(rows: &[Row], mut emit: impl FnMut(u32, u32, u32)) {
    // (end, meeting, times reported) of the owner's earlier meetings still running.
    let mut running: Vec<(u32, u32, u8)> = Vec::new();
    let mut owner = None;
    for r in rows {
        if owner != Some(r.owner()) {
            owner = Some(r.owner());
            running.clear();
        }
        running.retain(|&(end, _, _)| end > r.start());
        let mut reported = 0u8;
        for (_, earlier, times) in running.iter_mut() {
            if reported < CLASHES_NAMED {
                emit(r.owner(), r.meeting, *earlier);
                reported += 1;
            }
            if *times < CLASHES_NAMED {
                emit(r.owner(), *earlier, r.meeting);
                *times += 1;
            }
        }
        running.push((r.end, r.meeting, reported));
    }
}

/// Conflicts of one meeting about to be saved: `meeting` replaces any stored version in `all`.
pub fn conflicts_for(meeting: &Meeting, all: &[Meeting], ctx: &ScanContext<'_>) -> Vec<Conflict> {
    let day = meeting.date();
    let relevant: Vec<&Meeting> = all
        .iter()
        .filter(|m| m.id != meeting.id)
        .filter(|m| m.date() == day || m.children.iter().any(|c| meeting.children.contains(c)))
        .chain(std::iter::once(meeting))
        .collect();
    scan_conflicts(&relevant, ctx)
        .into_iter()
        .filter(|c| c.meeting == meeting.id)
        .collect()
}

mod describe;
use describe::describe;

#[cfg(test)]
mod family_tests;
#[cfg(test)]
mod tests;
