//! Children and meetings: adding and validating them, suggested slots, conflicts and overrides,
//! rescheduling and history, cancelling, editing.

use crate::helpers::{child_of_a_full_timer, json, python_ics};
use crate::util::Sandbox;

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
    let add = |start: &str, extra: &[&str]| s.add_core_group(&child, start, extra);
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
        .contains("Say why the meeting is cancelled"));
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
fn suggest_conflicts_override_reschedule_and_history() {
    let s = Sandbox::new();
    s.demo();
    // The leave below is then the only reason a day has no time.
    let child = child_of_a_full_timer(&s);
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
        .add_core_group(&child, &start, &["--chair", &sw])
        .ok()
        .trim()
        .to_string();
    let err = s.add_core_group(&child, &start, &["--chair", &sw]).failed().to_string();
    assert!(
        err.contains("Not saved:") && err.contains("is also booked for the core group") && err.contains("--override"),
        "{err}"
    );
    let second = s
        .add_core_group(&child, &start, &["--chair", &sw, "--override", "Two rooms, two chairs"])
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
    let around_leave = [
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
    ];
    let out = json(s.run(&[&around_leave[..], &["--json"]].concat()).ok());
    assert!(
        out["slots"][0]["start"].as_str().unwrap().starts_with("2027-06-28"),
        "{out}"
    );
    // The week of leave is why nothing earlier is offered, said once for the five days.
    assert_eq!(out["earlier_days"].as_array().unwrap().len(), 1, "{out}");
    let why = out["earlier_days"][0].as_str().unwrap().to_string();
    assert!(
        why.starts_with("Mon 21 Jun 2027 to Fri 25 Jun 2027: ") && why.ends_with(" is on leave (annual leave)."),
        "{why}"
    );
    let text = s.run(&around_leave).ok().to_string();
    assert!(text.contains(&format!("Why no earlier time:\n    {why}\n")), "{text}");
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
fn suggestions_stop_at_an_invitees_last_working_day() {
    let s = Sandbox::new();
    s.demo();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let child = children[0]["id"].as_str().unwrap().to_string();
    let agencies = json(s.run(&["agency", "list", "--json"]).ok());
    let agency = agencies
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency"]["kind"] == "health")
        .unwrap()["agency"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let nurse = s
        .run(&[
            "person",
            "add",
            "--name",
            "Lee Locum",
            "--role",
            "School nurse",
            "--agency",
            &agency,
        ])
        .ok()
        .trim()
        .to_string();
    s.run(&["person", "leave", &nurse, "--last-day", "2027-06-02"]).ok();
    let suggest = |earliest: &str| {
        json(
            s.run(&[
                "suggest",
                "--kind",
                "core-group",
                "--child",
                &child,
                "--required",
                &nurse,
                "--earliest",
                earliest,
                "--deadline",
                "2027-06-11",
                "--duration",
                "60",
                "--json",
            ])
            .ok(),
        )
    };
    let out = suggest("2027-06-01");
    let slots = out["slots"].as_array().unwrap();
    assert!(!slots.is_empty(), "{out}");
    assert!(
        slots.iter().all(|s| s["start"].as_str().unwrap() < "2027-06-03"),
        "{out}"
    );
    assert!(
        out["message"].as_str().unwrap().ends_with(
            "None is offered after Wed 2 Jun 2027, Lee Locum's last working day: a meeting then cannot include them."
        ),
        "{out}"
    );
    let out = suggest("2027-06-03");
    assert!(out["slots"].as_array().unwrap().is_empty(), "{out}");
    assert!(
        out["message"]
            .as_str()
            .unwrap()
            .starts_with("Lee Locum's last working day is Wed 2 Jun 2027"),
        "{out}"
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

#[test]
fn the_cli_refuses_what_the_app_refuses() {
    let s = Sandbox::new();
    s.demo();
    let today = convene_core::time::uk_date_of(chrono::Utc::now());
    let all = json(
        s.run(&[
            "meeting",
            "list",
            "--from",
            "2000-01-01",
            "--to",
            "2199-12-31",
            "--json",
        ])
        .ok(),
    );
    let with = |status: &str| {
        all.as_array()
            .unwrap()
            .iter()
            .find(|m| m["status"] == status)
            .map(|m| m["id"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("the demo has no {status} meeting"))
    };
    let (held, planned) = (with("held"), with("planned"));
    // A held meeting is a record: not cancelled, not rescheduled.
    assert!(s
        .run(&["meeting", "cancel", &held, "--reason", "oops"])
        .failed()
        .contains("cannot be cancelled"));
    // A planned one is not moved into the past.
    let past = format!("{}T10:00", today - chrono::Duration::days(7));
    let said = s
        .run(&["meeting", "reschedule", &planned, "--start", &past, "--reason", "test"])
        .failed()
        .to_string();
    assert!(said.contains("past"), "{said}");
    // A mistyped attendee is an error, not someone ignored; times are never offered in the past.
    let child = json(s.run(&["child", "list", "--json"]).ok())[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let nobody = "00000000-0000-4000-8000-000000000000";
    let base = ["suggest", "--kind", "core-group", "--child", &child];
    let mut args = base.to_vec();
    args.extend(["--required", nobody]);
    assert!(
        s.run(&args).failed().contains("There is no"),
        "unknown attendee accepted"
    );
    let mut args = base.to_vec();
    args.extend(["--earliest", "2020-01-01", "--json"]);
    let asked = chrono::Utc::now();
    let slots = json(s.run(&args).ok());
    let slots = slots["slots"].as_array().unwrap();
    assert!(!slots.is_empty(), "no times offered at all");
    // Not only no earlier day: no time earlier today either.
    for slot in slots {
        let start = chrono::DateTime::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap();
        assert!(start >= asked, "{slot} is before {asked}");
    }
    // A period the wrong way round is refused, not an all-clear.
    assert_eq!(
        s.run(&["conflicts", "--from", "2026-12-20", "--to", "2026-12-07"])
            .failed(),
        "error: The period starts (2026-12-20) after it ends (2026-12-07)."
    );
}

#[test]
fn a_birth_after_today_and_a_year_outside_the_calendar_are_refused() {
    let s = Sandbox::new();
    let said = s
        .run(&["child", "add", "--given", "A", "--family", "B", "--dob", "2199-01-01"])
        .failed()
        .to_string();
    assert!(
        said.contains("is after today: for an unborn child give --edd"),
        "{said}"
    );
    assert_eq!(
        s.run(&["holidays", "list", "--year", "1990"]).failed(),
        "error: 1990 is outside the years Convene handles (2000 to 2199)."
    );
}

#[test]
fn the_meetings_list_says_which_are_booked_after_their_deadline() {
    let s = Sandbox::new();
    s.demo();
    let rows = json(s.run(&["meeting", "list", "--json"]).ok());
    let rows = rows.as_array().expect("a list");
    assert!(!rows.is_empty());
    let text = s.run(&["meeting", "list"]).ok().to_string();
    for r in rows {
        let id = r["id"].as_str().unwrap();
        let line = text.lines().find(|l| l.starts_with(id)).expect("each meeting listed");
        match r.get("after_deadline").expect("the field is always there") {
            serde_json::Value::Null => assert!(!line.contains("after its deadline"), "{line}"),
            d => {
                let d = d.as_str().unwrap();
                assert!(line.contains("  (after its deadline, "), "{line} ({d})");
            }
        }
        // What else stands against it, a line each under it.
        let said: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with(id))
            .skip(1)
            .take_while(|l| l.starts_with("    conflict: "))
            .map(|l| l.trim_start_matches("    conflict: "))
            .collect();
        let conflicts: Vec<&str> = r["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(said, conflicts, "{id}");
    }
}
