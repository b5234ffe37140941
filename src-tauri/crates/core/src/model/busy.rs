//! Busy time: when a person or venue is not available.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::*;

/// Whose time a busy block takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "id", rename_all = "kebab-case")]
pub enum BusyOwner {
    Person(PersonId),
    Venue(VenueId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BusyKind {
    /// Annual leave, sickness, training: away all day or for the block.
    Leave,
    /// Busy: another commitment entered in Convene.
    Busy,
    /// Imported from a calendar file (.ics).
    Imported,
    /// A venue booked by someone else.
    Booking,
}

/// Time when a person or venue is not available.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BusyBlock {
    pub id: BusyId,
    pub owner: BusyOwner,
    #[ts(type = "string")]
    #[serde(with = "crate::time::rfc3339_offset")]
    pub start: DateTime<FixedOffset>,
    #[ts(type = "string")]
    #[serde(with = "crate::time::rfc3339_offset")]
    pub end: DateTime<FixedOffset>,
    pub kind: BusyKind,
    /// Shown to the user ("Annual leave", "Court"); imported blocks carry the event's summary.
    pub note: String,
    /// Where an imported block came from (the calendar event's UID), to replace on re-import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
