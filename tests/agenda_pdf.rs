#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `convene agenda … --format pdf` on the built binary: real PDFs checked with `qpdf --check`
//! (structure), `pdftotext` (content), `pdfinfo` (pages, title, A4) and `pdffonts` (embedded).
//! These tools come from Debian's qpdf and poppler-utils (the Makefile installs them).

mod util;

use std::path::Path;
use std::process::Command;

use util::Sandbox;

fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(file);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {name} ({e}): install poppler-utils and qpdf"));
    assert!(
        out.status.success(),
        "{name} {} failed: {}{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Words separated by single spaces: PDF text extraction re-flows lines.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A field of `pdfinfo`'s report.
fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
        .map(str::trim)
        .unwrap_or_else(|| panic!("no {name} in {info}"))
}

fn pages(info: &str) -> usize {
    field(info, "Pages").parse().unwrap()
}

/// The PDF holds every line of the text agenda: title, facts, invitees, items and notice.
fn assert_pdf_carries(pdf: &Path, text_agenda: &str) {
    let bytes = std::fs::read(pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{} is not a PDF", pdf.display());
    tool("qpdf", &["--check"], pdf);
    let extracted = words(&tool("pdftotext", &[], pdf));
    for line in text_agenda.lines().map(str::trim) {
        if line.is_empty() || line.chars().all(|c| c == '=') {
            continue;
        }
        // "Label: value" in the text is a two-column row in the PDF; "  - name, role, agency"
        // is a table row; "  1. item" a numbered list item.
        let parts: Vec<String> = if let Some(rest) = line.strip_prefix("- ") {
            rest.trim_end_matches(" (optional)").split(", ").map(words).collect()
        } else if let Some((n, item)) = line.split_once(". ").filter(|(n, _)| n.parse::<u32>().is_ok()) {
            vec![format!("{n}. {}", words(item))]
        } else if let Some((label, value)) = line.split_once(": ").filter(|(l, _)| l.len() < 24) {
            vec![words(label), words(value)]
        } else {
            vec![words(line)]
        };
        for p in parts {
            assert!(
                extracted.contains(&p),
                "{} lacks {p:?}\n--- PDF text:\n{extracted}",
                pdf.display()
            );
        }
    }
    let fonts = tool("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in {}", pdf.display());
    for row in rows {
        assert!(
            row.contains(" yes "),
            "a font is not embedded in {}: {row}",
            pdf.display()
        );
    }
}

#[test]
fn agendas_as_pdf_carry_the_agenda_on_a4_with_fonts_embedded_singly_and_in_batches() {
    let s = Sandbox::new();
    s.demo();
    let meetings: serde_json::Value = serde_json::from_str(
        s.run(&[
            "meeting",
            "list",
            "--from",
            "2026-11-25",
            "--to",
            "2026-12-31",
            "--json",
        ])
        .ok(),
    )
    .unwrap();
    let planned: Vec<&serde_json::Value> = meetings
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["status"] == "planned")
        .collect();
    assert!(!planned.is_empty());
    let id = planned[0]["id"].as_str().unwrap();

    for variant in ["professional", "family"] {
        let text = s.run(&["agenda", id, "--variant", variant]).ok().to_string();
        // The format follows the extension.
        let pdf = s.path(&format!("agenda-{variant}.pdf"));
        let said = s
            .run(&["agenda", id, "--variant", variant, "-o", pdf.to_str().unwrap()])
            .ok()
            .to_string();
        assert!(said.starts_with("Wrote "), "{said}");
        assert_pdf_carries(&pdf, &text);
        let info = tool("pdfinfo", &[], &pdf);
        assert_eq!(field(&info, "Page size"), "595.276 x 841.89 pts (A4)", "{info}");
        let title = planned[0]["kind_title"].as_str().unwrap();
        assert_eq!(field(&info, "Title"), title, "{info}");
        // UK date format, e.g. "Tuesday 12 May 2026, 10:00–11:30".
        let when = text.lines().find_map(|l| l.strip_prefix("When: ")).unwrap();
        let (day, times) = when.split_once(", ").unwrap();
        assert!(
            day.split(' ').count() == 4 && times.len() == "10:00–11:30".len(),
            "{when}"
        );
        if variant == "professional" {
            assert_eq!(pages(&info), 1, "a professional agenda fits one A4 page");
            assert!(words(&tool("pdftotext", &[], &pdf)).contains("OFFICIAL-SENSITIVE"));
        } else {
            assert!(text.contains("What we will talk about"));
            assert!(pages(&info) <= 2, "{info}");
        }
    }

    // --format pdf wins over the extension; a PDF is never poured into the terminal.
    let forced = s.path("forced.out");
    s.run(&["agenda", id, "--format", "pdf", "-o", forced.to_str().unwrap()])
        .ok();
    assert!(std::fs::read(&forced).unwrap().starts_with(b"%PDF-"));
    assert_eq!(
        s.run(&["agenda", id, "--format", "pdf"]).failed(),
        "error: A PDF cannot be shown in the terminal: give -o FILE.pdf."
    );

    // The batch form: one PDF per planned meeting, named without any child's name.
    let dir = s.path("pdfs");
    let out = s
        .run(&[
            "agenda",
            "--from",
            "2026-11-25",
            "--to",
            "2026-12-31",
            "--format",
            "pdf",
            "-o",
            dir.to_str().unwrap(),
        ])
        .ok()
        .to_string();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), planned.len(), "{out}");
    assert!(out.contains(&format!("Wrote {} agenda", files.len())), "{out}");
    let children: serde_json::Value = serde_json::from_str(s.run(&["child", "list", "--json"]).ok()).unwrap();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        assert!(name.ends_with("-professional.pdf"), "{name}");
        for c in children.as_array().unwrap() {
            for part in c["name"].as_str().unwrap_or("").split(' ').filter(|p| p.len() >= 3) {
                assert!(!name.contains(part), "{name} names a child");
            }
        }
        tool("qpdf", &["--check"], f);
        assert_eq!(pages(&tool("pdfinfo", &[], f)), 1, "{name}");
    }
}

#[test]
fn a_pdf_agenda_names_the_letters_its_font_lacks() {
    let s = Sandbox::new();
    s.demo();
    let child = s.add_child("مريم");
    let meeting = s
        .add_core_group(&child, "2026-12-15T10:00", &[])
        .ok()
        .trim()
        .to_string();
    let pdf = s.path("arabic.pdf");
    let run = s.run(&["agenda", &meeting, "--format", "pdf", "-o", pdf.to_str().unwrap()]);
    run.ok();
    assert!(run.stderr.contains("no letters for م ر ي"), "{}", run.stderr);
    // A name in Latin letters: nothing to say.
    let latin = s.add_child("Maryam");
    let planned = s
        .add_core_group(&latin, "2026-12-16T10:00", &[])
        .ok()
        .trim()
        .to_string();
    let run = s.run(&["agenda", &planned, "--format", "pdf", "-o", pdf.to_str().unwrap()]);
    run.ok();
    assert!(!run.stderr.contains("no letters"), "{}", run.stderr);
}
