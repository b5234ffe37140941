//! Read models over the demo dataset: meetings lists, outcomes to record, due items' views.

use super::*;
use crate::demo::{demo_dataset, DEFAULT_SEED};
use crate::holidays::Division;

/// The demo (as of 2026-11-25) and its due items' views under England's pack.
fn demo_views() -> (Dataset, Vec<DueItemView>) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ds = demo_dataset(today, DEFAULT_SEED);
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let pack = RulePack::builtin("england").unwrap();
    let items = evaluate_all(&pack, &cal, &ds.by_child(), today).unwrap();
    let views = due_views(&ds, &pack, &cal, &items, today);
    (ds, views)
}

#[test]
fn every_kind_is_offered_with_its_name_and_length() {
    let kinds = meeting_kinds();
    assert_eq!(kinds.iter().map(|k| k.kind).collect::<Vec<_>>(), MeetingKind::ALL);
    let icpc = kinds.iter().find(|k| k.kind == MeetingKind::Icpc).unwrap();
    assert_eq!(icpc.title, "Initial child protection conference");
    assert_eq!(icpc.typical_minutes, 120);
}

#[test]
fn a_meetings_list_offers_changes_to_planned_meetings_only() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ds = demo_dataset(today, DEFAULT_SEED);
    let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2199, 12, 31).unwrap();
    let rows = meetings_between(&ds, from, to);
    assert_eq!(rows.len(), ds.meetings.len());
    for status in ["planned", "held", "cancelled"] {
        let row = rows.iter().find(|r| r.status == status);
        let row = row.unwrap_or_else(|| panic!("the demo has no {status} meeting"));
        assert_eq!(row.changeable, status == "planned", "{status}");
    }
}

#[test]
fn outcomes_to_record_are_planned_meetings_whose_time_has_passed() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ds = demo_dataset(today, DEFAULT_SEED);
    // The start of today: no meeting of today has ended yet.
    let now = crate::time::london(today.and_hms_opt(0, 0, 0).unwrap()).unwrap();
    let rows = outcomes_to_record(&ds, now);
    // The demo leaves one: the last core group before today.
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].meeting.kind, rows[0].meeting.status.as_str()),
        (MeetingKind::CoreGroup, "planned")
    );
    // On the list of the child's social worker and the chair, and of the worker's team.
    let m = ds.meetings.iter().find(|m| m.id == rows[0].meeting.id).unwrap();
    let child = ds.children.iter().find(|c| c.id == m.children[0]).unwrap();
    let sw = child.social_worker.unwrap();
    let team = ds.people.iter().find(|p| p.id == sw).unwrap().team.unwrap();
    assert!(rows[0].people.iter().any(|p| p.id == sw.0), "{rows:?}");
    assert!(m.chair.is_none_or(|c| rows[0].people.iter().any(|p| p.id == c.0)));
    assert_eq!(rows[0].teams.iter().map(|t| t.id).collect::<Vec<_>>(), [team.0]);
    // A meeting still going on, or yet to start, is not asked for; one that ended is, and a
    // held or cancelled one never is.
    let mut ds = ds;
    let planned = ds
        .meetings
        .iter()
        .position(|m| m.status == MeetingStatus::Planned && m.start > now)
        .unwrap();
    let m = &mut ds.meetings[planned];
    m.start = now - chrono::Duration::minutes(30);
    m.end = now + chrono::Duration::minutes(30);
    let id = m.id;
    assert_eq!(outcomes_to_record(&ds, now).len(), 1);
    assert_eq!(outcomes_to_record(&ds, now + chrono::Duration::minutes(30)).len(), 2);
    let m = ds.meetings.iter_mut().find(|m| m.id == id).unwrap();
    m.status = MeetingStatus::Held;
    assert_eq!(outcomes_to_record(&ds, now + chrono::Duration::minutes(30)).len(), 1);
    let ended: Vec<_> = outcomes_to_record(&ds, now + chrono::Duration::days(400))
        .into_iter()
        .map(|r| r.meeting.start)
        .collect();
    let mut sorted = ended.clone();
    sorted.sort();
    assert_eq!(ended, sorted, "oldest first");
    assert!(ended.len() > 2, "every planned meeting has ended a year on");
}

