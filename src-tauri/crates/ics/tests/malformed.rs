//! Every kind of damage gives a sentence, never a panic and never a partial import.

mod common;
use common::*;
use convene_ics::{busy_periods, IcsError, MAX_EXPANDED_INSTANCES, MAX_INPUT_BYTES};

#[test]
fn not_an_icalendar_file() {
    let expected = "The file is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.";
    for text in [
        "",
        "   \n",
        "Subject,Start Date,Start Time\nCourt,01/07/2026,10:00\n",
        "BEGIN:VEVENT\nEND:VEVENT\n",
        "BEGIN:VCARD\nEND:VCARD\n",
        "{\"events\": []}",
    ] {
        assert_eq!(error(text), expected, "{text:?}");
    }
}

#[test]
fn cut_short_files() {
    let half = &OUTLOOK[..OUTLOOK.find("SUMMARY;LANGUAGE=en-gb:Annual leave").unwrap()];
    assert_eq!(
        error(half),
        "The file ends before the calendar is complete (END:VEVENT is missing), so it may have \
         been cut short. Export it from your calendar again."
    );
    let no_end = GOOGLE.trim_end().trim_end_matches("END:VCALENDAR");
    assert_eq!(
        busy_periods(no_end, d(2026, 1, 1), d(2026, 12, 31)),
        Err(IcsError::Truncated {
            missing: "END:VCALENDAR".to_owned()
        })
    );
    assert_eq!(
        busy_periods("BEGIN:VCALENDAR", d(2026, 1, 1), d(2026, 1, 1)),
        Err(IcsError::Truncated {
            missing: "END:VCALENDAR".to_owned()
        })
    );
}

#[test]
fn damaged_structure() {
    let crossed = calendar("SUMMARY:X\nDTSTART:20260701T100000Z\nBEGIN:VALARM\nEND:VEVENT\nEND:VALARM");
    assert_eq!(
        error(&crossed),
        "The file is damaged near line 10: it has END:VEVENT where END:VALARM was expected."
    );
    let stray_end = "BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VEVENT\n";
    assert_eq!(
        error(stray_end),
        "The file is damaged near line 3 and cannot be read: 'END:VEVENT'."
    );
    let garbage_line = calendar("SUMMARY:X\n@@@ not a property\nDTSTART:20260701T100000Z");
    assert_eq!(
        error(&garbage_line),
        "The file is damaged near line 8 and cannot be read: '@@@ not a property'."
    );
}

#[test]
fn line_numbers_count_the_lines_as_saved() {
    // Line 3 is folded over two lines, so the bad line is physical line 9.
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDESCRIPTION:a long\n  folded line\nUID:x\n\
               DTSTART:20260701T100000Z\nBEGIN:VALARM\nEND:VALARM\n@@@\nEND:VEVENT\nEND:VCALENDAR\n";
    assert_eq!(error(ics), "The file is damaged near line 9 and cannot be read: '@@@'.");
}

#[test]
fn bad_times_and_lengths() {
    let cases = [
        (
            "SUMMARY:Court\nDTSTART:2026-13-01T10:00\nDURATION:PT1H",
            "The event 'Court' has a start time that cannot be read: '2026-13-01T10:00'.",
        ),
        (
            "SUMMARY:Court\nDTSTART:20261301T100000\nDURATION:PT1H",
            "The event 'Court' has a start time that cannot be read: '20261301T100000'.",
        ),
        (
            "SUMMARY:Court\nDTSTART:20260701T100000Z\nDTEND:tomorrow",
            "The event 'Court' has an end time that cannot be read: 'tomorrow'.",
        ),
        (
            "SUMMARY:Court\nDTSTART:20260701T100000Z\nDURATION:1 hour",
            "The event 'Court' has a length that cannot be read: '1 hour'.",
        ),
        ("SUMMARY:Court\nDURATION:PT1H", "The event 'Court' has no start time."),
        (
            "DTSTART:20260701T100000Z\nDTEND:20260701T090000Z",
            "The event with no title ends before it starts.",
        ),
        (
            "SUMMARY:X\nDTSTART:20260701T100000Z\nDTEND:20260701T090000Z",
            "The event 'X' ends before it starts.",
        ),
        (
            "SUMMARY:X\nDTSTART;VALUE=DATE:20260702\nDTEND;VALUE=DATE:20260701",
            "The event 'X' ends before it starts.",
        ),
        (
            "SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:-PT1H",
            "The event 'X' ends before it starts.",
        ),
        (
            "SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY\nEXDATE:someday",
            "The event 'X' has a repeat date that cannot be read: 'someday'.",
        ),
        (
            "SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:PT1H\nRDATE;VALUE=PERIOD:20260702T100000Z/20260702T090000Z",
            "The event 'X' ends before it starts.",
        ),
    ];
    for (lines, expected) in cases {
        assert_eq!(error(&calendar(lines)), expected, "{lines}");
    }
}

