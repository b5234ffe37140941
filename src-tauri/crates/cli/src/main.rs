//! `convene`: the same use-cases as the app, for scripting and printing. Thin: parse arguments,
//! open the store, call core, print. Errors are one line on stderr and a non-zero exit.

/// `println!` that ignores a closed stdout (e.g. `convene … | head`) instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `print!` that ignores a closed stdout.
macro_rules! outp {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod agenda;
mod dev;
mod outcome;
mod planning;
mod records;
mod settings;
mod timescales;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use convene_store::{data_dir, Store};

#[derive(Parser)]
#[command(
    name = "convene",
    version,
    about = "Plan children's social care meetings inside their statutory timescales."
)]
struct Cli {
    /// Where the data lives (default: $CONVENE_DATA_DIR, else the platform data directory).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Seed a realistic, clearly fictional demo dataset into an empty store.
    Demo {
        /// The date the demo's history runs up to (default: today).
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        #[arg(long, default_value_t = convene_core::demo::DEFAULT_SEED)]
        seed: u64,
        /// Do nothing (and succeed) when the store already holds records.
        #[arg(long)]
        if_empty: bool,
        /// Generate a large synthetic authority with this many families instead of the demo's
        /// stories (for performance work; about 1.5 children per family).
        #[arg(long, value_name = "N")]
        families: Option<usize>,
    },
    /// Children: list, add, show.
    #[command(subcommand)]
    Child(records::ChildCommand),
    /// Meetings: list, add, show, cancel.
    #[command(subcommand)]
    Meeting(records::MeetingCommand),
    /// Write every record and setting as versioned JSON (to stdout, or -o FILE).
    Export {
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Read an export file into an empty store; a bad file changes nothing.
    Import { file: PathBuf },
    /// Check that every index agrees with the records.
    Check,
    /// Write a backup (default: into the data folder's backups/, rotated).
    Backup {
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Replace the data with a backup; the current data is kept aside, never deleted.
    Restore {
        #[arg(required_unless_present = "latest")]
        file: Option<PathBuf>,
        /// The newest backup in the data folder.
        #[arg(long, conflicts_with = "file")]
        latest: bool,
    },
    /// List the backups in the data folder, newest first.
    Backups,
    /// The deadline for RULE with its anchor on DATE.
    Due {
        rule: String,
        date: String,
        #[arg(long)]
        pack: Option<String>,
    },
    /// How many working days lie after FROM up to and including TO.
    WorkingDays {
        from: String,
        to: String,
        #[arg(long)]
        pack: Option<String>,
    },
    /// The rules of a pack: ids, offsets, kinds and sources.
    Rules {
        #[arg(long)]
        pack: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Due items from the store.
    Timescales(timescales::TimescalesArgs),
    /// Suggest slots that everyone required can attend before the deadline.
    Suggest(planning::SuggestArgs),
    /// Double bookings, leave, weekends and holidays, hours, late or out-of-order meetings.
    Conflicts {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// People's and venues' busy time: leave, bookings, imported calendars.
    #[command(subcommand)]
    Availability(planning::AvailabilityCommand),
    /// Encryption at rest: on, change passphrase, off. The current passphrase comes from
    /// CONVENE_PASSPHRASE, the new one from CONVENE_NEW_PASSPHRASE.
    Encryption {
        #[arg(value_enum)]
        action: EncryptionAction,
    },
    /// Print a meeting's agenda (text or HTML), or every planned meeting's in a period.
    Agenda(agenda::AgendaArgs),
    /// A meeting's invitation (.ics: REQUEST, or CANCEL once cancelled), or a person's calendar.
    Ics {
        #[arg(required_unless_present = "person", conflicts_with = "person")]
        meeting: Option<String>,
        #[arg(long, value_name = "PERSON_ID")]
        person: Option<String>,
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Caseloads per practitioner and team today, with alerts; records the day's snapshot.
    Caseloads {
        /// Also list the kept daily snapshots from this date on.
        #[arg(long, value_name = "DATE")]
        history_from: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Performance figures (timeliness, long and repeat plans, attendance by agency).
    Kpi {
        /// First day of the period (default: a year before --to).
        #[arg(long)]
        from: Option<String>,
        /// Last day of the period (default: today).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, conflicts_with = "practitioner")]
        team: Option<String>,
        #[arg(long)]
        practitioner: Option<String>,
        /// Also write the figures as CSV (one row per figure and scope).
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The audit trail: verify its hash chain, or show changes (for one child).
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Developer tools for the test suite.
    #[command(subcommand, hide = true)]
    Dev(dev::DevCommand),
    /// Rule pack, local rule overrides, due-soon horizon, closure days, "who am I".
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// Bank holidays: import a newer GOV.UK file, or list them.
    #[command(subcommand)]
    Holidays(timescales::HolidaysCommand),
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EncryptionAction {
    On,
    Change,
    Off,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the hash chain; exits non-zero naming the first bad entry.
    Verify,
    /// List changes, newest last.
    Show {
        #[arg(long)]
        child: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// A failure to report: one sentence.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub type Outcome = Result<(), Failure>;

pub struct Ctx {
    data_dir: Option<PathBuf>,
}

impl Ctx {
    pub fn dir(&self) -> Result<PathBuf, Failure> {
        Ok(data_dir::resolve(self.data_dir.clone())?)
    }

    /// The passphrase of an encrypted store, from `CONVENE_PASSPHRASE`.
    pub fn passphrase(&self) -> Option<String> {
        std::env::var("CONVENE_PASSPHRASE").ok().filter(|p| !p.is_empty())
    }

    /// Open the store, taking the day's backup first if it is due.
    pub fn open(&self) -> Result<Store, Failure> {
        let store = Store::open_with(&self.dir()?, self.passphrase().as_deref())?;
        store.daily_backup_if_due(chrono::Utc::now())?;
        Ok(store)
    }
}

/// Today in the UK (the only place the CLI reads the clock).
pub fn today() -> NaiveDate {
    convene_core::time::uk_date_of(chrono::Utc::now())
}

pub fn parse_date(text: &str) -> Result<NaiveDate, Failure> {
    Ok(convene_core::time::parse_date(text)?)
}

fn run(cli: Cli) -> Outcome {
    let ctx = Ctx { data_dir: cli.data_dir };
    match cli.command {
        Command::Demo {
            today: t,
            seed,
            if_empty,
            families,
        } => {
            let today = match t {
                Some(t) => parse_date(&t)?,
                None => today(),
            };
            let store = ctx.open()?;
            if !store.is_empty() && if_empty {
                out!("The store already holds records; no demo data loaded.");
                return Ok(());
            }
            if !store.is_empty() {
                return Err(Failure("This data folder already holds records; the demo only loads into an empty one. Use a new --data-dir.".into()));
            }
            let ds = match families {
                Some(0) => return Err(Failure("--families must be at least 1.".into())),
                Some(n) if n > 100_000 => return Err(Failure("--families is at most 100,000.".into())),
                Some(n) => convene_core::demo::synthetic_authority(today, seed, n),
                None => convene_core::demo::demo_dataset(today, seed),
            };
            store.write_dataset(&ds)?;
            out!(
                "Loaded the demo: {} children, {} meetings, {} events, {} people, {} teams.",
                ds.children.len(),
                ds.meetings.len(),
                ds.events.len(),
                ds.people.len(),
                ds.teams.len()
            );
            Ok(())
        }
        Command::Child(c) => records::child(&ctx, c),
        Command::Meeting(c) => records::meeting(&ctx, c),
        Command::Export { output } => {
            let text = ctx.open()?.export()?;
            match output {
                Some(path) => write_atomically(&path, text.as_bytes()),
                None => {
                    outp!("{text}");
                    Ok(())
                }
            }
        }
        Command::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Failure(format!("Could not read {}: {e}", file.display())))?;
            let store = ctx.open()?;
            let backup = store.import_with_backup(&text, ctx.passphrase().as_deref(), chrono::Utc::now())?;
            out!(
                "Imported {} children and {} meetings. The settings as they were are in {}.",
                store.count::<convene_core::Child>(),
                store.count::<convene_core::Meeting>(),
                backup.display()
            );
            Ok(())
        }
        Command::Check => {
            let report = ctx.open()?.check()?;
            if report.problems.is_empty() {
                out!(
                    "The store is consistent: {} records, {} index entries.",
                    report.records,
                    report.index_entries
                );
                Ok(())
            } else {
                for p in &report.problems {
                    eprintln!("problem: {p}");
                }
                Err(Failure(format!("The store has {} problem(s).", report.problems.len())))
            }
        }
        Command::Backup { output } => {
            let store = ctx.open()?;
            let path = match output {
                Some(p) => {
                    store.backup_to(&p)?;
                    p
                }
                None => store.backup(convene_store::backup::BackupKind::Manual, chrono::Utc::now())?,
            };
            out!("Backed up to {}", path.display());
            Ok(())
        }
        Command::Restore { file, latest } => {
            let dir = ctx.dir()?;
            let file = match (file, latest) {
                (Some(f), _) => f,
                (None, _) => convene_store::backup::list_backups(&dir)
                    .into_iter()
                    .next()
                    .ok_or_else(|| {
                        Failure(format!(
                            "There are no backups in {}.",
                            convene_store::backup::backups_dir(&dir).display()
                        ))
                    })?,
            };
            let store =
                convene_store::backup::restore_with(&dir, &file, ctx.passphrase().as_deref(), chrono::Utc::now())?;
            out!(
                "Restored {} children and {} meetings from {}.",
                store.count::<convene_core::Child>(),
                store.count::<convene_core::Meeting>(),
                file.display()
            );
            Ok(())
        }
        Command::Backups => {
            let dir = ctx.dir()?;
            let list = convene_store::backup::list_backups(&dir);
            if list.is_empty() {
                out!(
                    "No backups yet in {}.",
                    convene_store::backup::backups_dir(&dir).display()
                );
            }
            for p in list {
                out!("{}", p.display());
            }
            Ok(())
        }
        Command::Due { rule, date, pack } => timescales::due(&ctx, &rule, &date, pack.as_deref()),
        Command::WorkingDays { from, to, pack } => timescales::working_days(&ctx, &from, &to, pack.as_deref()),
        Command::Rules { pack, json } => timescales::rules(&ctx, pack.as_deref(), json),
        Command::Timescales(args) => timescales::timescales(&ctx, args),
        Command::Holidays(c) => timescales::holidays(&ctx, c),
        Command::Settings(c) => settings::settings(&ctx, c),
        Command::Agenda(a) => agenda::agenda(&ctx, a),
        Command::Ics {
            meeting,
            person,
            output,
        } => {
            let store = ctx.open()?;
            let ds = store.load_dataset()?;
            let now = chrono::Utc::now();
            let text = match (meeting, person) {
                (Some(m), _) => convene_ics::meeting_invitation(&ds, m.parse()?, store.settings()?.me, now)?,
                (None, Some(p)) => convene_ics::person_calendar(&ds, p.parse()?, now)?,
                (None, None) => return Err(Failure("Give a meeting id, or --person ID.".into())),
            };
            match output {
                Some(path) => {
                    write_atomically(&path, text.as_bytes())?;
                    out!("Wrote {}.", path.display());
                }
                None => outp!("{text}"),
            }
            Ok(())
        }
        Command::Caseloads { history_from, json } => {
            let store = ctx.open()?;
            let settings = store.settings()?;
            let ds = store.load_dataset()?;
            let day = today();
            let c = convene_core::caseload::caseloads(&ds, &settings.caseloads, day);
            store.record_caseloads_if_due(day, &convene_core::caseload::snapshot(&c))?;
            if let Some(from) = history_from {
                let rows = store.caseload_history(Some(parse_date(&from)?))?;
                if json {
                    return print_json(&rows);
                }
                let names: std::collections::HashMap<_, _> =
                    ds.people.iter().map(|p| (p.id, p.name.as_str())).collect();
                out!("date        children  CP CIN LAC  practitioner");
                for r in rows {
                    out!(
                        "{}  {:>8} {:>3} {:>3} {:>3}  {}",
                        r.date,
                        r.children,
                        r.cp,
                        r.cin,
                        r.lac,
                        names.get(&r.person).copied().unwrap_or("(unknown)")
                    );
                }
                return Ok(());
            }
            if json {
                return print_json(&c);
            }
            out!("Caseloads on {} (meetings: week of {}):", c.as_of, c.week.0);
            out!("children  CP CIN LAC  meetings  limit  practitioner");
            for r in &c.people {
                out!(
                    "{:>8} {:>3} {:>3} {:>3} {:>9} {:>6}  {}{}, {}{}",
                    r.children,
                    r.cp,
                    r.cin,
                    r.lac,
                    r.meetings_this_week,
                    r.limit.map(|l| l.to_string()).unwrap_or_else(|| "—".into()),
                    r.name,
                    r.team_name.as_deref().map(|t| format!(" ({t})")).unwrap_or_default(),
                    r.role,
                    if r.over { "  OVER" } else { "" }
                );
            }
            for a in &c.alerts {
                out!("Alert: {a}");
            }
            Ok(())
        }
        Command::Dev(c) => dev::dev(&ctx, c),
        Command::Kpi {
            from,
            to,
            team,
            practitioner,
            csv,
            json,
        } => {
            let store = ctx.open()?;
            let settings = store.settings()?;
            let pack = settings.pack()?;
            let cal = settings.calendar(pack.division);
            let as_of = today();
            let to = to.as_deref().map(parse_date).transpose()?.unwrap_or(as_of);
            let from = match from.as_deref() {
                Some(f) => parse_date(f)?,
                None => to.checked_sub_months(chrono::Months::new(12)).unwrap_or(to),
            };
            if from > to {
                return Err(Failure(format!("The period starts ({from}) after it ends ({to}).")));
            }
            let ds = store.load_dataset()?;
            let (scope, label) = match (team, practitioner) {
                (Some(t), _) => {
                    let id: convene_core::TeamId = t.parse()?;
                    let team = ds
                        .teams
                        .iter()
                        .find(|x| x.id == id)
                        .ok_or_else(|| Failure(format!("There is no team with id {id}.")))?;
                    (convene_core::kpi::Scope::Team(id), format!("team: {}", team.name))
                }
                (None, Some(p)) => {
                    let id: convene_core::PersonId = p.parse()?;
                    let person = store.require::<convene_core::Person>(id.as_bytes())?;
                    (
                        convene_core::kpi::Scope::Practitioner(id),
                        format!("practitioner: {}", person.name),
                    )
                }
                (None, None) => (convene_core::kpi::Scope::Authority, "authority".to_string()),
            };
            let figures = convene_core::kpi::kpis(&ds, &pack, &cal, scope, from, to, as_of)?;
            if let Some(path) = csv {
                write_atomically(&path, convene_core::kpi::to_csv(&label, from, to, &figures).as_bytes())?;
            }
            if json {
                return print_json(&figures);
            }
            out!("{label}, {from} to {to}:");
            for k in &figures {
                let pct = k
                    .percent
                    .map(|p| format!("{p:>5.1}%"))
                    .unwrap_or_else(|| "    —  ".into());
                out!("{pct}  {:>4}/{:<4} {}", k.numerator, k.denominator, k.title);
            }
            Ok(())
        }
        Command::Encryption { action } => {
            let dir = ctx.dir()?;
            let new = std::env::var("CONVENE_NEW_PASSPHRASE").ok().filter(|p| !p.is_empty());
            let new = match action {
                EncryptionAction::Off => None,
                _ => Some(new.ok_or_else(|| Failure("Set CONVENE_NEW_PASSPHRASE to the new passphrase.".into()))?),
            };
            let current = ctx.passphrase();
            let store = convene_store::change_passphrase(&dir, current.as_deref(), new.as_deref(), chrono::Utc::now())?;
            out!(
                "{}",
                if store.is_encrypted() {
                    "The data is now encrypted. Old backups were replaced by an encrypted one. Keep the passphrase safe: without it the data cannot be read."
                } else {
                    "The data is no longer encrypted."
                }
            );
            Ok(())
        }
        Command::Audit(AuditCommand::Verify) => {
            let store = ctx.open()?;
            match store.verify_audit()? {
                None => {
                    out!("The audit trail is intact: {} entries.", store.audit_entries()?.len());
                    Ok(())
                }
                Some((seq, what)) => Err(Failure(format!(
                    "The audit trail has been altered: {what} (first bad entry: {seq})."
                ))),
            }
        }
        Command::Audit(AuditCommand::Show { child, json }) => {
            let store = ctx.open()?;
            let child: Option<convene_core::ChildId> = child.map(|c| c.parse()).transpose()?;
            let entries: Vec<_> = store
                .audit_entries()?
                .into_iter()
                .filter(|e| child.is_none_or(|c| e.children.contains(&c)))
                .collect();
            if json {
                return print_json(&entries);
            }
            for e in entries {
                let who = match e.practitioner {
                    Some(p) => format!("{} ({p})", e.os_user),
                    None => e.os_user.clone(),
                };
                out!(
                    "{:>5}  {}  {:<16} {:<10} {:<11} {}",
                    e.seq,
                    &e.at[..19],
                    who,
                    e.action,
                    e.record,
                    e.id
                );
            }
            Ok(())
        }
        Command::Suggest(a) => planning::suggest_cmd(&ctx, a),
        Command::Conflicts { from, to, json } => planning::conflicts_cmd(&ctx, from, to, json),
        Command::Availability(c) => planning::availability(&ctx, c),
    }
}

/// Write to a temporary file beside `path`, fsync, then rename over it.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Outcome {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("convene")
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Failure(format!("Could not write {}: {e}", path.display()))
    })
}

pub fn print_json<T: serde::Serialize>(value: &T) -> Outcome {
    out!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
