//! The corpus and the hostile material.

use std::path::Path;

use convene_fuzzkit::load_files;

pub(crate) struct Corpus {
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// Each file split at `\n` (lines keep their `\r`).
    pub(crate) lines: Vec<Vec<Vec<u8>>>,
    pub(crate) values: Vec<String>,
}

pub(crate) fn split_lines(b: &[u8]) -> Vec<Vec<u8>> {
    b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect()
}

pub(crate) fn join_lines(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.join(&b'\n')
}

impl Corpus {
    pub(crate) fn load(dir: &Path) -> Corpus {
        let files = load_files(dir);
        let lines = files.iter().map(|(_, b)| split_lines(b)).collect();
        let mut values: Vec<String> = NASTY_VALUES.iter().map(|v| (*v).to_owned()).collect();
        values.push("x".repeat(10_000));
        values.push("9".repeat(40));
        values.push(format!("FREQ=DAILY;BYDAY={}", vec!["MO"; 500].join(",")));
        values.push(vec!["20260310T100000Z"; 2000].join(","));
        Corpus { files, lines, values }
    }
}

/// Lines that are valid, nearly valid or hostile, to drop into a file (from `tests/fuzz.rs`).
pub(crate) const NASTY_LINES: &[&str] = &[
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    "BEGIN:VFREEBUSY",
    "END:VFREEBUSY",
    "BEGIN:VALARM",
    "END:VALARM",
    "BEGIN:VTIMEZONE",
    "END:VTIMEZONE",
    "BEGIN:STANDARD",
    "BEGIN:DAYLIGHT",
    "RRULE:FREQ=SECONDLY",
    "RRULE:FREQ=MINUTELY;INTERVAL=1",
    "RRULE:FREQ=HOURLY;BYHOUR=25",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=DAILY;COUNT=0",
    "RRULE:FREQ=WEEKLY;BYSETPOS=-1;BYDAY=MO",
    "RRULE:FREQ=MONTHLY;BYDAY=5FR",
    "RRULE:FREQ=DAILY;UNTIL=00010101",
    "RRULE:FREQ=SECONDLY;BYSECOND=1,2,3;BYMINUTE=1;BYHOUR=1",
    "RRULE:FREQ=YEARLY;BYWEEKNO=53;BYDAY=SU",
    "RRULE:FREQ=DAILY;INTERVAL=0",
    "RRULE:FREQ=YEARLY;BYYEARDAY=-366,366",
    "RRULE:FREQ=MINUTELY;UNTIL=99991231T235959Z",
    "EXRULE:FREQ=DAILY",
    "DTSTART:99991231T235959Z",
    "DTSTART;VALUE=DATE:00010101",
    "DTSTART;VALUE=DATE:99991231",
    "DTSTART;VALUE=DATE:20260230",
    "DTSTART:20260101T240000Z",
    "DTSTART;TZID=Europe/London:20260329T013000",
    "DTSTART;TZID=Europe/London:20261025T013000",
    "DTSTART;TZID=Nowhere:20260101T000000",
    "DTSTART;TZID=\"unterminated:20260101T100000",
    "DTSTART;TZID=Customized Time Zone:20260101T100000",
    "DTEND:20260101T000000Z",
    "DTEND;VALUE=DATE:00010101",
    "DURATION:-P1D",
    "DURATION:P99999999W",
    "DURATION:PT9999999999S",
    "DURATION:P",
    "EXDATE:20260310T100000Z,garbage",
    "EXDATE;VALUE=DATE:20260310",
    "RDATE;VALUE=PERIOD:20260310T100000Z/P1D",
    "RDATE;VALUE=PERIOD:20260310T100000Z/20260310T090000Z",
    "RDATE:99991231T235959Z",
    "RDATE;VALUE=DATE:00010101",
    "RECURRENCE-ID:20260310T100000",
    "RECURRENCE-ID;VALUE=DATE:20260310",
    "RECURRENCE-ID;RANGE=THISANDFUTURE:20260310T100000Z",
    "STATUS:CANCELLED",
    "TRANSP:TRANSPARENT",
    "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
    "FREEBUSY:20260101T000000Z/P1D",
    "FREEBUSY;FBTYPE=FREE:x",
    "FREEBUSY:99991231T230000Z/P99999999D",
    "FREEBUSY:20260101T000000Z/20251231T000000Z",
    "TZOFFSETFROM:+9999",
    "TZOFFSETTO:-2400",
    "TZID:Europe/London",
    "UID:",
    ":",
    ";;;:",
    "X:\\",
    "SUMMARY:\\",
    " folded",
    "\t",
    "",
    "\u{feff}",
    "\u{0}",
    "ÄÖÜ:ß",
];

