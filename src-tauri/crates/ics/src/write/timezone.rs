//! The `VTIMEZONE` written for Europe/London, and times written as UK wall-clock time under it,
//! or in UTC where that would be read back as another instant.

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, Offset, SubsecRound, TimeZone, Utc};
use chrono_tz::Europe::London;

use super::INVITE_TZID;

/// The UK's clock rules since 1996, as written in every calendar. `DTSTART`s are the first
/// change under each rule: Sunday 31 March 1996 01:00 GMT and Sunday 27 October 1996 02:00 BST.
pub(super) const LONDON_VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19960331T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The first year the `VTIMEZONE` above describes.
const LONDON_RULES_FROM_YEAR: i32 = 1996;

/// `20260512T090000Z`.
pub(super) fn utc_value(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// `NAME;TZID=Europe/London:<UK wall-clock time>`, or `NAME:<UTC>Z` when the wall-clock time
/// would be read back as another instant (see the module documentation).
pub(super) fn time_property(name: &str, instant: DateTime<Utc>) -> String {
    let instant = instant.trunc_subsecs(0);
    let uk = instant.with_timezone(&London);
    let wall = uk.naive_local();
    let read_back = match London.from_local_datetime(&wall) {
        LocalResult::Single(time) => Some(time),
        LocalResult::Ambiguous(first, _) => Some(first),
        LocalResult::None => None,
    };
    let same_instant = read_back.is_some_and(|t| t.with_timezone(&Utc) == instant);
    let offset_seconds = uk.offset().fix().local_minus_utc();
    if same_instant && vtimezone_offset_seconds(instant) == Some(offset_seconds) {
        format!("{name};TZID={INVITE_TZID}:{}", wall.format("%Y%m%dT%H%M%S"))
    } else {
        format!("{name}:{}", utc_value(instant))
    }
}

/// The UTC offset the written `VTIMEZONE` gives at `instant`, or `None` before its rules
/// start: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October.
fn vtimezone_offset_seconds(instant: DateTime<Utc>) -> Option<i32> {
    let year = instant.year();
    let spring = last_sunday(year, 3)?.and_hms_opt(1, 0, 0)?.and_utc();
    let autumn = last_sunday(year, 10)?.and_hms_opt(1, 0, 0)?.and_utc();
    if year < LONDON_RULES_FROM_YEAR || (year == LONDON_RULES_FROM_YEAR && instant < spring) {
        return None;
    }
    Some(if spring <= instant && instant < autumn { 3600 } else { 0 })
}

/// The last Sunday of a month that has 31 days.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_days(Days::new(u64::from(back)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn times_are_uk_wall_clock() {
        // Summer (BST): 09:00Z is 10:00 in London.
        assert_eq!(
            time_property("DTSTART", utc(2026, 7, 14, 9, 0)),
            "DTSTART;TZID=Europe/London:20260714T100000"
        );
        // Winter (GMT): 10:00Z is 10:00 in London.
        assert_eq!(
            time_property("DTSTART", utc(2026, 12, 1, 10, 0)),
            "DTSTART;TZID=Europe/London:20261201T100000"
        );
        // Around the spring change on Sunday 29 March 2026 at 01:00Z.
        assert_eq!(
            time_property("DTEND", utc(2026, 3, 29, 0, 59)),
            "DTEND;TZID=Europe/London:20260329T005900"
        );
        assert_eq!(
            time_property("DTEND", utc(2026, 3, 29, 1, 0)),
            "DTEND;TZID=Europe/London:20260329T020000"
        );
        // Autumn change on Sunday 25 October 2026: 00:30Z is the first 01:30, written as
        // wall-clock time; 01:30Z is the second 01:30, which would read back as 00:30Z.
        assert_eq!(
            time_property("DTSTART", utc(2026, 10, 25, 0, 30)),
            "DTSTART;TZID=Europe/London:20261025T013000"
        );
        assert_eq!(
            time_property("DTSTART", utc(2026, 10, 25, 1, 30)),
            "DTSTART:20261025T013000Z"
        );
        assert_eq!(
            time_property("DTSTART", utc(2026, 10, 25, 2, 0)),
            "DTSTART;TZID=Europe/London:20261025T020000"
        );
        // Before the VTIMEZONE's rules (and 1995 had a different October rule).
        assert_eq!(
            time_property("DTSTART", utc(1995, 10, 1, 9, 0)),
            "DTSTART:19951001T090000Z"
        );
        // Fractions of a second are dropped.
        let with_fraction = utc(2026, 7, 14, 9, 0) + chrono::TimeDelta::milliseconds(999);
        assert_eq!(
            time_property("DTSTART", with_fraction),
            "DTSTART;TZID=Europe/London:20260714T100000"
        );
        assert_eq!(utc_value(with_fraction), "20260714T090000Z");
    }

    #[test]
    fn vtimezone_rules_match_the_tz_database() {
        // The DTSTARTs written are the first changes under the rules.
        assert_eq!(last_sunday(1996, 3), NaiveDate::from_ymd_opt(1996, 3, 31));
        assert_eq!(last_sunday(1996, 10), NaiveDate::from_ymd_opt(1996, 10, 27));
        for year in 1997..=2099 {
            for (month, before, after) in [(3, 0, 3600), (10, 3600, 0)] {
                let change = last_sunday(year, month)
                    .unwrap()
                    .and_hms_opt(1, 0, 0)
                    .unwrap()
                    .and_utc();
                for (instant, expected) in [(change - chrono::TimeDelta::seconds(1), before), (change, after)] {
                    let tzdb = instant.with_timezone(&London).offset().fix().local_minus_utc();
                    assert_eq!(tzdb, expected, "{instant}");
                    assert_eq!(vtimezone_offset_seconds(instant), Some(expected), "{instant}");
                }
            }
        }
    }
}