#[test]
fn unknown_time_zones() {
    let cases = [
        (
            "SUMMARY:Team meeting\nDTSTART;TZID=Mars/Olympus:20260701T100000\nDURATION:PT1H",
            "The event 'Team meeting' uses the time zone 'Mars/Olympus', which Convene does not know.",
        ),
        (
            "SUMMARY:X\nDTSTART:20260701T100000Z\nDTEND;TZID=Somewhere Standard Time:20260701T110000",
            "The event 'X' uses the time zone 'Somewhere Standard Time', which Convene does not know.",
        ),
        (
            "SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY\nEXDATE;TZID=Nowhere:20260702T100000",
            "The event 'X' uses the time zone 'Nowhere', which Convene does not know.",
        ),
    ];
    for (lines, expected) in cases {
        assert_eq!(error(&calendar(lines)), expected, "{lines}");
    }
}

#[test]
fn a_vtimezone_with_other_rules_is_not_guessed() {
    // Southern-hemisphere style rules under a made-up name: refused, not mapped to London.
    let ics = "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\n\
               DTSTART:16010405T030000\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\nTZOFFSETFROM:+1100\n\
               TZOFFSETTO:+1000\nEND:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:16011004T020000\n\
               RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=10\nTZOFFSETFROM:+1000\nTZOFFSETTO:+1100\n\
               END:DAYLIGHT\nEND:VTIMEZONE\nBEGIN:VEVENT\nSUMMARY:Call\n\
               DTSTART;TZID=Customized Time Zone:20260701T100000\nDURATION:PT1H\nEND:VEVENT\nEND:VCALENDAR\n";
    assert_eq!(
        error(ics),
        "The event 'Call' uses the time zone 'Customized Time Zone', which Convene does not know."
    );
}

#[test]
fn unreadable_repeat_rules() {
    for rule in [
        "FREQ=SOMETIMES",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=MONTHLY;BYMONTHDAY=40",
        "INTERVAL=2",
        "FREQ=DAILY;INTERVAL=99999999",
        "FREQ=DAILY;UNTIL=next week",
        "FREQ=DAILY;X-NAME=1",
    ] {
        let lines = format!("SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:PT1H\nRRULE:{rule}");
        assert_eq!(
            error(&calendar(&lines)),
            format!("The event 'X' repeats by a rule Convene cannot read: {rule}."),
        );
    }
}

#[test]
fn absurd_repeats_are_capped() {
    // Every second: far too many occurrences before July.
    let lines = "SUMMARY:Tick\nDTSTART:20260101T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY";
    assert_eq!(
        busy_periods(&calendar(lines), d(2026, 7, 1), d(2026, 7, 1)),
        Err(IcsError::RepeatsTooOften {
            event: "Tick".to_owned(),
        })
    );
    // Once a day, but counted in seconds: bounded by the periods walked, not the instances.
    let lines = "SUMMARY:Midnight\nDTSTART:20250101T000000Z\nDURATION:PT1S\n\
                 RRULE:FREQ=SECONDLY;BYHOUR=0;BYMINUTE=0;BYSECOND=0";
    assert_eq!(
        error(&calendar(lines)),
        "The event 'Midnight' repeats too often for Convene to work out which repeats fall in \
         the chosen dates."
    );
    // Every day since 1066: more occurrences to walk than one rule may need.
    let lines = "SUMMARY:Since 1066\nDTSTART:10661014T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY";
    assert_eq!(
        busy_periods(&calendar(lines), d(2026, 7, 1), d(2026, 7, 1)),
        Err(IcsError::RepeatsTooOften {
            event: "Since 1066".to_owned(),
        })
    );
    // Every minute in the dates asked for: more instances than a file may give.
    let lines = "SUMMARY:Tick\nDTSTART:20260701T000000Z\nDURATION:PT1M\nRRULE:FREQ=MINUTELY";
    let result = busy_periods(&calendar(lines), d(2026, 7, 1), d(2026, 7, 31));
    assert_eq!(
        result,
        Err(IcsError::TooManyRepeats {
            limit: MAX_EXPANDED_INSTANCES
        })
    );
    assert_eq!(
        result.unwrap_err().to_string(),
        "The file has too many repeating events: more than 10000 fall in the chosen dates. \
         Choose fewer dates to import."
    );
}

#[test]
fn many_long_running_series_are_capped_per_file() {
    // Each is cheap alone (one instance, in 1026) but the file as a whole is charged for the
    // thousand years of days each rule would span to reach 2026.
    let mut ics = String::from("BEGIN:VCALENDAR\n");
    for i in 0..20 {
        ics.push_str(&format!(
            "BEGIN:VEVENT\nUID:{i}\nSUMMARY:Old\nDTSTART:10260101T090000Z\nDURATION:PT1H\n\
             RRULE:FREQ=DAILY;COUNT=1\nEND:VEVENT\n"
        ));
    }
    ics.push_str("END:VCALENDAR\n");
    assert_eq!(
        error(&ics),
        "The file has too many long-running repeating events for Convene to work out. Export a \
         shorter period from your calendar."
    );
    // The same series with an UNTIL are charged only up to it.
    let ended = ics.replace("COUNT=1", "UNTIL=10260201T000000Z");
    assert!(busy_periods(&ended, d(2026, 1, 1), d(2026, 12, 31)).unwrap().is_empty());
}

