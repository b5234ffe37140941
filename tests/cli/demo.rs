//! The demo: loading it, the JSON lists it fills, and synthetic authorities of a chosen size.

use crate::helpers::json;
use crate::util::Sandbox;

#[test]
fn demo_then_lists_print_json_arrays_with_ids() {
    let s = Sandbox::new();
    let out = s.run(&["demo", "--today", "2026-11-25"]);
    assert!(out.ok().starts_with("Loaded the demo: "), "{}", out.stdout);
    let children = json(s.run(&["child", "list", "--json"]).ok());
    let children = children.as_array().expect("array");
    assert!(children.len() >= 50, "{} children", children.len());
    assert!(children
        .iter()
        .all(|c| c["id"].as_str().is_some_and(|id| id.len() == 36)));
    let meetings = json(
        s.run(&[
            "meeting",
            "list",
            "--from",
            "2025-06-01",
            "--to",
            "2026-12-31",
            "--json",
        ])
        .ok(),
    );
    let meetings = meetings.as_array().expect("array");
    assert!(meetings.len() >= 200, "{} meetings", meetings.len());
    assert!(meetings.iter().all(|m| m["id"].is_string() && m["start"].is_string()));
    // A second demo into the same store is refused; --if-empty makes it a no-op.
    assert!(s.run(&["demo"]).failed().contains("already holds records"));
    s.run(&["demo", "--if-empty"]).ok();
}

#[test]
fn demo_families_seeds_a_synthetic_authority_of_that_size() {
    let s = Sandbox::new();
    assert!(s
        .run(&["demo", "--families", "0"])
        .failed()
        .contains("--families must be at least 1"));
    let out = s.run(&["demo", "--today", "2026-11-25", "--families", "40"]);
    let text = out.ok().to_string();
    let children: usize = text
        .strip_prefix("Loaded the demo: ")
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    // About 1.5 children a family.
    assert!((40..=120).contains(&children), "{text}");
    let listed = json(s.run(&["child", "list", "--json"]).ok());
    assert_eq!(listed.as_array().expect("array").len(), children);
}
