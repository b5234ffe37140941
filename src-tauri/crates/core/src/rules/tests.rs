use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn every_builtin_pack_resolves() {
    for name in PACK_NAMES {
        let pack = RulePack::builtin(name).unwrap();
        assert_eq!(pack.name, name);
        assert!(pack.rule("strategy-to-icpc").is_ok());
        assert!(pack.rules.iter().all(|r| !r.source.is_empty()), "{name}");
    }
    assert!(RulePack::builtin("atlantis").is_err());
}

#[test]
fn england_has_the_rules_of_timescales_md() {
    let pack = RulePack::builtin("england").unwrap();
    let expected = [
        ("referral-decision", 1, OffsetUnit::WorkingDays),
        ("referral-to-assessment", 45, OffsetUnit::WorkingDays),
        ("strategy-to-icpc", 15, OffsetUnit::WorkingDays),
        ("icpc-to-core-group", 10, OffsetUnit::WorkingDays),
        ("icpc-to-first-review", 3, OffsetUnit::Months),
        ("review-to-review", 6, OffsetUnit::Months),
        ("core-group-to-core-group", 4, OffsetUnit::Weeks),
        ("cp-visit", 10, OffsetUnit::WorkingDays),
        ("cin-visit", 20, OffsetUnit::WorkingDays),
        ("cin-review", 3, OffsetUnit::Months),
        ("reports-before-icpc", 2, OffsetUnit::WorkingDays),
        ("reports-before-review", 5, OffsetUnit::WorkingDays),
        ("decision-letter", 1, OffsetUnit::WorkingDays),
        ("conference-minutes", 15, OffsetUnit::WorkingDays),
        ("prebirth-conference", 6, OffsetUnit::Weeks),
        ("lac-first-review", 20, OffsetUnit::WorkingDays),
        ("lac-second-review", 3, OffsetUnit::Months),
        ("lac-review", 6, OffsetUnit::Months),
        ("lac-visit-first", 1, OffsetUnit::Weeks),
        ("lac-visit", 6, OffsetUnit::Weeks),
    ];
    for (id, amount, unit) in expected {
        let r = pack.rule(id).unwrap();
        assert_eq!((r.offset.amount, r.offset.unit), (amount, unit), "{id}");
    }
}

#[test]
fn other_nations_differ_where_their_guidance_does() {
    let wales = RulePack::builtin("wales").unwrap();
    assert_eq!(wales.rule("conference-minutes").unwrap().offset.amount, 20);
    let scotland = RulePack::builtin("scotland").unwrap();
    assert_eq!(scotland.division, Division::Scotland);
    assert_eq!(
        scotland.rule("strategy-to-icpc").unwrap().offset,
        Offset {
            amount: 28,
            unit: OffsetUnit::CalendarDays
        }
    );
    assert_eq!(scotland.rule("icpc-to-core-group").unwrap().offset.amount, 15);
    // The CPPM counts from the first IRD: a continued or repeated IRD does not move it.
    assert_eq!(scotland.settings.icpc_anchor, IcpcAnchor::FirstStrategyDiscussion);
    let ird = scotland.rule("strategy-discussion-convened").unwrap();
    assert_eq!(ird.title, "Inter-agency referral discussion (IRD)");
    assert_eq!(ird.anchor.events, vec![EventKind::Referral]);
    assert_eq!(
        RulePack::builtin("northern-ireland").unwrap().division,
        Division::NorthernIreland
    );
}

#[test]
fn wales_cites_its_own_procedures_and_regulations() {
    let wales = RulePack::builtin("wales").unwrap();
    let offset = |id: &str| {
        let r = wales.rule(id).unwrap();
        (r.offset.amount, r.offset.unit)
    };
    // The Welsh statutory assessment timescale, and the summary and outline plan.
    assert_eq!(offset("referral-to-assessment"), (42, OffsetUnit::WorkingDays));
    assert_eq!(offset("decision-letter"), (5, OffsetUnit::WorkingDays));
    assert_eq!(offset("core-group-to-core-group"), (6, OffsetUnit::Weeks));
    // Visits as England's, under the Welsh regulation.
    assert_eq!(offset("lac-visit-first"), (1, OffsetUnit::Weeks));
    assert_eq!(offset("lac-visit"), (6, OffsetUnit::Weeks));
    assert!(wales
        .rule("lac-visit")
        .unwrap()
        .source
        .contains("(Wales) Regulations 2015, reg 31"));
}

