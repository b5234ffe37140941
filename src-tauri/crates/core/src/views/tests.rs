//! Views: backup names read back, and a child's age as said.

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
