use super::*;
use crate::holidays::Division;
use crate::model::*;
use crate::schedule::availability::{BusyList, BusyReason, Interval};
use crate::time::parse_london;
use chrono::Duration;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn m(s: &str) -> Minute {
    minute(&parse_london(s).unwrap())
}

pub(super) fn block(start: &str, end: &str, note: &str) -> Interval {
    Interval {
        start: m(start),
        end: m(end),
        reason: BusyReason::Block {
            kind: BusyKind::Leave,
            note: note.into(),
        },
    }
}

pub(super) struct World {
    pub(super) avail: Availability,
    pub(super) names: HashMap<PersonId, String>,
    pub(super) people: Vec<PersonId>,
}

pub(super) fn world(n: usize) -> World {
    let people: Vec<PersonId> = (0..n).map(|_| PersonId::new_random()).collect();
    let names = people
        .iter()
        .enumerate()
        .map(|(i, p)| (*p, format!("Person {i}")))
        .collect();
    let patterns = people.iter().map(|p| (*p, WorkingPattern::full_time())).collect();
    World {
        avail: Availability {
            people: HashMap::new(),
            patterns,
            ..Availability::default()
        },
        names,
        people,
    }
}

pub(super) fn cal() -> WorkingDayCalendar {
    WorkingDayCalendar::shipped(Division::EnglandAndWales)
}

pub(super) fn request(w: &World, earliest: &str, deadline: Option<&str>) -> SlotRequest {
    let mut r = SlotRequest::new(MeetingKind::Icpc, vec![], d(earliest), 90);
    r.required = w.people.clone();
    r.deadline = deadline.map(d);
    r
}

