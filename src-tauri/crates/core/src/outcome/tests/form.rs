//! The outcome form: what each kind of meeting offers, and the outcomes refused with a sentence.

use super::*;

#[test]
fn the_form_offers_each_kind_its_decisions_and_a_review_starts_on_the_plans_category() {
    let mut w = world();
    let ids = |f: &OutcomeForm| f.choices.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let icpc = form(&w.ds, w.icpc, d("2026-01-20")).unwrap();
    assert_eq!(ids(&icpc), ["plan", "no-plan", "no-plan-cin"]);
    assert_eq!(icpc.choices[0].label, "A child protection plan");
    assert_eq!(icpc.plan_category, None, "no plan yet: the form asks for its category");
    assert_eq!(
        icpc.categories.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        [
            "Neglect",
            "Physical abuse",
            "Emotional abuse",
            "Sexual abuse",
            "Multiple categories"
        ]
    );
    let strategy =
        w.ds.meetings
            .iter()
            .find(|m| m.kind == MeetingKind::StrategyDiscussion)
            .unwrap()
            .id;
    let attendance_only = form(&w.ds, strategy, d("2026-01-20")).unwrap();
    assert!(attendance_only.choices.is_empty() && attendance_only.categories.is_empty());

    let review_id = plan_then_review(&mut w, CpCategory::Sexual);
    let f = form(&w.ds, review_id, d("2026-04-14")).unwrap();
    assert_eq!(ids(&f), ["plan", "step-down", "end-plan"]);
    assert_eq!(f.choices[0].label, "The plan continues");
    assert_eq!(
        f.choices[0].decision,
        Decision::Plan {
            category: CpCategory::Sexual
        },
        "the plan continues in its own category unless the user changes it"
    );
    assert_eq!(f.plan_category, Some(CpCategory::Sexual));
}

#[test]
fn the_form_names_the_chair_and_says_who_is_family_and_from_which_kind_of_agency() {
    let mut w = world();
    let f = form(&w.ds, w.icpc, d("2026-01-20")).unwrap();
    assert_eq!(f.chair, None);
    let kinds: Vec<_> = f.invitees.iter().map(|i| (i.family, i.agency_kind)).collect();
    assert_eq!(
        kinds,
        [
            (false, Some(AgencyKind::ChildrensSocialCare)),
            (false, Some(AgencyKind::Health))
        ]
    );

    // The outsider chairs; the health visitor is linked to the child as a carer, which makes
    // them family at this meeting whatever their agency.
    w.ds.people.iter_mut().find(|p| p.id == w.outsider).unwrap().role = " Independent chair ".into();
    let m = w.ds.meetings.iter_mut().find(|m| m.id == w.icpc).unwrap();
    m.chair = Some(w.outsider);
    m.minute_taker = Some(w.sw);
    w.ds.children[0].network.push(NetworkLink {
        person: w.hv,
        role: NetworkRole::Carer,
    });
    let f = form(&w.ds, w.icpc, d("2026-01-20")).unwrap();
    assert_eq!(f.chair.as_deref(), Some("Olly Outside (Independent chair)"));
    assert_eq!(f.minute_taker.as_deref(), Some("Sam Social"));
    assert_eq!(f.invitees.iter().map(|i| i.family).collect::<Vec<_>>(), [false, true]);
}

#[test]
fn a_recorded_outcome_is_summed_up_with_its_day_and_decision() {
    let mut w = world();
    let review = plan_then_review(&mut w, CpCategory::Emotional);
    assert_eq!(
        form(&w.ds, w.icpc, d("2026-01-21"))
            .unwrap()
            .recorded_summary
            .as_deref(),
        Some("Held on Tue 20 Jan 2026. Decision: child protection plan (emotional abuse).")
    );
    assert_eq!(form(&w.ds, review, d("2026-01-21")).unwrap().recorded_summary, None);
}

