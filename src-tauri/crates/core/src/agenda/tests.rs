//! Agendas on a small hand-built dataset: a snapshot of every kind's text in both variants, the
//! facts AGENDAS.md requires, the timescale verdict, template edits and their reset, and HTML
//! escaping.

use super::*;
use crate::holidays::Division;
use crate::time::london;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct World {
    ds: Dataset,
    child: ChildId,
    unborn: ChildId,
    chair: PersonId,
    minutes: PersonId,
    invitees: Vec<(PersonId, bool)>,
    venue: VenueId,
}

fn world() -> World {
    let agency = |name: &str, kind: AgencyKind| Agency {
        id: AgencyId::new_random(),
        name: name.into(),
        kind,
    };
    let csc = agency("Northshire Children's Services", AgencyKind::ChildrensSocialCare);
    let police = agency("Northshire Police", AgencyKind::Police);
    let health = agency("Northshire Community Health", AgencyKind::Health);
    let school = agency("Hillside Primary School", AgencyKind::Education);
    let family = agency("Family and friends", AgencyKind::Family);
    let person = |name: &str, role: &str, agency: AgencyId| Person {
        id: PersonId::new_random(),
        name: name.into(),
        role: role.into(),
        agency,
        team: None,
        email: None,
        working_pattern: WorkingPattern::full_time(),
        last_day: None,
    };
    let chair = person("Priya Natarajan", "Independent chair", csc.id);
    let minutes = person("Tom Ellis", "Minute-taker", csc.id);
    let sw = person("Grace Okafor", "Social worker", csc.id);
    let pc = person("DC Sam Reid", "Police officer", police.id);
    let hv = person("Jo Marsh", "Health visitor", health.id);
    let dsl = person("Ann Lee", "Designated safeguarding lead", school.id);
    // A parent's organisation is left empty, not "Family and friends".
    let mother = person("Laura Hart", "Mother", family.id);
    let venue = Venue {
        id: VenueId::new_random(),
        name: "Civic Centre, Room 4".into(),
        address: "1 Market Street, Northtown NT1 1AA".into(),
        capacity: 12,
    };
    let child = Child {
        id: ChildId::new_random(),
        given_name: "Amelia".into(),
        family_name: "Hart".into(),
        name_display: NameDisplay::FullName,
        birth: Birth::born(d("2019-03-03")),
        case_id: "C1".into(),
        siblings: vec![],
        social_worker: Some(sw.id),
        network: vec![],
    };
    let unborn = Child {
        id: ChildId::new_random(),
        given_name: "Baby".into(),
        family_name: "Hart".into(),
        name_display: NameDisplay::Initials,
        birth: Birth::Unborn {
            expected_delivery: d("2026-07-01"),
        },
        case_id: "C2".into(),
        siblings: vec![],
        social_worker: Some(sw.id),
        network: vec![],
    };
    World {
        child: child.id,
        unborn: unborn.id,
        chair: chair.id,
        minutes: minutes.id,
        invitees: vec![
            (sw.id, true),
            (pc.id, true),
            (hv.id, true),
            (dsl.id, false),
            (mother.id, true),
        ],
        venue: venue.id,
        ds: Dataset {
            agencies: vec![csc, police, health, school, family],
            people: vec![chair, minutes, sw, pc, hv, dsl, mother],
            venues: vec![venue],
            children: vec![child, unborn],
            ..Dataset::default()
        },
    }
}

