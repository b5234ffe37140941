//! Working-day calendar cases. Expected dates were worked out by hand and checked against an
//! independent day-by-day walk over the GOV.UK file (not against this code).

use super::*;
use crate::holidays::shipped;
use crate::rules::{deadline, Counting, Direction, Offset, OffsetUnit};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Built once: the properties below run hundreds of cases.
fn ew() -> &'static WorkingDayCalendar {
    static CAL: std::sync::OnceLock<WorkingDayCalendar> = std::sync::OnceLock::new();
    CAL.get_or_init(|| WorkingDayCalendar::shipped(Division::EnglandAndWales))
}

/// (what it checks, anchor, working days after, expected day)
const FORWARD: &[(&str, &str, u32, &str)] = &[
    (
        "TIMESCALES.md example: strategy discussion to ICPC",
        "2025-04-16",
        15,
        "2025-05-12",
    ),
    (
        "Christmas 2020 on Friday, Boxing Day substitute Monday 28th",
        "2020-12-24",
        1,
        "2020-12-29",
    ),
    (
        "Christmas 2021 on Saturday: substitutes Mon 27 and Tue 28",
        "2021-12-24",
        1,
        "2021-12-29",
    ),
    (
        "Christmas 2022 on Sunday: Boxing Day Mon 26, substitute Tue 27",
        "2022-12-23",
        1,
        "2022-12-28",
    ),
    (
        "New Year 2022 on Saturday: substitute Mon 3 Jan",
        "2021-12-31",
        1,
        "2022-01-04",
    ),
    (
        "New Year 2023 on Sunday: substitute Mon 2 Jan",
        "2022-12-30",
        1,
        "2023-01-03",
    ),
    (
        "Easter 2025: Good Friday and Easter Monday",
        "2025-04-17",
        1,
        "2025-04-22",
    ),
    ("Easter 2026", "2026-04-02", 1, "2026-04-07"),
    ("2020: VE Day Friday 8 May", "2020-05-07", 1, "2020-05-11"),
    (
        "2020: Early May holiday moved, so Mon 4 May was a working day",
        "2020-05-01",
        1,
        "2020-05-04",
    ),
    (
        "2022: Platinum Jubilee Thu 2 and Fri 3 June",
        "2022-06-01",
        1,
        "2022-06-06",
    ),
    (
        "2022: Spring holiday moved, so Mon 30 May was a working day",
        "2022-05-27",
        1,
        "2022-05-30",
    ),
    ("2022: State funeral Mon 19 September", "2022-09-16", 1, "2022-09-20"),
    ("2023: Coronation Mon 8 May", "2023-05-05", 1, "2023-05-09"),
    ("Anchor on a Saturday: day 1 is Monday", "2025-11-15", 1, "2025-11-17"),
    ("Anchor on a Saturday, 15 working days", "2025-11-15", 15, "2025-12-05"),
    ("Anchor on a bank holiday (Summer 2025)", "2025-08-25", 1, "2025-08-26"),
    ("Anchor on Good Friday", "2025-04-18", 1, "2025-04-22"),
    ("Leap day", "2024-02-29", 1, "2024-03-01"),
    ("End of February in a common year", "2025-02-28", 1, "2025-03-03"),
    (
        "Past the shipped data: New Year 2028 (Saturday) computed",
        "2027-12-31",
        1,
        "2028-01-04",
    ),
    (
        "Past the shipped data: Christmas 2032 on Saturday",
        "2032-12-24",
        1,
        "2032-12-29",
    ),
    ("Past the shipped data: Easter 2030", "2030-04-18", 1, "2030-04-23"),
    ("Across the Spring bank holiday 2026", "2026-05-22", 10, "2026-06-08"),
    ("Day 0 is the anchor itself", "2026-05-23", 0, "2026-05-23"),
];

/// (what it checks, anchor, working days before, expected day)
const BACKWARD: &[(&str, &str, u32, &str)] = &[
    (
        "Reports 2 working days before a Tuesday conference",
        "2026-06-02",
        2,
        "2026-05-29",
    ),
    (
        "5 working days before, across the Early May holiday",
        "2026-05-07",
        5,
        "2026-04-29",
    ),
    ("Back over the New Year substitute day", "2023-01-03", 1, "2022-12-30"),
    ("Back over Easter 2030 (computed)", "2030-04-23", 2, "2030-04-17"),
];

