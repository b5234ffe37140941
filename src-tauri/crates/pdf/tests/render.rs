//! End-to-end checks of the rendered PDFs with poppler-utils (`pdftotext`, `pdfinfo`,
//! `pdffonts`) and `qpdf`. These tools are required: a missing one fails the test with a
//! message saying what to install.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::Command;

use convene_pdf::{render, render_with_info, Block, Document, PdfError, Variant};
use tempfile::NamedTempFile;

/// Runs `tool` with `args`, returning its stdout; panics if the tool is missing or fails.
fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "could not run `{tool}` ({e}); these tests need poppler-utils and qpdf \
                 (Debian/Ubuntu: apt-get install poppler-utils qpdf)"
            )
        });
    assert!(
        output.status.success(),
        "`{tool} {args:?}` failed with {}:\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("tool output is UTF-8")
}

fn to_file(bytes: &[u8]) -> NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().expect("temp file");
    file.write_all(bytes).expect("write PDF");
    file.flush().expect("flush PDF");
    file
}

/// The value of a `Key: value` line of `pdfinfo`.
fn info<'a>(pdfinfo: &'a str, key: &str) -> &'a str {
    pdfinfo
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .map(str::trim)
        .unwrap_or_else(|| panic!("pdfinfo has no {key}:\n{pdfinfo}"))
}

fn pages(pdfinfo: &str) -> usize {
    info(pdfinfo, "Pages").parse().expect("page count")
}

/// The checks every rendered document must pass; returns `pdftotext -layout` and `pdfinfo`.
fn check_pdf(bytes: &[u8]) -> (String, String) {
    assert!(bytes.starts_with(b"%PDF-1.7"), "not a PDF 1.7 file");
    let file = to_file(bytes);
    let path = file.path();

    // qpdf exits non-zero on structural errors (and 3 on warnings, which run() rejects too).
    run("qpdf", &["--check"], path);

    let pdfinfo = run("pdfinfo", &[], path);
    let size = info(&pdfinfo, "Page size");
    let dims: Vec<f32> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert!(
        dims.len() == 2 && (dims[0] - 595.276).abs() < 0.5 && (dims[1] - 841.89).abs() < 0.5,
        "page size is not A4: {size}"
    );
    assert!(size.contains("(A4)"), "pdfinfo does not call it A4: {size}");
    assert_eq!(info(&pdfinfo, "Tagged"), "yes");

    let fonts = run("pdffonts", &[], path);
    let rows: Vec<&str> = fonts.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        // name type encoding emb sub uni object ID: the type may hold spaces, so count from
        // the end.
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }

    let text = run("pdftotext", &["-layout"], path);
    (text, pdfinfo)
}

fn assert_contains(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} not found in:\n{text}");
    }
}

const AGENDA_STRINGS: &[&str] = &[
    "Initial child protection conference",
    "Child: A. J. (born 2019)",
    common::WHEN,
    "When",
    "Room 2, Civic Centre, High Street, and online (Microsoft Teams)",
    "Agenda",
    "1. Welcome, introductions and purpose of the conference",
    "2. Confidentiality, information sharing and the family’s views",
    "4. Report from children’s social care (Chloé Martin, social worker)",
    "10. Decision: is a child protection plan needed?",
    "Invited",
    "Name",
    "Role",
    "Agency",
    "Rebecca O’Neill",
    "Independent chair",
    "Dr Tomás",
    "Lena Novák",
    "Designated safeguarding",
    "Public Protection Unit",
    "Confidential: this agenda contains personal information",
    "OFFICIAL–SENSITIVE",
];

#[test]
fn professional_agenda_is_one_a4_page_with_extractable_text() {
    let (bytes, page_count) = render_with_info(&common::agenda(), Variant::Professional).expect("render");
    let (text, pdfinfo) = check_pdf(&bytes);
    assert_eq!(pages(&pdfinfo), 1);
    assert_eq!(page_count, 1);
    assert_eq!(info(&pdfinfo, "Title"), "Initial child protection conference");
    assert_contains(&text, AGENDA_STRINGS);
    // Label and value share a line, in reading order.
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("When") && l.contains(common::WHEN)),
        "the When fact is not one line:\n{text}"
    );
    assert!(!text.contains("Page 1 of"), "a one-page document has no page numbers");
}

#[test]
fn family_agenda_is_a4_with_extractable_text_and_page_numbers() {
    // At 14 pt with generous spacing, ten agenda items and ten invitees need two pages.
    let (bytes, page_count) = render_with_info(&common::agenda(), Variant::Family).expect("render");
    let (text, pdfinfo) = check_pdf(&bytes);
    assert_eq!(pages(&pdfinfo), page_count);
    assert_eq!(page_count, 2);
    assert_contains(&text, AGENDA_STRINGS);
    assert_contains(&text, &["Page 1 of 2", "Page 2 of 2"]);
}

