//! Helpers the CLI tests share: JSON output parsed, days relative to today, and .ics files read
//! with Python's icalendar.

pub(crate) fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// A time `days` days after today (in the UK), "YYYY-MM-DDT10:00": for a meeting moved to a day
/// that must not have passed when the tests run (the CLI refuses to move one into the past).
pub(crate) fn days_ahead(days: i64) -> String {
    let today = convene_core::time::uk_date_of(chrono::Utc::now());
    format!("{}T10:00", today + chrono::Duration::days(days))
}

/// Parse an .ics file with the independent Python `icalendar` library and return, per event,
/// "METHOD|UID|SEQUENCE|STATUS".
pub(crate) fn python_ics(path: &std::path::Path) -> Vec<String> {
    let python = if std::path::Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert any(c.name == 'VTIMEZONE' for c in cal.walk()), 'no VTIMEZONE'
for e in cal.walk('VEVENT'):
    assert e.decoded('dtstart') < e.decoded('dtend'), 'ends before it starts'
    print('|'.join([str(cal['METHOD']), str(e['UID']), str(e.get('SEQUENCE', 0)), str(e['STATUS'])]))
"#;
    let out = std::process::Command::new(python)
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 runs (the CI installs python3-icalendar)");
    assert!(
        out.status.success(),
        "python icalendar could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}
