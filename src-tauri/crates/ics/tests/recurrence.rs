//! Repeating events: RRULE parts, RDATE, EXDATE, RECURRENCE-ID, and wall-clock time kept
//! across the UK clock changes.

mod common;
use common::*;

fn check(event_lines: &str, from: (i32, u32, u32), to: (i32, u32, u32), expected: &[&str]) {
    let ics = calendar(event_lines);
    let got = busy(&ics, d(from.0, from.1, from.2), d(to.0, to.1, to.2));
    assert_eq!(got, expected, "for:\n{event_lines}");
}

/// `hh:mm+oo` start of each instance, for rules where only the starts matter.
fn starts(event_lines: &str, from: (i32, u32, u32), to: (i32, u32, u32)) -> Vec<String> {
    busy(&calendar(event_lines), d(from.0, from.1, from.2), d(to.0, to.1, to.2))
        .into_iter()
        .map(|line| line.split(' ').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn weekly_10am_london_stays_10am_across_both_changes() {
    let rule = "SUMMARY:Weekly\nDTSTART;TZID=Europe/London:20260315T100000\n\
                DTEND;TZID=Europe/London:20260315T110000\nRRULE:FREQ=WEEKLY";
    assert_eq!(
        starts(rule, (2026, 3, 15), (2026, 4, 5)),
        [
            "2026-03-15T10:00:00+00:00",
            "2026-03-22T10:00:00+00:00",
            "2026-03-29T10:00:00+01:00",
            "2026-04-05T10:00:00+01:00",
        ]
    );
    assert_eq!(
        starts(rule, (2026, 10, 18), (2026, 11, 1)),
        [
            "2026-10-18T10:00:00+01:00",
            "2026-10-25T10:00:00+00:00",
            "2026-11-01T10:00:00+00:00",
        ]
    );
}

#[test]
fn a_utc_series_stays_at_the_same_utc_time() {
    // RFC 5545: a UTC DTSTART repeats at the same instant of day, so the UK time moves.
    let rule = "SUMMARY:UTC\nDTSTART:20260324T100000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=2";
    assert_eq!(
        starts(rule, (2026, 3, 1), (2026, 4, 30)),
        ["2026-03-24T10:00:00+00:00", "2026-03-31T11:00:00+01:00"]
    );
}

#[test]
fn instances_in_the_spring_gap_and_autumn_overlap() {
    // 01:30 does not exist on 29 March 2026: read with the offset before the gap (02:30 BST).
    // 01:30 happens twice on 25 October 2026: the first (BST) one.
    let rule = "SUMMARY:Night\nDTSTART;TZID=Europe/London:20260328T013000\nDURATION:PT30M\nRRULE:FREQ=DAILY;COUNT=2";
    check(
        rule,
        (2026, 3, 28),
        (2026, 3, 29),
        &[
            "2026-03-28T01:30:00+00:00 → 2026-03-28T02:00:00+00:00 Night",
            "2026-03-29T02:30:00+01:00 → 2026-03-29T03:00:00+01:00 Night",
        ],
    );
    let rule = "SUMMARY:Night\nDTSTART;TZID=Europe/London:20261025T013000\nDURATION:PT30M";
    check(
        rule,
        (2026, 10, 25),
        (2026, 10, 25),
        &["2026-10-25T01:30:00+01:00 → 2026-10-25T01:00:00+00:00 Night"],
    );
}

#[test]
fn rule_parts() {
    let cases: &[(&str, &[&str])] = &[
        (
            "FREQ=DAILY;INTERVAL=3;UNTIL=20260110",
            &["2026-01-01", "2026-01-04", "2026-01-07", "2026-01-10"],
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5",
            &["2026-01-01", "2026-01-12", "2026-01-15", "2026-01-26", "2026-01-29"],
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3",
            &["2026-01-01", "2026-01-15", "2026-02-15", "2026-03-15"],
        ),
        (
            "FREQ=MONTHLY;BYDAY=1MO;COUNT=3",
            &["2026-01-01", "2026-01-05", "2026-02-02", "2026-03-02"],
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1FR;COUNT=2",
            &["2026-01-01", "2026-01-30", "2026-02-27"],
        ),
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=2",
            &["2026-01-01", "2026-01-30", "2026-02-27"],
        ),
        ("FREQ=YEARLY;COUNT=2", &["2026-01-01", "2027-01-01"]),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", &["2026-01-01"]),
        ("freq=monthly;interval=6;count=2", &["2026-01-01", "2026-07-01"]),
    ];
    for (rule, expected) in cases {
        let lines = format!("SUMMARY:R\nDTSTART;TZID=Europe/London:20260101T090000\nDURATION:PT1H\nRRULE:{rule}");
        let days: Vec<String> = starts(&lines, (2026, 1, 1), (2027, 12, 31))
            .into_iter()
            .map(|s| s[..10].to_owned())
            .collect();
        assert_eq!(days, *expected, "{rule}");
    }
}

#[test]
fn exdate_forms_rdate_and_a_date_until() {
    let lines = "SUMMARY:R\nDTSTART;TZID=Europe/London:20260601T090000\nDURATION:PT1H\n\
                 RRULE:FREQ=DAILY;UNTIL=20260607\n\
                 EXDATE;TZID=Europe/London:20260602T090000,20260603T090000\n\
                 EXDATE:20260604T080000Z\n\
                 EXDATE;VALUE=DATE:20260605\n\
                 RDATE;TZID=Europe/London:20260610T150000\n\
                 RDATE;VALUE=PERIOD:20260611T130000Z/PT2H";
    check(
        lines,
        (2026, 6, 1),
        (2026, 6, 30),
        &[
            "2026-06-01T09:00:00+01:00 → 2026-06-01T10:00:00+01:00 R",
            "2026-06-06T09:00:00+01:00 → 2026-06-06T10:00:00+01:00 R",
            "2026-06-07T09:00:00+01:00 → 2026-06-07T10:00:00+01:00 R",
            "2026-06-10T15:00:00+01:00 → 2026-06-10T16:00:00+01:00 R",
            "2026-06-11T14:00:00+01:00 → 2026-06-11T16:00:00+01:00 R",
        ],
    );
}

#[test]
fn all_day_series_with_a_date_exdate() {
    let lines = "SUMMARY:Home visit day\nDTSTART;VALUE=DATE:20260323\nDTEND;VALUE=DATE:20260324\n\
                 RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE;VALUE=DATE:20260330";
    check(
        lines,
        (2026, 3, 1),
        (2026, 4, 30),
        &[
            "2026-03-23T00:00:00+00:00 → 2026-03-24T00:00:00+00:00 Home visit day (all day)",
            "2026-04-06T00:00:00+01:00 → 2026-04-07T00:00:00+01:00 Home visit day (all day)",
        ],
    );
}

#[test]
fn an_old_daily_series_reaches_today_and_a_long_one_overlapping_the_window_is_found() {
    let lines = "SUMMARY:Since 2000\nDTSTART;TZID=Europe/London:20000103T080000\nDURATION:PT15M\nRRULE:FREQ=DAILY";
    assert_eq!(
        starts(lines, (2026, 7, 1), (2026, 7, 2)),
        ["2026-07-01T08:00:00+01:00", "2026-07-02T08:00:00+01:00"]
    );
    // A three-day block each month: the one starting 30 June overlaps 1 July.
    let lines = "SUMMARY:Block\nDTSTART;VALUE=DATE:20260130\nDURATION:P3D\nRRULE:FREQ=MONTHLY";
    check(
        lines,
        (2026, 7, 1),
        (2026, 7, 1),
        &["2026-06-30T00:00:00+01:00 → 2026-07-03T00:00:00+01:00 Block (all day)"],
    );
}

/// A series and its overrides as separate VEVENTs with the same UID.
fn series_with(overrides: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:s1\nSUMMARY:Series\n\
         DTSTART;TZID=Europe/London:20260601T090000\nDTEND;TZID=Europe/London:20260601T100000\n\
         RRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n{overrides}END:VCALENDAR\n"
    )
}

