//! `convene due`, `working-days`, `rules`, `timescales`, `holidays`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use convene_core::holidays::Division;
use convene_core::queries::{due_views, evaluate_all};
use convene_core::settings::Settings;
use convene_core::timescales::DueStatus;
use convene_core::whatif::what_if;
use convene_core::*;

use crate::{parse_date, print_json, today, Ctx, Failure, Outcome};

/// The store's settings; the shipped defaults when there is no data folder yet, or (with a note
/// on stderr) while the app holds the store open, so date arithmetic still answers. Any other
/// failure (an encrypted store without its passphrase, a wrong one, damage) is an error: a
/// deadline from rules other than the authority's must not pass for theirs.
fn settings_or_default(ctx: &Ctx) -> Result<Settings, Failure> {
    let Ok(dir) = ctx.dir() else {
        return Ok(Settings::default());
    };
    if !dir.join("db").exists() {
        return Ok(Settings::default());
    }
    match convene_store::Store::open_with(&dir, ctx.passphrase()?.as_deref()) {
        Ok(store) => Ok(store.settings()?),
        Err(convene_store::StoreError::Locked { .. }) => {
            eprintln!(
                "note: the data is open in the app, so its local settings cannot be read: these are the shipped rules'."
            );
            Ok(Settings::default())
        }
        Err(e) => Err(e.into()),
    }
}

pub fn due(ctx: &Ctx, rule: &str, date: &str, pack: Option<&str>) -> Outcome {
    let settings = settings_or_default(ctx)?;
    let pack = settings.pack_named(pack)?;
    let cal = settings.calendar(pack.division);
    let anchor = parse_date(date)?;
    let rule = pack.rule(rule)?;
    out!("{}", pack.deadline(rule, anchor, &cal)?.format("%Y-%m-%d"));
    Ok(())
}

pub fn working_days(ctx: &Ctx, from: &str, to: &str, pack: Option<&str>) -> Outcome {
    let settings = settings_or_default(ctx)?;
    let pack = settings.pack_named(pack)?;
    let cal = settings.calendar(pack.division);
    out!("{}", cal.working_days_between(parse_date(from)?, parse_date(to)?)?);
    Ok(())
}

pub fn rules(ctx: &Ctx, pack: Option<&str>, json: bool) -> Outcome {
    let settings = settings_or_default(ctx)?;
    let pack = settings.pack_named(pack)?;
    if json {
        return print_json(&pack.rules);
    }
    out!("{} — {}", pack.name, pack.title);
    for r in &pack.rules {
        let dir = match r.direction {
            rules::Direction::After => "after",
            rules::Direction::Before => "before",
        };
        let kind = match r.kind {
            rules::RuleKind::Statutory => "statutory",
            rules::RuleKind::Local => "local",
        };
        let off = if r.enabled { "" } else { " (switched off)" };
        out!(
            "{:<28} {:>20} {:<6} {:<9} {}{off}",
            r.id,
            r.offset.to_string(),
            dir,
            kind,
            r.source
        );
    }
    Ok(())
}

#[derive(Args)]
pub struct TimescalesArgs {
    /// Evaluate as of this date (default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// Only this child.
    #[arg(long)]
    child: Option<String>,
    /// Move a meeting and show every deadline that changes: MEETING_ID=YYYY-MM-DD.
    #[arg(long, value_name = "MEETING_ID=DATE")]
    what_if: Option<String>,
    /// Only open items (overdue, due soon, upcoming).
    #[arg(long)]
    open: bool,
    #[arg(long)]
    json: bool,
}

