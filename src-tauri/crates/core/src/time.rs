//! Europe/London wall time. Meetings are entered as local times; the clocks going forward
//! (a missing hour) and back (a repeated hour) are refused or resolved explicitly, never guessed.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Europe::London;

use crate::error::ValidationError;

/// Parse a calendar date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, ValidationError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| ValidationError::BadDate { text: text.to_string() })
}

/// Parse a UK wall time: `YYYY-MM-DDTHH:MM` (or with a space, or with seconds), optionally
/// followed by an explicit offset (`+01:00`) to choose one side of the repeated hour.
pub fn parse_london(text: &str) -> Result<DateTime<FixedOffset>, ValidationError> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return check_offset(dt);
    }
    for fmt in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z"] {
        if let Ok(dt) = DateTime::parse_from_str(t, fmt) {
            return check_offset(dt);
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
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
    if let Ok(d) = parse_date(text) {
        let day = if end_of_day { d.succ_opt().unwrap_or(d) } else { d };
        return london(day.and_time(chrono::NaiveTime::MIN));
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

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(serde::de::Error::custom)
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
}
