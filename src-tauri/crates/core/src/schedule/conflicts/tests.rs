use super::*;
use crate::dataset::Dataset;
use crate::holidays::Division;
use crate::time::parse_london;

pub(super) fn meeting(
    kind: MeetingKind,
    child: ChildId,
    start: &str,
    mins: i64,
    people: &[PersonId],
    venue: Option<VenueId>,
) -> Meeting {
    let start = parse_london(start).unwrap();
    Meeting {
        id: MeetingId::new_random(),
        kind,
        children: vec![child],
        start,
        end: start + chrono::Duration::minutes(mins),
        location: venue.map_or(
            Location::Online {
                joining_details: "x".into(),
            },
            |venue| Location::Venue { venue },
        ),
        chair: people.first().copied(),
        minute_taker: None,
        invitees: people
            .iter()
            .skip(1)
            .map(|p| Invitee {
                person: *p,
                required: true,
                attendance: Attendance::Invited,
                report_received: false,
            })
            .collect(),
        status: MeetingStatus::Planned,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    }
}

pub(super) struct Fixture {
    pub(super) ds: Dataset,
    pub(super) a: PersonId,
    pub(super) b: PersonId,
    pub(super) child: ChildId,
    pub(super) venue: VenueId,
}

pub(super) fn fixture() -> Fixture {
    let agency = Agency {
        id: AgencyId::new_random(),
        name: "CSC".into(),
        kind: AgencyKind::ChildrensSocialCare,
    };
    let person = |name: &str, pattern: WorkingPattern| Person {
        id: PersonId::new_random(),
        name: name.into(),
        role: "Social worker".into(),
        agency: agency.id,
        team: None,
        email: None,
        working_pattern: pattern,
        last_day: None,
    };
    let a = person("Alex", WorkingPattern::full_time());
    let b = person("Bo", WorkingPattern::days(&[1, 2, 3], (9, 0), (15, 0)));
    let venue = Venue {
        id: VenueId::new_random(),
        name: "Room 2".into(),
        address: String::new(),
        capacity: 8,
    };
    let ds = Dataset {
        agencies: vec![agency],
        people: vec![a.clone(), b.clone()],
        venues: vec![venue.clone()],
        ..Dataset::default()
    };
    Fixture {
        a: a.id,
        b: b.id,
        child: ChildId::new_random(),
        venue: venue.id,
        ds,
    }
}

fn kinds(cs: &[Conflict]) -> Vec<String> {
    let mut v: Vec<String> = cs
        .iter()
        .map(|c| {
            serde_json::to_value(&c.kind).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    v.sort();
    v
}

/// A busy block of `owner` on Tue 5 May 2026, 09:00-12:00.
fn block_on_5_may(owner: BusyOwner, kind: BusyKind, source: Option<String>) -> BusyBlock {
    BusyBlock {
        id: BusyId::new_random(),
        owner,
        start: parse_london("2026-05-05T09:00").unwrap(),
        end: parse_london("2026-05-05T12:00").unwrap(),
        kind,
        note: "Fostering panel".into(),
        source,
    }
}

#[test]
fn a_venue_booked_by_someone_else_or_too_small_is_a_conflict() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let m = meeting(
        MeetingKind::CoreGroup,
        f.child,
        "2026-05-05T10:00",
        60,
        &[f.a],
        Some(f.venue),
    );
    let blocks = [block_on_5_may(BusyOwner::Venue(f.venue), BusyKind::Booking, None)];
    let ctx = ScanContext::new(&f.ds, &blocks, &cal, &[]);
    let cs = conflicts_for(&m, &[], &ctx);
    assert_eq!(kinds(&cs), ["venue-unavailable"]);
    assert!(
        cs[0]
            .message
            .contains("Room 2 is busy (Fostering panel) during the core group"),
        "{}",
        cs[0].message
    );
    // Nine people in a room that seats eight.
    let nine: Vec<PersonId> = (0..9).map(|_| PersonId::new_random()).collect();
    let big = meeting(
        MeetingKind::CoreGroup,
        f.child,
        "2026-05-05T14:00",
        60,
        &nine,
        Some(f.venue),
    );
    let cs = conflicts_for(&big, &[], &ScanContext::new(&f.ds, &[], &cal, &[]));
    assert_eq!(kinds(&cs), ["venue-too-small"]);
    assert!(
        cs[0].message.contains("Room 2 seats 8, and 9 people are invited"),
        "{}",
        cs[0].message
    );
}

#[test]
fn a_meetings_own_invitation_imported_back_is_not_a_clash() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let m = meeting(MeetingKind::CoreGroup, f.child, "2026-05-05T10:00", 60, &[f.a], None);
    let mut ds = f.ds.clone();
    ds.meetings.push(m.clone());
    let own = [block_on_5_may(
        BusyOwner::Person(f.a),
        BusyKind::Imported,
        Some(m.calendar_uid()),
    )];
    assert!(conflicts_for(&m, &ds.meetings, &ScanContext::new(&ds, &own, &cal, &[])).is_empty());
    // Another Convene's meeting (not in this store) is a real commitment.
    let theirs = [block_on_5_may(
        BusyOwner::Person(f.a),
        BusyKind::Imported,
        Some(format!("{}@convene.local", MeetingId::new_random())),
    )];
    let cs = conflicts_for(&m, &ds.meetings, &ScanContext::new(&ds, &theirs, &cal, &[]));
    assert_eq!(kinds(&cs), ["person-unavailable"]);
}

