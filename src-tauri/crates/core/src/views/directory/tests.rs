#![allow(clippy::unwrap_used)]

use super::*;

fn agency(name: &str, kind: AgencyKind) -> Agency {
    AgencyDraft {
        name: name.into(),
        kind,
    }
    .apply(None, &[], 0, 0)
    .unwrap()
}

fn person(name: &str, agency: &Agency, team: Option<&Team>) -> Person {
    crate::views::PersonDraft {
        name: name.into(),
        role: String::new(),
        agency: agency.id,
        team: team.map(|t| t.id),
        email: None,
    }
    .to_person(agency, team)
    .unwrap()
}

#[test]
fn an_agency_is_named_once_and_keeps_its_kind_while_people_are_in_it() {
    let csc = agency(" Northbridge Children's Services ", AgencyKind::ChildrensSocialCare);
    assert_eq!(csc.name, "Northbridge Children's Services");
    let police = agency("Police", AgencyKind::Police);
    let all = [csc.clone(), police.clone()];
    // A second agency of the same name, whatever its case: refused.
    let again = AgencyDraft {
        name: "northbridge children's services".into(),
        kind: AgencyKind::Health,
    };
    assert_eq!(
        again.apply(None, &all, 0, 0).unwrap_err().to_string(),
        "There is already an agency called Northbridge Children's Services."
    );
    // Renamed: the same agency; its own name is not a clash.
    let renamed = AgencyDraft {
        name: "Police Public Protection Unit".into(),
        ..AgencyDraft::of(&police)
    }
    .apply(Some(&police), &all, 3, 0)
    .unwrap();
    assert_eq!((renamed.id, renamed.kind), (police.id, AgencyKind::Police));
    let same = AgencyDraft::of(&csc).apply(Some(&csc), &all, 3, 2).unwrap();
    assert_eq!(same, csc);
    // Its kind changes only while no one is in it.
    let to_health = AgencyDraft {
        kind: AgencyKind::Health,
        ..AgencyDraft::of(&police)
    };
    assert_eq!(
        to_health.apply(Some(&police), &all, 3, 0).unwrap_err().to_string(),
        "Police has people in it, so what kind of agency it is cannot change: add a new agency instead."
    );
    assert_eq!(
        to_health.apply(Some(&police), &all, 0, 1).unwrap().kind,
        AgencyKind::Health
    );
    // A family has no teams: an empty agency with a team does not become one.
    let to_family = AgencyDraft {
        kind: AgencyKind::Family,
        ..AgencyDraft::of(&police)
    };
    assert_eq!(
        to_family.apply(Some(&police), &all, 0, 1).unwrap_err().to_string(),
        "Teams belong to a professional agency, not to a family."
    );
    assert_eq!(
        to_family.apply(Some(&police), &all, 0, 0).unwrap().kind,
        AgencyKind::Family
    );
}

#[test]
fn a_team_belongs_to_one_professional_agency_and_is_managed_from_inside_it() {
    let csc = agency("Children's Services", AgencyKind::ChildrensSocialCare);
    let police = agency("Police", AgencyKind::Police);
    let family = agency("Family and friends", AgencyKind::Family);
    let manager = person("Dana Reid", &csc, None);
    let outsider = person("DC Whitlock", &police, None);
    let draft = TeamDraft {
        name: " Assessment ".into(),
        agency: csc.id,
        manager: Some(manager.id),
    };
    let team = draft.apply(None, &csc, Some(&manager), &[], 0).unwrap();
    assert_eq!(
        (team.name.as_str(), team.agency, team.manager),
        ("Assessment", csc.id, Some(manager.id))
    );
    let teams = [team.clone()];
    // The same name again in the same agency: refused; in another agency: another team.
    assert_eq!(
        draft.apply(None, &csc, None, &teams, 0).unwrap_err().to_string(),
        "There is already a team called Assessment in Children's Services."
    );
    let theirs = TeamDraft {
        agency: police.id,
        manager: None,
        ..draft.clone()
    };
    assert!(theirs.apply(None, &police, None, &teams, 0).is_ok());
    // Family have no teams; a manager works for the team's agency.
    assert_eq!(
        draft.apply(None, &family, None, &[], 0).unwrap_err().to_string(),
        "Teams belong to a professional agency, not to a family."
    );
    assert_eq!(
        draft
            .apply(Some(&team), &csc, Some(&outsider), &teams, 0)
            .unwrap_err()
            .to_string(),
        "DC Whitlock does not work for Children's Services, so cannot manage its team."
    );
    // Renamed with its members; moved to another agency only when empty.
    let renamed = TeamDraft {
        name: "Assessment and Intervention".into(),
        ..TeamDraft::of(&team)
    }
    .apply(Some(&team), &csc, Some(&manager), &teams, 4)
    .unwrap();
    assert_eq!(
        (renamed.id, renamed.name.as_str()),
        (team.id, "Assessment and Intervention")
    );
    let moved = TeamDraft {
        agency: police.id,
        manager: None,
        ..TeamDraft::of(&team)
    };
    assert_eq!(
        moved
            .apply(Some(&team), &police, None, &teams, 4)
            .unwrap_err()
            .to_string(),
        "Assessment has people in it, so it cannot move to another agency: add a new team instead."
    );
    assert_eq!(
        moved.apply(Some(&team), &police, None, &teams, 0).unwrap().agency,
        police.id
    );
}

#[test]
fn the_directory_lists_agencies_by_name_family_last_with_their_teams_and_counts() {
    let csc = agency("Children's Services", AgencyKind::ChildrensSocialCare);
    let family = agency("Family and friends", AgencyKind::Family);
    let health = agency("Health", AgencyKind::Health);
    let lead = person("Dana Reid", &csc, None);
    let mk = |name: &str| {
        TeamDraft {
            name: name.into(),
            agency: csc.id,
            manager: None,
        }
        .apply(None, &csc, Some(&lead), &[], 0)
        .unwrap()
    };
    let (b, a) = (mk("Safeguarding"), mk("Assessment"));
    let people = vec![
        lead.clone(),
        person("Sam", &csc, Some(&a)),
        person("Kit", &csc, Some(&a)),
        person("Mum", &family, None),
    ];
    let d = directory(&[family.clone(), health.clone(), csc.clone()], &[b, a], &people);
    let names: Vec<&str> = d.iter().map(|v| v.agency.name.as_str()).collect();
    assert_eq!(names, ["Children's Services", "Health", "Family and friends"]);
    assert_eq!((d[0].people, d[1].people, d[2].people), (3, 0, 1));
    let teams: Vec<(&str, u32, Option<&str>)> = d[0]
        .teams
        .iter()
        .map(|t| (t.team.name.as_str(), t.members, t.manager.as_deref()))
        .collect();
    assert_eq!(
        teams,
        [
            ("Assessment", 2, Some("Dana Reid")),
            ("Safeguarding", 0, Some("Dana Reid"))
        ]
    );
}
