//! Small hand-written events, one rule each: lengths, zones, repeats and exclusions.

mod common;
use chrono::Utc;
use common::*;
use convene_ics::busy_periods;

/// One table row: event lines, dates asked for, expected periods.
fn check(event_lines: &str, from: (i32, u32, u32), to: (i32, u32, u32), expected: &[&str]) {
    let ics = calendar(event_lines);
    let got = busy(&ics, d(from.0, from.1, from.2), d(to.0, to.1, to.2));
    assert_eq!(got, expected, "for:\n{event_lines}");
}

#[test]
fn lengths_from_dtend_duration_or_neither() {
    check(
        "SUMMARY:Visit\nDTSTART;TZID=Europe/London:20260610T140000\nDURATION:PT1H30M",
        (2026, 6, 10),
        (2026, 6, 10),
        &["2026-06-10T14:00:00+01:00 → 2026-06-10T15:30:00+01:00 Visit"],
    );
    // A DATE-TIME start with no end or duration takes no time: nobody is busy.
    check(
        "SUMMARY:Reminder\nDTSTART:20260610T140000Z",
        (2026, 6, 10),
        (2026, 6, 10),
        &[],
    );
    check(
        "SUMMARY:Same start and end\nDTSTART:20260610T140000Z\nDTEND:20260610T140000Z",
        (2026, 6, 10),
        (2026, 6, 10),
        &[],
    );
    // A DATE start with no end is one day.
    check(
        "SUMMARY:Training\nDTSTART;VALUE=DATE:20260610",
        (2026, 6, 1),
        (2026, 6, 30),
        &["2026-06-10T00:00:00+01:00 → 2026-06-11T00:00:00+01:00 Training (all day)"],
    );
    // Some exporters write an all-day DTEND equal to DTSTART: still one day.
    check(
        "SUMMARY:Training\nDTSTART;VALUE=DATE:20260610\nDTEND;VALUE=DATE:20260610",
        (2026, 6, 1),
        (2026, 6, 30),
        &["2026-06-10T00:00:00+01:00 → 2026-06-11T00:00:00+01:00 Training (all day)"],
    );
    check(
        "SUMMARY:Course\nDTSTART;VALUE=DATE:20260610\nDURATION:P2D",
        (2026, 6, 1),
        (2026, 6, 30),
        &["2026-06-10T00:00:00+01:00 → 2026-06-12T00:00:00+01:00 Course (all day)"],
    );
}

#[test]
fn an_all_day_event_on_a_clock_change_day_lasts_that_day() {
    check(
        "SUMMARY:Leave\nDTSTART;VALUE=DATE:20260329\nDTEND;VALUE=DATE:20260330",
        (2026, 3, 29),
        (2026, 3, 29),
        &["2026-03-29T00:00:00+00:00 → 2026-03-30T00:00:00+01:00 Leave (all day)"],
    );
}

#[test]
fn floating_times_are_uk_time_and_utc_is_converted() {
    check(
        "SUMMARY:Floating\nDTSTART:20260701T100000\nDTEND:20260701T110000",
        (2026, 7, 1),
        (2026, 7, 1),
        &["2026-07-01T10:00:00+01:00 → 2026-07-01T11:00:00+01:00 Floating"],
    );
    check(
        "SUMMARY:UTC\nDTSTART:20260701T100000Z\nDTEND:20260701T110000Z",
        (2026, 7, 1),
        (2026, 7, 1),
        &["2026-07-01T11:00:00+01:00 → 2026-07-01T12:00:00+01:00 UTC"],
    );
}

