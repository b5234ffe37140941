//! A large but ordinary export reads whole and right. How long it takes is measured in
//! `benches/ics.rs` (`make bench`, BENCHMARKS.md), not here.

mod common;
use common::*;

#[test]
fn ten_thousand_events_read_in_one_go() {
    let event = |i: u32| {
        format!(
            "BEGIN:VEVENT\r\nUID:event-{i}\r\nSUMMARY:Visit {i}\r\nDESCRIPTION:{}\r\n\
             DTSTART;TZID=GMT Standard Time:2026{:02}{:02}T{:02}0000\r\nDURATION:PT45M\r\n\
             X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n",
            "Notes. ".repeat(60),
            1 + i % 12,
            1 + i % 28,
            8 + i % 9,
        )
    };
    let mut ics = String::from("BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n");
    for i in 0..10_000 {
        ics.push_str(&event(i));
    }
    ics.push_str("END:VCALENDAR\r\n");
    assert!(ics.len() > 5_000_000);
    for text in [ics.clone(), ics.replace("\r\n", "\n")] {
        let periods = busy(&text, d(2026, 1, 1), d(2026, 12, 31));
        assert_eq!(periods.len(), 10_000);
    }
}
