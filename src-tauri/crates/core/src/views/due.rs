//! A due item in words: its one-sentence summary, and how its deadline stands ("3 working days
//! overdue", "in 5 working days", or for a meeting whose day has passed unrecorded how late it
//! was).

use chrono::NaiveDate;

use super::uk_date;
use crate::timescales::{DueItem, DueStatus};

/// The one-sentence summary of a due item.
pub fn due_summary(item: &DueItem, rule_title: &str, as_of: NaiveDate, working_days: Option<i64>) -> String {
    let by = uk_date(item.deadline);
    match item.status {
        DueStatus::Met => format!(
            "{rule_title}: met on {} (due by {by})",
            uk_date(item.met_on.unwrap_or(item.deadline))
        ),
        DueStatus::MetLate => format!(
            "{rule_title}: met late on {} (due by {by})",
            uk_date(item.met_on.unwrap_or(item.deadline))
        ),
        DueStatus::Closed => format!("{rule_title}: closed (was due by {by})"),
        DueStatus::Missed => match item.ended {
            Some(end) => format!("{rule_title}: missed (due by {by}; not met before {})", uk_date(end)),
            None => format!("{rule_title}: missed (due by {by})"),
        },
        DueStatus::Overdue => {
            let late = due_when(item, as_of, working_days)
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            let sched = scheduled_text(item, as_of);
            format!("{rule_title}: due by {by}{late}{sched}")
        }
        DueStatus::DueSoon | DueStatus::Upcoming => {
            let when = due_when(item, as_of, working_days).unwrap_or_default();
            let sched = scheduled_text(item, as_of);
            format!("{rule_title}: due by {by} ({when}){sched}")
        }
    }
}

/// How an open item's deadline stands as of a day: "3 working days overdue", "today",
/// "tomorrow", "in 5 working days" (timescales are counted in working days, and "due soon" is
/// too: a week's "in 7 days" is 5 of them); `None` for an item no longer open (or overdue with
/// no count). `working_days`: for an overdue item the working days since its deadline, for one
/// to come those until it (`working_days_to`); in calendar days when there is no count. An
/// overdue item whose meeting's day has passed unrecorded says how late that meeting was ("in
/// time, if its meeting was held", "2 working days late, if its meeting was held").
pub fn due_when(item: &DueItem, as_of: NaiveDate, working_days: Option<i64>) -> Option<String> {
    let plural = |n: i64| if n == 1 { "" } else { "s" };
    match item.status {
        // Its meeting's day has passed with no outcome recorded: how late it was, not a count
        // that grows each day until someone records it.
        DueStatus::Overdue => match passed_booking(item, as_of) {
            Some(s) if s.within_deadline => Some("in time, if its meeting was held".to_string()),
            Some(_) => working_days.map(|n| format!("{n} working day{} late, if its meeting was held", plural(n))),
            None => working_days.map(|n| format!("{n} working day{} overdue", plural(n))),
        },
        DueStatus::DueSoon | DueStatus::Upcoming => Some(match ((item.deadline - as_of).num_days(), working_days) {
            (0, _) => "today".to_string(),
            (1, _) => "tomorrow".to_string(),
            (_, Some(n)) if n > 0 => format!("in {n} working day{}", plural(n)),
            // A deadline on a weekend or holiday with no working day before it.
            (d, _) => format!("in {d} days"),
        }),
        _ => None,
    }
}

/// The booking of an open item whose day has passed (before `as_of`): a meeting with no outcome
/// recorded, which met the item if it was held.
fn passed_booking(item: &DueItem, as_of: NaiveDate) -> Option<crate::timescales::Scheduled> {
    item.scheduled.filter(|s| s.date < as_of)
}

/// The working days `due_when` counts for an item: since an overdue item's deadline (to its
/// meeting's day, when that has passed unrecorded), or until an item to come is due; `None` for
/// others, or when the calendar does not reach the day.
pub fn working_days_to(item: &DueItem, cal: &crate::calendar::WorkingDayCalendar, as_of: NaiveDate) -> Option<i64> {
    match item.status {
        DueStatus::Overdue => {
            let to = passed_booking(item, as_of).map_or(as_of, |s| s.date);
            cal.working_days_between(item.deadline, to).ok()
        }
        DueStatus::DueSoon | DueStatus::Upcoming => cal.working_days_between(as_of, item.deadline).ok(),
        _ => None,
    }
}

fn scheduled_text(item: &DueItem, as_of: NaiveDate) -> String {
    if let Some(s) = passed_booking(item, as_of) {
        return format!("; booked for {}, its outcome not recorded", uk_date(s.date));
    }
    item.scheduled
        .map(|s| {
            format!(
                "; scheduled for {}, {} the deadline",
                uk_date(s.date),
                if s.within_deadline { "inside" } else { "outside" }
            )
        })
        .unwrap_or_default()
}
