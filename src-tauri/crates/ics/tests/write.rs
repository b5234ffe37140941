//! Invitations written by this crate read back by its own importer: the same instants, UIDs
//! and titles, across the clock changes, and cancelled meetings making nobody busy.

// Test helpers outside #[test] functions: failing loudly is their job.
#![allow(clippy::panic, clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use convene_ics::{busy_periods, calendar, Attendee, EventStatus, InviteEvent, Method, Party};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn day(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap()
}

fn event(uid: &str, start: DateTime<Utc>, end: DateTime<Utc>, summary: &str) -> InviteEvent {
    InviteEvent {
        uid: uid.to_owned(),
        sequence: 0,
        start,
        end,
        stamp: utc(2026, 1, 2, 3, 4),
        summary: summary.to_owned(),
        description: "Line one,\nline two; with a \\ backslash and 😀".repeat(30),
        location: Some("Room 1, Civic Centre".to_owned()),
        organizer: Some(Party {
            name: "Smith, Sam".to_owned(),
            email: "sam@council.example".to_owned(),
        }),
        attendees: vec![Attendee {
            party: Party {
                name: "Dr Ade: GP".to_owned(),
                email: "ade@nhs.example".to_owned(),
            },
            required: true,
            partstat: None,
        }],
        status: EventStatus::Confirmed,
    }
}

/// (start, end, uid, summary) of every busy period in the UK dates `from..=to`, in UTC.
fn read_back(ics: &str, from: NaiveDate, to: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>, String, String)> {
    let periods = busy_periods(ics, from, to).unwrap_or_else(|e| panic!("import failed: {e}\n{ics}"));
    periods
        .into_iter()
        .map(|p| (p.start.to_utc(), p.end.to_utc(), p.uid, p.summary))
        .collect()
}

#[test]
fn request_reads_back_with_the_same_instants() {
    let start = utc(2026, 7, 14, 9, 0);
    let end = utc(2026, 7, 14, 10, 30);
    let summary = "Core group, review; \"Zoë\" 🧒";
    let ics = calendar(Method::Request, &[event("a@convene.local", start, end, summary)]);
    assert!(ics.contains("DTSTART;TZID=Europe/London:20260714T100000\r\n"));
    let got = read_back(&ics, day(2026, 7, 14), day(2026, 7, 14));
    assert_eq!(got, [(start, end, "a@convene.local".to_owned(), summary.to_owned())]);
}

#[test]
fn publish_reads_back_every_event() {
    let events = [
        event(
            "winter@convene.local",
            utc(2027, 1, 5, 10, 0),
            utc(2027, 1, 5, 11, 0),
            "Winter",
        ),
        event(
            "spring@convene.local",
            utc(2026, 3, 30, 8, 0),
            utc(2026, 3, 30, 9, 0),
            "Spring",
        ),
        event(
            "autumn@convene.local",
            utc(2026, 10, 26, 14, 0),
            utc(2026, 10, 26, 15, 15),
            "Autumn",
        ),
    ];
    let ics = calendar(Method::Publish, &events);
    let got = read_back(&ics, day(2026, 1, 1), day(2027, 12, 31));
    let mut expected: Vec<_> = events
        .iter()
        .map(|e| (e.start, e.end, e.uid.clone(), e.summary.clone()))
        .collect();
    expected.sort();
    assert_eq!(got, expected);
}

#[test]
fn cancelled_meetings_make_nobody_busy() {
    let mut e = event(
        "a@convene.local",
        utc(2026, 7, 14, 9, 0),
        utc(2026, 7, 14, 10, 0),
        "Core group",
    );
    e.sequence = 2;
    let ics = calendar(Method::Cancel, &[e]);
    assert_eq!(read_back(&ics, day(2026, 7, 14), day(2026, 7, 14)), []);
}

/// Every half hour through the 2026 clock-change weekends (including both 01:00–01:59 hours
/// of 25 October) and a few ordinary days, as starts of half-hour meetings.
#[test]
fn instants_survive_the_clock_changes() {
    let mut events = Vec::new();
    for (first, days) in [
        (utc(2026, 3, 28, 0, 0), 3),
        (utc(2026, 10, 24, 0, 0), 3),
        (utc(2026, 12, 31, 20, 0), 1),
    ] {
        for step in 0..days * 48 {
            let start = first + TimeDelta::minutes(30 * step);
            let uid = format!("{}@convene.local", start.timestamp());
            events.push(event(&uid, start, start + TimeDelta::minutes(30), "Slot"));
        }
    }
    let ics = calendar(Method::Publish, &events);
    // The second 01:30 of 25 October is written in UTC; its first is UK wall-clock time.
    assert!(ics.contains("\r\nDTSTART:20261025T013000Z\r\n"));
    assert!(ics.contains("\r\nDTSTART;TZID=Europe/London:20261025T013000\r\n"));
    let got = read_back(&ics, day(2026, 1, 1), day(2027, 12, 31));
    let mut expected: Vec<_> = events
        .iter()
        .map(|e| (e.start, e.end, e.uid.clone(), e.summary.clone()))
        .collect();
    expected.sort();
    assert_eq!(got.len(), expected.len());
    for (got, expected) in got.iter().zip(&expected) {
        assert_eq!(got, expected);
    }
}