#[test]
fn short_family_agenda_fits_one_page() {
    let mut doc = common::agenda();
    doc.blocks.retain(|b| !matches!(b, Block::Table { .. }));
    doc.blocks.retain(|b| !matches!(b, Block::Heading(h) if h == "Invited"));
    let (text, pdfinfo) = check_pdf(&render(&doc, Variant::Family).expect("render"));
    assert_eq!(pages(&pdfinfo), 1);
    assert_contains(&text, &[common::WHEN, "10. Decision"]);
    assert!(!text.contains("Page 1 of"));
}

#[test]
fn long_document_breaks_pages_and_numbers_them() {
    for variant in [Variant::Professional, Variant::Family] {
        let (text, pdfinfo) = check_pdf(&render(&common::long_document(), variant).expect("render"));
        let n = pages(&pdfinfo);
        assert!(n > 1, "{variant:?}: expected several pages, got {n}");
        for page in 1..=n {
            let label = format!("Page {page} of {n}");
            assert!(text.contains(&label), "{variant:?}: {label:?} missing");
        }
        // Nothing lost at the page breaks, and the pages come in order.
        let mut from = 0;
        for i in 1..=80 {
            let needle = format!("Action {i}: follow up");
            let at = text[from..]
                .find(&needle)
                .unwrap_or_else(|| panic!("{variant:?}: {needle:?} missing or out of order"));
            from += at;
        }
    }
}

#[test]
fn family_variant_uses_larger_type() {
    let professional = Variant::Professional.body_font_size();
    let family = Variant::Family.body_font_size();
    assert!(family >= 14.0, "family body text is {family} pt");
    assert!(professional < family);

    // Same content, larger type: more pages.
    let long = common::long_document();
    let (_, professional_pages) = render_with_info(&long, Variant::Professional).expect("render");
    let (_, family_pages) = render_with_info(&long, Variant::Family).expect("render");
    assert!(
        family_pages > professional_pages,
        "family {family_pages} pages, professional {professional_pages}"
    );

    // And in the PDF itself: the height of a body word's box scales with its type size.
    let word_height = |variant| {
        let file = to_file(&render(&common::agenda(), variant).expect("render"));
        let html = run("pdftotext", &["-bbox"], file.path());
        let line = html
            .lines()
            .find(|l| l.contains(">Apologies</word>"))
            .expect("word box for Apologies");
        let attr = |name: &str| -> f32 {
            let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            let rest = &line[start..];
            rest[..rest.find('"').expect("closing quote")].parse().expect("number")
        };
        attr("yMax") - attr("yMin")
    };
    let ratio = word_height(Variant::Family) / word_height(Variant::Professional);
    let expected = family / professional;
    assert!(
        (ratio - expected).abs() < 0.05,
        "body text height ratio {ratio}, expected {expected}"
    );
}

#[test]
fn long_paragraphs_and_table_cells_wrap_within_the_margins() {
    let sentence = "The family said that the meeting time works for them, provided that \
                    the school can look after the younger children until four o’clock. ";
    let long_cell = "Designated safeguarding lead and special educational needs coordinator \
                     for the federation of St Mary’s and St John’s primary schools";
    let doc = Document {
        title: "Review child protection conference".into(),
        blocks: vec![
            Block::Paragraph(sentence.repeat(12)),
            Block::Table {
                headers: vec!["Name".into(), "Role".into()],
                rows: vec![vec!["Mark Ellis".into(), long_cell.into()]],
            },
            Block::Paragraph("Averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutanyspacesthatmustbebrokensomewhere".into()),
        ],
        ..Document::default()
    };
    for variant in [Variant::Professional, Variant::Family] {
        let file = to_file(&render(&doc, variant).expect("render"));
        let html = run("pdftotext", &["-bbox"], file.path());
        let mut words = 0;
        for line in html.lines().filter(|l| l.contains("<word ")) {
            let start = line.find("xMax=\"").expect("xMax") + 6;
            let x_max: f32 = line[start..start + line[start..].find('"').expect("quote")]
                .parse()
                .expect("number");
            assert!(x_max <= 595.276 - 56.0, "{variant:?}: word past the margin: {line}");
            words += 1;
        }
        assert!(words > 200, "{variant:?}: only {words} words");
        // Raw text order keeps every word of the paragraph and the wrapped cell.
        let raw = run("pdftotext", &[], file.path());
        let flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(sentence.trim()), "{variant:?}: paragraph text garbled");
        assert!(
            flat.contains(long_cell),
            "{variant:?}: table cell text garbled:\n{flat}"
        );
    }
}

