//! Test records shared by the scheduling tests: a child, a meeting, people and the England pack.

use chrono::NaiveDate;

use crate::calendar::WorkingDayCalendar;
use crate::holidays::Division;
use crate::ids::*;
use crate::model::*;
use crate::rules::RulePack;
use crate::time::parse_london;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A child called `name` Smith, born 1 May 2019.
pub fn child(name: &str) -> Child {
    Child {
        id: ChildId::new_random(),
        given_name: name.into(),
        family_name: "Smith".into(),
        name_display: NameDisplay::FullName,
        birth: Birth::born(d("2019-05-01")),
        case_id: "C1".into(),
        siblings: vec![],
        social_worker: None,
        network: vec![],
    }
}

/// A 90-minute online meeting for one child, starting at `start` (UK wall clock).
pub fn meeting(kind: MeetingKind, child: ChildId, start: &str, status: MeetingStatus) -> Meeting {
    let start = parse_london(start).unwrap();
    Meeting {
        id: MeetingId::new_random(),
        kind,
        children: vec![child],
        start,
        end: start + chrono::Duration::minutes(90),
        location: Location::Online {
            joining_details: "Teams".into(),
        },
        chair: None,
        minute_taker: None,
        invitees: vec![],
        status,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    }
}

pub fn agency(name: &str, kind: AgencyKind) -> Agency {
    Agency {
        id: AgencyId::new_random(),
        name: name.into(),
        kind,
    }
}

/// Someone working Monday to Friday, 09:00 to 17:00.
pub fn person(name: &str, agency: AgencyId) -> Person {
    Person {
        id: PersonId::new_random(),
        name: name.into(),
        role: "Practitioner".into(),
        agency,
        team: None,
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: None,
    }
}

pub fn invitee(person: PersonId, required: bool) -> Invitee {
    Invitee {
        person,
        required,
        attendance: Attendance::Invited,
        report_received: false,
    }
}

/// The England rule pack and the shipped England and Wales calendar.
pub fn env() -> (RulePack, WorkingDayCalendar) {
    (
        RulePack::builtin("england").unwrap(),
        WorkingDayCalendar::shipped(Division::EnglandAndWales),
    )
}