#[test]
fn a_kind_of_meeting_allows_exactly_the_decisions_it_offers() {
    let every = [
        Decision::Plan {
            category: CpCategory::Physical,
        },
        Decision::NoPlan { cin_plan: false },
        Decision::NoPlan { cin_plan: true },
        Decision::StepDown,
        Decision::EndPlan,
    ];
    for kind in MeetingKind::ALL {
        let decisions = DecisionKind::of(kind);
        let offered = decisions.choices(CpCategory::Physical);
        for d in every {
            assert_eq!(
                decisions.allows(d),
                offered.iter().any(|c| c.decision == d),
                "{kind:?}: {d:?}"
            );
        }
    }
}

#[test]
fn bad_outcomes_are_refused_with_a_sentence() {
    let w = world();
    let today = d("2026-01-20");
    let err = |input: &OutcomeInput, today: NaiveDate| apply(&w.ds, input, today).unwrap_err().to_string();
    let good = plan_input(&w);
    assert_eq!(
        err(&good, d("2026-01-19")),
        "This meeting is on 2026-01-20, which is after today (2026-01-19): record its outcome once it has taken place."
    );
    assert_eq!(
        err(
            &OutcomeInput {
                decision: None,
                ..good.clone()
            },
            today
        ),
        "This initial child protection conference needs its decision recorded (a child protection plan or not)."
    );
    assert_eq!(
        err(
            &OutcomeInput {
                core_group: vec![],
                ..good.clone()
            },
            today
        ),
        "A child protection plan needs its core group: name at least one member."
    );
    assert_eq!(
        err(
            &OutcomeInput {
                decision: Some(Decision::StepDown),
                core_group: vec![],
                ..good.clone()
            },
            today
        ),
        "This initial child protection conference does not make that decision: Plan ended; stepped down to a child-in-need plan."
    );
    assert_eq!(
        err(
            &OutcomeInput {
                decision: Some(Decision::NoPlan { cin_plan: true }),
                ..good.clone()
            },
            today
        ),
        "A core group is named only when a child protection plan starts or continues."
    );
    let mut stranger = good.clone();
    stranger.attendance.push(AttendanceMark {
        person: w.outsider,
        attendance: Attendance::Attended,
        report_received: false,
    });
    assert_eq!(
        err(&stranger, today),
        "Olly Outside was not invited to this meeting; add them as an invitee first."
    );
    let strategy = w.ds.meetings[0].id;
    assert_eq!(
        err(
            &OutcomeInput {
                meeting: strategy,
                attendance: vec![],
                decision: None,
                core_group: vec![]
            },
            today
        ),
        "The outcome of this meeting has already been recorded."
    );
    let missing = MeetingId::new_random();
    assert!(err(
        &OutcomeInput {
            meeting: missing,
            ..good.clone()
        },
        today
    )
    .starts_with("Meeting "));

    // A decision at a core group; a review with no plan to continue.
    let mut ds = w.ds.clone();
    let cg = meeting(
        MeetingKind::CoreGroup,
        w.child,
        "2026-01-15",
        &[w.sw],
        MeetingStatus::Planned,
    );
    let review = meeting(
        MeetingKind::ReviewConference,
        w.child,
        "2026-01-16",
        &[w.sw],
        MeetingStatus::Planned,
    );
    let (cg_id, review_id) = (cg.id, review.id);
    ds.meetings.extend([cg, review]);
    assert_eq!(
        apply(
            &ds,
            &OutcomeInput {
                meeting: cg_id,
                attendance: vec![],
                ..good.clone()
            },
            today
        )
        .unwrap_err()
        .to_string(),
        "Only a conference records a decision; this is a core group."
    );
    assert_eq!(
        apply(
            &ds,
            &OutcomeInput {
                meeting: review_id,
                attendance: vec![],
                ..good.clone()
            },
            today
        )
        .unwrap_err()
        .to_string(),
        "Ava Test has no open child protection plan for this review to continue or end."
    );
    // "No plan" with a CIN plan at an ICPC opens a CIN episode; without, nothing.
    let e = apply(
        &w.ds,
        &OutcomeInput {
            decision: Some(Decision::NoPlan { cin_plan: true }),
            core_group: vec![],
            ..good.clone()
        },
        today,
    )
    .unwrap();
    assert_eq!(e.episodes.len(), 1);
    assert_eq!(e.episodes[0].kind, EpisodeKind::ChildInNeed);
}
