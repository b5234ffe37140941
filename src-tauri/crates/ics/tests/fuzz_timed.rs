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

use std::path::Path;

use chrono::{Days, NaiveDate};
use convene_fuzzkit::{corpus_dir, fuzz, load_files, pick, pos, Target};
use convene_ics::busy_periods;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// The corpus and the hostile material.

struct Corpus {
    files: Vec<(String, Vec<u8>)>,
    /// Each file split at `\n` (lines keep their `\r`).
    lines: Vec<Vec<Vec<u8>>>,
    values: Vec<String>,
}

fn split_lines(b: &[u8]) -> Vec<Vec<u8>> {
    b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect()
}

fn join_lines(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.join(&b'\n')
}

impl Corpus {
    fn load(dir: &Path) -> Corpus {
        let files = load_files(dir);
        let lines = files.iter().map(|(_, b)| split_lines(b)).collect();
        let mut values: Vec<String> = NASTY_VALUES.iter().map(|v| (*v).to_owned()).collect();
        values.push("x".repeat(10_000));
        values.push("9".repeat(40));
        values.push(format!("FREQ=DAILY;BYDAY={}", vec!["MO"; 500].join(",")));
        values.push(vec!["20260310T100000Z"; 2000].join(","));
        Corpus { files, lines, values }
    }
}

/// Lines that are valid, nearly valid or hostile, to drop into a file (from `tests/fuzz.rs`).
const NASTY_LINES: &[&str] = &[
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    "BEGIN:VFREEBUSY",
    "END:VFREEBUSY",
    "BEGIN:VALARM",
    "END:VALARM",
    "BEGIN:VTIMEZONE",
    "END:VTIMEZONE",
    "BEGIN:STANDARD",
    "BEGIN:DAYLIGHT",
    "RRULE:FREQ=SECONDLY",
    "RRULE:FREQ=MINUTELY;INTERVAL=1",
    "RRULE:FREQ=HOURLY;BYHOUR=25",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=DAILY;COUNT=0",
    "RRULE:FREQ=WEEKLY;BYSETPOS=-1;BYDAY=MO",
    "RRULE:FREQ=MONTHLY;BYDAY=5FR",
    "RRULE:FREQ=DAILY;UNTIL=00010101",
    "RRULE:FREQ=SECONDLY;BYSECOND=1,2,3;BYMINUTE=1;BYHOUR=1",
    "RRULE:FREQ=YEARLY;BYWEEKNO=53;BYDAY=SU",
    "RRULE:FREQ=DAILY;INTERVAL=0",
    "RRULE:FREQ=YEARLY;BYYEARDAY=-366,366",
    "RRULE:FREQ=MINUTELY;UNTIL=99991231T235959Z",
    "EXRULE:FREQ=DAILY",
    "DTSTART:99991231T235959Z",
    "DTSTART;VALUE=DATE:00010101",
    "DTSTART;VALUE=DATE:99991231",
    "DTSTART;VALUE=DATE:20260230",
    "DTSTART:20260101T240000Z",
    "DTSTART;TZID=Europe/London:20260329T013000",
    "DTSTART;TZID=Europe/London:20261025T013000",
    "DTSTART;TZID=Nowhere:20260101T000000",
    "DTSTART;TZID=\"unterminated:20260101T100000",
    "DTSTART;TZID=Customized Time Zone:20260101T100000",
    "DTEND:20260101T000000Z",
    "DTEND;VALUE=DATE:00010101",
    "DURATION:-P1D",
    "DURATION:P99999999W",
    "DURATION:PT9999999999S",
    "DURATION:P",
    "EXDATE:20260310T100000Z,garbage",
    "EXDATE;VALUE=DATE:20260310",
    "RDATE;VALUE=PERIOD:20260310T100000Z/P1D",
    "RDATE;VALUE=PERIOD:20260310T100000Z/20260310T090000Z",
    "RDATE:99991231T235959Z",
    "RDATE;VALUE=DATE:00010101",
    "RECURRENCE-ID:20260310T100000",
    "RECURRENCE-ID;VALUE=DATE:20260310",
    "RECURRENCE-ID;RANGE=THISANDFUTURE:20260310T100000Z",
    "STATUS:CANCELLED",
    "TRANSP:TRANSPARENT",
    "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
    "FREEBUSY:20260101T000000Z/P1D",
    "FREEBUSY;FBTYPE=FREE:x",
    "FREEBUSY:99991231T230000Z/P99999999D",
    "FREEBUSY:20260101T000000Z/20251231T000000Z",
    "TZOFFSETFROM:+9999",
    "TZOFFSETTO:-2400",
    "TZID:Europe/London",
    "UID:",
    ":",
    ";;;:",
    "X:\\",
    "SUMMARY:\\",
    " folded",
    "\t",
    "",
    "\u{feff}",
    "\u{0}",
    "ÄÖÜ:ß",
];

