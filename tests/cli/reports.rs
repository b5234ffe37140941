//! What the CLI prints and writes for practitioners: KPIs, agendas, caseloads.

use crate::helpers::json;
use crate::util::Sandbox;

#[test]
fn kpis_print_and_write_csv_one_row_per_figure() {
    let s = Sandbox::new();
    s.demo();
    let figures = json(
        s.run(&["kpi", "--from", "2025-11-25", "--to", "2026-11-25", "--json"])
            .ok(),
    );
    let figures = figures.as_array().unwrap();
    for id in [
        "icpc-15wd-strategy",
        "icpc-15wd-s47",
        "core-group-10wd",
        "reviews-in-time",
        "assessment-45wd",
        "cp-visits",
        "plans-2-years",
        "second-plans",
        "attendance-police",
    ] {
        let k = figures
            .iter()
            .find(|k| k["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"));
        let (n, d) = (k["numerator"].as_u64().unwrap(), k["denominator"].as_u64().unwrap());
        assert!(n <= d, "{id}");
        assert_eq!(
            k["rows"].as_array().unwrap().len() as u64,
            d,
            "{id}: rows behind the figure"
        );
    }
    let csv = s.path("kpi.csv");
    s.run(&["kpi", "--csv", csv.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("kpi,title,scope,from,to,numerator,denominator,percent\n"));
    assert_eq!(text.lines().count(), figures.len() + 1);
    assert!(s
        .run(&["kpi", "--from", "2026-05-01", "--to", "2026-01-01"])
        .failed()
        .contains("starts"));
    assert!(s
        .run(&["kpi", "--team", "00000000-0000-4000-8000-000000000000"])
        .failed()
        .contains("There is no team"));
}

#[test]
fn agendas_print_in_both_variants_singly_and_in_batches_from_editable_templates() {
    let s = Sandbox::new();
    s.demo();
    let meetings = json(
        s.run(&[
            "meeting",
            "list",
            "--from",
            "2026-11-25",
            "--to",
            "2026-12-08",
            "--json",
        ])
        .ok(),
    );
    let planned: Vec<&serde_json::Value> = meetings
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["status"] == "planned")
        .collect();
    assert!(!planned.is_empty());
    let id = planned[0]["id"].as_str().unwrap();
    let text = s.run(&["agenda", id]).ok().to_string();
    assert!(text.starts_with(planned[0]["kind_title"].as_str().unwrap()), "{text}");
    assert!(
        text.contains("\nInvited\n") && text.contains("\nAgenda\n  1. "),
        "{text}"
    );
    assert!(text.contains("Confidential."));
    let html = s.path("family.html");
    s.run(&["agenda", id, "--variant", "family", "-o", html.to_str().unwrap()])
        .ok();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"en-GB\">") && page.contains("What we will talk about"));
    assert!(page.contains("font-size: 14pt"), "the family version has larger type");

    // The batch form: one file per planned meeting in the period, no child's name in a file name.
    let dir = s.path("agendas");
    let out = s
        .run(&[
            "agenda",
            "--from",
            "2026-11-25",
            "--to",
            "2026-12-08",
            "--format",
            "txt",
            "-o",
            dir.to_str().unwrap(),
        ])
        .ok()
        .to_string();
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(out.contains(&format!("Wrote {} agenda", files.len())), "{out}");
    assert!(
        files.len() >= planned.len(),
        "{} files for {} meetings",
        files.len(),
        planned.len()
    );
    let children = json(s.run(&["child", "list", "--json"]).ok());
    for f in &files {
        assert!(f.ends_with("-professional.txt"), "{f}");
        for c in children.as_array().unwrap() {
            let family = c["name"].as_str().unwrap_or("").split(' ').next_back().unwrap_or("");
            assert!(family.len() < 3 || !f.contains(family), "{f} names a child");
        }
    }
    assert!(s
        .run(&[
            "agenda",
            "--from",
            "2026-12-08",
            "--to",
            "2026-11-25",
            "-o",
            dir.to_str().unwrap()
        ])
        .failed()
        .contains("starts"));
    assert!(s
        .run(&["agenda", "00000000-0000-4000-8000-000000000000"])
        .failed()
        .contains("does not exist"));

    // Edit a template, see it used, then reset it.
    let kind = planned[0]["kind"].as_str().unwrap();
    let items = s.path("items.txt");
    std::fs::write(&items, "Welcome\n\nThe plan\n").unwrap();
    let shown = s
        .run(&["settings", "agenda", kind, "--set", items.to_str().unwrap()])
        .ok()
        .to_string();
    assert!(
        shown.contains("edited locally") && shown.contains("  1. Welcome\n  2. The plan"),
        "{shown}"
    );
    assert!(s
        .run(&["agenda", id])
        .ok()
        .contains("\nAgenda\n  1. Welcome\n  2. The plan\n"));
    let reset = s.run(&["settings", "agenda", kind, "--reset"]).ok().to_string();
    assert!(reset.contains("default"), "{reset}");
    std::fs::write(&items, "\n \n").unwrap();
    assert!(s
        .run(&["settings", "agenda", kind, "--set", items.to_str().unwrap()])
        .failed()
        .contains("The agenda must not be empty."));
}

#[test]
fn caseloads_show_today_and_keep_one_snapshot_a_day() {
    let s = Sandbox::new();
    s.demo();
    let c = json(s.run(&["caseloads", "--json"]).ok());
    let people = c["people"].as_array().unwrap();
    assert!(people.len() >= 12, "{} practitioners", people.len());
    let allocated: u64 = people.iter().map(|p| p["children"].as_u64().unwrap()).sum();
    let children = json(s.run(&["child", "list", "--json"]).ok());
    assert_eq!(
        allocated as usize,
        children.as_array().unwrap().len(),
        "every demo child is allocated once"
    );
    assert_eq!(c["teams"].as_array().unwrap().len(), 3);
    s.run(&["caseloads"]).ok();
    let history = json(s.run(&["caseloads", "--history-from", "2000-01-01", "--json"]).ok());
    assert_eq!(
        history.as_array().unwrap().len(),
        people.len(),
        "one snapshot for today, taken once"
    );
}