#[test]
fn zones_outlook_and_others_write() {
    let cases = [
        ("Eastern Standard Time", "2026-07-01T15:00:00+01:00"),
        ("Pacific Standard Time", "2026-07-01T18:00:00+01:00"),
        ("Romance Standard Time", "2026-07-01T09:00:00+01:00"),
        ("Central European Standard Time", "2026-07-01T09:00:00+01:00"),
        ("W. Europe Standard Time", "2026-07-01T09:00:00+01:00"),
        ("GMT Standard Time", "2026-07-01T10:00:00+01:00"),
        ("\"GMT Standard Time\"", "2026-07-01T10:00:00+01:00"),
        (
            "\"(UTC+00:00) Dublin, Edinburgh, Lisbon, London\"",
            "2026-07-01T10:00:00+01:00",
        ),
        ("/mozilla.org/20050126_1/Europe/London", "2026-07-01T10:00:00+01:00"),
        ("America/New_York", "2026-07-01T15:00:00+01:00"),
    ];
    for (tzid, start) in cases {
        let ics = calendar(&format!(
            "SUMMARY:Call\nDTSTART;TZID={tzid}:20260701T100000\nDURATION:PT1H"
        ));
        let periods = busy_periods(&ics, d(2026, 7, 1), d(2026, 7, 1)).unwrap();
        assert_eq!(periods.len(), 1, "{tzid}");
        assert_eq!(periods[0].start.to_rfc3339(), start, "{tzid}");
    }
}

#[test]
fn overlap_with_the_dates_asked_for() {
    // Ends at midnight at the start of the window: not in it.
    let late = "SUMMARY:Late\nDTSTART;TZID=Europe/London:20260609T230000\nDTEND;TZID=Europe/London:20260610T000000";
    check(late, (2026, 6, 10), (2026, 6, 10), &[]);
    // Runs over midnight into the window: in it.
    let over = "SUMMARY:Over\nDTSTART;TZID=Europe/London:20260609T230000\nDTEND;TZID=Europe/London:20260610T010000";
    check(
        over,
        (2026, 6, 10),
        (2026, 6, 10),
        &["2026-06-09T23:00:00+01:00 → 2026-06-10T01:00:00+01:00 Over"],
    );
}

#[test]
fn cancelled_and_transparent_events_are_free() {
    let base = "DTSTART:20260701T100000Z\nDTEND:20260701T110000Z";
    for extra in [
        "STATUS:CANCELLED",
        "TRANSP:TRANSPARENT",
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
    ] {
        check(&format!("SUMMARY:X\n{base}\n{extra}"), (2026, 7, 1), (2026, 7, 1), &[]);
    }
    for extra in [
        "STATUS:TENTATIVE",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
    ] {
        let got = busy(
            &calendar(&format!("SUMMARY:X\n{base}\n{extra}")),
            d(2026, 7, 1),
            d(2026, 7, 1),
        );
        assert_eq!(got.len(), 1, "{extra}");
    }
}

#[test]
fn a_free_event_with_an_odd_zone_does_not_block_the_import() {
    check(
        "SUMMARY:Holiday in Mars\nTRANSP:TRANSPARENT\nDTSTART;TZID=Mars/Olympus:20260701T100000\nDURATION:PT1H",
        (2026, 7, 1),
        (2026, 7, 1),
        &[],
    );
}

#[test]
fn lower_case_names_and_escapes() {
    check(
        "summary:Core group\\, Smith\\nfamily\ndtstart;tzid=Europe/London:20260701T100000\ndtend;tzid=Europe/London:20260701T110000",
        (2026, 7, 1),
        (2026, 7, 1),
        &["2026-07-01T10:00:00+01:00 → 2026-07-01T11:00:00+01:00 Core group, Smith\nfamily"],
    );
}

#[test]
fn a_missing_uid_or_summary_is_empty() {
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260701T100000Z\nDURATION:PT1H\nEND:VEVENT\nEND:VCALENDAR\n";
    let periods = busy_periods(ics, d(2026, 7, 1), d(2026, 7, 1)).unwrap();
    assert_eq!((periods[0].summary.as_str(), periods[0].uid.as_str()), ("", ""));
    assert_eq!(
        periods[0].end.with_timezone(&Utc).to_rfc3339(),
        "2026-07-01T11:00:00+00:00"
    );
}

#[test]
fn two_calendars_in_one_file_are_both_read() {
    let one = calendar("SUMMARY:One\nDTSTART:20260701T100000Z\nDURATION:PT1H");
    let two = calendar("SUMMARY:Two\nDTSTART:20260701T120000Z\nDURATION:PT1H");
    let both = format!("{one}\n{two}");
    assert_eq!(busy(&both, d(2026, 7, 1), d(2026, 7, 1)).len(), 2);
}
