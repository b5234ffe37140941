//! The one error type of this crate. Every message is a sentence about the user's file that a
//! social worker can act on (export again, pick fewer dates, ask the sender), never a parser dump.

use chrono::NaiveDate;

/// Why a calendar file could not be imported. A file that gives an error imports nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    /// The text does not begin with `BEGIN:VCALENDAR`.
    #[error("The file is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.")]
    NotICalendar,

    /// The input is larger than [`crate::MAX_INPUT_BYTES`].
    #[error(
        "The file is too large to import ({megabytes} MB). Convene reads calendar files of up \
         to {limit_megabytes} MB: export a shorter period from your calendar."
    )]
    TooLarge {
        /// Size of the input, rounded up to whole megabytes.
        megabytes: usize,
        /// The limit in megabytes.
        limit_megabytes: usize,
    },

    /// The file stops inside a component: it was probably cut short while copying or emailing.
    #[error(
        "The file ends before the calendar is complete ({missing} is missing), so it may have \
         been cut short. Export it from your calendar again."
    )]
    Truncated {
        /// The closing line that never came, e.g. `END:VEVENT`.
        missing: String,
    },

    /// A component is closed by the wrong `END:` line.
    #[error("The file is damaged near line {line}: it has {found} where END:{expected} was expected.")]
    MismatchedEnd {
        /// 1-based line number in the file as saved.
        line: usize,
        /// The `END:` line that was found.
        found: String,
        /// The name of the component that was open.
        expected: String,
    },

    /// A line the iCalendar grammar cannot read, or a structure no calendar program writes.
    #[error("The file is damaged near line {line} and cannot be read: '{text}'.")]
    Unreadable {
        /// 1-based line number in the file as saved.
        line: usize,
        /// The start of the offending line.
        text: String,
    },

    /// The requested date range is back to front (or reaches past the last date chrono can
    /// represent, which only a programming error would ask for).
    #[error("The dates to import end ({to}) before they start ({from}).")]
    InvalidDateRange {
        /// First UK date asked for.
        from: NaiveDate,
        /// Last UK date asked for.
        to: NaiveDate,
    },

    /// An event has no `DTSTART`.
    #[error("The event {} has no start time.", event_name(.event))]
    MissingStart {
        /// The event's SUMMARY ("" when it has none).
        event: String,
    },

    /// `DTSTART` (or `RECURRENCE-ID`) is not a date or date-time.
    #[error("The event {} has a start time that cannot be read: '{value}'.", event_name(.event))]
    BadStart {
        /// The event's SUMMARY ("" when it has none).
        event: String,
        /// The value as written in the file.
        value: String,
    },

    /// `DTEND` is not a date or date-time.
    #[error("The event {} has an end time that cannot be read: '{value}'.", event_name(.event))]
    BadEnd {
        /// The event's SUMMARY ("" when it has none).
        event: String,
        /// The value as written in the file.
        value: String,
    },

    /// `DURATION` is not an iCalendar duration such as `PT1H30M`.
    #[error("The event {} has a length that cannot be read: '{value}'.", event_name(.event))]
    BadDuration {
        /// The event's SUMMARY ("" when it has none).
        event: String,
        /// The value as written in the file.
        value: String,
    },

    /// An `EXDATE`, `RDATE` or `RECURRENCE-ID` value cannot be read.
    #[error(
        "The event {} has a repeat date that cannot be read: '{value}'.",
        event_name(.event)
    )]
    BadRepeatDate {
        /// The event's SUMMARY ("" when it has none).
        event: String,
        /// The value as written in the file.
        value: String,
    },

    /// A `TZID` that is neither an IANA name, a Windows zone name, nor a recognisable
    /// `VTIMEZONE` in the file.
    #[error(
        "The event {} uses the time zone '{tzid}', which Convene does not know.",
        event_name(.event)
    )]
    UnknownTimeZone {
        /// The event's SUMMARY ("" when it has none; "free/busy" for VFREEBUSY periods).
        event: String,
        /// The TZID as written in the file.
        tzid: String,
    },

    /// `DTEND` before `DTSTART`, or a negative `DURATION`.
    #[error("The event {} ends before it starts.", event_name(.event))]
    EndBeforeStart {
        /// The event's SUMMARY ("" when it has none).
        event: String,
    },

    /// An `RRULE` that is not valid RFC 5545.
    #[error("The event {} repeats by a rule Convene cannot read: {rule}.", event_name(.event))]
    BadRecurrence {
        /// The event's SUMMARY ("" when it has none).
        event: String,
        /// The RRULE value as written in the file.
        rule: String,
    },

    /// An `RRULE` with an `INTERVAL` below 1 (RFC 5545 §3.3.10: a positive integer).
    #[error(
        "The event {} repeats with INTERVAL={value}, but the interval between repeats must be a \
         whole number of at least 1.",
        event_name(.event)
    )]
    BadInterval {
        /// The event's SUMMARY ("" when it has none).
        event: String,
        /// The INTERVAL value as written in the file.
        value: String,
    },

    /// A busy period that starts or ends outside the dates Convene handles (the years its
    /// working-day calendar covers), e.g. `DURATION:P450000W`.
    #[error(
        "The event {} runs outside the dates Convene handles ({first} to {last}). Check its \
         dates in your calendar; nothing was imported.",
        event_name(.event)
    )]
    OutsideSupportedDates {
        /// The event's SUMMARY ("" when it has none or for free/busy periods).
        event: String,
        /// The first day Convene handles.
        first: NaiveDate,
        /// The last day Convene handles.
        last: NaiveDate,
    },

    /// One rule needs more than [`crate::MAX_RULE_STEPS`] occurrences (or a million periods
    /// of its frequency) to reach the dates asked for, e.g. `FREQ=SECONDLY`.
    #[error(
        "The event {} repeats too often for Convene to work out which repeats fall in the \
         chosen dates.",
        event_name(.event)
    )]
    RepeatsTooOften {
        /// The event's SUMMARY ("" when it has none).
        event: String,
    },

    /// All the repeat rules of the file together need more work than
    /// [`crate::MAX_FILE_RULE_PERIODS`] allows.
    #[error(
        "The file has too many long-running repeating events for Convene to work out. Export \
         a shorter period from your calendar."
    )]
    RepeatsTooComplex,

    /// More than [`crate::MAX_EXPANDED_INSTANCES`] repeat instances fall in the chosen dates.
    #[error(
        "The file has too many repeating events: more than {limit} fall in the chosen dates. \
         Choose fewer dates to import."
    )]
    TooManyRepeats {
        /// The limit that was passed.
        limit: usize,
    },

    /// A `FREEBUSY` period that cannot be read.
    #[error("A free/busy period in the file cannot be read: '{value}'.")]
    BadFreeBusy {
        /// The period as written in the file.
        value: String,
    },

    /// A `FREEBUSY` period whose end is before its start.
    #[error("A free/busy period in the file ends before it starts: '{value}'.")]
    FreeBusyEndBeforeStart {
        /// The period as written in the file.
        value: String,
    },
}

/// How an event is named in a message: its title in quotes, shortened if very long.
fn event_name(summary: &str) -> String {
    const MAX_CHARS: usize = 80;
    let summary = summary.trim();
    if summary.is_empty() {
        return "with no title".to_owned();
    }
    if summary.chars().count() > MAX_CHARS {
        let short: String = summary.chars().take(MAX_CHARS).collect();
        format!("'{short}…'")
    } else {
        format!("'{summary}'")
    }
}

/// Shortens raw file text quoted in a message so one bad line cannot flood the screen.
pub(crate) fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let text = text.trim();
    if text.chars().count() > MAX_CHARS {
        let short: String = text.chars().take(MAX_CHARS).collect();
        format!("{short}…")
    } else {
        text.to_owned()
    }
}
