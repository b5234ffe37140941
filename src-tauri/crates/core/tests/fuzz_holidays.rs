#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Fuzzing the GOV.UK bank-holidays importer (`holidays::parse_govuk`), and for a share of the
//! files it accepts, what the app does with them next: a working-day calendar built from them
//! (`Settings::calendar`) and settings that hold them, written and read back as JSON. Inputs
//! start from the corpus in `tests/fuzz-corpus/holidays/` and are damaged byte by byte, token
//! by token and as JSON trees.
//!
//! - `cargo test -p convene-core --test fuzz_holidays`: the corpus as it is, then 256 inputs
//!   (at most ~10 s).
//! - `CONVENE_FUZZ_SECS=600 cargo test --release -p convene-core --test fuzz_holidays -- --nocapture`:
//!   keeps going for 600 s and prints `fuzz holidays: …` with the number of executions.
//!   `CONVENE_FUZZ_SEED=<u64>` repeats a run.
//!
//! A panic, or an accepted file whose holidays are not one per date in date order, fails the
//! test; the shrunk input is written to `tests/fuzz-corpus/holidays/crash-<hash>` and replayed
//! first on every later run.

use chrono::{Datelike, NaiveDate};
use convene_core::holidays::{parse_govuk, Division};
use convene_core::settings::Settings;
use convene_fuzzkit::json::{base, byte_mut, json_mut, render_json, Base, ByteMut, Corpus, JsonMut};
use convene_fuzzkit::{corpus_dir, fuzz, Target};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// The GOV.UK holidays importer.

#[derive(Debug, Clone)]
struct Recipe {
    base: Base,
    json: Vec<JsonMut>,
    bytes: Vec<ByteMut>,
    pretty: bool,
    /// 0..100: below 3, build the working-day calendars from an accepted file (it costs
    /// about a millisecond: 200 years of days).
    calendar: u8,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    (
        base(),
        prop::collection::vec(json_mut(), 0..5),
        prop_oneof![Just(vec![]), prop::collection::vec(byte_mut(), 1..4)],
        any::<bool>(),
        0u8..100,
    )
        .prop_map(|(base, json, bytes, pretty, calendar)| Recipe {
            base,
            json,
            bytes,
            pretty,
            calendar,
        })
}

#[derive(Default)]
struct Stats {
    accepted: u64,
    holidays: u64,
    calendars: u64,
    first_year: Option<i32>,
    last_year: Option<i32>,
}

struct Holidays {
    c: Corpus,
    stats: Stats,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

impl Target for Holidays {
    type Recipe = Recipe;
    const NAME: &'static str = "holidays";

    fn render(&self, r: &Recipe) -> Vec<u8> {
        render_json(&r.base, &r.json, &r.bytes, r.pretty, &self.c)
    }

    fn exec(&mut self, r: &Recipe) -> Result<(), String> {
        let bytes = self.render(r);
        let text = String::from_utf8_lossy(&bytes);
        let Ok(parsed) = parse_govuk(&text) else {
            return Ok(());
        };
        self.stats.accepted += 1;
        if parsed.is_empty() {
            return Err("a file was accepted with no division".into());
        }
        for (division, published) in &parsed {
            let h = &published.holidays;
            self.stats.holidays += h.len() as u64;
            if !h.windows(2).all(|w| w[0].date < w[1].date) {
                return Err(format!("{} holidays are not one per date in date order", division.id()));
            }
            if h.iter().any(|x| !x.confirmed) {
                return Err(format!(
                    "{} has a published holiday not marked confirmed",
                    division.id()
                ));
            }
            // What `convene holidays import` prints.
            let years = published.years();
            if let (Some(first), Some(last)) = (years.first(), years.last()) {
                self.stats.first_year = Some(self.stats.first_year.map_or(*first, |y| y.min(*first)));
                self.stats.last_year = Some(self.stats.last_year.map_or(*last, |y| y.max(*last)));
            }
        }
        // The settings that keep them are stored and exported as JSON: they must read back.
        let settings = Settings {
            imported_holidays: parsed,
            ..Settings::default()
        };
        let json = serde_json::to_string(&settings).map_err(|e| format!("settings do not serialise: {e}"))?;
        let back: Settings = serde_json::from_str(&json).map_err(|e| format!("settings do not read back: {e}"))?;
        if back != settings {
            return Err("settings read back different".into());
        }
        if r.calendar < 3 {
            self.stats.calendars += 1;
            for division in Division::ALL {
                let cal = settings.calendar(division);
                let (first, last) = cal.range();
                for date in [first, d(2026, 12, 25), d(2027, 1, 1), last] {
                    let _ = cal.is_working_day(date);
                    let _ = cal.add_working_days(date, 20);
                    let _ = cal.sub_working_days(date, 20);
                    let _ = cal.on_or_after(date);
                    let _ = cal.on_or_before(date);
                    let _ = cal.working_days_between(first, date);
                    let _ = cal.holidays_between(first, date);
                    let _ = cal.is_confirmed_year(date.year());
                }
                if let Some(published) = settings.imported_holidays.get(&division) {
                    for h in &published.holidays {
                        if h.date >= first && h.date <= last && cal.is_working_day(h.date) != Ok(false) {
                            return Err(format!(
                                "{} is a working day in a calendar that has it as a holiday",
                                h.date
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn corpus_recipes(&self, i: usize) -> Vec<Recipe> {
        vec![Recipe {
            base: Base::Corpus(i),
            json: vec![],
            bytes: vec![],
            pretty: false,
            calendar: 0,
        }]
    }

    fn corpus_files(&self) -> &[(String, Vec<u8>)] {
        &self.c.files
    }

    fn stats(&self) -> String {
        let s = &self.stats;
        format!(
            "accepted {} files ({} holidays, years {}..{}), calendars built from {}",
            s.accepted,
            s.holidays,
            s.first_year.unwrap_or_default(),
            s.last_year.unwrap_or_default(),
            s.calendars
        )
    }
}

#[test]
fn fuzz_govuk_holidays() {
    let mut target = Holidays {
        c: Corpus::load(&corpus_dir(Holidays::NAME)),
        stats: Stats::default(),
    };
    fuzz(&mut target, recipe());
}
