#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The `convene` CLI on the built binary: the shapes the issues fix, and clear errors.

#[path = "../util/mod.rs"]
mod util;

mod children;
mod demo;
mod directory;
mod events;
mod far_dates;
mod helpers;
mod ics;
mod meetings;
mod reports;
mod store;
mod timescales;
