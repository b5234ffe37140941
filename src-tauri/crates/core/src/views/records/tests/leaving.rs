//! A professional leaving their post (`record_leaving`), and what is then refused them.

use super::*;
use crate::error::ValidationError;
use crate::schedule::fixtures::{agency, child, d, invitee, meeting, person};
use crate::views::TeamDraft;

fn leaving(
    p: &Person,
    a: &Agency,
    day: &str,
    allocated: usize,
    manages: &[Team],
    meetings: &[Meeting],
) -> Result<Person, ValidationError> {
    record_leaving(p, a, Some(day), d("2026-12-01"), allocated, manages, meetings)
}

#[test]
fn a_professional_leaves_on_their_last_day_and_can_come_back() {
    let csc = agency("Northbridge Children's Services", AgencyKind::ChildrensSocialCare);
    let sam = person("Sam Patel", csc.id);
    let left = leaving(&sam, &csc, "2026-12-18", 0, &[], &[]).unwrap();
    assert_eq!(left.last_day, Some(d("2026-12-18")));
    assert_eq!(
        Person {
            last_day: None,
            ..left.clone()
        },
        sam,
        "nothing else changes"
    );
    assert!(left.works_on(d("2026-12-18")));
    assert!(!left.works_on(d("2026-12-19")));
    let back = record_leaving(&left, &csc, None, d("2026-12-01"), 0, &[], &[]).unwrap();
    assert_eq!(back, sam);
    // A correction of their details keeps the day.
    let corrected = PersonDraft::of(&left).change(&left, &csc, &csc, None, 0, &[]).unwrap();
    assert_eq!(corrected.last_day, Some(d("2026-12-18")));
}

#[test]
fn leaving_is_refused_while_anything_rests_on_them() {
    let csc = agency("Northbridge Children's Services", AgencyKind::ChildrensSocialCare);
    let sam = person("Sam Patel", csc.id);
    assert_eq!(
        leaving(&sam, &csc, "2026-12-18", 2, &[], &[]).unwrap_err().to_string(),
        "Sam Patel has 2 children allocated: allocate them to another social worker before recording that they are leaving."
    );
    let team = Team {
        id: TeamId::new_random(),
        name: "Assessment".into(),
        agency: csc.id,
        manager: Some(sam.id),
    };
    assert_eq!(
        leaving(&sam, &csc, "2026-12-18", 0, &[team], &[])
            .unwrap_err()
            .to_string(),
        "Sam Patel manages Assessment: choose another manager for it before recording that they are leaving."
    );
    let ada = child("Ada");
    let invited = |start: &str, status: MeetingStatus| {
        let mut m = meeting(MeetingKind::ReviewConference, ada.id, start, status);
        m.invitees.push(invitee(sam.id, true));
        m
    };
    let on_the_day = invited("2026-12-18T15:00", MeetingStatus::Planned);
    let after = invited("2027-01-08T10:00", MeetingStatus::Planned);
    let first_after = invited("2027-01-05T10:00", MeetingStatus::Planned);
    let cancelled = invited("2026-12-21T10:00", MeetingStatus::Cancelled { reason: "Moved".into() });
    let mut chaired = meeting(
        MeetingKind::CoreGroup,
        ada.id,
        "2027-02-01T10:00",
        MeetingStatus::Planned,
    );
    chaired.chair = Some(sam.id);
    assert_eq!(
        leaving(&sam, &csc, "2026-12-18", 0, &[], &[after.clone(), on_the_day.clone(), first_after.clone()])
            .unwrap_err()
            .to_string(),
        "Sam Patel is part of 2 meetings after that day (Review child protection conference on 05/01/2027, the first): invite someone else in their place first."
    );
    assert!(matches!(
        leaving(&sam, &csc, "2026-12-18", 0, &[], &[chaired]),
        Err(ValidationError::LeavingWithMeetings { .. })
    ));
    // A meeting on their last day, or one cancelled, is no reason to stay.
    assert!(leaving(&sam, &csc, "2026-12-18", 0, &[], &[on_the_day, cancelled]).is_ok());
}

#[test]
fn only_a_professional_leaves_on_a_likely_day() {
    let family = agency("Family and friends", AgencyKind::Family);
    let mum = person("Kelly Smith", family.id);
    assert_eq!(
        leaving(&mum, &family, "2026-12-18", 0, &[], &[])
            .unwrap_err()
            .to_string(),
        "Kelly Smith is a member of a child's family: only a professional is recorded as leaving."
    );
    let police = agency("Northbridge Police", AgencyKind::Police);
    let pc = person("PC Jo Lane", police.id);
    assert!(matches!(
        leaving(&pc, &police, "18/12/2026", 0, &[], &[]),
        Err(ValidationError::BadDate { .. })
    ));
    assert_eq!(
        leaving(&pc, &police, "2028-01-10", 0, &[], &[])
            .unwrap_err()
            .to_string(),
        "The last working day 10/01/2028 is more than a year from today: check the date."
    );
    // Recorded after the event, within the year.
    assert!(leaving(&pc, &police, "2026-06-30", 0, &[], &[]).is_ok());
}

#[test]
fn someone_leaving_is_not_allocated_children_or_given_a_team() {
    let csc = agency("Northbridge Children's Services", AgencyKind::ChildrensSocialCare);
    let team = Team {
        id: TeamId::new_random(),
        name: "Assessment".into(),
        agency: csc.id,
        manager: None,
    };
    let sam = Person {
        team: Some(team.id),
        ..person("Sam Patel", csc.id)
    };
    assert!(check_allocation(&sam, Some(&csc)).is_ok());
    let left = leaving(&sam, &csc, "2026-12-18", 0, &[], &[]).unwrap();
    assert_eq!(
        check_allocation(&left, Some(&csc)).unwrap_err().to_string(),
        "Sam Patel's last working day is 18/12/2026: choose someone who is staying."
    );
    let draft = TeamDraft {
        name: "Assessment".into(),
        agency: csc.id,
        manager: Some(left.id),
    };
    assert!(matches!(
        draft.apply(Some(&team), &csc, Some(&left), std::slice::from_ref(&team), 1),
        Err(ValidationError::HasLeft { .. })
    ));
}
