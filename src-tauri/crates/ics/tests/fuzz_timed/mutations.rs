//! Mutations: what an input starts from (a corpus file, random text or bytes), what is done to
//! its lines, properties and bytes, and the dates asked for.

use chrono::{Days, NaiveDate};
use convene_fuzzkit::{pick, pos};
use proptest::prelude::*;

use crate::corpus::{join_lines, Corpus, NAMES, NASTY_LINES, PARAMS, TOKENS};

#[derive(Debug, Clone)]
pub(crate) enum LineMut {
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

pub(crate) fn line_mut() -> impl Strategy<Value = LineMut> {
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

pub(crate) fn apply_line(lines: &mut Vec<Vec<u8>>, m: &LineMut, c: &Corpus) {
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
pub(crate) enum ByteMut {
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

pub(crate) fn byte_mut() -> impl Strategy<Value = ByteMut> {
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

pub(crate) fn apply_bytes(b: &mut Vec<u8>, m: &ByteMut) {
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
pub(crate) enum Base {
    Corpus(usize),
    /// Random text after the opening line.
    Text(String),
    Bytes(Vec<u8>),
}

pub(crate) fn base() -> impl Strategy<Value = Base> {
    prop_oneof![
        14 => any::<usize>().prop_map(Base::Corpus),
        1 => "\\PC{0,400}".prop_map(|body| Base::Text(format!("BEGIN:VCALENDAR\r\n{body}"))),
        1 => prop::collection::vec(any::<u8>(), 0..400).prop_map(Base::Bytes),
    ]
}

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

pub(crate) fn year_2026() -> (NaiveDate, NaiveDate) {
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
pub(crate) fn window() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    prop_oneof![
        4 => Just(year_2026()),
        3 => (1990i32..2100, 1u32..=365, 0u64..800).prop_map(|(y, day, span)| {
            let from = NaiveDate::from_yo_opt(y, day).unwrap_or_default();
            (from, from.checked_add_days(Days::new(span)).unwrap_or(from))
        }),
        1 => (extreme_date(), extreme_date()),
    ]
}
