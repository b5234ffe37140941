#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The bad-input catalogue: for each class of bad input, the exact sentence the user sees, and
//! proof that nothing changed (the export before and after is byte-identical).

mod util;

use util::Sandbox;

struct Case {
    class: &'static str,
    args: Vec<String>,
    /// The whole line on stderr.
    expect: String,
}

fn catalogue(s: &Sandbox) -> Vec<Case> {
    let children: serde_json::Value = serde_json::from_str(s.run(&["child", "list", "--json"]).ok()).unwrap();
    let child = children[0]["id"].as_str().unwrap().to_string();
    let missing = "00000000-0000-4000-8000-000000000000".to_string();
    let file = |name: &str, text: &str| {
        let p = s.path(name);
        std::fs::write(&p, text).unwrap();
        p.to_string_lossy().to_string()
    };
    let export = {
        let p = s.path("good.json");
        s.run(&["export", "-o", p.to_str().unwrap()]).ok();
        std::fs::read_to_string(p).unwrap()
    };
    let dup = {
        let mut v: serde_json::Value = serde_json::from_str(&export).unwrap();
        let first = v["data"]["events"][0].clone();
        v["data"]["events"].as_array_mut().unwrap().push(first);
        v.to_string()
    };
    let meeting = |start: &str, extra: &[&str]| {
        let mut a: Vec<String> = [
            "meeting",
            "add",
            "--kind",
            "core-group",
            "--child",
            &child,
            "--start",
            start,
            "--online",
            "Teams",
        ]
        .iter()
        .map(|x| x.to_string())
        .collect();
        a.extend(extra.iter().map(|x| x.to_string()));
        a
    };
    let args = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        Case {
            class: "impossible date",
            args: args(&["due", "strategy-to-icpc", "2026-02-30"]),
            expect: "error: '2026-02-30' is not a valid date; use YYYY-MM-DD, for example 2026-05-12.".into(),
        },
        Case {
            class: "impossible time",
            args: meeting("2026-12-01T25:00", &[]),
            expect: "error: '2026-12-01T25:00' is not a valid time; use YYYY-MM-DDTHH:MM, for example 2026-05-12T10:00.".into(),
        },
        Case {
            class: "DST gap",
            args: meeting("2027-03-28T01:30", &[]),
            expect: "error: Sunday 28 March 2027, 01:30 does not exist in the UK: the clocks go forward that night. Choose a time outside 01:00 to 02:00.".into(),
        },
        Case {
            class: "DST overlap",
            args: meeting("2027-10-31T01:30", &[]),
            expect: "error: Sunday 31 October 2027, 01:30 happens twice in the UK: the clocks go back that night. Say which one you mean by adding +01:00 (BST, the first) or +00:00 (GMT, the second).".into(),
        },
        Case {
            class: "end before start",
            args: meeting("2027-06-01T10:00", &["--end", "2027-06-01T09:00"]),
            expect: "error: It ends (01/06/2027 09:00) before or when it starts (01/06/2027 10:00).".into(),
        },
        Case {
            class: "unknown id",
            args: meeting("2027-06-01T10:00", &["--chair", &missing]),
            expect: format!("error: Person {missing} does not exist."),
        },
        Case {
            class: "malformed id",
            args: args(&["meeting", "show", "12345"]),
            expect: "error: '12345' is not a valid id (expected a UUID such as 6f1c2a9e-...).".into(),
        },
        Case {
            class: "oversized field",
            args: args(&["child", "add", "--given", &"A".repeat(201), "--family", "B", "--dob", "2020-01-01"]),
            expect: "error: The child's first name is too long (201 characters; at most 200).".into(),
        },
        Case {
            class: "duplicate ids in an import",
            args: vec!["import".into(), file("dup.json", &dup)],
            expect: "error: This data folder already holds records (".into(),
        },
        Case {
            class: "truncated file",
            args: vec!["holidays".into(), "import".into(), file("short.json", "{\"england-and-wales\": {\"events\": [")],
            expect: "error: The bank-holiday file is not in GOV.UK's bank-holidays.json format: EOF while parsing a list at line 1 column 34".into(),
        },
        Case {
            class: "holiday dates outside the years covered",
            args: vec![
                "holidays".into(),
                "import".into(),
                file("year0.json", r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "New Year", "date": "0000-01-01", "notes": "", "bunting": true}]}}"#),
            ],
            expect: "error: The bank-holiday file has a date '0000-01-01' in 'england-and-wales' outside the years Convene covers (2000–2199).".into(),
        },
        Case {
            class: "malformed calendar file",
            args: vec!["availability".into(), "import".into(), file("x.ics", "BEGIN:VCALENDAR\r\n"), "--person".into(), missing.clone()],
            expect: format!("error: There is no person with id {missing}."),
        },
        Case {
            class: "wrong schema version",
            args: vec!["import".into(), file("v9.json", &export.replacen("\"version\": 2", "\"version\": 9", 1))],
            expect: "error: The import file is a Convene export of version 9, but this version of Convene reads versions 1 to 2. Nothing was imported.".into(),
        },
    ]
}

