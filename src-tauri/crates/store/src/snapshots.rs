//! Caseload snapshots: one a day, kept as derived figures (not audited).

use chrono::NaiveDate;
use convene_core::caseload::CaseloadSnapshot;

use crate::error::{Result, StoreError};
use crate::records::T;
use crate::{codec, keys, Store};

impl Store {
    /// Keep today's caseloads, unless a snapshot for that day is already kept. Returns whether
    /// it wrote. Snapshots are derived figures, not changes to records: they are not audited.
    pub fn record_caseloads_if_due(&self, date: NaiveDate, rows: &[CaseloadSnapshot]) -> Result<bool> {
        let day = keys::day(date);
        if self.tree(T::CaseloadSnapshots).scan_prefix(day).next().is_some() || rows.is_empty() {
            return Ok(false);
        }
        let entries = rows
            .iter()
            .map(|r| snapshot_entry(&self.codec, &CaseloadSnapshot { date, ..*r }))
            .collect::<Result<Vec<_>>>()?;
        self.transact(&[], |tx| {
            for (tree, k, v) in &entries {
                tx[*tree as usize].insert(k.as_slice(), v.as_slice())?;
            }
            Ok(())
        })?;
        Ok(true)
    }

    /// Kept caseload snapshots in date order (all, or from a day on).
    pub fn caseload_history(&self, from: Option<NaiveDate>) -> Result<Vec<CaseloadSnapshot>> {
        let tree = self.tree(T::CaseloadSnapshots);
        let iter = match from {
            Some(d) => tree.range(keys::day(d).to_vec()..),
            None => tree.iter(),
        };
        iter.values()
            .map(|v| {
                self.codec.decode(&v?).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: format!("a caseload snapshot is unreadable: {e}"),
                })
            })
            .collect()
    }
}

pub(crate) fn snapshot_entry(codec: &codec::Codec, c: &CaseloadSnapshot) -> Result<(T, Vec<u8>, Vec<u8>)> {
    Ok((
        T::CaseloadSnapshots,
        keys::concat(&[&keys::day(c.date), c.person.as_bytes()]),
        codec.encode(c)?,
    ))
}
