//! `convene suggest`, `conflicts`, `availability …`, and the conflict check every meeting save
//! goes through (`--override REASON` to save anyway, recorded on the meeting).

use chrono::{Days, Duration};
use clap::{Args, Subcommand, ValueEnum};
use convene_core::queries::Names;
use convene_core::schedule::planning::{accept, check_meeting, suggest, SuggestInput};
use convene_core::*;
use convene_store::Store;

use crate::{parse_date, print_json, today, Ctx, Failure, Outcome};

#[derive(Args)]
pub struct SuggestArgs {
    #[arg(long)]
    kind: String,
    /// The child (repeat, or comma-separate, for a sibling group).
    #[arg(long, value_delimiter = ',', required = true)]
    child: Vec<String>,
    /// Required attendees (default: social worker, chair, and the child's network for this kind).
    #[arg(long, value_delimiter = ',')]
    required: Option<Vec<String>>,
    #[arg(long, value_delimiter = ',')]
    optional: Vec<String>,
    /// Venues to choose from (default: online).
    #[arg(long, value_delimiter = ',')]
    venue: Vec<String>,
    #[arg(long, default_value_t = 60)]
    duration: u32,
    /// First day to consider (default: the next working day).
    #[arg(long)]
    earliest: Option<String>,
    /// An explicit deadline instead of the timescale engine's.
    #[arg(long)]
    deadline: Option<String>,
    #[arg(long, default_value_t = 5)]
    top: u32,
    #[arg(long)]
    json: bool,
}

fn ids<T: std::str::FromStr<Err = ValidationError>>(list: &[String]) -> Result<Vec<T>, Failure> {
    list.iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Ok(s.parse::<T>()?))
        .collect()
}

pub fn suggest_cmd(ctx: &Ctx, a: SuggestArgs) -> Outcome {
    let store = ctx.open()?;
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let ds = store.load_dataset()?;
    let children: Vec<ChildId> = ids(&a.child)?;
    for c in &children {
        store.require::<Child>(c.as_bytes())?;
    }
    let as_of = today();
    // Times are offered from today on, never in the past.
    let earliest = match &a.earliest {
        Some(e) => parse_date(e)?.max(as_of),
        None => cal.add_working_days(as_of, 1)?,
    };
    convene_core::validate::meeting_minutes(a.duration.into())?;
    // Every person and venue named must exist: a mistyped id is an error, not someone ignored.
    let required: Option<Vec<PersonId>> = a.required.as_deref().map(ids).transpose()?;
    let optional: Vec<PersonId> = ids(&a.optional)?;
    for p in required.iter().flatten().chain(&optional) {
        store.require::<Person>(p.as_bytes())?;
    }
    let venues: Vec<VenueId> = ids(&a.venue)?;
    for v in &venues {
        store.require::<Venue>(v.as_bytes())?;
    }
    let input = SuggestInput {
        kind: MeetingKind::parse(&a.kind)?,
        children,
        required,
        optional,
        venues,
        duration_minutes: a.duration,
        earliest,
        // Today's times that have passed are not offered either.
        not_before: Some(chrono::Utc::now()),
        deadline: a.deadline.as_deref().map(parse_date).transpose()?,
        top: a.top,
    };
    let result = suggest(&pack, &cal, &ds, &ds.busy, input, as_of)?;
    if a.json {
        return print_json(&result);
    }
    out!("{}", result.message);
    if !result.earlier_days.is_empty() {
        out!("Why no earlier time:");
        for d in &result.earlier_days {
            out!("    {d}");
        }
    }
    for s in &result.slots {
        let flag = if s.within_deadline { "" } else { "  LATE" };
        out!(
            "{}–{}{flag}",
            s.start.format("%a %-d %b %Y, %H:%M"),
            s.end.format("%H:%M")
        );
        for r in &s.reasons {
            out!("    {r}");
        }
    }
    Ok(())
}

pub fn conflicts_cmd(ctx: &Ctx, from: Option<String>, to: Option<String>, json: bool) -> Outcome {
    let store = ctx.open()?;
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let ds = store.load_dataset()?;
    let as_of = today();
    let from = from.as_deref().map(parse_date).transpose()?.unwrap_or(as_of);
    let to = to
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(from.checked_add_days(Days::new(90)).unwrap_or(from));
    crate::check_period(from, to)?;
    let found = convene_core::queries::conflicts_between(&pack, &cal, &ds, from, to, as_of)?;
    if json {
        return print_json(&found);
    }
    if found.is_empty() {
        out!("No conflicts between {from} and {to}.");
    }
    for c in &found {
        out!("{}  {}", c.meeting, c.message);
    }
    Ok(())
}