#[test]
fn tables_continue_across_pages_with_their_header_repeated() {
    let huge = "A very long note about attendance arrangements. ".repeat(200);
    let mut rows: Vec<Vec<String>> = (1..=60)
        .map(|i| vec![format!("Person {i}"), "Role".into(), "Agency".into()])
        .collect();
    rows.insert(30, vec!["Note".into(), huge.clone(), "—".into()]);
    let doc = Document {
        title: "Strategy discussion".into(),
        blocks: vec![Block::Table {
            headers: vec!["Name".into(), "Role or note".into(), "Agency".into()],
            rows,
        }],
        ..Document::default()
    };
    for variant in [Variant::Professional, Variant::Family] {
        let (text, pdfinfo) = check_pdf(&render(&doc, variant).expect("render"));
        let n = pages(&pdfinfo);
        assert!(n > 2, "{variant:?}: {n} pages");
        let page_texts: Vec<&str> = text.split('\x0c').filter(|p| !p.trim().is_empty()).collect();
        assert_eq!(page_texts.len(), n);
        for (i, page) in page_texts.iter().enumerate() {
            assert!(
                page.contains("Role or note"),
                "{variant:?}: no header on page {}",
                i + 1
            );
        }
        for i in 1..=60 {
            let person = format!("Person {i} ");
            assert!(text.contains(&person), "{variant:?}: {person:?} missing");
        }
        let raw = run(
            "pdftotext",
            &[],
            to_file(&render(&doc, variant).expect("render")).path(),
        );
        let words = raw.matches("attendance").count();
        assert_eq!(words, 200, "{variant:?}: the tall cell lost text across pages");
    }
}

#[test]
fn metadata_declares_title_language_and_pdf_ua() {
    let bytes = render(&common::agenda(), Variant::Professional).expect("render");
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/Lang(en-GB)"), "no document language");
    assert!(raw.contains("pdfuaid:part>1<"), "not declared PDF/UA-1");
    assert!(raw.contains("/DisplayDocTitle true"), "title not displayed");
}

#[test]
fn characters_missing_from_the_font_still_render() {
    // Liberation Sans has no CJK: the document is still written (tagged, not claiming PDF/UA),
    // and everything else on the page extracts.
    let doc = Document {
        title: "Core group meeting".into(),
        blocks: vec![Block::Facts(vec![(
            "Interpreter".into(),
            "Mandarin (王芳), booked".into(),
        )])],
        ..Document::default()
    };
    let bytes = render(&doc, Variant::Professional).expect("render");
    let (text, _) = check_pdf(&bytes);
    assert_contains(&text, &["Core group meeting", "Interpreter", "Mandarin (", "), booked"]);
    assert!(!String::from_utf8_lossy(&bytes).contains("pdfuaid:part>1<"));
    // And the characters the font lacks are named, for the user to be told.
    assert_eq!(convene_pdf::uncovered_characters(&doc).expect("fonts"), ['王', '芳']);
    assert!(convene_pdf::uncovered_characters(&common::agenda())
        .expect("fonts")
        .is_empty());
    let mut arabic = common::agenda();
    arabic.subtitle.push("Interpreter: مريم".into());
    assert_eq!(
        convene_pdf::uncovered_characters(&arabic).expect("fonts"),
        ['م', 'ر', 'ي']
    );
}

#[test]
fn rendering_is_deterministic() {
    let doc = common::agenda();
    assert_eq!(
        render(&doc, Variant::Family).expect("render"),
        render(&doc, Variant::Family).expect("render")
    );
}

#[test]
fn invalid_documents_are_rejected() {
    let doc = Document {
        title: "  ".into(),
        ..Document::default()
    };
    assert_eq!(render(&doc, Variant::Professional), Err(PdfError::MissingTitle));

    let table = |headers: Vec<String>, rows: Vec<Vec<String>>| Document {
        title: "Agenda".into(),
        blocks: vec![Block::Paragraph("Hello".into()), Block::Table { headers, rows }],
        ..Document::default()
    };
    let no_headers = table(vec![], vec![]);
    assert!(matches!(
        render(&no_headers, Variant::Professional),
        Err(PdfError::InvalidTable { block: 1, .. })
    ));
    let ragged = table(vec!["Name".into()], vec![vec!["A".into(), "B".into()]]);
    assert!(matches!(
        render(&ragged, Variant::Professional),
        Err(PdfError::InvalidTable { block: 1, .. })
    ));
    // Short rows are padded, empty blocks are fine.
    let short = Document {
        title: "Agenda".into(),
        blocks: vec![
            Block::Table {
                headers: vec!["Name".into(), "Role".into()],
                rows: vec![vec!["A".into()], vec![]],
            },
            Block::List {
                numbered: false,
                items: vec![],
            },
            Block::Facts(vec![]),
            Block::Paragraph(String::new()),
            Block::Heading(String::new()),
            Block::Notice("\n".into()),
        ],
        footer: Some(String::new()),
        lang: String::new(),
        ..Document::default()
    };
    let (text, _) = check_pdf(&render(&short, Variant::Professional).expect("render"));
    assert_contains(&text, &["Agenda", "Name", "Role"]);
}