#[test]
fn who_am_i_names_the_person_their_team_and_the_children_allocated_to_them() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut ds = demo_dataset(today, DEFAULT_SEED);
    assert_eq!(me(&ds, None), None);
    assert_eq!(
        me(&ds, Some(PersonId::new_random())),
        None,
        "no longer in the directory"
    );
    let sw = ds.children.iter().find_map(|c| c.social_worker).unwrap();
    let allocated = ds.children.iter().filter(|c| c.social_worker == Some(sw)).count();
    let person = ds.people.iter().find(|p| p.id == sw).unwrap().clone();
    let team = ds.teams.iter().find(|t| Some(t.id) == person.team).unwrap();
    let mine = me(&ds, Some(sw)).unwrap();
    assert_eq!(
        (mine.person.id, mine.person.name.as_str()),
        (sw.0, person.name.as_str())
    );
    assert_eq!(mine.team.map(|t| (t.id, t.name)), Some((team.id.0, team.name.clone())));
    assert!(allocated > 0);
    assert_eq!(mine.allocated as usize, allocated);
    // A manager with no children allocated and no team.
    let p = ds.people.iter_mut().find(|p| p.id == sw).unwrap();
    p.team = None;
    for c in ds.children.iter_mut().filter(|c| c.social_worker == Some(sw)) {
        c.social_worker = None;
    }
    let mine = me(&ds, Some(sw)).unwrap();
    assert_eq!((mine.team, mine.allocated), (None, 0));
}

#[test]
fn a_due_items_view_carries_the_ids_of_its_social_worker_and_team() {
    let (ds, views) = demo_views();
    assert!(views.iter().any(|v| v.social_worker_id.is_some()));
    for v in &views {
        let child = ds.children.iter().find(|c| c.id == v.child).unwrap();
        assert_eq!(v.social_worker_id, child.social_worker);
        let person = child.social_worker.and_then(|sw| ds.people.iter().find(|p| p.id == sw));
        assert_eq!(v.team_id, person.and_then(|p| p.team));
        assert_eq!(v.team.is_some(), v.team_id.is_some());
    }
}

#[test]
fn an_open_items_when_says_how_its_deadline_stands_as_its_summary_does() {
    let (_, views) = demo_views();
    let mut seen = [false; 3];
    for v in &views {
        match (v.status, v.when.as_deref()) {
            (DueStatus::Overdue, Some(w)) => {
                seen[0] = true;
                // Counted to today, or to the day of its meeting when that has passed unrecorded.
                let passed = v
                    .scheduled
                    .is_some_and(|s| s.date < NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
                assert!(
                    (if passed {
                        w.ends_with(", if its meeting was held")
                    } else {
                        w.ends_with(" overdue")
                    }) && v.summary.contains(&format!("({w})")),
                    "{v:?}"
                );
            }
            (DueStatus::DueSoon | DueStatus::Upcoming, Some(w)) => {
                seen[if v.status == DueStatus::DueSoon { 1 } else { 2 }] = true;
                assert!(v.summary.contains(&format!("({w})")), "{v:?}");
            }
            (DueStatus::Met | DueStatus::MetLate | DueStatus::Missed | DueStatus::Closed, None) => {}
            _ => panic!("{v:?}"),
        }
    }
    assert_eq!(seen, [true; 3], "the demo has overdue, due-soon and upcoming items");
}

#[test]
fn a_due_item_offers_the_meeting_that_meets_it_for_that_child() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut ds = demo_dataset(today, DEFAULT_SEED);
    let unborn: Vec<ChildId> = ds
        .children
        .iter()
        .filter(|c| c.birth.is_unborn())
        .map(|c| c.id)
        .collect();
    assert!(!unborn.is_empty(), "the demo has an unborn child");
    // A strategy discussion two days ago for every child: each then has a conference due.
    let strategy = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let discussions: Vec<Event> = ds
        .children
        .iter()
        .map(|c| Event {
            id: EventId::new_random(),
            child: c.id,
            kind: EventKind::StrategyDiscussion,
            date: strategy,
            note: String::new(),
        })
        .collect();
    ds.events.extend(discussions);
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    for name in ["england", "wales", "scotland", "northern-ireland"] {
        let pack = RulePack::builtin(name).unwrap();
        let items = evaluate_all(&pack, &cal, &ds.by_child(), today).unwrap();
        let views = due_views(&ds, &pack, &cal, &items, today);
        let mut seen = (false, false);
        for v in views.iter().filter(|v| v.rule == "strategy-to-icpc") {
            let expected = if unborn.contains(&v.child) {
                seen.0 = true;
                MeetingKind::PreBirthConference
            } else {
                seen.1 = true;
                MeetingKind::Icpc
            };
            assert_eq!(v.schedule_kind, Some(expected), "{name}: {}", v.child_name);
            // Called for what it is for this child, and its summary says so.
            let title = if expected == MeetingKind::PreBirthConference {
                "Pre-birth conference".to_string()
            } else {
                pack.rule("strategy-to-icpc").unwrap().title.clone()
            };
            assert_eq!(v.rule_title, title, "{name}: {}", v.child_name);
            assert!(v.summary.starts_with(&format!("{title}: ")), "{}", v.summary);
        }
        assert!(
            seen.0 && seen.1,
            "{name}: no conference item for an unborn or a born child"
        );
        for v in &views {
            match v.rule.as_str() {
                "core-group-to-core-group" | "icpc-to-core-group" => {
                    assert_eq!((v.schedule_kind, v.record_kind), (Some(MeetingKind::CoreGroup), None))
                }
                "cp-visit" | "cin-visit" => {
                    assert_eq!((v.schedule_kind, v.record_kind), (None, Some(EventKind::Visit)))
                }
                "reports-before-icpc" => {
                    assert_eq!((v.schedule_kind, v.record_kind), (None, Some(EventKind::ReportsShared)))
                }
                "strategy-to-icpc" => assert_eq!(v.record_kind, None),
                _ => {}
            }
        }
    }
}

