//! Views: backup names read back, a child's age as said, and how a due item stands.

use super::*;

#[test]
fn backup_names_read_back_and_others_are_ignored() {
    assert_eq!(
        backup_view("convene-20261130T081500Z-before-import.json"),
        Some(BackupView {
            name: "convene-20261130T081500Z-before-import.json".into(),
            kind: "Before an import".into(),
            taken: "2026-11-30T08:15:00+00:00".into(),
        })
    );
    assert_eq!(
        backup_view("convene-20261130T081500Z-daily.json").unwrap().kind,
        "Daily"
    );
    for other in [
        "notes.txt",
        "convene-2026-daily.json",
        "convene-20261330T081500Z-daily.json",
        "convene-20261130T081500Z-weekly.json",
        "convene-20261130T081500Z-daily.json.tmp",
    ] {
        assert_eq!(backup_view(other), None, "{other}");
    }
}

#[test]
fn an_age_is_said_in_the_unit_a_practitioner_would_use() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let born = |s: &str| Birth::Born {
        date_of_birth: d(s),
        expected_delivery: None,
    };
    let today = d("2026-12-02");
    assert_eq!(age_label(&born("2011-12-26"), today).as_deref(), Some("14 years"));
    assert_eq!(
        age_label(&born("2011-12-02"), today).as_deref(),
        Some("15 years"),
        "a birthday today"
    );
    assert_eq!(age_label(&born("2024-12-03"), today).as_deref(), Some("23 months"));
    assert_eq!(age_label(&born("2024-12-02"), today).as_deref(), Some("2 years"));
    assert_eq!(age_label(&born("2026-10-02"), today).as_deref(), Some("2 months"));
    assert_eq!(age_label(&born("2026-10-03"), today).as_deref(), Some("8 weeks"));
    assert_eq!(age_label(&born("2026-11-18"), today).as_deref(), Some("2 weeks"));
    assert_eq!(age_label(&born("2026-11-19"), today).as_deref(), Some("13 days"));
    assert_eq!(age_label(&born("2026-12-01"), today).as_deref(), Some("1 day"));
    assert_eq!(age_label(&born("2026-12-02"), today).as_deref(), Some("0 days"));
    // Born on 29 February: a year on is 28 February's next day.
    assert_eq!(
        age_label(&born("2024-02-29"), d("2026-02-28")).as_deref(),
        Some("23 months")
    );
    assert_eq!(
        age_label(&born("2024-02-29"), d("2026-03-01")).as_deref(),
        Some("2 years")
    );
    // Not yet born, or a date after the day: no age.
    let unborn = Birth::Unborn {
        expected_delivery: d("2027-02-01"),
    };
    assert_eq!(age_label(&unborn, today), None);
    assert_eq!(age_label(&born("2027-01-01"), today), None);
}

#[test]
fn a_born_babys_expected_date_says_how_early_or_late_they_came() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let born = |dob: &str, edd: &str| Birth::Born {
        date_of_birth: d(dob),
        expected_delivery: Some(d(edd)),
    };
    let said = |b: Birth| expected_before_birth(&b);
    assert_eq!(
        said(born("2026-12-02", "2027-01-31")).as_deref(),
        Some("31/01/2027, born 8 weeks early")
    );
    assert_eq!(
        said(born("2026-12-02", "2026-12-09")).as_deref(),
        Some("09/12/2026, born 1 week early")
    );
    // Within a week either way: the date alone.
    assert_eq!(said(born("2026-12-02", "2026-12-08")).as_deref(), Some("08/12/2026"));
    assert_eq!(said(born("2026-12-02", "2026-11-26")).as_deref(), Some("26/11/2026"));
    assert_eq!(
        said(born("2026-12-02", "2026-11-18")).as_deref(),
        Some("18/11/2026, born 2 weeks late")
    );
    // Never expected, or not born yet: nothing to say here.
    assert_eq!(said(Birth::born(d("2026-12-02"))), None);
    assert_eq!(
        said(Birth::Unborn {
            expected_delivery: d("2027-01-31")
        }),
        None
    );
    assert_eq!(
        birth_in_full(&born("2026-12-02", "2027-01-31")),
        "DOB 02/12/2026 (expected 31/01/2027, born 8 weeks early)"
    );
}

/// An item booked in time whose meeting's day has passed with no outcome recorded says how late
/// that meeting was, not a count that grows each day until someone records it.
#[test]
fn an_unrecorded_meetings_lateness_is_its_days_not_todays() {
    use crate::timescales::{DueItem, Scheduled, Source};
    let cal = crate::WorkingDayCalendar::shipped(crate::holidays::Division::EnglandAndWales);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let meeting = crate::ids::MeetingId(uuid::Uuid::from_u128(7));
    let item = |scheduled: Option<(&str, bool)>| DueItem {
        child: crate::ids::ChildId(uuid::Uuid::from_u128(1)),
        rule: "strategy-to-icpc".into(),
        anchor: d("2026-11-09"),
        anchor_source: Source::Meeting(meeting),
        deadline: d("2026-11-30"),
        status: DueStatus::Overdue,
        met_on: None,
        met_by: None,
        scheduled: scheduled.map(|(day, within_deadline)| Scheduled {
            meeting,
            date: d(day),
            within_deadline,
        }),
        deadline_computed: false,
        ended: None,
    };
    let today = d("2026-12-03");
    let said = |i: &DueItem| {
        let n = working_days_to(i, &cal, today);
        (
            due_when(i, today, n).unwrap_or_default(),
            due_summary(i, "ICPC", today, n),
        )
    };
    // Nothing booked: counted to today.
    assert_eq!(
        said(&item(None)),
        (
            "3 working days overdue".to_string(),
            "ICPC: due by Mon 30 Nov 2026 (3 working days overdue)".to_string()
        )
    );
    // Booked for the deadline's Friday before: in time, if it was held.
    assert_eq!(
        said(&item(Some(("2026-11-27", true)))),
        (
            "in time, if its meeting was held".to_string(),
            "ICPC: due by Mon 30 Nov 2026 (in time, if its meeting was held); booked for Fri 27 Nov 2026, its outcome not recorded".to_string()
        )
    );
    // Booked for the Tuesday after: one working day late, however long it waits.
    for day in ["2026-12-03", "2026-12-10"] {
        let i = item(Some(("2026-12-01", false)));
        let n = working_days_to(&i, &cal, d(day));
        assert_eq!(
            due_when(&i, d(day), n).as_deref(),
            Some("1 working day late, if its meeting was held")
        );
    }
    // Booked for today or later: still counted to today.
    let i = item(Some(("2026-12-03", false)));
    assert_eq!(
        said(&i),
        (
            "3 working days overdue".to_string(),
            "ICPC: due by Mon 30 Nov 2026 (3 working days overdue); scheduled for Thu 3 Dec 2026, outside the deadline"
                .to_string()
        )
    );
}
