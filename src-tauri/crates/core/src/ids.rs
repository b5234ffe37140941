//! Typed record ids. Every record is keyed by a UUID; the newtypes stop a child id being
//! passed where a meeting id is expected.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random (v4) id.
            pub fn new_random() -> Self {
                Self(Uuid::new_v4())
            }
            /// The 16 raw bytes, big-endian as UUIDs are laid out: the store's key.
            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::error::ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self).map_err(|_| {
                    crate::error::ValidationError::BadId { text: s.to_string() }
                })
            }
        }
    )*};
}

id_type!(
    /// A child (or an unborn baby) known to children's social care.
    ChildId,
    /// A practitioner, family member or any other person who attends meetings.
    PersonId,
    /// An agency: children's social care, police, a health trust, a school, ...
    AgencyId,
    /// A team within an agency.
    TeamId,
    /// A place where meetings are held.
    VenueId,
    /// A meeting.
    MeetingId,
    /// An event recorded against a child.
    EventId,
    /// An episode of involvement (child in need, child protection plan, looked after).
    EpisodeId,
    /// A block of time when a person or venue is not available (leave, busy, imported).
    BusyId,
);

/// A hasher for maps keyed by our ids: UUID v4 bits are already random, so the first eight
/// bytes make a good hash, far cheaper than SipHash on hot paths (conflict scans).
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = self.0.rotate_left(5) ^ u64::from_le_bytes(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = self.0.rotate_left(5) ^ n;
    }
}

/// `HashMap` keyed by ids, with `IdHasher`.
pub type IdMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;
