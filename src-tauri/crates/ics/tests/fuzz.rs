//! Random damage to real exports never panics: every result is periods or an `IcsError`.
//! A panic hook also catches panics that `convene-ics` itself catches (inside `rrule`), so
//! "caught and turned into an error" is reported here too.

mod common;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use chrono::NaiveDate;
use common::{FREEBUSY, GOOGLE, OUTLOOK};
use convene_ics::busy_periods;
use proptest::prelude::*;

static PANICKED: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

fn watch_for_panics() {
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, Ordering::SeqCst);
            default(info);
        }));
    });
}

/// Lines that are valid, nearly valid or hostile, to drop into a file.
const NASTY_LINES: &[&str] = &[
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    "BEGIN:VFREEBUSY",
    "END:VFREEBUSY",
    "BEGIN:VALARM",
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
    "DTSTART:99991231T235959Z",
    "DTSTART;VALUE=DATE:00010101",
    "DTSTART;VALUE=DATE:99991231",
    "DTSTART;TZID=Europe/London:20260329T013000",
    "DTSTART;TZID=Nowhere:20260101T000000",
    "DTSTART;TZID=\"unterminated:20260101T100000",
    "DTEND:20260101T000000Z",
    "DURATION:-P1D",
    "DURATION:P99999999W",
    "DURATION:PT9999999999S",
    "EXDATE:20260310T100000Z,garbage",
    "EXDATE;VALUE=DATE:20260310",
    "RDATE;VALUE=PERIOD:20260310T100000Z/P1D",
    "RDATE:99991231T235959Z",
    "RECURRENCE-ID:20260310T100000",
    "RECURRENCE-ID;VALUE=DATE:20260310",
    "STATUS:CANCELLED",
    "TRANSP:TRANSPARENT",
    "FREEBUSY:20260101T000000Z/P1D",
    "FREEBUSY;FBTYPE=FREE:x",
    "FREEBUSY:99991231T230000Z/P99999999D",
    ":",
    ";;;:",
    "X:\\",
    "SUMMARY:\\",
    " folded",
    "\t",
    "",
    "\u{feff}",
    "ÄÖÜ:ß",
];

#[derive(Debug, Clone)]
enum Damage {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
    ReplaceChar(usize, char),
    InsertLine(usize, usize),
    InsertText(usize, String),
}

fn damage() -> impl Strategy<Value = Damage> {
    let index = any::<usize>();
    prop_oneof![
        index.prop_map(Damage::DeleteLine),
        index.prop_map(Damage::DuplicateLine),
        (index, index).prop_map(|(a, b)| Damage::SwapLines(a, b)),
        index.prop_map(Damage::Truncate),
        (
            index,
            prop::sample::select(vec![
                ':', ';', '\n', '\r', ' ', '\t', 'Z', 'T', '0', '9', ',', '/', '-', '=', 'P', '"', '\\'
            ])
        )
            .prop_map(|(at, c)| Damage::ReplaceChar(at, c)),
        (index, 0..NASTY_LINES.len()).prop_map(|(at, line)| Damage::InsertLine(at, line)),
        (index, "\\PC{0,12}").prop_map(|(at, text)| Damage::InsertText(at, text)),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let line_at = |i: usize, len: usize| if len == 0 { 0 } else { i % len };
    let char_floor = |s: &str, at: usize| {
        let mut at = if s.is_empty() { 0 } else { at % (s.len() + 1) };
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match damage {
        Damage::DeleteLine(i) => {
            if !lines.is_empty() {
                lines.remove(line_at(*i, lines.len()));
            }
        }
        Damage::DuplicateLine(i) => {
            if !lines.is_empty() {
                let i = line_at(*i, lines.len());
                lines.insert(i, lines[i].clone());
            }
        }
        Damage::SwapLines(a, b) => {
            if !lines.is_empty() {
                let (a, b) = (line_at(*a, lines.len()), line_at(*b, lines.len()));
                lines.swap(a, b);
            }
        }
        Damage::InsertLine(i, which) => {
            let i = line_at(*i, lines.len() + 1);
            lines.insert(i, format!("{}\r", NASTY_LINES[*which]));
        }
        Damage::Truncate(at) => {
            let joined = lines.join("\n");
            let at = char_floor(&joined, *at);
            return joined[..at].to_owned();
        }
        Damage::ReplaceChar(at, c) => {
            let mut joined = lines.join("\n");
            let at = char_floor(&joined, *at);
            if let Some(old) = joined[at..].chars().next() {
                joined.replace_range(at..at + old.len_utf8(), &c.to_string());
            }
            return joined;
        }
        Damage::InsertText(at, text) => {
            let mut joined = lines.join("\n");
            let at = char_floor(&joined, *at);
            joined.insert_str(at, text);
            return joined;
        }
    }
    lines.join("\n")
}

fn fixture() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![OUTLOOK, GOOGLE, FREEBUSY])
}

