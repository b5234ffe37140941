//! `convene child allocate`: a child moves to another social worker, or to no one, and the
//! caseloads follow.

use crate::helpers::json;
use crate::util::Sandbox;

#[test]
fn a_child_is_allocated_to_a_social_worker_and_then_to_no_one() {
    let s = Sandbox::new();
    s.demo();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let child = &children.as_array().unwrap()[0];
    let id = child["id"].as_str().unwrap();
    let name = child["name"].as_str().unwrap();
    // Someone else in children's social care: a person who holds a caseload but not this child.
    let bundle = json(s.run(&["child", "show", id, "--json"]).ok());
    let current = bundle["child"]["social_worker"].as_str().unwrap().to_string();
    let other = children
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            json(s.run(&["child", "show", c["id"].as_str().unwrap(), "--json"]).ok())["child"]["social_worker"].clone()
        })
        .filter_map(|p| p.as_str().map(str::to_string))
        .find(|p| *p != current)
        .expect("the demo has more than one social worker");

    let said = s
        .run(&["child", "allocate", id, "--social-worker", &other])
        .ok()
        .to_string();
    assert_eq!(said.trim(), format!("{name} is allocated to {other}."));
    let now = json(s.run(&["child", "show", id, "--json"]).ok());
    assert_eq!(now["child"]["social_worker"], other.as_str());

    let said = s.run(&["child", "allocate", id, "--none"]).ok().to_string();
    assert_eq!(said.trim(), format!("{name} is not allocated to anyone."));
    assert!(json(s.run(&["child", "show", id, "--json"]).ok())["child"]["social_worker"].is_null());

    // An unknown person, or no choice at all, is refused and changes nothing.
    let before = s.run(&["export"]).ok().to_string();
    let unknown = "00000000-0000-4000-8000-000000000009";
    assert!(s
        .run(&["child", "allocate", id, "--social-worker", unknown])
        .failed()
        .contains("There is no person"));
    assert!(s.run(&["child", "allocate", id]).code != 0);
    assert_eq!(s.run(&["export"]).ok(), before);
}

#[test]
fn a_looked_after_episode_starts_its_reviews_and_ends_once() {
    let s = Sandbox::new();
    s.demo();
    let child = s.add_child("Sam");
    let rules = |s: &Sandbox| -> Vec<String> {
        json(
            s.run(&["timescales", "--as-of", "2026-11-25", "--child", &child, "--json"])
                .ok(),
        )
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} {}", i["rule"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect()
    };
    assert!(rules(&s).is_empty(), "{:?}", rules(&s));
    let id = s
        .run(&[
            "episode",
            "start",
            "--child",
            &child,
            "--kind",
            "looked-after",
            "--date",
            "2026-11-02",
        ])
        .ok()
        .trim()
        .to_string();
    // Day 20 after Mon 2 Nov is Mon 30 Nov: due soon on the 25th.
    assert_eq!(rules(&s), ["lac-first-review due-soon"]);
    let said = s
        .run(&[
            "episode",
            "start",
            "--child",
            &child,
            "--kind",
            "looked-after",
            "--date",
            "2026-11-10",
        ])
        .failed()
        .to_string();
    assert!(
        said.contains("Looked after is already open for this child (since 02/11/2026)"),
        "{said}"
    );
    assert!(s
        .run(&["episode", "start", "--child", &child, "--kind", "child-protection"])
        .failed()
        .contains("starts and ends at a conference"));
    assert_eq!(
        s.run(&["episode", "end", &id, "--date", "2026-11-20"]).ok().trim(),
        "Looked after ended on Fri 20 Nov 2026."
    );
    assert!(s
        .run(&["episode", "end", &id])
        .failed()
        .contains("already ended (20/11/2026)"));
    assert_eq!(rules(&s), ["lac-first-review closed"]);
    // Entered by mistake: removed, and the review with it.
    assert_eq!(
        s.run(&["episode", "remove", &id]).ok().trim(),
        "Removed: Looked after from Mon 2 Nov 2026."
    );
    assert!(rules(&s).is_empty(), "{:?}", rules(&s));
}