#[test]
fn a_core_group_before_a_second_plans_conference_is_flagged_and_one_on_an_open_plan_is_not() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let mut old = meeting(MeetingKind::Icpc, f.child, "2024-01-12T10:00", 60, &[f.a], None);
    old.status = MeetingStatus::Held;
    let new_icpc = meeting(MeetingKind::Icpc, f.child, "2026-03-19T10:00", 60, &[f.a], None);
    let cg = meeting(MeetingKind::CoreGroup, f.child, "2026-03-16T10:00", 60, &[f.a], None);
    let plan = |end: Option<&str>| Episode {
        id: EpisodeId::new_random(),
        child: f.child,
        kind: EpisodeKind::ChildProtection {
            category: CpCategory::Neglect,
        },
        start: NaiveDate::from_ymd_opt(2024, 1, 12).unwrap(),
        end: end.map(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap()),
    };
    let all = [old, new_icpc.clone()];
    // The first plan ended in 2025: the core group belongs to the new one, before its ICPC.
    let mut ds = f.ds.clone();
    ds.episodes = vec![plan(Some("2025-01-10"))];
    let cs = conflicts_for(&cg, &all, &ScanContext::new(&ds, &[], &cal, &[]));
    assert!(
        cs.iter().any(|c| c.kind
            == ConflictKind::BeforeDependency {
                depends_on: new_icpc.id
            }),
        "{cs:?}"
    );
    // The first plan still open: the core group is that plan's.
    ds.episodes = vec![plan(None)];
    let cs = conflicts_for(&cg, &all, &ScanContext::new(&ds, &[], &cal, &[]));
    assert!(kinds(&cs).iter().all(|k| k != "before-dependency"), "{cs:?}");
}