#[test]
fn far_dates_give_an_answer_not_a_panic() {
    let w = world(2);
    // The last day chrono can count: a search starting there must not step past it.
    let far = request(&w, "+262142-12-31", None);
    let res = find_slots(&far, &w.avail, &cal(), &w.names);
    assert!(res.nothing_fits && res.slots.is_empty(), "{res:?}");
    // A deadline far beyond the calendar: the search stays inside the dates it can count.
    let r = request(&w, "2026-01-05", Some("9999-12-31"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(!res.nothing_fits, "{res:?}");
    assert!(
        res.slots.iter().all(|s| s.start.date_naive() < d("2027-01-05")),
        "{res:?}"
    );
}

#[test]
fn a_deadline_long_past_still_offers_the_earliest_times_all_late() {
    // A core group due Fri 9 Jan 2026 and still not booked on Wed 1 Apr: more than 30 working
    // days late. Everyone is free, so there are times to book, all of them late.
    let mut w = world(2);
    // The first person is on leave for the first week, which must not empty the search.
    w.avail.people.insert(
        w.people[0],
        BusyList::new(vec![block("2026-04-01T00:00", "2026-04-09T00:00", "Leave")]),
    );
    let r = request(&w, "2026-04-01", Some("2026-01-09"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(res.nothing_fits, "nothing is inside the deadline: {res:?}");
    assert!(res.message.contains("has already passed"), "{}", res.message);
    assert_eq!(res.slots.len(), 5, "{res:?}");
    assert!(res
        .slots
        .iter()
        .all(|s| !s.within_deadline && s.missing_required.is_empty()));
    // Thu 9 Apr: after the leave; Good Friday (3 Apr) and Easter Monday (6 Apr) are holidays too.
    assert_eq!(res.slots[0].start.to_rfc3339(), "2026-04-09T09:00:00+01:00");
    assert!(res.slots[0].reasons.iter().any(|r| r.contains("would be late")));
}

#[test]
fn everyone_free_gives_the_earliest_slots_inside_the_window() {
    let w = world(3);
    // Fri 8 May 2026 is the day after earliest; Mon 4 May is a bank holiday.
    let r = request(&w, "2026-05-02", Some("2026-05-08"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(!res.nothing_fits);
    assert_eq!(res.slots.len(), 5);
    assert_eq!(
        res.slots[0].start.to_rfc3339(),
        "2026-05-05T09:00:00+01:00",
        "Sat, Sun and the bank holiday skipped"
    );
    assert!(res
        .slots
        .iter()
        .all(|s| s.within_deadline && s.missing_required.is_empty()));
    assert!(res.slots[0]
        .reasons
        .iter()
        .any(|r| r.contains("Everyone required can attend")));
}

#[test]
fn a_time_next_to_someones_other_booking_names_them() {
    let mut w = world(3);
    let (a, b) = (w.people[0], w.people[1]);
    // Both busy until 09:15 and from 11:00 on Tue 5 May: its times are free, but close to both.
    for p in [a, b] {
        w.avail.people.insert(
            p,
            BusyList::new(vec![
                block("2026-05-05T08:00", "2026-05-05T09:15", "visit"),
                block("2026-05-05T11:00", "2026-05-05T18:00", "court"),
            ]),
        );
    }
    let mut r = request(&w, "2026-05-05", Some("2026-05-20"));
    r.top = 10;
    r.buffer_minutes = 0;
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    let first = &res.slots[0];
    assert_eq!(first.start.to_rfc3339(), "2026-05-05T09:15:00+01:00", "{res:?}");
    assert!(
        first
            .reasons
            .contains(&"Person 0 and Person 1 have something else booked within 30 minutes of it.".to_string()),
        "{:?}",
        first.reasons
    );
    // A time well clear of it says nothing of the kind.
    let later = res
        .slots
        .iter()
        .find(|s| s.start.date_naive() > d("2026-05-05"))
        .unwrap();
    assert!(
        !later.reasons.iter().any(|r| r.contains("something else booked")),
        "{:?}",
        later.reasons
    );
}

#[test]
fn busy_leave_and_part_time_days_are_avoided_and_explained() {
    let mut w = world(2);
    let (a, b) = (w.people[0], w.people[1]);
    w.avail.people.insert(
        a,
        BusyList::new(vec![block("2026-05-05T00:00", "2026-05-06T00:00", "annual leave")]),
    );
    w.avail
        .patterns
        .insert(b, WorkingPattern::days(&[1, 4, 5], (9, 0), (17, 0)));
    let r = request(&w, "2026-05-05", Some("2026-05-20"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    // Tue 5: A on leave; Wed 6: B does not work; Thu 7: both free.
    assert_eq!(res.slots[0].start.date_naive(), d("2026-05-07"));

    let mut tight = request(&w, "2026-05-05", Some("2026-05-06"));
    tight.top = 3;
    let res = find_slots(&tight, &w.avail, &cal(), &w.names);
    assert!(res.nothing_fits);
    assert!(res.message.contains("No time by the deadline"), "{}", res.message);
    let late = res.slots.last().unwrap();
    assert!(!late.within_deadline && late.missing_required.is_empty());
    assert_eq!(late.start.date_naive(), d("2026-05-07"));
    let inside = &res.slots[0];
    assert!(inside.within_deadline);
    assert_eq!(inside.missing_required.len(), 1);
    assert!(
        inside
            .reasons
            .iter()
            .any(|r| r.contains("on leave (annual leave)") || r.contains("does not work on Wednesdays")),
        "{:?}",
        inside.reasons
    );
}

#[test]
fn optional_attendees_rank_slots() {
    let mut w = world(2);
    let opt = PersonId::new_random();
    w.names.insert(opt, "Optional Person".into());
    w.avail.patterns.insert(opt, WorkingPattern::full_time());
    w.avail.people.insert(
        opt,
        BusyList::new(vec![block("2026-06-01T00:00", "2026-06-03T00:00", "")]),
    );
    let mut r = request(&w, "2026-06-01", Some("2026-06-12"));
    r.optional = vec![opt];
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(
        res.slots[0].start.date_naive(),
        d("2026-06-03"),
        "the first day the optional person can come"
    );
    assert!(res.slots.iter().all(|s| s.missing_optional.is_empty()));
}

#[test]
fn slots_across_the_clock_change_keep_local_hours() {
    let w = world(1);
    // Clocks go back on Sun 25 Oct 2026: Friday is BST, Monday GMT; both start at 09:00 local.
    let r = request(&w, "2026-10-23", Some("2026-10-27"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    let starts: Vec<String> = res.slots.iter().map(|s| s.start.to_rfc3339()).collect();
    assert!(starts.contains(&"2026-10-23T09:00:00+01:00".to_string()), "{starts:?}");
    assert!(starts.contains(&"2026-10-26T09:00:00+00:00".to_string()), "{starts:?}");
    // And in March: Fri 27 (GMT) and Mon 30 (BST).
    let r = request(&w, "2026-03-27", Some("2026-03-31"));
    let starts: Vec<String> = find_slots(&r, &w.avail, &cal(), &w.names)
        .slots
        .iter()
        .map(|s| s.start.to_rfc3339())
        .collect();
    assert!(
        starts.contains(&"2026-03-27T09:00:00+00:00".to_string())
            && starts.contains(&"2026-03-30T09:00:00+01:00".to_string()),
        "{starts:?}"
    );
}

#[test]
fn a_venue_must_be_free() {
    let mut w = world(1);
    let v = VenueId::new_random();
    w.avail.venues.insert(
        v,
        BusyList::new(vec![block("2026-05-05T00:00", "2026-05-06T00:00", "booked")]),
    );
    let mut r = request(&w, "2026-05-05", Some("2026-05-15"));
    r.venues = vec![v];
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(res.slots[0].start.date_naive(), d("2026-05-06"));
    assert_eq!(res.slots[0].venue, Some(v));
}

#[test]
fn a_family_member_keeps_no_working_hours_only_their_busy_time() {
    let mut w = world(2);
    let parent = w.people[1];
    // A parent with no working days, as Settings allows for someone who attends by arrangement.
    w.avail.patterns.insert(parent, WorkingPattern { days: vec![] });
    let r = request(&w, "2026-05-05", Some("2026-05-20"));
    assert!(
        find_slots(&r, &w.avail, &cal(), &w.names).nothing_fits,
        "held to their pattern"
    );
    w.avail.any_hours.insert(parent);
    w.avail.people.insert(
        parent,
        BusyList::new(vec![block(
            "2026-05-05T00:00",
            "2026-05-06T00:00",
            "Hospital appointment",
        )]),
    );
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(!res.nothing_fits, "{res:?}");
    assert_eq!(
        res.slots[0].start.date_naive(),
        d("2026-05-06"),
        "their busy day still counts"
    );
}

#[test]
fn a_venue_must_seat_everyone_invited() {
    let mut w = world(3);
    let (small, large) = (VenueId::new_random(), VenueId::new_random());
    w.avail.capacities.insert(small, 2);
    w.avail.capacities.insert(large, 3);
    let mut r = request(&w, "2026-05-05", Some("2026-05-15"));
    // The small room comes first, but three people are invited: the large one is chosen.
    r.venues = vec![small, large];
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(!res.nothing_fits, "{res:?}");
    assert!(res.slots.iter().all(|s| s.venue == Some(large)), "{res:?}");
    // Only the small room: no time is offered, and the message says why.
    r.venues = vec![small];
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(res.nothing_fits && res.slots.is_empty(), "{res:?}");
    assert!(res.message.contains("largest venue chosen seats 2"), "{}", res.message);
}

#[test]
fn a_meetings_own_invitation_imported_back_does_not_block_its_time() {
    use crate::dataset::Dataset;
    let w = world(1);
    let person = w.people[0];
    let start = parse_london("2026-05-05T09:00").unwrap();
    let m = Meeting {
        id: MeetingId::new_random(),
        kind: MeetingKind::CoreGroup,
        children: vec![],
        start,
        end: start + Duration::hours(8),
        location: Location::Online {
            joining_details: "Teams".into(),
        },
        chair: Some(person),
        minute_taker: None,
        invitees: vec![],
        status: MeetingStatus::Cancelled {
            reason: "Family unwell".into(),
        },
        sequence: 1,
        overrides: vec![],
        outcome: None,
    };
    // The cancelled meeting's invitation, still in the person's Outlook when it was imported,
    // and a real appointment on the next day.
    let copy = |day: &str, uid: String| BusyBlock {
        id: BusyId::new_random(),
        owner: BusyOwner::Person(person),
        start: parse_london(&format!("{day}T09:00")).unwrap(),
        end: parse_london(&format!("{day}T17:00")).unwrap(),
        kind: BusyKind::Imported,
        note: "Core group".into(),
        source: Some(uid),
    };
    let blocks = [
        copy("2026-05-05", m.calendar_uid()),
        copy("2026-05-06", "dentist-123@example.org".into()),
    ];
    let ds = Dataset {
        meetings: vec![m],
        ..Dataset::default()
    };
    let mut avail = Availability::build(&ds, &blocks, None);
    avail.patterns = w.avail.patterns.clone();
    let res = find_slots(&request(&w, "2026-05-05", Some("2026-05-07")), &avail, &cal(), &w.names);
    let days: Vec<NaiveDate> = res.slots.iter().map(|s| s.start.date_naive()).collect();
    assert!(
        days.contains(&d("2026-05-05")),
        "the cancelled meeting's copy kept the day: {days:?}"
    );
    assert!(
        !days.contains(&d("2026-05-06")),
        "the other appointment still counts: {days:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// A suggested slot never overlaps a required attendee's busy time, is inside working hours
    /// on a working day, and is inside the window when it says so.
    #[test]
    fn suggestions_respect_busy_time_hours_and_window(
        seed_blocks in proptest::collection::vec((0i64..(20 * 24 * 4), 1i64..16), 0..60),
        start_offset in 0i64..30,
        window in 1u32..15,
    ) {
        let w = world(3);
        let base = d("2026-01-05");
        let mut avail = w.avail.clone();
        for (i, p) in w.people.iter().enumerate() {
            let blocks: Vec<Interval> = seed_blocks.iter().skip(i).step_by(3).map(|(q, len)| {
                let s = m("2026-01-05T00:00") + q * 15;
                Interval { start: s, end: s + len * 15, reason: BusyReason::Block { kind: BusyKind::Busy, note: String::new() } }
            }).collect();
            avail.people.insert(*p, BusyList::new(blocks));
        }
        let cal = cal();
        let earliest = base + Duration::days(start_offset);
        let deadline = cal.add_working_days(earliest, window).unwrap();
        let mut r = SlotRequest::new(MeetingKind::CoreGroup, vec![], earliest, 60);
        r.required = w.people.clone();
        r.deadline = Some(deadline);
        let res = find_slots(&r, &avail, &cal, &w.names);
        for s in &res.slots {
            let (a, b) = (minute(&s.start), minute(&s.end));
            let day = s.start.date_naive();
            prop_assert!(cal.is_working_day(day).unwrap());
            prop_assert!(day >= earliest);
            prop_assert_eq!(s.within_deadline, day <= deadline);
            prop_assert!(s.start.time() >= r.day_start && s.end.time() <= r.day_end);
            if s.missing_required.is_empty() {
                for p in &w.people {
                    prop_assert!(avail.busy(*p).unwrap().overlapping(a, b).is_none());
                }
            }
        }
        if !res.nothing_fits {
            prop_assert!(res.slots.iter().all(|s| s.missing_required.is_empty() && s.within_deadline));
        }
    }
}

#[test]
fn times_that_have_passed_today_are_not_offered() {
    let w = world(2);
    // Mon 5 Jan 2026, 10:07 in London (GMT): the first time offered is 10:15, on the grid.
    let now = chrono::DateTime::parse_from_rfc3339("2026-01-05T10:07:30Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let mut r = request(&w, "2026-01-05", None);
    let before = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(
        before.slots.iter().any(|s| s.start.to_rfc3339() < now.to_rfc3339()),
        "{before:?}"
    );
    r.not_before = Some(now);
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(!res.slots.is_empty(), "{res:?}");
    assert!(res.slots.iter().all(|s| s.start >= now), "{res:?}");
    let first = res.slots.iter().map(|s| s.start).min().unwrap();
    assert_eq!(first.to_rfc3339(), "2026-01-05T10:15:00+00:00");
    // On the grid's step exactly: that time is still offered.
    r.not_before = Some(
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:15:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    let first = find_slots(&r, &w.avail, &cal(), &w.names)
        .slots
        .iter()
        .map(|s| s.start)
        .min()
        .unwrap();
    assert_eq!(first.to_rfc3339(), "2026-01-05T10:15:00+00:00");
    // After the day's last start: the next working day.
    r.not_before = Some(
        chrono::DateTime::parse_from_rfc3339("2026-01-05T16:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(
        res.slots.iter().all(|s| s.start.date_naive() > d("2026-01-05")),
        "{res:?}"
    );
}

#[test]
fn no_time_is_offered_after_an_invitees_last_working_day() {
    for required in [true, false] {
        let mut w = world(2);
        let leaver = w.people[1];
        w.avail.last_days.insert(leaver, d("2026-01-06"));
        let mut r = request(&w, "2026-01-05", Some("2026-01-30"));
        if !required {
            r.required = vec![w.people[0]];
            r.optional = vec![leaver];
        }
        let res = find_slots(&r, &w.avail, &cal(), &w.names);
        assert!(!res.nothing_fits, "{res:?}");
        assert!(!res.slots.is_empty());
        assert!(
            res.slots.iter().all(|s| s.start.date_naive() <= d("2026-01-06")),
            "{res:?}"
        );
        assert!(
            res.message
                .ends_with("None is offered after Tue 6 Jan 2026, Person 1's last working day: a meeting then cannot include them."),
            "{}",
            res.message
        );
    }
}

#[test]
fn when_nothing_fits_before_a_leavers_last_day_it_says_so_and_offers_no_late_time() {
    let mut w = world(2);
    let leaver = w.people[1];
    w.avail.last_days.insert(leaver, d("2026-01-06"));
    // Person 0 is on leave on both days up to the leaver's last day.
    w.avail.people.insert(
        w.people[0],
        BusyList::new(vec![block("2026-01-05T00:00", "2026-01-07T00:00", "")]),
    );
    let r = request(&w, "2026-01-05", Some("2026-01-30"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert!(res.nothing_fits, "{res:?}");
    assert_eq!(
        res.message,
        "No time up to Tue 6 Jan 2026, Person 1's last working day, suits everyone required, and a meeting after it cannot include them: invite whoever takes over from them. Shown: the best times up to that day."
    );
    assert!(!res.slots.is_empty());
    assert!(res
        .slots
        .iter()
        .all(|s| s.start.date_naive() <= d("2026-01-06") && s.missing_required == vec![w.people[0]]));
}

#[test]
fn an_invitee_gone_before_the_search_starts_is_named_and_nothing_offered() {
    let mut w = world(2);
    w.avail.last_days.insert(w.people[0], d("2026-01-02"));
    // A later last day for someone else changes nothing: the earliest one is named.
    w.avail.last_days.insert(w.people[1], d("2026-02-02"));
    let res = find_slots(&request(&w, "2026-01-05", None), &w.avail, &cal(), &w.names);
    assert!(res.nothing_fits && res.slots.is_empty(), "{res:?}");
    assert_eq!(
        res.message,
        "Person 0's last working day is Fri 2 Jan 2026, before Mon 5 Jan 2026: a meeting then cannot include them. Take them off the invitation and invite whoever has taken over from them."
    );
}

#[test]
fn last_working_days_come_from_the_people_records() {
    let (agency, mut staying) = (
        crate::schedule::fixtures::agency("CSC", AgencyKind::ChildrensSocialCare),
        crate::schedule::fixtures::person("A", AgencyId::new_random()),
    );
    staying.agency = agency.id;
    let mut leaving = crate::schedule::fixtures::person("B", agency.id);
    leaving.last_day = Some(d("2026-01-06"));
    let ds = crate::dataset::Dataset {
        agencies: vec![agency],
        people: vec![staying.clone(), leaving.clone()],
        ..Default::default()
    };
    let a = Availability::build(&ds, &[], None);
    assert_eq!(a.last_days.get(&leaving.id), Some(&d("2026-01-06")));
    assert!(!a.last_days.contains_key(&staying.id));
}
