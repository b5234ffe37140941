//! The mutation engine for JSON importers: a corpus with a dictionary of its keys, strings and
//! numbers; generated values; mutations of the parsed tree (replace, delete, duplicate, nest,
//! swap types, tweak numbers and dates) and of the bytes (splice tokens, cut, flip, duplicate
//! keys); and [`render_json`], which turns a recipe into the bytes an importer is given.

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::{load_files, pick, pos};

pub struct Corpus {
    pub files: Vec<(String, Vec<u8>)>,
    pub keys: Vec<String>,
    pub strings: Vec<String>,
    pub numbers: Vec<Value>,
    pub fixed: Vec<Value>,
    pub tokens: Vec<Vec<u8>>,
}

impl Corpus {
    pub fn load(dir: &Path) -> Corpus {
        let files = load_files(dir);
        let (mut keys, mut strings, mut numbers) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for (_, bytes) in &files {
            if let Ok(v) = serde_json::from_slice::<Value>(bytes) {
                harvest(&v, &mut keys, &mut strings, &mut numbers);
            }
        }
        Corpus {
            files,
            keys: keys.into_iter().collect(),
            strings: strings.into_iter().take(5000).collect(),
            numbers: numbers
                .into_iter()
                .filter_map(|n| serde_json::from_str(&n).ok())
                .collect(),
            fixed: fixed_values(),
            tokens: tokens(),
        }
    }

    pub fn key(&self, i: usize) -> String {
        pick(&self.keys, i).cloned().unwrap_or_else(|| "x".to_owned())
    }

    pub fn nasty(&self, n: &Nasty) -> Value {
        match n {
            Nasty::Fixed(i) => pick(&self.fixed, *i).cloned().unwrap_or(Value::Null),
            Nasty::DictString(i) => pick(&self.strings, *i).map(|s| json!(s)).unwrap_or(Value::Null),
            Nasty::DictNumber(i) => pick(&self.numbers, *i).cloned().unwrap_or(Value::Null),
            Nasty::DictKey(i) => json!(self.key(*i)),
            Nasty::Int(i) => json!(i),
            Nasty::Text(s) => json!(s),
        }
    }
}

pub fn harvest(v: &Value, keys: &mut BTreeSet<String>, strings: &mut BTreeSet<String>, numbers: &mut BTreeSet<String>) {
    match v {
        Value::String(s) if s.len() <= 200 => {
            strings.insert(s.clone());
        }
        Value::Number(n) => {
            numbers.insert(n.to_string());
        }
        Value::Array(items) => items.iter().for_each(|x| harvest(x, keys, strings, numbers)),
        Value::Object(map) => {
            for (k, x) in map {
                keys.insert(k.clone());
                harvest(x, keys, strings, numbers);
            }
        }
        _ => {}
    }
}

/// Values that break assumptions: edge numbers, impossible and extreme dates, odd ids, huge
/// strings, deep nesting.
pub fn fixed_values() -> Vec<Value> {
    let mut deep_array = json!([]);
    for _ in 0..200 {
        deep_array = json!([deep_array]);
    }
    let mut deep_object = json!({});
    for _ in 0..130 {
        deep_object = json!({ "a": deep_object });
    }
    vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(1),
        json!(2),
        json!(255),
        json!(256),
        json!(65_536),
        json!(u32::MAX),
        json!(u64::from(u32::MAX) + 1),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1.5),
        json!(-0.0),
        json!(1e308),
        json!(-1e308),
        json!(""),
        json!(" "),
        json!("null"),
        json!("-1"),
        json!("0"),
        json!("2026-02-30"),
        json!("2026-02-29"),
        json!("2028-02-29"),
        json!("9999-12-31"),
        json!("0000-00-00"),
        json!("0000-01-01"),
        json!("-0001-01-01"),
        json!("+262143-12-31"),
        json!("262144-01-01"),
        json!("2026-13-01"),
        json!("2026-1-1"),
        json!("20260101"),
        json!("2026-01-01T00:00:00Z"),
        json!("2026-03-29T01:30:00+00:00"),
        json!("2026-10-25T01:30:00+01:00"),
        json!("2026-03-29T01:30"),
        json!("9999-12-31T23:59:59+14:00"),
        json!("+262143-12-31T23:59:59-23:59"),
        json!("-262144-01-01T00:00:00Z"),
        json!("24:00"),
        json!("00000000-0000-0000-0000-000000000000"),
        json!("ffffffff-ffff-ffff-ffff-ffffffffffff"),
        json!("not-a-uuid"),
        json!("england"),
        json!("wales"),
        json!("scotland"),
        json!("northern-ireland"),
        json!("england-and-wales"),
        json!("convene-export"),
        json!("convene-export-encrypted"),
        json!("\u{0}"),
        json!("\u{feff}"),
        json!("\u{202e}evil"),
        json!("🦀".repeat(1000)),
        json!("x".repeat(70_000)),
        json!([]),
        json!({}),
        json!([null]),
        json!({ "": null }),
        deep_array,
        deep_object,
    ]
}