#[test]
fn only_a_member_of_a_social_care_team_is_allocated_children() {
    let s = Sandbox::new();
    s.demo();
    let export = json(s.run(&["export"]).ok());
    let data = &export["data"];
    let agency_kind = |id: &serde_json::Value| {
        data["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == *id)
            .unwrap()["kind"]
            .clone()
    };
    let people = data["people"].as_array().unwrap();
    let chair = people
        .iter()
        .find(|p| p["role"].as_str().unwrap().contains("chair"))
        .unwrap();
    let police = people.iter().find(|p| agency_kind(&p["agency"]) == "police").unwrap();
    let child = s.add_child("Kit");
    for p in [chair, police] {
        let said = s
            .run(&[
                "child",
                "allocate",
                &child,
                "--social-worker",
                p["id"].as_str().unwrap(),
            ])
            .failed()
            .to_string();
        assert!(said.ends_with("does not hold cases: a child is allocated to a social worker in one of children's social care's teams."), "{said}");
    }
    let said = s
        .run(&[
            "child",
            "add",
            "--given",
            "A",
            "--family",
            "B",
            "--dob",
            "2020-01-01",
            "--social-worker",
            chair["id"].as_str().unwrap(),
        ])
        .failed()
        .to_string();
    assert!(said.contains("does not hold cases"), "{said}");
}

#[test]
fn an_unborn_childs_birth_is_recorded_once() {
    let s = Sandbox::new();
    let today = chrono::Local::now().date_naive();
    let due = (today + chrono::Duration::days(60)).to_string();
    // Born early, two days ago (a day's margin for the UK date against this machine's).
    let born = today - chrono::Duration::days(2);
    let id = s
        .run(&["child", "add", "--given", "Baby", "--family", "Hart", "--edd", &due])
        .ok()
        .trim()
        .to_string();
    assert!(s
        .run(&["child", "born", &id, "--date", "2099-01-01"])
        .failed()
        .contains("is after today"));
    assert_eq!(
        s.run(&["child", "born", &id, "--date", &born.to_string()]).ok().trim(),
        format!(
            "Baby Hart: DOB {} (expected {}, born 8 weeks early).",
            born.format("%d/%m/%Y"),
            (today + chrono::Duration::days(60)).format("%d/%m/%Y")
        )
    );
    assert!(s
        .run(&["child", "born", &id])
        .failed()
        .contains(&format!("birth is already recorded ({})", born.format("%d/%m/%Y"))));
}

#[test]
fn a_birth_before_the_pre_birth_conference_says_it_is_still_booked() {
    let s = Sandbox::new();
    s.demo();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let unborn = children
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["birth"].as_str().is_some_and(|b| b.starts_with("EDD")))
        .expect("the demo has an unborn child");
    let (id, name) = (unborn["id"].as_str().unwrap(), unborn["name"].as_str().unwrap());
    let said = s.run(&["child", "born", id]).ok().to_string();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 2, "{said}");
    assert!(lines[0].starts_with(&format!("{name}: DOB ")), "{said}");
    assert!(lines[0].contains(" (expected "), "the expected date is kept: {said}");
    assert!(
        lines[1].starts_with("The pre-birth conference on ")
            && lines[1].ends_with(&format!(
                " is still booked: now that {name} is born, hold it as the initial child protection conference, or cancel it and book one in its place, as your local procedures say."
            )),
        "{said}"
    );
    // Born before the pre-birth conference's deadline: its timescale stays on the record, no
    // longer open, ended by the birth.
    let items = json(s.run(&["timescales", "--child", id, "--json"]).ok());
    let prebirth: Vec<_> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["rule"] == "prebirth-conference")
        .collect();
    assert_eq!(prebirth.len(), 1, "{items}");
    assert_eq!(prebirth[0]["status"], "closed", "{items}");

    // The conference still booked is held as the initial one, as booked: refused while it would
    // clash or be late, unless a reason is given; then it is an ICPC, and says so in its history.
    let conference = pre_birth_conference(&s, |child| child == id).expect("the pre-birth conference");
    let refused = s.run(&["meeting", "hold-as-icpc", &conference]).failed().to_string();
    assert!(
        refused.contains("Not saved: ") && refused.contains("To save it anyway, add --override"),
        "{refused}"
    );
    let held = s
        .run(&[
            "meeting",
            "hold-as-icpc",
            &conference,
            "--override",
            "Held as the ICPC, as our procedure says",
        ])
        .ok()
        .to_string();
    assert!(
        held.starts_with("Now the initial child protection conference, "),
        "{held}"
    );
    let shown = s.run(&["meeting", "show", &conference]).ok().to_string();
    assert!(
        shown.starts_with("Initial child protection conference (planned)"),
        "{shown}"
    );
    let history = s.run(&["meeting", "history", &conference]).ok().to_string();
    assert!(
        history
            .trim_end()
            .ends_with("held as an initial child protection conference (was a pre-birth conference)"),
        "{history}"
    );
    assert!(s
        .run(&["meeting", "hold-as-icpc", &conference])
        .failed()
        .contains("this meeting is an initial child protection conference."));
}

