//! Suggestions, drafts and checks of `planning`.

use super::*;
use crate::schedule::fixtures::*;
use crate::schedule::slots::SlotSuggestion;

fn draft_of(m: &Meeting, start: &str, end: &str) -> MeetingDraft {
    MeetingDraft {
        id: Some(m.id),
        kind: m.kind,
        children: m.children.clone(),
        start: start.into(),
        end: end.into(),
        location: m.location.clone(),
        chair: m.chair,
        minute_taker: m.minute_taker,
        invitees: m.invitees.clone(),
        reason: Some("Chair ill".into()),
        override_reason: None,
    }
}

#[test]
fn suggested_slots_carry_the_default_chair_when_their_diary_was_checked() {
    let (pack, cal) = env();
    let csc = agency("CSC", AgencyKind::ChildrensSocialCare);
    let iris = person("Iris Chair", csc.id);
    let other = person("Olu Other", csc.id);
    let c = child("Ava");
    let mut icpc = meeting(MeetingKind::Icpc, c.id, "2026-03-02T10:00", MeetingStatus::Held);
    icpc.chair = Some(iris.id);
    let ds = Dataset {
        agencies: vec![csc],
        people: vec![iris.clone(), other.clone()],
        children: vec![c.clone()],
        meetings: vec![icpc],
        ..Dataset::default()
    };
    let input = |required: Option<Vec<PersonId>>| SuggestInput {
        kind: MeetingKind::ReviewConference,
        children: vec![c.id],
        required,
        optional: vec![],
        venues: vec![],
        duration_minutes: 90,
        earliest: d("2026-03-09"),
        not_before: None,
        deadline: None,
        top: 3,
    };
    // The review's default chair is the ICPC's, required and so checked.
    let res = suggest(&pack, &cal, &ds, &[], input(None), d("2026-03-06")).unwrap();
    assert!(res.required.contains(&iris.id), "{res:?}");
    assert_eq!(res.chair, Some(iris.id));
    // Someone else chosen as the only required attendee: the chair's diary was not checked.
    let res = suggest(&pack, &cal, &ds, &[], input(Some(vec![other.id])), d("2026-03-06")).unwrap();
    assert_eq!(res.chair, None);
    assert!(!res.message.contains("already booked"), "{}", res.message);

    // A review already planned: a search for another says so before any is booked; a search
    // for another kind does not.
    let mut ds = ds;
    ds.meetings.push(meeting(
        MeetingKind::ReviewConference,
        c.id,
        "2026-05-18T10:00",
        MeetingStatus::Planned,
    ));
    let res = suggest(&pack, &cal, &ds, &[], input(None), d("2026-03-06")).unwrap();
    assert!(
        res.message.contains(" The review child protection conference for Ava Smith is already booked, for Monday 18 May 2026, 10:00–11:30: move that one, or cancel it, rather than book a second."),
        "{}",
        res.message
    );
    let core_group = SuggestInput {
        kind: MeetingKind::CoreGroup,
        ..input(None)
    };
    let res = suggest(&pack, &cal, &ds, &[], core_group, d("2026-03-06")).unwrap();
    assert!(!res.message.contains("already booked"), "{}", res.message);
}

/// A 90-minute search for `child` from Mon 9 Mar 2026, due by Tue 31 Mar 2026.
fn conference_input(
    kind: MeetingKind,
    child: ChildId,
    required: Vec<PersonId>,
    optional: Vec<PersonId>,
) -> SuggestInput {
    SuggestInput {
        kind,
        children: vec![child],
        required: Some(required),
        optional,
        venues: vec![],
        duration_minutes: 90,
        earliest: d("2026-03-09"),
        not_before: None,
        deadline: Some(d("2026-03-31")),
        top: 3,
    }
}

