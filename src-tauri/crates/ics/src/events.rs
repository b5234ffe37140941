//! VEVENT → busy periods: reading an event's times, length and repeat data, matching moved
//! or cancelled instances (`RECURRENCE-ID`) to their series, and deciding what counts as busy.

use std::collections::HashMap;

use chrono::TimeDelta;
use icalendar::parser::{Component, Property};

use crate::error::{excerpt, IcsError};
use crate::recurrence::{self, Exclusions, RepeatDate};
use crate::values::{self, CalTime, Length, ValueProblem};
use crate::zones::ZoneResolver;
use crate::{parameter, properties, property_value, Found, Window};

/// What one VEVENT says, as far as busy time is concerned.
pub(crate) struct Event {
    pub(crate) summary: String,
    pub(crate) uid: String,
    /// `Some` for a moved or cancelled instance of a series.
    pub(crate) recurrence_id: Option<CalTime>,
    /// `None` when the event does not make anyone busy (cancelled, transparent, free).
    pub(crate) timing: Option<Timing>,
}

/// When a busy event happens.
pub(crate) struct Timing {
    pub(crate) start: CalTime,
    pub(crate) length: Length,
    pub(crate) rules: Vec<String>,
    pub(crate) repeat_dates: Vec<RepeatDate>,
    pub(crate) excluded: Vec<CalTime>,
}

impl Timing {
    pub(crate) fn all_day(&self) -> bool {
        matches!(self.start, CalTime::Date(_))
    }

    fn repeats(&self) -> bool {
        !self.rules.is_empty() || !self.repeat_dates.is_empty()
    }
}

