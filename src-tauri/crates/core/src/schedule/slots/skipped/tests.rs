//! Why the days before the first time offered have none.

use super::super::tests::{block, cal, request, world};
use super::super::*;
use crate::model::{WorkingHours, WorkingPattern};
use crate::schedule::availability::BusyList;

/// Monday to Thursday, 09:00 to 17:00.
fn four_days() -> WorkingPattern {
    let mut p = WorkingPattern::full_time();
    p.days.retain(|h: &WorkingHours| h.weekday <= 4);
    p
}

#[test]
fn a_day_someone_required_does_not_work_is_explained() {
    let mut w = world(2);
    w.avail.patterns.insert(w.people[0], four_days());
    let r = request(&w, "2026-12-04", Some("2026-12-16"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(res.slots[0].start.to_rfc3339(), "2026-12-07T09:00:00+00:00");
    assert_eq!(res.earlier_days, ["Fri 4 Dec 2026: Person 0 does not work on Fridays."]);
}

#[test]
fn days_with_one_reason_are_said_once_and_the_weekend_between_is_not_a_break() {
    let mut w = world(2);
    w.avail.patterns.insert(w.people[0], four_days());
    w.avail.people.insert(
        w.people[1],
        BusyList::new(vec![block("2026-12-04T00:00", "2026-12-10T00:00", "annual leave")]),
    );
    let r = request(&w, "2026-12-03", Some("2026-12-16"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(res.slots[0].start.to_rfc3339(), "2026-12-03T09:00:00+00:00");
    assert!(
        res.earlier_days.is_empty(),
        "times from the first day: {:?}",
        res.earlier_days
    );

    let r = request(&w, "2026-12-04", Some("2026-12-16"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(res.slots[0].start.to_rfc3339(), "2026-12-10T09:00:00+00:00");
    assert_eq!(
        res.earlier_days,
        [
            "Fri 4 Dec 2026: Person 0 does not work on Fridays; Person 1 is on leave (annual leave).",
            "Mon 7 Dec 2026 to Wed 9 Dec 2026: Person 1 is on leave (annual leave)."
        ]
    );
}

#[test]
fn people_free_at_different_times_are_never_free_together() {
    let mut w = world(2);
    w.avail.people.insert(
        w.people[0],
        BusyList::new(vec![block("2026-12-04T09:00", "2026-12-04T13:00", "")]),
    );
    w.avail.people.insert(
        w.people[1],
        BusyList::new(vec![block("2026-12-04T12:00", "2026-12-04T17:00", "")]),
    );
    let r = request(&w, "2026-12-04", Some("2026-12-16"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(
        res.earlier_days,
        ["Fri 4 Dec 2026: everyone required is free at some time, but never all at once."]
    );
    // One busy all day, for reasons that differ through it: not free for the meeting's length.
    w.avail.people.insert(
        w.people[0],
        BusyList::new(vec![
            block("2026-12-04T09:00", "2026-12-04T13:00", "court"),
            block("2026-12-04T13:00", "2026-12-04T17:00", "training"),
        ]),
    );
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(
        res.earlier_days,
        ["Fri 4 Dec 2026: Person 0 is not free for the length of the meeting."]
    );
}

#[test]
fn a_day_everyone_required_can_attend_without_someone_optional_is_said() {
    let mut w = world(3);
    let mut r = request(&w, "2026-12-04", Some("2026-12-11"));
    r.required = w.people[..2].to_vec();
    r.optional = vec![w.people[2]];
    w.avail.people.insert(
        w.people[2],
        BusyList::new(vec![block("2026-12-04T00:00", "2026-12-05T00:00", "")]),
    );
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    // Times with everyone fill the list from Monday.
    assert_eq!(res.slots[0].start.to_rfc3339(), "2026-12-07T09:00:00+00:00");
    assert_eq!(
        res.earlier_days,
        ["Fri 4 Dec 2026: everyone required can attend, but not Person 2 (optional); times with more of those invited come first."]
    );
}

#[test]
fn a_busy_venue_and_the_end_of_today_are_said() {
    let mut w = world(1);
    let venue = VenueId::new_random();
    w.avail.venues.insert(
        venue,
        BusyList::new(vec![block("2026-12-04T00:00", "2026-12-05T00:00", "")]),
    );
    let mut r = request(&w, "2026-12-04", Some("2026-12-16"));
    r.venues = vec![venue];
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(
        res.earlier_days,
        ["Fri 4 Dec 2026: no venue chosen is free when everyone required can attend."]
    );

    // At 16:00 on Friday, no 90-minute time is left before 17:00.
    let mut r = request(&w, "2026-12-04", Some("2026-12-16"));
    r.not_before = Some(crate::time::parse_london("2026-12-04T16:00").unwrap().to_utc());
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(res.slots[0].start.to_rfc3339(), "2026-12-07T09:00:00+00:00");
    assert_eq!(res.earlier_days, ["Fri 4 Dec 2026: no time is left today."]);
}

#[test]
fn a_long_run_of_reasons_is_cut_short() {
    let mut w = world(2);
    // Each day of two weeks someone else is away: no two days alike, so none is joined.
    let mut blocks0 = Vec::new();
    let mut blocks1 = Vec::new();
    for (i, day) in ["01", "02", "03", "04", "07", "08", "09", "10"].iter().enumerate() {
        let b = block(
            &format!("2026-12-{day}T00:00"),
            &format!("2026-12-{day}T23:59"),
            &format!("day {i}"),
        );
        if i % 2 == 0 {
            blocks0.push(b);
        } else {
            blocks1.push(b);
        }
    }
    w.avail.people.insert(w.people[0], BusyList::new(blocks0));
    w.avail.people.insert(w.people[1], BusyList::new(blocks1));
    let r = request(&w, "2026-12-01", Some("2026-12-16"));
    let res = find_slots(&r, &w.avail, &cal(), &w.names);
    assert_eq!(res.slots[0].start.to_rfc3339(), "2026-12-11T09:00:00+00:00");
    assert_eq!(res.earlier_days.len(), 6, "{:?}", res.earlier_days);
    assert_eq!(res.earlier_days[0], "Tue 1 Dec 2026: Person 0 is on leave (day 0).");
    assert_eq!(
        res.earlier_days[5],
        "3 more working days before Fri 11 Dec 2026 have no time either."
    );
}
