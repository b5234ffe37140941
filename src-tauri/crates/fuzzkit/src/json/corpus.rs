//! The corpus and its dictionary: the files, the keys, strings and numbers found in them, and the
//! hostile values and raw tokens added to them.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{json, Value};

use super::generate::Nasty;
use crate::{load_files, pick};

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
