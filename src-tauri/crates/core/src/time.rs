//! Europe/London wall time. Meetings are entered as local times; the clocks going forward
//! (a missing hour) and back (a repeated hour) are refused or resolved explicitly, never guessed.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Europe::London;

use crate::calendar::{FIRST_YEAR, LAST_YEAR};
use crate::error::ValidationError;

// The dates Convene handles are the years the working-day calendar covers. Every date and time
// is checked against them where it comes in (parsing, and validation before every write and
// import), so a stored record can always be read back and its deadlines always counted.

/// The first day Convene handles.
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day Convene handles.
pub fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

fn outside(what: &'static str, when: String) -> ValidationError {
    ValidationError::OutsideSupportedDates {
        what,
        when,
        first: first_day(),
        last: last_day(),
    }
}

/// `date` if Convene handles it; otherwise the sentence saying so, naming `what` it is.
pub fn check_day(what: &'static str, date: NaiveDate) -> Result<NaiveDate, ValidationError> {
    if (first_day()..=last_day()).contains(&date) {
        Ok(date)
    } else {
        Err(outside(what, date.to_string()))
    }
}

/// A time on a day Convene handles (the day as read in the time's own offset).
pub fn check_time(what: &'static str, at: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>, ValidationError> {
    check_day(what, at.date_naive())
        .map(|_| at)
        .map_err(|_| outside(what, at.format("%Y-%m-%d %H:%M").to_string()))
}

/// A meeting or busy time Convene handles: it starts on a day inside the range and ends by the
/// midnight after its last day (where a whole last day, entered as leave is, ends).
pub fn check_period(start: DateTime<FixedOffset>, end: DateTime<FixedOffset>) -> Result<(), ValidationError> {
    check_time("The start", start)?;
    let at_the_close = Some(end.date_naive()) == last_day().succ_opt() && end.time() == NaiveTime::MIN;
    if !at_the_close {
        check_time("The end", end)?;
    }
    Ok(())
}

/// The end of something starting at `start` and lasting `length`, in UK time; refused (never a
/// panic) if it would end outside the dates Convene handles.
pub fn end_after(
    start: DateTime<FixedOffset>,
    length: chrono::TimeDelta,
) -> Result<DateTime<FixedOffset>, ValidationError> {
    let end = start.checked_add_signed(length).ok_or_else(|| {
        let when = format!(
            "{} plus {} minutes",
            start.format("%Y-%m-%d %H:%M"),
            length.num_minutes()
        );
        outside("The end", when)
    })?;
    let end = to_london(end);
    check_period(start, end)?;
    Ok(end)
}

/// Parse a calendar date written `YYYY-MM-DD`, on a day Convene handles.
pub fn parse_date(text: &str) -> Result<NaiveDate, ValidationError> {
    check_day("The date", any_date(text)?)
}

fn any_date(text: &str) -> Result<NaiveDate, ValidationError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| ValidationError::BadDate { text: text.to_string() })
}

/// Parse a UK wall time: `YYYY-MM-DDTHH:MM` (or with a space, or with seconds), optionally
/// followed by an explicit offset (`+01:00`) to choose one side of the repeated hour. The day
/// must be one Convene handles.
pub fn parse_london(text: &str) -> Result<DateTime<FixedOffset>, ValidationError> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return check_offset(check_time("The time", dt)?);
    }
    // Seconds with an offset are RFC 3339 unless the year is not four digits: read here too, so
    // such a year is told it is out of range rather than unreadable.
    for fmt in ["%Y-%m-%dT%H:%M:%S%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z"] {
        if let Ok(dt) = DateTime::parse_from_str(t, fmt) {
            return check_offset(check_time("The time", dt)?);
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
            if check_day("The time", naive.date()).is_err() {
                return Err(outside("The time", naive.format("%Y-%m-%d %H:%M").to_string()));
            }
            return london(naive);
        }
    }
    Err(ValidationError::BadTime { text: text.to_string() })
}

/// Resolve a wall time in Europe/London; refuses a time in the spring gap or the autumn overlap.
pub fn london(naive: NaiveDateTime) -> Result<DateTime<FixedOffset>, ValidationError> {
    match London.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(dt.fixed_offset()),
        LocalResult::Ambiguous(_, _) => Err(ValidationError::AmbiguousLocalTime { when: human(naive) }),
        LocalResult::None => Err(ValidationError::NonexistentLocalTime {
            when: human(naive),
            gap: "01:00 to 02:00".to_string(),
        }),
    }
}