#[test]
fn an_unborn_babys_pre_birth_conference_is_not_held_as_an_icpc() {
    let s = Sandbox::new();
    s.demo();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let unborn: Vec<&str> = children
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["birth"].as_str().is_some_and(|b| b.starts_with("EDD")))
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let conference =
        pre_birth_conference(&s, |child| unborn.contains(&child)).expect("an unborn baby's pre-birth conference");
    let refused = s.run(&["meeting", "hold-as-icpc", &conference]).failed().to_string();
    assert!(
        refused.ends_with(
            "is not born yet: a pre-birth conference is still the meeting for them. Record the birth first."
        ),
        "{refused}"
    );
    let shown = s.run(&["meeting", "show", &conference]).ok().to_string();
    assert!(shown.starts_with("Pre-birth conference (planned)"), "{shown}");
}

#[test]
fn a_person_is_added_to_the_directory_and_to_a_childs_network() {
    let s = Sandbox::new();
    s.demo();
    let agencies = json(s.run(&["export"]).ok())["data"]["agencies"].clone();
    let family = agencies
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "family")
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let id = s
        .run(&[
            "person",
            "add",
            "--name",
            "Jo Netfield",
            "--role",
            "Mother",
            "--agency",
            &family,
        ])
        .ok()
        .trim()
        .to_string();
    let people = json(s.run(&["person", "list", "--json"]).ok());
    let jo = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id.as_str())
        .unwrap();
    assert_eq!(
        (jo["name"].as_str(), jo["family"].as_bool()),
        (Some("Jo Netfield"), Some(true))
    );
    assert!(s
        .run(&["person", "add", "--name", "X", "--agency", "Nowhere"])
        .failed()
        .starts_with("error: There is no agency 'Nowhere'. Known: "));

    let child = s.add_child("Kit");
    assert_eq!(
        s.run(&["child", "link", &child, "--person", &id, "--role", "parent"])
            .ok()
            .trim(),
        "Jo Netfield added to Kit Test's network as parent."
    );
    assert!(s
        .run(&["child", "link", &child, "--person", &id, "--role", "parent"])
        .failed()
        .ends_with("Jo Netfield is already in this child's network as parent."));
    assert!(s
        .run(&["child", "link", &child, "--person", &id, "--role", "dentist"])
        .failed()
        .contains("'dentist' is not a known network role"));
    assert!(s
        .run(&["child", "link", &child, "--person", &id, "--role", "gp"])
        .failed()
        .ends_with("Jo Netfield is family: in a child's network, family are a parent or carer (or a foster carer, advocate or other)."));
    let shown = json(s.run(&["child", "show", &child, "--json"]).ok());
    assert_eq!(
        shown["child"]["network"],
        serde_json::json!([{ "person": id, "role": "parent" }])
    );
    assert_eq!(
        s.run(&["child", "unlink", &child, "--person", &id, "--role", "parent"])
            .ok()
            .trim(),
        "Jo Netfield taken off Kit Test's network as parent."
    );
    assert!(s
        .run(&["child", "unlink", &child, "--person", &id, "--role", "parent"])
        .failed()
        .ends_with("Jo Netfield is not in this child's network as parent."));
}

