//! `convene agenda …` and `convene settings agenda …`: print agendas (PDF, HTML, text), one or
//! a period's worth, and edit the templates they are made from.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use convene_core::agenda::{self, Agenda, Variant};
use convene_core::{MeetingId, MeetingKind, MeetingStatus};

use crate::{parse_date, today, write_atomically, Ctx, Failure, Outcome};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Pdf,
    Html,
    Txt,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Txt => "txt",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VariantArg {
    Professional,
    Family,
}

impl From<VariantArg> for Variant {
    fn from(v: VariantArg) -> Self {
        match v {
            VariantArg::Professional => Variant::Professional,
            VariantArg::Family => Variant::Family,
        }
    }
}

#[derive(Args)]
pub struct AgendaArgs {
    /// The meeting (omit with --from/--to for every planned meeting in a period).
    #[arg(required_unless_present = "from", conflicts_with_all = ["from", "to"])]
    meeting: Option<String>,
    #[arg(long, value_enum, default_value = "professional")]
    variant: VariantArg,
    /// Default: from the file's extension (.pdf, .html, else text); HTML in the batch form.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// First day of the period (batch form).
    #[arg(long, requires = "to", requires = "output")]
    from: Option<String>,
    /// Last day of the period (batch form).
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// The file to write (a folder in the batch form); without it, text goes to the terminal.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn render(a: &Agenda, format: Format) -> Result<Vec<u8>, Failure> {
    Ok(match format {
        Format::Pdf => {
            let failed = |e: convene_pdf::PdfError| Failure(format!("The agenda could not be made into a PDF: {e}."));
            let unprintable = convene_pdf::agenda_uncovered_characters(a).map_err(failed)?;
            if !unprintable.is_empty() {
                let letters: Vec<String> = unprintable.iter().map(char::to_string).collect();
                eprintln!(
                    "note: the PDF's font has no letters for {}, so they show as empty boxes in it; the HTML agenda (--format html, printed from a browser) shows them.",
                    letters.join(" ")
                );
            }
            convene_pdf::agenda_pdf(a).map_err(failed)?.0
        }
        Format::Txt => agenda::to_text(a).into_bytes(),
        Format::Html => agenda::to_html(a).into_bytes(),
    })
}

fn format_of(path: Option<&Path>, given: Option<Format>) -> Format {
    given.unwrap_or_else(|| match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("pdf") => Format::Pdf,
        Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => Format::Html,
        _ => Format::Txt,
    })
}

pub fn agenda(ctx: &Ctx, args: AgendaArgs) -> Outcome {
    let store = ctx.open()?;
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let ds = store.load_dataset()?;
    let variant: Variant = args.variant.into();
    let as_of = today();
    if let Some(m) = &args.meeting {
        let id: MeetingId = m.parse()?;
        let a = agenda::build(&pack, &cal, &ds, &settings, id, variant, as_of)?;
        let format = format_of(args.output.as_deref(), args.format);
        match &args.output {
            Some(path) => {
                write_atomically(path, &render(&a, format)?)?;
                out!("Wrote {}.", path.display());
            }
            None if format == Format::Pdf => {
                return Err(Failure(
                    "A PDF cannot be shown in the terminal: give -o FILE.pdf.".into(),
                ))
            }
            None => outp!("{}", String::from_utf8_lossy(&render(&a, format)?)),
        }
        return Ok(());
    }
    // The batch form: every planned meeting starting in the period, one file each. File names
    // carry the date, kind and a short id, never a child's name.
    let (Some(from), Some(to), Some(dir)) = (args.from.as_deref(), args.to.as_deref(), args.output.as_deref()) else {
        return Err(Failure("Give a meeting id, or --from DATE --to DATE -o FOLDER.".into()));
    };
    let (from, to) = (parse_date(from)?, parse_date(to)?);
    crate::check_period(from, to)?;
    std::fs::create_dir_all(dir).map_err(|e| Failure(format!("Cannot create {}: {e}.", dir.display())))?;
    let format = args.format.unwrap_or(Format::Html);
    let mut meetings: Vec<&convene_core::Meeting> = ds
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Planned)
        .filter(|m| {
            let day = convene_core::time::to_london(m.start).date_naive();
            day >= from && day <= to
        })
        .collect();
    meetings.sort_by_key(|m| (m.start, m.id));
    for m in &meetings {
        let a = agenda::build(&pack, &cal, &ds, &settings, m.id, variant, as_of)?;
        let local = convene_core::time::to_london(m.start);
        let id = m.id.to_string();
        let name = format!(
            "{}-{}-{}-{}.{}",
            local.format("%Y-%m-%d-%H%M"),
            m.kind.id(),
            &id[..8],
            variant.id(),
            format.ext()
        );
        write_atomically(&dir.join(name), &render(&a, format)?)?;
    }
    out!(
        "Wrote {} agenda{} to {}.",
        meetings.len(),
        if meetings.len() == 1 { "" } else { "s" },
        dir.display()
    );
    Ok(())
}

#[derive(Args)]
pub struct TemplateArgs {
    /// Meeting kind, e.g. icpc, core-group (see AGENDAS.md).
    kind: String,
    #[arg(long, value_enum, default_value = "professional")]
    variant: VariantArg,
    /// Replace the items with the lines of FILE (one item a line; blank lines ignored).
    #[arg(long, value_name = "FILE", conflicts_with = "reset")]
    set: Option<PathBuf>,
    /// Go back to the default items.
    #[arg(long)]
    reset: bool,
}

pub fn template(
    store: &convene_store::Store,
    mut settings: convene_core::settings::Settings,
    args: TemplateArgs,
) -> Outcome {
    let kind = MeetingKind::parse(&args.kind)?;
    let variant: Variant = args.variant.into();
    if let Some(file) = &args.set {
        let text =
            std::fs::read_to_string(file).map_err(|e| Failure(format!("Cannot read {}: {e}.", file.display())))?;
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        agenda::set_template(&mut settings, kind, variant, &lines)?;
        store.save_settings(&settings)?;
    } else if args.reset {
        agenda::reset_template(&mut settings, kind, variant);
        store.save_settings(&settings)?;
    }
    let edited = settings.agendas.iter().any(|t| t.kind == kind && t.variant == variant);
    out!(
        "{} ({}, {}):",
        kind.title(),
        variant.id(),
        if edited { "edited locally" } else { "default" }
    );
    for (n, item) in agenda::items(&settings, kind, variant).iter().enumerate() {
        out!("{:>3}. {item}", n + 1);
    }
    Ok(())
}
