//! Reading a large calendar export: 10,000 Outlook events (5.7 MB) into busy periods. The
//! quadratic work this once did took minutes; `make bench` records the figure in BENCHMARKS.md.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

#[path = "../tests/support/large_export.rs"]
mod large_export;
use large_export::outlook_export;

fn main() {
    divan::main();
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