#[test]
fn non_ascii_in_a_rule_is_refused_before_the_rule_parser_sees_it() {
    let lines = "SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;BYDAY=TÜ";
    assert_eq!(
        error(&calendar(lines)),
        "The event 'X' repeats by a rule Convene cannot read: FREQ=WEEKLY;BYDAY=TÜ."
    );
}

#[test]
fn oversized_and_deeply_nested_input() {
    let huge = format!("BEGIN:VCALENDAR\n{}", "X".repeat(MAX_INPUT_BYTES));
    assert_eq!(
        error(&huge),
        "The file is too large to import (21 MB). Convene reads calendar files of up to 20 MB: \
         export a shorter period from your calendar."
    );
    let deep = format!("BEGIN:VCALENDAR\n{}", "BEGIN:VEVENT\n".repeat(100_000));
    assert!(matches!(
        busy_periods(&deep, d(2026, 1, 1), d(2026, 1, 2)),
        Err(IcsError::Unreadable { .. })
    ));
}

#[test]
fn free_busy_damage() {
    let with = |line: &str| format!("BEGIN:VCALENDAR\nBEGIN:VFREEBUSY\n{line}\nEND:VFREEBUSY\nEND:VCALENDAR\n");
    assert_eq!(
        error(&with("FREEBUSY:20260601T080000Z")),
        "A free/busy period in the file cannot be read: '20260601T080000Z'."
    );
    assert_eq!(
        error(&with("FREEBUSY:20260601T080000Z/PT1H,20260601T080000Z/soon")),
        "A free/busy period in the file cannot be read: '20260601T080000Z/soon'."
    );
    assert_eq!(
        error(&with("FREEBUSY:20260601T080000Z/20260601T070000Z")),
        "A free/busy period in the file ends before it starts: '20260601T080000Z/20260601T070000Z'."
    );
}

#[test]
fn one_bad_event_means_nothing_is_imported() {
    let bad = OUTLOOK.replace(
        "DTSTART;TZID=\"GMT Standard Time\":20260512T100000",
        "DTSTART;TZID=\"GMT Standard Time\":20260512T990000",
    );
    assert_ne!(bad, OUTLOOK);
    assert_eq!(
        error(&bad),
        "The event 'Strategy discussion, J.S. (s47)' has a start time that cannot be read: \
         '20260512T990000'."
    );
}

#[test]
fn dates_asked_for_back_to_front() {
    assert_eq!(
        busy_periods(OUTLOOK, d(2026, 2, 1), d(2026, 1, 1))
            .unwrap_err()
            .to_string(),
        "The dates to import end (2026-01-01) before they start (2026-02-01)."
    );
}

#[test]
fn long_titles_and_values_are_shortened_in_messages() {
    let title = "A".repeat(200);
    let lines = format!("SUMMARY:{title}\nDTSTART:{}\nDURATION:PT1H", "9".repeat(500));
    let message = error(&calendar(&lines));
    assert!(message.chars().count() < 200, "{message}");
    assert!(message.contains('…'));
}

#[test]
fn extreme_but_valid_dates_do_not_break_anything() {
    for lines in [
        "SUMMARY:X\nDTSTART:99991231T230000Z\nDURATION:P9999999D",
        "SUMMARY:X\nDTSTART:00010101T000000Z\nDURATION:PT1H\nRRULE:FREQ=YEARLY",
        "SUMMARY:X\nDTSTART;VALUE=DATE:99991231\nRRULE:FREQ=DAILY",
        "SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;UNTIL=99991231T235959Z",
    ] {
        let _ = busy_periods(&calendar(lines), d(2026, 1, 1), d(2026, 12, 31));
        let _ = busy_periods(&calendar(lines), chrono::NaiveDate::MIN, chrono::NaiveDate::MAX);
    }
}

#[test]
fn an_event_running_outside_the_dates_convene_handles_is_refused() {
    for (summary, lines) in [
        ("Forever", "DTSTART:20261201T100000Z\nDURATION:P450000W"),
        ("Since 1999", "DTSTART;VALUE=DATE:19991231\nDTEND;VALUE=DATE:20260602"),
        (
            "Weekly",
            "DTSTART:20261201T100000Z\nDURATION:P450000W\nRRULE:FREQ=WEEKLY;COUNT=2",
        ),
    ] {
        assert_eq!(
            error(&calendar(&format!("SUMMARY:{summary}\n{lines}"))),
            format!(
                "The event '{summary}' runs outside the dates Convene handles (2000-01-01 to \
                 2199-12-31). Check its dates in your calendar; nothing was imported."
            ),
        );
    }
}

#[test]
fn a_repeat_interval_of_zero_is_refused_with_its_reason() {
    for interval in ["0", "00", "-1"] {
        let lines = format!("SUMMARY:X\nDTSTART:20260701T100000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;INTERVAL={interval}");
        assert_eq!(
            error(&calendar(&lines)),
            format!(
                "The event 'X' repeats with INTERVAL={interval}, but the interval between repeats \
                 must be a whole number of at least 1."
            ),
        );
    }
}
