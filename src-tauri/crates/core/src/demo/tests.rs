use super::*;
use crate::queries::evaluate_all;
use crate::rules::RulePack;
use crate::timescales::DueStatus;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn the_demo_is_valid_deterministic_and_the_right_size() {
    let ds = demo_dataset(today(), DEFAULT_SEED);
    ds.validate().unwrap();
    assert_eq!(ds, demo_dataset(today(), DEFAULT_SEED));
    assert_eq!(ds.teams.len(), 3);
    let practitioners = ds.people.iter().filter(|p| p.role != "Parent").count();
    assert!((22..=32).contains(&practitioners), "{practitioners} practitioners");
    assert!((50..=70).contains(&ds.children.len()), "{} children", ds.children.len());
    assert!(
        (300..=500).contains(&ds.meetings.len()),
        "{} meetings",
        ds.meetings.len()
    );
    for kind in MeetingKind::ALL {
        assert!(ds.meetings.iter().any(|m| m.kind == kind), "no {kind:?}");
    }
    let earliest = ds.events.iter().map(|e| e.date).min().unwrap();
    assert!((today() - earliest).num_days() > 450, "history starts {earliest}");
}

#[test]
fn the_demo_has_met_late_overdue_and_scheduled_items() {
    let ds = demo_dataset(today(), DEFAULT_SEED);
    let pack = RulePack::builtin("england").unwrap();
    let cal = crate::WorkingDayCalendar::shipped(crate::holidays::Division::EnglandAndWales);
    let items = evaluate_all(&pack, &cal, &ds.by_child(), today()).unwrap();
    for status in [
        DueStatus::Met,
        DueStatus::MetLate,
        DueStatus::Overdue,
        DueStatus::DueSoon,
        DueStatus::Upcoming,
    ] {
        assert!(items.iter().any(|i| i.status == status), "no {status:?}");
    }
    assert!(items.iter().any(|i| i.scheduled.is_some()), "nothing scheduled");
    assert!(
        items
            .iter()
            .any(|i| i.rule == "strategy-to-icpc" && i.status == DueStatus::Overdue),
        "no overdue ICPC"
    );
}
