#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The directory in a real sled store: a person's details corrected, agencies and teams added
//! and corrected; each refusal writes nothing, and what is saved survives reopening.

mod common;
use common::*;

use convene_core::*;
use convene_store::{Store, StoreError};

#[test]
fn a_persons_details_are_corrected_on_disk_and_a_refusal_changes_nothing() {
    let (dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    // A social worker with children allocated to them.
    let worker = ds
        .people
        .iter()
        .find(|p| ds.children.iter().any(|c| c.social_worker == Some(p.id)))
        .unwrap()
        .clone();
    let draft = views::PersonDraft {
        name: "Corrected Name".into(),
        email: Some("worker@example.org".into()),
        ..views::PersonDraft::of(&worker)
    };
    let saved = store.change_person(worker.id, &draft).unwrap();
    assert_eq!((saved.id, saved.name.as_str()), (worker.id, "Corrected Name"));
    // Out of their team while children are allocated: refused, and nothing written.
    let before = store.export().unwrap();
    let err = store
        .change_person(
            worker.id,
            &views::PersonDraft {
                team: None,
                ..draft.clone()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("would no longer hold cases"), "{err}");
    // An unknown person or agency is refused too.
    assert!(matches!(
        store.change_person(PersonId::new_random(), &draft),
        Err(StoreError::NotFound { what: "person", .. })
    ));
    let nowhere = views::PersonDraft {
        agency: AgencyId::new_random(),
        ..draft.clone()
    };
    assert!(matches!(
        store.change_person(worker.id, &nowhere),
        Err(StoreError::NotFound { what: "agency", .. })
    ));
    assert_eq!(store.export().unwrap(), before);
    // The correction is on disk: the same person, their working pattern as it was.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let read: Person = store.require(worker.id.as_bytes()).unwrap();
    assert_eq!(read.name, "Corrected Name");
    assert_eq!(read.email.as_deref(), Some("worker@example.org"));
    assert_eq!(read.working_pattern, worker.working_pattern);
    assert_eq!(store.load_dataset().unwrap().people.len(), ds.people.len());
}

#[test]
fn agencies_and_teams_are_added_and_corrected_and_a_refusal_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let csc = store
        .save_agency(
            None,
            &views::AgencyDraft {
                name: " Northbridge Children's Services ".into(),
                kind: AgencyKind::ChildrensSocialCare,
            },
        )
        .unwrap();
    assert!(!store.is_empty());
    let team = store
        .save_team(
            None,
            &views::TeamDraft {
                name: "Assessment".into(),
                agency: csc.id,
                manager: None,
            },
        )
        .unwrap();
    let sam = store
        .add_person(&views::PersonDraft {
            name: "Sam Okafor".into(),
            role: "Social worker".into(),
            agency: csc.id,
            team: Some(team.id),
            email: None,
        })
        .unwrap();
    let managed = views::TeamDraft {
        manager: Some(sam.id),
        ..views::TeamDraft::of(&team)
    };
    assert_eq!(store.save_team(Some(team.id), &managed).unwrap().manager, Some(sam.id));
    let police_force = store
        .save_agency(
            None,
            &views::AgencyDraft {
                name: "Police".into(),
                kind: AgencyKind::Police,
            },
        )
        .unwrap();
    // Refused, and nothing written: the kind while Sam is in it, a name taken, an unknown team,
    // and Sam moved to the police while managing a team of children's services.
    let before = store.export().unwrap();
    let to_police = views::PersonDraft {
        agency: police_force.id,
        team: None,
        ..views::PersonDraft::of(&sam)
    };
    assert!(matches!(
        store.change_person(sam.id, &to_police),
        Err(StoreError::Invalid(ValidationError::StillManages { .. }))
    ));
    let police = views::AgencyDraft {
        kind: AgencyKind::Police,
        ..views::AgencyDraft::of(&csc)
    };
    assert!(matches!(
        store.save_agency(Some(csc.id), &police),
        Err(StoreError::Invalid(ValidationError::AgencyKindFixed { .. }))
    ));
    let twin = views::AgencyDraft {
        name: "NORTHBRIDGE children's services".into(),
        kind: AgencyKind::Health,
    };
    assert!(matches!(
        store.save_agency(None, &twin),
        Err(StoreError::Invalid(ValidationError::NameTaken { .. }))
    ));
    assert!(matches!(
        store.save_team(Some(TeamId::new_random()), &managed),
        Err(StoreError::NotFound { what: "team", .. })
    ));
    assert_eq!(store.export().unwrap(), before);
    // Renamed, and on disk after reopening, with the team and its manager.
    let renamed = views::AgencyDraft {
        name: "Northbridge CSC".into(),
        ..views::AgencyDraft::of(&csc)
    };
    store.save_agency(Some(csc.id), &renamed).unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let d = views::directory(&store.all().unwrap(), &store.all().unwrap(), &store.all().unwrap());
    assert_eq!(d.len(), 2);
    assert_eq!((d[0].agency.name.as_str(), d[0].people), ("Northbridge CSC", 1));
    assert_eq!(
        (
            d[0].teams[0].team.name.as_str(),
            d[0].teams[0].members,
            d[0].teams[0].manager.as_deref()
        ),
        ("Assessment", 1, Some("Sam Okafor"))
    );
}

#[test]
fn someone_leaving_is_recorded_on_disk_once_nothing_rests_on_them() {
    let (dir, store) = demo_store();
    let ds = store.load_dataset().unwrap();
    let before = store.export().unwrap();
    // A social worker with children allocated: refused.
    let worker = ds
        .people
        .iter()
        .find(|p| ds.children.iter().any(|c| c.social_worker == Some(p.id)))
        .unwrap();
    let err = store
        .record_leaving(worker.id, Some("2026-12-18"), today())
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("allocated: allocate them to another social worker"),
        "{err}"
    );
    // A professional of another agency, part of planned meetings: refused before their last
    // meeting, recorded on the day of it.
    let agencies: std::collections::HashMap<AgencyId, &Agency> = ds.agencies.iter().map(|a| (a.id, a)).collect();
    let (pc, last_meeting) = ds
        .people
        .iter()
        .filter(|p| agencies[&p.agency].kind == AgencyKind::Police)
        .find_map(|p| {
            let last = ds
                .meetings
                .iter()
                .filter(|m| !m.is_cancelled() && m.involves(p.id))
                .map(|m| m.date())
                .max()?;
            (last > today()).then_some((p, last))
        })
        .unwrap();
    let day_before = (last_meeting - chrono::Duration::days(1)).to_string();
    let err = store.record_leaving(pc.id, Some(&day_before), today()).unwrap_err();
    assert!(
        err.to_string().contains("invite someone else in their place first"),
        "{err}"
    );
    assert!(matches!(
        store.record_leaving(PersonId::new_random(), Some("2026-12-18"), today()),
        Err(StoreError::NotFound { what: "person", .. })
    ));
    assert_eq!(store.export().unwrap(), before, "a refusal writes nothing");
    let left = store
        .record_leaving(pc.id, Some(&last_meeting.to_string()), today())
        .unwrap();
    assert_eq!(left.last_day, Some(last_meeting));
    // Their meetings can no longer be moved past the day with them in it.
    let mut moved = ds
        .meetings
        .iter()
        .find(|m| !m.is_cancelled() && m.involves(pc.id) && m.date() == last_meeting)
        .unwrap()
        .clone();
    moved.start += chrono::Duration::days(7);
    moved.end += chrono::Duration::days(7);
    let err = store.put(&moved).unwrap_err();
    assert!(err.to_string().contains("invite someone else in their place"), "{err}");

    // On disk, and kept in an export and import.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let read: Person = store.require(pc.id.as_bytes()).unwrap();
    assert_eq!(read.last_day, Some(last_meeting));
    let backup = store.export().unwrap();
    let other = tempfile::tempdir().unwrap();
    let copy = Store::open(other.path()).unwrap();
    copy.import(&backup).unwrap();
    assert_eq!(
        copy.require::<Person>(pc.id.as_bytes()).unwrap().last_day,
        Some(last_meeting)
    );
    // Working here again.
    let back = store.record_leaving(pc.id, None, today()).unwrap();
    assert_eq!(back.last_day, None);
}