#[test]
fn an_initial_conference_for_an_unborn_child_or_a_pre_birth_one_after_the_birth_is_flagged() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let child = |birth: Birth| Child {
        id: f.child,
        given_name: "Baby".into(),
        family_name: "Calder".into(),
        name_display: NameDisplay::FullName,
        birth,
        case_id: "C".into(),
        siblings: vec![],
        social_worker: None,
        network: vec![],
    };
    let mut ds = f.ds.clone();
    let at = |kind| meeting(kind, f.child, "2026-12-08T10:00", 60, &[f.a], None);
    let flagged = |ds: &Dataset, m: &Meeting| -> Vec<String> {
        conflicts_for(m, &[], &ScanContext::new(ds, &[], &cal, &[]))
            .into_iter()
            .filter(|c| c.kind == ConflictKind::KindForBirth { child: f.child })
            .map(|c| c.message)
            .collect()
    };
    // Not born yet: an ICPC is flagged, a pre-birth conference is what it should be.
    ds.children = vec![child(Birth::Unborn {
        expected_delivery: d("2027-01-31"),
    })];
    assert_eq!(
        flagged(&ds, &at(MeetingKind::Icpc)),
        ["Baby Calder is not born yet: the initial child protection conference on Tue 8 Dec 2026 at 10:00 should be a pre-birth conference. Book one instead."]
    );
    assert!(flagged(&ds, &at(MeetingKind::PreBirthConference)).is_empty());
    assert!(
        flagged(&ds, &at(MeetingKind::ReviewConference)).is_empty(),
        "reviews happen before a birth too"
    );
    // Born before the pre-birth conference's day: it is flagged, and an ICPC is not.
    ds.children = vec![child(Birth::Born {
        date_of_birth: d("2026-12-02"),
        expected_delivery: Some(d("2027-01-31")),
    })];
    assert_eq!(
        flagged(&ds, &at(MeetingKind::PreBirthConference)),
        ["Baby Calder was born on Wed 2 Dec 2026: the pre-birth conference on Tue 8 Dec 2026 at 10:00 should now be an initial child protection conference. Hold it as one, or cancel it and book one."]
    );
    assert!(flagged(&ds, &at(MeetingKind::Icpc)).is_empty());
    // A conference that was held is a record, whatever it was called.
    let mut held = at(MeetingKind::PreBirthConference);
    held.status = MeetingStatus::Held;
    assert!(flagged(&ds, &held).is_empty());
}

#[test]
fn a_meeting_is_reported_against_every_meeting_it_clashes_with() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let other = || ChildId::new_random();
    let a = meeting(MeetingKind::Icpc, other(), "2026-05-05T10:00", 120, &[f.a], None);
    let b = meeting(MeetingKind::CoreGroup, other(), "2026-05-05T11:00", 30, &[f.a], None);
    let c = meeting(MeetingKind::CinReview, other(), "2026-05-05T11:15", 60, &[f.a], None);
    let cs = conflicts_for(&c, &[a.clone(), b.clone()], &ScanContext::new(&f.ds, &[], &cal, &[]));
    let others: std::collections::HashSet<MeetingId> = cs
        .iter()
        .filter_map(|x| match x.kind {
            ConflictKind::PersonDoubleBooked { other, .. } => Some(other),
            _ => None,
        })
        .collect();
    assert_eq!(others, [a.id, b.id].into_iter().collect(), "{cs:?}");
}

#[test]
fn a_room_booked_many_deep_names_a_few_clashes_for_each_meeting() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    // Six meetings in Room 2 all morning, each with someone different.
    let ms: Vec<Meeting> = (0..6)
        .map(|i| {
            let p = PersonId::new_random();
            meeting(
                MeetingKind::CoreGroup,
                ChildId::new_random(),
                &format!("2026-05-05T09:{:02}", i * 5),
                180,
                &[p],
                Some(f.venue),
            )
        })
        .collect();
    let refs: Vec<&Meeting> = ms.iter().collect();
    let cs = scan_conflicts(&refs, &ScanContext::new(&f.ds, &[], &cal, &[]));
    for m in &ms {
        let n = cs
            .iter()
            .filter(|c| c.meeting == m.id && matches!(c.kind, ConflictKind::VenueDoubleBooked { .. }))
            .count();
        assert!((1..=3).contains(&n), "{n} clashes named for one meeting");
    }
}

