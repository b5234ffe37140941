//! The demo's agencies, teams, practitioners and venues.

use super::Builder;
use crate::ids::*;
use crate::model::*;

#[derive(Default)]
pub(crate) struct Staff {
    pub(crate) managers: Vec<PersonId>,
    /// (social worker, their team manager)
    pub(crate) social_workers: Vec<(PersonId, PersonId)>,
    pub(crate) chairs: Vec<PersonId>,
    pub(crate) minute_taker: Option<PersonId>,
    pub(crate) police: Vec<PersonId>,
    pub(crate) health_visitors: Vec<PersonId>,
    pub(crate) school_nurse: Option<PersonId>,
    pub(crate) gp: Option<PersonId>,
    pub(crate) midwife: Option<PersonId>,
    pub(crate) dsls: Vec<PersonId>,
    pub(crate) probation: Option<PersonId>,
    pub(crate) family_agency: Option<AgencyId>,
    pub(crate) venues: Vec<VenueId>,
}

fn agency(b: &mut Builder, name: &str, kind: AgencyKind) -> AgencyId {
    let id = AgencyId(b.rng.uuid());
    b.ds.agencies.push(Agency {
        id,
        name: name.into(),
        kind,
    });
    id
}

fn person(
    b: &mut Builder,
    name: &str,
    role: &str,
    agency: AgencyId,
    team: Option<TeamId>,
    pattern: WorkingPattern,
) -> PersonId {
    let id = PersonId(b.rng.uuid());
    let email = format!(
        "{}@example.org",
        name.to_lowercase().replace(['.', '\''], "").replace(' ', ".")
    );
    b.ds.people.push(Person {
        id,
        name: name.into(),
        role: role.into(),
        agency,
        team,
        email: Some(email),
        working_pattern: pattern,
        last_day: None,
    });
    id
}

pub(super) fn agencies_teams_people(b: &mut Builder) {
    let full = WorkingPattern::full_time;
    let csc = agency(
        b,
        "Northbridge Children's Services (fictional)",
        AgencyKind::ChildrensSocialCare,
    );
    let police = agency(
        b,
        "Northbridge Police Public Protection Unit (fictional)",
        AgencyKind::Police,
    );
    let health = agency(
        b,
        "Northbridge Community Health NHS Trust (fictional)",
        AgencyKind::Health,
    );
    let education = agency(b, "Northbridge Schools (fictional)", AgencyKind::Education);
    let probation = agency(b, "Northbridge Probation Service (fictional)", AgencyKind::Probation);
    let gp_agency = agency(b, "Riverside Medical Practice (fictional)", AgencyKind::Health);
    b.staff.family_agency = Some(agency(b, "Family and friends", AgencyKind::Family));

    let teams = [
        (
            "Assessment and Intervention Team",
            "Priya Raman",
            ["Tom Ellery", "Grace Okafor", "Jamie Lund", "Sofia Marsh"],
        ),
        (
            "Child Protection and Court Team",
            "Daniel Hughes",
            ["Hannah Pryce", "Kwame Mensah", "Lucy Fairbairn", "Oliver Quinn"],
        ),
        (
            "Children in Care Team",
            "Marion Castle",
            ["Aisha Begum", "Rhys Caddick", "Chloe Winter", "Ben Sutherland"],
        ),
    ];
    for (name, manager, workers) in teams {
        let team = TeamId(b.rng.uuid());
        let m = person(b, manager, "Team manager", csc, Some(team), full());
        b.ds.teams.push(Team {
            id: team,
            name: name.into(),
            agency: csc,
            manager: Some(m),
        });
        b.staff.managers.push(m);
        for (i, w) in workers.iter().enumerate() {
            // One part-timer per team (Monday to Wednesday).
            let pattern = if i == 3 {
                WorkingPattern::days(&[1, 2, 3], (9, 0), (17, 0))
            } else {
                full()
            };
            let sw = person(b, w, "Social worker", csc, Some(team), pattern);
            b.staff.social_workers.push((sw, m));
        }
    }
    b.staff.chairs = vec![
        person(
            b,
            "Frances Adeyemi",
            "Child protection chair / independent reviewing officer",
            csc,
            None,
            full(),
        ),
        person(
            b,
            "Geoffrey Lam",
            "Child protection chair / independent reviewing officer",
            csc,
            None,
            WorkingPattern::days(&[2, 3, 4, 5], (9, 0), (17, 0)),
        ),
    ];
    b.staff.minute_taker = Some(person(b, "Rosie Tait", "Minute-taker", csc, None, full()));
    b.staff.police = vec![
        person(
            b,
            "DC Sam Whitlock",
            "Detective constable, child abuse investigation",
            police,
            None,
            full(),
        ),
        person(
            b,
            "DS Nadia Kowalski",
            "Detective sergeant, public protection",
            police,
            None,
            full(),
        ),
    ];
    b.staff.health_visitors = vec![
        person(b, "Beth Morrow", "Health visitor", health, None, full()),
        person(
            b,
            "Imran Siddiqui",
            "Health visitor",
            health,
            None,
            WorkingPattern::days(&[1, 2, 4], (8, 30), (16, 30)),
        ),
    ];
    b.staff.school_nurse = Some(person(b, "Joanne Keel", "School nurse", health, None, full()));
    b.staff.midwife = Some(person(b, "Ruth Abara", "Safeguarding midwife", health, None, full()));
    b.staff.gp = Some(person(
        b,
        "Dr Alan Pike",
        "GP, safeguarding lead",
        gp_agency,
        None,
        WorkingPattern::days(&[1, 2, 3, 4, 5], (8, 0), (18, 0)),
    ));
    b.staff.dsls = vec![
        person(
            b,
            "Mrs Carol Finch",
            "Designated safeguarding lead, Hollybank Primary",
            education,
            None,
            WorkingPattern::days(&[1, 2, 3, 4, 5], (8, 0), (16, 0)),
        ),
        person(
            b,
            "Mr Dev Patel",
            "Designated safeguarding lead, Northbridge Academy",
            education,
            None,
            WorkingPattern::days(&[1, 2, 3, 4, 5], (8, 0), (16, 0)),
        ),
    ];
    b.staff.probation = Some(person(b, "Lisa Grant", "Probation officer", probation, None, full()));

    for (name, address, capacity) in [
        (
            "Civic Centre, Meeting Room 2",
            "1 Market Square, Northbridge (fictional)",
            14,
        ),
        (
            "Elm Room, Northbridge Family Centre",
            "22 Elm Road, Northbridge (fictional)",
            10,
        ),
        (
            "Conference Suite, Riverside House",
            "5 Quay Street, Northbridge (fictional)",
            20,
        ),
    ] {
        let id = VenueId(b.rng.uuid());
        b.ds.venues.push(Venue {
            id,
            name: name.into(),
            address: address.into(),
            capacity,
        });
        b.staff.venues.push(id);
    }
}

/// A parent or carer in the Family agency.
pub(super) fn parent(b: &mut Builder, name: &str, role: &str) -> PersonId {
    let agency = b.staff.family_agency.unwrap_or(AgencyId(uuid::Uuid::nil()));
    let id = PersonId(b.rng.uuid());
    b.ds.people.push(Person {
        id,
        name: name.into(),
        role: role.into(),
        agency,
        team: None,
        email: None,
        working_pattern: WorkingPattern::days(&[1, 2, 3, 4, 5], (9, 30), (15, 0)),
        last_day: None,
    });
    id
}
