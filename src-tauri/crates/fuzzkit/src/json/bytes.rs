//! Mutations of the bytes: splice tokens, cut, flip, duplicate keys.

use proptest::prelude::*;

use super::corpus::Corpus;
use super::generate::{nasty, Nasty};
use crate::{pick, pos};

/// Damage to the text as bytes. Positions are taken modulo the length (plus one).
#[derive(Debug, Clone)]
pub enum ByteMut {
    Flip(usize, u8),
    Set(usize, u8),
    Truncate(usize),
    Delete(usize, usize),
    Duplicate(usize, usize, usize),
    InsertToken(usize, usize),
    InsertBytes(usize, Vec<u8>),
    Prefix(usize),
    /// This text up to a point, then another corpus file from a point.
    Splice(usize, usize, usize),
    /// Repeat the n-th object key in its object with another value.
    DuplicateKey(usize, Nasty),
    /// Replace the n-th ASCII digit: impossible dates, other numbers.
    Digit(usize, u8),
    /// Replace the n-th `"key": value` scalar value with another value.
    ReplaceScalar(usize, Nasty),
}

pub fn byte_mut() -> impl Strategy<Value = ByteMut> {
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
        1 => (n(), n(), n()).prop_map(|(o, a, b)| ByteMut::Splice(o, a, b)),
        2 => (n(), nasty()).prop_map(|(i, v)| ByteMut::DuplicateKey(i, v)),
        2 => (n(), 0u8..10).prop_map(|(i, d)| ByteMut::Digit(i, d)),
        2 => (n(), nasty()).prop_map(|(i, v)| ByteMut::ReplaceScalar(i, v)),
    ]
}
/// Where object keys end (their closing quote): a quote followed, after spaces, by a colon.
pub fn key_ends(b: &[u8]) -> Vec<usize> {
    (0..b.len())
        .filter(|&i| {
            b[i] == b'"'
                && b[i + 1..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace())
                    .is_some_and(|&c| c == b':')
        })
        .collect()
}

/// The opening quote of the string whose closing quote is at `end`.
pub fn string_start(b: &[u8], end: usize) -> Option<usize> {
    (0..end).rev().find(|&i| b[i] == b'"' && (i == 0 || b[i - 1] != b'\\'))
}

/// The scalar value after the key ending at `end`: (start, end) exclusive.
pub fn value_span(b: &[u8], end: usize) -> Option<(usize, usize)> {
    let colon = end + 1 + b[end + 1..].iter().position(|&c| c == b':')?;
    let start = colon + 1 + b[colon + 1..].iter().position(|c| !c.is_ascii_whitespace())?;
    match b[start] {
        b'{' | b'[' => None,
        b'"' => {
            let mut i = start + 1;
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 2,
                    b'"' => return Some((start, i + 1)),
                    _ => i += 1,
                }
            }
            None
        }
        _ => {
            let stop = b[start..]
                .iter()
                .position(|c| b",}]\r\n".contains(c))
                .map_or(b.len(), |p| start + p);
            Some((start, stop))
        }
    }
}

pub fn apply_bytes(b: &mut Vec<u8>, m: &ByteMut, c: &Corpus) {
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
            let token = pick(&c.tokens, *token).cloned().unwrap_or_default();
            b.splice(t..t, token);
        }
        ByteMut::InsertBytes(at, bytes) => {
            let t = pos(b.len(), *at);
            b.splice(t..t, bytes.iter().copied());
        }
        ByteMut::Prefix(token) => {
            let token = pick(&c.tokens, *token).cloned().unwrap_or_default();
            b.splice(0..0, token);
        }
        ByteMut::Splice(other, at, other_at) => {
            if let Some((_, o)) = pick(&c.files, *other) {
                let p = pos(b.len(), *at);
                let q = pos(o.len(), *other_at);
                b.truncate(p);
                b.extend_from_slice(&o[q..]);
            }
        }
        ByteMut::DuplicateKey(i, with) => {
            let ends = key_ends(b);
            if let Some(&end) = pick(&ends, *i) {
                if let Some(start) = string_start(b, end) {
                    let mut insert = b[start..=end].to_vec();
                    insert.extend_from_slice(b": ");
                    insert.extend(serde_json::to_vec(&c.nasty(with)).unwrap_or_default());
                    insert.extend_from_slice(b", ");
                    b.splice(start..start, insert);
                }
            }
        }
        ByteMut::Digit(i, digit) => {
            let digits: Vec<usize> = (0..b.len()).filter(|&j| b[j].is_ascii_digit()).collect();
            if let Some(&j) = pick(&digits, *i) {
                b[j] = b'0' + digit;
            }
        }
        ByteMut::ReplaceScalar(i, with) => {
            let ends = key_ends(b);
            if let Some((s, e)) = pick(&ends, *i).and_then(|&end| value_span(b, end)) {
                b.splice(s..e, serde_json::to_vec(&c.nasty(with)).unwrap_or_default());
            }
        }
    }
}
