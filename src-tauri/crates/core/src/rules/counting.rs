//! How an offset from an anchor becomes a deadline, under the pack's counting convention.
//!
//! **Day 0** (the default, TIMESCALES.md): the anchor's date is day 0 and day 1 the first
//! working day after it, whatever day the anchor fell on; calendar offsets add days, weeks or
//! months (clamped to a shorter month's end).
//!
//! **Day 1** (some validators): the anchor's own day is day 1 of the period, so a forward period
//! ends one day sooner:
//! - working days: the n-th working day on or after the anchor, i.e. one working day earlier
//!   than day 0 from a working day; from a weekend or holiday, which cannot be a working day 1,
//!   the same as day 0 (the deadline never comes before the anchor's first working day);
//! - calendar days, weeks, months: the period's last day is the day before the day-0 date
//!   ("3 months" from Thu 15 Jan ends Tue 14 Apr), then moved back to a working day as usual.
//!
//! Backward rules ("reports at least 5 working days before the review", "pre-birth conference
//! 6 weeks before the EDD") are notice periods that end at the anchor, not periods it starts.
//! Counting the conference's own day as day 1 would only make their deadline *later* — less
//! notice — so they keep day 0 under either convention.
//!
//! Either way a deadline is never later under day 1 than under day 0, and is always a working
//! day (a calendar date that is not one moves back to the working day before it).

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Direction, Offset, OffsetUnit};
use crate::calendar::WorkingDayCalendar;
use crate::error::CalendarError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Counting {
    /// Day 0 is the anchor's date; day 1 the first working day after it.
    #[default]
    #[serde(rename = "day-0")]
    Day0,
    /// The anchor's day counts as day 1 of a forward period (one day earlier); see the module
    /// documentation for weekends, calendar offsets and backward rules.
    #[serde(rename = "day-1")]
    Day1,
}

/// The deadline for `offset` from `anchor` under `counting` (see the module documentation).
pub fn deadline(
    offset: Offset,
    direction: Direction,
    counting: Counting,
    anchor: NaiveDate,
    cal: &WorkingDayCalendar,
) -> Result<NaiveDate, CalendarError> {
    let n = offset.amount;
    let out_of_range = || {
        let (first, last) = cal.range();
        CalendarError::OutOfRange {
            date: anchor,
            first,
            last,
        }
    };
    match (offset.unit, direction) {
        // Day 1, and "within 0 working days" either way: the n-th working day on or after the
        // anchor (n = 0: the anchor's day if it is a working day, else the next one).
        (OffsetUnit::WorkingDays, Direction::After) if counting == Counting::Day1 || n == 0 => {
            cal.nth_working_day_from(anchor, n)
        }
        (OffsetUnit::WorkingDays, Direction::After) => cal.add_working_days(anchor, n),
        (OffsetUnit::WorkingDays, Direction::Before) if n == 0 => cal.on_or_before(anchor),
        (OffsetUnit::WorkingDays, Direction::Before) => cal.sub_working_days(anchor, n),
        (unit, dir) => {
            let shifted = match (unit, dir) {
                (OffsetUnit::Months, Direction::After) => anchor.checked_add_months(Months::new(n)),
                (OffsetUnit::Months, Direction::Before) => anchor.checked_sub_months(Months::new(n)),
                // `try_`: a huge offset in a local rule is an out-of-range error, not a panic.
                (OffsetUnit::Weeks, Direction::After) => {
                    Duration::try_weeks(n.into()).and_then(|w| anchor.checked_add_signed(w))
                }
                (OffsetUnit::Weeks, Direction::Before) => {
                    Duration::try_weeks(n.into()).and_then(|w| anchor.checked_sub_signed(w))
                }
                (_, Direction::After) => Duration::try_days(n.into()).and_then(|d| anchor.checked_add_signed(d)),
                (_, Direction::Before) => Duration::try_days(n.into()).and_then(|d| anchor.checked_sub_signed(d)),
            }
            .ok_or_else(out_of_range)?;
            let last_day = match (counting, dir) {
                (Counting::Day1, Direction::After) if n > 0 => shifted.pred_opt().ok_or_else(out_of_range)?,
                _ => shifted,
            };
            let deadline = cal.on_or_before(last_day)?;
            // Moving back to a working day never takes a forward deadline before its anchor
            // (a placement starting on Christmas Eve in a shutdown): it is then the first working
            // day on or after the anchor.
            match dir {
                Direction::After if deadline < anchor => cal.on_or_after(anchor),
                _ => Ok(deadline),
            }
        }
    }
}
