//! Recording outcomes on a small hand-built case, and the meetings then proposed.

use super::*;
use crate::holidays::Division;
use crate::time::london;
use crate::timescales::DueStatus;

mod form;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct World {
    ds: Dataset,
    child: ChildId,
    sw: PersonId,
    hv: PersonId,
    outsider: PersonId,
    icpc: MeetingId,
}

fn person(name: &str, agency: AgencyId) -> Person {
    Person {
        id: PersonId::new_random(),
        name: name.into(),
        role: "x".into(),
        agency,
        team: None,
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: None,
    }
}

fn meeting(kind: MeetingKind, child: ChildId, date: &str, invitees: &[PersonId], status: MeetingStatus) -> Meeting {
    let start = london(d(date).and_hms_opt(10, 0, 0).unwrap()).unwrap();
    Meeting {
        id: MeetingId::new_random(),
        kind,
        children: vec![child],
        start,
        end: start + chrono::Duration::hours(1),
        location: Location::Online {
            joining_details: "Teams".into(),
        },
        chair: None,
        minute_taker: None,
        invitees: invitees
            .iter()
            .map(|&person| Invitee {
                person,
                required: true,
                attendance: Attendance::Invited,
                report_received: false,
            })
            .collect(),
        status,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    }
}

/// A strategy discussion on Mon 5 Jan 2026 and an ICPC planned for Tue 20 Jan 2026.
fn world() -> World {
    let csc = Agency {
        id: AgencyId::new_random(),
        name: "CSC".into(),
        kind: AgencyKind::ChildrensSocialCare,
    };
    let health = Agency {
        id: AgencyId::new_random(),
        name: "Health".into(),
        kind: AgencyKind::Health,
    };
    let sw = person("Sam Social", csc.id);
    let hv = person("Hana Visitor", health.id);
    let outsider = person("Olly Outside", health.id);
    let child = Child {
        id: ChildId::new_random(),
        given_name: "Ava".into(),
        family_name: "Test".into(),
        name_display: NameDisplay::FullName,
        birth: Birth::born(d("2018-01-01")),
        case_id: "A1".into(),
        siblings: vec![],
        social_worker: Some(sw.id),
        network: vec![],
    };
    let strategy = meeting(
        MeetingKind::StrategyDiscussion,
        child.id,
        "2026-01-05",
        &[sw.id],
        MeetingStatus::Held,
    );
    let icpc = meeting(
        MeetingKind::Icpc,
        child.id,
        "2026-01-20",
        &[sw.id, hv.id],
        MeetingStatus::Planned,
    );
    let world = World {
        child: child.id,
        sw: sw.id,
        hv: hv.id,
        outsider: outsider.id,
        icpc: icpc.id,
        ds: Dataset {
            agencies: vec![csc, health],
            people: vec![sw, hv, outsider],
            children: vec![child],
            meetings: vec![strategy, icpc],
            ..Dataset::default()
        },
    };
    world.ds.validate().unwrap();
    world
}

/// Write the effects into the dataset, as the store does.
fn commit(ds: &mut Dataset, e: OutcomeEffects) {
    ds.meetings.retain(|m| m.id != e.meeting.id);
    ds.meetings.push(e.meeting);
    for ep in e.episodes {
        ds.episodes.retain(|x| x.id != ep.id);
        ds.episodes.push(ep);
    }
    ds.validate().unwrap();
}

fn pack_and_cal() -> (RulePack, WorkingDayCalendar) {
    (
        RulePack::builtin("england").unwrap(),
        WorkingDayCalendar::shipped(Division::EnglandAndWales),
    )
}

fn plan_input(w: &World) -> OutcomeInput {
    OutcomeInput {
        meeting: w.icpc,
        attendance: vec![
            AttendanceMark {
                person: w.sw,
                attendance: Attendance::Attended,
                report_received: true,
            },
            AttendanceMark {
                person: w.hv,
                attendance: Attendance::Apologies,
                report_received: false,
            },
        ],
        decision: Some(Decision::Plan {
            category: CpCategory::Neglect,
        }),
        core_group: vec![w.sw, w.hv],
    }
}

/// The world's ICPC held on Tue 20 Jan 2026 with a plan in `category`, and a review conference
/// planned for Tue 14 Apr 2026 with the social worker invited; returns the review.
fn plan_then_review(w: &mut World, category: CpCategory) -> MeetingId {
    let mut input = plan_input(w);
    input.decision = Some(Decision::Plan { category });
    let e = apply(&w.ds, &input, d("2026-01-20")).unwrap();
    commit(&mut w.ds, e);
    let review = meeting(
        MeetingKind::ReviewConference,
        w.child,
        "2026-04-14",
        &[w.sw],
        MeetingStatus::Planned,
    );
    let id = review.id;
    w.ds.meetings.push(review);
    id
}

