//! The audit trail: every change (who, when, what, before and after) appended, in the same
//! transaction as the change, to a hash chain: each entry's hash covers its content and the
//! previous entry's hash, so altering, removing or reordering an entry breaks the chain from
//! there on.

use convene_core::{ChildId, PersonId};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};

/// Who is making changes: the operating-system user and, if set, the practitioner profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Actor {
    pub os_user: String,
    pub practitioner: Option<PersonId>,
}

impl Actor {
    /// The OS user from the environment ("unknown" if none is set).
    pub fn from_environment() -> Actor {
        let os_user = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .unwrap_or_else(|| "unknown".to_string());
        Actor {
            os_user,
            practitioner: None,
        }
    }
}

/// One change, before it is chained.
#[derive(Debug, Clone)]
pub struct Change {
    pub action: &'static str,
    pub record: &'static str,
    pub id: String,
    pub children: Vec<ChildId>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// A chained entry as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: String,
    pub os_user: String,
    pub practitioner: Option<PersonId>,
    pub action: String,
    pub record: String,
    pub id: String,
    pub children: Vec<ChildId>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub prev: String,
    pub hash: String,
}

/// The chain's head: the number and hash of the last entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Head {
    pub seq: u64,
    pub hash: String,
}

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an entry: SHA-256 over its JSON with `hash` empty, hex: its fields in their
/// order, and the keys of every object in `before` and `after` sorted, whatever order they were
/// read in (so an entry read back from a file, or a `serde_json` built to keep insertion order,
/// hashes as it did when it was chained).
pub fn hash_of(entry: &AuditEntry) -> Result<String> {
    let mut e = entry.clone();
    e.hash = String::new();
    for v in [&mut e.before, &mut e.after].into_iter().flatten() {
        sort_keys(v);
    }
    let bytes = serde_json::to_vec(&e).map_err(|x| StoreError::Database(x.to_string()))?;
    Ok(Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect())
}

/// Chain `changes` after `head`, returning the entries and the new head.
pub fn chain(head: &Head, actor: &Actor, at: &str, changes: &[Change]) -> Result<(Vec<AuditEntry>, Head)> {
    let mut prev = if head.hash.is_empty() {
        GENESIS.to_string()
    } else {
        head.hash.clone()
    };
    let mut seq = head.seq;
    let mut out = Vec::with_capacity(changes.len());
    for c in changes {
        seq += 1;
        let mut e = AuditEntry {
            seq,
            at: at.to_string(),
            os_user: actor.os_user.clone(),
            practitioner: actor.practitioner,
            action: c.action.to_string(),
            record: c.record.to_string(),
            id: c.id.clone(),
            children: c.children.clone(),
            before: c.before.clone(),
            after: c.after.clone(),
            prev: prev.clone(),
            hash: String::new(),
        };
        e.hash = hash_of(&e)?;
        prev = e.hash.clone();
        out.push(e);
    }
    Ok((out, Head { seq, hash: prev }))
}

/// The first entry that breaks the chain, if any, with what is wrong.
pub fn first_break(entries: &[AuditEntry]) -> Result<Option<(u64, String)>> {
    let mut prev = GENESIS.to_string();
    for (k, e) in entries.iter().enumerate() {
        let expected_seq = k as u64 + 1;
        if e.seq != expected_seq {
            return Ok(Some((
                expected_seq,
                format!("entry {expected_seq} is missing or out of order (found {})", e.seq),
            )));
        }
        if e.prev != prev {
            return Ok(Some((
                e.seq,
                format!("entry {} does not follow entry {}", e.seq, e.seq - 1),
            )));
        }
        if hash_of(e)? != e.hash {
            return Ok(Some((e.seq, format!("entry {} has been altered", e.seq))));
        }
        prev = e.hash.clone();
    }
    Ok(None)
}

/// Every object in `v`, at any depth, with its keys in sorted order.
fn sort_keys(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<(String, serde_json::Value)> = std::mem::take(map).into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            for (k, mut value) in entries {
                sort_keys(&mut value);
                map.insert(k, value);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(after: serde_json::Value) -> AuditEntry {
        AuditEntry {
            seq: 1,
            at: "2026-12-01T09:00:00.000Z".into(),
            os_user: "practitioner".into(),
            practitioner: None,
            action: "save".into(),
            record: "meeting".into(),
            id: "m1".into(),
            children: vec![],
            before: None,
            after: Some(after),
            prev: GENESIS.into(),
            hash: String::new(),
        }
    }

    #[test]
    fn an_entrys_hash_is_pinned_and_does_not_depend_on_key_order() {
        let sorted: serde_json::Value =
            serde_json::from_str(r#"{"a": 1, "b": {"c": [{"d": true, "e": "x"}], "f": null}}"#).unwrap();
        let shuffled: serde_json::Value =
            serde_json::from_str(r#"{"b": {"f": null, "c": [{"e": "x", "d": true}]}, "a": 1}"#).unwrap();
        let h = hash_of(&entry(sorted)).unwrap();
        assert_eq!(hash_of(&entry(shuffled)).unwrap(), h);
        // Every stored chain was hashed this way: a change here breaks them all.
        assert_eq!(h, "1218a610900572c96943d3f0b17908faef83270e545f6927c26fc3d02cf2d764");
    }
}
