//! A small authority where every figure can be worked out by hand.

use super::*;
use crate::holidays::Division;
use crate::time::london;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct World {
    ds: Dataset,
    team: TeamId,
    sw: PersonId,
    other_sw: PersonId,
}

/// A one-hour online meeting at 10:00 on `date`, held, with `invitees` required.
fn held(kind: MeetingKind, child: ChildId, date: &str, invitees: Vec<(PersonId, Attendance)>) -> Meeting {
    let start = london(d(date).and_hms_opt(10, 0, 0).unwrap()).unwrap();
    Meeting {
        id: MeetingId::new_random(),
        kind,
        children: vec![child],
        start,
        end: start + chrono::Duration::hours(1),
        location: Location::Online {
            joining_details: "x".into(),
        },
        chair: None,
        minute_taker: None,
        invitees: invitees
            .into_iter()
            .map(|(person, attendance)| Invitee {
                person,
                required: true,
                attendance,
                report_received: false,
            })
            .collect(),
        status: MeetingStatus::Held,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    }
}

fn world() -> World {
    let csc = Agency {
        id: AgencyId::new_random(),
        name: "CSC".into(),
        kind: AgencyKind::ChildrensSocialCare,
    };
    let police = Agency {
        id: AgencyId::new_random(),
        name: "Police".into(),
        kind: AgencyKind::Police,
    };
    let health = Agency {
        id: AgencyId::new_random(),
        name: "Health".into(),
        kind: AgencyKind::Health,
    };
    let school = Agency {
        id: AgencyId::new_random(),
        name: "School".into(),
        kind: AgencyKind::Education,
    };
    let team = Team {
        id: TeamId::new_random(),
        name: "Team".into(),
        agency: csc.id,
        manager: None,
    };
    let person = |name: &str, agency: AgencyId, team: Option<TeamId>| Person {
        id: PersonId::new_random(),
        name: name.into(),
        role: "x".into(),
        agency,
        team,
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: None,
    };
    let sw = person("SW", csc.id, Some(team.id));
    let other = person("Other SW", csc.id, None);
    let pc = person("PC", police.id, None);
    let hv = person("HV", health.id, None);
    let dsl = person("DSL", school.id, None);
    let mut ds = Dataset {
        agencies: vec![csc, police, health, school],
        teams: vec![team.clone()],
        people: vec![sw.clone(), other.clone(), pc.clone(), hv.clone(), dsl.clone()],
        ..Dataset::default()
    };
    let mut child = |name: &str| {
        let c = Child {
            id: ChildId::new_random(),
            given_name: name.into(),
            family_name: "Test".into(),
            name_display: NameDisplay::FullName,
            birth: Birth::born(d("2018-01-01")),
            case_id: name.into(),
            siblings: vec![],
            social_worker: Some(sw.id),
            network: vec![],
        };
        ds.children.push(c.clone());
        c.id
    };
    let (a, b, c, e, f) = (child("A"), child("B"), child("C"), child("E"), child("F"));
    let mut meeting = |kind: MeetingKind, child: ChildId, date: &str, invitees: Vec<(PersonId, Attendance)>| {
        ds.meetings.push(held(kind, child, date, invitees));
    };
    // A: strategy Mon 5 Jan 2026, ICPC Tue 20 Jan (deadline Mon 26 Jan: met), core group Fri 30 Jan
    // (deadline Tue 3 Feb: met). Section 47 started Mon 15 Dec 2025 (deadline Thu 8 Jan: late).
    meeting(MeetingKind::StrategyDiscussion, a, "2026-01-05", vec![]);
    meeting(
        MeetingKind::Icpc,
        a,
        "2026-01-20",
        vec![(pc.id, Attendance::Attended), (hv.id, Attendance::Apologies)],
    );
    meeting(MeetingKind::CoreGroup, a, "2026-01-30", vec![]);
    // B: strategy Mon 5 Jan, ICPC Fri 30 Jan (late), core group Fri 20 Feb (deadline Fri 13 Feb: late).
    meeting(MeetingKind::StrategyDiscussion, b, "2026-01-05", vec![]);
    meeting(
        MeetingKind::Icpc,
        b,
        "2026-01-30",
        vec![(pc.id, Attendance::Attended), (dsl.id, Attendance::Attended)],
    );
    meeting(MeetingKind::CoreGroup, b, "2026-02-20", vec![]);
    // C: strategy Mon 12 Jan, no ICPC (deadline Mon 2 Feb: overdue by 1 Mar).
    meeting(MeetingKind::StrategyDiscussion, c, "2026-01-12", vec![]);
    let mut event = |child: ChildId, kind: EventKind, date: &str| {
        ds.events.push(Event {
            id: EventId::new_random(),
            child,
            kind,
            date: d(date),
            note: String::new(),
        });
    };
    event(a, EventKind::S47Start, "2025-12-15");
    event(b, EventKind::S47Start, "2026-01-05");
    event(c, EventKind::S47Start, "2026-01-12");
    let mut plan = |child: ChildId, start: &str, end: Option<&str>| {
        ds.episodes.push(Episode {
            id: EpisodeId::new_random(),
            child,
            kind: EpisodeKind::ChildProtection {
                category: CpCategory::Neglect,
            },
            start: d(start),
            end: end.map(d),
        });
    };
    plan(a, "2023-01-01", Some("2025-06-30")); // an earlier plan: A's new one is a second plan
    plan(a, "2026-01-20", None);
    plan(b, "2026-01-30", None);
    plan(e, "2024-01-10", Some("2026-02-10")); // 2 years and a month
    plan(f, "2025-06-01", Some("2026-02-01")); // 8 months
    ds.validate().unwrap();
    World {
        ds,
        team: team.id,
        sw: sw.id,
        other_sw: other.id,
    }
}

