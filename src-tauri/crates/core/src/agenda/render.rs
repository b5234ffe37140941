//! The rendered agenda as plain text and as a printable HTML page.

use super::{Agenda, Variant};

/// The agenda as plain text (for the terminal, e-mail bodies and snapshot tests).
pub fn to_text(a: &Agenda) -> String {
    let mut out = String::new();
    out.push_str(&a.title);
    out.push('\n');
    out.push_str(&"=".repeat(a.title.chars().count()));
    out.push('\n');
    if let Some(s) = &a.status {
        out.push_str(&format!("\n{s}\n"));
    }
    if let Some(p) = &a.purpose {
        out.push_str(&format!("\n{p}\n"));
    }
    out.push('\n');
    for f in &a.facts {
        out.push_str(&format!("{}: {}\n", f.label, f.value));
    }
    out.push_str(&format!("\n{}\n", a.invitees_heading));
    for i in &a.invitees {
        let need = if i.required { "" } else { " (optional)" };
        let agency = if i.agency.is_empty() {
            String::new()
        } else {
            format!(", {}", i.agency)
        };
        out.push_str(&format!("  - {}, {}{agency}{need}\n", i.name, i.role));
    }
    out.push_str(&format!("\n{}\n", a.items_heading));
    for (n, item) in a.items.iter().enumerate() {
        out.push_str(&format!("  {}. {item}\n", n + 1));
    }
    out.push_str(&format!("\n{}\n", a.notice));
    out
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The agenda as a standalone HTML page with a print stylesheet (A4, one page where it fits).
pub fn to_html(a: &Agenda) -> String {
    let base = match a.variant {
        Variant::Professional => "11pt",
        Variant::Family => "14pt",
    };
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{} — {}</title>\n", esc(&a.title), esc(&a.when)));
    out.push_str(&format!(
        "<style>\n@page {{ size: A4; margin: 18mm; }}\nbody {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: {base}; line-height: 1.4; color: #000; max-width: 46em; margin: 2em auto; }}\n@media print {{ body {{ margin: 0; max-width: none; }} }}\nh1 {{ font-size: 1.6em; margin: 0 0 .3em; }}\nh2 {{ font-size: 1.15em; margin: 1em 0 .3em; }}\ndl {{ display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }}\ndt {{ font-weight: bold; }} dd {{ margin: 0; }}\ntable {{ border-collapse: collapse; width: 100%; }}\nth, td {{ text-align: left; padding: .15em .5em .15em 0; border-bottom: 1px solid #888; vertical-align: top; }}\n.notice {{ border: 2px solid #000; padding: .5em .8em; margin-top: 1.2em; }}\n.status {{ font-weight: bold; border-left: 6px solid #000; padding-left: .6em; }}\n</style>\n"
    ));
    out.push_str("</head>\n<body>\n");
    out.push_str(&format!("<h1>{}</h1>\n", esc(&a.title)));
    if let Some(s) = &a.status {
        out.push_str(&format!("<p class=\"status\">{}</p>\n", esc(s)));
    }
    if let Some(p) = &a.purpose {
        out.push_str(&format!("<p>{}</p>\n", esc(p)));
    }
    out.push_str("<dl>\n");
    for f in &a.facts {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(&f.label), esc(&f.value)));
    }
    out.push_str("</dl>\n");
    out.push_str(&format!("<h2>{}</h2>\n<table>\n", esc(&a.invitees_heading)));
    out.push_str("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\">Organisation</th><th scope=\"col\">Attendance</th></tr></thead>\n<tbody>\n");
    for i in &a.invitees {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&i.name),
            esc(&i.role),
            esc(&i.agency),
            if i.required { "Expected" } else { "Optional" }
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(&format!("<h2>{}</h2>\n<ol>\n", esc(&a.items_heading)));
    for item in &a.items {
        out.push_str(&format!("<li>{}</li>\n", esc(item)));
    }
    out.push_str("</ol>\n");
    out.push_str(&format!("<p class=\"notice\">{}</p>\n", esc(&a.notice)));
    out.push_str("</body>\n</html>\n");
    out
}
