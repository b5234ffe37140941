//! Calendar files: busy time imported from .ics, and invitations written as .ics.

use crate::helpers::{json, python_ics};
use crate::util::Sandbox;

#[test]
fn calendar_files_import_busy_time_and_bad_files_import_nothing() {
    let s = Sandbox::new();
    s.demo();
    let people = json(s.run(&["child", "list", "--json"]).ok());
    let child = people[0]["id"].as_str().unwrap().to_string();
    let sw = json(s.run(&["child", "show", &child, "--json"]).ok())["child"]["social_worker"]
        .as_str()
        .unwrap()
        .to_string();
    // Dates relative to today, as the import window is.
    let day = |n: i64| {
        (chrono::Utc::now().date_naive() + chrono::Duration::days(n))
            .format("%Y%m%d")
            .to_string()
    };
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\nUID:weekly@example.org\r\nDTSTART;TZID=Europe/London:{d1}T100000\r\nDTEND;TZID=Europe/London:{d1}T110000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Supervision\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:leave@example.org\r\nDTSTART;VALUE=DATE:{d2}\r\nDTEND;VALUE=DATE:{d3}\r\nSUMMARY:Annual leave\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n",
        d1 = day(10),
        d2 = day(40),
        d3 = day(43)
    );
    let file = s.path("calendar.ics");
    std::fs::write(&file, &ics).unwrap();
    let out = s
        .run(&["availability", "import", file.to_str().unwrap(), "--person", &sw])
        .ok()
        .to_string();
    assert!(out.contains("Imported 5 busy periods"), "{out}");
    let blocks = json(s.run(&["availability", "list", "--person", &sw, "--json"]).ok());
    let imported: Vec<&serde_json::Value> = blocks
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "imported")
        .collect();
    assert_eq!(imported.len(), 5);
    assert!(imported.iter().any(|b| b["note"] == "Annual leave"));
    // Importing again replaces rather than duplicates.
    s.run(&["availability", "import", file.to_str().unwrap(), "--person", &sw])
        .ok();
    let again = json(s.run(&["availability", "list", "--person", &sw, "--json"]).ok());
    assert_eq!(
        again
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["kind"] == "imported")
            .count(),
        5
    );
    // A broken file is refused whole.
    for (name, bad) in [
        ("truncated", ics[..ics.len() / 2].to_string()),
        ("not a calendar", "hello".to_string()),
        ("bad zone", ics.replace("Europe/London", "Mars/Olympus")),
    ] {
        let f = s.path("bad.ics");
        std::fs::write(&f, bad).unwrap();
        let err = s
            .run(&["availability", "import", f.to_str().unwrap(), "--person", &sw])
            .failed()
            .to_string();
        assert!(!err.is_empty(), "{name}");
        let still = json(s.run(&["availability", "list", "--person", &sw, "--json"]).ok());
        assert_eq!(
            still.as_array().unwrap().len(),
            again.as_array().unwrap().len(),
            "{name} changed the store"
        );
    }
    s.run(&["check"]).ok();
}

#[test]
fn invitations_request_then_bump_sequence_on_reschedule_and_cancel_with_the_same_uid() {
    let s = Sandbox::new();
    s.demo();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let child = children[0]["id"].as_str().unwrap().to_string();
    let sw = json(s.run(&["child", "show", &child, "--json"]).ok())["child"]["social_worker"]
        .as_str()
        .unwrap()
        .to_string();
    let id = s
        .add_core_group(&child, "2027-06-15T10:00", &["--chair", &sw])
        .ok()
        .trim()
        .to_string();
    let file = s.path("invite.ics");
    s.run(&["ics", &id, "-o", file.to_str().unwrap()]).ok();
    let uid = format!("{id}@convene.local");
    assert_eq!(python_ics(&file), vec![format!("REQUEST|{uid}|0|CONFIRMED")]);

    s.run(&[
        "meeting",
        "reschedule",
        &id,
        "--start",
        "2027-06-16T10:00",
        "--reason",
        "Chair away",
    ])
    .ok();
    s.run(&["ics", &id, "-o", file.to_str().unwrap()]).ok();
    assert_eq!(python_ics(&file), vec![format!("REQUEST|{uid}|1|CONFIRMED")]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("DTSTART;TZID=Europe/London:20270616T100000"), "{text}");

    s.run(&["meeting", "cancel", &id, "--reason", "Plan ended"]).ok();
    s.run(&["ics", &id, "-o", file.to_str().unwrap()]).ok();
    let cancelled = python_ics(&file);
    assert_eq!(cancelled.len(), 1);
    assert!(cancelled[0].starts_with(&format!("CANCEL|{uid}|")), "{cancelled:?}");
    assert!(cancelled[0].ends_with("|CANCELLED"));

    // A person's whole calendar: every meeting of theirs, published.
    let whole = s.path("person.ics");
    s.run(&["ics", "--person", &sw, "-o", whole.to_str().unwrap()]).ok();
    let events = python_ics(&whole);
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.starts_with("PUBLISH|")));
    assert!(
        events.iter().all(|e| !e.contains(&uid)),
        "the cancelled meeting is left out"
    );
    assert!(s
        .run(&["ics", "--person", "00000000-0000-4000-8000-000000000000"])
        .failed()
        .contains("does not exist"));
}
