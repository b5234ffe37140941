#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every IPC command is registered in all four places that must agree, by hand today: the
//! handler list (`src-tauri/src/lib.rs`), tauri-build's list that makes its permission
//! (`src-tauri/build.rs`), the window's capability (`src-tauri/capabilities/default.json`), and
//! the UI's typed wrapper (`ui/src/lib/api.ts`). A command missing from one is either unreachable
//! or refused at run time; this says which, before anyone runs the app.

use std::collections::BTreeSet;
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"))
        + from;
    &text[from..to]
}

#[test]
fn every_command_is_handled_permitted_allowed_and_wrapped() {
    let handlers: BTreeSet<String> = between(&read("src-tauri/src/lib.rs"), "generate_handler![", "]")
        .split(',')
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| s.rsplit("::").next().unwrap().to_string())
        .collect();
    let built: BTreeSet<String> = between(&read("src-tauri/build.rs"), "const COMMANDS: &[&str] = &[", "];")
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let capability: serde_json::Value = serde_json::from_str(&read("src-tauri/capabilities/default.json")).unwrap();
    let allowed: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .map(|p| {
            p.strip_prefix("allow-")
                .unwrap_or_else(|| panic!("{p} is not one of ours"))
                .replace('-', "_")
        })
        .collect();
    let api = read("ui/src/lib/api.ts");
    let wrapped: BTreeSet<String> = api
        .match_indices(">('")
        .map(|(i, m)| {
            let rest = &api[i + m.len()..];
            rest[..rest.find('\'').unwrap()].to_string()
        })
        .collect();
    assert!(handlers.len() > 40, "{handlers:?}");
    assert_eq!(built, handlers, "build.rs's COMMANDS against lib.rs's handlers");
    assert_eq!(
        allowed, handlers,
        "the capability's permissions against lib.rs's handlers"
    );
    assert_eq!(wrapped, handlers, "api.ts's wrappers against lib.rs's handlers");
}