/// Property values: impossible and extreme dates and times, durations, rules, zones.
const NASTY_VALUES: &[&str] = &[
    "",
    "20260230T100000",
    "20260101T250000",
    "20260101T236060",
    "99991231T235959Z",
    "00000000",
    "00000000T000000",
    "00010101T000000Z",
    "20260329T013000",
    "20261025T013000",
    "19000101T000000Z",
    "16010101T000000",
    "22620411T235959Z",
    "16770921T000000Z",
    "20260101",
    "2026-01-01T00:00:00Z",
    "P",
    "PT",
    "-P1D",
    "+P1D",
    "P99999999W",
    "PT9999999999S",
    "P1Y",
    "P1W2D",
    "FREQ=SECONDLY",
    "FREQ=DAILY;COUNT=4294967296",
    "FREQ=WEEKLY;UNTIL=20260101",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=YEARLY;BYYEARDAY=366",
    "FREQ=DAILY;BYSETPOS=0",
    "FREQ=DAILY;INTERVAL=4294967295",
    "FREQ=WEEKLY;WKST=XX",
    "20260310T100000Z/20260310T090000Z",
    "20260310T100000Z/PT0S",
    "20260310T100000Z,,",
    "Europe/London",
    "GMT Standard Time",
    "Customized Time Zone",
    "Nowhere",
    "+0100",
    "-2400",
    "+9999",
    "TRANSPARENT",
    "CANCELLED",
    "FREE",
    "OOF",
    "\\",
    "\"",
    ",",
    ";",
    ":",
];

const NAMES: &[&str] = &[
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "EXRULE",
    "RECURRENCE-ID",
    "UID",
    "STATUS",
    "TRANSP",
    "FREEBUSY",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "BEGIN",
    "END",
    "X-MICROSOFT-CDO-BUSYSTATUS",
    "X-WR-TIMEZONE",
    "SUMMARY",
    "dtstart",
    "",
];

const PARAMS: &[&str] = &[
    "",
    ";VALUE=DATE",
    ";VALUE=DATE-TIME",
    ";VALUE=PERIOD",
    ";VALUE=DURATION",
    ";TZID=Europe/London",
    ";TZID=\"GMT Standard Time\"",
    ";TZID=Customized Time Zone",
    ";TZID=W. Europe Standard Time",
    ";TZID=Nowhere",
    ";TZID=",
    ";TZID=Europe/London;TZID=UTC",
    ";FBTYPE=FREE",
    ";FBTYPE=BUSY-TENTATIVE",
    ";RANGE=THISANDFUTURE",
    ";X=\"a:b;c\"",
    ";;",
    ";=",
];

const TOKENS: &[&[u8]] = &[
    b"\r\n",
    b"\n",
    b"\r",
    b"\r\n ",
    b"\r\n\t",
    b":",
    b";",
    b",",
    b"=",
    b"\"",
    b"\\",
    b"Z",
    b"T",
    b"/",
    b"-",
    b"+",
    b"P",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xe2\x80\xae",
    b"99999999",
    b"00000000",
];

// ---------------------------------------------------------------------------------------------
// Mutations.

#[derive(Debug, Clone)]
enum LineMut {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    InsertNasty(usize, usize),
    /// A line of another corpus file.
    InsertFrom(usize, usize, usize),
    /// Keep `NAME;params:`, replace the value.
    ReplaceValue(usize, usize),
    ReplaceName(usize, usize),
    ReplaceParams(usize, usize),
    /// Fold a line at a byte (maybe inside a UTF-8 character).
    Fold(usize, usize),
    /// Join a line with the next.
    Unfold(usize),
    /// Move a run of lines elsewhere (BEGIN/END out of order).
    Move(usize, usize, usize),
    /// This file's lines up to a point, then another file's from a point.
    Splice(usize, usize, usize),
    /// All line ends as LF, CR or CRLF.
    LineEnds(u8),
}

fn line_mut() -> impl Strategy<Value = LineMut> {
    let n = any::<usize>;
    prop_oneof![
        2 => n().prop_map(LineMut::Delete),
        1 => n().prop_map(LineMut::Duplicate),
        1 => (n(), n()).prop_map(|(a, b)| LineMut::Swap(a, b)),
        3 => (n(), n()).prop_map(|(a, l)| LineMut::InsertNasty(a, l)),
        1 => (n(), n(), n()).prop_map(|(a, f, l)| LineMut::InsertFrom(a, f, l)),
        4 => (n(), n()).prop_map(|(a, v)| LineMut::ReplaceValue(a, v)),
        1 => (n(), n()).prop_map(|(a, v)| LineMut::ReplaceName(a, v)),
        2 => (n(), n()).prop_map(|(a, v)| LineMut::ReplaceParams(a, v)),
        1 => (n(), n()).prop_map(|(a, at)| LineMut::Fold(a, at)),
        1 => n().prop_map(LineMut::Unfold),
        1 => (n(), 1usize..12, n()).prop_map(|(a, len, to)| LineMut::Move(a, len, to)),
        1 => (n(), n(), n()).prop_map(|(f, a, b)| LineMut::Splice(f, a, b)),
        1 => (0u8..3).prop_map(LineMut::LineEnds),
    ]
}

