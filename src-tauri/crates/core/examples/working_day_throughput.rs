//! Working-day offsets per second, for `scripts/bench_working_days.py` to compare with numpy's
//! `busday_offset` on the same pairs. Reads `days_since_1970 offset` pairs (one per line) from
//! the file in argv[1]; writes the results (days since 1970) to argv[2]; prints the best of 5
//! timings as JSON. Examples may do IO; the library does not.

use std::io::{BufRead, Write};
use std::time::Instant;

use chrono::NaiveDate;
use convene_core::holidays::Division;
use convene_core::WorkingDayCalendar;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = (
        args.get(1).ok_or("usage: INPUT OUTPUT")?,
        args.get(2).ok_or("usage: INPUT OUTPUT")?,
    );
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).ok_or("epoch")?;
    let mut pairs: Vec<(NaiveDate, u32)> = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        let mut it = line.split_whitespace();
        let days: i64 = it.next().ok_or("missing day")?.parse()?;
        let n: u32 = it.next().ok_or("missing offset")?.parse()?;
        pairs.push((epoch + chrono::Duration::days(days), n));
    }
    let built = Instant::now();
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    let build_ms = built.elapsed().as_secs_f64() * 1e3;
    let mut out = vec![epoch; pairs.len()];
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        for (slot, (a, n)) in out.iter_mut().zip(&pairs) {
            *slot = cal.add_working_days(*a, *n)?;
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(output)?);
    for d in &out {
        writeln!(w, "{}", (*d - epoch).num_days())?;
    }
    println!(
        "{{\"pairs\": {}, \"best_seconds\": {best:.6}, \"per_second\": {:.0}, \"calendar_build_ms\": {build_ms:.2}}}",
        pairs.len(),
        pairs.len() as f64 / best
    );
    Ok(())
}