/// Property values: impossible and extreme dates and times, durations, rules, zones.
const NASTY_VALUES: &[&str] = &[
    "",
    "20260230T100000",
    "20260101T250000",
    "20260101T236060",
    "99991231T235959Z",
    "00000000",
    "00000000T000000",
    "00010101T000000Z",
    "20260329T013000",
    "20261025T013000",
    "19000101T000000Z",
    "16010101T000000",
    "22620411T235959Z",
    "16770921T000000Z",
    "20260101",
    "2026-01-01T00:00:00Z",
    "P",
    "PT",
    "-P1D",
    "+P1D",
    "P99999999W",
    "PT9999999999S",
    "P1Y",
    "P1W2D",
    "FREQ=SECONDLY",
    "FREQ=DAILY;COUNT=4294967296",
    "FREQ=WEEKLY;UNTIL=20260101",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=YEARLY;BYYEARDAY=366",
    "FREQ=DAILY;BYSETPOS=0",
    "FREQ=DAILY;INTERVAL=4294967295",
    "FREQ=WEEKLY;WKST=XX",
    "20260310T100000Z/20260310T090000Z",
    "20260310T100000Z/PT0S",
    "20260310T100000Z,,",
    "Europe/London",
    "GMT Standard Time",
    "Customized Time Zone",
    "Nowhere",
    "+0100",
    "-2400",
    "+9999",
    "TRANSPARENT",
    "CANCELLED",
    "FREE",
    "OOF",
    "\\",
    "\"",
    ",",
    ";",
    ":",
];

pub(crate) const NAMES: &[&str] = &[
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "EXRULE",
    "RECURRENCE-ID",
    "UID",
    "STATUS",
    "TRANSP",
    "FREEBUSY",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "BEGIN",
    "END",
    "X-MICROSOFT-CDO-BUSYSTATUS",
    "X-WR-TIMEZONE",
    "SUMMARY",
    "dtstart",
    "",
];

pub(crate) const PARAMS: &[&str] = &[
    "",
    ";VALUE=DATE",
    ";VALUE=DATE-TIME",
    ";VALUE=PERIOD",
    ";VALUE=DURATION",
    ";TZID=Europe/London",
    ";TZID=\"GMT Standard Time\"",
    ";TZID=Customized Time Zone",
    ";TZID=W. Europe Standard Time",
    ";TZID=Nowhere",
    ";TZID=",
    ";TZID=Europe/London;TZID=UTC",
    ";FBTYPE=FREE",
    ";FBTYPE=BUSY-TENTATIVE",
    ";RANGE=THISANDFUTURE",
    ";X=\"a:b;c\"",
    ";;",
    ";=",
];

pub(crate) const TOKENS: &[&[u8]] = &[
    b"\r\n",
    b"\n",
    b"\r",
    b"\r\n ",
    b"\r\n\t",
    b":",
    b";",
    b",",
    b"=",
    b"\"",
    b"\\",
    b"Z",
    b"T",
    b"/",
    b"-",
    b"+",
    b"P",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xe2\x80\xae",
    b"99999999",
    b"00000000",
];
