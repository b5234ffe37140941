//! Dates outside 2000–2199, huge durations and worn-out sequence numbers: each is a sentence,
//! never a panic, and never a record that makes the store unreadable.

use crate::helpers::{days_ahead, json};
use crate::util::Sandbox;

const OUTSIDE: &str = "is outside the dates Convene handles (2000-01-01 to 2199-12-31)";

/// The demo, and the ids of its first child and that child's social worker.
fn demo(s: &Sandbox) -> (String, String) {
    s.demo();
    let child = json(s.run(&["child", "list", "--json"]).ok())[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let sw = json(s.run(&["child", "show", &child, "--json"]).ok())["child"]["social_worker"]
        .as_str()
        .unwrap()
        .to_string();
    (child, sw)
}

#[test]
fn times_outside_2000_to_2199_are_refused_and_the_store_stays_readable() {
    let s = Sandbox::new();
    let (child, sw) = demo(&s);
    let before = s.run(&["export"]).ok().to_string();
    for (start, end) in [
        ("-1-01-01", "-1-01-01"),
        ("+10000-01-01", "+10000-01-02"),
        ("1999-12-31", "2026-12-01"),
    ] {
        // `--start=…`: a value starting with '-' is otherwise taken for an option.
        let (start_arg, end_arg) = (format!("--start={start}"), format!("--end={end}"));
        let err = s
            .run(&["availability", "add", "--person", &sw, &start_arg, &end_arg])
            .failed()
            .to_string();
        assert!(err.contains(OUTSIDE), "{start}: {err}");
    }
    let add = |start: &str| s.add_core_group(&child, start, &["--override", "x"]);
    assert!(add("+10000-06-01T10:00").failed().contains(OUTSIDE));
    for (flag, date) in [("--edd", "1990-01-01"), ("--dob", "2200-01-01")] {
        let err = s
            .run(&["child", "add", "--given", "A", "--family", "B", flag, date])
            .failed()
            .to_string();
        assert!(err.contains(OUTSIDE), "{err}");
    }
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:forever\r\n\
               SUMMARY:Forever\r\nDTSTART:20261201T100000Z\r\nDURATION:P450000W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let file = s.path("forever.ics");
    std::fs::write(&file, ics).unwrap();
    let err = s
        .run(&["availability", "import", file.to_str().unwrap(), "--person", &sw])
        .failed()
        .to_string();
    assert!(
        err.contains("The event 'Forever' runs outside the dates Convene handles"),
        "{err}"
    );

    for args in [
        &["child", "list"][..],
        &["meeting", "list"],
        &["check"],
        &["timescales"],
    ] {
        s.run(args).ok();
    }
    assert_eq!(s.run(&["export"]).ok(), before, "nothing changed");
}

#[test]
fn far_dates_and_huge_durations_are_sentences_not_panics() {
    let s = Sandbox::new();
    let (child, _) = demo(&s);
    let far = "+262142-12-31";
    let add = |extra: &[&str]| s.add_core_group(&child, "2026-12-01T10:00", extra);
    let id = add(&["--duration", "60"]).ok().trim().to_string();
    let too_long = "The duration must be between 1 and 720 minutes.";
    // A day to come, so the refusal is about the length and not about the past.
    let later = days_ahead(30);
    for d in ["9223372036854775807", "721", "0"] {
        let err = add(&["--duration", d]).failed().to_string();
        assert!(err.contains(too_long), "{d}: {err}");
        let err = s
            .run(&[
                "meeting",
                "reschedule",
                &id,
                "--start",
                &later,
                "--duration",
                d,
                "--reason",
                "r",
            ])
            .failed()
            .to_string();
        assert!(err.contains(too_long), "{d}: {err}");
    }
    let what_if = format!("{id}={far}");
    for args in [
        vec![
            "suggest",
            "--kind",
            "core-group",
            "--child",
            child.as_str(),
            "--earliest",
            far,
        ],
        vec![
            "suggest",
            "--kind",
            "core-group",
            "--child",
            child.as_str(),
            "--deadline",
            "9999-12-31",
        ],
        vec!["timescales", "--what-if", what_if.as_str()],
        vec!["meeting", "list", "--from", far],
        vec!["meeting", "list", "--from", "2199-12-31"],
        vec!["conflicts", "--from", far],
        vec![
            "meeting",
            "reschedule",
            id.as_str(),
            "--start",
            "+262142-12-31T10:00",
            "--reason",
            "r",
        ],
    ] {
        let run = s.run(&args);
        if args[..3] == ["meeting", "list", "--from"] && args[3] == "2199-12-31" {
            run.ok();
            continue;
        }
        let err = run.failed().to_string();
        assert!(err.contains(OUTSIDE), "{args:?}: {err}");
    }
    let fresh = Sandbox::new();
    for today in [far, "1990-01-01"] {
        let err = fresh.run(&["demo", "--today", today]).failed().to_string();
        assert!(err.contains(OUTSIDE), "{today}: {err}");
    }
    s.run(&["check"]).ok();
}

#[test]
fn a_worn_out_sequence_number_is_refused_on_import_and_never_wraps() {
    let s = Sandbox::new();
    demo(&s);
    let mut file: serde_json::Value = json(s.run(&["export"]).ok());
    let id = file["data"]["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["status"]["type"] == "planned")
        .unwrap()["id"]
        .clone();
    let set_sequence = |file: &mut serde_json::Value, n: u64| {
        for m in file["data"]["meetings"].as_array_mut().unwrap() {
            if m["id"] == id {
                m["sequence"] = serde_json::json!(n);
            }
        }
    };
    set_sequence(&mut file, 4_294_967_295);
    let path = s.path("worn.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let target = Sandbox::new();
    let err = target.run(&["import", path.to_str().unwrap()]).failed().to_string();
    assert!(err.contains("4294967295"), "{err}");

    // At the last number accepted, the next change is refused with a sentence.
    set_sequence(&mut file, 1_000_000);
    std::fs::write(&path, file.to_string()).unwrap();
    target.run(&["import", path.to_str().unwrap()]).ok();
    let id = id.as_str().unwrap();
    for args in [
        vec!["meeting", "cancel", id, "--reason", "Family unwell"],
        vec!["meeting", "edit", id, "--online", "Zoom"],
        vec![
            "meeting",
            "reschedule",
            id,
            "--start",
            &days_ahead(40),
            "--reason",
            "Chair ill",
            "--override",
            "x",
        ],
    ] {
        let err = target.run(&args).failed().to_string();
        assert!(err.contains("changed too many times"), "{args:?}: {err}");
    }
    let shown = json(target.run(&["meeting", "show", id, "--json"]).ok());
    assert_eq!(shown["sequence"], 1_000_000);
}
