#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Encryption at rest: on, wrong and missing passphrases, no child's name anywhere in the data
//! folder, encrypted exports and backups, change and off.

mod util;

use std::path::Path;

use util::Sandbox;

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn encrypted_data_keeps_every_childs_name_off_the_disk() {
    let s = Sandbox::new();
    s.demo();
    s.run(&["child", "list"]).ok(); // takes a plaintext daily backup, which must go too
                                    // A restore keeps the data it replaced aside, a whole sled folder in clear: it must go too.
    s.run(&["restore", "--latest"]).ok();
    let export: serde_json::Value = serde_json::from_str(s.run(&["export"]).ok()).unwrap();
    let names: Vec<String> = export["data"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["given_name"].as_str().unwrap(),
                c["family_name"].as_str().unwrap()
            )
        })
        .chain(
            export["data"]["children"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["family_name"].as_str().unwrap().to_string()),
        )
        .collect();
    let pass = [("CONVENE_NEW_PASSPHRASE", "correct horse battery")];
    let out = s.run_env(&["encryption", "on"], &pass).ok().to_string();
    assert!(out.contains("now encrypted"), "{out}");

    let mut files = Vec::new();
    files_under(s.dir.path(), &mut files);
    assert!(files.len() > 3);
    for f in &files {
        // Everything in the data folder: sled's files, backups, anything else.
        if f.starts_with(s.data()) {
            let bytes = std::fs::read(f).unwrap();
            for n in &names {
                assert!(!contains(&bytes, n.as_bytes()), "{n} found in {}", f.display());
            }
        }
    }

    let needed = s.run(&["child", "list"]).failed().to_string();
    assert!(needed.contains("is encrypted: enter its passphrase"), "{needed}");
    let wrong = s
        .run_env(&["child", "list"], &[("CONVENE_PASSPHRASE", "horse battery staple")])
        .failed()
        .to_string();
    assert!(wrong.contains("That passphrase does not open this data"), "{wrong}");
    // Date arithmetic does not quietly fall back to the shipped rules either.
    let due = s.run(&["due", "conference-minutes", "2026-01-05"]).failed().to_string();
    assert!(due.contains("is encrypted: enter its passphrase"), "{due}");
    let key = [("CONVENE_PASSPHRASE", "correct horse battery")];
    let listed: serde_json::Value = serde_json::from_str(s.run_env(&["child", "list", "--json"], &key).ok()).unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        export["data"]["children"].as_array().unwrap().len()
    );
    s.run_env(&["check"], &key).ok();
    assert!(s.run_env(&["audit", "verify"], &key).ok().contains("intact"));

    // Exports are sealed too; an empty store imports them with the passphrase only.
    let sealed = s.path("sealed.json");
    s.run_env(&["export", "-o", sealed.to_str().unwrap()], &key).ok();
    let text = std::fs::read_to_string(&sealed).unwrap();
    assert!(text.contains("convene-export-encrypted"));
    assert!(!names.iter().any(|n| text.contains(n.as_str())));
    let other = Sandbox::new();
    assert!(other
        .run(&["import", sealed.to_str().unwrap()])
        .failed()
        .contains("give its passphrase"));
    other.run_env(&["import", sealed.to_str().unwrap()], &key).ok();

    // Change the passphrase, then turn encryption off.
    let changed = [
        ("CONVENE_PASSPHRASE", "correct horse battery"),
        ("CONVENE_NEW_PASSPHRASE", "a new long passphrase"),
    ];
    s.run_env(&["encryption", "change"], &changed).ok();
    assert!(s.run_env(&["child", "list"], &key).failed().contains("does not open"));
    let new_key = [("CONVENE_PASSPHRASE", "a new long passphrase")];
    s.run_env(&["check"], &new_key).ok();
    s.run_env(&["encryption", "off"], &new_key).ok();
    let plain: serde_json::Value = serde_json::from_str(s.run(&["export"]).ok()).unwrap();
    assert_eq!(plain["data"], export["data"]);
    assert!(s.run(&["audit", "verify"]).ok().contains("intact"));
    let short = s
        .run_env(&["encryption", "on"], &[("CONVENE_NEW_PASSPHRASE", "short")])
        .failed()
        .to_string();
    assert!(short.contains("at least 8 characters"), "{short}");
}

#[test]
fn passphrases_can_come_from_files_kept_out_of_the_environment() {
    let s = Sandbox::new();
    s.demo();
    let file = s.path("passphrase.txt");
    std::fs::write(&file, "correct horse battery\n").unwrap();
    let f = file.to_str().unwrap();
    s.run(&["encryption", "on", "--new-passphrase-file", f]).ok();
    assert!(s.run(&["child", "list"]).failed().contains("enter its passphrase"));
    // The first line of the file opens it, the option before or after the command.
    s.run(&["--passphrase-file", f, "check"]).ok();
    s.run(&["child", "list", "--passphrase-file", f]).ok();
    // A file that holds no passphrase, or is not there: said, and nothing opened.
    let empty = s.path("empty.txt");
    std::fs::write(&empty, "\nsecond line\n").unwrap();
    let said = s
        .run(&["--passphrase-file", empty.to_str().unwrap(), "check"])
        .failed()
        .to_string();
    assert!(said.contains("no passphrase on its first line"), "{said}");
    let missing = s.path("missing.txt");
    let said = s
        .run(&["--passphrase-file", missing.to_str().unwrap(), "check"])
        .failed()
        .to_string();
    assert!(said.contains("could not be read"), "{said}");
    // Encryption off, from the file too.
    s.run(&["encryption", "off", "--passphrase-file", f]).ok();
    s.run(&["check"]).ok();
}