/// Raw text dropped into a file: not necessarily JSON, not necessarily UTF-8.
pub fn tokens() -> Vec<Vec<u8>> {
    let fixed: &[&[u8]] = &[
        b"null",
        b"-1",
        b"0",
        b"-0",
        b"1e999",
        b"-1e999",
        b"18446744073709551616",
        b"-9223372036854775809",
        b"4294967296",
        b"1.0",
        b"NaN",
        b"Infinity",
        b"true",
        b"\"\"",
        b"\"",
        b"\\",
        b"\\u0000",
        b"\\ud800",
        b"\"\\ud800\"",
        b"\"\\udc00\\ud800\"",
        b"\0",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xc3",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b",",
        b":",
        b"{",
        b"}",
        b"[",
        b"]",
        b"{}",
        b"[]",
        b",,",
        b"\"2026-02-30\"",
        b"\"9999-12-31\"",
        b"\"0000-00-00\"",
        b"\"+262143-12-31\"",
        b"\"version\": 2, ",
        b"\"version\": 0, ",
        b"\"version\": -1, ",
        b"\"version\": 1, ",
        b"\"version\": \"1\", ",
        b"\"schema_version\": 99, ",
        b"\"format\": \"convene-export\", ",
        b"\"format\": \"convene-export-encrypted\", ",
        b"\"format\": null, ",
        b"\"england-and-wales\": {\"events\": []}, ",
        b" ",
        b"\n",
        b"\r\n",
        b"\t",
        b"/*",
        b"//",
    ];
    let mut out: Vec<Vec<u8>> = fixed.iter().map(|t| t.to_vec()).collect();
    out.push("[".repeat(5000).into_bytes());
    out.push("{\"a\":".repeat(300).into_bytes());
    out.push(format!("\"{}\"", "x".repeat(70_000)).into_bytes());
    out.push("9".repeat(400).into_bytes());
    out.push("[1,".repeat(2000).into_bytes());
    out
}

// ---------------------------------------------------------------------------------------------
// Mutations.

#[derive(Debug, Clone)]
pub enum Nasty {
    Fixed(usize),
    DictString(usize),
    DictNumber(usize),
    DictKey(usize),
    Int(i64),
    Text(String),
}

pub fn nasty() -> impl Strategy<Value = Nasty> {
    prop_oneof![
        4 => any::<usize>().prop_map(Nasty::Fixed),
        3 => any::<usize>().prop_map(Nasty::DictString),
        1 => any::<usize>().prop_map(Nasty::DictNumber),
        1 => any::<usize>().prop_map(Nasty::DictKey),
        1 => any::<i64>().prop_map(Nasty::Int),
        1 => "\\PC{0,16}".prop_map(Nasty::Text),
    ]
}

/// A JSON document built from the dictionary, for inputs that start from nothing.
#[derive(Debug, Clone)]
pub enum Gen {
    Leaf(Nasty),
    Arr(Vec<Gen>),
    Obj(Vec<(usize, Gen)>),
}

impl Gen {
    pub fn value(&self, c: &Corpus) -> Value {
        match self {
            Gen::Leaf(n) => c.nasty(n),
            Gen::Arr(items) => Value::Array(items.iter().map(|g| g.value(c)).collect()),
            Gen::Obj(fields) => Value::Object(fields.iter().map(|(k, g)| (c.key(*k), g.value(c))).collect()),
        }
    }
}