#[test]
fn every_rule_offers_a_meeting_to_book_or_an_event_to_record() {
    // Every due item has a way to meet it from the app: "schedule now" or "record it".
    for name in ["england", "wales", "scotland", "northern-ireland"] {
        let pack = RulePack::builtin(name).unwrap();
        for r in &pack.rules {
            assert!(
                r.meeting_to_book(false).is_some() || r.event_to_record().is_some(),
                "{name}: {} has neither",
                r.id
            );
        }
        let letter = pack.rule("decision-letter").unwrap();
        assert_eq!(letter.event_to_record(), Some(EventKind::DecisionLetterSent), "{name}");
        assert_eq!(letter.meeting_to_book(false), None, "{name}");
    }
}

#[test]
fn only_social_care_staff_are_offered_as_social_workers() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ds = demo_dataset(today, DEFAULT_SEED);
    let offered = social_workers(&ds);
    assert!(!offered.is_empty());
    let csc: Vec<AgencyId> = ds
        .agencies
        .iter()
        .filter(|a| a.kind == AgencyKind::ChildrensSocialCare)
        .map(|a| a.id)
        .collect();
    for n in &offered {
        let p = ds.people.iter().find(|p| p.id.0 == n.id).unwrap();
        assert!(csc.contains(&p.agency), "{} is not in children's social care", p.name);
    }
    // Every child's allocated worker is among them, and no police officer or parent is.
    for c in &ds.children {
        if let Some(sw) = c.social_worker {
            assert!(offered.iter().any(|n| n.id == sw.0));
        }
    }
    assert!(offered.len() < ds.people.len());
    assert!(offered.windows(2).all(|w| w[0].name <= w[1].name), "by name");
    // Not the chairs, reviewing officers or minute-taker: they belong to no team and must stay
    // independent of the cases they chair.
    for p in ds
        .people
        .iter()
        .filter(|p| p.role.contains("chair") || p.role.contains("Minute"))
    {
        assert!(!offered.iter().any(|n| n.id == p.id.0), "{} is offered", p.role);
    }
}

