//! # convene-ics: busy time from calendar files, and invitations
//!
//! Owns reading `.ics` (iCalendar, RFC 5545) files exported by Outlook and Google Calendar
//! into the periods in which a person is busy, so the meeting slot finder can avoid them
//! ([`busy_periods`]), and writing meeting invitations, cancellations and calendar exports
//! ([`calendar`], see [`write`](mod@write)).
//!
//! **Architecture invariant: this crate does no IO and reads no clock.** The file's text and
//! the dates wanted are parameters; the result is data. Callers read files and decide what to
//! do with the periods, and give the time an invitation is made (`DTSTAMP`).
//!
//! What is read by [`busy_periods`]:
//! - `VEVENT`s with `DTSTART` and `DTEND`, `DURATION` or neither; `TZID`s that are IANA names,
//!   Windows zone names (as Outlook writes them) or old Outlook display names; UTC (`Z`) and
//!   floating times (taken as UK time); all-day events (`VALUE=DATE`, busy from 00:00 UK time
//!   on the first day to 00:00 on the exclusive end day); `RRULE`s (expanded within the dates
//!   asked for, keeping their wall-clock time across clock changes), `RDATE`, `EXDATE`, and
//!   instances moved or cancelled with `RECURRENCE-ID`.
//! - Events that do not make someone busy are left out: `STATUS:CANCELLED`,
//!   `TRANSP:TRANSPARENT` and Outlook's `X-MICROSOFT-CDO-BUSYSTATUS:FREE`.
//! - `VFREEBUSY` `FREEBUSY` periods, except those marked `FBTYPE=FREE`.
//!
//! Decisions:
//! - An event that takes no time (a DATE-TIME `DTSTART` without `DTEND` or `DURATION`, or an
//!   end equal to its start) makes nobody busy and is left out. An all-day event without an
//!   end, or whose end date equals its start date, lasts one day.
//! - A file with anything wrong imports nothing: the result is an [`IcsError`] sentence, never
//!   a partial list and never a panic. Events that do not make anyone busy are only checked as
//!   far as needed (a cancelled instance's `RECURRENCE-ID`), so an odd time zone on a free
//!   event does not block an import.
//! - A `TZID` we cannot map is an error rather than a guess: a wrong guess would move a
//!   person's meetings by hours without anyone noticing. The one exception is a `VTIMEZONE`
//!   under an unknown name (Outlook's "Customized Time Zone") whose rules are exactly the
//!   UK's or the EU's since 1996; it is read as that zone.
//! - A repeating event keeps the wall-clock time of its `DTSTART` zone; a UTC `DTSTART`
//!   repeats at the same UTC time, as RFC 5545 says, so its UK time moves with the clocks.
//!   Times in the spring gap are read with the offset before the gap, times in the autumn
//!   overlap as the first of the two (RFC 5545 §3.3.5). `X-WR-TIMEZONE` is not used.
//! - A moved instance (`RECURRENCE-ID`) is reported with the UID `UID@<its new start>`, like
//!   every other instance.
//! - A period that starts or ends outside the dates Convene handles (2000 to 2199, the years its
//!   working-day calendar covers), such as `DURATION:P450000W`, is an error naming the event:
//!   such a time could not be stored. `INTERVAL=0` is an error too (RFC 5545: it is positive).
//! - A line that is not an iCalendar content line (`NAME;params:value`), e.g. an unfolded
//!   line break inside a description, is damage and is reported with its line number.
//! - Guards against hostile or damaged files: at most [`MAX_INPUT_BYTES`] of text, components
//!   nested at most 8 deep, at most [`MAX_RULE_STEPS`] occurrences worked through per repeat
//!   rule, at most [`MAX_FILE_RULE_PERIODS`] rule periods walked per file and at most
//!   [`MAX_EXPANDED_INSTANCES`] repeat instances returned per file. The limits are counts,
//!   not timers, so the same file always gives the same answer.

mod error;
mod events;
mod freebusy;
pub mod invite;
mod recurrence;
mod structure;
mod values;
pub mod write;
mod zones;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime, Utc};
use icalendar::parser::{Component, Property};

pub use error::IcsError;
pub use invite::{meeting_invitation, person_calendar};
pub use write::{calendar, Attendee, EventStatus, InviteEvent, Method, PartStat, Party};

/// Largest file accepted, in bytes (20 MB): a year of a busy Outlook calendar is well under 5 MB.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Most repeat instances (from `RRULE`/`RDATE`) a file may put in the dates asked for.
pub const MAX_EXPANDED_INSTANCES: usize = 10_000;

/// Most FREQ periods (days for a daily rule, weeks for a weekly one…) all the repeat rules of
/// a file may walk through to reach the dates asked for. Bounds the work a file can cause:
/// 500 daily series started ten years ago need under 2 million.
pub const MAX_FILE_RULE_PERIODS: i64 = 5_000_000;

/// Most occurrences one repeat rule may need to reach the end of the dates asked for: a daily
/// event started in 1900 needs about 46,000 to reach 2026.
pub const MAX_RULE_STEPS: usize = 200_000;

/// A busy period from a calendar file, in UK time (Europe/London offset in force at that instant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyPeriod {
    /// When the person becomes busy.
    pub start: DateTime<FixedOffset>,
    /// When they are free again (exclusive).
    pub end: DateTime<FixedOffset>,
    /// The event's SUMMARY ("" for free/busy periods or when missing).
    pub summary: String,
    /// The event's UID; for recurrence instances `UID@<RFC3339 start>`, for VFREEBUSY
    /// periods `freebusy@<RFC3339 start>`.
    pub uid: String,
    /// Whether this is an all-day (`VALUE=DATE`) event.
    pub all_day: bool,
}

