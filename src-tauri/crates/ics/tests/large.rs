//! A large but ordinary export reads whole and right. How long it takes is measured in
//! `benches/ics.rs` (`make bench`, BENCHMARKS.md), not here.

mod common;
#[path = "support/large_export.rs"]
mod large_export;
use common::*;

#[test]
fn ten_thousand_events_read_in_one_go() {
    let ics = large_export::outlook_export(10_000);
    assert!(ics.len() > 5_000_000);
    for text in [ics.clone(), ics.replace("\r\n", "\n")] {
        let periods = busy(&text, d(2026, 1, 1), d(2026, 12, 31));
        assert_eq!(periods.len(), 10_000);
    }
}