#[test]
fn a_section_47_enquiry_is_open_until_no_further_action_or_a_conference() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut ds = demo_dataset(today, DEFAULT_SEED);
    let open = open_enquiries(&ds, today);
    // The demo's children waiting for an ICPC after an enquiry started.
    let waiting = ds
        .events
        .iter()
        .find(|e| e.kind == EventKind::S47Start && open.contains_key(&e.child))
        .map(|e| (e.child, e.date))
        .unwrap();
    let (child, started) = waiting;
    assert_eq!(open[&child], started);
    let summary = child_summaries(&ds, &[], today)
        .into_iter()
        .find(|s| s.id == child)
        .unwrap();
    assert_eq!(
        summary.enquiry,
        Some(format!("Section 47 enquiry since {}", uk_date(started)))
    );
    // Not open the day before it started.
    assert!(!open_enquiries(&ds, started.pred_opt().unwrap()).contains_key(&child));
    // Every open one started by today and has no held conference on or after its start.
    for (c, start) in &open {
        assert!(*start <= today);
        assert!(!ds.meetings.iter().any(|m| m.children.contains(c)
            && m.status == MeetingStatus::Held
            && matches!(
                m.kind,
                MeetingKind::Icpc | MeetingKind::PreBirthConference | MeetingKind::ReviewConference
            )
            && m.date() >= *start));
    }
    // No further action on the day closes it; a later enquiry opens another.
    ds.events.push(Event {
        id: EventId::new_random(),
        child,
        kind: EventKind::NoFurtherAction,
        date: started,
        note: String::new(),
    });
    assert!(!open_enquiries(&ds, today).contains_key(&child));
    let again = started.succ_opt().unwrap();
    ds.events.push(Event {
        id: EventId::new_random(),
        child,
        kind: EventKind::S47Start,
        date: again,
        note: String::new(),
    });
    assert_eq!(open_enquiries(&ds, today).get(&child), Some(&again));
    // A conference held after it ends it; one planned does not.
    let mut icpc = ds
        .meetings
        .iter()
        .find(|m| m.kind == MeetingKind::Icpc)
        .unwrap()
        .clone();
    icpc.id = MeetingId::new_random();
    icpc.children = vec![child];
    let at = crate::time::london(again.succ_opt().unwrap().and_hms_opt(10, 0, 0).unwrap()).unwrap();
    icpc.start = at;
    icpc.end = at + chrono::Duration::hours(1);
    icpc.status = MeetingStatus::Planned;
    ds.meetings.push(icpc);
    assert!(open_enquiries(&ds, today).contains_key(&child));
    ds.meetings.last_mut().unwrap().status = MeetingStatus::Held;
    assert!(!open_enquiries(&ds, today).contains_key(&child));
}

#[test]
fn a_directory_files_names_without_their_titles_or_ranks() {
    assert_eq!(filing_name("DC Sam Whitlock"), "sam whitlock");
    assert_eq!(filing_name("Dr. Alan Pike"), "alan pike");
    assert_eq!(filing_name("Mrs Carol Finch"), "carol finch");
    assert_eq!(filing_name("Beth Morrow"), "beth morrow");
    // A name that is only a word like a title keeps it.
    assert_eq!(filing_name("Ds"), "ds");
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ds = demo_dataset(today, DEFAULT_SEED);
    let listed: Vec<PersonView> = people(&ds)
        .into_iter()
        .filter(|p| !p.family && p.last_day.is_none())
        .collect();
    let keys: Vec<String> = listed.iter().map(|p| filing_name(&p.name)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(
        listed.iter().any(|p| p.name == "DC Sam Whitlock"),
        "the demo's detective constable"
    );
}

#[test]
fn a_meeting_of_brothers_and_sisters_shows_them_all_by_initials_when_one_is_shown_so() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ds = demo_dataset(today, DEFAULT_SEED);
    let names = Names::new(&ds);
    let by_initials = |id: &ChildId| {
        ds.children
            .iter()
            .find(|c| c.id == *id)
            .is_some_and(|c| c.name_display == NameDisplay::Initials)
    };
    let mixed = ds
        .meetings
        .iter()
        .find(|m| m.children.iter().any(by_initials) && !m.children.iter().all(by_initials))
        .expect("the demo has a meeting of a named child and one shown by initials");
    let shown = meeting_summary(mixed, &names).children;
    assert_eq!(shown.len(), mixed.children.len());
    for name in &shown {
        assert!(
            name.chars().all(|c| c.is_uppercase() || c == '.') && name.ends_with('.'),
            "{shown:?}"
        );
    }
    // A meeting of named children only keeps their names.
    let named = ds
        .meetings
        .iter()
        .find(|m| !m.children.is_empty() && !m.children.iter().any(by_initials))
        .unwrap();
    assert_eq!(
        meeting_summary(named, &names).children,
        named.children.iter().map(|c| names.child_name(*c)).collect::<Vec<_>>()
    );
}

