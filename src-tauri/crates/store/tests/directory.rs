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
