//! Reading a large calendar export: 10,000 Outlook events (5.7 MB) into busy periods. The
//! quadratic work this once did took minutes; `make bench` records the figure in BENCHMARKS.md.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

fn main() {
    divan::main();
}

/// An Outlook export of `n` one-off events through 2026, each with a long description.
pub fn outlook_export(n: u32) -> String {
    let mut ics = String::from("BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n");
    for i in 0..n {
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:event-{i}\r\nSUMMARY:Visit {i}\r\nDESCRIPTION:{}\r\n\
             DTSTART;TZID=GMT Standard Time:2026{:02}{:02}T{:02}0000\r\nDURATION:PT45M\r\n\
             X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n",
            "Notes. ".repeat(60),
            1 + i % 12,
            1 + i % 28,
            8 + i % 9,
        ));
    }
    ics.push_str("END:VCALENDAR\r\n");
    ics
}

#[divan::bench(sample_count = 10)]
fn import_10000_events(bencher: divan::Bencher) {
    let ics = outlook_export(10_000);
    let (from, to) = (
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    );
    bencher.bench(|| {
        let periods = convene_ics::busy_periods(divan::black_box(&ics), from, to).unwrap();
        assert_eq!(periods.len(), 10_000);
        periods
    });
}