#[test]
fn a_plan_at_the_icpc_opens_the_plan_and_proposes_the_first_core_group_and_review_in_their_windows() {
    let mut w = world();
    let e = apply(&w.ds, &plan_input(&w), d("2026-01-20")).unwrap();
    assert_eq!(e.meeting.status, MeetingStatus::Held);
    assert_eq!(e.meeting.invitees[0].attendance, Attendance::Attended);
    assert_eq!(e.meeting.invitees[1].attendance, Attendance::Apologies);
    // The social worker's report was received; the health visitor's was not.
    assert!(e.meeting.invitees[0].report_received);
    assert!(!e.meeting.invitees[1].report_received);
    assert_eq!(e.episodes.len(), 1);
    assert_eq!(e.episodes[0].start, d("2026-01-20"));
    assert_eq!(e.episodes[0].end, None);
    assert_eq!(
        e.episodes[0].kind,
        EpisodeKind::ChildProtection {
            category: CpCategory::Neglect
        }
    );
    commit(&mut w.ds, e);

    let (pack, cal) = pack_and_cal();
    let as_of = d("2026-01-21");
    // The decision letter (1 working day) and the minutes (15) are now due items.
    let items = items_for(&pack, &cal, &w.ds, &[w.child], as_of).unwrap();
    let item = |rule: &str| {
        items
            .iter()
            .find(|i| i.rule == rule)
            .unwrap_or_else(|| panic!("no {rule}"))
    };
    assert_eq!(item("decision-letter").deadline, d("2026-01-21"));
    assert_eq!(item("decision-letter").status, DueStatus::DueSoon);
    assert_eq!(item("conference-minutes").deadline, d("2026-02-10"));

    let props = proposals(&pack, &cal, &w.ds, &[], w.icpc, as_of).unwrap();
    let kinds: Vec<(MeetingKind, NaiveDate)> = props.iter().map(|p| (p.kind, p.deadline)).collect();
    // Core group within 10 working days of Tue 20 Jan: Tue 3 Feb. First review within 3 months:
    // Mon 20 Apr 2026.
    assert_eq!(
        kinds,
        vec![
            (MeetingKind::CoreGroup, d("2026-02-03")),
            (MeetingKind::ReviewConference, d("2026-04-20"))
        ]
    );
    let cg = &props[0];
    assert_eq!(cg.rule, "icpc-to-core-group");
    assert_eq!(cg.window_start, d("2026-01-21"));
    // The first review's times are in the last four working weeks before its deadline (Easter
    // Monday and Good Friday not counted): not days after the plan was made.
    assert_eq!(props[1].window_start, d("2026-03-19"));
    assert!(!props[1].slots.is_empty(), "{:?}", props[1].no_slot_reason);
    assert_eq!(
        cg.required,
        vec![w.sw, w.hv],
        "the core group is invited to the core group"
    );
    assert!(!cg.slots.is_empty(), "{:?}", cg.no_slot_reason);
    for p in &props {
        for s in &p.slots {
            let day = crate::time::to_london(s.start).date_naive();
            assert!(day >= p.window_start && day <= p.deadline, "{day} outside {p:?}");
            assert!(cal.is_working_day(day).unwrap());
        }
    }

    // Once a core group is booked, it is no longer proposed.
    let mut booked = meeting(
        MeetingKind::CoreGroup,
        w.child,
        "2026-01-29",
        &[w.sw],
        MeetingStatus::Planned,
    );
    booked.start = cg.slots[0].start;
    booked.end = cg.slots[0].end;
    w.ds.meetings.push(booked);
    let props = proposals(&pack, &cal, &w.ds, &[], w.icpc, as_of).unwrap();
    assert_eq!(
        props.iter().map(|p| p.kind).collect::<Vec<_>>(),
        vec![MeetingKind::ReviewConference]
    );
}

#[test]
fn a_review_that_steps_down_ends_the_plan_and_starts_a_cin_plan() {
    let mut w = world();
    let review_id = plan_then_review(&mut w, CpCategory::Neglect);
    let step_down = OutcomeInput {
        meeting: review_id,
        attendance: vec![],
        decision: Some(Decision::StepDown),
        core_group: vec![],
    };
    let e = apply(&w.ds, &step_down, d("2026-04-14")).unwrap();
    let cp: Vec<_> = e
        .episodes
        .iter()
        .filter(|x| x.kind.episode_type() == EpisodeType::ChildProtection)
        .collect();
    let cin: Vec<_> = e
        .episodes
        .iter()
        .filter(|x| x.kind == EpisodeKind::ChildInNeed)
        .collect();
    assert_eq!((cp.len(), cin.len()), (1, 1));
    assert_eq!(cp[0].start, d("2026-01-20"));
    assert_eq!(cp[0].end, Some(d("2026-04-14")));
    assert_eq!((cin[0].start, cin[0].end), (d("2026-04-14"), None));
    commit(&mut w.ds, e);
    let (pack, cal) = pack_and_cal();
    let props = proposals(&pack, &cal, &w.ds, &[], review_id, d("2026-04-15")).unwrap();
    let kinds: Vec<MeetingKind> = props.iter().map(|p| p.kind).collect();
    assert!(kinds.contains(&MeetingKind::CinReview), "{kinds:?}");
    assert!(!kinds.contains(&MeetingKind::ReviewConference), "{kinds:?}");
    assert!(!kinds.contains(&MeetingKind::CoreGroup), "{kinds:?}");
}

