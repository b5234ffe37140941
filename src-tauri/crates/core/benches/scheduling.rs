#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Slot finder: 10 attendees × 2,000 busy blocks each, a 15-working-day window, 15-minute grid,
//! top 5 (target < 2 ms). Conflict scan over 200k meetings (target < 200 ms).
//! Run: `cargo bench -p convene-core --bench scheduling`.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use convene_core::dataset::Dataset;
use convene_core::holidays::Division;
use convene_core::schedule::availability::{minute, BusyList, BusyReason, Interval};
use convene_core::schedule::{detect_conflicts, find_slots, scan_conflicts, Availability, ScanContext, SlotRequest};
use convene_core::time::parse_london;
use convene_core::*;

fn main() {
    divan::main();
}

/// Deterministic pseudo-random numbers (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

struct SlotWorld {
    avail: Availability,
    req: SlotRequest,
    names: HashMap<PersonId, String>,
    cal: WorkingDayCalendar,
}

fn slot_world() -> &'static SlotWorld {
    static CELL: OnceLock<SlotWorld> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut rng = Rng(42);
        let people: Vec<PersonId> = (0..10)
            .map(|_| PersonId(uuid::Uuid::from_u128(u128::from(rng.next()))))
            .collect();
        // 2,000 blocks each over a year around the window: about 8 a working day, 30-90 minutes,
        // leaving gaps, so the finder has to search.
        let year_start = minute(&parse_london("2026-01-01T00:00").expect("time"));
        let mut busy = HashMap::new();
        for p in &people {
            let blocks: Vec<Interval> = (0..2000)
                .map(|_| {
                    let day = (rng.next() % 365) as i64;
                    let start = year_start + day * 1440 + 8 * 60 + ((rng.next() % 36) as i64) * 15;
                    let len = 30 + ((rng.next() % 5) as i64) * 15;
                    Interval {
                        start,
                        end: start + len,
                        reason: BusyReason::Block {
                            kind: BusyKind::Busy,
                            note: String::new(),
                        },
                    }
                })
                .collect();
            busy.insert(*p, BusyList::new(blocks));
        }
        let patterns = people.iter().map(|p| (*p, WorkingPattern::full_time())).collect();
        let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
        let earliest = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        let mut req = SlotRequest::new(MeetingKind::Icpc, vec![], earliest, 90);
        req.required = people.clone();
        req.deadline = Some(cal.add_working_days(earliest, 15).expect("deadline"));
        req.top = 5;
        let names = people
            .iter()
            .enumerate()
            .map(|(i, p)| (*p, format!("Person {i}")))
            .collect();
        SlotWorld {
            avail: Availability {
                people: busy,
                patterns,
                ..Availability::default()
            },
            req,
            names,
            cal,
        }
    })
}

#[divan::bench]
fn slot_finder_10x2000(bencher: divan::Bencher) {
    let w = slot_world();
    bencher.bench(|| find_slots(&w.req, &w.avail, &w.cal, &w.names));
}

fn big_authority() -> &'static (Dataset, Vec<Meeting>) {
    static CELL: OnceLock<(Dataset, Vec<Meeting>)> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut ds = demo::demo_dataset(NaiveDate::from_ymd_opt(2026, 11, 25).expect("date"), 1);
        // A large authority and its partners: 3,000 people, each in a few meetings a week.
        let agency = ds.agencies[0].id;
        let mut rng = Rng(11);
        for i in 0..3000 {
            ds.people.push(Person {
                id: PersonId(uuid::Uuid::from_u128(u128::from(rng.next()) << 64 | i)),
                name: format!("Practitioner {i}"),
                role: "Social worker".into(),
                agency,
                team: None,
                email: None,
                working_pattern: WorkingPattern::full_time(),
                last_day: None,
            });
        }
        let people: Vec<PersonId> = ds.people.iter().map(|p| p.id).collect();
        let venues: Vec<VenueId> = ds.venues.iter().map(|v| v.id).collect();
        let children: Vec<ChildId> = ds.children.iter().map(|c| c.id).collect();
        let mut rng = Rng(7);
        let base = parse_london("2024-01-01T09:00").expect("time");
        let mut meetings = Vec::with_capacity(200_000);
        for _ in 0..200_000 {
            // Spread over three years of working hours, with realistic clashes.
            // Working days only (Monday 1 January 2024 + whole weeks + a weekday).
            let day = (rng.next() % 156) as i64 * 7 + (rng.next() % 5) as i64;
            let slot = (rng.next() % 15) as i64 * 30; // 09:00 to 16:00 starts, an hour long
            let start = convene_core::time::to_london(base + Duration::days(day) + Duration::minutes(slot));
            let pick = |rng: &mut Rng, v: &Vec<PersonId>| v[(rng.next() % v.len() as u64) as usize];
            let invitees = (0..5)
                .map(|_| Invitee {
                    person: pick(&mut rng, &people),
                    required: true,
                    attendance: Attendance::Invited,
                    report_received: false,
                })
                .collect::<Vec<_>>();
            let mut invitees_unique: Vec<Invitee> = Vec::new();
            for i in invitees {
                if !invitees_unique.iter().any(|j| j.person == i.person) {
                    invitees_unique.push(i);
                }
            }
            meetings.push(Meeting {
                id: MeetingId(uuid::Uuid::from_u128(
                    u128::from(rng.next()) << 64 | u128::from(rng.next()),
                )),
                kind: MeetingKind::CoreGroup,
                children: vec![children[(rng.next() % children.len() as u64) as usize]],
                start,
                end: convene_core::time::to_london(start + Duration::minutes(60)),
                location: Location::Venue {
                    venue: venues[(rng.next() % venues.len() as u64) as usize],
                },
                chair: Some(pick(&mut rng, &people)),
                minute_taker: None,
                invitees: invitees_unique,
                status: MeetingStatus::Planned,
                sequence: 0,
                overrides: vec![],
                outcome: None,
            });
        }
        ds.meetings.clear();
        (ds, meetings)
    })
}

/// Detection: every double booking, non-working day, hours, leave and order problem.
#[divan::bench(sample_count = 10)]
fn conflict_detect_200k(bencher: divan::Bencher) {
    let (ds, meetings) = big_authority();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let refs: Vec<&Meeting> = meetings.iter().collect();
    bencher.bench(|| {
        let ctx = ScanContext::new(ds, &[], &cal, &[]);
        detect_conflicts(&refs, &ctx).len()
    });
}

/// Detection plus a sentence for every conflict found (hundreds of thousands here).
#[divan::bench(sample_count = 10)]
fn conflict_scan_200k_with_messages(bencher: divan::Bencher) {
    let (ds, meetings) = big_authority();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let refs: Vec<&Meeting> = meetings.iter().collect();
    let found = scan_conflicts(&refs, &ScanContext::new(ds, &[], &cal, &[])).len();
    eprintln!("conflict scan: {} meetings, {} conflicts found", refs.len(), found);
    bencher.bench(|| {
        let ctx = ScanContext::new(ds, &[], &cal, &[]);
        scan_conflicts(&refs, &ctx).len()
    });
}
