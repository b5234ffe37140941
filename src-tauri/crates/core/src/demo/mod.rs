//! A realistic, clearly fictional demo dataset for the fictional borough of Northbridge:
//! 3 teams, ~30 practitioners across 6 agencies, ~60 children with 18 months of history and
//! ~400 meetings of every kind; some timescales met, some late, some overdue. Deterministic for
//! a given `today` and seed. Pure: it writes nothing.

mod people;
mod stories;

use chrono::{Duration, NaiveDate, NaiveTime};
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
        let date = self.working_on_or_after(spec.date);
        let slots = [(9, 30), (10, 0), (11, 0), (13, 30), (14, 0), (15, 0)];
        let (h, m) = *self.rng.pick(&slots);
        let start_time = NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
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
            Location::Venue {
                venue: *self.rng.pick(&self.staff.venues),
            }
        };
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

#[cfg(test)]
mod tests;