/// Adds the busy periods of every VEVENT among `components` that overlap `window`.
pub(crate) fn collect(
    components: &[Component<'_>],
    zones: &ZoneResolver,
    window: Window,
    found: &mut Found,
) -> Result<(), IcsError> {
    let events = components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
        .map(|c| read_event(c, zones))
        .collect::<Result<Vec<_>, _>>()?;

    // Instances replaced by a RECURRENCE-ID event, by series UID.
    let mut replaced: HashMap<&str, Vec<CalTime>> = HashMap::new();
    for event in &events {
        if let Some(id) = event.recurrence_id {
            replaced.entry(event.uid.as_str()).or_default().push(id);
        }
    }

    for event in &events {
        let Some(timing) = &event.timing else {
            continue;
        };
        if event.recurrence_id.is_some() {
            // A moved instance stands alone; it is still one instance of a series.
            let start = instant(timing.start, &event.summary, start_problem)?;
            let end = single_end(timing, &event.summary)?;
            if end > start && window.overlaps(start, end) {
                let uid = instance_uid(&event.uid, start);
                found.push(start, end, &event.summary, uid, timing.all_day());
            }
        } else if timing.repeats() {
            let mut exclusions = Exclusions::default();
            for excluded in &timing.excluded {
                exclusions.add(*excluded);
            }
            for moved in replaced.get(event.uid.as_str()).into_iter().flatten() {
                exclusions.add(*moved);
            }
            for occurrence in recurrence::expand(event, timing, &exclusions, window, found)? {
                found.count_expanded()?;
                let uid = instance_uid(&event.uid, occurrence.start);
                found.push(occurrence.start, occurrence.end, &event.summary, uid, timing.all_day());
            }
        } else {
            let start = instant(timing.start, &event.summary, start_problem)?;
            let end = single_end(timing, &event.summary)?;
            if end > start && window.overlaps(start, end) {
                found.push(start, end, &event.summary, event.uid.clone(), timing.all_day());
            }
        }
    }
    Ok(())
}

fn instance_uid(uid: &str, start: chrono::DateTime<chrono::Utc>) -> String {
    format!("{uid}@{}", crate::in_uk_time(start).to_rfc3339())
}

fn single_end(timing: &Timing, summary: &str) -> Result<chrono::DateTime<chrono::Utc>, IcsError> {
    let (local, zone) = timing.start.local_and_zone();
    timing.length.end_from(local, zone).ok_or_else(|| IcsError::BadEnd {
        event: summary.to_owned(),
        value: excerpt(&format!("{local}")),
    })
}

/// Reads one VEVENT. Only busy events have their times checked in full.
fn read_event(component: &Component<'_>, zones: &ZoneResolver) -> Result<Event, IcsError> {
    let summary = properties(component, "SUMMARY")
        .next()
        .map(text_value)
        .unwrap_or_default();
    let uid = property_value(component, "UID").unwrap_or_default().trim().to_owned();
    let zone_for = |tzid: &str| zones.resolve(tzid);

    let recurrence_id = properties(component, "RECURRENCE-ID")
        .next()
        .map(|p| cal_time(p, &zone_for, &summary, start_problem))
        .transpose()?;

    let is = |name: &str, wanted: &str| {
        property_value(component, name).is_some_and(|v| v.trim().eq_ignore_ascii_case(wanted))
    };
    let busy = !is("STATUS", "CANCELLED") && !is("TRANSP", "TRANSPARENT") && !is("X-MICROSOFT-CDO-BUSYSTATUS", "FREE");
    let timing = if busy {
        Some(read_timing(component, &zone_for, &summary)?)
    } else {
        None
    };
    Ok(Event {
        summary,
        uid,
        recurrence_id,
        timing,
    })
}

fn read_timing(
    component: &Component<'_>,
    zone_for: &dyn Fn(&str) -> Option<chrono_tz::Tz>,
    summary: &str,
) -> Result<Timing, IcsError> {
    let start_property = properties(component, "DTSTART")
        .next()
        .ok_or_else(|| IcsError::MissingStart {
            event: summary.to_owned(),
        })?;
    let start = cal_time(start_property, zone_for, summary, start_problem)?;
    let start_at = instant(start, summary, start_problem)?;

    let length = if let Some(end_property) = properties(component, "DTEND").next() {
        let end = cal_time(end_property, zone_for, summary, end_problem)?;
        match (start, end) {
            (CalTime::Date(first), CalTime::Date(last)) => {
                let days = (last - first).num_days();
                if days < 0 {
                    return Err(IcsError::EndBeforeStart {
                        event: summary.to_owned(),
                    });
                }
                // Some exporters write DTEND equal to DTSTART for a one-day event.
                Length {
                    days: days.max(1),
                    exact: TimeDelta::zero(),
                }
            }
            _ => {
                let end_at = instant(end, summary, end_problem)?;
                Length {
                    days: 0,
                    exact: end_at - start_at,
                }
            }
        }
    } else if let Some(duration) = property_value(component, "DURATION") {
        values::parse_duration(duration).ok_or_else(|| IcsError::BadDuration {
            event: summary.to_owned(),
            value: excerpt(duration),
        })?
    } else if let CalTime::Date(_) = start {
        Length {
            days: 1,
            exact: TimeDelta::zero(),
        }
    } else {
        Length {
            days: 0,
            exact: TimeDelta::zero(),
        }
    };
    if length.is_negative() {
        return Err(IcsError::EndBeforeStart {
            event: summary.to_owned(),
        });
    }

    let rules = properties(component, "RRULE")
        .map(|p| p.val.as_str().trim().to_owned())
        .collect();

    let mut repeat_dates = Vec::new();
    for property in properties(component, "RDATE") {
        let tzid = parameter(property, "TZID");
        let is_period = parameter(property, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("PERIOD"));
        for value in list(property) {
            let repeat = if is_period || value.contains('/') {
                let (at, end) = values::parse_period(value, tzid, zone_for)
                    .map_err(|problem| repeat_problem(problem, summary, value))?;
                RepeatDate::Period(at, end)
            } else {
                let at = values::parse_cal_time(value, tzid, zone_for)
                    .map_err(|problem| repeat_problem(problem, summary, value))?;
                RepeatDate::At(at)
            };
            repeat_dates.push(repeat);
        }
    }

    let mut excluded = Vec::new();
    for property in properties(component, "EXDATE") {
        let tzid = parameter(property, "TZID");
        for value in list(property) {
            let at = values::parse_cal_time(value, tzid, zone_for)
                .map_err(|problem| repeat_problem(problem, summary, value))?;
            excluded.push(at);
        }
    }

    Ok(Timing {
        start,
        length,
        rules,
        repeat_dates,
        excluded,
    })
}

/// A TEXT value with its escapes (`\,` `\;` `\n` `\\`) undone. The parser only does this
/// for upper-case property names, so lower-case ones (which RFC 5545 allows) are done here.
fn text_value(property: &Property<'_>) -> String {
    let name = property.name.as_str();
    if name.chars().any(|c| c.is_ascii_lowercase()) {
        property.val.clone().unescape_text().as_str().to_owned()
    } else {
        property.val.as_str().to_owned()
    }
}

/// The comma-separated values of a multi-valued property, blanks dropped.
fn list<'p>(property: &'p Property<'_>) -> impl Iterator<Item = &'p str> {
    property
        .val
        .as_str()
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

type ProblemToError = fn(&str, &str) -> IcsError;

fn start_problem(summary: &str, value: &str) -> IcsError {
    IcsError::BadStart {
        event: summary.to_owned(),
        value: excerpt(value),
    }
}

fn end_problem(summary: &str, value: &str) -> IcsError {
    IcsError::BadEnd {
        event: summary.to_owned(),
        value: excerpt(value),
    }
}

fn repeat_problem(problem: ValueProblem, summary: &str, value: &str) -> IcsError {
    match problem {
        ValueProblem::Unreadable => IcsError::BadRepeatDate {
            event: summary.to_owned(),
            value: excerpt(value),
        },
        ValueProblem::UnknownZone(tzid) => IcsError::UnknownTimeZone {
            event: summary.to_owned(),
            tzid: excerpt(&tzid),
        },
    }
}

/// Reads a date or date-time property, naming the event in any error.
fn cal_time(
    property: &Property<'_>,
    zone_for: &dyn Fn(&str) -> Option<chrono_tz::Tz>,
    summary: &str,
    problem: ProblemToError,
) -> Result<CalTime, IcsError> {
    let value = property.val.as_str();
    values::parse_cal_time(value, parameter(property, "TZID"), zone_for).map_err(|p| match p {
        ValueProblem::Unreadable => problem(summary, value),
        ValueProblem::UnknownZone(tzid) => IcsError::UnknownTimeZone {
            event: summary.to_owned(),
            tzid: excerpt(&tzid),
        },
    })
}

/// The instant of a value; `None` only at the very edges of the representable calendar.
fn instant(at: CalTime, summary: &str, problem: ProblemToError) -> Result<chrono::DateTime<chrono::Utc>, IcsError> {
    at.instant().ok_or_else(|| {
        let (local, _) = at.local_and_zone();
        problem(summary, &local.to_string())
    })
}