#[test]
fn a_persons_details_are_corrected_and_a_worker_with_cases_keeps_their_team() {
    let s = Sandbox::new();
    s.demo();
    let data = json(s.run(&["export"]).ok())["data"].clone();
    // A social worker with children allocated to them, and the police's name.
    let worker = data["children"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|c| c["social_worker"].as_str())
        .unwrap()
        .to_string();
    let police = data["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "police")
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let role = data["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == worker.as_str())
        .unwrap()["role"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        s.run(&[
            "person",
            "edit",
            &worker,
            "--name",
            "Sam Corrected",
            "--email",
            "sam@example.org"
        ])
        .ok()
        .trim(),
        format!("Saved: Sam Corrected, {role}.")
    );
    let people = json(s.run(&["person", "list", "--json"]).ok());
    let sam = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == worker.as_str())
        .unwrap();
    assert_eq!(sam["name"], "Sam Corrected");
    assert_eq!(sam["details"]["email"], "sam@example.org");
    assert!(sam["team"].is_string(), "the team is kept: {sam}");
    // Out of their team, or to the police, while children are allocated: refused in a sentence.
    let allocated = data["children"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["social_worker"] == worker.as_str())
        .count();
    let children = if allocated == 1 {
        "1 child".to_string()
    } else {
        format!("{allocated} children")
    };
    for args in [vec!["--no-team"], vec!["--agency", police.as_str(), "--no-team"]] {
        let mut edit = vec!["person", "edit", worker.as_str()];
        edit.extend(args);
        assert!(s.run(&edit).failed().ends_with(&format!(
            "Sam Corrected has {children} allocated, and would no longer hold cases: allocate them to another social worker first."
        )));
    }
    let after = json(s.run(&["person", "list", "--json"]).ok());
    assert_eq!(after, people, "a refused correction changes nothing");
    assert!(s
        .run(&["person", "edit", "not-an-id", "--name", "X"])
        .failed()
        .starts_with("error: "));
}

#[test]
fn brothers_and_sisters_are_recorded_on_both_records() {
    let s = Sandbox::new();
    let (a, b) = (s.add_child("Ada"), s.add_child("Ben"));
    assert_eq!(
        s.run(&["child", "sibling", &a, "--with", &b]).ok().trim(),
        "Ada Test and Ben Test are recorded as brother or sister."
    );
    let siblings = |id: &str| json(s.run(&["child", "show", id, "--json"]).ok())["child"]["siblings"].clone();
    assert_eq!(
        (siblings(&a), siblings(&b)),
        (serde_json::json!([b]), serde_json::json!([a]))
    );
    assert!(s
        .run(&["child", "sibling", &b, "--with", &a])
        .failed()
        .ends_with("Ben Test and Ada Test are already recorded as brother or sister."));
    assert!(s
        .run(&["child", "sibling", &a, "--with", &a])
        .failed()
        .contains("cannot be their own sibling"));
    s.run(&["child", "sibling", &b, "--with", &a, "--remove"]).ok();
    assert_eq!(
        (siblings(&a), siblings(&b)),
        (serde_json::json!([]), serde_json::json!([]))
    );
}

#[test]
fn a_childs_details_are_corrected_and_a_bad_date_changes_nothing() {
    let s = Sandbox::new();
    let id = s.add_child("Ada");
    assert_eq!(
        s.run(&[
            "child",
            "edit",
            &id,
            "--family",
            "Hart",
            "--case-id",
            "C-9",
            "--date",
            "2020-01-02"
        ])
        .ok()
        .trim(),
        "Ada Hart (C-9), DOB 02/01/2020."
    );
    assert_eq!(
        s.run(&["child", "edit", &id, "--initials", "true"]).ok().trim(),
        "A.H. (C-9), DOB 02/01/2020."
    );
    let before = s.run(&["export"]).ok().to_string();
    assert!(s
        .run(&["child", "edit", &id, "--date", "2199-01-01"])
        .failed()
        .contains("after today"));
    assert!(s
        .run(&["child", "edit", &id, "--given", " "])
        .failed()
        .contains("must not be empty"));
    assert_eq!(s.run(&["export"]).ok(), before);
}

#[test]
fn becoming_looked_after_is_refused_as_an_event_and_pointed_at_the_episode() {
    let s = Sandbox::new();
    let child = s.add_child("Lee");
    let said = s
        .run(&["event", "add", "--child", &child, "--kind", "became-looked-after"])
        .failed()
        .to_string();
    assert!(said.contains("convene episode start --kind looked-after"), "{said}");
}

/// The id of the first pre-birth conference (listed from the demo's day: the machine's today may
/// be after it) whose child `which` picks.
fn pre_birth_conference(s: &Sandbox, which: impl Fn(&str) -> bool) -> Option<String> {
    let meetings = json(
        s.run(&[
            "meeting",
            "list",
            "--from",
            "2026-11-25",
            "--to",
            "2099-12-31",
            "--json",
        ])
        .ok(),
    );
    meetings
        .as_array()?
        .iter()
        .find(|m| m["kind"] == "pre-birth-conference" && m["child_ids"][0].as_str().is_some_and(&which))
        .and_then(|m| m["id"].as_str())
        .map(str::to_string)
}