#[test]
fn every_bad_input_gets_its_sentence_and_changes_nothing() {
    let s = Sandbox::new();
    s.demo();
    let cases = catalogue(&s);
    let before = s.run(&["export"]).ok().to_string();
    for c in &cases {
        let args: Vec<&str> = c.args.iter().map(|a| a.as_str()).collect();
        let line = s.run(&args).failed().to_string();
        assert!(
            line.starts_with(&c.expect),
            "{}:\n  got:  {line}\n  want: {}",
            c.class,
            c.expect
        );
        assert_eq!(s.run(&["export"]).ok(), before, "{} changed the store", c.class);
    }
    // Duplicate ids are refused in an empty store too, whole.
    let empty = Sandbox::new();
    let dup = s.path("dup.json");
    let line = empty.run(&["import", dup.to_str().unwrap()]).failed().to_string();
    assert!(
        line.starts_with("error: The import file has a record that is not valid: The same event appears twice:"),
        "{line}"
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(empty.run(&["child", "list", "--json"]).ok()).unwrap(),
        serde_json::json!([])
    );
    // Settings naming a "who am I" that is not in the file: refused before anything is
    // written (records and settings land in one transaction, or not at all).
    let bad_me = {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(s.path("good.json")).unwrap()).unwrap();
        v["settings"]["me"] = serde_json::json!("00000000-0000-4000-8000-000000000001");
        let p = s.path("bad-me.json");
        std::fs::write(&p, v.to_string()).unwrap();
        p
    };
    let line = empty.run(&["import", bad_me.to_str().unwrap()]).failed().to_string();
    assert_eq!(
        line,
        "error: The import file is not a Convene export: its settings name practitioner 00000000-0000-4000-8000-000000000001 as \"who am I\", but no such person is in the file. Nothing was imported."
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(empty.run(&["child", "list", "--json"]).ok()).unwrap(),
        serde_json::json!([])
    );
    // An encrypted export whose own key-derivation settings would ask for 4 TiB of memory:
    // refused at once, before any passphrase is tried.
    let hostile = s.path("hostile.json");
    std::fs::write(
        &hostile,
        serde_json::json!({
            "format": "convene-export-encrypted",
            "version": 1,
            "kdf": { "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "m_cost_kib": 4_294_967_295u32, "t_cost": 3, "p_cost": 1 },
            "ciphertext": "AAAA"
        })
        .to_string(),
    )
    .unwrap();
    let line = empty
        .run_env(
            &["import", hostile.to_str().unwrap()],
            &[("CONVENE_PASSPHRASE", "anything")],
        )
        .failed()
        .to_string();
    assert_eq!(
        line,
        "error: The import file is not a Convene export: its key-derivation memory (4294967295 KiB) is more than the 256 MiB limit. Nothing was imported."
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(empty.run(&["child", "list", "--json"]).ok()).unwrap(),
        serde_json::json!([])
    );
    eprintln!("bad-input classes tried: {}", cases.len() + 3);
}

#[test]
fn a_locked_store_is_named_and_left_alone() {
    let s = Sandbox::new();
    s.demo();
    let before = s.run(&["export"]).ok().to_string();
    let held = convene_store::Store::open(&s.data()).unwrap();
    let line = s.run(&["meeting", "list"]).failed().to_string();
    assert_eq!(
        line,
        format!(
            "error: The Convene data in {} is already open in another window or program. Close it there (or wait for it to finish) and try again.",
            s.data().display()
        )
    );
    drop(held);
    assert_eq!(s.run(&["export"]).ok(), before);
}
