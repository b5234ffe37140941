//! Times rendering: `cargo run --release -p convene-pdf --example timing [out-dir]`.
//! With an output directory, also writes the sample PDFs there.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use convene_pdf::{render_with_info, Variant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let agenda = common::agenda();
    let long = common::long_document();
    if let Some(dir) = std::env::args().nth(1) {
        for (name, doc) in [("agenda", &agenda), ("long", &long)] {
            for (variant, label) in [(Variant::Professional, "professional"), (Variant::Family, "family")] {
                let (bytes, pages) = render_with_info(doc, variant)?;
                let path = format!("{dir}/{name}-{label}.pdf");
                std::fs::write(&path, &bytes)?;
                println!("{path}: {pages} page(s), {} bytes", bytes.len());
            }
        }
    }

    for variant in [Variant::Professional, Variant::Family] {
        let start = Instant::now();
        let (bytes, _) = render_with_info(&agenda, variant)?;
        println!(
            "{variant:?}: first render {:?} ({} bytes)",
            start.elapsed(),
            bytes.len()
        );
        let start = Instant::now();
        for _ in 0..100 {
            render_with_info(&agenda, variant)?;
        }
        let total = start.elapsed();
        println!("{variant:?}: 100 agendas in {total:?} ({:?} each)", total / 100);
        let start = Instant::now();
        let (_, pages) = render_with_info(&long, variant)?;
        println!("{variant:?}: long document ({pages} pages) in {:?}", start.elapsed());
    }
    Ok(())
}