#[test]
fn scotland_has_its_looked_after_rules_and_no_english_referral_timescales() {
    let scotland = RulePack::builtin("scotland").unwrap();
    let offset = |id: &str| {
        let r = scotland.rule(id).unwrap();
        assert!(
            r.source.contains("Looked After Children (Scotland) Regulations 2009"),
            "{id}: {}",
            r.source
        );
        (r.offset.amount, r.offset.unit)
    };
    assert_eq!(offset("lac-first-review"), (6, OffsetUnit::Weeks));
    assert_eq!(offset("lac-second-review"), (3, OffsetUnit::Months));
    assert_eq!(offset("lac-review"), (6, OffsetUnit::Months));
    assert_eq!(offset("lac-visit-first"), (1, OffsetUnit::Weeks));
    assert_eq!(offset("lac-visit"), (3, OffsetUnit::Months));
    // No national referral decision or assessment timescale: kept, local and off.
    let rules = scotland.active_rules();
    let active: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    for id in ["referral-decision", "referral-to-assessment"] {
        let r = scotland.rule(id).unwrap();
        assert!(!r.enabled, "{id}");
        assert_eq!(r.kind, RuleKind::Local, "{id}");
        assert!(!active.contains(&id), "{id}");
    }
    assert!(active.contains(&"lac-first-review"));
}

#[test]
fn northern_ireland_follows_the_sbni_procedures_where_they_are_known() {
    let ni = RulePack::builtin("northern-ireland").unwrap();
    let cp = ni.rule("cp-visit").unwrap();
    assert_eq!((cp.offset.amount, cp.offset.unit), (4, OffsetUnit::Weeks));
    assert!(cp.source.starts_with("SBNI"));
    let a = ni.rule("referral-to-assessment").unwrap();
    assert_eq!((a.offset.amount, a.offset.unit), (10, OffsetUnit::WorkingDays));
    assert_eq!(a.title, "Initial assessment completed");
}

#[test]
fn no_other_nation_cites_englands_sources_as_its_own() {
    // A rule another nation keeps from England's pack says so ("England's …"), rather than
    // citing Working Together or England's regulations as if they applied there.
    for name in PACK_NAMES.into_iter().filter(|n| *n != "england") {
        for r in &RulePack::builtin(name).unwrap().rules {
            let english = r.source.contains("Working Together") || r.source.contains("(England)");
            assert!(
                !english || r.source.contains("England's"),
                "{name}: {} cites {}",
                r.id,
                r.source
            );
        }
    }
}