#[test]
fn ending_the_plan_closes_it_and_proposes_no_further_conference() {
    let mut w = world();
    let review_id = plan_then_review(&mut w, CpCategory::Neglect);
    let end = OutcomeInput {
        meeting: review_id,
        attendance: vec![],
        decision: Some(Decision::EndPlan),
        core_group: vec![],
    };
    let e = apply(&w.ds, &end, d("2026-04-20")).unwrap();
    assert_eq!(e.episodes.len(), 1);
    assert_eq!(e.episodes[0].end, Some(d("2026-04-14")));
    commit(&mut w.ds, e);
    let (pack, cal) = pack_and_cal();
    let props = proposals(&pack, &cal, &w.ds, &[], review_id, d("2026-04-20")).unwrap();
    assert!(props.is_empty(), "{props:?}");
}

#[test]
fn a_review_that_continues_the_plan_can_change_its_category() {
    let mut w = world();
    let review_id = plan_then_review(&mut w, CpCategory::Neglect);
    let cont = OutcomeInput {
        meeting: review_id,
        attendance: vec![],
        decision: Some(Decision::Plan {
            category: CpCategory::Emotional,
        }),
        core_group: vec![w.sw],
    };
    let e = apply(&w.ds, &cont, d("2026-04-14")).unwrap();
    assert_eq!(e.episodes.len(), 1);
    assert_eq!(e.episodes[0].start, d("2026-01-20"), "the same plan continues");
    assert_eq!(
        e.episodes[0].kind,
        EpisodeKind::ChildProtection {
            category: CpCategory::Emotional
        }
    );
    commit(&mut w.ds, e);
    let (pack, cal) = pack_and_cal();
    let props = proposals(&pack, &cal, &w.ds, &[], review_id, d("2026-04-15")).unwrap();
    let review_next = props.iter().find(|p| p.kind == MeetingKind::ReviewConference).unwrap();
    // Next review within 6 months of Tue 14 Apr 2026: Wed 14 Oct 2026.
    assert_eq!(review_next.deadline, d("2026-10-14"));
}

#[test]
fn a_strategy_discussion_proposes_the_conference_that_fits_the_child() {
    let (pack, cal) = pack_and_cal();
    let mut w = world();
    w.ds.meetings.retain(|m| m.id != w.icpc);
    let strategy = w.ds.meetings[0].id;
    let as_of = d("2026-01-06");
    let kinds = |ds: &Dataset| -> Vec<MeetingKind> {
        proposals(&pack, &cal, ds, &[], strategy, as_of)
            .unwrap()
            .iter()
            .map(|p| p.kind)
            .collect()
    };
    assert_eq!(kinds(&w.ds), [MeetingKind::Icpc]);
    w.ds.children[0].birth = Birth::Unborn {
        expected_delivery: d("2026-04-01"),
    };
    assert_eq!(kinds(&w.ds), [MeetingKind::PreBirthConference]);
}

#[test]
fn a_cin_plan_started_on_the_record_after_the_conference_is_moved_back_or_closed_not_doubled() {
    // The ICPC on Tue 20 Jan decided on no plan but a child in need plan; the worker had already
    // started one on the record on Thu 22 Jan, before recording the outcome.
    let mut w = world();
    let started = crate::views::EpisodeDraft {
        child: w.child,
        kind: EpisodeType::ChildInNeed,
        start: "2026-01-22".into(),
    }
    .to_episode(&w.ds.episodes, d("2026-01-23"))
    .unwrap();
    w.ds.episodes.push(started.clone());
    let mut input = plan_input(&w);
    input.decision = Some(Decision::NoPlan { cin_plan: true });
    input.core_group = vec![];
    let e = apply(&w.ds, &input, d("2026-01-23")).unwrap();
    assert_eq!(e.episodes.len(), 1, "the one on the record, not a second");
    assert_eq!(
        (e.episodes[0].id, e.episodes[0].start, e.episodes[0].end),
        (started.id, d("2026-01-20"), None)
    );

    // A plan instead: the child in need plan started after the conference ends, on its first day.
    let e = apply(&w.ds, &plan_input(&w), d("2026-01-23")).unwrap();
    let cin = e.episodes.iter().find(|x| x.id == started.id).expect("closed");
    assert_eq!(cin.end, Some(d("2026-01-22")));
    commit(&mut w.ds, e);
    // And none can be started beside the plan now.
    let refused = crate::views::EpisodeDraft {
        child: w.child,
        kind: EpisodeType::ChildInNeed,
        start: "2026-01-26".into(),
    }
    .to_episode(&w.ds.episodes, d("2026-01-27"))
    .unwrap_err();
    assert!(
        refused
            .to_string()
            .starts_with("This child has a child protection plan (since 20/01/2026)"),
        "{refused}"
    );
}
