//! VFREEBUSY: several FREEBUSY lines and types, `start/end` and `start/duration` periods,
//! several periods on one line.

mod common;
use common::*;
use convene_ics::busy_periods;

#[test]
fn busy_tentative_and_unavailable_count_free_does_not() {
    assert_eq!(
        busy(FREEBUSY, d(2026, 6, 1), d(2026, 10, 31)),
        [
            "2026-06-01T09:00:00+01:00 → 2026-06-01T10:00:00+01:00 ",
            "2026-06-02T14:00:00+01:00 → 2026-06-02T15:30:00+01:00 ",
            "2026-06-03T08:00:00+01:00 → 2026-06-03T17:00:00+01:00 ",
            "2026-06-04T08:00:00+01:00 → 2026-06-04T12:00:00+01:00 ",
            // 5 June is FBTYPE=FREE.
            "2026-10-26T10:00:00+00:00 → 2026-10-26T11:00:00+00:00 ",
        ]
    );
}

#[test]
fn free_busy_periods_have_no_summary_and_a_freebusy_uid() {
    let periods = busy_periods(FREEBUSY, d(2026, 6, 1), d(2026, 6, 1)).unwrap();
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].summary, "");
    assert_eq!(periods[0].uid, "freebusy@2026-06-01T09:00:00+01:00");
    assert!(!periods[0].all_day);
}

#[test]
fn free_busy_and_events_in_one_file() {
    let combined = FREEBUSY.replace(
        "END:VFREEBUSY\r\n",
        "END:VFREEBUSY\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Visit\r\nDTSTART:20260601T130000Z\r\n\
         DTEND:20260601T140000Z\r\nEND:VEVENT\r\n",
    );
    assert_eq!(
        busy(&combined, d(2026, 6, 1), d(2026, 6, 1)),
        [
            "2026-06-01T09:00:00+01:00 → 2026-06-01T10:00:00+01:00 ",
            "2026-06-01T14:00:00+01:00 → 2026-06-01T15:00:00+01:00 Visit",
        ]
    );
}