#[test]
fn double_bookings_of_people_and_venues() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let m1 = meeting(
        MeetingKind::CoreGroup,
        f.child,
        "2026-05-05T10:00",
        60,
        &[f.a],
        Some(f.venue),
    );
    let m2 = meeting(
        MeetingKind::CinReview,
        ChildId::new_random(),
        "2026-05-05T10:30",
        60,
        &[f.a],
        Some(f.venue),
    );
    let m3 = meeting(
        MeetingKind::CinReview,
        ChildId::new_random(),
        "2026-05-05T11:00",
        60,
        &[f.a],
        None,
    );
    let ctx = ScanContext::new(&f.ds, &[], &cal, &[]);
    let cs = scan_conflicts(&[&m1, &m2, &m3], &ctx);
    let for_m1: Vec<&Conflict> = cs.iter().filter(|c| c.meeting == m1.id).collect();
    assert_eq!(
        kinds(&for_m1.iter().map(|c| (*c).clone()).collect::<Vec<_>>()),
        ["person-double-booked", "venue-double-booked"]
    );
    assert!(
        for_m1
            .iter()
            .any(|c| c.message == "Alex is also booked for the child-in-need review on Tue 5 May 2026 at 10:30."),
        "{for_m1:?}"
    );
    // m3 starts when m1 ends (back to back is fine) but overlaps m2.
    assert_eq!(cs.iter().filter(|c| c.meeting == m3.id).count(), 1);
    // With the other meeting's children on record, it names them; by initials when one of them,
    // or a brother or sister, is shown so.
    let mut ds = f.ds.clone();
    let child = |given: &str, display| Child {
        id: ChildId::new_random(),
        given_name: given.into(),
        family_name: "Ashby".into(),
        name_display: display,
        birth: Birth::born(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()),
        case_id: "C".into(),
        siblings: vec![],
        social_worker: None,
        network: vec![],
    };
    let (mut kit, mut lou) = (child("Kit", NameDisplay::FullName), child("Lou", NameDisplay::FullName));
    ds.children = vec![kit.clone(), lou.clone()];
    let mut m2 = m2.clone();
    m2.children = vec![kit.id];
    let about_m1 = |ds: &Dataset, m2: &Meeting| -> Vec<String> {
        scan_conflicts(&[&m1, m2], &ScanContext::new(ds, &[], &cal, &[]))
            .into_iter()
            .filter(|c| c.meeting == m1.id && c.message.starts_with("Alex"))
            .map(|c| c.message)
            .collect()
    };
    assert_eq!(
        about_m1(&ds, &m2),
        ["Alex is also booked for the child-in-need review for Kit Ashby on Tue 5 May 2026 at 10:30."]
    );
    lou.name_display = NameDisplay::Initials;
    lou.siblings = vec![kit.id];
    kit.siblings = vec![lou.id];
    ds.children = vec![kit, lou];
    assert_eq!(
        about_m1(&ds, &m2),
        ["Alex is also booked for the child-in-need review for K.A. on Tue 5 May 2026 at 10:30."]
    );
}