/// Where the property name ends (`;` or `:`) and where the value starts (after the first
/// `:` outside quotes).
fn property_parts(line: &[u8]) -> (usize, Option<usize>) {
    let name_end = line.iter().position(|&c| c == b';' || c == b':').unwrap_or(line.len());
    let mut quoted = false;
    for (i, &c) in line.iter().enumerate().skip(name_end) {
        match c {
            b'"' => quoted = !quoted,
            b':' if !quoted => return (name_end, Some(i + 1)),
            _ => {}
        }
    }
    (name_end, None)
}

fn apply_line(lines: &mut Vec<Vec<u8>>, m: &LineMut, c: &Corpus) {
    let len = lines.len();
    let at = |i: usize| if len == 0 { 0 } else { i % len };
    let cr = |s: &str| {
        let mut l = s.as_bytes().to_vec();
        l.push(b'\r');
        l
    };
    match m {
        LineMut::Delete(i) => {
            if len > 0 {
                lines.remove(at(*i));
            }
        }
        LineMut::Duplicate(i) => {
            if len > 0 {
                let i = at(*i);
                lines.insert(i, lines[i].clone());
            }
        }
        LineMut::Swap(a, b) => {
            if len > 0 {
                lines.swap(at(*a), at(*b));
            }
        }
        LineMut::InsertNasty(i, which) => {
            let line = pick(NASTY_LINES, *which).copied().unwrap_or_default();
            lines.insert(pos(len, *i), cr(line));
        }
        LineMut::InsertFrom(i, file, line) => {
            if let Some(line) = pick(&c.lines, *file).and_then(|f| pick(f, *line)) {
                lines.insert(pos(len, *i), line.clone());
            }
        }
        LineMut::ReplaceValue(i, v) => {
            if len > 0 {
                let line = &mut lines[at(*i)];
                let (_, value) = property_parts(line);
                let start = value.unwrap_or(line.len());
                let cr_end = line.last() == Some(&b'\r');
                line.truncate(start);
                if value.is_none() {
                    line.push(b':');
                }
                line.extend_from_slice(pick(&c.values, *v).map(String::as_bytes).unwrap_or_default());
                if cr_end {
                    line.push(b'\r');
                }
            }
        }
        LineMut::ReplaceName(i, v) => {
            if len > 0 {
                let line = &mut lines[at(*i)];
                let (name_end, _) = property_parts(line);
                let name = pick(NAMES, *v).copied().unwrap_or_default();
                line.splice(0..name_end, name.bytes());
            }
        }
        LineMut::ReplaceParams(i, v) => {
            if len > 0 {
                let line = &mut lines[at(*i)];
                let (name_end, value) = property_parts(line);
                let end = value.map_or(name_end, |v| v - 1);
                let params = pick(PARAMS, *v).copied().unwrap_or_default();
                line.splice(name_end..end, params.bytes());
            }
        }
        LineMut::Fold(i, byte) => {
            if len > 0 {
                let line = &mut lines[at(*i)];
                let p = pos(line.len(), *byte);
                line.splice(p..p, b"\r\n ".iter().copied());
            }
        }
        LineMut::Unfold(i) => {
            if len > 1 {
                let i = at(*i) % (len - 1);
                let next = lines.remove(i + 1);
                let line = &mut lines[i];
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                line.extend(next);
            }
        }
        LineMut::Move(a, n, to) => {
            if len > 0 {
                let a = at(*a);
                let e = (a + n).min(len);
                let run: Vec<Vec<u8>> = lines.drain(a..e).collect();
                let to = pos(lines.len(), *to);
                lines.splice(to..to, run);
            }
        }
        LineMut::Splice(file, a, b) => {
            if let Some(other) = pick(&c.lines, *file) {
                lines.truncate(pos(len, *a));
                lines.extend(other[pos(other.len(), *b)..].iter().cloned());
            }
        }
        LineMut::LineEnds(kind) => {
            for line in lines.iter_mut() {
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
            }
            match kind {
                0 => {}
                1 => {
                    let joined = join_lines(lines);
                    *lines = vec![joined.iter().map(|&c| if c == b'\n' { b'\r' } else { c }).collect()];
                }
                _ => lines.iter_mut().for_each(|l| l.push(b'\r')),
            }
        }
    }
}