#[test]
fn overrides_change_add_and_switch_off() {
    let pack = RulePack::builtin("england").unwrap();
    let mut added = pack.rule("cin-visit").unwrap().clone();
    added.id = "family-time-review".into();
    let o = LocalOverrides {
        settings: Some(PackSettings {
            due_soon_working_days: 10,
            ..PackSettings::default()
        }),
        changes: vec![
            RuleChange {
                id: "reports-before-icpc".into(),
                offset: Some(Offset {
                    amount: 3,
                    unit: OffsetUnit::WorkingDays,
                }),
                ..Default::default()
            },
            RuleChange {
                id: "cp-visit".into(),
                enabled: Some(false),
                ..Default::default()
            },
        ],
        added: vec![added],
    };
    let p = pack.clone().with_overrides(&o).unwrap();
    assert_eq!(p.rule("reports-before-icpc").unwrap().offset.amount, 3);
    assert!(!p.active_rules().iter().any(|r| r.id == "cp-visit"));
    assert_eq!(p.rule("family-time-review").unwrap().kind, RuleKind::Local);
    assert_eq!(p.settings.due_soon_working_days, 10);

    let bad = LocalOverrides {
        changes: vec![RuleChange {
            id: "nope".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    assert!(matches!(pack.with_overrides(&bad), Err(RuleError::UnknownRule { .. })));
}

#[test]
fn deadlines_by_unit_and_convention() {
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let pack = RulePack::builtin("england").unwrap();
    let due = |id: &str, anchor: &str| pack.deadline(pack.rule(id).unwrap(), d(anchor), &cal).unwrap();
    // TIMESCALES.md's worked example.
    assert_eq!(due("strategy-to-icpc", "2025-04-16"), d("2025-05-12"));
    // 31 Jan + 3 months = 30 Apr (clamped), a Thursday in 2026.
    assert_eq!(due("icpc-to-first-review", "2026-01-31"), d("2026-04-30"));
    // 30 Nov 2025 + 1 month... 31 Dec 2025 + 3 months = 31 Mar 2026 (Tue).
    assert_eq!(due("icpc-to-first-review", "2025-12-31"), d("2026-03-31"));
    // 28 Feb 2026 + 6 months = 28 Aug 2026 (Fri); 29 Aug 2026 -> Sat 29 Feb 2027? clamps to 28 Feb 2027 (Sun) -> Fri 26 Feb.
    assert_eq!(due("review-to-review", "2026-08-29"), d("2027-02-26"));
    // Calendar deadline on Christmas Day 2026 (Fri) moves back to Thu 24 Dec.
    assert_eq!(due("core-group-to-core-group", "2026-11-27"), d("2026-12-24"));
    // Backward: 2 working days before Tue 2 Jun 2026 = Fri 29 May (Mon 1 Jun is day 1 back).
    assert_eq!(due("reports-before-icpc", "2026-06-02"), d("2026-05-29"));
    // Day-1 counting: one working day earlier than day-0.
    let mut day1 = pack.clone();
    day1.settings.counting = Counting::Day1;
    assert_eq!(
        day1.deadline(day1.rule("strategy-to-icpc").unwrap(), d("2025-04-16"), &cal)
            .unwrap(),
        d("2025-05-09")
    );
}

#[test]
fn icpc_anchor_setting_rewrites_the_rule() {
    let mut pack = RulePack::builtin("england").unwrap();
    pack.settings.icpc_anchor = IcpcAnchor::S47Start;
    let r = pack
        .active_rules()
        .into_iter()
        .find(|r| r.id == "strategy-to-icpc")
        .unwrap();
    assert_eq!(r.anchor.events, vec![EventKind::S47Start]);
}

#[test]
fn the_meeting_to_book_fits_the_child() {
    let pack = RulePack::builtin("england").unwrap();
    let book = |id: &str, unborn: bool| pack.rule(id).unwrap().meeting_to_book(unborn);
    assert_eq!(book("strategy-to-icpc", false), Some(MeetingKind::Icpc));
    assert_eq!(book("strategy-to-icpc", true), Some(MeetingKind::PreBirthConference));
    assert_eq!(book("prebirth-conference", true), Some(MeetingKind::PreBirthConference));
    assert_eq!(book("icpc-to-core-group", true), Some(MeetingKind::CoreGroup));
    assert_eq!(book("lac-second-review", false), Some(MeetingKind::LacReview));
    assert_eq!(
        book("strategy-discussion-convened", false),
        Some(MeetingKind::StrategyDiscussion)
    );
    assert_eq!(book("cp-visit", false), None);
    // A target that names only a kind that does not fit still gets it (a local rule may).
    assert_eq!(
        book("prebirth-conference", false),
        Some(MeetingKind::PreBirthConference)
    );
}

#[test]
fn scotland_splits_the_first_review_by_the_conference_that_started_the_plan() {
    let scotland = RulePack::builtin("scotland").unwrap();
    let icpc = scotland.rule("icpc-to-first-review").unwrap();
    assert_eq!(icpc.anchor.meetings, vec![MeetingKind::Icpc]);
    assert_eq!((icpc.offset.amount, icpc.offset.unit), (6, OffsetUnit::Months));
    let prebirth = scotland.rule("prebirth-to-first-review").unwrap();
    assert_eq!(prebirth.anchor.meetings, vec![MeetingKind::PreBirthConference]);
    assert_eq!((prebirth.offset.amount, prebirth.offset.unit), (3, OffsetUnit::Months));
    assert_eq!(prebirth.target, icpc.target);
    assert_eq!(prebirth.episode, icpc.episode);
}

#[test]
fn rule_ids_are_unique_in_every_pack() {
    for name in PACK_NAMES {
        let pack = RulePack::builtin(name).unwrap();
        let mut ids: Vec<&str> = pack.rules.iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "{name}");
    }
}

/// (rule, anchor, day-0 deadline, day-1 deadline)
const DAY_1: &[(&str, &str, &str, &str)] = &[
    // Working days from a working day: one working day earlier.
    ("strategy-to-icpc", "2025-04-16", "2025-05-12", "2025-05-09"),
    ("decision-letter", "2026-03-02", "2026-03-03", "2026-03-02"),
    // From a Saturday no day is a working day 1 but Monday, as under day 0.
    ("decision-letter", "2026-03-07", "2026-03-09", "2026-03-09"),
    ("strategy-to-icpc", "2026-03-07", "2026-03-27", "2026-03-27"),
    // Months: Thu 15 Jan 2026 is day 1, so 3 months end on Tue 14 Apr (not Fri 13 Mar).
    ("icpc-to-first-review", "2026-01-15", "2026-04-15", "2026-04-14"),
    // Weeks: placement Wed 4 Mar 2026, first visit by Tue 10 Mar (not the placement day).
    ("lac-visit-first", "2026-03-04", "2026-03-11", "2026-03-10"),
    // A week from Mon 2 Mar ends Sun 8 Mar: back to Fri 6 Mar.
    ("lac-visit-first", "2026-03-02", "2026-03-09", "2026-03-06"),
    // Backward rules keep day 0: counting the conference (or EDD) as day 1 would only make
    // the deadline later.
    ("prebirth-conference", "2026-07-20", "2026-06-08", "2026-06-08"),
    ("reports-before-icpc", "2026-06-02", "2026-05-29", "2026-05-29"),
];

#[test]
fn day_1_counts_the_anchor_as_day_1_and_never_moves_a_deadline_later() {
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let day0 = RulePack::builtin("england").unwrap();
    let mut day1 = day0.clone();
    day1.settings.counting = Counting::Day1;
    for (id, anchor, want0, want1) in DAY_1 {
        let due = |p: &RulePack| p.deadline(p.rule(id).unwrap(), d(anchor), &cal).unwrap();
        assert_eq!((due(&day0), due(&day1)), (d(want0), d(want1)), "{id} from {anchor}");
    }
}

fn any_offset() -> impl Strategy<Value = (Offset, Direction)> {
    let unit = prop_oneof![
        Just(OffsetUnit::WorkingDays),
        Just(OffsetUnit::CalendarDays),
        Just(OffsetUnit::Weeks),
        Just(OffsetUnit::Months),
    ];
    let direction = prop_oneof![Just(Direction::After), Just(Direction::Before)];
    // Short offsets often: from a weekend or holiday they are where moving back to a working
    // day could reach before the anchor.
    let amount = prop_oneof![0u32..3, 0u32..70];
    (amount, unit, direction).prop_map(|(amount, unit, direction)| (Offset { amount, unit }, direction))
}

fn any_anchor() -> impl Strategy<Value = NaiveDate> {
    (0i64..(40 * 365)).prop_map(|n| d("2010-01-01") + chrono::Duration::days(n))
}

proptest! {
    #[test]
    fn day_1_is_never_later_than_day_0_and_always_a_working_day(
        (offset, direction) in any_offset(),
        anchor in any_anchor(),
    ) {
        static CAL: std::sync::OnceLock<WorkingDayCalendar> = std::sync::OnceLock::new();
        let cal = CAL.get_or_init(|| WorkingDayCalendar::shipped(Division::EnglandAndWales));
        let day0 = deadline(offset, direction, Counting::Day0, anchor, cal).unwrap();
        let day1 = deadline(offset, direction, Counting::Day1, anchor, cal).unwrap();
        prop_assert!(day1 <= day0, "{day1} after {day0}");
        prop_assert!(cal.is_working_day(day0).unwrap(), "day 0: {day0}");
        prop_assert!(cal.is_working_day(day1).unwrap(), "day 1: {day1}");
        if direction == Direction::After {
            // A forward deadline is never before its anchor, whatever the unit (moving back to
            // a working day from a weekend or holiday stops at the anchor).
            prop_assert!(day0 >= anchor && day1 >= anchor, "{anchor} -> {day0} / {day1}");
        }
        if (offset.unit, direction) == (OffsetUnit::WorkingDays, Direction::After) {
            // Never before the anchor, and one working day earlier from a working day.
            prop_assert!(day1 >= anchor);
            let shorter = offset.amount > 0 && cal.is_working_day(anchor).unwrap();
            let want = if shorter { cal.sub_working_days(day0, 1).unwrap() } else { day0 };
            prop_assert_eq!(day1, want);
        }
    }
}

#[test]
fn a_huge_offset_is_an_error_not_a_panic() {
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    for unit in [
        OffsetUnit::WorkingDays,
        OffsetUnit::CalendarDays,
        OffsetUnit::Weeks,
        OffsetUnit::Months,
    ] {
        for direction in [Direction::After, Direction::Before] {
            for counting in [Counting::Day0, Counting::Day1] {
                let offset = Offset { amount: u32::MAX, unit };
                assert!(
                    matches!(
                        deadline(offset, direction, counting, d("2026-03-02"), &cal),
                        Err(CalendarError::OutOfRange { .. })
                    ),
                    "{unit:?} {direction:?} {counting:?}"
                );
            }
        }
    }
}

#[test]
fn a_deadline_counted_back_from_a_computed_year_is_not_confirmed() {
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    // Reports 5 working days before a review on Wed 5 Jan 2028 are due Fri 24 Dec 2027, a
    // count that crosses 2028's computed substitute day (Mon 3 Jan).
    assert!(!deadline_confirmed(&cal, d("2028-01-05"), d("2027-12-24")));
    assert!(deadline_confirmed(&cal, d("2027-06-01"), d("2027-12-24")));
    assert!(!deadline_confirmed(&cal, d("2027-12-01"), d("2028-01-10")));
}

#[test]
fn every_rule_is_about_the_work_it_names() {
    let pack = RulePack::builtin("england").unwrap();
    let area = |id: &str| pack.rule(id).unwrap().area();
    for id in [
        "strategy-to-icpc",
        "icpc-to-core-group",
        "icpc-to-first-review",
        "review-to-review",
        "core-group-to-core-group",
        "cp-visit",
        "prebirth-conference",
        "strategy-discussion-convened",
    ] {
        assert_eq!(area(id), Area::ChildProtection, "{id}");
    }
    for id in [
        "reports-before-icpc",
        "reports-before-review",
        "decision-letter",
        "conference-minutes",
    ] {
        assert_eq!(area(id), Area::ConferencePapers, "{id}");
    }
    assert_eq!(area("referral-decision"), Area::Referral);
    assert_eq!(area("referral-to-assessment"), Area::Referral);
    for id in [
        "lac-first-review",
        "lac-second-review",
        "lac-review",
        "lac-visit-first",
        "lac-visit",
    ] {
        assert_eq!(area(id), Area::LookedAfter, "{id}");
    }
    assert_eq!(area("cin-visit"), Area::ChildInNeed);
    assert_eq!(area("cin-review"), Area::ChildInNeed);
    // A local rule about something none of these names: a family network meeting.
    let mut local = pack.rule("cin-review").unwrap().clone();
    local.episode = None;
    local.anchor = Trigger {
        meetings: vec![MeetingKind::FamilyNetworkMeeting],
        ..Trigger::default()
    };
    local.target = local.anchor.clone();
    assert_eq!(local.area(), Area::Other);
    // Every pack's rules, in the order the dashboard puts them: nothing falls to "Other".
    for name in PACK_NAMES {
        let pack = RulePack::builtin(name).unwrap();
        assert!(pack.rules.iter().all(|r| r.area() != Area::Other), "{name}");
    }
    assert!(Area::ChildProtection < Area::Referral && Area::Referral < Area::LookedAfter);
    assert!(Area::LookedAfter < Area::ChildInNeed && Area::ChildInNeed < Area::ConferencePapers);
    assert!(Area::ConferencePapers < Area::Other);
    // Scotland's notice of a conference is its papers too.
    let scotland = RulePack::builtin("scotland").unwrap();
    assert_eq!(scotland.rule("cppm-notice").unwrap().area(), Area::ConferencePapers);
}
