//! `convene agency` and `convene team`: a new authority's directory from nothing.

use crate::helpers::json;
use crate::util::Sandbox;

#[test]
fn a_new_authority_adds_its_agencies_teams_and_people_and_corrects_them() {
    let s = Sandbox::new();
    let csc = s
        .run(&[
            "agency",
            "add",
            "--name",
            "Northbridge Children's Services",
            "--kind",
            "childrens-social-care",
        ])
        .ok()
        .trim()
        .to_string();
    s.run(&["agency", "add", "--name", "Family and friends", "--kind", "family"])
        .ok();
    assert!(s
        .run(&[
            "agency",
            "add",
            "--name",
            "northbridge children's services",
            "--kind",
            "health"
        ])
        .failed()
        .ends_with("There is already an agency called Northbridge Children's Services."));
    assert!(s
        .run(&["agency", "add", "--name", "GP surgery", "--kind", "doctor"])
        .failed()
        .contains("'doctor' is not a kind of agency. Known: childrens-social-care, police,"));
    let team = s
        .run(&[
            "team",
            "add",
            "--name",
            "Assessment",
            "--agency",
            "Northbridge Children's Services",
        ])
        .ok()
        .trim()
        .to_string();
    assert!(s
        .run(&["team", "add", "--name", "Cousins", "--agency", "Family and friends"])
        .failed()
        .ends_with("Teams belong to a professional agency, not to a family."));
    let sam = s
        .run(&[
            "person",
            "add",
            "--name",
            "Sam Okafor",
            "--role",
            "Social worker",
            "--agency",
            &csc,
            "--team",
            &team,
        ])
        .ok()
        .trim()
        .to_string();
    assert_eq!(
        s.run(&["team", "edit", &team, "--manager", &sam]).ok().trim(),
        "Saved: Assessment."
    );
    // Its kind is fixed while Sam is in it; its name is not.
    assert!(s
        .run(&["agency", "edit", &csc, "--kind", "police"])
        .failed()
        .ends_with("Northbridge Children's Services has people in it, so what kind of agency it is cannot change: add a new agency instead."));
    assert_eq!(
        s.run(&[
            "agency",
            "edit",
            "Northbridge Children's Services",
            "--name",
            "Northbridge CSC"
        ])
        .ok()
        .trim(),
        "Saved: Northbridge CSC."
    );
    let listed = s.run(&["agency", "list"]).ok().to_string();
    assert!(
        listed.contains("Northbridge CSC") && listed.contains("team ") && listed.contains("Assessment (1 person)"),
        "{listed}"
    );
    let d = json(s.run(&["agency", "list", "--json"]).ok());
    assert_eq!(d[0]["agency"]["name"], "Northbridge CSC");
    assert_eq!(d[0]["teams"][0]["manager"], "Sam Okafor");
    assert_eq!(d[1]["agency"]["kind"], "family");
    assert!(s
        .run(&["team", "edit", "not-an-id", "--name", "X"])
        .failed()
        .starts_with("error: "));
}

#[test]
fn a_social_worker_leaves_once_their_team_has_another_manager_and_can_come_back() {
    let s = Sandbox::new();
    let csc = s
        .run(&[
            "agency",
            "add",
            "--name",
            "Northbridge CSC",
            "--kind",
            "childrens-social-care",
        ])
        .ok()
        .trim()
        .to_string();
    let team = s
        .run(&["team", "add", "--name", "Assessment", "--agency", &csc])
        .ok()
        .trim()
        .to_string();
    let sam = s
        .run(&[
            "person",
            "add",
            "--name",
            "Sam Okafor",
            "--role",
            "Team manager",
            "--agency",
            &csc,
            "--team",
            &team,
        ])
        .ok()
        .trim()
        .to_string();
    s.run(&["team", "edit", &team, "--manager", &sam]).ok();
    assert!(s.run(&["person", "leave", &sam]).failed().ends_with(
        "Sam Okafor manages Assessment: choose another manager for it before recording that they are leaving."
    ));
    assert!(s
        .run(&["person", "leave", &sam, "--last-day", "18/12/2026"])
        .failed()
        .ends_with("'18/12/2026' is not a valid date; use YYYY-MM-DD, for example 2026-05-12."));
    s.run(&["team", "edit", &team, "--no-manager"]).ok();
    let said = s.run(&["person", "leave", &sam]).ok().trim().to_string();
    assert!(
        said.starts_with("Recorded: Sam Okafor's last working day is "),
        "{said}"
    );
    let listed = s.run(&["person", "list"]).ok().to_string();
    assert!(
        listed.contains("Sam Okafor") && listed.contains("(last working day "),
        "{listed}"
    );
    let people = json(s.run(&["person", "list", "--json"]).ok());
    assert!(people[0]["last_day"].is_string(), "{people}");
    // Not given the team again while leaving.
    assert!(s
        .run(&["team", "edit", &team, "--manager", &sam])
        .failed()
        .contains("Sam Okafor's last working day is "));
    assert_eq!(
        s.run(&["person", "stay", &sam]).ok().trim(),
        "Recorded: Sam Okafor works here again."
    );
    assert!(json(s.run(&["person", "list", "--json"]).ok())[0]["last_day"].is_null());
    s.run(&["team", "edit", &team, "--manager", &sam]).ok();
}
