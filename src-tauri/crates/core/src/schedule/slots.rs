//! The deadline-aware slot finder: times when every required attendee is free, inside their
//! working hours, on a working day and before the statutory deadline; ranked by how many
//! optional attendees can come, then the earliest day, then the fewest near-clashes. Each slot
//! says who cannot come and why. When nothing fits, it says so and offers the best compromise
//! inside the window and the earliest slot after the deadline, flagged late. Once the deadline
//! has passed (an overdue item), it offers the earliest times everyone required can attend, all
//! flagged late. No time is offered after an invitee's last working day (`Person::last_day`):
//! a meeting then could not include them, so the search ends there and says so.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::availability::{minute, working_window, Availability, Minute};
use crate::calendar::WorkingDayCalendar;
use crate::ids::*;
use crate::model::MeetingKind;
use crate::time::{london, rfc3339_offset};
use crate::views::uk_date;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotRequest {
    pub kind: MeetingKind,
    pub children: Vec<ChildId>,
    pub required: Vec<PersonId>,
    pub optional: Vec<PersonId>,
    /// Venues to choose from; empty for an online meeting.
    pub venues: Vec<VenueId>,
    pub duration_minutes: u32,
    pub earliest: NaiveDate,
    /// No slot starts before this moment (now: today's times that have passed are not offered).
    pub not_before: Option<chrono::DateTime<chrono::Utc>>,
    /// The statutory deadline (last acceptable day), if any.
    pub deadline: Option<NaiveDate>,
    pub granularity_minutes: u32,
    /// Free time each attendee needs before and after.
    pub buffer_minutes: u32,
    /// Preferred hours: slots start no earlier and end no later.
    pub day_start: NaiveTime,
    pub day_end: NaiveTime,
    pub top: u32,
}

