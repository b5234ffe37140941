#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Timescale evaluation for a synthetic large authority (~20k children, ~400k events), and
//! re-evaluating one child after an edit. Run: `cargo bench -p convene-core --bench timescales`.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use convene_core::dataset::ChildBundle;
use convene_core::demo::synthetic_authority;
use convene_core::holidays::Division;
use convene_core::queries::evaluate_all;
use convene_core::rules::RulePack;
use convene_core::timescales::evaluate_child;
use convene_core::{ChildId, WorkingDayCalendar};

fn main() {
    let (bundles, events) = authority();
    eprintln!("synthetic authority: {} children, {} events", bundles.len(), events);
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

fn authority() -> &'static (HashMap<ChildId, ChildBundle>, usize) {
    static CELL: OnceLock<(HashMap<ChildId, ChildBundle>, usize)> = OnceLock::new();
    CELL.get_or_init(|| {
        let ds = synthetic_authority(today(), 7, 13_500);
        let events = ds.events.len();
        (ds.by_child(), events)
    })
}

#[divan::bench(sample_count = 20)]
fn full_authority(bencher: divan::Bencher) {
    let pack = RulePack::builtin("england").expect("pack");
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let (bundles, _) = authority();
    bencher.bench(|| evaluate_all(&pack, &cal, bundles, today()).expect("evaluate"));
}

#[divan::bench(sample_count = 200)]
fn one_child_after_an_edit(bencher: divan::Bencher) {
    let pack = RulePack::builtin("england").expect("pack");
    let rules = pack.active_rules();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let (bundles, _) = authority();
    // The child with the most records: the worst case.
    let busiest = bundles
        .values()
        .max_by_key(|b| b.events.len() + b.meetings.len())
        .expect("a child");
    bencher.bench(|| evaluate_child(&pack, &rules, &cal, &busiest.records(), today()).expect("evaluate"));
}
