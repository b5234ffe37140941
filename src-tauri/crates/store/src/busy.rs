//! Busy blocks: an owner's blocks, and replacing the ones imported from a calendar.

use convene_core::*;

use crate::error::{Result, StoreError};
use crate::records::{self, Record, T};
use crate::{audit, Encoded, Store};

impl Store {
    /// An owner's busy blocks, by start time.
    pub fn busy_of(&self, owner: BusyOwner) -> Result<Vec<BusyBlock>> {
        self.load_ids(&self.ids_with_prefix(T::OwnerBusy, &records::owner_prefix(&owner))?)
    }

    /// Replace an owner's imported blocks (those with a `source`) by `blocks`, in one transaction.
    pub fn replace_imported_busy(&self, owner: BusyOwner, blocks: &[BusyBlock]) -> Result<(usize, usize)> {
        for b in blocks {
            b.validate(self)?;
            if b.owner != owner {
                return Err(StoreError::Database("a block belongs to someone else".into()));
            }
        }
        let old: Vec<BusyBlock> = self
            .busy_of(owner)?
            .into_iter()
            .filter(|b| b.source.is_some())
            .collect();
        let encoded: Vec<Encoded> = blocks
            .iter()
            .map(|b| Encoded::new(&self.codec, b))
            .collect::<Result<_>>()?;
        let summary = audit::Change {
            action: "import-calendar",
            record: "busy block",
            id: match owner {
                BusyOwner::Person(p) => p.to_string(),
                BusyOwner::Venue(v) => v.to_string(),
            },
            children: vec![],
            before: Some(serde_json::json!({ "imported_blocks": old.len() })),
            after: Some(serde_json::json!({ "imported_blocks": blocks.len() })),
        };
        self.transact(&[summary], |tx| {
            for b in &old {
                tx[T::BusyBlocks as usize].remove(&b.key()[..])?;
                for (t, k) in b.index_keys() {
                    tx[t as usize].remove(k)?;
                }
            }
            for e in &encoded {
                e.insert(tx)?;
            }
            Ok(())
        })?;
        Ok((old.len(), blocks.len()))
    }
}
