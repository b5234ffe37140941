//! The store as a whole: export and import, a store open elsewhere, backups and restore.

use crate::helpers::json;
use crate::util::Sandbox;

/// An export without its audit trail, which an import lengthens by its own entry.
fn records_and_settings(file: &std::path::Path) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("audit");
    v
}

#[test]
fn export_import_export_gives_the_same_records_and_settings_and_history() {
    let a = Sandbox::new();
    a.demo();
    let first = a.path("first.json");
    a.run(&["export", "-o", first.to_str().unwrap()]).ok();
    let b = Sandbox::new();
    let said = b.run(&["import", first.to_str().unwrap()]).ok().to_owned();
    let second = b.path("second.json");
    b.run(&["export", "-o", second.to_str().unwrap()]).ok();
    assert!(std::fs::metadata(&first).unwrap().len() > 100_000);
    assert!(
        records_and_settings(&first) == records_and_settings(&second),
        "exports differ"
    );
    // The history came too, and the import is added to it.
    let audit = |f: &std::path::Path| {
        json(&std::fs::read_to_string(f).unwrap())["audit"]
            .as_array()
            .unwrap()
            .clone()
    };
    let (x, y) = (audit(&first), audit(&second));
    assert_eq!(y.len(), x.len() + 1);
    assert_eq!(y[..x.len()], x[..]);
    assert!(
        said.contains(&format!("with their history ({} change", x.len())),
        "{said}"
    );
    assert!(b.run(&["audit", "verify"]).ok().contains("intact"));
    b.run(&["check"]).ok();
    // Importing into a store that holds records changes nothing.
    assert!(b
        .run(&["import", first.to_str().unwrap()])
        .failed()
        .contains("already holds records"));
}

#[test]
fn a_file_whose_audit_trail_was_altered_imports_with_a_warning_and_keeps_the_trail() {
    let a = Sandbox::new();
    a.demo();
    let file = a.path("x.json");
    a.run(&["export", "-o", file.to_str().unwrap()]).ok();
    let mut v = json(&std::fs::read_to_string(&file).unwrap());
    v["audit"][0]["os_user"] = "someone else".into();
    std::fs::write(&file, v.to_string()).unwrap();
    let b = Sandbox::new();
    let run = b.run(&["import", file.to_str().unwrap()]);
    assert!(
        run.ok().contains("with their history (0 changes in the audit trail)"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr.trim(),
        "warning: The file's record of who changed what does not verify (entry 1 has been altered), so it was not taken as this data's history: it is kept, whole, in the audit entry of this restore or import."
    );
    assert!(b.run(&["audit", "verify"]).ok().contains("intact"));
    assert_eq!(
        json(b.run(&["child", "list", "--json"]).ok()),
        json(a.run(&["child", "list", "--json"]).ok())
    );
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
            good.replacen("\"version\": 2", "\"version\": 3", 1),
            "version 3",
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
