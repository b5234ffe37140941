//! People in a child's network, and people added to the directory and corrected.

use super::*;
use crate::error::ValidationError;

fn someone(name: &str, kind: AgencyKind) -> (Person, Agency) {
    let agency = Agency {
        id: AgencyId::new_random(),
        name: "Agency".into(),
        kind,
    };
    let person = PersonDraft {
        name: name.into(),
        role: String::new(),
        agency: agency.id,
        team: None,
        email: None,
    }
    .to_person(&agency, None)
    .unwrap();
    (person, agency)
}

#[test]
fn a_person_joins_a_childs_network_once_per_role_and_leaves_it() {
    let child = test_child("Ada");
    let (pike, health) = someone("Dr Pike", AgencyKind::Health);
    let gp = pike.id;
    let linked = link_person(&child, &pike, Some(&health), NetworkRole::Gp).unwrap();
    assert_eq!(
        linked.network,
        vec![NetworkLink {
            person: gp,
            role: NetworkRole::Gp
        }]
    );
    assert_eq!(
        link_person(&linked, &pike, Some(&health), NetworkRole::Gp)
            .unwrap_err()
            .to_string(),
        "Dr Pike is already in this child's network as GP."
    );
    // The same person in another role is another link.
    let both = link_person(&linked, &pike, Some(&health), NetworkRole::Other).unwrap();
    assert_eq!(both.network.len(), 2);
    let back = unlink_person(&both, &pike, NetworkRole::Other).unwrap();
    assert_eq!(back.network, linked.network);
    assert_eq!(
        unlink_person(&back, &pike, NetworkRole::HealthVisitor),
        Err(ValidationError::NotLinked {
            name: "Dr Pike".into(),
            role: "health visitor".into()
        })
    );
}

#[test]
fn a_new_professional_works_office_hours_and_family_none() {
    let draft = PersonDraft {
        name: " Sarah Dunmore ".into(),
        role: "Mother".into(),
        agency: AgencyId::new_random(),
        team: None,
        email: Some("  ".into()),
    };
    let family = Agency {
        id: draft.agency,
        name: "Family and friends".into(),
        kind: AgencyKind::Family,
    };
    let health = Agency {
        id: draft.agency,
        name: "Health".into(),
        kind: AgencyKind::Health,
    };
    let csc_team = Team {
        id: TeamId::new_random(),
        name: "Assessment".into(),
        agency: AgencyId::new_random(),
        manager: None,
    };
    let mother = draft.to_person(&family, None).unwrap();
    assert_eq!((mother.name.as_str(), mother.email.clone()), ("Sarah Dunmore", None));
    assert!(mother.working_pattern.days.is_empty());
    assert_eq!(
        draft.to_person(&health, None).unwrap().working_pattern,
        WorkingPattern::full_time()
    );
    // Family have no team; a professional's team must be their agency's.
    let with_team = PersonDraft {
        team: Some(csc_team.id),
        ..draft.clone()
    };
    assert_eq!(with_team.to_person(&family, Some(&csc_team)).unwrap().team, None);
    assert_eq!(
        with_team.to_person(&health, Some(&csc_team)).unwrap_err().to_string(),
        "The team Assessment is not part of Health."
    );
    // Every role has a name and an id that reads back.
    for r in NetworkRole::ALL {
        let id = serde_json::to_value(r).unwrap();
        assert_eq!(NetworkRole::parse(id.as_str().unwrap()), Ok(r));
        assert!(!r.label().is_empty());
    }
    assert!(NetworkRole::parse("dentist").is_err());
}

