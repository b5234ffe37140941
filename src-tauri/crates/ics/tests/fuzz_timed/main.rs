#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Fuzzing the .ics importer (`busy_periods`) for a time budget, from the corpus in
//! `tests/fuzz-corpus/ics/` (the Outlook, Google and free/busy fixtures, an invitation written
//! by Convene, repeat rules, odd-but-valid files). Inputs are damaged line by line (the ideas of
//! `tests/fuzz.rs`: hostile lines, deleted, repeated and swapped lines), property by property
//! (names, parameters and values replaced), and byte by byte; the dates asked for vary too,
//! out to chrono's limits.
//!
//! - `cargo test -p convene-ics --test fuzz_timed`: the corpus as it is, then 256 inputs (at
//!   most ~10 s).
//! - `CONVENE_FUZZ_SECS=600 cargo test --release -p convene-ics --test fuzz_timed -- --nocapture`:
//!   keeps going for 600 s and prints `fuzz ics: …` with the number of executions.
//!   `CONVENE_FUZZ_SEED=<u64>` repeats a run.
//!
//! A panic (also one caught inside `convene-ics`, e.g. from `rrule`), a period that does not
//! end after it starts, periods out of order or outside the dates asked for fail the test;
//! the shrunk input is written to `tests/fuzz-corpus/ics/crash-<hash>` and replayed first on
//! every later run (with 2026, and chrono's limits, as the dates asked for).

mod corpus;
mod mutations;

use chrono::NaiveDate;
use convene_fuzzkit::{corpus_dir, fuzz, pick, Target};
use convene_ics::busy_periods;
use proptest::prelude::*;

use corpus::{join_lines, split_lines, Corpus};
use mutations::{apply_bytes, apply_line, base, byte_mut, d, line_mut, window, year_2026, Base, ByteMut, LineMut};

// ---------------------------------------------------------------------------------------------
// The .ics importer.

#[derive(Debug, Clone)]
struct Recipe {
    base: Base,
    lines: Vec<LineMut>,
    bytes: Vec<ByteMut>,
    from: NaiveDate,
    to: NaiveDate,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    (
        base(),
        prop::collection::vec(line_mut(), 0..6),
        prop_oneof![2 => Just(vec![]), 1 => prop::collection::vec(byte_mut(), 1..4)],
        window(),
    )
        .prop_map(|(base, lines, bytes, (from, to))| Recipe {
            base,
            lines,
            bytes,
            from,
            to,
        })
}

#[derive(Default)]
struct Stats {
    accepted: u64,
    periods: u64,
    corpus_accepted: usize,
}

struct Ics {
    c: Corpus,
    stats: Stats,
}

impl Target for Ics {
    type Recipe = Recipe;
    const NAME: &'static str = "ics";

    fn render(&self, r: &Recipe) -> Vec<u8> {
        let mut bytes = match &r.base {
            Base::Corpus(i) => pick(&self.c.files, *i).map(|(_, b)| b.clone()).unwrap_or_default(),
            Base::Text(t) => t.as_bytes().to_vec(),
            Base::Bytes(b) => b.clone(),
        };
        if !r.lines.is_empty() {
            let mut lines = split_lines(&bytes);
            for m in &r.lines {
                apply_line(&mut lines, m, &self.c);
            }
            bytes = join_lines(&lines);
        }
        for m in &r.bytes {
            apply_bytes(&mut bytes, m);
        }
        bytes
    }

    fn exec(&mut self, r: &Recipe) -> Result<(), String> {
        let bytes = self.render(r);
        let text = String::from_utf8_lossy(&bytes);
        let Ok(periods) = busy_periods(&text, r.from, r.to) else {
            return Ok(());
        };
        self.stats.accepted += 1;
        self.stats.periods += periods.len() as u64;
        let from = r.from.and_hms_opt(0, 0, 0).unwrap_or_default();
        for p in &periods {
            if p.start >= p.end {
                return Err(format!("a period does not end after it starts: {p:?}"));
            }
            if p.start.date_naive() > r.to || p.end.naive_local() <= from {
                return Err(format!("a period lies outside {}..={}: {p:?}", r.from, r.to));
            }
        }
        let key = |p: &convene_ics::BusyPeriod| (p.start, p.end, p.uid.clone());
        if !periods.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
            return Err("the periods are not sorted by start, end and UID".into());
        }
        Ok(())
    }

    /// 2026, then the limits: a crash file found with other dates is still replayed.
    fn corpus_recipes(&self, i: usize) -> Vec<Recipe> {
        [
            year_2026(),
            (NaiveDate::MIN, NaiveDate::MAX),
            (d(1, 1, 1), d(9999, 12, 31)),
        ]
        .into_iter()
        .map(|(from, to)| Recipe {
            base: Base::Corpus(i),
            lines: vec![],
            bytes: vec![],
            from,
            to,
        })
        .collect()
    }

    fn corpus_files(&self) -> &[(String, Vec<u8>)] {
        &self.c.files
    }

    fn stats(&self) -> String {
        let s = &self.stats;
        format!(
            "accepted {} files ({} busy periods); corpus files read as they are: {}",
            s.accepted, s.periods, s.corpus_accepted
        )
    }
}

#[test]
fn fuzz_busy_periods() {
    let c = Corpus::load(&corpus_dir(Ics::NAME));
    let (from, to) = year_2026();
    let corpus_accepted = c
        .files
        .iter()
        .filter(|(_, b)| busy_periods(&String::from_utf8_lossy(b), from, to).is_ok())
        .count();
    let mut target = Ics {
        c,
        stats: Stats {
            corpus_accepted,
            ..Stats::default()
        },
    };
    fuzz(&mut target, recipe());
}