#[test]
fn conference_suggestions_say_when_no_parent_or_carer_is_invited() {
    let (pack, cal) = env();
    let csc = agency("CSC", AgencyKind::ChildrensSocialCare);
    let family = agency("Family", AgencyKind::Family);
    let sw = person("Sam Worker", csc.id);
    let mum = person("Mo Smith", family.id);
    let mut c = child("Ava");
    c.network.push(NetworkLink {
        person: mum.id,
        role: NetworkRole::Parent,
    });
    let ds = Dataset {
        agencies: vec![csc, family],
        people: vec![sw.clone(), mum.clone()],
        children: vec![c.clone()],
        ..Dataset::default()
    };
    let said = |kind, required: Vec<PersonId>, optional: Vec<PersonId>| {
        let input = conference_input(kind, c.id, required, optional);
        let res = suggest(&pack, &cal, &ds, &[], input, d("2026-03-06")).unwrap();
        assert!(!res.slots.is_empty(), "{res:?}");
        res.message.contains("No parent or carer is among the invitees")
    };
    assert!(said(MeetingKind::ReviewConference, vec![sw.id], vec![]));
    assert!(said(MeetingKind::Icpc, vec![sw.id], vec![]));
    assert!(!said(MeetingKind::ReviewConference, vec![sw.id, mum.id], vec![]));
    assert!(
        !said(MeetingKind::ReviewConference, vec![sw.id], vec![mum.id]),
        "invited as optional"
    );
    assert!(
        !said(MeetingKind::StrategyDiscussion, vec![sw.id], vec![]),
        "not a conference"
    );
    // The defaults invite the child's parents.
    assert!(default_invitees(&ds, MeetingKind::ReviewConference, &[c.id], d("2026-03-09")).contains(&mum.id));

    // Nor the police nor health: said too, for each that is missing.
    let police = agency("Police", AgencyKind::Police);
    let health = agency("Health", AgencyKind::Health);
    let officer = person("DC Reid", police.id);
    let nurse = person("Sam Hale", health.id);
    let mut ds = ds;
    ds.agencies.extend([police, health]);
    ds.people.extend([officer.clone(), nurse.clone()]);
    let message = |kind, required: Vec<PersonId>| {
        let input = conference_input(kind, c.id, required, vec![]);
        suggest(&pack, &cal, &ds, &[], input, d("2026-03-06")).unwrap().message
    };
    let m = message(MeetingKind::Icpc, vec![sw.id, mum.id]);
    assert!(
        m.ends_with(
            " No one from the police or from health is among the invitees: a conference normally hears from both."
        ),
        "{m}"
    );
    let m = message(MeetingKind::Icpc, vec![sw.id, mum.id, officer.id]);
    assert!(
        m.ends_with(" No one from health is among the invitees: a conference normally hears from both."),
        "{m}"
    );
    let m = message(MeetingKind::ReviewConference, vec![sw.id, mum.id, nurse.id]);
    assert!(
        m.ends_with(" No one from the police is among the invitees: a conference normally hears from both."),
        "{m}"
    );
    assert!(!message(MeetingKind::Icpc, vec![sw.id, mum.id, officer.id, nurse.id]).contains("No one from"));
    assert!(!message(MeetingKind::CoreGroup, vec![sw.id]).contains("No one from"));
}

#[test]
fn conference_times_leave_time_for_the_reports_to_parents_when_the_deadline_allows() {
    let (pack, cal) = env();
    let c = child("Maya");
    let strategy = meeting(
        MeetingKind::StrategyDiscussion,
        c.id,
        "2026-11-24T10:00",
        MeetingStatus::Held,
    );
    let ds = Dataset {
        children: vec![c.clone()],
        meetings: vec![strategy],
        ..Dataset::default()
    };
    let input = |earliest: &str| SuggestInput {
        kind: MeetingKind::Icpc,
        children: vec![c.id],
        required: None,
        optional: vec![],
        venues: vec![],
        duration_minutes: 120,
        earliest: d(earliest),
        not_before: None,
        deadline: None,
        top: 5,
    };
    // Today Tue 1 Dec; the ICPC is due by Tue 15 Dec. From Wed 2 Dec the reports (2 working
    // days before) would be due before today: times start on Thu 3 Dec.
    let res = suggest(&pack, &cal, &ds, &[], input("2026-12-02"), d("2026-12-01")).unwrap();
    assert_eq!(res.deadline, Some(d("2026-12-15")));
    assert!(!res.slots.is_empty());
    for s in &res.slots {
        assert!(s.start.date_naive() >= d("2026-12-03"), "{s:?}");
    }
    // Each time says when the reports fall due for it: 2 working days before its day.
    let due = |s: &SlotSuggestion| {
        s.reasons
            .iter()
            .find(|r| r.starts_with("Reports shared with parents"))
            .cloned()
            .unwrap_or_default()
    };
    for s in &res.slots {
        let by = cal.sub_working_days(s.start.date_naive(), 2).unwrap();
        let when = match by.to_string().as_str() {
            "2026-12-01" => " (today)",
            "2026-12-02" => " (tomorrow)",
            _ => "",
        };
        assert_eq!(
            due(s),
            format!(
                "Reports shared with parents before the conference: due by {}{when}.",
                uk_date(by)
            )
        );
    }
    assert!(
        res.slots.iter().any(|s| due(s).ends_with("Tue 1 Dec 2026 (today).")),
        "{res:?}"
    );
    assert_eq!(
        res.earlier_days.first().map(String::as_str),
        Some(
            "Before Thu 3 Dec 2026: \"Reports shared with parents before the conference\" would be due before today; for a meeting on Thu 3 Dec 2026 it is due by Tue 1 Dec 2026 (today)."
        ),
        "{res:?}"
    );
    // Today Thu 3 Dec: the first day that leaves time is Sat 5 Dec, said as the Monday after.
    let res = suggest(&pack, &cal, &ds, &[], input("2026-12-04"), d("2026-12-03")).unwrap();
    assert_eq!(
        res.earlier_days.first().map(String::as_str),
        Some(
            "Before Mon 7 Dec 2026: \"Reports shared with parents before the conference\" would be due before today; for a meeting on Mon 7 Dec 2026 it is due by Thu 3 Dec 2026 (today)."
        ),
        "{res:?}"
    );
    // With the deadline itself too near for that, the earliest times stay, and say so.
    let mut late = ds.clone();
    late.meetings[0] = meeting(
        MeetingKind::StrategyDiscussion,
        c.id,
        "2026-11-10T10:00",
        MeetingStatus::Held,
    );
    let res = suggest(&pack, &cal, &late, &[], input("2026-12-02"), d("2026-12-01")).unwrap();
    assert_eq!(res.deadline, Some(d("2026-12-01")));
    let early = res.slots.iter().find(|s| s.start.date_naive() == d("2026-12-02"));
    assert_eq!(
        early.map(due).as_deref(),
        Some("Reports shared with parents before the conference: due by Mon 30 Nov 2026, before today."),
        "{res:?}"
    );
    // Reports already shared: nothing more is said.
    let mut shared = ds.clone();
    shared.events.push(Event {
        id: EventId::new_random(),
        child: c.id,
        kind: EventKind::ReportsShared,
        date: d("2026-11-30"),
        note: String::new(),
    });
    let res = suggest(&pack, &cal, &shared, &[], input("2026-12-02"), d("2026-12-01")).unwrap();
    assert!(!res.slots.is_empty());
    assert!(res.slots.iter().all(|s| due(s).is_empty()), "{res:?}");
}