#[test]
fn a_correction_keeps_the_person_and_their_hours_but_not_a_worker_without_a_team() {
    let csc = Agency {
        id: AgencyId::new_random(),
        name: "Children's social care".into(),
        kind: AgencyKind::ChildrensSocialCare,
    };
    let police = Agency {
        id: AgencyId::new_random(),
        name: "Police".into(),
        kind: AgencyKind::Police,
    };
    let family = Agency {
        id: AgencyId::new_random(),
        name: "Family".into(),
        kind: AgencyKind::Family,
    };
    let team = Team {
        id: TeamId::new_random(),
        name: "Assessment".into(),
        agency: csc.id,
        manager: None,
    };
    let mut worker = PersonDraft {
        name: "Sam Okafor".into(),
        role: "Social worker".into(),
        agency: csc.id,
        team: Some(team.id),
        email: None,
    }
    .to_person(&csc, Some(&team))
    .unwrap();
    worker.working_pattern.days.truncate(3); // part time, as Settings left it
                                             // Details corrected, trimmed as a new person's: the same person, the same hours.
    let draft = PersonDraft {
        name: " Samuel Okafor ".into(),
        email: Some(" s.okafor@example.org ".into()),
        ..PersonDraft::of(&worker)
    };
    let changed = draft.change(&worker, &csc, &csc, Some(&team), 4, &[]).unwrap();
    assert_eq!(changed.id, worker.id);
    assert_eq!(changed.name, "Samuel Okafor");
    assert_eq!(changed.email.as_deref(), Some("s.okafor@example.org"));
    assert_eq!(changed.working_pattern, worker.working_pattern);
    assert_eq!(PersonDraft::of(&changed).team, Some(team.id));
    // Out of the team while four children are allocated to them: refused, in a sentence;
    // with none allocated, allowed.
    let no_team = PersonDraft {
        team: None,
        ..PersonDraft::of(&worker)
    };
    assert_eq!(
        no_team.change(&worker, &csc, &csc, None, 4, &[]).unwrap_err().to_string(),
        "Sam Okafor has 4 children allocated, and would no longer hold cases: allocate them to another social worker first."
    );
    assert_eq!(
        no_team.change(&worker, &csc, &csc, None, 1, &[]).unwrap_err().to_string(),
        "Sam Okafor has 1 child allocated, and would no longer hold cases: allocate them to another social worker first."
    );
    assert_eq!(no_team.change(&worker, &csc, &csc, None, 0, &[]).unwrap().team, None);
    // To another professional agency: their team must be that agency's.
    let to_police = PersonDraft {
        agency: police.id,
        ..PersonDraft::of(&worker)
    };
    assert_eq!(
        to_police
            .change(&worker, &csc, &police, Some(&team), 0, &[])
            .unwrap_err()
            .to_string(),
        "The team Assessment is not part of Police."
    );
    // To the police with no team and no cases: allowed, unless they manage a team here.
    let police_only = PersonDraft {
        team: None,
        ..to_police.clone()
    };
    assert_eq!(
        police_only.change(&worker, &csc, &police, None, 0, &[]).unwrap().agency,
        police.id
    );
    let managed = Team {
        manager: Some(worker.id),
        ..team.clone()
    };
    assert_eq!(
        police_only
            .change(&worker, &csc, &police, None, 0, std::slice::from_ref(&managed))
            .unwrap_err()
            .to_string(),
        "Sam Okafor manages Assessment, a team of their agency: choose another manager for it first."
    );
    // Staying in the agency, they keep managing it.
    assert!(draft.change(&worker, &csc, &csc, Some(&team), 4, &[managed]).is_ok());
    // Never between family and professional, either way.
    let to_family = PersonDraft {
        agency: family.id,
        team: None,
        ..PersonDraft::of(&worker)
    };
    assert_eq!(
        to_family.change(&worker, &csc, &family, None, 0, &[]).unwrap_err().to_string(),
        "Sam Okafor is recorded as a professional and cannot become a member of a child's family: add them as a new person instead."
    );
    let mother = PersonDraft {
        name: "Ann Lee".into(),
        role: "Mother".into(),
        agency: family.id,
        team: None,
        email: None,
    }
    .to_person(&family, None)
    .unwrap();
    let to_csc = PersonDraft {
        agency: csc.id,
        ..PersonDraft::of(&mother)
    };
    assert!(matches!(
        to_csc.change(&mother, &family, &csc, None, 0, &[]),
        Err(ValidationError::FamilyOrProfessional { .. })
    ));
    // A family member's relationship corrected: still no hours.
    let aunt = PersonDraft {
        role: "Aunt".into(),
        ..PersonDraft::of(&mother)
    };
    let changed = aunt.change(&mother, &family, &family, None, 0, &[]).unwrap();
    assert_eq!((changed.role.as_str(), changed.working_pattern.days.len()), ("Aunt", 0));
}

#[test]
fn family_are_parents_and_carers_and_professionals_are_not() {
    let c = test_child("Ada");
    let (sarah, family) = someone("Sarah", AgencyKind::Family);
    let (pike, health) = someone("Dr Pike", AgencyKind::Health);
    assert!(link_person(&c, &sarah, Some(&family), NetworkRole::Parent).is_ok());
    assert_eq!(
        link_person(&c, &sarah, Some(&family), NetworkRole::Gp)
            .unwrap_err()
            .to_string(),
        "Sarah is family: in a child's network, family are a parent or carer (or a foster carer, advocate or other)."
    );
    assert_eq!(
        link_person(&c, &pike, Some(&health), NetworkRole::Parent)
            .unwrap_err()
            .to_string(),
        "Dr Pike is not family: only family are a child's parent or carer in the network."
    );
    for r in [NetworkRole::FosterCarer, NetworkRole::Advocate, NetworkRole::Other] {
        assert!(role_fits(r, true) && role_fits(r, false), "{r:?}");
    }
}
