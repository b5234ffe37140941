//! `convene event`: recording what has happened meets the deadlines waiting for it; removing it
//! opens them again.

use crate::helpers::json;
use crate::util::Sandbox;

const DAY: &str = "2026-11-25";

fn items(s: &Sandbox, child: &str) -> Vec<serde_json::Value> {
    json(s.run(&["timescales", "--as-of", DAY, "--child", child, "--json"]).ok())
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn recording_an_event_meets_the_deadline_waiting_for_it_and_removing_it_opens_it_again() {
    let s = Sandbox::new();
    s.demo();
    // Minutes due after a conference held last week: only an event meets them.
    let open = json(s.run(&["timescales", "--as-of", DAY, "--open", "--json"]).ok());
    let item = open
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["rule"] == "conference-minutes" && i["status"] == "upcoming")
        .expect("the demo has minutes to send")
        .clone();
    assert_eq!(item["record_kind"], "minutes-distributed");
    assert!(item["schedule_kind"].is_null());
    let child = item["child"].as_str().unwrap();
    let same = |i: &serde_json::Value| i["rule"] == item["rule"] && i["anchor"] == item["anchor"];

    let id = s
        .run(&[
            "event",
            "add",
            "--child",
            child,
            "--kind",
            "minutes-distributed",
            "--date",
            DAY,
            "--note",
            "Posted",
        ])
        .ok()
        .trim()
        .to_string();
    assert_eq!(id.len(), 36, "{id}");
    let now = items(&s, child).into_iter().find(same).unwrap();
    assert_eq!(
        (now["status"].as_str(), now["met_on"].as_str()),
        (Some("met"), Some(DAY))
    );
    let listed = s.run(&["event", "list", "--child", child]).ok().to_string();
    assert!(
        listed.contains(&format!("{id}  Wed 25 Nov 2026  Minutes distributed  Posted")),
        "{listed}"
    );
    let as_json = json(s.run(&["event", "list", "--child", child, "--json"]).ok());
    assert!(as_json
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["id"] == id.as_str() && e["kind"] == "minutes-distributed"));

    assert_eq!(
        s.run(&["event", "remove", &id]).ok().trim(),
        format!("Removed event {id}.")
    );
    let again = items(&s, child).into_iter().find(same).unwrap();
    assert_eq!(again["status"], "upcoming");
    assert!(!s.run(&["event", "list", "--child", child]).ok().contains(&id));
    // Both are in the audit trail, with the child's id.
    let audit = s.run(&["audit", "show", "--child", child]).ok().to_string();
    assert!(audit.matches("event").count() >= 2, "{audit}");
    s.run(&["check"]).ok();
}

#[test]
fn an_event_is_not_recorded_after_today_nor_for_an_unknown_child_or_kind() {
    let s = Sandbox::new();
    let child = s.add_child("Ada");
    let before = s.run(&["export"]).ok().to_string();
    let cases = [
        (
            vec!["--kind", "visit", "--date", "2999-01-01"],
            "outside the dates Convene handles",
        ),
        (vec!["--kind", "visit", "--date", "2026-02-30"], "not a valid date"),
        (vec!["--kind", "lunch"], "not a known event kind"),
    ];
    for (args, expect) in cases {
        let mut all = vec!["event", "add", "--child", child.as_str()];
        all.extend(args);
        let said = s.run(&all).failed().to_string();
        assert!(said.contains(expect), "{said}");
    }
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Duration::days(2)).to_string();
    let said = s
        .run(&[
            "event", "add", "--child", &child, "--kind", "visit", "--date", &tomorrow,
        ])
        .failed()
        .to_string();
    assert!(
        said.ends_with("is after today: record something once it has happened."),
        "{said}"
    );
    let unknown = "00000000-0000-4000-8000-000000000009";
    let said = s
        .run(&["event", "add", "--child", unknown, "--kind", "visit"])
        .failed()
        .to_string();
    assert!(said.contains("does not exist"), "{said}");
    let said = s.run(&["event", "remove", unknown]).failed().to_string();
    assert!(said.contains("There is no event"), "{said}");
    assert_eq!(s.run(&["export"]).ok(), before, "nothing changed");
}
