//! One helper for many small cases: render busy periods as lines a reviewer can read.
// Test-only helpers: failing loudly is their job, and not every test file uses every one.
#![allow(dead_code, clippy::panic, clippy::unwrap_used)]

use chrono::NaiveDate;
use convene_ics::{busy_periods, BusyPeriod};

pub const OUTLOOK: &str = include_str!("../fixtures/outlook.ics");
pub const GOOGLE: &str = include_str!("../fixtures/google.ics");
pub const FREEBUSY: &str = include_str!("../fixtures/freebusy.ics");

pub fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// `2026-03-10T10:00:00+00:00 → 2026-03-10T11:00:00+00:00 Team meeting`, with
/// `(all day)` after all-day events.
pub fn render(periods: &[BusyPeriod]) -> Vec<String> {
    periods
        .iter()
        .map(|p| {
            let all_day = if p.all_day { " (all day)" } else { "" };
            format!(
                "{} → {} {}{all_day}",
                p.start.to_rfc3339(),
                p.end.to_rfc3339(),
                p.summary
            )
        })
        .collect()
}

/// The rendered busy periods of `ics` in the UK dates `from..=to`; fails the test on an error.
pub fn busy(ics: &str, from: NaiveDate, to: NaiveDate) -> Vec<String> {
    match busy_periods(ics, from, to) {
        Ok(periods) => render(&periods),
        Err(error) => panic!("expected busy periods, got: {error}"),
    }
}

/// The error message `ics` gives; fails the test if it imports.
pub fn error(ics: &str) -> String {
    match busy_periods(ics, d(2026, 1, 1), d(2026, 12, 31)) {
        Ok(periods) => panic!("expected an error, got {:?}", render(&periods)),
        Err(error) => error.to_string(),
    }
}

/// A minimal calendar around some VEVENT lines (LF line ends, as some exporters write).
pub fn calendar(event_lines: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Convene tests//EN\nBEGIN:VEVENT\nUID:test-1\n\
         DTSTAMP:20260101T000000Z\n{}\nEND:VEVENT\nEND:VCALENDAR\n",
        event_lines.trim()
    )
}