pub fn gen() -> impl Strategy<Value = Gen> {
    nasty().prop_map(Gen::Leaf).prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Gen::Arr),
            prop::collection::vec((any::<usize>(), inner), 0..8).prop_map(Gen::Obj),
        ]
    })
}

#[derive(Debug, Clone)]
pub enum Base {
    Corpus(usize),
    Generated(Gen),
    Bytes(Vec<u8>),
}

pub fn base() -> impl Strategy<Value = Base> {
    prop_oneof![
        12 => any::<usize>().prop_map(Base::Corpus),
        1 => gen().prop_map(Base::Generated),
        1 => prop::collection::vec(any::<u8>(), 0..300).prop_map(Base::Bytes),
    ]
}

/// Structure-aware damage to the parsed JSON tree. Nodes are numbered in pre-order (the root
/// is 0); every index is taken modulo what is there.
#[derive(Debug, Clone)]
pub enum JsonMut {
    Remove(usize),
    Replace(usize, Nasty),
    Swap(usize, usize),
    Copy(usize, usize),
    DuplicateElement(usize),
    RenameKey(usize, usize),
    Insert(usize, usize, Nasty),
    /// Set the value of the n-th occurrence of a dictionary key.
    SetKey(usize, usize, Nasty),
    Retype(usize),
    Wrap(usize, u8),
    Rotate(usize, usize),
    /// Small same-type changes to the n-th occurrence of a dictionary key: a digit, a cut, a
    /// number off by one, a flipped bool, an array element dropped or repeated.
    Tweak(usize, usize, usize),
    /// Swap the values of two occurrences of the same key (ids, dates, kinds).
    SwapSameKey(usize, usize, usize),
    /// Copy one occurrence's value over another's: duplicate ids, dangling references.
    CopySameKey(usize, usize, usize),
}

pub fn json_mut() -> impl Strategy<Value = JsonMut> {
    let n = any::<usize>;
    prop_oneof![
        2 => n().prop_map(JsonMut::Remove),
        2 => (n(), nasty()).prop_map(|(a, v)| JsonMut::Replace(a, v)),
        1 => (n(), n()).prop_map(|(a, b)| JsonMut::Swap(a, b)),
        1 => (n(), n()).prop_map(|(a, b)| JsonMut::Copy(a, b)),
        1 => n().prop_map(JsonMut::DuplicateElement),
        1 => (n(), n()).prop_map(|(a, k)| JsonMut::RenameKey(a, k)),
        1 => (n(), n(), nasty()).prop_map(|(a, k, v)| JsonMut::Insert(a, k, v)),
        4 => (n(), n(), nasty()).prop_map(|(k, i, v)| JsonMut::SetKey(k, i, v)),
        1 => n().prop_map(JsonMut::Retype),
        1 => (n(), 1u8..40).prop_map(|(a, d)| JsonMut::Wrap(a, d)),
        1 => (n(), n()).prop_map(|(a, by)| JsonMut::Rotate(a, by)),
        6 => (n(), n(), n()).prop_map(|(k, i, t)| JsonMut::Tweak(k, i, t)),
        2 => (n(), n(), n()).prop_map(|(k, i, j)| JsonMut::SwapSameKey(k, i, j)),
        2 => (n(), n(), n()).prop_map(|(k, i, j)| JsonMut::CopySameKey(k, i, j)),
    ]
}

#[derive(Debug, Clone)]
pub enum Seg {
    Key(String),
    Idx(usize),
}

pub fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The path to node `n` (pre-order, modulo the number of nodes).
pub fn path_of(v: &Value, n: usize) -> Vec<Seg> {
    fn walk(v: &Value, n: &mut usize, path: &mut Vec<Seg>) -> bool {
        if *n == 0 {
            return true;
        }
        *n -= 1;
        match v {
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    path.push(Seg::Idx(i));
                    if walk(x, n, path) {
                        return true;
                    }
                    path.pop();
                }
            }
            Value::Object(map) => {
                for (k, x) in map {
                    path.push(Seg::Key(k.clone()));
                    if walk(x, n, path) {
                        return true;
                    }
                    path.pop();
                }
            }
            _ => {}
        }
        false
    }
    let mut n = n % count_nodes(v);
    let mut path = Vec::new();
    walk(v, &mut n, &mut path);
    path
}