type Figures = HashMap<String, (u32, u32, Option<f64>)>;

/// Every figure under `pack` for `scope`, over `from..=to` as of `as_of`.
fn all_under(w: &World, pack: &RulePack, scope: Scope, from: &str, to: &str, as_of: &str) -> Vec<Kpi> {
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    kpis(&w.ds, pack, &cal, scope, d(from), d(to), d(as_of)).unwrap()
}

/// The England pack's figures, January and February 2026, as of `as_of`.
fn all(w: &World, scope: Scope, as_of: &str) -> Vec<Kpi> {
    all_under(
        w,
        &RulePack::builtin("england").unwrap(),
        scope,
        "2026-01-01",
        "2026-02-28",
        as_of,
    )
}

fn counts(all: Vec<Kpi>) -> Figures {
    all.into_iter()
        .map(|k| (k.id, (k.numerator, k.denominator, k.percent)))
        .collect()
}

fn figures(w: &World, scope: Scope) -> Figures {
    counts(all(w, scope, "2026-03-01"))
}

#[test]
fn every_figure_is_the_hand_count() {
    let w = world();
    let f = figures(&w, Scope::Authority);
    // A met, B late, C overdue.
    assert_eq!(f["icpc-15wd-strategy"], (1, 3, Some(33.3)));
    // From the s47 start: A late (8 Jan), B late, C overdue.
    assert_eq!(f["icpc-15wd-s47"], (0, 3, Some(0.0)));
    assert_eq!(f["core-group-10wd"], (1, 2, Some(50.0)));
    assert_eq!(f["reviews-in-time"], (0, 0, None));
    assert_eq!(f["assessment-45wd"], (0, 0, None));
    // E's plan lasted over 2 years, F's 8 months.
    assert_eq!(f["plans-2-years"], (1, 2, Some(50.0)));
    // A's plan is a second plan; B's is a first.
    assert_eq!(f["second-plans"], (1, 2, Some(50.0)));
    assert_eq!(f["attendance-police"], (2, 2, Some(100.0)));
    assert_eq!(f["attendance-health"], (0, 1, Some(0.0)));
    assert_eq!(f["attendance-education"], (1, 1, Some(100.0)));
}

fn figures_as_of(w: &World, as_of: &str) -> Figures {
    counts(all(w, Scope::Authority, as_of))
}

#[test]
fn a_missed_core_group_stays_missed_when_the_plan_later_ends() {
    let mut w = world();
    let b = w.ds.children.iter().find(|c| c.case_id == "B").unwrap().id;
    // B's first core group (due Fri 13 Feb) is never held, and B's plan ends on 27 Feb.
    w.ds.meetings
        .retain(|m| !(m.kind == MeetingKind::CoreGroup && m.children == vec![b]));
    for e in w.ds.episodes.iter_mut().filter(|e| e.child == b) {
        e.end = Some(d("2026-02-27"));
    }
    let f = figures(&w, Scope::Authority);
    assert_eq!(f["core-group-10wd"], (1, 2, Some(50.0)), "A met, B missed");
    // A plan that ended before the deadline was due leaves the item out.
    for e in w.ds.episodes.iter_mut().filter(|e| e.child == b) {
        e.end = Some(d("2026-02-10"));
    }
    assert_eq!(figures(&w, Scope::Authority)["core-group-10wd"], (1, 1, Some(100.0)));
}

#[test]
fn a_period_ending_after_today_counts_only_what_was_due_by_today() {
    let w = world();
    // As of Mon 2 Feb: A's core group (due Tue 3 Feb, held 30 Jan) and B's (due 13 Feb) are
    // not yet due; A's ICPC (due 26 Jan) and B's (due 26 Jan) are.
    let f = figures_as_of(&w, "2026-02-02");
    assert_eq!(f["core-group-10wd"], (0, 0, None));
    assert_eq!(f["icpc-15wd-strategy"].1, 2);
}

