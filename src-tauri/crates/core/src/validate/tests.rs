use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::dataset::Dataset;

/// Every reference resolves, so only the record itself is checked; the one person given (if any)
/// has 18 December 2026 as their last working day.
struct Everything(Option<PersonId>);

const ALL: Everything = Everything(None);

impl Lookup for Everything {
    fn has_child(&self, _: ChildId) -> bool {
        true
    }
    fn has_person(&self, _: PersonId) -> bool {
        true
    }
    fn has_agency(&self, _: AgencyId) -> bool {
        true
    }
    fn has_team(&self, _: TeamId) -> bool {
        true
    }
    fn has_venue(&self, _: VenueId) -> bool {
        true
    }
    fn last_day(&self, id: PersonId) -> Option<(String, NaiveDate)> {
        (self.0 == Some(id)).then(|| ("Sam Patel".to_string(), d("2026-12-18")))
    }
}

const OUTSIDE: &str = "is outside the dates Convene handles (2000-01-01 to 2199-12-31)";

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%:z").unwrap()
}

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn meeting_at(start: &str, end: &str) -> Meeting {
    Meeting {
        id: MeetingId::new_random(),
        kind: MeetingKind::CoreGroup,
        children: vec![ChildId::new_random()],
        start: at(start),
        end: at(end),
        location: Location::Online {
            joining_details: "Teams".into(),
        },
        chair: None,
        minute_taker: None,
        invitees: vec![],
        status: MeetingStatus::Planned,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    }
}

fn block(owner: PersonId, start: &str, end: &str) -> BusyBlock {
    BusyBlock {
        id: BusyId::new_random(),
        owner: BusyOwner::Person(owner),
        start: at(start),
        end: at(end),
        kind: BusyKind::Leave,
        note: "Annual leave".into(),
        source: None,
    }
}

fn child_with(birth: Birth) -> Child {
    Child {
        id: ChildId::new_random(),
        given_name: "A".into(),
        family_name: "B".into(),
        name_display: NameDisplay::FullName,
        birth,
        case_id: String::new(),
        siblings: vec![],
        social_worker: None,
        network: vec![],
    }
}

fn refused(result: Result<(), ValidationError>, needle: &str) {
    let err = result.expect_err("refused").to_string();
    assert!(err.contains(needle), "{err}");
}

#[test]
fn meetings_and_busy_time_outside_2000_to_2199_are_refused() {
    let far = meeting_at("+10000-06-01T10:00:00+01:00", "+10000-06-01T11:00:00+01:00");
    refused(meeting(&far, &ALL), OUTSIDE);
    let early = meeting_at("1999-12-31T10:00:00+00:00", "1999-12-31T11:00:00+00:00");
    refused(meeting(&early, &ALL), OUTSIDE);
    assert_eq!(
        meeting(
            &meeting_at("2199-12-31T10:00:00+00:00", "2199-12-31T11:00:00+00:00"),
            &ALL
        ),
        Ok(())
    );

    let p = PersonId::new_random();
    let endless = block(p, "2026-12-01T10:00:00+00:00", "+10000-01-01T00:00:00+00:00");
    refused(busy_block(&endless, &ALL), OUTSIDE);
    let ancient = block(p, "-0001-01-01T00:00:00-00:01", "-0001-01-02T00:00:00-00:01");
    refused(busy_block(&ancient, &ALL), OUTSIDE);
    // Leave on the last day handled ends at midnight after it.
    let last_day = block(p, "2199-12-31T00:00:00+00:00", "2200-01-01T00:00:00+00:00");
    assert_eq!(busy_block(&last_day, &ALL), Ok(()));
    let past_it = block(p, "2199-12-31T00:00:00+00:00", "2200-01-01T00:01:00+00:00");
    refused(busy_block(&past_it, &ALL), OUTSIDE);
}

#[test]
fn childrens_dates_events_and_episodes_outside_the_range_are_refused() {
    let unborn = child_with(Birth::Unborn {
        expected_delivery: d("1990-01-01"),
    });
    refused(
        child(&unborn, &ALL),
        "The expected date of delivery 1990-01-01 is outside",
    );
    let born = child_with(Birth::born(d("2200-01-01")));
    refused(child(&born, &ALL), "The date of birth 2200-01-01 is outside");
    assert_eq!(child(&child_with(Birth::born(d("2000-01-01"))), &ALL), Ok(()));

    let e = Event {
        id: EventId::new_random(),
        child: ChildId::new_random(),
        kind: EventKind::Referral,
        date: d("1990-01-01"),
        note: String::new(),
    };
    refused(event(&e, &ALL), OUTSIDE);
    let mut ep = Episode {
        id: EpisodeId::new_random(),
        child: ChildId::new_random(),
        kind: EpisodeKind::LookedAfter,
        start: d("1990-01-01"),
        end: None,
    };
    refused(episode(&ep, &ALL), OUTSIDE);
    ep.start = d("2026-01-01");
    ep.end = Some(d("+10000-01-01"));
    refused(episode(&ep, &ALL), OUTSIDE);
}