/// Check a meeting before it is saved; with conflicts it is saved only with an override reason,
/// which is recorded on the meeting.
pub fn checked(store: &Store, m: Meeting, override_reason: Option<String>) -> Result<Meeting, Failure> {
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let ds = store.load_dataset()?;
    let found = check_meeting(&pack, &cal, &ds, &ds.busy, &m, today())?;
    accept(m, found, override_reason.as_deref(), now()).map_err(|conflicts| {
        let messages: Vec<String> = conflicts.into_iter().map(|c| c.message).collect();
        Failure(format!(
            "Not saved: {} To save it anyway, add --override \"why\".",
            messages.join(" ")
        ))
    })
}

pub fn now() -> chrono::DateTime<chrono::FixedOffset> {
    convene_core::time::to_london(chrono::Utc::now().fixed_offset())
}

#[derive(Subcommand)]
pub enum AvailabilityCommand {
    /// Record leave or busy time for a person (or a booking for a venue).
    Add(BusyAdd),
    /// Import busy time from a calendar file (.ics from Outlook, Google…); replaces what was
    /// imported for this person before. A file with any problem imports nothing.
    Import {
        file: std::path::PathBuf,
        #[arg(long)]
        person: String,
    },
    /// List a person's recorded busy time.
    List {
        #[arg(long)]
        person: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum BusyKindArg {
    Leave,
    Busy,
    Booking,
}

#[derive(Args)]
pub struct BusyAdd {
    #[arg(long, conflicts_with = "venue", required_unless_present = "venue")]
    person: Option<String>,
    #[arg(long)]
    venue: Option<String>,
    /// UK wall time, or a date for whole days (YYYY-MM-DD).
    #[arg(long)]
    start: String,
    /// UK wall time, or the last whole day (inclusive).
    #[arg(long)]
    end: String,
    #[arg(long, value_enum, default_value = "busy")]
    kind: BusyKindArg,
    #[arg(long, default_value = "")]
    note: String,
}

fn time_or_day(text: &str, end_of_day: bool) -> Result<chrono::DateTime<chrono::FixedOffset>, Failure> {
    Ok(convene_core::time::parse_day_or_time(text, end_of_day)?)
}

pub fn availability(ctx: &Ctx, cmd: AvailabilityCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        AvailabilityCommand::Add(a) => {
            let owner = match (a.person, a.venue) {
                (Some(p), _) => BusyOwner::Person(p.parse()?),
                (None, Some(v)) => BusyOwner::Venue(v.parse()?),
                (None, None) => return Err(Failure("Give --person or --venue.".into())),
            };
            let block = BusyBlock {
                id: BusyId::new_random(),
                owner,
                start: time_or_day(&a.start, false)?,
                end: time_or_day(&a.end, true)?,
                kind: match a.kind {
                    BusyKindArg::Leave => BusyKind::Leave,
                    BusyKindArg::Busy => BusyKind::Busy,
                    BusyKindArg::Booking => BusyKind::Booking,
                },
                note: a.note,
                source: None,
            };
            store.put(&block)?;
            out!("{}", block.id);
            Ok(())
        }
        AvailabilityCommand::Import { file, person } => {
            let p: PersonId = person.parse()?;
            store.require::<Person>(p.as_bytes())?;
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Failure(format!("Could not read {}: {e}", file.display())))?;
            let today = today();
            let periods = convene_ics::busy_periods(&text, today - Duration::days(30), today + Duration::days(365))?;
            let blocks = convene_core::schedule::availability::imported_blocks(
                BusyOwner::Person(p),
                periods.into_iter().map(|b| (b.start, b.end, b.summary, b.uid)),
            );
            let (removed, added) = store.replace_imported_busy(BusyOwner::Person(p), &blocks)?;
            out!(
                "Imported {added} busy periods from {} (replacing {removed} imported before).",
                file.display()
            );
            Ok(())
        }
        AvailabilityCommand::List { person, json } => {
            let p: PersonId = person.parse()?;
            store.require::<Person>(p.as_bytes())?;
            let blocks = store.busy_of(BusyOwner::Person(p))?;
            if json {
                return print_json(&blocks);
            }
            let ds = store.load_dataset()?;
            let names = Names::new(&ds);
            out!("{}:", names.person_name(p));
            for b in blocks {
                out!(
                    "  {} – {}  {:?}  {}",
                    b.start.format("%a %-d %b %Y %H:%M"),
                    b.end.format("%a %-d %b %Y %H:%M"),
                    b.kind,
                    b.note
                );
            }
            Ok(())
        }
    }
}
