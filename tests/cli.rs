#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The `convene` CLI on the built binary: the shapes the issues fix, and clear errors.

mod util;

use util::Sandbox;

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn demo_then_lists_print_json_arrays_with_ids() {
    let s = Sandbox::new();
    let out = s.run(&["demo", "--today", "2026-11-25"]);
    assert!(out.ok().starts_with("Loaded the demo: "), "{}", out.stdout);
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let children = children.as_array().expect("array");
    assert!(children.len() >= 50, "{} children", children.len());
    assert!(children
        .iter()
        .all(|c| c["id"].as_str().is_some_and(|id| id.len() == 36)));
    let meetings = json(
        s.run(&[
            "meeting",
            "list",
            "--from",
            "2025-06-01",
            "--to",
            "2026-12-31",
            "--json",
        ])
        .ok(),
    );
    let meetings = meetings.as_array().expect("array");
    assert!(meetings.len() >= 200, "{} meetings", meetings.len());
    assert!(meetings.iter().all(|m| m["id"].is_string() && m["start"].is_string()));
    // A second demo into the same store is refused; --if-empty makes it a no-op.
    assert!(s.run(&["demo"]).failed().contains("already holds records"));
    s.run(&["demo", "--if-empty"]).ok();
}

#[test]
fn demo_families_seeds_a_synthetic_authority_of_that_size() {
    let s = Sandbox::new();
    assert!(s
        .run(&["demo", "--families", "0"])
        .failed()
        .contains("--families must be at least 1"));
    let out = s.run(&["demo", "--today", "2026-11-25", "--families", "40"]);
    let text = out.ok().to_string();
    let children: usize = text
        .strip_prefix("Loaded the demo: ")
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    // About 1.5 children a family.
    assert!((40..=120).contains(&children), "{text}");
    let listed = json(s.run(&["child", "list", "--json"]).ok());
    assert_eq!(listed.as_array().expect("array").len(), children);
}

#[test]
fn export_import_export_is_byte_identical() {
    let a = Sandbox::new();
    a.demo();
    let first = a.path("first.json");
    a.run(&["export", "-o", first.to_str().unwrap()]).ok();
    let b = Sandbox::new();
    b.run(&["import", first.to_str().unwrap()]).ok();
    let second = b.path("second.json");
    b.run(&["export", "-o", second.to_str().unwrap()]).ok();
    let (x, y) = (std::fs::read(&first).unwrap(), std::fs::read(&second).unwrap());
    assert!(x.len() > 100_000);
    assert!(x == y, "exports differ");
    b.run(&["check"]).ok();
    // Importing into a store that holds records changes nothing.
    assert!(b
        .run(&["import", first.to_str().unwrap()])
        .failed()
        .contains("already holds records"));
}

#[test]
fn malformed_and_wrong_version_imports_change_nothing() {
    let a = Sandbox::new();
    a.demo();
    let good = std::fs::read_to_string({
        let p = a.path("x.json");
        a.run(&["export", "-o", p.to_str().unwrap()]).ok();
        p
    })
    .unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_string(), "not valid JSON"),
        ("not an export", "{\"hello\": 1}".to_string(), "not a Convene export"),
        (
            "wrong version",
            good.replacen("\"version\": 1", "\"version\": 2", 1),
            "version 2",
        ),
        (
            "bad date",
            good.replacen("\"date\": \"", "\"date\": \"2026-02-30", 1),
            "not a Convene export",
        ),
        (
            "dangling reference",
            {
                let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
                v["data"]["children"] = serde_json::json!([]);
                v.to_string()
            },
            "does not exist",
        ),
    ];
    for (name, text, expect) in cases {
        let s = Sandbox::new();
        let file = s.path("in.json");
        std::fs::write(&file, text).unwrap();
        let err = s.run(&["import", file.to_str().unwrap()]).failed().to_string();
        assert!(err.contains(expect), "{name}: {err}");
        assert!(err.contains("Nothing was imported"), "{name}: {err}");
        let after = json(s.run(&["child", "list", "--json"]).ok());
        assert_eq!(after.as_array().map(|a| a.len()), Some(0), "{name} left records behind");
    }
}

#[test]
fn a_store_open_elsewhere_is_a_clear_error() {
    let s = Sandbox::new();
    s.demo();
    let held = convene_store::Store::open(&s.data()).expect("open store");
    let err = s.run(&["child", "list"]).failed().to_string();
    assert!(err.contains("already open in another window or program"), "{err}");
    drop(held);
    s.run(&["child", "list"]).ok();
}