pub fn timescales(ctx: &Ctx, args: TimescalesArgs) -> Outcome {
    let store = ctx.open()?;
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let as_of = match &args.as_of {
        Some(d) => parse_date(d)?,
        None => today(),
    };
    let mut ds = store.load_dataset()?;
    if let Some(c) = &args.child {
        let id: ChildId = c.parse()?;
        if !ds.children.iter().any(|x| x.id == id) {
            return Err(Failure(format!("There is no child with id {id}.")));
        }
        ds.children.retain(|x| x.id == id);
    }
    let bundles = ds.by_child();
    if let Some(spec) = &args.what_if {
        let (m, d) = spec
            .split_once('=')
            .ok_or_else(|| Failure("--what-if takes MEETING_ID=YYYY-MM-DD.".into()))?;
        let meeting: MeetingId = m.parse()?;
        let w = what_if(&pack, &cal, &bundles, meeting, parse_date(d)?, as_of)?;
        if args.json {
            return print_json(&w);
        }
        out!("Moving the meeting from {} to {}:", w.from, w.to);
        if w.changes.is_empty() {
            out!("  no deadline changes.");
        }
        for c in &w.changes {
            let show = |i: &Option<timescales::DueItem>| {
                i.as_ref()
                    .map(|i| format!("{} ({})", i.deadline, i.status.id()))
                    .unwrap_or_else(|| "none".into())
            };
            out!("  {:<28} {} -> {}", c.rule, show(&c.before), show(&c.after));
        }
        return Ok(());
    }
    let mut items = evaluate_all(&pack, &cal, &bundles, as_of)?;
    if args.open {
        items.retain(|i| i.status.is_open());
    }
    items.sort_by_key(|i| (i.status, i.deadline));
    let views = due_views(&ds, &pack, &cal, &items, as_of);
    if args.json {
        return print_json(&views);
    }
    for v in views {
        let mark = match v.status {
            DueStatus::Overdue => "OVERDUE ",
            DueStatus::DueSoon => "DUE SOON",
            DueStatus::Upcoming => "upcoming",
            DueStatus::Missed => "MISSED  ",
            DueStatus::MetLate => "met late",
            DueStatus::Met => "met     ",
            DueStatus::Closed => "closed  ",
        };
        let computed = if v.deadline_computed {
            " [holidays computed, not confirmed]"
        } else {
            ""
        };
        out!("{mark}  {:<22} {}{computed}", v.child_name, v.summary);
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum HolidaysCommand {
    /// Import a GOV.UK bank-holidays.json file (replaces the shipped data for its divisions).
    Import { file: PathBuf },
    /// List the bank holidays of a year.
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, default_value = "england-and-wales")]
        division: String,
    },
}

pub fn holidays(ctx: &Ctx, cmd: HolidaysCommand) -> Outcome {
    match cmd {
        HolidaysCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Failure(format!("Could not read {}: {e}", file.display())))?;
            let store = ctx.open()?;
            let mut settings = store.settings()?;
            let said = settings.import_holidays(&text)?;
            store.save_settings(&settings)?;
            out!("{said}");
            Ok(())
        }
        HolidaysCommand::List { year, division } => {
            let division = Division::ALL.into_iter().find(|d| d.id() == division).ok_or_else(|| {
                Failure(format!(
                    "Unknown division '{division}'; use england-and-wales, scotland or northern-ireland."
                ))
            })?;
            let settings = settings_or_default(ctx)?;
            let cal = settings.calendar(division);
            let year = year.unwrap_or_else(|| chrono::Datelike::year(&today()));
            let (Some(from), Some(to)) = (
                chrono::NaiveDate::from_ymd_opt(year, 1, 1),
                chrono::NaiveDate::from_ymd_opt(year, 12, 31),
            ) else {
                return Err(Failure(format!("{year} is not a year Convene can show.")));
            };
            // Outside the calendar's years there is nothing to list: say so, as dates do.
            if convene_core::time::check_day("The year", from).is_err() {
                return Err(Failure(format!(
                    "{year} is outside the years Convene handles (2000 to 2199)."
                )));
            }
            let note = if cal.is_confirmed_year(year) {
                ""
            } else {
                " (computed, not confirmed)"
            };
            for h in cal.holidays_between(from, to) {
                out!("{}  {}{note}", h.date.format("%a %Y-%m-%d"), h.title);
            }
            Ok(())
        }
    }
}
