#![allow(clippy::panic, clippy::unwrap_used)]
//! Convene meetings as invitations, on the demo dataset: REQUEST with a stable UID and the
//! meeting's SEQUENCE, CANCEL with the same UID, a person's calendar as PUBLISH, children by
//! initials only, and every file readable by this crate's own importer.

use chrono::{NaiveDate, TimeZone, Utc};
use convene_core::demo::{demo_dataset, DEFAULT_SEED};
use convene_core::{MeetingStatus, PersonId};
use convene_ics::{busy_periods, meeting_invitation, person_calendar};

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

#[test]
fn a_planned_meeting_is_a_request_and_a_cancelled_one_a_cancel_with_the_same_uid() {
    let mut ds = demo_dataset(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), DEFAULT_SEED);
    let i = ds
        .meetings
        .iter()
        .position(|m| m.status == MeetingStatus::Planned)
        .unwrap();
    ds.meetings[i].sequence = 3;
    let m = ds.meetings[i].clone();
    let req = meeting_invitation(&ds, m.id, None, stamp()).unwrap();
    assert!(req.contains("METHOD:REQUEST\r\n"));
    assert!(req.contains(&format!("UID:{}@convene.local\r\n", m.id)));
    assert!(req.contains("SEQUENCE:3\r\n"));
    assert!(req.contains("STATUS:CONFIRMED\r\n"));
    for c in ds.children.iter().filter(|c| m.children.contains(&c.id)) {
        let full = format!("{} {}", c.given_name, c.family_name);
        assert!(!req.contains(&full), "a child's full name is in the invitation");
    }
    let busy = busy_periods(
        &req,
        m.start.date_naive().pred_opt().unwrap(),
        m.end.date_naive().succ_opt().unwrap(),
    )
    .unwrap();
    assert!(busy.iter().any(|b| b.start == m.start && b.end == m.end));

    ds.meetings[i].status = MeetingStatus::Cancelled {
        reason: "Family unwell".into(),
    };
    let cancel = meeting_invitation(&ds, m.id, None, stamp()).unwrap();
    assert!(cancel.contains("METHOD:CANCEL\r\n"));
    assert!(cancel.contains(&format!("UID:{}@convene.local\r\n", m.id)));
    assert!(cancel.contains("STATUS:CANCELLED\r\n"));
}

#[test]
fn a_persons_calendar_is_published_and_unknown_ids_are_refused() {
    let ds = demo_dataset(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), DEFAULT_SEED);
    let chair = ds.meetings.iter().find_map(|m| m.chair).unwrap();
    let cal = person_calendar(&ds, chair, stamp()).unwrap();
    assert!(cal.contains("METHOD:PUBLISH\r\n"));
    let expected = ds
        .meetings
        .iter()
        .filter(|m| !matches!(m.status, MeetingStatus::Cancelled { .. }))
        .filter(|m| {
            m.chair == Some(chair) || m.minute_taker == Some(chair) || m.invitees.iter().any(|i| i.person == chair)
        })
        .count();
    assert!(expected > 0);
    assert_eq!(cal.matches("BEGIN:VEVENT").count(), expected);
    let nobody = PersonId::new_random();
    assert_eq!(
        person_calendar(&ds, nobody, stamp()).unwrap_err().to_string(),
        format!("Person {nobody} does not exist.")
    );
}

/// The invitation's lines with folding undone.
fn lines(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "").split("\r\n").map(str::to_string).collect()
}

#[test]
fn the_chair_and_minute_taker_are_invited_and_there_is_always_an_organizer() {
    let mut ds = demo_dataset(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), DEFAULT_SEED);
    let i = ds
        .meetings
        .iter()
        .position(|m| m.status == MeetingStatus::Planned && m.chair.is_some() && m.invitees.len() > 1)
        .unwrap();
    let chair = ds.meetings[i].chair.unwrap();
    ds.meetings[i].invitees.retain(|x| x.person != chair);
    let sender = ds.meetings[i].invitees[0].person;
    // A minute-taker who is not an invitee.
    let taker = ds
        .people
        .iter()
        .map(|p| p.id)
        .find(|id| *id != chair && !ds.meetings[i].invitees.iter().any(|x| x.person == *id))
        .unwrap();
    ds.meetings[i].minute_taker = Some(taker);
    let mut set_email = |id: PersonId, addr: Option<&str>| {
        ds.people.iter_mut().find(|p| p.id == id).unwrap().email = addr.map(str::to_string);
    };
    set_email(chair, Some("chair@example.org"));
    set_email(taker, Some("minutes@example.org"));
    set_email(sender, Some("sender@example.org"));
    let id = ds.meetings[i].id;
    let has = |lines: &[String], prop: &str, addr: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(prop) && l.ends_with(&format!("mailto:{addr}")))
    };

    // Sent by an invitee: the chair and the minute-taker are attendees.
    let req = lines(&meeting_invitation(&ds, id, Some(sender), stamp()).unwrap());
    assert!(has(&req, "ATTENDEE", "chair@example.org"), "{req:?}");
    assert!(has(&req, "ATTENDEE", "minutes@example.org"), "{req:?}");
    assert!(has(&req, "ORGANIZER", "sender@example.org"), "{req:?}");

    // A sender with no address: the chair organizes, and is not also an attendee.
    ds.people.iter_mut().find(|p| p.id == sender).unwrap().email = None;
    let req = lines(&meeting_invitation(&ds, id, Some(sender), stamp()).unwrap());
    assert!(has(&req, "ORGANIZER", "chair@example.org"), "{req:?}");
    assert!(!has(&req, "ATTENDEE", "chair@example.org"), "{req:?}");
}