impl SlotRequest {
    /// Sensible defaults: 15-minute grid, no buffer, 09:00-17:00, top 5.
    pub fn new(kind: MeetingKind, children: Vec<ChildId>, earliest: NaiveDate, duration_minutes: u32) -> Self {
        SlotRequest {
            kind,
            children,
            required: vec![],
            optional: vec![],
            venues: vec![],
            duration_minutes,
            earliest,
            not_before: None,
            deadline: None,
            granularity_minutes: 15,
            buffer_minutes: 0,
            day_start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            day_end: NaiveTime::from_hms_opt(17, 0, 0).unwrap_or(NaiveTime::MIN),
            top: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotSuggestion {
    #[ts(type = "string")]
    #[serde(with = "rfc3339_offset")]
    pub start: chrono::DateTime<chrono::FixedOffset>,
    #[ts(type = "string")]
    #[serde(with = "rfc3339_offset")]
    pub end: chrono::DateTime<chrono::FixedOffset>,
    pub within_deadline: bool,
    pub deadline: Option<NaiveDate>,
    pub venue: Option<VenueId>,
    pub missing_required: Vec<PersonId>,
    pub missing_optional: Vec<PersonId>,
    /// Sentences: who cannot come and why, the deadline, near-clashes.
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotResult {
    pub deadline: Option<NaiveDate>,
    /// Who the search treated as required and optional (the defaults when none were given).
    pub required: Vec<PersonId>,
    pub optional: Vec<PersonId>,
    /// The chair a booking from these slots should carry, if one is known.
    pub chair: Option<PersonId>,
    /// True when no slot has every required attendee inside the window.
    pub nothing_fits: bool,
    pub message: String,
    /// Why no time is offered on the working days before the first one offered, a sentence for
    /// each run of days with the same reason: "Fri 4 Dec 2026: Dr Alan Pike does not work on
    /// Fridays." Empty when times are offered from the first day searched, or none fits.
    /// `planning::suggest` puts first why the search started later than asked, when what must
    /// come before the meeting (reports to parents) leaves no time for an earlier one.
    pub earlier_days: Vec<String>,
    pub slots: Vec<SlotSuggestion>,
}

/// How far past the deadline (in working days) to look for a late slot, and how far to look
/// when there is no deadline.
const LATE_SEARCH_DAYS: u32 = 30;
const OPEN_SEARCH_DAYS: u32 = 15;
/// The longest stretch searched, in calendar days (two years, past any statutory deadline and
/// its late search): a deadline decades away, mistyped or not, would otherwise walk them all.
const MAX_SEARCH_DAYS: u64 = 731;
const NEAR_CLASH_MINUTES: Minute = 30;

/// A candidate time, kept small: who is missing is worked out again (with reasons) only for
/// the few candidates that are shown.
struct Candidate {
    date: NaiveDate,
    start: Minute,
    end: Minute,
    venue: Option<VenueId>,
    missing_required: u32,
    missing_optional: u32,
    near: u32,
}

/// Why one attendee cannot come to a candidate time.
enum Miss<'a> {
    NotWorking,
    OutsideHours,
    Busy(&'a super::availability::Interval),
}

type Window = (PersonId, bool, Option<(Minute, Minute)>);

mod skipped;

fn miss<'a>(avail: &'a Availability, w: &Window, start: Minute, end: Minute, buffer: Minute) -> Option<Miss<'a>> {
    match w.2 {
        None => Some(Miss::NotWorking),
        Some((ws, we)) if start < ws || end > we => Some(Miss::OutsideHours),
        _ => avail
            .busy(w.0)
            .and_then(|b| b.overlapping(start - buffer, end + buffer))
            .map(Miss::Busy),
    }
}

fn windows_on(req: &SlotRequest, avail: &Availability, day: NaiveDate) -> Vec<Window> {
    req.required
        .iter()
        .map(|p| (*p, true))
        .chain(req.optional.iter().map(|p| (*p, false)))
        .map(|(p, r)| {
            let hours = if avail.any_hours.contains(&p) {
                Some((Minute::MIN, Minute::MAX))
            } else {
                working_window(avail.patterns.get(&p), day)
            };
            (p, r, hours)
        })
        .collect()
}

/// The first start on `day`'s grid and the time every meeting must end by: the preferred hours,
/// less today's times that have passed (from the first step of the grid not before now).
fn day_grid(req: &SlotRequest, day: NaiveDate) -> Option<(Minute, Minute)> {
    let open = london(day.and_time(req.day_start)).ok()?;
    let close = london(day.and_time(req.day_end)).ok()?;
    let step = i64::from(req.granularity_minutes.max(5));
    let mut t = minute(&open);
    if let Some(now) = req.not_before {
        let now = now.timestamp().div_euclid(60) + i64::from(now.timestamp().rem_euclid(60) > 0);
        if t < now {
            t += (now - t + step - 1) / step * step;
        }
    }
    Some((t, minute(&close)))
}

/// Find slots. `names` turns ids into names for the reasons.
pub fn find_slots(
    req: &SlotRequest,
    avail: &Availability,
    cal: &WorkingDayCalendar,
    names: &HashMap<PersonId, String>,
) -> SlotResult {
    let name = |p: PersonId| names.get(&p).cloned().unwrap_or_else(|| "An invitee".to_string());
    let invited = req.required.len() + req.optional.len();
    let seats = |v: &VenueId| avail.capacities.get(v).map_or(usize::MAX, |&s| s as usize);
    if !req.venues.is_empty() && req.venues.iter().all(|v| seats(v) < invited) {
        let largest = req.venues.iter().map(seats).max().unwrap_or(0);
        return nothing_offered(
            req,
            format!(
                "{invited} people are invited, and the largest venue chosen seats {largest}: choose a larger venue, or meet online."
            ),
        );
    }
    // No meeting after an invitee's last working day can include them (`validate::meeting`
    // refuses it), so the search ends at the earliest such day among those invited.
    let leaving = req
        .required
        .iter()
        .chain(&req.optional)
        .filter_map(|p| avail.last_days.get(p).map(|day| (*day, *p)))
        .min();
    if let Some((day, who)) = leaving.filter(|(day, _)| *day < req.earliest) {
        return nothing_offered(
            req,
            format!(
                "{}'s last working day is {}, before {}: a meeting then cannot include them. Take them off the invitation and invite whoever has taken over from them.",
                name(who),
                uk_date(day),
                uk_date(req.earliest)
            ),
        );
    }
    // The late search runs past the deadline, or past the earliest day when the deadline has
    // already passed (an overdue item still needs times to book).
    let passed = req.deadline.is_some_and(|d| d < req.earliest);
    let last = match req.deadline {
        Some(d) => {
            let from = d.max(req.earliest);
            cal.add_working_days(from, LATE_SEARCH_DAYS).unwrap_or(from)
        }
        None => cal
            .add_working_days(req.earliest, OPEN_SEARCH_DAYS)
            .unwrap_or(req.earliest),
    };
    // Never past the dates the calendar counts (nor, so, past the last date chrono has).
    let last = last
        .min(
            req.earliest
                .checked_add_days(Days::new(MAX_SEARCH_DAYS))
                .unwrap_or(last),
        )
        .min(cal.range().1);
    // The invitee whose last working day ends the search early, if one does.
    let cut = leaving.filter(|(day, _)| *day < last);
    let last = cut.map_or(last, |(day, _)| day);
    let cut_short = |(day, who): (NaiveDate, PersonId)| {
        format!(
            " None is offered after {}, {}'s last working day: a meeting then cannot include them.",
            uk_date(day),
            name(who)
        )
    };
    let in_window = |d: NaiveDate| req.deadline.is_none_or(|dl| d <= dl);
    let mut inside: Vec<Candidate> = Vec::new();
    // Times after the deadline when everyone required can come, earliest first: only the first
    // is offered beside times inside the window, several once the deadline has passed.
    let mut late: Vec<Candidate> = Vec::new();
    let late_days_wanted = if passed { req.top.max(1) as usize } else { 1 };
    let mut late_days = 0usize;
    let step = i64::from(req.granularity_minutes.max(5));
    let mut next = Some(req.earliest);
    while let Some(day) = next.filter(|d| *d <= last) {
        next = day.succ_opt();
        let working = cal.is_working_day(day).unwrap_or(false);
        if !working || (!in_window(day) && late_days >= late_days_wanted) {
            continue;
        }
        let late_before = late.len();
        let Some((first, close)) = day_grid(req, day) else {
            continue;
        };
        let windows = windows_on(req, avail, day);
        let mut t = first;
        while t + i64::from(req.duration_minutes) <= close {
            let c = evaluate(req, avail, &windows, day, t);
            t += step;
            if req.venues.is_empty() || c.venue.is_some() {
                if in_window(day) {
                    inside.push(c);
                } else if c.missing_required == 0 {
                    late.push(c);
                }
            }
        }
        if late.len() > late_before {
            late_days += 1;
        }
    }
    let top = req.top.max(1) as usize;
    let mut fits: Vec<&Candidate> = inside.iter().filter(|c| c.missing_required == 0).collect();
    fits.sort_by_key(|c| (c.missing_optional, c.date, c.near, c.start));
    let chosen = diverse(fits, top);
    if !chosen.is_empty() {
        let times = if chosen.len() == 1 {
            "1 time".to_string()
        } else {
            format!("{} times", chosen.len())
        };
        let mut message = match req.deadline {
            Some(d) => format!(
                "{times} when everyone required can attend, by the deadline of {}.",
                uk_date(d)
            ),
            None => format!("{times} when everyone required can attend."),
        };
        message.extend(cut.map(cut_short));
        let first_offered = chosen.iter().map(|c| c.date).min().unwrap_or(req.earliest);
        return SlotResult {
            nothing_fits: false,
            earlier_days: skipped::earlier_days(req, avail, cal, &name, first_offered),
            slots: chosen.into_iter().map(|c| suggestion(req, c, avail, &name)).collect(),
            ..nothing_offered(req, message)
        };
    }
    let mut compromise: Vec<&Candidate> = inside.iter().collect();
    compromise.sort_by_key(|c| (c.missing_required, c.missing_optional, c.date, c.near, c.start));
    let mut slots: Vec<SlotSuggestion> = diverse(compromise, top)
        .into_iter()
        .map(|c| suggestion(req, c, avail, &name))
        .collect();
    if passed {
        let mut fits: Vec<&Candidate> = late.iter().collect();
        fits.sort_by_key(|c| (c.missing_optional, c.date, c.near, c.start));
        slots.extend(diverse(fits, top).into_iter().map(|c| suggestion(req, c, avail, &name)));
    } else if let Some(l) = late.first() {
        slots.push(suggestion(req, l, avail, &name));
    }
    let message = match (req.deadline, late.first()) {
        (Some(d), Some(l)) if passed => format!(
            "The deadline of {} has already passed. Shown: the earliest times everyone required can attend, from {}; all are late, so book one as soon as possible.",
            uk_date(d),
            uk_date(l.date)
        ),
        (Some(d), None) if passed => format!(
            "The deadline of {} has already passed, and no time in the {LATE_SEARCH_DAYS} working days from {} suits everyone required.",
            uk_date(d),
            uk_date(req.earliest)
        ),
        (Some(d), Some(l)) => format!(
            "No time by the deadline of {} suits everyone required. Shown: the best times by then (someone required cannot come), and the earliest time after it when everyone can ({}), which would be late.",
            uk_date(d),
            uk_date(l.date)
        ),
        (Some(d), None) => format!(
            "No time by the deadline of {} suits everyone required, nor in the {LATE_SEARCH_DAYS} working days after it. Shown: the best times by then.",
            uk_date(d)
        ),
        (None, _) => "No time in the next 15 working days suits everyone required. Shown: the best times, with who cannot come.".to_string(),
    };
    let message = match cut {
        // Nothing everyone required can attend up to a leaver's last day, and nothing after it.
        Some((day, who)) if late.is_empty() => format!(
            "No time up to {}, {}'s last working day, suits everyone required, and a meeting after it cannot include them: invite whoever takes over from them.{}",
            uk_date(day),
            name(who),
            if slots.is_empty() { "" } else { " Shown: the best times up to that day." }
        ),
        Some(c) => message + &cut_short(c),
        None => message,
    };
    SlotResult {
        slots,
        ..nothing_offered(req, message)
    }
}

/// The answer to `req` with `message` and no time offered (nothing fits); an answer with times
/// fills them in over it.
fn nothing_offered(req: &SlotRequest, message: String) -> SlotResult {
    SlotResult {
        deadline: req.deadline,
        required: req.required.clone(),
        optional: req.optional.clone(),
        chair: None,
        nothing_fits: true,
        message,
        earlier_days: Vec::new(),
        slots: Vec::new(),
    }
}

/// At most two suggestions a day, none overlapping, so the user gets a real choice.
fn diverse(sorted: Vec<&Candidate>, top: usize) -> Vec<&Candidate> {
    let mut chosen: Vec<&Candidate> = Vec::new();
    for c in sorted {
        let same_day = chosen.iter().filter(|x| x.date == c.date).count();
        let overlaps = chosen.iter().any(|x| x.start < c.end && c.start < x.end);
        if same_day < 2 && !overlaps {
            chosen.push(c);
            if chosen.len() == top {
                break;
            }
        }
    }
    chosen
}

fn weekday_name(d: NaiveDate) -> String {
    d.format("%A").to_string() + "s"
}

/// Whether `person`, free for the meeting, has something else booked within
/// `NEAR_CLASH_MINUTES` of it (counted outside the buffer).
fn has_near(avail: &Availability, person: PersonId, start: Minute, end: Minute, buffer: i64) -> bool {
    avail
        .busy(person)
        .is_some_and(|b| b.near(start - buffer, end + buffer, NEAR_CLASH_MINUTES))
}

fn evaluate(req: &SlotRequest, avail: &Availability, windows: &[Window], day: NaiveDate, start: Minute) -> Candidate {
    let end = start + i64::from(req.duration_minutes);
    let buffer = i64::from(req.buffer_minutes);
    let mut c = Candidate {
        date: day,
        start,
        end,
        venue: None,
        missing_required: 0,
        missing_optional: 0,
        near: 0,
    };
    for w in windows {
        match miss(avail, w, start, end, buffer) {
            Some(_) if w.1 => c.missing_required += 1,
            Some(_) => c.missing_optional += 1,
            None => {
                if has_near(avail, w.0, start, end, buffer) {
                    c.near += 1;
                }
            }
        }
    }
    // A venue that is free and seats everyone invited.
    let people = (req.required.len() + req.optional.len()) as u64;
    c.venue = req.venues.iter().copied().find(|v| {
        avail.venues.get(v).is_none_or(|b| b.overlapping(start, end).is_none())
            && avail.capacities.get(v).is_none_or(|&seats| u64::from(seats) >= people)
    });
    c
}

fn suggestion(
    req: &SlotRequest,
    c: &Candidate,
    avail: &Availability,
    name: &dyn Fn(PersonId) -> String,
) -> SlotSuggestion {
    let to_time = |m: Minute| {
        chrono::DateTime::from_timestamp(m * 60, 0)
            .map(|t| crate::time::to_london(t.fixed_offset()))
            .unwrap_or_default()
    };
    let within = req.deadline.is_none_or(|d| c.date <= d);
    let buffer = i64::from(req.buffer_minutes);
    let mut missing_required = Vec::new();
    let mut missing_optional = Vec::new();
    let mut reasons = Vec::new();
    if c.missing_required == 0 {
        reasons.push("Everyone required can attend.".to_string());
    }
    // Who can come but has something else within NEAR_CLASH_MINUTES either side.
    let mut near = Vec::new();
    for w in windows_on(req, avail, c.date) {
        let Some(m) = miss(avail, &w, c.start, c.end, buffer) else {
            if has_near(avail, w.0, c.start, c.end, buffer) {
                near.push(name(w.0));
            }
            continue;
        };
        let why = match m {
            Miss::NotWorking => format!("{} does not work on {}", name(w.0), weekday_name(c.date)),
            Miss::OutsideHours => format!("{} is outside their working hours then", name(w.0)),
            Miss::Busy(iv) => format!("{} is {}", name(w.0), iv.reason.describe()),
        };
        if w.1 {
            missing_required.push(w.0);
            reasons.push(format!("Required: {why}."));
        } else {
            missing_optional.push(w.0);
            reasons.push(format!("Optional: {why}."));
        }
    }
    match req.deadline {
        Some(d) if within => reasons.push(format!("Inside the statutory deadline of {}.", uk_date(d))),
        Some(d) => reasons.push(format!(
            "After the statutory deadline of {}: this would be late.",
            uk_date(d)
        )),
        None => {}
    }
    if !near.is_empty() {
        let (who, has) = match near.as_slice() {
            [one] => (one.clone(), "has"),
            [init @ .., last] => (format!("{} and {last}", init.join(", ")), "have"),
            [] => (String::new(), "has"),
        };
        reasons.push(format!(
            "{who} {has} something else booked within {NEAR_CLASH_MINUTES} minutes of it."
        ));
    }
    if req.venues.is_empty() {
        reasons.push("Online.".to_string());
    }
    SlotSuggestion {
        start: to_time(c.start),
        end: to_time(c.end),
        within_deadline: within,
        deadline: req.deadline,
        venue: c.venue,
        missing_required,
        missing_optional,
        reasons,
    }
}

#[cfg(test)]
mod tests;