#[test]
fn recurrence_id_moves_cancels_or_frees_an_instance() {
    let moved = "BEGIN:VEVENT\nUID:s1\nSUMMARY:Moved\nRECURRENCE-ID;TZID=Europe/London:20260602T090000\n\
                 DTSTART;TZID=Europe/London:20260612T160000\nDTEND;TZID=Europe/London:20260612T170000\nEND:VEVENT\n";
    assert_eq!(
        busy(&series_with(moved), d(2026, 6, 1), d(2026, 6, 30)),
        [
            "2026-06-01T09:00:00+01:00 → 2026-06-01T10:00:00+01:00 Series",
            "2026-06-03T09:00:00+01:00 → 2026-06-03T10:00:00+01:00 Series",
            "2026-06-12T16:00:00+01:00 → 2026-06-12T17:00:00+01:00 Moved",
        ]
    );
    // Moved out of the dates asked for: gone from them.
    assert_eq!(
        busy(&series_with(moved), d(2026, 6, 2), d(2026, 6, 2)),
        Vec::<String>::new()
    );

    for how in ["STATUS:CANCELLED", "TRANSP:TRANSPARENT"] {
        let cancelled = format!(
            "BEGIN:VEVENT\nUID:s1\nRECURRENCE-ID:20260602T080000Z\n{how}\n\
             DTSTART:20260602T080000Z\nDTEND:20260602T090000Z\nEND:VEVENT\n"
        );
        assert_eq!(
            busy(&series_with(&cancelled), d(2026, 6, 1), d(2026, 6, 30)).len(),
            2,
            "{how}"
        );
    }
    // An override for another series leaves this one alone.
    let other = "BEGIN:VEVENT\nUID:other\nRECURRENCE-ID:20260602T080000Z\nSTATUS:CANCELLED\nDTSTART:20260602T080000Z\nEND:VEVENT\n";
    assert_eq!(busy(&series_with(other), d(2026, 6, 1), d(2026, 6, 30)).len(), 3);
}

#[test]
fn a_cancelled_series_is_free() {
    check(
        "SUMMARY:Gone\nSTATUS:CANCELLED\nDTSTART:20260601T080000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY",
        (2026, 6, 1),
        (2026, 6, 30),
        &[],
    );
}

#[test]
fn until_before_the_start_leaves_only_the_first_instance() {
    assert_eq!(
        starts(
            "SUMMARY:Odd\nDTSTART:20260601T080000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;UNTIL=20250101T000000Z",
            (2026, 1, 1),
            (2026, 12, 31)
        ),
        ["2026-06-01T09:00:00+01:00"]
    );
}
