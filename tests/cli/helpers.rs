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

/// The first child whose social worker works every weekday, 09:00-17:00 (the demo's part-timers
/// work Monday to Wednesday, which would give a search more reasons for a day without a time).
pub(crate) fn child_of_a_full_timer(s: &crate::util::Sandbox) -> String {
    let staff = json(s.run(&["person", "list", "--json"]).ok());
    let every_weekday = |id: &str| {
        staff
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == id && p["working_pattern"] == "Mon–Fri 09:00–17:00")
    };
    json(s.run(&["child", "list", "--json"]).ok())
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .find(|c| {
            let shown = json(s.run(&["child", "show", c, "--json"]).ok());
            shown["child"]["social_worker"].as_str().is_some_and(every_weekday)
        })
        .expect("no child of a full-time social worker in the demo")
}