/// (what it checks, rule offset, anchor, expected deadline) for calendar rules.
const CALENDAR_RULES: &[(&str, u32, OffsetUnit, &str, &str)] = &[
    (
        "31 Jan + 3 months clamps to 30 Apr",
        3,
        OffsetUnit::Months,
        "2025-01-31",
        "2025-04-30",
    ),
    (
        "31 Aug + 6 months = 28 Feb 2026, a Saturday: back to Friday",
        6,
        OffsetUnit::Months,
        "2025-08-31",
        "2026-02-27",
    ),
    (
        "30 Nov 2023 + 3 months = 29 Feb 2024 (leap year)",
        3,
        OffsetUnit::Months,
        "2023-11-30",
        "2024-02-29",
    ),
    (
        "29 Feb 2024 + 6 months",
        6,
        OffsetUnit::Months,
        "2024-02-29",
        "2024-08-29",
    ),
    (
        "4 weeks landing on Boxing Day 2025: back past Christmas",
        4,
        OffsetUnit::Weeks,
        "2025-11-28",
        "2025-12-24",
    ),
    (
        "6 weeks landing on the Spring bank holiday 2025",
        6,
        OffsetUnit::Weeks,
        "2025-04-14",
        "2025-05-23",
    ),
    (
        "28 calendar days landing on a Sunday",
        28,
        OffsetUnit::CalendarDays,
        "2026-02-15",
        "2026-03-13",
    ),
];

#[test]
fn forward_offsets() {
    let cal = ew();
    for (what, anchor, n, want) in FORWARD {
        assert_eq!(cal.add_working_days(d(anchor), *n), Ok(d(want)), "{what}");
        if *n > 0 {
            assert_eq!(
                cal.working_days_between(d(anchor), d(want)),
                Ok(i64::from(*n)),
                "count: {what}"
            );
        }
    }
}

#[test]
fn backward_offsets() {
    let cal = ew();
    for (what, anchor, n, want) in BACKWARD {
        assert_eq!(cal.sub_working_days(d(anchor), *n), Ok(d(want)), "{what}");
    }
}

#[test]
fn calendar_rules_clamp_and_land_on_working_days() {
    let cal = ew();
    for (what, amount, unit, anchor, want) in CALENDAR_RULES {
        let got = deadline(
            Offset {
                amount: *amount,
                unit: *unit,
            },
            Direction::After,
            Counting::Day0,
            d(anchor),
            cal,
        );
        assert_eq!(got, Ok(d(want)), "{what}");
    }
}

#[test]
fn counts_are_signed_and_exclude_the_start() {
    let cal = ew();
    assert_eq!(cal.working_days_between(d("2025-04-16"), d("2025-05-12")), Ok(15));
    assert_eq!(cal.working_days_between(d("2025-05-12"), d("2025-04-16")), Ok(-15));
    assert_eq!(
        cal.working_days_between(d("2026-05-23"), d("2026-05-24")),
        Ok(0),
        "Saturday to Sunday"
    );
    assert_eq!(cal.working_days_between(d("2026-05-22"), d("2026-05-22")), Ok(0));
}

#[test]
fn confirmed_and_computed_years() {
    let cal = ew();
    assert!(cal.is_confirmed_year(2027));
    assert!(!cal.is_confirmed_year(2028));
    assert!(!cal.holiday(d("2028-01-03")).unwrap().confirmed);
    assert!(cal.holiday(d("2022-06-03")).unwrap().confirmed);
    assert!(cal.on_or_before(d("2026-12-27")) == Ok(d("2026-12-24")));
}