#[derive(Debug, Clone)]
enum ByteMut {
    Flip(usize, u8),
    Set(usize, u8),
    Truncate(usize),
    Delete(usize, usize),
    Duplicate(usize, usize, usize),
    InsertToken(usize, usize),
    InsertBytes(usize, Vec<u8>),
    Prefix(usize),
    /// Replace the n-th ASCII digit: impossible dates and times, other numbers.
    Digit(usize, u8),
}

fn byte_mut() -> impl Strategy<Value = ByteMut> {
    let n = any::<usize>;
    prop_oneof![
        1 => (n(), 0u8..8).prop_map(|(a, b)| ByteMut::Flip(a, b)),
        1 => (n(), any::<u8>()).prop_map(|(a, b)| ByteMut::Set(a, b)),
        1 => n().prop_map(ByteMut::Truncate),
        1 => (n(), 1usize..64).prop_map(|(a, l)| ByteMut::Delete(a, l)),
        1 => (n(), 1usize..256, n()).prop_map(|(a, l, t)| ByteMut::Duplicate(a, l, t)),
        2 => (n(), n()).prop_map(|(a, t)| ByteMut::InsertToken(a, t)),
        1 => (n(), prop::collection::vec(any::<u8>(), 1..8)).prop_map(|(a, b)| ByteMut::InsertBytes(a, b)),
        1 => n().prop_map(ByteMut::Prefix),
        3 => (n(), 0u8..10).prop_map(|(i, d)| ByteMut::Digit(i, d)),
    ]
}

fn apply_bytes(b: &mut Vec<u8>, m: &ByteMut) {
    match m {
        ByteMut::Flip(at, bit) => {
            if !b.is_empty() {
                let i = at % b.len();
                b[i] ^= 1 << bit;
            }
        }
        ByteMut::Set(at, byte) => {
            if !b.is_empty() {
                let i = at % b.len();
                b[i] = *byte;
            }
        }
        ByteMut::Truncate(at) => b.truncate(pos(b.len(), *at)),
        ByteMut::Delete(at, len) => {
            let s = pos(b.len(), *at);
            let e = (s + len).min(b.len());
            b.drain(s..e);
        }
        ByteMut::Duplicate(at, len, to) => {
            let s = pos(b.len(), *at);
            let e = (s + len).min(b.len());
            let span = b[s..e].to_vec();
            let t = pos(b.len(), *to);
            b.splice(t..t, span);
        }
        ByteMut::InsertToken(at, token) => {
            let t = pos(b.len(), *at);
            b.splice(t..t, pick(TOKENS, *token).copied().unwrap_or_default().iter().copied());
        }
        ByteMut::InsertBytes(at, bytes) => {
            let t = pos(b.len(), *at);
            b.splice(t..t, bytes.iter().copied());
        }
        ByteMut::Prefix(token) => {
            b.splice(0..0, pick(TOKENS, *token).copied().unwrap_or_default().iter().copied());
        }
        ByteMut::Digit(i, digit) => {
            let digits: Vec<usize> = (0..b.len()).filter(|&j| b[j].is_ascii_digit()).collect();
            if let Some(&j) = pick(&digits, *i) {
                b[j] = b'0' + digit;
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Base {
    Corpus(usize),
    /// Random text after the opening line.
    Text(String),
    Bytes(Vec<u8>),
}

fn base() -> impl Strategy<Value = Base> {
    prop_oneof![
        14 => any::<usize>().prop_map(Base::Corpus),
        1 => "\\PC{0,400}".prop_map(|body| Base::Text(format!("BEGIN:VCALENDAR\r\n{body}"))),
        1 => prop::collection::vec(any::<u8>(), 0..400).prop_map(Base::Bytes),
    ]
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn year_2026() -> (NaiveDate, NaiveDate) {
    (d(2026, 1, 1), d(2026, 12, 31))
}

fn extreme_date() -> impl Strategy<Value = NaiveDate> {
    prop::sample::select(vec![
        NaiveDate::MIN,
        NaiveDate::MAX,
        d(1, 1, 1),
        d(1601, 1, 1),
        d(1677, 9, 21),
        d(1900, 1, 1),
        d(1970, 1, 1),
        d(2026, 3, 29),
        d(2026, 10, 25),
        d(2262, 4, 11),
        d(9999, 12, 31),
    ])
}

/// The UK dates asked for: mostly 2026, often a random span, sometimes the limits (or the
/// wrong way round).
fn window() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    prop_oneof![
        4 => Just(year_2026()),
        3 => (1990i32..2100, 1u32..=365, 0u64..800).prop_map(|(y, day, span)| {
            let from = NaiveDate::from_yo_opt(y, day).unwrap_or_default();
            (from, from.checked_add_days(Days::new(span)).unwrap_or(from))
        }),
        1 => (extreme_date(), extreme_date()),
    ]
}

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