pub fn paths_with_key(v: &Value, key: &str) -> Vec<Vec<Seg>> {
    fn walk(v: &Value, key: &str, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        match v {
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    path.push(Seg::Idx(i));
                    walk(x, key, path, out);
                    path.pop();
                }
            }
            Value::Object(map) => {
                for (k, x) in map {
                    path.push(Seg::Key(k.clone()));
                    if k == key {
                        out.push(path.clone());
                    }
                    walk(x, key, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, key, &mut Vec::new(), &mut out);
    out
}

pub fn at<'a>(v: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get(k.as_str()),
        Seg::Idx(i) => v.get(*i),
    })
}

pub fn at_mut<'a>(v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Idx(i) => v.get_mut(*i),
    })
}

pub fn set(v: &mut Value, path: &[Seg], to: Value) {
    if let Some(x) = at_mut(v, path) {
        *x = to;
    }
}

pub fn tweak(x: &mut Value, t: usize) {
    match x {
        Value::String(s) => match t % 4 {
            0 => {
                let digits: Vec<usize> = s
                    .char_indices()
                    .filter(|(_, ch)| ch.is_ascii_digit())
                    .map(|(i, _)| i)
                    .collect();
                if let Some(&i) = pick(&digits, t / 4) {
                    let d = (s.as_bytes()[i] - b'0' + 1 + (t / 64 % 9) as u8) % 10;
                    s.replace_range(i..=i, &d.to_string());
                }
            }
            1 => {
                let mut cut = t / 4 % (s.len() + 1);
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.truncate(cut);
            }
            2 => s.push(' '),
            _ => *s = s.to_uppercase(),
        },
        Value::Number(num) => {
            let i = num.as_i64().unwrap_or(i64::MAX);
            *x = match t % 6 {
                0 => json!(i.wrapping_add(1)),
                1 => json!(i.wrapping_sub(1)),
                2 => json!(i.wrapping_neg()),
                3 => json!(i.saturating_mul(1000)),
                4 => json!(0),
                _ => json!(i as f64 + 0.5),
            };
        }
        Value::Bool(b) => *b = !*b,
        Value::Array(items) if !items.is_empty() => {
            let i = t / 2 % items.len();
            if t.is_multiple_of(2) {
                items.remove(i);
            } else {
                let copy = items[i].clone();
                items.push(copy);
            }
        }
        _ => {}
    }
}

