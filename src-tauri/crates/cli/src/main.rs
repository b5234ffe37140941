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
mod audit;
mod children;
mod data;
mod directory;
// Test-suite tools (the crash test's writer): not in release builds, so not in the package.
#[cfg(debug_assertions)]
mod dev;
mod ics;
mod meetings;
mod outcome;
mod planning;
mod reports;
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
    /// The passphrase of encrypted data, read from the first line of this file (else from
    /// $CONVENE_PASSPHRASE): kept out of the environment, `ps` and the shell's history.
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
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
    /// Children: list, add, show, edit, born, allocate, sibling, link, unlink.
    #[command(subcommand)]
    Child(children::ChildCommand),
    /// What has happened to a child (visits, reports shared, letters sent): add, list, remove.
    #[command(subcommand)]
    Event(children::EventCommand),
    /// The directory of people: list, add, edit.
    #[command(subcommand)]
    Person(directory::PersonCommand),
    /// The agencies people work for, and their teams: list, add, edit.
    #[command(subcommand)]
    Agency(directory::AgencyCommand),
    /// Teams of a professional agency: add, edit.
    #[command(subcommand)]
    Team(directory::TeamCommand),
    /// Child in need plans and periods of being looked after: start, end, remove.
    #[command(subcommand)]
    Episode(children::EpisodeCommand),
    /// Meetings: list, add, show, cancel.
    #[command(subcommand)]
    Meeting(meetings::MeetingCommand),
    /// Write every record and setting, and the audit trail, as versioned JSON (to stdout, or -o FILE).
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
    /// --passphrase-file or CONVENE_PASSPHRASE, the new one from --new-passphrase-file or
    /// CONVENE_NEW_PASSPHRASE.
    Encryption {
        #[arg(value_enum)]
        action: data::EncryptionAction,
        /// The new passphrase, read from the first line of this file.
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
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
    Audit(audit::AuditCommand),
    /// Developer tools for the test suite (debug builds only).
    #[cfg(debug_assertions)]
    #[command(subcommand, hide = true)]
    Dev(dev::DevCommand),
    /// Rule pack, local rule overrides, due-soon horizon, closure days, "who am I".
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// Bank holidays: import a newer GOV.UK file, or list them.
    #[command(subcommand)]
    Holidays(timescales::HolidaysCommand),
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
    passphrase_file: Option<PathBuf>,
}

/// A passphrase from the first line of `file`.
pub fn passphrase_from(file: &std::path::Path) -> Result<String, Failure> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure(format!(
            "The passphrase file {} could not be read: {e}.",
            file.display()
        ))
    })?;
    match text.lines().next() {
        Some(line) if !line.is_empty() => Ok(line.to_string()),
        _ => Err(Failure(format!(
            "The passphrase file {} has no passphrase on its first line.",
            file.display()
        ))),
    }
}

impl Ctx {
    pub fn dir(&self) -> Result<PathBuf, Failure> {
        Ok(data_dir::resolve(self.data_dir.clone())?)
    }

    /// The passphrase of an encrypted store: from `--passphrase-file`, else `CONVENE_PASSPHRASE`.
    pub fn passphrase(&self) -> Result<Option<String>, Failure> {
        match &self.passphrase_file {
            Some(file) => passphrase_from(file).map(Some),
            None => Ok(std::env::var("CONVENE_PASSPHRASE").ok().filter(|p| !p.is_empty())),
        }
    }

    /// Open the store, taking the day's backup first if it is due. A backup that cannot be
    /// written is said on stderr and does not stop the command (as in the app): an export, say,
    /// is the way out of a full backups folder.
    pub fn open(&self) -> Result<Store, Failure> {
        let store = Store::open_with(&self.dir()?, self.passphrase()?.as_deref())?;
        if let Err(e) = store.daily_backup_if_due(chrono::Utc::now()) {
            eprintln!("note: today's backup could not be taken: {e}");
        }
        Ok(store)
    }
}

/// A period's ends in order, or the sentence every command says when they are not.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), Failure> {
    if from > to {
        return Err(Failure(format!("The period starts ({from}) after it ends ({to}).")));
    }
    Ok(())
}

/// Today in the UK (the only place the CLI reads the clock).
pub fn today() -> NaiveDate {
    convene_core::time::uk_date_of(chrono::Utc::now())
}

pub fn parse_date(text: &str) -> Result<NaiveDate, Failure> {
    Ok(convene_core::time::parse_date(text)?)
}

fn run(cli: Cli) -> Outcome {
    let ctx = Ctx {
        data_dir: cli.data_dir,
        passphrase_file: cli.passphrase_file,
    };
    match cli.command {
        Command::Demo {
            today: t,
            seed,
            if_empty,
            families,
        } => data::demo(&ctx, t, seed, if_empty, families),
        Command::Child(c) => children::child(&ctx, c),
        Command::Event(c) => children::event(&ctx, c),
        Command::Episode(c) => children::episode(&ctx, c),
        Command::Person(c) => directory::person(&ctx, c),
        Command::Agency(c) => directory::agency(&ctx, c),
        Command::Team(c) => directory::team(&ctx, c),
        Command::Meeting(c) => meetings::meeting(&ctx, c),
        Command::Export { output } => data::export(&ctx, output),
        Command::Import { file } => data::import(&ctx, file),
        Command::Check => data::check(&ctx),
        Command::Backup { output } => data::backup(&ctx, output),
        Command::Restore { file, latest } => data::restore(&ctx, file, latest),
        Command::Backups => data::backups(&ctx),
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
        } => ics::ics(&ctx, meeting, person, output),
        Command::Caseloads { history_from, json } => reports::caseloads(&ctx, history_from, json),
        #[cfg(debug_assertions)]
        Command::Dev(c) => dev::dev(&ctx, c),
        Command::Kpi {
            from,
            to,
            team,
            practitioner,
            csv,
            json,
        } => reports::kpi(&ctx, from, to, team, practitioner, csv, json),
        Command::Encryption {
            action,
            new_passphrase_file,
        } => data::encryption(&ctx, action, new_passphrase_file.as_deref()),
        Command::Audit(c) => audit::audit(&ctx, c),
        Command::Suggest(a) => planning::suggest_cmd(&ctx, a),
        Command::Conflicts { from, to, json } => planning::conflicts_cmd(&ctx, from, to, json),
        Command::Availability(c) => planning::availability(&ctx, c),
    }
}

/// Write a file the way the store writes its backups (`backup::write_atomically`: a temporary
/// file beside `path`, fsync, rename, readable by its owner only).
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Outcome {
    convene_store::backup::write_atomically(path, bytes).map_err(|e| match e {
        convene_store::StoreError::Io { detail, .. } => {
            Failure(format!("Could not write {}: {detail}", path.display()))
        }
        other => Failure(other.to_string()),
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
