//! Why the slot finder offers nothing on the working days before the first time it offers: the
//! required invitee who cannot come that day, and why; or that they are never free together; or
//! that no chosen venue is free; or that everyone required can come, but only without someone
//! optional (times with everyone rank first, and may fill the list).

use chrono::NaiveDate;

use super::{day_grid, evaluate, miss, weekday_name, windows_on, Minute, Miss, SlotRequest};
use crate::calendar::WorkingDayCalendar;
use crate::ids::PersonId;
use crate::schedule::availability::Availability;
use crate::views::uk_date;

/// The most sentences given: beyond them, one says how many more days had no time.
const MOST: usize = 6;

/// A sentence for each run of working days, from the first day searched up to (not including)
/// `first_offered`, with the same reason for offering nothing: "Fri 4 Dec 2026: Dr Alan Pike
/// does not work on Fridays.", "Mon 7 Dec 2026 to Fri 11 Dec 2026: Sam Lee is on leave."
pub(super) fn earlier_days(
    req: &SlotRequest,
    avail: &Availability,
    cal: &WorkingDayCalendar,
    name: &dyn Fn(PersonId) -> String,
    first_offered: NaiveDate,
) -> Vec<String> {
    // (first day, last day, working days, reason): runs of consecutive working days with one
    // reason.
    let mut runs: Vec<(NaiveDate, NaiveDate, usize, String)> = Vec::new();
    let mut broken = true;
    let mut day = req.earliest;
    while day < first_offered {
        if cal.is_working_day(day).unwrap_or(false) {
            if let Some(why) = why_not(req, avail, name, day) {
                match runs.last_mut() {
                    Some(run) if !broken && run.3 == why => {
                        run.1 = day;
                        run.2 += 1;
                    }
                    _ => runs.push((day, day, 1, why)),
                }
            }
            broken = runs.last().is_none_or(|r| r.1 != day);
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    let shown = if runs.len() > MOST { MOST - 1 } else { MOST };
    let more: usize = runs.iter().skip(shown).map(|r| r.2).sum();
    let mut out: Vec<String> = runs
        .into_iter()
        .take(shown)
        .map(|(from, to, _, why)| {
            if from == to {
                format!("{}: {why}.", uk_date(from))
            } else {
                format!("{} to {}: {why}.", uk_date(from), uk_date(to))
            }
        })
        .collect();
    if more > 0 {
        let (days, have) = if more == 1 {
            ("1 more working day".to_string(), "has")
        } else {
            (format!("{more} more working days"), "have")
        };
        out.push(format!(
            "{days} before {} {have} no time either.",
            uk_date(first_offered)
        ));
    }
    out
}

/// Why no time on `day` is offered, or `None` when it has no time to explain (its preferred
/// hours are shorter than the meeting) or a time was offered after all.
fn why_not(
    req: &SlotRequest,
    avail: &Availability,
    name: &dyn Fn(PersonId) -> String,
    day: NaiveDate,
) -> Option<String> {
    let (first, close) = day_grid(req, day)?;
    let step = i64::from(req.granularity_minutes.max(5));
    let duration = i64::from(req.duration_minutes);
    if first + duration > close {
        // Only today's grid can be cut short by the time now.
        let open = day_grid(
            &SlotRequest {
                not_before: None,
                ..req.clone()
            },
            day,
        )?
        .0;
        return (open + duration <= close).then(|| "no time is left today".to_string());
    }
    let windows = windows_on(req, avail, day);
    let buffer = i64::from(req.buffer_minutes);
    // For each required invitee: whether they miss every time, and each reason given.
    let mut blockers: Vec<(PersonId, bool, Vec<String>)> = windows
        .iter()
        .filter(|w| w.1)
        .map(|w| (w.0, true, Vec::new()))
        .collect();
    let mut together_no_venue = false;
    // The fewest optional invitees missed at a time everyone required can come to.
    let mut best_optional: Option<(u32, Minute)> = None;
    let mut t = first;
    while t + duration <= close {
        let c = evaluate(req, avail, &windows, day, t);
        if c.missing_required == 0 {
            if req.venues.is_empty() || c.venue.is_some() {
                if best_optional.is_none_or(|(n, _)| c.missing_optional < n) {
                    best_optional = Some((c.missing_optional, t));
                }
            } else {
                together_no_venue = true;
            }
        }
        for (b, w) in blockers.iter_mut().zip(windows.iter().filter(|w| w.1)) {
            match miss(avail, w, t, t + duration, buffer) {
                Some(m) => {
                    let why = match m {
                        Miss::NotWorking => format!("does not work on {}", weekday_name(day)),
                        Miss::OutsideHours => "works hours that leave no time for the meeting".to_string(),
                        Miss::Busy(iv) => format!("is {}", iv.reason.describe()),
                    };
                    if !b.2.contains(&why) {
                        b.2.push(why);
                    }
                }
                None => b.1 = false,
            }
        }
        t += step;
    }
    if let Some((_, at)) = best_optional {
        // Everyone required can come: it is the optional invitees missed that ranked it later.
        let missed: Vec<String> = windows
            .iter()
            .filter(|w| !w.1 && miss(avail, w, at, at + duration, buffer).is_some())
            .map(|w| name(w.0))
            .collect();
        return Some(if missed.is_empty() {
            "times here rank below those offered".to_string()
        } else {
            format!(
                "everyone required can attend, but not {} (optional); times with more of those invited come first",
                join_and(&missed)
            )
        });
    }
    if together_no_venue {
        return Some("no venue chosen is free when everyone required can attend".to_string());
    }
    let blocking: Vec<String> = blockers
        .into_iter()
        .filter(|b| b.1)
        .map(|(p, _, whys)| match whys.as_slice() {
            [why] => format!("{} {why}", name(p)),
            _ => format!("{} is not free for the length of the meeting", name(p)),
        })
        .collect();
    Some(if blocking.is_empty() {
        "everyone required is free at some time, but never all at once".to_string()
    } else {
        blocking.join("; ")
    })
}

/// "A", "A and B", "A, B and C".
fn join_and(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests;
