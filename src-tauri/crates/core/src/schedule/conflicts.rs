//! Conflicts, on save and on demand: a person or venue double-booked, someone on leave or busy,
//! a meeting on a weekend, bank holiday or closure day, outside an attendee's working hours,
//! outside its statutory window, or before the meeting it depends on (a core group before the
//! ICPC). Authority-wide scans sort and sweep, so 200k meetings take a fraction of a second.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::availability::{minute, BusyList, BusyReason, Interval, Minute};
use crate::calendar::WorkingDayCalendar;
use crate::ids::*;
use crate::model::*;
use crate::timescales::DueItem;
use crate::views::uk_date;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ConflictKind {
    PersonDoubleBooked { person: PersonId, other: MeetingId },
    VenueDoubleBooked { venue: VenueId, other: MeetingId },
    PersonUnavailable { person: PersonId },
    NotWorkingDay,
    OutsideWorkingHours { person: PersonId },
    OutsideStatutoryWindow { rule: String, deadline: NaiveDate },
    BeforeDependency { depends_on: MeetingId },
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
    people: HashMap<PersonId, &'a Person>,
    venues: HashMap<VenueId, &'a Venue>,
    family: std::collections::HashSet<AgencyId>,
    blocks: &'a [BusyBlock],
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
            family: ds
                .agencies
                .iter()
                .filter(|a| a.kind == AgencyKind::Family)
                .map(|a| a.id)
                .collect(),
            blocks,
            cal,
            items,
        }
    }
}

fn when(m: &Meeting) -> String {
    format!(
        "{} on {} at {}",
        m.kind.title(),
        uk_date(m.date()),
        m.start.format("%H:%M")
    )
}

