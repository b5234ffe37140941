//! iCalendar value types this crate reads (RFC 5545 §3.3): DATE, DATE-TIME, DURATION, PERIOD,
//! and turning a wall-clock time in a zone into an instant. All arithmetic is checked: dates
//! in a file can be anything from year 1 to 9999.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

/// A DTSTART/DTEND/EXDATE/RDATE/RECURRENCE-ID value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalTime {
    /// `VALUE=DATE`: a whole day, always taken in UK time.
    Date(NaiveDate),
    /// A wall-clock time in a zone (UTC for `Z` values, Europe/London for floating ones).
    DateTime { local: NaiveDateTime, zone: Tz },
}

impl CalTime {
    /// The instant this value starts at (midnight UK time for dates).
    pub(crate) fn instant(self) -> Option<DateTime<Utc>> {
        match self {
            CalTime::Date(date) => localize(date.and_time(NaiveTime::MIN), uk()),
            CalTime::DateTime { local, zone } => localize(local, zone),
        }
    }

    /// The wall-clock time and zone recurrences are computed in.
    pub(crate) fn local_and_zone(self) -> (NaiveDateTime, Tz) {
        match self {
            CalTime::Date(date) => (date.and_time(NaiveTime::MIN), uk()),
            CalTime::DateTime { local, zone } => (local, zone),
        }
    }
}

/// Why a time value could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ValueProblem {
    /// Not a DATE or DATE-TIME, or outside the calendar chrono can represent.
    Unreadable,
    /// A TZID this crate cannot map to a zone.
    UnknownZone(String),
}

/// UK time: the zone busy periods are reported in and floating times are taken in.
pub(crate) fn uk() -> Tz {
    chrono_tz::Europe::London
}

/// Parses a DATE or DATE-TIME value; `zone_for` maps a TZID parameter to a zone.
pub(crate) fn parse_cal_time(
    value: &str,
    tzid: Option<&str>,
    zone_for: &dyn Fn(&str) -> Option<Tz>,
) -> Result<CalTime, ValueProblem> {
    let value = value.trim();
    if let Some(date) = parse_date(value) {
        return Ok(CalTime::Date(date));
    }
    let (local, utc) = parse_date_time(value).ok_or(ValueProblem::Unreadable)?;
    let zone = if utc {
        Tz::UTC
    } else if let Some(tzid) = tzid {
        zone_for(tzid).ok_or_else(|| ValueProblem::UnknownZone(tzid.to_owned()))?
    } else {
        // Floating time: RFC 5545 says "local time of the attendee"; our users are in England.
        uk()
    };
    Ok(CalTime::DateTime { local, zone })
}

/// `YYYYMMDD`.
pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = value.get(0..4)?.parse().ok()?;
    let month = value.get(4..6)?.parse().ok()?;
    let day = value.get(6..8)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `YYYYMMDDTHHMMSS` with an optional `Z`; returns the time and whether it was UTC.
pub(crate) fn parse_date_time(value: &str) -> Option<(NaiveDateTime, bool)> {
    let (body, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (value, false),
    };
    let (date, time) = body.split_once(['T', 't'])?;
    let date = parse_date(date)?;
    if time.len() != 6 || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hour = time.get(0..2)?.parse().ok()?;
    let minute = time.get(2..4)?.parse().ok()?;
    let second: u32 = time.get(4..6)?.parse().ok()?;
    // RFC 5545 allows a leap second (60); chrono has no such wall time, so round it down.
    let time = NaiveTime::from_hms_opt(hour, minute, second.min(59))?;
    Some((date.and_time(time), utc))
}

/// The instant a wall-clock time in `zone` stands for, following RFC 5545 §3.3.5: in the
/// autumn overlap the first (earlier) occurrence; in the spring gap the time is read with the
/// offset in force before the gap (01:30 on the March change day becomes 02:30 BST).
pub(crate) fn localize(local: NaiveDateTime, zone: Tz) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) => Some(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, second) => Some(first.min(second).with_timezone(&Utc)),
        LocalResult::None => {
            let before_gap = local.checked_sub_signed(TimeDelta::hours(12))?;
            let offset = zone.offset_from_utc_datetime(&before_gap);
            let seconds = chrono::Offset::fix(&offset).local_minus_utc();
            let utc = local.checked_sub_signed(TimeDelta::seconds(i64::from(seconds)))?;
            Some(Utc.from_utc_datetime(&utc))
        }
    }
}

/// An event's length: nominal days (wall-clock, so a day across a clock change is 23 or 25
/// hours) plus an exact part. DTEND-derived lengths of timed events are all exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Length {
    pub(crate) days: i64,
    pub(crate) exact: TimeDelta,
}

impl Length {
    pub(crate) fn is_negative(self) -> bool {
        self.days < 0 || self.exact < TimeDelta::zero()
    }

    /// The end instant of something starting at wall-clock `local` in `zone`.
    pub(crate) fn end_from(self, local: NaiveDateTime, zone: Tz) -> Option<DateTime<Utc>> {
        let end_local = local.checked_add_signed(TimeDelta::try_days(self.days)?)?;
        localize(end_local, zone)?.checked_add_signed(self.exact)
    }
}

