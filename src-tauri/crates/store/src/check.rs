//! The integrity check: every index entry against the records that own it.

use convene_core::*;

use crate::error::Result;
use crate::records::{self, Record, TREE_NAMES};
use crate::Store;

/// What an integrity check found.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckReport {
    pub records: usize,
    pub index_entries: usize,
    pub problems: Vec<String>,
}

impl Store {
    /// Every index entry points at a record that owns it, and every record's entries exist.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let mut expected: std::collections::HashSet<(usize, Vec<u8>)> = Default::default();
        fn collect<R: Record>(
            s: &Store,
            r: &mut CheckReport,
            exp: &mut std::collections::HashSet<(usize, Vec<u8>)>,
        ) -> Result<()> {
            for kv in s.tree(R::TREE).iter() {
                let (k, v) = kv?;
                r.records += 1;
                match s.codec.decode::<R>(&v) {
                    Ok(rec) => {
                        if rec.key()[..] != k[..] {
                            r.problems.push(format!("a {} is stored under the wrong key", R::WHAT));
                        }
                        for (t, key) in rec.index_keys() {
                            exp.insert((t as usize, key));
                        }
                    }
                    Err(e) => r.problems.push(format!("a {} cannot be read: {e}", R::WHAT)),
                }
            }
            Ok(())
        }
        collect::<Agency>(self, &mut report, &mut expected)?;
        collect::<Team>(self, &mut report, &mut expected)?;
        collect::<Person>(self, &mut report, &mut expected)?;
        collect::<Venue>(self, &mut report, &mut expected)?;
        collect::<Child>(self, &mut report, &mut expected)?;
        collect::<Episode>(self, &mut report, &mut expected)?;
        collect::<Meeting>(self, &mut report, &mut expected)?;
        collect::<Event>(self, &mut report, &mut expected)?;
        collect::<BusyBlock>(self, &mut report, &mut expected)?;
        for t in records::INDEX_TREES {
            for k in self.tree(t).iter().keys() {
                let k = k?.to_vec();
                report.index_entries += 1;
                if !expected.remove(&(t as usize, k)) {
                    report.problems.push(format!(
                        "index {} has an entry for a record that does not own it",
                        TREE_NAMES[t as usize]
                    ));
                }
            }
        }
        for (t, _) in expected {
            report
                .problems
                .push(format!("index {} is missing an entry", TREE_NAMES[t]));
        }
        Ok(report)
    }
}
