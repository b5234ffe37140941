//! Conferences: one with no parent or carer invited (`ConflictKind::NoParentInvited`), and one
//! booked beside another of the same kind for a child (`ConflictKind::AlsoBooked`).

use super::tests::{fixture, meeting};
use super::*;
use crate::dataset::Dataset;
use crate::holidays::Division;

/// Ruby Calder, born in 2020, with the fixture's child id and `network`.
fn ruby(id: ChildId, network: Vec<NetworkLink>) -> Child {
    Child {
        id,
        given_name: "Ruby".into(),
        family_name: "Calder".into(),
        name_display: NameDisplay::FullName,
        birth: Birth::born(NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()),
        case_id: "C".into(),
        siblings: vec![],
        social_worker: None,
        network,
    }
}

#[test]
fn a_planned_conference_with_no_parent_or_carer_invited_is_flagged() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let family = Agency {
        id: AgencyId::new_random(),
        name: "Family".into(),
        kind: AgencyKind::Family,
    };
    let relative = |name: &str, agency: AgencyId| Person {
        id: PersonId::new_random(),
        name: name.into(),
        role: "Mother".into(),
        agency,
        team: None,
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: None,
    };
    // A mother recorded as family, and a foster carer from an agency, linked to the child.
    let mother = relative("Dee Calder", family.id);
    let foster = relative("Pat Host", f.ds.agencies[0].id);
    let mut ds = f.ds.clone();
    ds.agencies.push(family);
    ds.people.extend([mother.clone(), foster.clone()]);
    let child = |network: Vec<NetworkLink>| ruby(f.child, network);
    let flagged = |ds: &Dataset, m: &Meeting| -> Vec<String> {
        conflicts_for(m, &[], &ScanContext::new(ds, &[], &cal, &[]))
            .into_iter()
            .filter(|c| c.kind == ConflictKind::NoParentInvited)
            .map(|c| c.message)
            .collect()
    };
    let at = |kind, people: &[PersonId]| meeting(kind, f.child, "2026-12-08T10:00", 60, people, None);
    ds.children = vec![child(vec![NetworkLink {
        person: mother.id,
        role: NetworkRole::Parent,
    }])];
    // Professionals only: flagged for every kind of child protection conference.
    for kind in [
        MeetingKind::Icpc,
        MeetingKind::ReviewConference,
        MeetingKind::PreBirthConference,
    ] {
        assert_eq!(
            flagged(&ds, &at(kind, &[f.a, f.b])),
            [format!(
                "No parent or carer is invited to the {} on Tue 8 Dec 2026 at 10:00. Invite them, or give the reason: only the chair can decide to exclude a parent.",
                kind.title().to_lowercase()
            )],
            "{kind:?}"
        );
    }
    // The mother invited, as a family member (her agency says so).
    assert!(flagged(&ds, &at(MeetingKind::Icpc, &[f.a, mother.id])).is_empty());
    // A foster carer from an agency counts as family through the child's network.
    ds.children = vec![child(vec![NetworkLink {
        person: foster.id,
        role: NetworkRole::FosterCarer,
    }])];
    assert!(flagged(&ds, &at(MeetingKind::ReviewConference, &[f.a, foster.id])).is_empty());
    // Not linked to this child, the same person from that agency is a professional.
    ds.children = vec![child(vec![])];
    assert_eq!(
        flagged(&ds, &at(MeetingKind::ReviewConference, &[f.a, foster.id])),
        ["No parent or carer of Ruby Calder is recorded, so none is invited to the review child protection conference on Tue 8 Dec 2026 at 10:00. Add them to the child's network and invite them, or give the reason."]
    );
    // Not a conference, or not planned any more: nothing said.
    assert!(flagged(&ds, &at(MeetingKind::CoreGroup, &[f.a])).is_empty());
    assert!(flagged(&ds, &at(MeetingKind::StrategyDiscussion, &[f.a])).is_empty());
    let mut held = at(MeetingKind::Icpc, &[f.a]);
    held.status = MeetingStatus::Held;
    assert!(flagged(&ds, &held).is_empty());
}

#[test]
fn a_second_conference_of_the_same_kind_for_a_child_is_flagged() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let mut ds = f.ds.clone();
    ds.children = vec![ruby(f.child, vec![])];
    let at = |kind, start: &str| meeting(kind, f.child, start, 60, &[f.a], None);
    let flagged = |m: &Meeting, stored: &[Meeting]| -> Vec<String> {
        conflicts_for(m, stored, &ScanContext::new(&ds, &[], &cal, &[]))
            .into_iter()
            .filter(|c| matches!(c.kind, ConflictKind::AlsoBooked { .. }))
            .map(|c| c.message)
            .collect()
    };
    let first = at(MeetingKind::Icpc, "2026-12-08T10:00");
    let said = ["The initial child protection conference for Ruby Calder on Tue 8 Dec 2026 at 10:00 is already booked: move that one, or cancel it, rather than book a second."];
    // A second initial conference, before or after the first, or a pre-birth one beside it.
    assert_eq!(
        flagged(&at(MeetingKind::Icpc, "2026-12-14T10:00"), std::slice::from_ref(&first)),
        said
    );
    assert_eq!(
        flagged(&at(MeetingKind::Icpc, "2026-12-07T10:00"), std::slice::from_ref(&first)),
        said
    );
    assert_eq!(
        flagged(
            &at(MeetingKind::PreBirthConference, "2026-12-14T10:00"),
            std::slice::from_ref(&first)
        ),
        said
    );
    // The first moved is not a second.
    let mut moved = first.clone();
    moved.start += chrono::Duration::days(1);
    moved.end += chrono::Duration::days(1);
    assert!(flagged(&moved, std::slice::from_ref(&first)).is_empty());
    // A review beside an initial conference, or core groups beside each other, are not twice
    // the same; a review beside a review is.
    assert!(flagged(
        &at(MeetingKind::ReviewConference, "2027-02-08T10:00"),
        std::slice::from_ref(&first)
    )
    .is_empty());
    let group = at(MeetingKind::CoreGroup, "2026-12-15T10:00");
    assert!(flagged(
        &at(MeetingKind::CoreGroup, "2026-12-22T10:00"),
        std::slice::from_ref(&group)
    )
    .is_empty());
    let review = at(MeetingKind::ReviewConference, "2027-02-08T10:00");
    assert_eq!(
        flagged(&at(MeetingKind::ReviewConference, "2027-02-15T10:00"), std::slice::from_ref(&review)),
        ["The review child protection conference for Ruby Calder on Mon 8 Feb 2027 at 10:00 is already booked: move that one, or cancel it, rather than book a second."]
    );
    // One held, or cancelled, leaves the next to book.
    for status in [
        MeetingStatus::Held,
        MeetingStatus::Cancelled {
            reason: "Not needed".into(),
        },
    ] {
        let mut done = first.clone();
        done.status = status;
        assert!(flagged(&at(MeetingKind::Icpc, "2026-12-14T10:00"), &[done]).is_empty());
    }
}
