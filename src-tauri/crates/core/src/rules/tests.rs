use super::*;

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
    assert_eq!(
        RulePack::builtin("northern-ireland").unwrap().division,
        Division::NorthernIreland
    );
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