/// A stored time must carry the offset London had at that instant.
pub fn check_offset(dt: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>, ValidationError> {
    let in_london = dt.with_timezone(&London);
    let expected = in_london.offset().fix();
    if expected != *dt.offset() || in_london.naive_local() != dt.naive_local() {
        return Err(ValidationError::WrongOffset {
            when: dt.to_rfc3339(),
            expected: expected.to_string(),
        });
    }
    Ok(dt)
}

/// Move a meeting to another day, keeping its wall-clock time; errors if that time does not
/// exist or is ambiguous on the new day.
pub fn same_time_on(dt: DateTime<FixedOffset>, day: NaiveDate) -> Result<DateTime<FixedOffset>, ValidationError> {
    london(day.and_time(dt.time()))
}

/// A UK wall time, or a bare date meaning the start of that day (with `end_of_day`, the start
/// of the next: a whole day, as leave is entered).
pub fn parse_day_or_time(text: &str, end_of_day: bool) -> Result<DateTime<FixedOffset>, ValidationError> {
    if let Ok(d) = any_date(text) {
        let d = check_day("The date", d)?;
        let day = if end_of_day {
            // Inside the range, so there is always a next day.
            d.succ_opt().ok_or_else(|| outside("The date", d.to_string()))?
        } else {
            d
        };
        return london(day.and_time(NaiveTime::MIN));
    }
    parse_london(text)
}

/// The same instant, expressed with the UK offset in force at that instant.
pub fn to_london(dt: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    dt.with_timezone(&London).fixed_offset()
}

/// The UK calendar date at an instant (the caller reads the clock).
pub fn uk_date_of(instant: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    instant.with_timezone(&London).date_naive()
}

fn human(naive: NaiveDateTime) -> String {
    naive.format("%A %-d %B %Y, %H:%M").to_string()
}

/// Serde for meeting times: RFC 3339 with the numeric UK offset ("+00:00", never "Z"), seconds
/// precision, so stored, exported and printed times read the same.
pub mod rfc3339_offset {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(dt: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&dt.to_rfc3339_opts(SecondsFormat::Secs, false))
    }

    /// Also reads a year written with a sign or more than four digits ("+10000-…", "-0001-…"),
    /// which RFC 3339 has no room for but the writer produces: such times are refused before
    /// every write now, but a store that took one earlier must still open so it can be mended.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text)
            .or_else(|e| DateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S%:z").map_err(|_| e))
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_times_take_the_offset_in_force() {
        assert_eq!(
            parse_london("2026-05-12T10:00").map(|d| d.to_rfc3339()),
            Ok("2026-05-12T10:00:00+01:00".to_string())
        );
        assert_eq!(
            parse_london("2026-01-12 10:00").map(|d| d.to_rfc3339()),
            Ok("2026-01-12T10:00:00+00:00".to_string())
        );
    }

    #[test]
    fn the_spring_gap_is_refused() {
        // Clocks went forward at 01:00 GMT on Sunday 29 March 2026.
        let err = parse_london("2026-03-29T01:30").unwrap_err();
        assert!(matches!(err, ValidationError::NonexistentLocalTime { .. }));
        assert!(err.to_string().contains("clocks go forward"));
    }

    #[test]
    fn the_autumn_overlap_needs_an_offset() {
        // Clocks went back at 02:00 BST on Sunday 25 October 2026.
        let err = parse_london("2026-10-25T01:30").unwrap_err();
        assert!(matches!(err, ValidationError::AmbiguousLocalTime { .. }));
        let first = parse_london("2026-10-25T01:30+01:00").unwrap();
        let second = parse_london("2026-10-25T01:30+00:00").unwrap();
        assert!(first < second);
    }

    #[test]
    fn a_wrong_offset_is_refused() {
        assert!(matches!(
            parse_london("2026-07-01T10:00+00:00"),
            Err(ValidationError::WrongOffset { .. })
        ));
    }

    #[test]
    fn garbage_is_a_clear_error() {
        for bad in [
            "",
            "tomorrow",
            "2026-02-30T10:00",
            "2026-13-01T10:00",
            "2026-05-12T25:00",
        ] {
            assert!(
                matches!(parse_london(bad), Err(ValidationError::BadTime { .. })),
                "{bad}"
            );
        }
        assert!(parse_date("2026-02-29").is_err());
        assert!(parse_date("2028-02-29").is_ok());
    }

    const OUTSIDE: &str = "is outside the dates Convene handles (2000-01-01 to 2199-12-31)";

    #[test]
    fn dates_outside_2000_to_2199_are_refused_with_a_sentence() {
        for text in ["-1-01-01", "+10000-01-01", "+262142-12-31", "1999-12-31", "2200-01-01"] {
            for result in [
                parse_date(text),
                parse_day_or_time(text, false).map(|t| t.date_naive()),
                parse_day_or_time(text, true).map(|t| t.date_naive()),
            ] {
                let err = result.expect_err(text).to_string();
                assert!(err.contains(OUTSIDE), "{text}: {err}");
            }
        }
        for text in [
            "+10000-06-01T10:00",
            "-0001-06-01T10:00",
            "1999-12-31T23:59",
            "2200-01-01T00:00",
            "+10000-06-01T10:00:00+01:00",
            "+10000-06-01 10:00+01:00",
        ] {
            let err = parse_london(text).expect_err(text).to_string();
            assert!(err.contains(OUTSIDE), "{text}: {err}");
        }
        assert_eq!(parse_date("2000-01-01").map(|d| d.to_string()), Ok("2000-01-01".into()));
        assert!(parse_london("2199-12-31T23:00").is_ok());
        // A whole last day ends at midnight after it, not on the same day.
        assert_eq!(
            parse_day_or_time("2199-12-31", true).map(|t| t.to_rfc3339()),
            Ok("2200-01-01T00:00:00+00:00".to_string())
        );
    }

    #[test]
    fn a_stored_time_with_a_long_or_negative_year_still_reads() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Stored {
            #[serde(with = "rfc3339_offset")]
            at: DateTime<FixedOffset>,
        }
        // As the writer stored them before the range was checked: London's offset in those
        // years (local mean time, -00:01:15, in year -1).
        for naive in ["+10000-01-01T00:00:00", "-0001-01-01T00:00:00"] {
            let naive = NaiveDateTime::parse_from_str(naive, "%Y-%m-%dT%H:%M:%S").expect(naive);
            let at = London
                .from_local_datetime(&naive)
                .single()
                .expect("one time")
                .fixed_offset();
            let json = serde_json::to_string(&Stored { at }).expect("writes");
            let back: Stored = serde_json::from_str(&json).expect(&json);
            // The writer keeps whole minutes of offset, so what reads back writes the same text.
            assert_eq!(serde_json::to_string(&back).ok(), Some(json));
        }
    }
}