#[test]
fn scotland_and_northern_ireland_differ() {
    let sc = WorkingDayCalendar::shipped(Division::Scotland);
    let ni = WorkingDayCalendar::shipped(Division::NorthernIreland);
    let ew = ew();
    // St Andrew's Day 2026 is Monday 30 November in Scotland only.
    assert_eq!(sc.add_working_days(d("2026-11-27"), 1), Ok(d("2026-12-01")));
    assert_eq!(ew.add_working_days(d("2026-11-27"), 1), Ok(d("2026-11-30")));
    // No Easter Monday in Scotland.
    assert_eq!(sc.add_working_days(d("2026-04-02"), 1), Ok(d("2026-04-06")));
    // St Patrick's Day and the Twelfth (Sunday 12 July 2026: substitute Monday 13).
    assert_eq!(ni.add_working_days(d("2026-03-16"), 1), Ok(d("2026-03-18")));
    assert_eq!(ni.add_working_days(d("2026-07-10"), 1), Ok(d("2026-07-14")));
}

#[test]
fn local_closure_days_are_not_working_days() {
    let closures = [d("2025-12-29"), d("2025-12-30"), d("2025-12-31")];
    let cal = WorkingDayCalendar::new(
        Division::EnglandAndWales,
        &shipped(Division::EnglandAndWales),
        &closures,
    );
    assert_eq!(cal.add_working_days(d("2025-12-24"), 1), Ok(d("2026-01-02")));
    assert_eq!(ew().add_working_days(d("2025-12-24"), 1), Ok(d("2025-12-29")));
    assert!(cal.is_closure(d("2025-12-30")));
}

#[test]
fn dates_outside_the_tables_are_errors_not_panics() {
    let cal = ew();
    assert!(matches!(
        cal.add_working_days(d("1999-12-31"), 1),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert!(matches!(
        cal.is_working_day(d("2200-01-01")),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert!(matches!(
        cal.add_working_days(d("2199-12-30"), 5),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert!(matches!(
        cal.sub_working_days(d("2000-01-04"), 5),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert!(matches!(
        cal.working_days_between(d("2025-01-01"), d("2300-01-01")),
        Err(CalendarError::OutOfRange { .. })
    ));
}

fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    // Far enough from both ends of the tables for 400 working days either way.
    (0i64..(185 * 365)).prop_map(|n| d("2002-01-01") + chrono::Duration::days(n))
}

/// A naive walk, day by day, for the properties to compare against.
fn walk(cal: &WorkingDayCalendar, mut day: NaiveDate, mut n: u32) -> NaiveDate {
    while n > 0 {
        day = day.succ_opt().unwrap();
        if cal.is_working_day(day).unwrap() {
            n -= 1;
        }
    }
    day
}

proptest! {
    #[test]
    fn offset_then_count_gives_back_the_offset(a in date_in_range(), n in 0u32..400) {
        let cal = ew();
        let due = cal.add_working_days(a, n).unwrap();
        prop_assert_eq!(cal.working_days_between(a, due).unwrap(), i64::from(n));
        // Backwards the anchor is a working day (a conference); from a weekend the first
        // working day back is Friday, one fewer day "after" it up to the anchor.
        let w = cal.on_or_after(a).unwrap();
        let back = cal.sub_working_days(w, n).unwrap();
        prop_assert_eq!(cal.working_days_between(w, back).unwrap(), -i64::from(n));
    }

    #[test]
    fn a_deadline_is_always_a_working_day(a in date_in_range(), n in 1u32..400, months in 1u32..13) {
        let cal = ew();
        prop_assert!(cal.is_working_day(cal.add_working_days(a, n).unwrap()).unwrap());
        prop_assert!(cal.is_working_day(cal.sub_working_days(a, n).unwrap()).unwrap());
        let by_months = deadline(Offset { amount: months, unit: OffsetUnit::Months }, Direction::After, Counting::Day0, a, cal).unwrap();
        prop_assert!(cal.is_working_day(by_months).unwrap());
    }

    #[test]
    fn deadlines_are_monotonic_in_the_anchor(a in date_in_range(), gap in 0i64..60, n in 0u32..100) {
        let cal = ew();
        let b = a + chrono::Duration::days(gap);
        prop_assert!(cal.add_working_days(a, n).unwrap() <= cal.add_working_days(b, n).unwrap());
    }

    #[test]
    fn tables_agree_with_a_day_by_day_walk(a in date_in_range(), n in 0u32..60) {
        let cal = ew();
        prop_assert_eq!(cal.add_working_days(a, n).unwrap(), walk(cal, a, n));
    }
}