pub fn apply_json(v: &mut Value, m: &JsonMut, c: &Corpus) {
    match m {
        JsonMut::Remove(n) => {
            let path = path_of(v, *n);
            if let Some((last, parent)) = path.split_last() {
                match (at_mut(v, parent), last) {
                    (Some(Value::Object(map)), Seg::Key(k)) => {
                        map.remove(k);
                    }
                    (Some(Value::Array(items)), Seg::Idx(i)) if *i < items.len() => {
                        items.remove(*i);
                    }
                    _ => {}
                }
            }
        }
        JsonMut::Replace(n, with) => {
            let path = path_of(v, *n);
            set(v, &path, c.nasty(with));
        }
        JsonMut::Swap(a, b) => {
            let (pa, pb) = (path_of(v, *a), path_of(v, *b));
            let (va, vb) = (at(v, &pa).cloned(), at(v, &pb).cloned());
            if let (Some(va), Some(vb)) = (va, vb) {
                set(v, &pa, vb);
                set(v, &pb, va);
            }
        }
        JsonMut::Copy(from, to) => {
            let (pf, pt) = (path_of(v, *from), path_of(v, *to));
            if let Some(x) = at(v, &pf).cloned() {
                set(v, &pt, x);
            }
        }
        JsonMut::DuplicateElement(n) => {
            let path = path_of(v, *n);
            let target = match at_mut(v, &path) {
                Some(Value::Array(items)) if !items.is_empty() => Some(items),
                _ => None,
            };
            if let Some(items) = target {
                let i = *n % items.len();
                let copy = items[i].clone();
                items.insert(i, copy);
            }
        }
        JsonMut::RenameKey(n, k) => {
            let path = path_of(v, *n);
            if let Some((Seg::Key(old), parent)) = path.split_last() {
                if let Some(Value::Object(map)) = at_mut(v, parent) {
                    if let Some(x) = map.remove(old) {
                        map.insert(c.key(*k), x);
                    }
                }
            }
        }
        JsonMut::Insert(n, k, with) => {
            let path = path_of(v, *n);
            match at_mut(v, &path) {
                Some(Value::Object(map)) => {
                    map.insert(c.key(*k), c.nasty(with));
                }
                Some(Value::Array(items)) => {
                    let i = *k % (items.len() + 1);
                    items.insert(i, c.nasty(with));
                }
                _ => {}
            }
        }
        JsonMut::SetKey(k, i, with) => {
            let paths = paths_with_key(v, &c.key(*k));
            if let Some(path) = pick(&paths, *i) {
                set(v, path, c.nasty(with));
            }
        }
        JsonMut::Tweak(k, i, t) => {
            let paths = paths_with_key(v, &c.key(*k));
            if let Some(x) = pick(&paths, *i).and_then(|p| at_mut(v, p)) {
                tweak(x, *t);
            }
        }
        JsonMut::SwapSameKey(k, i, j) | JsonMut::CopySameKey(k, i, j) => {
            let paths = paths_with_key(v, &c.key(*k));
            if let (Some(pa), Some(pb)) = (pick(&paths, *i), pick(&paths, *j)) {
                let (va, vb) = (at(v, pa).cloned(), at(v, pb).cloned());
                if let (Some(va), Some(vb)) = (va, vb) {
                    if matches!(m, JsonMut::SwapSameKey(..)) {
                        set(v, pa, vb);
                    }
                    set(v, pb, va);
                }
            }
        }
        JsonMut::Retype(n) => {
            let path = path_of(v, *n);
            if let Some(x) = at_mut(v, &path) {
                *x = match x.take() {
                    Value::Null => json!(0),
                    Value::Bool(b) => json!(b.to_string()),
                    Value::Number(num) => json!(num.to_string()),
                    Value::String(s) => serde_json::from_str::<serde_json::Number>(&s)
                        .map(Value::Number)
                        .unwrap_or_else(|_| json!([s])),
                    Value::Array(items) => {
                        Value::Object(items.into_iter().enumerate().map(|(i, x)| (i.to_string(), x)).collect())
                    }
                    Value::Object(map) => Value::Array(map.into_iter().map(|(_, x)| x).collect()),
                };
            }
        }
        JsonMut::Wrap(n, depth) => {
            let path = path_of(v, *n);
            if let Some(x) = at_mut(v, &path) {
                let mut inner = x.take();
                for _ in 0..*depth {
                    inner = json!([inner]);
                }
                *x = inner;
            }
        }
        JsonMut::Rotate(n, by) => {
            let path = path_of(v, *n);
            if let Some(Value::Array(items)) = at_mut(v, &path) {
                if !items.is_empty() {
                    let by = *by % items.len();
                    items.rotate_left(by);
                }
            }
        }
    }
}

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

pub fn render_json(base: &Base, json_muts: &[JsonMut], byte_muts: &[ByteMut], pretty: bool, c: &Corpus) -> Vec<u8> {
    let mut bytes = match base {
        Base::Corpus(i) => pick(&c.files, *i).map(|(_, b)| b.clone()).unwrap_or_default(),
        Base::Generated(g) => serde_json::to_vec(&g.value(c)).unwrap_or_default(),
        Base::Bytes(b) => b.clone(),
    };
    if !json_muts.is_empty() {
        if let Ok(mut v) = serde_json::from_slice::<Value>(&bytes) {
            for m in json_muts {
                apply_json(&mut v, m, c);
            }
            let written = if pretty {
                serde_json::to_vec_pretty(&v)
            } else {
                serde_json::to_vec(&v)
            };
            bytes = written.unwrap_or_default();
        }
    }
    for m in byte_muts {
        apply_bytes(&mut bytes, m, c);
    }
    bytes
}
