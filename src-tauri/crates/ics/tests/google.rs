//! A real-shaped Google Calendar export: X-WR-TIMEZONE, Europe/London TZIDs, UTC `Z` times,
//! an RRULE with UNTIL across the March change, a cancelled instance, COUNT across the October
//! change, a transparent all-day event and a multi-day all-day event.

mod common;
use chrono::Utc;
use common::*;
use convene_ics::busy_periods;

#[test]
fn daily_stand_up_until_across_march_change_with_a_cancelled_instance() {
    assert_eq!(
        busy(GOOGLE, d(2026, 3, 23), d(2026, 4, 10)),
        [
            "2026-03-23T09:30:00+00:00 → 2026-03-23T10:00:00+00:00 Duty desk stand-up",
            "2026-03-24T09:30:00+00:00 → 2026-03-24T10:00:00+00:00 Duty desk stand-up",
            "2026-03-25T09:30:00+00:00 → 2026-03-25T10:00:00+00:00 Duty desk stand-up",
            "2026-03-25T13:00:00+00:00 → 2026-03-25T14:30:00+00:00 Court – ICO hearing",
            "2026-03-26T09:30:00+00:00 → 2026-03-26T10:00:00+00:00 Duty desk stand-up",
            // Friday 27 March was cancelled; the weekend is not in BYDAY; "Bin day" on 30
            // March is TRANSPARENT.
            "2026-03-30T09:30:00+01:00 → 2026-03-30T10:00:00+01:00 Duty desk stand-up",
            "2026-03-31T09:30:00+01:00 → 2026-03-31T10:00:00+01:00 Duty desk stand-up",
            "2026-04-01T09:30:00+01:00 → 2026-04-01T10:00:00+01:00 Duty desk stand-up",
            "2026-04-02T09:30:00+01:00 → 2026-04-02T10:00:00+01:00 Duty desk stand-up",
            // UNTIL=20260403T083000Z is 09:30 BST on 3 April, so that day is the last.
            "2026-04-03T09:30:00+01:00 → 2026-04-03T10:00:00+01:00 Duty desk stand-up",
        ]
    );
}

#[test]
fn weekly_count_across_october_change_and_multi_day_all_day_event() {
    assert_eq!(
        busy(GOOGLE, d(2026, 10, 1), d(2026, 11, 30)),
        [
            "2026-10-08T10:00:00+01:00 → 2026-10-08T11:00:00+01:00 Supervision, weekly",
            "2026-10-15T10:00:00+01:00 → 2026-10-15T11:00:00+01:00 Supervision, weekly",
            "2026-10-22T10:00:00+01:00 → 2026-10-22T11:00:00+01:00 Supervision, weekly",
            "2026-10-26T00:00:00+00:00 → 2026-10-29T00:00:00+00:00 Signs of Safety training (all day)",
            "2026-10-29T10:00:00+00:00 → 2026-10-29T11:00:00+00:00 Supervision, weekly",
            "2026-11-05T10:00:00+00:00 → 2026-11-05T11:00:00+00:00 Supervision, weekly",
            "2026-11-12T10:00:00+00:00 → 2026-11-12T11:00:00+00:00 Supervision, weekly",
        ]
    );
    let periods = busy_periods(GOOGLE, d(2026, 10, 22), d(2026, 10, 29)).unwrap();
    let utc: Vec<String> = periods
        .iter()
        .filter(|p| !p.all_day)
        .map(|p| p.start.with_timezone(&Utc).to_rfc3339())
        .collect();
    assert_eq!(utc, ["2026-10-22T09:00:00+00:00", "2026-10-29T10:00:00+00:00"]);
}

#[test]
fn utc_times_are_shown_in_uk_time_and_tentative_is_busy() {
    assert_eq!(
        busy(GOOGLE, d(2026, 7, 1), d(2026, 7, 1)),
        ["2026-07-01T09:30:00+01:00 → 2026-07-01T10:30:00+01:00 Review, child in need plan; notes"]
    );
}

#[test]
fn recurrence_uids_carry_the_instance_start() {
    let periods = busy_periods(GOOGLE, d(2026, 3, 30), d(2026, 3, 30)).unwrap();
    assert_eq!(
        periods[0].uid,
        "4q2n8s0v1c9d7e6f5g4h3j2k1l@google.com@2026-03-30T09:30:00+01:00"
    );
}

#[test]
fn nothing_outside_the_dates_asked_for() {
    assert!(busy(GOOGLE, d(2026, 5, 1), d(2026, 6, 30)).is_empty());
    assert!(busy(GOOGLE, d(2025, 1, 1), d(2025, 12, 31)).is_empty());
}
