//! Deadlines and working days: due dates, timescales and what-if, bank holidays, local overrides
//! and closures.

use crate::helpers::json;
use crate::util::Sandbox;

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
    // England's cp-visit is still switched off here: not carried to Wales's rules unasked.
    assert!(s
        .run(&["settings", "set", "--pack", "wales"])
        .failed()
        .contains("The local changes to 'cp-visit' were made for the england rule pack. Reset them"));
    s.run(&["settings", "reset-rule", "cp-visit"]).ok();
    s.run(&["settings", "set", "--pack", "wales"]).ok();
    // 20 working days in Wales (15 in England) from Mon 1 Jun 2026.
    assert_eq!(s.run(&["due", "conference-minutes", "2026-06-01"]).ok(), "2026-06-29\n");
    assert!(s
        .run(&["settings", "set", "--pack", "narnia"])
        .failed()
        .contains("no rule pack 'narnia'"));
}
