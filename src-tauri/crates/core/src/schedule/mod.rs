//! Scheduling: who is free when (working patterns, leave, busy blocks, meetings, venue
//! bookings, bank holidays), the deadline-aware slot finder, and conflict checks. Pure: the
//! caller passes the records and the calendar.

pub mod after_birth;
pub mod availability;
pub mod cancelling;
pub mod conflicts;
pub mod editing;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod invitees;
pub mod moving;
pub mod notice;
pub mod planning;
pub mod slots;

pub use availability::{Availability, BusyReason, Interval};
pub use conflicts::{conflicts_for, detect_conflicts, scan_conflicts, Conflict, ConflictKind, ScanContext};
pub use slots::{find_slots, SlotRequest, SlotResult, SlotSuggestion};