#[test]
fn due_and_working_days_print_one_line() {
    let s = Sandbox::new();
    assert_eq!(s.run(&["due", "strategy-to-icpc", "2025-04-16"]).ok(), "2025-05-12\n");
    assert_eq!(
        s.run(&["due", "icpc-to-first-review", "2026-01-31"]).ok(),
        "2026-04-30\n"
    );
    assert_eq!(
        s.run(&["due", "strategy-to-icpc", "2025-04-16", "--pack", "scotland"])
            .ok(),
        "2025-05-14\n"
    );
    assert_eq!(s.run(&["working-days", "2025-04-16", "2025-05-12"]).ok(), "15\n");
    assert_eq!(s.run(&["working-days", "2025-05-12", "2025-04-16"]).ok(), "-15\n");
    assert!(s
        .run(&["due", "no-such-rule", "2025-04-16"])
        .failed()
        .contains("There is no rule 'no-such-rule'"));
    assert!(s
        .run(&["due", "strategy-to-icpc", "2025-02-30"])
        .failed()
        .contains("not a valid date"));
    assert!(s
        .run(&["due", "strategy-to-icpc", "2025-04-16", "--pack", "mars"])
        .failed()
        .contains("no rule pack 'mars'"));
    let rules = json(s.run(&["rules", "--json"]).ok());
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for id in [
        "strategy-to-icpc",
        "icpc-to-core-group",
        "icpc-to-first-review",
        "review-to-review",
        "referral-to-assessment",
        "referral-decision",
        "lac-first-review",
        "lac-second-review",
        "lac-review",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(rules[0]["source"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn adding_children_and_meetings_validates_and_cancel_keeps_a_reason() {
    let s = Sandbox::new();
    s.demo();
    let child = s
        .run(&[
            "child",
            "add",
            "--given",
            "Test",
            "--family",
            "Person",
            "--dob",
            "2019-04-01",
        ])
        .ok()
        .trim()
        .to_string();
    let add = |start: &str, extra: &[&str]| {
        let mut args = vec![
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            child.as_str(),
            "--start",
            start,
            "--online",
            "Teams",
        ];
        args.extend_from_slice(extra);
        s.run(&args)
    };
    assert!(add("2026-03-29T01:30", &[])
        .failed()
        .contains("does not exist in the UK"));
    assert!(add("2026-10-25T01:30", &[]).failed().contains("happens twice"));
    // Unambiguous now, but a Sunday in the small hours: refused unless overridden.
    assert!(add("2026-10-25T01:30+00:00", &[]).failed().contains("is on a Sunday"));
    add(
        "2026-10-25T01:30+00:00",
        &["--override", "Emergency out-of-hours meeting"],
    )
    .ok();
    assert!(add("2026-12-01T10:00", &["--end", "2026-12-01T09:00"])
        .failed()
        .contains("ends"));
    assert!(add(
        "2026-12-01T10:00",
        &["--required", "00000000-0000-4000-8000-000000000000"]
    )
    .failed()
    .contains("does not exist"));
    assert!(s
        .run(&[
            "meeting",
            "add",
            "--kind",
            "tea-party",
            "--child",
            &child,
            "--start",
            "2026-12-01T10:00",
            "--online",
            "x"
        ])
        .failed()
        .contains("not a known meeting kind"));
    let id = add("2026-12-01T10:00", &["--duration", "90"]).ok().trim().to_string();
    let shown = json(s.run(&["meeting", "show", &id, "--json"]).ok());
    assert_eq!(shown["start"], "2026-12-01T10:00:00+00:00");
    assert_eq!(shown["end"], "2026-12-01T11:30:00+00:00");
    assert!(s
        .run(&["meeting", "cancel", &id, "--reason", " "])
        .failed()
        .contains("needs a reason"));
    s.run(&["meeting", "cancel", &id, "--reason", "Family unwell"]).ok();
    let shown = json(s.run(&["meeting", "show", &id, "--json"]).ok());
    assert_eq!(shown["status"]["type"], "cancelled");
    assert_eq!(shown["status"]["reason"], "Family unwell");
    assert!(s
        .run(&["meeting", "show", "not-an-id"])
        .failed()
        .contains("not a valid id"));
    assert!(s
        .run(&["child", "show", "00000000-0000-4000-8000-000000000000"])
        .failed()
        .contains("There is no child"));
    s.run(&["check"]).ok();
}

#[test]
fn timescales_lists_items_and_what_if_moves_dependent_deadlines() {
    let s = Sandbox::new();
    s.demo();
    let items = json(s.run(&["timescales", "--as-of", "2026-11-25", "--json"]).ok());
    let items = items.as_array().unwrap();
    let statuses: std::collections::HashSet<&str> = items.iter().filter_map(|i| i["status"].as_str()).collect();
    for st in ["met", "met-late", "overdue", "due-soon", "upcoming"] {
        assert!(statuses.contains(st), "no {st}");
    }
    // Find a held ICPC whose child is on a plan and move it a week later.
    let icpc = items
        .iter()
        .find(|i| i["rule"] == "icpc-to-core-group" && i["anchor_source"]["type"] == "meeting")
        .expect("an ICPC anchoring a core-group item");
    let meeting = icpc["anchor_source"]["id"].as_str().unwrap();
    let anchor = chrono::NaiveDate::parse_from_str(icpc["anchor"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let moved = (anchor + chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
    let w = json(
        s.run(&[
            "timescales",
            "--as-of",
            "2026-11-25",
            "--what-if",
            &format!("{meeting}={moved}"),
            "--json",
        ])
        .ok(),
    );
    let rules: Vec<&str> = w["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["rule"].as_str())
        .collect();
    assert!(
        rules.contains(&"icpc-to-core-group") && rules.contains(&"icpc-to-first-review"),
        "{rules:?}"
    );
    assert!(s
        .run(&["timescales", "--what-if", "nonsense"])
        .failed()
        .contains("MEETING_ID=YYYY-MM-DD"));
}

#[test]
fn holidays_import_accepts_govuk_files_and_refuses_broken_ones() {
    let s = Sandbox::new();
    let file = s.path("bank-holidays.json");
    std::fs::write(&file, r#"{"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year’s Day","date":"2028-01-03","notes":"Substitute day","bunting":true},{"title":"Extra day","date":"2028-06-07","notes":"","bunting":true}]}}"#).unwrap();
    // 2028-06-07 is a Wednesday: a working day until the file says otherwise.
    assert_eq!(s.run(&["working-days", "2028-06-06", "2028-06-08"]).ok(), "2\n");
    assert!(s
        .run(&["holidays", "import", file.to_str().unwrap()])
        .ok()
        .contains("Imported bank holidays (England and Wales: 2 holidays, 2028–2028)."));
    assert_eq!(s.run(&["working-days", "2028-06-06", "2028-06-08"]).ok(), "1\n");
    let listed = s.run(&["holidays", "list", "--year", "2029"]).ok().to_string();
    assert!(listed.contains("computed, not confirmed"), "{listed}");
    let bad = s.path("bad.json");
    std::fs::write(
        &bad,
        "{\"england-and-wales\": {\"events\": [{\"title\": \"x\", \"date\": \"31/12/2028\"}]}}",
    )
    .unwrap();
    assert!(s
        .run(&["holidays", "import", bad.to_str().unwrap()])
        .failed()
        .contains("bad date"));
}

#[test]
fn local_overrides_closures_and_pack_choice_change_the_dates() {
    let s = Sandbox::new();
    s.demo();
    assert_eq!(
        s.run(&["due", "reports-before-icpc", "2026-06-02"]).ok(),
        "2026-05-29\n"
    );
    s.run(&[
        "settings",
        "override",
        "reports-before-icpc",
        "--amount",
        "3",
        "--unit",
        "working-days",
    ])
    .ok();
    assert_eq!(
        s.run(&["due", "reports-before-icpc", "2026-06-02"]).ok(),
        "2026-05-28\n"
    );
    s.run(&["settings", "override", "cp-visit", "--disable"]).ok();
    let rules = json(s.run(&["rules", "--json"]).ok());
    let cp_visit = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "cp-visit")
        .unwrap();
    assert_eq!(cp_visit["enabled"], false);
    assert!(s
        .run(&["settings", "override", "no-such-rule", "--disable"])
        .failed()
        .contains("There is no rule 'no-such-rule'"));
    s.run(&["settings", "reset-rule", "reports-before-icpc"]).ok();
    assert_eq!(
        s.run(&["due", "reports-before-icpc", "2026-06-02"]).ok(),
        "2026-05-29\n"
    );
    // After Thu 24 Dec 2026: Christmas (Fri), Boxing Day substitute (Mon 28) and New Year's Day
    // are holidays, leaving 29, 30, 31 Dec and Mon 4 Jan. A council closure 29-31 Dec leaves 1.
    assert_eq!(s.run(&["working-days", "2026-12-24", "2027-01-04"]).ok(), "4\n");
    s.run(&["settings", "closure", "add", "2026-12-29", "2026-12-30", "2026-12-31"])
        .ok();
    assert_eq!(s.run(&["working-days", "2026-12-24", "2027-01-04"]).ok(), "1\n");
    assert!(s
        .run(&["settings", "closure", "add", "2026-13-01"])
        .failed()
        .contains("not a valid date"));
    s.run(&["settings", "set", "--pack", "wales"]).ok();
    // 20 working days in Wales (15 in England) from Mon 1 Jun 2026.
    assert_eq!(s.run(&["due", "conference-minutes", "2026-06-01"]).ok(), "2026-06-29\n");
    assert!(s
        .run(&["settings", "set", "--pack", "narnia"])
        .failed()
        .contains("no rule pack 'narnia'"));
}

#[test]
fn suggest_conflicts_override_reschedule_and_history() {
    let s = Sandbox::new();
    s.demo();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let child = children[0]["id"].as_str().unwrap().to_string();
    let people = json(s.run(&["timescales", "--json"]).ok());
    assert!(people.as_array().is_some());
    // An explicit window next year, when the demo has nothing booked: slots inside it.
    let out = json(
        s.run(&[
            "suggest",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--earliest",
            "2027-06-01",
            "--deadline",
            "2027-06-11",
            "--duration",
            "60",
            "--json",
        ])
        .ok(),
    );
    assert_eq!(out["deadline"], "2027-06-11");
    let slots = out["slots"].as_array().unwrap();
    assert!(!slots.is_empty() && slots.len() <= 5);
    for slot in slots {
        for key in [
            "start",
            "end",
            "within_deadline",
            "deadline",
            "missing_required",
            "missing_optional",
            "reasons",
        ] {
            assert!(slot.get(key).is_some(), "slot lacks {key}: {slot}");
        }
        assert_eq!(slot["within_deadline"], true);
        let start = slot["start"].as_str().unwrap();
        assert!(start.ends_with("+01:00"), "{start}");
    }
    // Book the first suggestion, then a second meeting at the same time for the same people.
    let start = slots[0]["start"].as_str().unwrap().to_string();
    let sw = json(s.run(&["child", "show", &child, "--json"]).ok())["child"]["social_worker"]
        .as_str()
        .unwrap()
        .to_string();
    let first = s
        .run(&[
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--start",
            &start,
            "--online",
            "Teams",
            "--chair",
            &sw,
        ])
        .ok()
        .trim()
        .to_string();
    let err = s
        .run(&[
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--start",
            &start,
            "--online",
            "Teams",
            "--chair",
            &sw,
        ])
        .failed()
        .to_string();
    assert!(
        err.contains("Not saved:") && err.contains("is also booked for the Core group") && err.contains("--override"),
        "{err}"
    );
    let second = s
        .run(&[
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--start",
            &start,
            "--online",
            "Teams",
            "--chair",
            &sw,
            "--override",
            "Two rooms, two chairs",
        ])
        .ok()
        .trim()
        .to_string();
    let saved = json(s.run(&["meeting", "show", &second, "--json"]).ok());
    assert_eq!(saved["overrides"][0]["reason"], "Two rooms, two chairs");
    let conflicts = json(
        s.run(&["conflicts", "--from", "2027-06-01", "--to", "2027-06-30", "--json"])
            .ok(),
    );
    let about: Vec<&str> = conflicts
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["meeting"].as_str())
        .collect();
    assert!(
        about.contains(&first.as_str()) && about.contains(&second.as_str()),
        "{conflicts}"
    );
    // A Saturday is refused; a reschedule to a weekday with a reason is kept in the history.
    assert!(s
        .run(&[
            "meeting",
            "reschedule",
            &second,
            "--start",
            "2027-06-12T10:00",
            "--reason",
            "Chair away"
        ])
        .failed()
        .contains("is on a Saturday"));
    s.run(&[
        "meeting",
        "reschedule",
        &second,
        "--start",
        "2027-06-16T14:00",
        "--reason",
        "Chair away",
    ])
    .ok();
    let moved = json(s.run(&["meeting", "show", &second, "--json"]).ok());
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["start"], "2027-06-16T14:00:00+01:00");
    s.run(&["meeting", "cancel", &second, "--reason", "Plan ended"]).ok();
    let history = json(s.run(&["meeting", "history", &second, "--json"]).ok());
    let types: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["change"]["type"].as_str())
        .collect();
    assert_eq!(types, ["created", "rescheduled", "cancelled"]);
    assert_eq!(history[1]["change"]["reason"], "Chair away");
    assert!(s
        .run(&[
            "meeting",
            "reschedule",
            &second,
            "--start",
            "2027-06-17T10:00",
            "--reason",
            "x"
        ])
        .failed()
        .contains("cancelled"));
    // Leave is respected by the finder and reported as a conflict.
    s.run(&[
        "availability",
        "add",
        "--person",
        &sw,
        "--start",
        "2027-06-21",
        "--end",
        "2027-06-25",
        "--kind",
        "leave",
        "--note",
        "annual leave",
    ])
    .ok();
    let out = json(
        s.run(&[
            "suggest",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--required",
            &sw,
            "--earliest",
            "2027-06-21",
            "--deadline",
            "2027-06-30",
            "--json",
        ])
        .ok(),
    );
    assert!(
        out["slots"][0]["start"].as_str().unwrap().starts_with("2027-06-28"),
        "{out}"
    );
    assert!(s
        .run(&[
            "availability",
            "add",
            "--person",
            &sw,
            "--start",
            "2027-06-25",
            "--end",
            "2027-06-21"
        ])
        .failed()
        .contains("before or when it starts"));
    s.run(&["check"]).ok();
}

#[test]
fn backups_are_taken_and_a_corrupt_store_is_restored_not_replaced() {
    let s = Sandbox::new();
    s.demo();
    // The first command on a new day takes the daily backup.
    s.run(&["child", "list"]).ok();
    let listed = s.run(&["backups"]).ok().to_string();
    assert!(listed.contains("-daily.json"), "{listed}");
    let manual = s.path("manual.json");
    s.run(&["backup", "-o", manual.to_str().unwrap()]).ok();
    let before = json(s.run(&["child", "list", "--json"]).ok()).as_array().unwrap().len();

    // Flip bytes through sled's log: the store can no longer be read.
    let log = s.data().join("db").join("db");
    let mut bytes = std::fs::read(&log).unwrap();
    for i in (1000..bytes.len()).step_by(9973) {
        bytes[i] ^= 0xFF;
    }
    std::fs::write(&log, bytes).unwrap();
    let err = s.run(&["child", "list"]).failed().to_string();
    assert!(
        err.contains("could not be read") && err.contains("restore --latest"),
        "{err}"
    );

    // A malformed backup is refused before anything is touched.
    let bad = s.path("bad.json");
    std::fs::write(&bad, "{\"format\": \"convene-export\", \"version\": 1").unwrap();
    assert!(s
        .run(&["restore", bad.to_str().unwrap()])
        .failed()
        .contains("not valid JSON"));
    assert!(s.run(&["child", "list"]).failed().contains("could not be read"));

    let out = s.run(&["restore", "--latest"]).ok().to_string();
    assert!(out.contains(&format!("Restored {before} children")), "{out}");
    assert_eq!(
        json(s.run(&["child", "list", "--json"]).ok()).as_array().unwrap().len(),
        before
    );
    s.run(&["check"]).ok();
    let kept: Vec<String> = std::fs::read_dir(s.data())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        kept.iter().any(|n| n.starts_with("db.replaced-")),
        "the unreadable store was not kept: {kept:?}"
    );
}

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
fn kpis_print_and_write_csv_one_row_per_figure() {
    let s = Sandbox::new();
    s.demo();
    let figures = json(
        s.run(&["kpi", "--from", "2025-11-25", "--to", "2026-11-25", "--json"])
            .ok(),
    );
    let figures = figures.as_array().unwrap();
    for id in [
        "icpc-15wd-strategy",
        "icpc-15wd-s47",
        "core-group-10wd",
        "reviews-in-time",
        "assessment-45wd",
        "cp-visits",
        "plans-2-years",
        "second-plans",
        "attendance-police",
    ] {
        let k = figures
            .iter()
            .find(|k| k["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"));
        let (n, d) = (k["numerator"].as_u64().unwrap(), k["denominator"].as_u64().unwrap());
        assert!(n <= d, "{id}");
        assert_eq!(
            k["rows"].as_array().unwrap().len() as u64,
            d,
            "{id}: rows behind the figure"
        );
    }
    let csv = s.path("kpi.csv");
    s.run(&["kpi", "--csv", csv.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("kpi,title,scope,from,to,numerator,denominator,percent\n"));
    assert_eq!(text.lines().count(), figures.len() + 1);
    assert!(s
        .run(&["kpi", "--from", "2026-05-01", "--to", "2026-01-01"])
        .failed()
        .contains("starts"));
    assert!(s
        .run(&["kpi", "--team", "00000000-0000-4000-8000-000000000000"])
        .failed()
        .contains("There is no team"));
}

/// Parse an .ics file with the independent Python `icalendar` library and return, per event,
/// "METHOD|UID|SEQUENCE|STATUS".
fn python_ics(path: &std::path::Path) -> Vec<String> {
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

#[test]
fn agendas_print_in_both_variants_singly_and_in_batches_from_editable_templates() {
    let s = Sandbox::new();
    s.demo();
    let meetings = json(
        s.run(&[
            "meeting",
            "list",
            "--from",
            "2026-11-25",
            "--to",
            "2026-12-08",
            "--json",
        ])
        .ok(),
    );
    let planned: Vec<&serde_json::Value> = meetings
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["status"] == "planned")
        .collect();
    assert!(!planned.is_empty());
    let id = planned[0]["id"].as_str().unwrap();
    let text = s.run(&["agenda", id]).ok().to_string();
    assert!(text.starts_with(planned[0]["kind_title"].as_str().unwrap()), "{text}");
    assert!(
        text.contains("\nInvited\n") && text.contains("\nAgenda\n  1. "),
        "{text}"
    );
    assert!(text.contains("Confidential."));
    let html = s.path("family.html");
    s.run(&["agenda", id, "--variant", "family", "-o", html.to_str().unwrap()])
        .ok();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"en-GB\">") && page.contains("What we will talk about"));
    assert!(page.contains("font-size: 14pt"), "the family version has larger type");

    // The batch form: one file per planned meeting in the period, no child's name in a file name.
    let dir = s.path("agendas");
    let out = s
        .run(&[
            "agenda",
            "--from",
            "2026-11-25",
            "--to",
            "2026-12-08",
            "--format",
            "txt",
            "-o",
            dir.to_str().unwrap(),
        ])
        .ok()
        .to_string();
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(out.contains(&format!("Wrote {} agenda", files.len())), "{out}");
    assert!(
        files.len() >= planned.len(),
        "{} files for {} meetings",
        files.len(),
        planned.len()
    );
    let children = json(s.run(&["child", "list", "--json"]).ok());
    for f in &files {
        assert!(f.ends_with("-professional.txt"), "{f}");
        for c in children.as_array().unwrap() {
            let family = c["name"].as_str().unwrap_or("").split(' ').next_back().unwrap_or("");
            assert!(family.len() < 3 || !f.contains(family), "{f} names a child");
        }
    }
    assert!(s
        .run(&[
            "agenda",
            "--from",
            "2026-12-08",
            "--to",
            "2026-11-25",
            "-o",
            dir.to_str().unwrap()
        ])
        .failed()
        .contains("starts"));
    assert!(s
        .run(&["agenda", "00000000-0000-4000-8000-000000000000"])
        .failed()
        .contains("does not exist"));

    // Edit a template, see it used, then reset it.
    let kind = planned[0]["kind"].as_str().unwrap();
    let items = s.path("items.txt");
    std::fs::write(&items, "Welcome\n\nThe plan\n").unwrap();
    let shown = s
        .run(&["settings", "agenda", kind, "--set", items.to_str().unwrap()])
        .ok()
        .to_string();
    assert!(
        shown.contains("edited locally") && shown.contains("  1. Welcome\n  2. The plan"),
        "{shown}"
    );
    assert!(s
        .run(&["agenda", id])
        .ok()
        .contains("\nAgenda\n  1. Welcome\n  2. The plan\n"));
    let reset = s.run(&["settings", "agenda", kind, "--reset"]).ok().to_string();
    assert!(reset.contains("default"), "{reset}");
    std::fs::write(&items, "\n \n").unwrap();
    assert!(s
        .run(&["settings", "agenda", kind, "--set", items.to_str().unwrap()])
        .failed()
        .contains("The agenda must not be empty."));
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
        .run(&[
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--start",
            "2027-06-15T10:00",
            "--online",
            "Teams",
            "--chair",
            &sw,
        ])
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

#[test]
fn caseloads_show_today_and_keep_one_snapshot_a_day() {
    let s = Sandbox::new();
    s.demo();
    let c = json(s.run(&["caseloads", "--json"]).ok());
    let people = c["people"].as_array().unwrap();
    assert!(people.len() >= 12, "{} practitioners", people.len());
    let allocated: u64 = people.iter().map(|p| p["children"].as_u64().unwrap()).sum();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    assert_eq!(
        allocated as usize,
        children.as_array().unwrap().len(),
        "every demo child is allocated once"
    );
    assert_eq!(c["teams"].as_array().unwrap().len(), 3);
    s.run(&["caseloads"]).ok();
    let history = json(s.run(&["caseloads", "--history-from", "2000-01-01", "--json"]).ok());
    assert_eq!(
        history.as_array().unwrap().len(),
        people.len(),
        "one snapshot for today, taken once"
    );
}

#[test]
fn editing_a_meeting_changes_invitees_reports_and_place_and_updates_the_invitation() {
    let s = Sandbox::new();
    s.demo();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let child = children[0]["id"].as_str().unwrap().to_string();
    let shown = json(s.run(&["child", "show", &child, "--json"]).ok());
    let sw = shown["child"]["social_worker"].as_str().unwrap().to_string();
    let network: Vec<String> = shown["child"]["network"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["person"].as_str().unwrap().to_string())
        .collect();
    let (school, health) = (&network[1], &network[2]);
    let id = s
        .run(&[
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--start",
            "2027-06-15T10:00",
            "--online",
            "Teams",
            "--required",
            &sw,
            "--override",
            "Test booking",
        ])
        .ok()
        .trim()
        .to_string();

    // Ticking a report off does not change the invitation.
    assert!(s
        .run(&["meeting", "edit", &id, "--report-received", &sw])
        .ok()
        .contains("Saved: 1 invited at Online: Teams. 1 of 1 report received."));
    let m = json(s.run(&["meeting", "show", &id, "--json"]).ok());
    assert_eq!(m["sequence"], 0);
    assert_eq!(m["invitees"][0]["report_received"], true);

    // Two more people, one required, and a report from someone not invited: refused whole.
    let refused = s
        .run(&["meeting", "edit", &id, "--require", school, "--report-received", health])
        .failed()
        .to_string();
    assert!(refused.contains("is not invited to this meeting"), "{refused}");
    assert_eq!(
        json(s.run(&["meeting", "show", &id, "--json"]).ok())["invitees"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    s.run(&[
        "meeting",
        "edit",
        &id,
        "--require",
        school,
        "--optional",
        health,
        "--override",
        "Test booking",
    ])
    .ok();
    let m = json(s.run(&["meeting", "show", &id, "--json"]).ok());
    assert_eq!(m["sequence"], 1, "a new list is a new invitation");
    let invitees: Vec<(String, bool)> = m["invitees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["person"].as_str().unwrap().to_string(),
                i["required"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        invitees,
        vec![(sw.clone(), true), (school.clone(), true), (health.clone(), false)]
    );
    let file = s.path("invite.ics");
    s.run(&["ics", &id, "-o", file.to_str().unwrap()]).ok();
    assert_eq!(
        python_ics(&file),
        vec![format!("REQUEST|{id}@convene.local|1|CONFIRMED")]
    );

    // Nobody required is refused; so is an unknown person or meeting.
    assert!(s
        .run(&["meeting", "edit", &id, "--uninvite", &format!("{sw},{school}")])
        .failed()
        .contains("At least one person must be required to attend."));
    assert!(s
        .run(&[
            "meeting",
            "edit",
            &id,
            "--require",
            "00000000-0000-4000-8000-000000000000"
        ])
        .failed()
        .contains("There is no person"));
    assert!(s
        .run(&["meeting", "edit", "00000000-0000-4000-8000-000000000000"])
        .failed()
        .contains("There is no meeting"));
    assert_eq!(json(s.run(&["meeting", "show", &id, "--json"]).ok())["sequence"], 1);
}