/// RFC 5545 §3.3.6 DURATION: `[+|-]P[nW][nD][T[nH][nM][nS]]`.
pub(crate) fn parse_duration(value: &str) -> Option<Length> {
    let value = value.trim();
    let (sign, rest) = match value.as_bytes().first() {
        Some(b'-') => (-1, value.get(1..)?),
        Some(b'+') => (1, value.get(1..)?),
        _ => (1, value),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut days: i64 = 0;
    let mut seconds: i64 = 0;
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    let mut time_parts = 0;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            '0'..='9' => number.push(c),
            'T' if !in_time && number.is_empty() => in_time = true,
            unit => {
                // Ten digits is far beyond any real event and keeps the sums from overflowing.
                if number.is_empty() || number.len() > 10 {
                    return None;
                }
                let n: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                time_parts += usize::from(in_time);
                match (unit, in_time) {
                    ('W', false) => days = days.checked_add(n.checked_mul(7)?)?,
                    ('D', false) => days = days.checked_add(n)?,
                    ('H', true) => seconds = seconds.checked_add(n.checked_mul(3600)?)?,
                    ('M', true) => seconds = seconds.checked_add(n.checked_mul(60)?)?,
                    ('S', true) => seconds = seconds.checked_add(n)?,
                    _ => return None,
                }
            }
        }
    }
    if !any || !number.is_empty() || (in_time && time_parts == 0) {
        return None;
    }
    Some(Length {
        days: days.checked_mul(sign)?,
        exact: TimeDelta::try_seconds(seconds.checked_mul(sign)?)?,
    })
}

/// How a PERIOD value (RFC 5545 §3.3.9) ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodEnd {
    At(CalTime),
    After(Length),
}

/// `start/end` or `start/duration`.
pub(crate) fn parse_period(
    value: &str,
    tzid: Option<&str>,
    zone_for: &dyn Fn(&str) -> Option<Tz>,
) -> Result<(CalTime, PeriodEnd), ValueProblem> {
    let (start, end) = value.trim().split_once('/').ok_or(ValueProblem::Unreadable)?;
    let start = parse_cal_time(start, tzid, zone_for)?;
    let end = if end.trim_start().starts_with(['P', 'p', '+', '-']) {
        PeriodEnd::After(parse_duration(end).ok_or(ValueProblem::Unreadable)?)
    } else {
        PeriodEnd::At(parse_cal_time(end, tzid, zone_for)?)
    };
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn naive(s: &str) -> NaiveDateTime {
        parse_date_time(s).map(|(n, _)| n).unwrap_or_default()
    }

    #[test]
    fn durations() {
        let cases = [
            ("PT1H", Some((0, 3600))),
            ("PT1H30M", Some((0, 5400))),
            ("P1D", Some((1, 0))),
            ("P2W", Some((14, 0))),
            ("P1DT2H3M4S", Some((1, 7384))),
            ("-PT15M", Some((0, -900))),
            ("+PT15M", Some((0, 900))),
            ("PT", None),
            ("P", None),
            ("1H", None),
            ("PT1D", None),
            ("P1H", None),
            ("PT99999999999H", None),
            ("P1DT", None),
        ];
        for (text, expected) in cases {
            let got = parse_duration(text).map(|l| (l.days, l.exact.num_seconds()));
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn date_times() {
        assert_eq!(parse_date("20260229"), None);
        assert!(parse_date("20280229").is_some());
        assert_eq!(parse_date("2026-01-01"), None);
        assert_eq!(parse_date_time("20260310T100000Z").map(|(_, utc)| utc), Some(true));
        assert_eq!(parse_date_time("20260310T100000").map(|(_, utc)| utc), Some(false));
        assert_eq!(parse_date_time("20260310T250000"), None);
        assert_eq!(parse_date_time("20260310T1000"), None);
        assert_eq!(
            parse_date_time("20261231T235960Z").map(|(n, _)| n),
            Some(naive("20261231T235959"))
        );
    }

    #[test]
    fn uk_clock_changes() {
        // Spring gap: 01:30 does not exist on 29 March 2026; read with GMT, so 01:30Z.
        assert_eq!(
            localize(naive("20260329T013000"), uk()),
            Some(at("2026-03-29T01:30:00Z"))
        );
        // Autumn overlap: 01:30 happens twice on 25 October 2026; the first is BST.
        assert_eq!(
            localize(naive("20261025T013000"), uk()),
            Some(at("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            localize(naive("20260701T100000"), uk()),
            Some(at("2026-07-01T09:00:00Z"))
        );
    }

    #[test]
    fn nominal_days_follow_the_wall_clock() {
        let one_day = Length {
            days: 1,
            exact: TimeDelta::zero(),
        };
        let end = one_day.end_from(naive("20260328T100000"), uk());
        assert_eq!(end, Some(at("2026-03-29T09:00:00Z")));
    }
}