#[test]
fn a_draft_cannot_rewrite_a_held_or_cancelled_meeting_or_another_kind_or_child() {
    let c = child("Ava");
    let held = meeting(MeetingKind::Icpc, c.id, "2026-03-16T10:00", MeetingStatus::Held);
    let same_time = draft_of(&held, "2026-03-16T10:00", "2026-03-16T11:30");
    let err = from_draft(&same_time, Some(&held)).unwrap_err().to_string();
    assert!(err.contains("This meeting is held"), "{err}");
    let mut cancelled = held.clone();
    cancelled.status = MeetingStatus::Cancelled { reason: "x".into() };
    assert!(from_draft(&same_time, Some(&cancelled)).is_err());
    let planned = meeting(MeetingKind::Icpc, c.id, "2026-03-16T10:00", MeetingStatus::Planned);
    let mut relabelled = draft_of(&planned, "2026-03-16T10:00", "2026-03-16T11:30");
    relabelled.kind = MeetingKind::ReviewConference;
    let err = from_draft(&relabelled, Some(&planned)).unwrap_err().to_string();
    assert!(err.contains("keeps its kind and children"), "{err}");
    let mut other_child = draft_of(&planned, "2026-03-16T10:00", "2026-03-16T11:30");
    other_child.children = vec![ChildId::new_random()];
    assert!(from_draft(&other_child, Some(&planned)).is_err());
    // The same meeting, planned, still changes.
    assert!(from_draft(
        &draft_of(&planned, "2026-03-17T10:00", "2026-03-17T11:30"),
        Some(&planned)
    )
    .is_ok());
}

#[test]
fn a_change_at_the_last_sequence_number_is_refused_not_wrapped() {
    let c = child("Ava");
    let mut m = meeting(MeetingKind::CoreGroup, c.id, "2026-03-16T10:00", MeetingStatus::Planned);
    m.sequence = u32::MAX;
    let moved = draft_of(&m, "2026-03-17T10:00", "2026-03-17T11:30");
    let err = from_draft(&moved, Some(&m)).unwrap_err().to_string();
    assert!(err.contains("changed too many times"), "{err}");
    let mut re_invited = draft_of(&m, "2026-03-16T10:00", "2026-03-16T11:30");
    re_invited.location = Location::Online {
        joining_details: "Zoom".into(),
    };
    let err = from_draft(&re_invited, Some(&m)).unwrap_err().to_string();
    assert!(err.contains("changed too many times"), "{err}");
}
