//! Caseloads on a hand-built team, every count derivable by reading the test.

use super::*;
use crate::time::london;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct World {
    ds: Dataset,
    team: TeamId,
    sw: PersonId,
    ap: PersonId,
    police: PersonId,
}

fn world() -> World {
    let csc = Agency {
        id: AgencyId::new_random(),
        name: "CSC".into(),
        kind: AgencyKind::ChildrensSocialCare,
    };
    let police_agency = Agency {
        id: AgencyId::new_random(),
        name: "Police".into(),
        kind: AgencyKind::Police,
    };
    let team = TeamId::new_random();
    let person = |name: &str, role: &str, agency: AgencyId, team: Option<TeamId>| Person {
        id: PersonId::new_random(),
        name: name.into(),
        role: role.into(),
        agency,
        team,
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: None,
    };
    let tm = person("Manager", "Team manager", csc.id, Some(team));
    let sw = person("Worker", "Social worker", csc.id, Some(team));
    let ap = person("Advanced", "advanced practitioner", csc.id, Some(team));
    let police = person("Officer", "Police officer", police_agency.id, None);
    World {
        team,
        sw: sw.id,
        ap: ap.id,
        police: police.id,
        ds: Dataset {
            agencies: vec![csc.clone(), police_agency],
            teams: vec![Team {
                id: team,
                name: "Team A".into(),
                agency: csc.id,
                manager: Some(tm.id),
            }],
            people: vec![tm, sw, ap, police],
            ..Dataset::default()
        },
    }
}

fn add_child(w: &mut World, worker: PersonId, episodes: &[(EpisodeKind, &str, Option<&str>)]) -> ChildId {
    let id = ChildId::new_random();
    w.ds.children.push(Child {
        id,
        given_name: "C".into(),
        family_name: "T".into(),
        name_display: NameDisplay::FullName,
        birth: Birth::born(d("2018-01-01")),
        case_id: String::new(),
        siblings: vec![],
        social_worker: Some(worker),
        network: vec![],
    });
    for (kind, start, end) in episodes {
        w.ds.episodes.push(Episode {
            id: EpisodeId::new_random(),
            child: id,
            kind: *kind,
            start: d(start),
            end: end.map(d),
        });
    }
    id
}

fn meeting(w: &mut World, child: ChildId, day: &str, invitees: &[PersonId], status: MeetingStatus) {
    let start = london(d(day).and_hms_opt(10, 0, 0).unwrap()).unwrap();
    w.ds.meetings.push(Meeting {
        id: MeetingId::new_random(),
        kind: MeetingKind::CoreGroup,
        children: vec![child],
        start,
        end: start + Duration::hours(1),
        location: Location::Online {
            joining_details: "x".into(),
        },
        chair: Some(w.sw),
        minute_taker: None,
        invitees: invitees
            .iter()
            .map(|p| Invitee {
                person: *p,
                required: true,
                attendance: Attendance::Invited,
                report_received: false,
            })
            .collect(),
        status,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    });
}

#[test]
fn counts_children_their_mix_and_this_weeks_meetings() {
    let mut w = world();
    let (sw_id, police) = (w.sw, w.police);
    let cp = EpisodeKind::ChildProtection {
        category: CpCategory::Neglect,
    };
    // The worker: a CP child who is also CIN-closed, a CIN child, a LAC child, a child with no
    // open episode (its CIN episode ended before the day).
    let a = add_child(
        &mut w,
        sw_id,
        &[
            (cp, "2026-01-01", None),
            (EpisodeKind::ChildInNeed, "2025-01-01", Some("2025-12-31")),
        ],
    );
    add_child(&mut w, sw_id, &[(EpisodeKind::ChildInNeed, "2026-02-01", None)]);
    add_child(&mut w, sw_id, &[(EpisodeKind::LookedAfter, "2026-03-01", None)]);
    add_child(
        &mut w,
        sw_id,
        &[(EpisodeKind::ChildInNeed, "2025-01-01", Some("2026-05-31"))],
    );
    // Wednesday 3 June 2026: the week is Mon 1 to Sun 7 June.
    let today = d("2026-06-03");
    meeting(&mut w, a, "2026-06-01", &[police], MeetingStatus::Planned); // Monday: counts
    meeting(&mut w, a, "2026-06-07", &[sw_id], MeetingStatus::Planned); // Sunday, chair and invitee: once
    meeting(&mut w, a, "2026-06-08", &[], MeetingStatus::Planned); // next week
    meeting(
        &mut w,
        a,
        "2026-06-02",
        &[],
        MeetingStatus::Cancelled { reason: "x".into() },
    ); // cancelled
    let c = caseloads(&w.ds, &CaseloadLimits::default(), today);
    assert_eq!(c.week, (d("2026-06-01"), d("2026-06-07")));
    let sw = c.people.iter().find(|r| r.person == w.sw).unwrap();
    // The child whose plan ended is on none: the columns add up with it.
    assert_eq!((sw.children, sw.cp, sw.cin, sw.lac, sw.no_plan), (4, 1, 1, 1, 1));
    assert_eq!(sw.meetings_this_week, 2);
    assert_eq!(sw.limit, Some(15));
    assert!(!sw.over);
    // The police officer is not in a children's social care team and holds no children.
    assert!(c.people.iter().all(|r| r.person != w.police));
    // The advanced practitioner's role matches whatever its case.
    let ap = c.people.iter().find(|r| r.person == w.ap).unwrap();
    assert_eq!(ap.limit, Some(12));
    let team = c.teams.iter().find(|t| t.team == w.team).unwrap();
    assert_eq!(
        (team.social_workers, team.advanced_practitioners, team.children),
        (1, 1, 4)
    );
    assert_eq!(team.manager.as_deref(), Some("Manager"));
    assert_eq!((team.cp, team.cin, team.lac, team.no_plan), (1, 1, 1, 1));
    assert!(!team.over_span);
    assert!(c.alerts.is_empty());
    // The team's meetings this week: Monday's and Sunday's (the social worker chairs both).
    assert_eq!(team.meetings_this_week, 2);
    // One more with the advanced practitioner invited as well: one more meeting, not two.
    let ap = w.ap;
    meeting(&mut w, a, "2026-06-03", &[ap], MeetingStatus::Planned);
    let c = caseloads(&w.ds, &CaseloadLimits::default(), today);
    let team = c.teams.iter().find(|t| t.team == w.team).unwrap();
    assert_eq!(team.meetings_this_week, 3);
}

