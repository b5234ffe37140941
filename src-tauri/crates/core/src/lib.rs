//! Convene's pure domain core.
//!
//! Architecture invariant: this crate does no IO, reads no clock and knows nothing of sled or
//! Tauri. "Today" is always a parameter. Everything here is deterministic and unit-testable.

pub mod agenda;
pub mod calendar;
pub mod caseload;
pub mod dataset;
pub mod demo;
pub mod diary;
pub mod error;
pub mod holidays;
pub mod ids;
pub mod kpi;
pub mod model;
pub mod outcome;
pub mod queries;
pub mod rules;
pub mod schedule;
pub mod settings;
pub mod time;
pub mod timescales;
pub mod validate;
pub mod views;
pub mod whatif;

pub use calendar::WorkingDayCalendar;
pub use error::*;
pub use ids::*;
pub use model::*;
