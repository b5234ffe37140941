//! A realistic, clearly fictional demo dataset for the fictional borough of Northbridge:
//! 3 teams, ~30 practitioners across 6 agencies, ~60 children with 18 months of history and
//! ~400 meetings of every kind; some timescales met, some late, some overdue. Deterministic for
//! a given `today` and seed. Pure: it writes nothing.

mod people;
mod stories;

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use uuid::Uuid;

use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::holidays::Division;
use crate::ids::*;
use crate::model::*;
use crate::time::london;

/// SplitMix64: small, fast, good enough for demo data; deterministic across platforms.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len().max(1) as u64) as usize]
    }
    /// A v4-shaped UUID from the generator, so ids are stable for a seed.
    pub(crate) fn uuid(&mut self) -> Uuid {
        let bytes = ((self.next() as u128) << 64 | self.next() as u128).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// The default seed: the same demo every time for the same `today`.
pub const DEFAULT_SEED: u64 = 0x00C0_FFEE;

/// Build the demo dataset as of `today`.
pub fn demo_dataset(today: NaiveDate, seed: u64) -> Dataset {
    generate(today, seed, stories::DEMO_FAMILIES)
}

/// A synthetic large authority for benchmarks: `families` families (about 1.5 children and
/// 30 events per family) with the demo's staff. 13,500 families give about 20,000 children.
pub fn synthetic_authority(today: NaiveDate, seed: u64, families: usize) -> Dataset {
    generate(today, seed, families)
}

fn generate(today: NaiveDate, seed: u64, families: usize) -> Dataset {
    let mut b = Builder {
        rng: Rng::new(seed),
        cal: WorkingDayCalendar::shipped(Division::EnglandAndWales),
        today,
        ds: Dataset::default(),
        staff: people::Staff::default(),
        // The demo books around its diaries; the synthetic authority stays as drawn, so the
        // benchmarks' figures compare across runs.
        diaries: (families == stories::DEMO_FAMILIES).then(Diaries::default),
    };
    people::agencies_teams_people(&mut b);
    stories::families(&mut b, families);
    leave_an_outcome_to_record(&mut b.ds, today);
    b.ds.sort();
    b.ds
}

/// The last core group before today is left as planned, its attendance unrecorded: a meeting
/// that took place but whose outcome no one has recorded yet, as the dashboard asks for.
fn leave_an_outcome_to_record(ds: &mut Dataset, today: NaiveDate) {
    let last = ds
        .meetings
        .iter_mut()
        .filter(|m| m.kind == MeetingKind::CoreGroup && m.status == MeetingStatus::Held && m.date() < today)
        .max_by_key(|m| (m.start, m.id));
    if let Some(m) = last {
        m.status = MeetingStatus::Planned;
        for i in &mut m.invitees {
            i.attendance = Attendance::Invited;
        }
    }
}

pub(crate) struct Builder {
    pub(crate) rng: Rng,
    pub(crate) cal: WorkingDayCalendar,
    pub(crate) today: NaiveDate,
    pub(crate) ds: Dataset,
    pub(crate) staff: people::Staff,
    /// Who and which rooms are booked when, for the demo to book around: a real diary has few
    /// double bookings, and a demo full of them hides the one a practitioner should see.
    diaries: Option<Diaries>,
}

/// The times each person and venue is booked on each day, by the meetings built so far.
#[derive(Default)]
struct Diaries {
    people: HashMap<(PersonId, NaiveDate), Vec<(NaiveTime, NaiveTime)>>,
    venues: HashMap<(VenueId, NaiveDate), Vec<(NaiveTime, NaiveTime)>>,
}

impl Diaries {
    fn free<K: std::hash::Hash + Eq>(
        map: &HashMap<(K, NaiveDate), Vec<(NaiveTime, NaiveTime)>>,
        key: K,
        date: NaiveDate,
        (a, b): (NaiveTime, NaiveTime),
    ) -> bool {
        map.get(&(key, date))
            .is_none_or(|v| v.iter().all(|(s, e)| b <= *s || *e <= a))
    }
}

/// The `k`th of `n` choices counted on from the drawn one, `first`, wrapping round.
fn nth_from(first: usize, n: usize, k: usize) -> usize {
    (first + k) % n.max(1)
}

impl Builder {
    /// The working day on or after `d` (falls back to `d` past the calendar's range).
    pub(crate) fn working_on_or_after(&self, d: NaiveDate) -> NaiveDate {
        self.cal.on_or_after(d).unwrap_or(d)
    }

    pub(crate) fn event(&mut self, child: ChildId, kind: EventKind, date: NaiveDate, note: &str) {
        if date > self.today {
            return;
        }
        let id = EventId(self.rng.uuid());
        self.ds.events.push(Event {
            id,
            child,
            kind,
            date,
            note: note.to_string(),
        });
    }

    pub(crate) fn episode(&mut self, child: ChildId, kind: EpisodeKind, start: NaiveDate, end: Option<NaiveDate>) {
        if start > self.today {
            return;
        }
        let id = EpisodeId(self.rng.uuid());
        let end = end.filter(|e| *e <= self.today);
        self.ds.episodes.push(Episode {
            id,
            child,
            kind,
            start,
            end,
        });
    }

    /// Add a meeting on a working day at a typical time; held if in the past, planned if not.
    /// Returns its date.
    pub(crate) fn meeting(&mut self, spec: MeetingSpec) -> NaiveDate {
        let first = self.working_on_or_after(spec.date);
        // The drawn time; in the demo, the first after it (wrapping round, then a few less usual
        // times) at which everyone is free, inside the required professionals' hours if any is;
        // a day with no free time gives way to the next working day, up to a week on.
        let drawn = (self.rng.next() % USUAL_TIMES as u64) as usize;
        let (date, time) = match &self.diaries {
            None => (first, drawn),
            Some(d) => {
                let days: Vec<NaiveDate> = std::iter::successors(Some(first), |day| {
                    Some(self.working_on_or_after(*day + Duration::days(1)))
                })
                .take(5)
                .collect();
                // A day inside everyone's working hours first (a part-time chair's core group
                // is not put on a day they do not work), else the first day anyone is free.
                let on = |within_hours: bool| {
                    days.iter()
                        .find_map(|&day| Some((day, self.free_time(d, &spec, day, drawn, within_hours)?)))
                };
                on(true).or_else(|| on(false)).unwrap_or((first, drawn))
            }
        };
        let start_time = at(TIMES[time]);
        let span = |t: NaiveTime| (t, t + Duration::minutes(spec.minutes));
        let people = spec.people();
        let (Ok(start), Ok(end)) = (
            london(date.and_time(start_time)),
            london(date.and_time(start_time) + Duration::minutes(spec.minutes)),
        ) else {
            return date;
        };
        let status = if spec.cancelled {
            MeetingStatus::Cancelled {
                reason: "The chair was unwell; the meeting is being rearranged.".into(),
            }
        } else if date < self.today {
            MeetingStatus::Held
        } else {
            MeetingStatus::Planned
        };
        let held = matches!(status, MeetingStatus::Held);
        let invitees = spec
            .invitees
            .iter()
            .map(|(person, required)| {
                let attendance = if !held {
                    Attendance::Invited
                } else if self.rng.chance(12) {
                    Attendance::Apologies
                } else if self.rng.chance(3) {
                    Attendance::DidNotAttend
                } else {
                    Attendance::Attended
                };
                Invitee {
                    person: *person,
                    required: *required,
                    attendance,
                    report_received: false,
                }
            })
            .filter(|i| Some(i.person) != spec.left_out)
            .collect();
        let location = if self.rng.chance(35) {
            Location::Online {
                joining_details: "Microsoft Teams link sent with the invitation".into(),
            }
        } else {
            // The drawn room, or in the demo the first free one after it.
            let drawn = (self.rng.next() % self.staff.venues.len().max(1) as u64) as usize;
            let venues = &self.staff.venues;
            let free = (0..venues.len()).map(|k| nth_from(drawn, venues.len(), k)).find(|&k| {
                self.diaries
                    .as_ref()
                    .is_none_or(|d| Diaries::free(&d.venues, venues[k], date, span(start_time)))
            });
            Location::Venue {
                venue: venues[free.unwrap_or(drawn)],
            }
        };
        if let Some(d) = self.diaries.as_mut().filter(|_| !spec.cancelled) {
            for p in &people {
                d.people.entry((*p, date)).or_default().push(span(start_time));
            }
            if let Location::Venue { venue } = location {
                d.venues.entry((venue, date)).or_default().push(span(start_time));
            }
        }
        let id = MeetingId(self.rng.uuid());
        self.ds.meetings.push(Meeting {
            id,
            kind: spec.kind,
            children: spec.children,
            start,
            end,
            location,
            chair: spec.chair,
            minute_taker: spec.minute_taker,
            invitees,
            status,
            sequence: 0,
            overrides: vec![],
            outcome: None,
        });
        date
    }
}

/// The times meetings start at: the first `USUAL_TIMES` drawn at random, the rest offered by
/// the demo on a busy day.
const TIMES: [(u32, u32); 14] = [
    (9, 30),
    (10, 0),
    (11, 0),
    (13, 30),
    (14, 0),
    (15, 0),
    (9, 0),
    (12, 0),
    (11, 30),
    (12, 30),
    (15, 30),
    (10, 30),
    (13, 0),
    (16, 0),
];
const USUAL_TIMES: usize = 6;

fn at((h, m): (u32, u32)) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

impl Builder {
    /// The first of `TIMES` on `date` (from the drawn one round the usual times, then the rest)
    /// at which everyone in `spec` is free in `diaries`: with `within_hours`, only inside the
    /// working hours of the chair and every professional required; else any free time.
    fn free_time(
        &self,
        diaries: &Diaries,
        spec: &MeetingSpec,
        date: NaiveDate,
        drawn: usize,
        within_hours: bool,
    ) -> Option<usize> {
        let span = |k: usize| (at(TIMES[k]), at(TIMES[k]) + Duration::minutes(spec.minutes));
        let people = spec.people();
        let weekday = date.weekday().number_from_monday() as u8;
        let hours: Vec<&WorkingPattern> = self
            .ds
            .people
            .iter()
            .filter(|p| Some(p.agency) != self.staff.family_agency)
            .filter(|p| spec.chair == Some(p.id) || spec.invitees.iter().any(|(q, required)| *q == p.id && *required))
            .map(|p| &p.working_pattern)
            .collect();
        let free = |k: usize| people.iter().all(|p| Diaries::free(&diaries.people, *p, date, span(k)));
        let in_hours = |k: usize| {
            let (a, b) = span(k);
            hours.iter().all(|w| {
                w.days
                    .iter()
                    .any(|h| h.weekday == weekday && h.start <= a && b <= h.end)
            })
        };
        let order = || {
            (0..USUAL_TIMES)
                .map(|k| nth_from(drawn, USUAL_TIMES, k))
                .chain(USUAL_TIMES..TIMES.len())
        };
        order().find(|&k| free(k) && (!within_hours || in_hours(k)))
    }
}

/// `n` working days after `d` (day 0 = `d`).
pub(crate) fn plus(cal: &WorkingDayCalendar, d: NaiveDate, n: u32) -> NaiveDate {
    cal.add_working_days(d, n).unwrap_or(d + Duration::days(i64::from(n)))
}

pub(crate) struct MeetingSpec {
    pub(crate) kind: MeetingKind,
    pub(crate) children: Vec<ChildId>,
    pub(crate) date: NaiveDate,
    pub(crate) minutes: i64,
    pub(crate) chair: Option<PersonId>,
    pub(crate) minute_taker: Option<PersonId>,
    pub(crate) invitees: Vec<(PersonId, bool)>,
    /// Someone on the family's usual list who is not invited after all (a school's lead for a
    /// family with no child at school). Left out after the draw, so the demo's other choices
    /// stay as they were.
    pub(crate) left_out: Option<PersonId>,
    pub(crate) cancelled: bool,
}

impl MeetingSpec {
    /// Everyone taking part: the chair, the minute-taker and those invited.
    fn people(&self) -> Vec<PersonId> {
        self.chair
            .into_iter()
            .chain(self.minute_taker)
            .chain(
                self.invitees
                    .iter()
                    .map(|(p, _)| *p)
                    .filter(|p| Some(*p) != self.left_out),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests;