#[test]
fn a_brother_or_sister_of_a_child_shown_by_initials_is_shown_by_initials_on_every_list() {
    let (ds, views) = demo_views();
    let child = |id: &ChildId| ds.children.iter().find(|c| c.id == *id);
    let chosen = ds
        .children
        .iter()
        .find(|c| {
            c.name_display == NameDisplay::Initials
                && c.siblings
                    .iter()
                    .any(|s| child(s).is_some_and(|s| s.name_display == NameDisplay::FullName))
        })
        .expect("the demo has a child shown by initials with a named brother or sister");
    let named: Vec<&Child> = chosen
        .siblings
        .iter()
        .filter_map(child)
        .filter(|s| s.name_display == NameDisplay::FullName)
        .collect();
    let names = Names::new(&ds);
    for s in &named {
        let shown = initials(&s.given_name, &s.family_name);
        assert_eq!(names.child_name(s.id), shown);
        // On the dashboard's items, and nowhere with the family name.
        for v in views.iter().filter(|v| v.child == s.id) {
            assert_eq!(v.child_name, shown);
            assert!(!v.summary.contains(&s.family_name), "{}", v.summary);
        }
    }
    // A child with no brother or sister shown by initials keeps their name.
    let alone = ds
        .children
        .iter()
        .find(|c| c.name_display == NameDisplay::FullName && c.siblings.is_empty())
        .unwrap();
    assert_eq!(
        names.child_name(alone.id),
        format!("{} {}", alone.given_name, alone.family_name)
    );
}

#[test]
fn a_meetings_list_that_checks_marks_each_meeting_booked_after_its_deadline() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut ds = demo_dataset(today, DEFAULT_SEED);
    // Something to stand against one meeting (the demo books none outside anyone's hours): its
    // chair no longer works on its day.
    let m = ds
        .meetings
        .iter()
        .find(|m| m.status == MeetingStatus::Planned && m.date() >= today && m.chair.is_some())
        .unwrap();
    let (chair, weekday) = (
        m.chair.unwrap(),
        chrono::Datelike::weekday(&m.date()).number_from_monday() as u8,
    );
    let p = ds.people.iter_mut().find(|p| p.id == chair).unwrap();
    p.working_pattern.days.retain(|h| h.weekday != weekday);
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let pack = RulePack::builtin("england").unwrap();
    let to = today + chrono::Duration::days(60);
    let rows = meetings_between_checked(&pack, &cal, &ds, today, to, today).unwrap();
    assert_eq!(rows.len(), meetings_between(&ds, today, to).len());
    // Exactly the meetings the timescales say are booked after a deadline, with the earliest one.
    let items = evaluate_all(&pack, &cal, &ds.by_child(), today).unwrap();
    let late: Vec<&MeetingSummary> = rows.iter().filter(|r| r.after_deadline.is_some()).collect();
    assert!(!late.is_empty(), "the demo books nothing late in the next 60 days");
    for r in &rows {
        let missed = items
            .iter()
            .filter(|i| i.scheduled.is_some_and(|s| s.meeting == r.id && !s.within_deadline))
            .map(|i| i.deadline)
            .min();
        assert_eq!(r.after_deadline, missed, "{} {}", r.kind_title, r.start);
    }
    assert!(rows.iter().any(|r| r.after_deadline.is_none()));
    // Each planned meeting carries what stands against it, as a check of that meeting alone
    // finds it, less the late date said apart; a held or cancelled one carries nothing.
    let ctx = crate::schedule::ScanContext::new(&ds, &ds.busy, &cal, &items);
    let mut with = 0;
    for r in &rows {
        let m = ds.meetings.iter().find(|m| m.id == r.id).unwrap();
        let mut expected: Vec<String> = if m.status == MeetingStatus::Planned {
            crate::schedule::conflicts_for(m, &ds.meetings, &ctx)
                .into_iter()
                .filter(|c| !matches!(c.kind, crate::schedule::ConflictKind::OutsideStatutoryWindow { .. }))
                .map(|c| c.message)
                .collect()
        } else {
            Vec::new()
        };
        let mut got = r.conflicts.clone();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{} {}", r.kind_title, r.start);
        with += usize::from(!got.is_empty());
    }
    assert!(with > 0, "nothing stands against any demo meeting in the next 60 days");
}