#[test]
fn attendance_counts_required_invitees_only() {
    let mut w = world();
    let a = w.ds.children.iter().find(|c| c.case_id == "A").unwrap().id;
    let hv = w.ds.people.iter().find(|p| p.name == "HV").unwrap().id;
    // A health visitor copied in as optional to A's core group sends apologies.
    let mut m = held(
        MeetingKind::CoreGroup,
        a,
        "2026-02-10",
        vec![(hv, Attendance::Apologies)],
    );
    m.invitees[0].required = false;
    w.ds.meetings.push(m);
    assert_eq!(figures(&w, Scope::Authority)["attendance-health"], (0, 1, Some(0.0)));
}

#[test]
fn every_agency_has_its_attendance_figure_even_in_a_period_without_any() {
    let w = world();
    // Nothing was held in March 2026: each agency's figure is there, with nothing counted.
    let england = RulePack::builtin("england").unwrap();
    let march = all_under(&w, &england, Scope::Authority, "2026-03-01", "2026-03-31", "2026-04-01");
    for id in [
        "attendance-police",
        "attendance-health",
        "attendance-education",
        "attendance-childrens-social-care",
    ] {
        let k = march.iter().find(|k| k.id == id).unwrap_or_else(|| panic!("no {id}"));
        assert_eq!((k.numerator, k.denominator, k.percent), (0, 0, None), "{id}");
    }
}

#[test]
fn the_icpc_figures_are_the_national_measures_whatever_is_changed_locally() {
    let w = world();
    let figures_with = |pack: &RulePack| {
        counts(all_under(
            &w,
            pack,
            Scope::Authority,
            "2026-01-01",
            "2026-02-28",
            "2026-03-01",
        ))
    };
    let national = figures_with(&RulePack::builtin("england").unwrap());
    // The ICPC measured from the s47 start, counted from day 1, 20 working days allowed.
    let mut local = RulePack::builtin("england").unwrap();
    local.settings.icpc_anchor = IcpcAnchor::S47Start;
    local.settings.counting = crate::rules::Counting::Day1;
    let rule = local.rules.iter_mut().find(|r| r.id == "strategy-to-icpc").unwrap();
    rule.offset.amount = 20;
    let changed = figures_with(&local);
    for id in ["icpc-15wd-strategy", "icpc-15wd-s47"] {
        assert_eq!(changed[id], national[id], "{id}");
    }
    assert_eq!(national["icpc-15wd-strategy"], (1, 3, Some(33.3)));
}

#[test]
fn plans_open_two_years_or_more_at_the_end_of_the_period_are_shown() {
    let mut w = world();
    // A and B's plans (January 2026) are open on 28 Feb; C's, from June 2023, too.
    let c = w.ds.children.iter().find(|c| c.case_id == "C").unwrap().id;
    w.ds.episodes.push(Episode {
        id: EpisodeId::new_random(),
        child: c,
        kind: EpisodeKind::ChildProtection {
            category: CpCategory::Neglect,
        },
        start: d("2023-06-01"),
        end: None,
    });
    assert_eq!(figures(&w, Scope::Authority)["plans-open-2-years"], (1, 3, Some(33.3)));
}

#[test]
fn the_last_twelve_months_are_twelve_months_not_a_day_more() {
    assert_eq!(twelve_months_to(d("2026-03-15")), d("2025-03-16"));
    assert_eq!(twelve_months_to(d("2024-02-29")), d("2023-03-01"));
    assert_eq!(twelve_months_to(d("2026-12-31")), d("2026-01-01"));
}

#[test]
fn scopes_select_children_by_team_and_practitioner() {
    let w = world();
    assert_eq!(figures(&w, Scope::Team(w.team)), figures(&w, Scope::Authority));
    assert_eq!(figures(&w, Scope::Practitioner(w.sw)), figures(&w, Scope::Authority));
    let none = figures(&w, Scope::Practitioner(w.other_sw));
    assert_eq!(none["icpc-15wd-strategy"], (0, 0, None));
}

#[test]
fn each_figure_opens_to_its_rows_and_csv_has_one_line_per_figure() {
    let w = world();
    let all = all(&w, Scope::Authority, "2026-03-01");
    let icpc = all.iter().find(|k| k.id == "icpc-15wd-strategy").unwrap();
    assert_eq!(icpc.rows.len(), 3);
    assert!(icpc
        .rows
        .iter()
        .any(|r| r.detail.contains("met on Tue 20 Jan 2026") && r.counted));
    assert!(icpc.rows.iter().any(|r| r.detail.contains("not yet met") && !r.counted));
    let csv = to_csv("authority", d("2026-01-01"), d("2026-02-28"), &all);
    assert_eq!(csv.lines().count(), all.len() + 1);
    assert!(csv.contains("icpc-15wd-strategy,ICPCs within 15 working days of the (last) strategy discussion,authority,2026-01-01,2026-02-28,1,3,33.3"), "{csv}");
}