fn uk_date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn damaged_exports_never_panic(
        original in fixture(),
        damages in prop::collection::vec(damage(), 1..5),
    ) {
        watch_for_panics();
        let mut text = original.to_owned();
        for damage in &damages {
            text = apply(&text, damage);
        }
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
        let result = busy_periods(&text, from, to);
        prop_assert!(!PANICKED.load(Ordering::SeqCst), "a panic was caught for {damages:?}");
        if let Ok(periods) = result {
            for period in &periods {
                prop_assert!(period.start < period.end);
            }
        }
    }

    #[test]
    fn any_text_after_the_opening_line_never_panics(body in "\\PC{0,400}") {
        watch_for_panics();
        let text = format!("BEGIN:VCALENDAR\r\n{body}");
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let _ = busy_periods(&text, from, from);
        prop_assert!(!PANICKED.load(Ordering::SeqCst));
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        watch_for_panics();
        let text = String::from_utf8_lossy(&bytes);
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let _ = busy_periods(&text, from, from);
        prop_assert!(!PANICKED.load(Ordering::SeqCst));
    }

    #[test]
    fn any_dates_asked_for_give_periods_inside_them(original in fixture(), from in uk_date(), to in uk_date()) {
        watch_for_panics();
        match busy_periods(original, from, to) {
            Ok(periods) => {
                prop_assert!(from <= to);
                for p in &periods {
                    prop_assert!(p.start.date_naive() <= to);
                    prop_assert!(p.end.naive_local() > from.and_hms_opt(0, 0, 0).unwrap_or_default());
                }
            }
            Err(_) => prop_assert!(from > to),
        }
        prop_assert!(!PANICKED.load(Ordering::SeqCst));
    }
}

fn rule_part() -> impl Strategy<Value = String> {
    let weekday = prop::sample::select(vec!["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);
    let numbers = |range: std::ops::RangeInclusive<i32>| {
        prop::collection::vec(range, 1..4).prop_map(|v| v.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
    };
    prop_oneof![
        prop::sample::select(vec![
            "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"
        ])
        .prop_map(|f| format!("FREQ={f}")),
        (0u32..70_000).prop_map(|n| format!("INTERVAL={n}")),
        (0u32..100).prop_map(|n| format!("COUNT={n}")),
        (1990i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("UNTIL={y:04}{m:02}{d:02}T000000Z")),
        prop::collection::vec((-60i32..60, weekday.clone()), 1..4).prop_map(|days| {
            let days: Vec<String> = days
                .iter()
                .map(|(n, d)| if *n == 0 { (*d).to_owned() } else { format!("{n}{d}") })
                .collect();
            format!("BYDAY={}", days.join(","))
        }),
        numbers(-40..=40).prop_map(|v| format!("BYMONTHDAY={v}")),
        numbers(-400..=400).prop_map(|v| format!("BYYEARDAY={v}")),
        numbers(-60..=60).prop_map(|v| format!("BYWEEKNO={v}")),
        numbers(-400..=400).prop_map(|v| format!("BYSETPOS={v}")),
        numbers(0..=13).prop_map(|v| format!("BYMONTH={v}")),
        numbers(0..=25).prop_map(|v| format!("BYHOUR={v}")),
        numbers(0..=61).prop_map(|v| format!("BYMINUTE={v}")),
        numbers(0..=61).prop_map(|v| format!("BYSECOND={v}")),
        weekday.prop_map(|d| format!("WKST={d}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_repeat_rules_never_panic(
        parts in prop::collection::vec(rule_part(), 1..6),
        start in uk_date(),
        hour in 0u32..24,
        all_day in any::<bool>(),
        from in uk_date(),
    ) {
        watch_for_panics();
        let rule = parts.join(";");
        let dtstart = if all_day {
            format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d"))
        } else {
            format!("DTSTART;TZID=Europe/London:{}T{hour:02}3000", start.format("%Y%m%d"))
        };
        let ics = common::calendar(&format!("SUMMARY:R\n{dtstart}\nDURATION:PT1H\nRRULE:{rule}"));
        let to = from.checked_add_days(chrono::Days::new(31)).unwrap_or(from);
        let _ = busy_periods(&ics, from, to);
        prop_assert!(!PANICKED.load(Ordering::SeqCst), "a panic was caught for {rule}");
    }
}