/// Every conflict among `meetings` (cancelled ones are ignored).
pub fn scan_conflicts(meetings: &[&Meeting], ctx: &ScanContext<'_>) -> Vec<Conflict> {
    let live: Vec<&Meeting> = meetings
        .iter()
        .copied()
        .filter(|m| !m.is_cancelled())
        .collect();
    let mut out = Vec::new();
    let person_name = |p: PersonId| {
        ctx.people
            .get(&p)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| "Someone".into())
    };

    // Double bookings: sort (owner, start) and sweep, remembering the running latest end.
    let mut by_person: Vec<(PersonId, Minute, Minute, usize)> = Vec::new();
    let mut by_venue: Vec<(VenueId, Minute, Minute, usize)> = Vec::new();
    for (i, m) in live.iter().enumerate() {
        let (a, b) = (minute(&m.start), minute(&m.end));
        let mut who: Vec<PersonId> = m.people().collect();
        who.sort();
        who.dedup();
        by_person.extend(who.into_iter().map(|p| (p, a, b, i)));
        if let Location::Venue { venue } = m.location {
            by_venue.push((venue, a, b, i));
        }
    }
    by_person.sort_unstable();
    by_venue.sort_unstable();
    let sweep = |rows: &[(Uuid16, Minute, Minute, usize)],
                 emit: &mut dyn FnMut(Uuid16, usize, usize)| {
        let mut k = 0;
        while k < rows.len() {
            let owner = rows[k].0;
            let (mut latest_end, mut latest) = (rows[k].2, rows[k].3);
            let mut j = k + 1;
            while j < rows.len() && rows[j].0 == owner {
                if rows[j].1 < latest_end {
                    emit(owner, rows[j].3, latest);
                }
                if rows[j].2 > latest_end {
                    latest_end = rows[j].2;
                    latest = rows[j].3;
                }
                j += 1;
            }
            k = j;
        }
    };
    let person_rows: Vec<(Uuid16, Minute, Minute, usize)> = by_person
        .iter()
        .map(|r| (*r.0.as_bytes(), r.1, r.2, r.3))
        .collect();
    sweep(&person_rows, &mut |owner, i, j| {
        let p = PersonId(uuid::Uuid::from_bytes(owner));
        for (x, y) in [(i, j), (j, i)] {
            out.push(Conflict {
                meeting: live[x].id,
                kind: ConflictKind::PersonDoubleBooked {
                    person: p,
                    other: live[y].id,
                },
                message: format!(
                    "{} is also booked for the {}.",
                    person_name(p),
                    when(live[y])
                ),
            });
        }
    });
    let venue_rows: Vec<(Uuid16, Minute, Minute, usize)> = by_venue
        .iter()
        .map(|r| (*r.0.as_bytes(), r.1, r.2, r.3))
        .collect();
    sweep(&venue_rows, &mut |owner, i, j| {
        let v = VenueId(uuid::Uuid::from_bytes(owner));
        let name = ctx
            .venues
            .get(&v)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| "The venue".into());
        for (x, y) in [(i, j), (j, i)] {
            out.push(Conflict {
                meeting: live[x].id,
                kind: ConflictKind::VenueDoubleBooked {
                    venue: v,
                    other: live[y].id,
                },
                message: format!("{name} is also booked for the {}.", when(live[y])),
            });
        }
    });

    // Leave and busy blocks.
    let mut blocks: HashMap<PersonId, Vec<Interval>> = HashMap::new();
    for b in ctx.blocks {
        if let BusyOwner::Person(p) = b.owner {
            blocks.entry(p).or_default().push(Interval {
                start: minute(&b.start),
                end: minute(&b.end),
                reason: BusyReason::Block {
                    kind: b.kind,
                    note: b.note.clone(),
                },
            });
        }
    }
    let blocks: HashMap<PersonId, BusyList> = blocks
        .into_iter()
        .map(|(p, v)| (p, BusyList::new(v)))
        .collect();

    // Dependencies: the first ICPC (or pre-birth conference) of each child.
    let mut first_conference: HashMap<ChildId, (chrono::DateTime<chrono::FixedOffset>, MeetingId)> =
        HashMap::new();
    for m in live
        .iter()
        .filter(|m| matches!(m.kind, MeetingKind::Icpc | MeetingKind::PreBirthConference))
    {
        for c in &m.children {
            let e = first_conference.entry(*c).or_insert((m.start, m.id));
            if m.start < e.0 {
                *e = (m.start, m.id);
            }
        }
    }

    for m in &live {
        let (a, b) = (minute(&m.start), minute(&m.end));
        let date = m.date();
        match ctx.cal.is_working_day(date) {
            Ok(false) => {
                let why = if let Some(h) = ctx.cal.holiday(date) {
                    format!("a bank holiday ({})", h.title)
                } else if ctx.cal.is_closure(date) {
                    "a local closure day".to_string()
                } else {
                    format!("a {}", date.format("%A"))
                };
                out.push(Conflict {
                    meeting: m.id,
                    kind: ConflictKind::NotWorkingDay,
                    message: format!("The {} is on {why}.", when(m)),
                });
            }
            Ok(true) | Err(_) => {}
        }
        let weekday = date.weekday().number_from_monday() as u8;
        let (ls, le) = (m.start.time(), m.end.time());
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
            let inside = person.working_pattern.days.iter().any(|h| {
                h.weekday == weekday && h.start <= ls && le <= h.end && m.end.date_naive() == date
            });
            if !inside {
                out.push(Conflict {
                    meeting: m.id,
                    kind: ConflictKind::OutsideWorkingHours { person: p },
                    message: format!(
                        "The {} is outside {}'s working hours.",
                        when(m),
                        person.name
                    ),
                });
            }
        }
        let mut who: Vec<PersonId> = m.people().collect();
        who.sort();
        who.dedup();
        for p in who {
            if let Some(iv) = blocks.get(&p).and_then(|bl| bl.overlapping(a, b)) {
                out.push(Conflict {
                    meeting: m.id,
                    kind: ConflictKind::PersonUnavailable { person: p },
                    message: format!(
                        "{} is {} during the {}.",
                        person_name(p),
                        iv.reason.describe(),
                        when(m)
                    ),
                });
            }
        }
        if matches!(
            m.kind,
            MeetingKind::CoreGroup | MeetingKind::ReviewConference
        ) {
            for c in &m.children {
                if let Some((start, icpc)) = first_conference.get(c) {
                    if m.start < *start {
                        out.push(Conflict {
                            meeting: m.id,
                            kind: ConflictKind::BeforeDependency { depends_on: *icpc },
                            message: format!(
                                "The {} is before the initial conference on {} that it follows.",
                                when(m),
                                uk_date(start.date_naive())
                            ),
                        });
                        break;
                    }
                }
            }
        }
    }

    // Statutory windows: planned meetings that would meet an item only after its deadline.
    let in_scan: std::collections::HashSet<MeetingId> = live.iter().map(|m| m.id).collect();
    let by_id: HashMap<MeetingId, &Meeting> = live.iter().map(|m| (m.id, *m)).collect();
    let mut seen: std::collections::HashSet<(MeetingId, String)> = Default::default();
    for i in ctx.items {
        if let Some(s) = i
            .scheduled
            .filter(|s| !s.within_deadline && in_scan.contains(&s.meeting))
        {
            if seen.insert((s.meeting, i.rule.to_string())) {
                let title = by_id.get(&s.meeting).map(|m| when(m)).unwrap_or_default();
                out.push(Conflict {
                    meeting: s.meeting,
                    kind: ConflictKind::OutsideStatutoryWindow {
                        rule: i.rule.to_string(),
                        deadline: i.deadline,
                    },
                    message: format!(
                        "The {title} is after the deadline of {} ({}).",
                        uk_date(i.deadline),
                        i.rule
                    ),
                });
            }
        }
    }
    out.sort_by(|x, y| {
        x.meeting
            .cmp(&y.meeting)
            .then_with(|| x.message.cmp(&y.message))
    });
    out.dedup();
    out
}

type Uuid16 = [u8; 16];

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

#[cfg(test)]
mod tests;