/// Every busy period that overlaps the UK dates `from..=to` (inclusive), recurrences expanded,
/// sorted by start, then end, then UID.
///
/// ```
/// use chrono::NaiveDate;
///
/// let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Core group\r\n\
///            DTSTART;TZID=GMT Standard Time:20260512T100000\r\nDURATION:PT1H30M\r\n\
///            END:VEVENT\r\nEND:VCALENDAR\r\n";
/// let day = NaiveDate::from_ymd_opt(2026, 5, 12).unwrap();
/// let busy = convene_ics::busy_periods(ics, day, day).unwrap();
/// assert_eq!(busy[0].start.to_rfc3339(), "2026-05-12T10:00:00+01:00");
/// assert_eq!(busy[0].end.to_rfc3339(), "2026-05-12T11:30:00+01:00");
/// ```
///
/// # Errors
/// An [`IcsError`] describing the first problem found; nothing is imported from a file with
/// a problem.
pub fn busy_periods(ics: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<BusyPeriod>, IcsError> {
    if from > to {
        return Err(IcsError::InvalidDateRange { from, to });
    }
    let window = Window::for_uk_dates(from, to).ok_or(IcsError::InvalidDateRange { from, to })?;
    let blocks = structure::calendar_blocks(ics)?;
    let mut found = Found::default();
    for block in &blocks {
        for calendar in block.parse()? {
            let zones = zones::ZoneResolver::new(&calendar.components);
            events::collect(&calendar.components, &zones, window, &mut found)?;
            freebusy::collect(&calendar.components, &zones, window, &mut found)?;
        }
    }
    let mut periods = found.periods;
    // Stored busy time must lie in the dates Convene handles, or the store could not read it back.
    if let Some(p) = periods
        .iter()
        .find(|p| convene_core::time::check_period(p.start, p.end).is_err())
    {
        return Err(IcsError::OutsideSupportedDates {
            event: p.summary.clone(),
            first: convene_core::time::first_day(),
            last: convene_core::time::last_day(),
        });
    }
    periods.sort_by(|a, b| (a.start, a.end, &a.uid, &a.summary).cmp(&(b.start, b.end, &b.uid, &b.summary)));
    periods.dedup();
    Ok(periods)
}

/// The instants covered by the UK dates asked for: `[start, end)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    pub(crate) start: DateTime<Utc>,
    pub(crate) end: DateTime<Utc>,
}

impl Window {
    fn for_uk_dates(from: NaiveDate, to: NaiveDate) -> Option<Window> {
        let day_after = to.checked_add_days(Days::new(1))?;
        let midnight = |date: NaiveDate| values::localize(date.and_time(NaiveTime::MIN), values::uk());
        Some(Window {
            start: midnight(from)?,
            end: midnight(day_after)?,
        })
    }

    pub(crate) fn overlaps(self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        start < self.end && end > self.start
    }
}

/// What has been found so far across the file, with the running count for the instance cap.
pub(crate) struct Found {
    periods: Vec<BusyPeriod>,
    expanded_instances: usize,
    /// What is left of [`MAX_FILE_RULE_PERIODS`].
    rule_periods_left: i64,
}

impl Default for Found {
    fn default() -> Self {
        Found {
            periods: Vec::new(),
            expanded_instances: 0,
            rule_periods_left: MAX_FILE_RULE_PERIODS,
        }
    }
}

impl Found {
    /// Adds a period, given as UTC instants, reported in UK time.
    pub(crate) fn push(&mut self, start: DateTime<Utc>, end: DateTime<Utc>, summary: &str, uid: String, all_day: bool) {
        self.periods.push(BusyPeriod {
            start: in_uk_time(start),
            end: in_uk_time(end),
            summary: summary.to_owned(),
            uid,
            all_day,
        });
    }

    /// Charges the periods one repeat rule will walk through against the file's budget.
    pub(crate) fn charge_rule_periods(&mut self, periods: i64) -> Result<(), IcsError> {
        self.rule_periods_left = self.rule_periods_left.saturating_sub(periods.max(0));
        if self.rule_periods_left < 0 {
            return Err(IcsError::RepeatsTooComplex);
        }
        Ok(())
    }

    /// Counts one repeat instance against [`MAX_EXPANDED_INSTANCES`].
    pub(crate) fn count_expanded(&mut self) -> Result<(), IcsError> {
        self.expanded_instances += 1;
        if self.expanded_instances > MAX_EXPANDED_INSTANCES {
            return Err(IcsError::TooManyRepeats {
                limit: MAX_EXPANDED_INSTANCES,
            });
        }
        Ok(())
    }
}

pub(crate) fn in_uk_time(instant: DateTime<Utc>) -> DateTime<FixedOffset> {
    instant.with_timezone(&values::uk()).fixed_offset()
}

/// Property names are case-insensitive (RFC 5545 §2).
pub(crate) fn properties<'c, 'a>(
    component: &'c Component<'a>,
    name: &'c str,
) -> impl Iterator<Item = &'c Property<'a>> + 'c {
    component
        .properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

/// The first value of a property, if present.
pub(crate) fn property_value<'c>(component: &'c Component<'_>, name: &str) -> Option<&'c str> {
    component
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
        .map(|p| p.val.as_str())
}

/// A parameter's value (`TZID`, `VALUE`, `FBTYPE`), if present.
pub(crate) fn parameter<'p>(property: &'p Property<'_>, key: &str) -> Option<&'p str> {
    property
        .params
        .iter()
        .find(|p| p.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str())
}
