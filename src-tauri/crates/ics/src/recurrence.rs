//! Expanding a repeating event (RRULE, RDATE, EXDATE, replaced instances) into the occurrences
//! that overlap the dates asked for.
//!
//! Rules are run by the `rrule` crate on *wall-clock* times (handed to it as if they were UTC),
//! then each occurrence is placed in the event's zone by [`values::localize`]. So a weekly
//! 10:00 Europe/London meeting stays at 10:00 UK time through March and October, and times
//! falling in a clock-change gap or overlap follow RFC 5545 §3.3.5, whatever `rrule`'s own
//! zone handling does.

use std::collections::{BTreeSet, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use rrule::{RRule, Unvalidated};

use crate::error::{excerpt, IcsError};
use crate::events::{Event, Timing};
use crate::values::{self, CalTime, PeriodEnd};
use crate::{Found, Window, MAX_RULE_STEPS};

/// Longer than any real RRULE (Outlook's and Google's are under 100 characters).
const MAX_RULE_CHARS: usize = 1_000;

/// Most FREQ periods a rule may span up to the dates asked for (see [`rule_periods`]): a
/// daily series from the year 1 reaches 2026 in about 740,000.
pub(crate) const MAX_RULE_PERIODS: i64 = 1_000_000;

/// One RDATE value.
pub(crate) enum RepeatDate {
    At(CalTime),
    Period(CalTime, PeriodEnd),
}

/// Instances taken out of a series by EXDATE or replaced by a RECURRENCE-ID event.
#[derive(Default)]
pub(crate) struct Exclusions {
    instants: HashSet<DateTime<Utc>>,
    dates: HashSet<NaiveDate>,
}

impl Exclusions {
    pub(crate) fn add(&mut self, at: CalTime) {
        match at {
            // A DATE removes whatever instance starts on that (wall-clock) day.
            CalTime::Date(date) => {
                self.dates.insert(date);
            }
            CalTime::DateTime { .. } => {
                if let Some(instant) = at.instant() {
                    self.instants.insert(instant);
                }
            }
        }
    }

    fn excludes(&self, local: NaiveDateTime, instant: DateTime<Utc>) -> bool {
        self.instants.contains(&instant) || self.dates.contains(&local.date())
    }
}

/// An occurrence of a repeating event.
pub(crate) struct Occurrence {
    pub(crate) start: DateTime<Utc>,
    pub(crate) end: DateTime<Utc>,
}

/// The occurrences of a repeating event that take time and overlap `window`, in start order.
pub(crate) fn expand(
    event: &Event,
    timing: &Timing,
    exclusions: &Exclusions,
    window: Window,
    found: &mut Found,
) -> Result<Vec<Occurrence>, IcsError> {
    let summary = event.summary.as_str();
    let (first, zone) = timing.start.local_and_zone();
    let span = WallClockSpan::new(window, zone, timing);

    // DTSTART is always the first instance, whether or not the rule would produce it.
    let mut starts = BTreeSet::new();
    span.keep(first, &mut starts);
    for rule in &timing.rules {
        rule_starts(rule, first, zone, &span, summary, &mut starts, found)?;
    }

    let mut occurrences = Vec::new();
    for repeat in &timing.repeat_dates {
        match *repeat {
            RepeatDate::At(at) => {
                let local = match at {
                    // A date for a timed series means that day at the series' time.
                    CalTime::Date(date) if !timing.all_day() => date.and_time(first.time()),
                    CalTime::Date(date) => date.and_time(NaiveTime::MIN),
                    CalTime::DateTime { .. } => match at.instant() {
                        Some(instant) => instant.with_timezone(&zone).naive_local(),
                        None => continue,
                    },
                };
                span.keep(local, &mut starts);
            }
            RepeatDate::Period(at, end) => {
                let (local, at_zone) = at.local_and_zone();
                let start = at.instant();
                let end = match end {
                    PeriodEnd::At(end) => end.instant(),
                    PeriodEnd::After(length) => length.end_from(local, at_zone),
                };
                let (Some(start), Some(end)) = (start, end) else {
                    continue;
                };
                if end < start {
                    return Err(IcsError::EndBeforeStart {
                        event: summary.to_owned(),
                    });
                }
                if end > start && window.overlaps(start, end) && !exclusions.excludes(local, start) {
                    occurrences.push(Occurrence { start, end });
                }
            }
        }
    }

    for local in starts {
        let Some(start) = values::localize(local, zone) else {
            continue;
        };
        if exclusions.excludes(local, start) {
            continue;
        }
        let Some(end) = timing.length.end_from(local, zone) else {
            continue;
        };
        if end > start && window.overlaps(start, end) {
            occurrences.push(Occurrence { start, end });
        }
    }
    occurrences.sort_by_key(|o| (o.start, o.end));
    Ok(occurrences)
}

/// The wall-clock times (in the series' zone) between which an occurrence could overlap the
/// window, with slack for offsets and the event's own length.
struct WallClockSpan {
    earliest: NaiveDateTime,
    latest: NaiveDateTime,
}

impl WallClockSpan {
    fn new(window: Window, zone: Tz, timing: &Timing) -> Self {
        let slack_days = timing
            .length
            .days
            .saturating_add(timing.length.exact.num_days())
            .saturating_add(2);
        let earliest = window
            .start
            .with_timezone(&zone)
            .naive_local()
            .checked_sub_signed(TimeDelta::try_days(slack_days).unwrap_or(TimeDelta::MAX))
            .unwrap_or(NaiveDateTime::MIN);
        let latest = window
            .end
            .with_timezone(&zone)
            .naive_local()
            .checked_add_signed(TimeDelta::days(2))
            .unwrap_or(NaiveDateTime::MAX);
        WallClockSpan { earliest, latest }
    }

    fn keep(&self, local: NaiveDateTime, starts: &mut BTreeSet<NaiveDateTime>) {
        if local >= self.earliest && local <= self.latest {
            starts.insert(local);
        }
    }
}

/// Adds the wall-clock starts one RRULE produces within `span`.
fn rule_starts(
    rule: &str,
    first: NaiveDateTime,
    zone: Tz,
    span: &WallClockSpan,
    summary: &str,
    starts: &mut BTreeSet<NaiveDateTime>,
    found: &mut Found,
) -> Result<(), IcsError> {
    let bad = || IcsError::BadRecurrence {
        event: summary.to_owned(),
        rule: excerpt(rule),
    };
    // RRULE's grammar is ASCII; `rrule`'s parser slices strings assuming it is.
    if rule.len() > MAX_RULE_CHARS || !rule.is_ascii() {
        return Err(bad());
    }
    let upper = rule.to_ascii_uppercase();
    let mut until = None;
    let mut parts = Vec::new();
    for part in upper.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        match part.strip_prefix("UNTIL=") {
            Some(value) => until = Some(until_wall_clock(value, zone).ok_or_else(bad)?),
            None => parts.push(part),
        }
    }
    if let Some(value) = parts.iter().find_map(|p| p.strip_prefix("INTERVAL=")) {
        if value.trim().parse::<i64>().is_ok_and(|n| n < 1) {
            return Err(IcsError::BadInterval {
                event: summary.to_owned(),
                value: excerpt(value),
            });
        }
    }
    if until.is_some_and(|until| until < first) {
        // The series ended before it began: only DTSTART happens.
        return Ok(());
    }
    let last = until.map_or(span.latest, |until| until.min(span.latest));
    let periods = rule_periods(&parts, first, last);
    if periods > MAX_RULE_PERIODS {
        return Err(IcsError::RepeatsTooOften {
            event: summary.to_owned(),
        });
    }
    found.charge_rule_periods(periods)?;

    // `rrule` has `expect`s and slicing inside; a file must never bring the app down, so a
    // panic there becomes "cannot read this rule".
    let walked = catch_unwind(AssertUnwindSafe(|| {
        let mut parsed: RRule<Unvalidated> = parts.join(";").parse().map_err(|_| bad())?;
        if let Some(until) = until {
            parsed = parsed.until(rrule::Tz::UTC.from_utc_datetime(&until));
        }
        let set = parsed
            .build(rrule::Tz::UTC.from_utc_datetime(&first))
            .map_err(|_| bad())?
            .limit();
        let mut steps = 0usize;
        for occurrence in &set {
            steps += 1;
            if steps > MAX_RULE_STEPS {
                return Err(IcsError::RepeatsTooOften {
                    event: summary.to_owned(),
                });
            }
            let local = occurrence.naive_utc();
            if local > span.latest {
                break;
            }
            span.keep(local, starts);
        }
        Ok(())
    }));
    walked.map_err(|_| bad())?
}