fn meeting(w: &World, kind: MeetingKind, child: ChildId, start: &str, status: MeetingStatus) -> Meeting {
    let start = london(chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap()).unwrap();
    Meeting {
        id: MeetingId::new_random(),
        kind,
        children: vec![child],
        start,
        end: start + chrono::Duration::minutes(90),
        location: Location::Venue { venue: w.venue },
        chair: Some(w.chair),
        minute_taker: Some(w.minutes),
        invitees: w
            .invitees
            .iter()
            .map(|(person, required)| Invitee {
                person: *person,
                required: *required,
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

fn context() -> (RulePack, WorkingDayCalendar, Settings) {
    let settings = Settings::default();
    let pack = settings.pack().unwrap();
    let cal = settings.calendar(Division::EnglandAndWales);
    (pack, cal, settings)
}

fn render(w: &World, settings: &Settings, m: MeetingId, v: Variant) -> Agenda {
    let (pack, cal, _) = context();
    build(&pack, &cal, &w.ds, settings, m, v, d("2026-05-01")).unwrap()
}

#[test]
fn every_kind_in_both_variants_matches_its_snapshot() {
    let mut w = world();
    for kind in MeetingKind::ALL {
        let child = if kind == MeetingKind::PreBirthConference {
            w.unborn
        } else {
            w.child
        };
        let m = meeting(&w, kind, child, "2026-05-12T10:00", MeetingStatus::Planned);
        let id = m.id;
        w.ds.meetings = vec![m];
        let (_, _, settings) = context();
        for v in Variant::ALL {
            let text = to_text(&render(&w, &settings, id, v));
            insta::assert_snapshot!(format!("{}-{}", kind.id(), v.id()), text);
        }
    }
}

#[test]
fn carries_every_fact_agendas_md_requires() {
    let mut w = world();
    let m = meeting(
        &w,
        MeetingKind::Icpc,
        w.child,
        "2026-05-12T10:00",
        MeetingStatus::Planned,
    );
    let id = m.id;
    w.ds.meetings = vec![m];
    let (_, _, settings) = context();
    let a = render(&w, &settings, id, Variant::Professional);
    let text = to_text(&a);
    for needle in [
        "Initial child protection conference",
        "Tuesday 12 May 2026, 10:00–11:30",
        "Civic Centre, Room 4, 1 Market Street",
        "Chair: Priya Natarajan",
        "Minute-taker: Tom Ellis",
        "Amelia Hart, born 3 March 2019",
        "DC Sam Reid, Police officer, Northshire Police",
        "Ann Lee, Designated safeguarding lead, Hillside Primary School (optional)",
        "Confidential.",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    // Required invitees come first.
    let optional = text.find("(optional)").unwrap();
    assert!(text.find("DC Sam Reid").unwrap() < optional);
}

#[test]
fn the_timescale_line_says_whether_the_meeting_is_in_time() {
    let mut w = world();
    // Strategy discussion Mon 4 May 2026 (bank holiday is Mon 4 May: the count starts next day).
    let strategy = meeting(
        &w,
        MeetingKind::StrategyDiscussion,
        w.child,
        "2026-04-20T10:00",
        MeetingStatus::Held,
    );
    // 15 working days after Mon 20 Apr 2026, with Mon 4 May a bank holiday: Tue 12 May.
    let on_time = meeting(
        &w,
        MeetingKind::Icpc,
        w.child,
        "2026-05-12T10:00",
        MeetingStatus::Planned,
    );
    let (s, ok) = (strategy.clone(), on_time.clone());
    w.ds.meetings = vec![s, ok];
    let (_, _, settings) = context();
    let a = render(&w, &settings, on_time.id, Variant::Professional);
    let line = a.timescale.clone().unwrap();
    assert!(line.contains("due by Tuesday 12 May 2026"), "{line}");
    assert!(line.ends_with("this meeting is within timescale."), "{line}");
    let fam = render(&w, &settings, on_time.id, Variant::Family);
    assert_eq!(
        fam.timescale.as_deref(),
        Some("This meeting has to happen by Tuesday 12 May 2026. It is on time.")
    );

    let late = meeting(
        &w,
        MeetingKind::Icpc,
        w.child,
        "2026-05-13T10:00",
        MeetingStatus::Planned,
    );
    w.ds.meetings = vec![strategy, late.clone()];
    let a = render(&w, &settings, late.id, Variant::Professional);
    assert!(a.timescale.unwrap().ends_with("this meeting is OUTSIDE timescale."));
}

#[test]
fn a_meeting_meeting_no_deadline_has_no_timescale_line() {
    let mut w = world();
    let m = meeting(
        &w,
        MeetingKind::ProfessionalsMeeting,
        w.child,
        "2026-05-12T10:00",
        MeetingStatus::Planned,
    );
    let id = m.id;
    w.ds.meetings = vec![m];
    let (_, _, settings) = context();
    assert_eq!(render(&w, &settings, id, Variant::Professional).timescale, None);
}

#[test]
fn edited_templates_are_used_and_reset_to_the_default() {
    let mut w = world();
    let m = meeting(
        &w,
        MeetingKind::CoreGroup,
        w.child,
        "2026-05-12T10:00",
        MeetingStatus::Planned,
    );
    let id = m.id;
    w.ds.meetings = vec![m];
    let (_, _, mut settings) = context();
    set_template(
        &mut settings,
        MeetingKind::CoreGroup,
        Variant::Family,
        &["  Hello  ".into(), "".into(), "The plan".into()],
    )
    .unwrap();
    assert_eq!(
        render(&w, &settings, id, Variant::Family).items,
        vec!["Hello".to_string(), "The plan".to_string()]
    );
    // The professional variant is untouched.
    assert_eq!(
        render(&w, &settings, id, Variant::Professional).items,
        default_items(MeetingKind::CoreGroup, Variant::Professional)
    );
    let views = templates(&settings);
    assert_eq!(views.len(), MeetingKind::ALL.len() * 2);
    assert_eq!(views.iter().filter(|t| t.edited).count(), 1);
    reset_template(&mut settings, MeetingKind::CoreGroup, Variant::Family);
    assert!(settings.agendas.is_empty());
    assert_eq!(
        render(&w, &settings, id, Variant::Family).items,
        default_items(MeetingKind::CoreGroup, Variant::Family)
    );
    // Setting the default text back stores nothing.
    set_template(
        &mut settings,
        MeetingKind::CoreGroup,
        Variant::Family,
        &default_items(MeetingKind::CoreGroup, Variant::Family),
    )
    .unwrap();
    assert!(settings.agendas.is_empty());
}

#[test]
fn bad_templates_are_refused_with_a_sentence() {
    let mut s = Settings::default();
    let err = set_template(&mut s, MeetingKind::Icpc, Variant::Professional, &["  ".into()]).unwrap_err();
    assert_eq!(err.to_string(), "The agenda must not be empty.");
    let many: Vec<String> = (0..21).map(|n| format!("Item {n}")).collect();
    let err = set_template(&mut s, MeetingKind::Icpc, Variant::Professional, &many).unwrap_err();
    assert_eq!(err.to_string(), "The agenda has too many items (21; at most 20).");
    let long = "x".repeat(201);
    let err = set_template(&mut s, MeetingKind::Icpc, Variant::Professional, &[long]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "An agenda item is too long (201 characters; at most 200)."
    );
    assert!(s.agendas.is_empty());
}

#[test]
fn an_unknown_meeting_is_a_clear_error() {
    let w = world();
    let (pack, cal, settings) = context();
    let id = MeetingId::new_random();
    let err = build(
        &pack,
        &cal,
        &w.ds,
        &settings,
        id,
        Variant::Professional,
        d("2026-05-01"),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), format!("Meeting {id} does not exist."));
}

#[test]
fn cancelled_and_online_meetings_say_so() {
    let mut w = world();
    let mut m = meeting(
        &w,
        MeetingKind::CinReview,
        w.child,
        "2026-05-12T10:00",
        MeetingStatus::Cancelled {
            reason: "Family unwell".into(),
        },
    );
    m.location = Location::Online {
        joining_details: "Teams meeting 123 456".into(),
    };
    let id = m.id;
    w.ds.meetings = vec![m];
    let (_, _, settings) = context();
    let a = render(&w, &settings, id, Variant::Professional);
    assert_eq!(
        a.status.as_deref(),
        Some("This meeting has been cancelled: Family unwell")
    );
    assert!(to_text(&a).contains("How to join: Online: Teams meeting 123 456"));
}

#[test]
fn html_escapes_everything_it_prints() {
    let mut w = world();
    w.ds.people[2].name = "<script>alert('x')</script> & co".into();
    let m = meeting(
        &w,
        MeetingKind::CoreGroup,
        w.child,
        "2026-05-12T10:00",
        MeetingStatus::Planned,
    );
    let id = m.id;
    w.ds.meetings = vec![m];
    let (_, _, settings) = context();
    let html = to_html(&render(&w, &settings, id, Variant::Professional));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    assert!(html.contains("<html lang=\"en-GB\">"));
    assert!(html.contains("@page { size: A4;"));
}

#[test]
fn dates_cross_the_clock_change_in_uk_time() {
    // 10:00 on Tue 3 Nov 2026 is GMT; 10:00 on Tue 12 May 2026 is BST. Both print as 10:00.
    let s = london(chrono::NaiveDateTime::parse_from_str("2026-11-03T10:00", "%Y-%m-%dT%H:%M").unwrap()).unwrap();
    assert_eq!(
        when_text(s, s + chrono::Duration::minutes(90)),
        "Tuesday 3 November 2026, 10:00–11:30"
    );
    let s = london(chrono::NaiveDateTime::parse_from_str("2026-05-12T23:30", "%Y-%m-%dT%H:%M").unwrap()).unwrap();
    assert_eq!(
        when_text(s, s + chrono::Duration::hours(1)),
        "Tuesday 12 May 2026, 23:30 to Wednesday 13 May 2026, 00:30"
    );
}
