//! Mutations of the parsed tree: replace, delete, duplicate, nest, swap types, tweak numbers and
//! dates.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::corpus::Corpus;
use super::generate::{nasty, Nasty};
use crate::pick;

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