#[test]
fn anyone_over_a_threshold_is_flagged_with_a_sentence() {
    let mut w = world();
    let ap_id = w.ap;
    for _ in 0..4 {
        add_child(&mut w, ap_id, &[]);
    }
    let limits = CaseloadLimits {
        roles: vec![RoleLimit {
            role: "Advanced practitioner".into(),
            max_children: 3,
        }],
        team_advanced_practitioners: 0,
        team_social_workers: 6,
    };
    let c = caseloads(&w.ds, &limits, d("2026-06-03"));
    let ap = c.people.iter().find(|r| r.person == w.ap).unwrap();
    assert!(ap.over);
    // The social worker's role has no threshold here.
    let sw = c.people.iter().find(|r| r.person == w.sw).unwrap();
    assert_eq!((sw.limit, sw.over), (None, false));
    assert_eq!(
        c.alerts,
        vec![
            "Advanced (advanced practitioner) holds 4 children; the caseload limit for the role is 3.".to_string(),
            // Only the advanced practitioners are over: the social workers are not named.
            "Team A's manager oversees 1 advanced practitioner (limit 0).".to_string(),
        ]
    );
    // Both over: both named.
    let both = caseloads(
        &w.ds,
        &CaseloadLimits {
            team_social_workers: 0,
            ..limits.clone()
        },
        d("2026-06-03"),
    );
    assert_eq!(
        both.alerts.last().unwrap(),
        "Team A's manager oversees 1 social worker (limit 0) and 1 advanced practitioner (limit 0)."
    );
    // Exactly at the threshold is not over.
    let c = caseloads(
        &w.ds,
        &CaseloadLimits {
            roles: vec![RoleLimit {
                role: "advanced PRACTITIONER".into(),
                max_children: 4,
            }],
            ..CaseloadLimits::default()
        },
        d("2026-06-03"),
    );
    assert!(c.alerts.is_empty());
    let snap = snapshot(&c);
    assert_eq!(snap.len(), c.people.len());
    assert!(snap
        .iter()
        .any(|s| s.person == w.ap && s.children == 4 && s.date == d("2026-06-03")));
}

#[test]
fn a_team_over_its_span_is_flagged() {
    let mut w = world();
    let csc = w.ds.agencies[0].id;
    for n in 0..6 {
        w.ds.people.push(Person {
            id: PersonId::new_random(),
            name: format!("Extra {n}"),
            role: "Social worker".into(),
            agency: csc,
            team: Some(w.team),
            email: None,
            working_pattern: WorkingPattern::full_time(),
            last_day: None,
        });
    }
    let c = caseloads(&w.ds, &CaseloadLimits::default(), d("2026-06-03"));
    let team = c.teams.iter().find(|t| t.team == w.team).unwrap();
    assert_eq!(team.social_workers, 7);
    assert!(team.over_span);
    assert_eq!(c.alerts.len(), 1);
}

#[test]
fn someone_who_has_left_is_not_counted_after_their_last_day() {
    let mut w = world();
    let csc = w.ds.agencies[0].id;
    let leaver = Person {
        id: PersonId::new_random(),
        name: "Leaving Worker".into(),
        role: "Social worker".into(),
        agency: csc,
        team: Some(w.team),
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: Some(d("2026-06-05")),
    };
    w.ds.people.push(leaver.clone());
    let counted = |on: &str| {
        let c = caseloads(&w.ds, &CaseloadLimits::default(), d(on));
        let row = c.people.iter().any(|p| p.person == leaver.id);
        let workers = c.teams.iter().find(|t| t.team == w.team).unwrap().social_workers;
        (row, workers)
    };
    let (row, before) = counted("2026-06-05");
    assert!(row, "counted up to and on their last day");
    assert_eq!(counted("2026-06-08"), (false, before - 1));
}

#[test]
fn limits_refuse_blank_and_repeated_roles() {
    let mut l = CaseloadLimits::default();
    assert!(l.check().is_ok());
    l.roles.push(RoleLimit {
        role: "SOCIAL WORKER".into(),
        max_children: 3,
    });
    assert_eq!(
        l.check().unwrap_err().to_string(),
        "The same caseload limit role appears twice: SOCIAL WORKER."
    );
    l.roles.pop();
    l.roles.push(RoleLimit {
        role: " ".into(),
        max_children: 3,
    });
    assert!(l.check().is_err());
}