/// How many FREQ periods (seconds, minutes, … years, times INTERVAL) lie between the first
/// instance and the end of the dates asked for. `rrule` looks at each period in turn, even
/// ones BYxxx parts rule out, so this bounds its work where [`MAX_RULE_STEPS`] cannot: every
/// second for a year with `BYHOUR=0;BYMINUTE=0;BYSECOND=0` yields few instances but needs
/// 31 million periods.
fn rule_periods(parts: &[&str], first: NaiveDateTime, latest: NaiveDateTime) -> i64 {
    let value = |key: &str| parts.iter().find_map(|p| p.strip_prefix(key));
    let interval: i64 = value("INTERVAL=")
        .and_then(|n| n.parse().ok())
        .filter(|n: &i64| *n > 0)
        .unwrap_or(1);
    let span = latest.signed_duration_since(first);
    let periods = match value("FREQ=").unwrap_or_default() {
        "SECONDLY" => span.num_seconds(),
        "MINUTELY" => span.num_minutes(),
        "HOURLY" => span.num_hours(),
        "DAILY" => span.num_days(),
        "WEEKLY" => span.num_weeks(),
        "MONTHLY" => span.num_days() / 28,
        _ => span.num_days() / 365,
    };
    periods / interval
}

/// UNTIL as a wall-clock time in the series' zone. A UTC UNTIL (what RFC 5545 requires for
/// zoned series) is converted; a DATE means the whole of that day.
fn until_wall_clock(value: &str, zone: Tz) -> Option<NaiveDateTime> {
    if let Some(date) = values::parse_date(value) {
        return Some(date.and_time(NaiveTime::from_hms_opt(23, 59, 59)?));
    }
    let (local, utc) = values::parse_date_time(value)?;
    if utc {
        Some(Utc.from_utc_datetime(&local).with_timezone(&zone).naive_local())
    } else {
        Some(local)
    }
}