#[test]
fn a_sequence_number_no_calendar_could_follow_is_refused() {
    let mut m = meeting_at("2026-12-01T10:00:00+00:00", "2026-12-01T11:00:00+00:00");
    m.sequence = u32::MAX;
    refused(meeting(&m, &ALL), "4294967295");
}

#[test]
fn an_import_checks_every_busy_block() {
    let agency = Agency {
        id: AgencyId::new_random(),
        name: "Council".into(),
        kind: AgencyKind::ChildrensSocialCare,
    };
    let person = Person {
        id: PersonId::new_random(),
        name: "Sam".into(),
        role: "Social worker".into(),
        agency: agency.id,
        team: None,
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: None,
    };
    let with = |b: BusyBlock| Dataset {
        agencies: vec![agency.clone()],
        people: vec![person.clone()],
        busy: vec![b],
        ..Dataset::default()
    };
    let good = block(person.id, "2026-12-01T10:00:00+00:00", "2026-12-01T11:00:00+00:00");
    assert!(with(good.clone()).validate().is_ok());

    let stranger = block(
        PersonId::new_random(),
        "2026-12-01T10:00:00+00:00",
        "2026-12-01T11:00:00+00:00",
    );
    let err = with(stranger).validate().unwrap_err().to_string();
    assert!(err.contains("does not exist"), "{err}");
    let backwards = block(person.id, "2026-12-01T10:00:00+00:00", "2026-12-01T09:00:00+00:00");
    let err = with(backwards).validate().unwrap_err().to_string();
    assert!(err.contains("before or when it starts"), "{err}");
    let elsewhere = block(person.id, "2026-12-01T10:00:00+05:00", "2026-12-01T11:00:00+05:00");
    let err = with(elsewhere).validate().unwrap_err().to_string();
    assert!(err.contains("does not carry the UK's offset"), "{err}");
    let mut chatty = good;
    chatty.note = "x".repeat(500);
    let err = with(chatty).validate().unwrap_err().to_string();
    assert!(err.contains("too long"), "{err}");
}

#[test]
fn a_meeting_length_is_1_to_720_minutes() {
    assert_eq!(meeting_minutes(1), Ok(1));
    assert_eq!(meeting_minutes(720), Ok(720));
    for bad in [0, -5, 721, i64::MAX] {
        assert_eq!(
            meeting_minutes(bad).unwrap_err().to_string(),
            "The duration must be between 1 and 720 minutes."
        );
    }
}

#[test]
fn no_one_is_part_of_a_meeting_after_their_last_working_day() {
    let sam = PersonId::new_random();
    let db = Everything(Some(sam));
    let with = |start: &str, end: &str, place: fn(&mut Meeting, PersonId)| {
        let mut m = meeting_at(start, end);
        place(&mut m, sam);
        m
    };
    let invited: fn(&mut Meeting, PersonId) = |m, p| {
        m.invitees.push(Invitee {
            person: p,
            required: true,
            attendance: Attendance::Invited,
            report_received: false,
        })
    };
    let chairing: fn(&mut Meeting, PersonId) = |m, p| m.chair = Some(p);
    let minuting: fn(&mut Meeting, PersonId) = |m, p| m.minute_taker = Some(p);
    // Up to and on the day: fine.
    assert!(meeting(
        &with("2026-12-18T15:00:00+00:00", "2026-12-18T16:00:00+00:00", invited),
        &db
    )
    .is_ok());
    for place in [invited, chairing, minuting] {
        assert_eq!(
            meeting(&with("2027-01-05T10:00:00+00:00", "2027-01-05T11:00:00+00:00", place), &db)
                .unwrap_err()
                .to_string(),
            "Sam Patel's last working day is 18/12/2026, before this meeting on 05/01/2027: invite someone else in their place."
        );
    }
    // A cancelled meeting is a record of what was planned.
    let mut cancelled = with("2027-01-05T10:00:00+00:00", "2027-01-05T11:00:00+00:00", invited);
    cancelled.status = MeetingStatus::Cancelled { reason: "Moved".into() };
    assert!(meeting(&cancelled, &db).is_ok());
    // Someone else, after the day: fine.
    assert!(meeting(
        &meeting_at("2027-01-05T10:00:00+00:00", "2027-01-05T11:00:00+00:00"),
        &db
    )
    .is_ok());
}