#[test]
fn weekends_holidays_hours_leave_and_order() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let sunday = meeting(MeetingKind::CoreGroup, f.child, "2026-05-03T10:00", 60, &[f.a], None);
    let holiday = meeting(MeetingKind::CoreGroup, f.child, "2026-05-04T10:00", 60, &[f.a], None);
    let late = meeting(
        MeetingKind::CoreGroup,
        f.child,
        "2026-05-05T14:30",
        60,
        &[f.a, f.b],
        None,
    );
    let icpc = meeting(MeetingKind::Icpc, f.child, "2026-05-07T10:00", 60, &[f.a], None);
    let leave = BusyBlock {
        id: BusyId::new_random(),
        owner: BusyOwner::Person(f.a),
        start: parse_london("2026-05-05T00:00").unwrap(),
        end: parse_london("2026-05-06T00:00").unwrap(),
        kind: BusyKind::Leave,
        note: "annual leave".into(),
        source: None,
    };
    let blocks = [leave];
    let ctx = ScanContext::new(&f.ds, &blocks, &cal, &[]);
    let cs = scan_conflicts(&[&sunday, &holiday, &late, &icpc], &ctx);
    let about = |m: &Meeting| {
        cs.iter()
            .filter(|c| c.meeting == m.id)
            .map(|c| c.message.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        about(&sunday).iter().any(|s| s.contains("is on a Sunday")),
        "{:?}",
        about(&sunday)
    );
    assert!(
        about(&holiday)
            .iter()
            .any(|s| s.contains("a bank holiday (Early May bank holiday)")),
        "{:?}",
        about(&holiday)
    );
    let l = about(&late);
    assert!(
        l.iter()
            .any(|s| s
                == "The core group on Tue 5 May 2026 at 14:30 is outside Bo's working hours (Mon–Wed 09:00–15:00)."),
        "{l:?}"
    );
    assert!(l.iter().any(|s| s.contains("Alex is on leave (annual leave)")), "{l:?}");
    assert!(
        l.iter()
            .any(|s| s.contains("before the initial conference on Thu 7 May 2026")),
        "{l:?}"
    );
    // Nothing but that no parent is invited (the fixture has no family).
    assert!(
        about(&icpc)
            .iter()
            .all(|s| s.starts_with("No parent or carer of the child is recorded")),
        "{:?}",
        about(&icpc)
    );
    // conflicts_for sees the same for one meeting about to be saved.
    let all = vec![sunday.clone(), holiday.clone(), icpc.clone()];
    assert_eq!(conflicts_for(&late, &all, &ctx).len(), l.len());
}

#[test]
fn cancelled_meetings_never_conflict() {
    let f = fixture();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let m1 = meeting(MeetingKind::CoreGroup, f.child, "2026-05-05T10:00", 60, &[f.a], None);
    let mut m2 = meeting(MeetingKind::CoreGroup, f.child, "2026-05-05T10:00", 60, &[f.a], None);
    m2.status = MeetingStatus::Cancelled { reason: "x".into() };
    let ctx = ScanContext::new(&f.ds, &[], &cal, &[]);
    assert!(scan_conflicts(&[&m1, &m2], &ctx).is_empty());
}

#[test]
fn an_authority_wide_scan_on_two_threads_finds_what_one_thread_finds() {
    // 3,000 meetings (over the two-thread threshold) for two people and a venue over 25 days:
    // double bookings, weekends, hours and order problems in plenty.
    let f = fixture();
    let mut meetings = Vec::new();
    for i in 0..3_000u32 {
        let day = 1 + i % 25;
        let hour = 8 + (i / 25) % 10;
        let minute = [0, 30][(i % 2) as usize];
        let kind = [MeetingKind::CoreGroup, MeetingKind::Icpc, MeetingKind::ReviewConference][(i % 3) as usize];
        let people: &[PersonId] = if i % 4 == 0 { &[f.a, f.b] } else { &[f.b] };
        meetings.push(meeting(
            kind,
            f.child,
            &format!("2026-03-{day:02}T{hour:02}:{minute:02}"),
            45,
            people,
            (i % 5 == 0).then_some(f.venue),
        ));
    }
    // And a core group before the child's first conference.
    meetings.push(meeting(
        MeetingKind::CoreGroup,
        f.child,
        "2026-02-27T10:00",
        45,
        &[f.a],
        None,
    ));
    let refs: Vec<&Meeting> = meetings.iter().collect();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let ctx = ScanContext::new(&f.ds, &[], &cal, &[]);
    let both = detect_conflicts(&refs, &ctx);
    let mut one = double_bookings(&refs);
    one.extend(own_checks(&refs, &ctx));
    assert_eq!(both, one, "the same findings in the same order");
    let kinds: std::collections::HashSet<String> = both
        .iter()
        .map(|(_, k)| serde_json::to_value(k).unwrap()["type"].as_str().unwrap().to_string())
        .collect();
    for k in [
        "person-double-booked",
        "venue-double-booked",
        "not-working-day",
        "outside-working-hours",
        "before-dependency",
    ] {
        assert!(kinds.contains(k), "no {k} among {kinds:?}");
    }
}