#[test]
fn the_monthly_trend_and_the_team_split_count_each_part_on_its_own() {
    let w = world();
    let pack = RulePack::builtin("england").unwrap();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let trend = monthly_trend(&w.ds, &pack, &cal, Scope::Authority, d("2026-01-01"), d("2026-03-01")).unwrap();
    let icpc: Vec<(String, u32, u32)> = trend
        .iter()
        .filter(|p| p.kpi == "icpc-15wd-strategy")
        .map(|p| (p.label.clone(), p.numerator, p.denominator))
        .collect();
    // Due in January: A (met, 26 Jan) and B (late, 26 Jan); due in February: C (overdue, 2 Feb).
    assert_eq!(
        icpc,
        vec![
            ("2026-01".to_string(), 1, 2),
            ("2026-02".to_string(), 0, 1),
            ("2026-03".to_string(), 0, 0)
        ]
    );
    // A period starting and ending within months: its first and last months are cut to it, and
    // the months together count what the period's figures count.
    let (from, to) = (d("2026-01-27"), d("2026-02-10"));
    let cut = monthly_trend(&w.ds, &pack, &cal, Scope::Authority, from, to).unwrap();
    let icpc: Vec<(String, NaiveDate, NaiveDate, u32, u32)> = cut
        .iter()
        .filter(|p| p.kpi == "icpc-15wd-strategy")
        .map(|p| (p.label.clone(), p.from, p.to, p.numerator, p.denominator))
        .collect();
    assert_eq!(
        icpc,
        vec![
            ("2026-01".to_string(), from, d("2026-01-31"), 0, 0),
            ("2026-02".to_string(), d("2026-02-01"), to, 0, 1)
        ]
    );
    let whole = kpis(&w.ds, &pack, &cal, Scope::Authority, from, to, to).unwrap();
    // Plans open at the end of a period are counted at its end, not over it: not summed.
    for k in whole.iter().filter(|k| k.id != "plans-open-2-years") {
        let (num, den) = cut
            .iter()
            .filter(|p| p.kpi == k.id)
            .fold((0, 0), |(n, d), p| (n + p.numerator, d + p.denominator));
        assert_eq!((num, den), (k.numerator, k.denominator), "{}", k.id);
    }
    let teams = by_team(&w.ds, &pack, &cal, d("2026-01-01"), d("2026-02-28"), d("2026-03-01")).unwrap();
    let icpc: Vec<(&str, u32, u32)> = teams
        .iter()
        .filter(|p| p.kpi == "icpc-15wd-strategy")
        .map(|p| (p.label.as_str(), p.numerator, p.denominator))
        .collect();
    // All three children belong to SW, who is in the one team.
    assert_eq!(icpc, vec![("Team", 1, 3)]);
}

#[test]
fn the_census_measure_counts_a_new_enquiry_after_no_further_action() {
    let child = Child {
        id: ChildId::new_random(),
        given_name: "G".into(),
        family_name: "Test".into(),
        name_display: NameDisplay::FullName,
        birth: Birth::born(d("2018-01-01")),
        case_id: "G".into(),
        siblings: vec![],
        social_worker: None,
        network: vec![],
    };
    let event = |kind: EventKind, date: &str| Event {
        id: EventId::new_random(),
        child: child.id,
        kind,
        date: d(date),
        note: String::new(),
    };
    let icpc = held(MeetingKind::Icpc, child.id, "2026-04-20", vec![]);
    let ds = Dataset {
        events: vec![
            event(EventKind::S47Start, "2026-01-05"),
            event(EventKind::NoFurtherAction, "2026-01-12"),
            event(EventKind::S47Start, "2026-03-02"),
        ],
        meetings: vec![icpc],
        children: vec![child],
        ..Dataset::default()
    };
    let pack = RulePack::builtin("england").unwrap();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let all = kpis(
        &ds,
        &pack,
        &cal,
        Scope::Authority,
        d("2026-01-01"),
        d("2026-04-30"),
        d("2026-05-01"),
    )
    .unwrap();
    let s47 = all.iter().find(|k| k.id == "icpc-15wd-s47").unwrap();
    // The enquiry of 5 Jan ended in no further action; the one of Mon 2 Mar was due by Mon 23
    // Mar and its ICPC was held late.
    assert_eq!((s47.numerator, s47.denominator), (0, 1));
    assert!(
        s47.rows[0]
            .detail
            .contains("due Mon 23 Mar 2026, met late on Mon 20 Apr 2026"),
        "{:?}",
        s47.rows
    );
}
