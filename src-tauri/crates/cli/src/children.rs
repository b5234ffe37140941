//! `convene child …`.

use clap::{Args, Subcommand};
use convene_core::queries::{child_summaries, evaluate_all, meeting_summary, Names};
use convene_core::*;

use crate::{print_json, today, Ctx, Failure, Outcome};

#[derive(Subcommand)]
pub enum ChildCommand {
    /// List children, most overdue first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a child.
    Add(ChildAdd),
    /// Allocate a child to a social worker (a person's id), or to no one (--none).
    Allocate {
        id: String,
        #[arg(
            long,
            value_name = "PERSON_ID",
            required_unless_present = "none",
            conflicts_with = "none"
        )]
        social_worker: Option<String>,
        #[arg(long)]
        none: bool,
    },
    /// Add a person to a child's network in a role: meetings about the child invite them by default
    /// where that role usually takes part (family are a parent or carer; professionals are not).
    Link {
        id: String,
        #[arg(long, value_name = "PERSON_ID")]
        person: String,
        /// parent, carer, foster-carer, school, gp, health-visitor, school-nurse, midwife, police,
        /// camhs, probation, housing, independent-reviewing-officer, advocate or other.
        #[arg(long)]
        role: String,
    },
    /// Record two children as brother and sister (on both records), or no longer (--remove).
    Sibling {
        id: String,
        #[arg(long, value_name = "CHILD_ID")]
        with: String,
        #[arg(long)]
        remove: bool,
    },
    /// Take a person in a role off a child's network.
    Unlink {
        id: String,
        #[arg(long, value_name = "PERSON_ID")]
        person: String,
        #[arg(long)]
        role: String,
    },
    /// Correct a child's details; what is not given stays as it is.
    Edit {
        id: String,
        #[arg(long)]
        given: Option<String>,
        #[arg(long)]
        family: Option<String>,
        #[arg(long)]
        case_id: Option<String>,
        /// The date of birth, or for an unborn child the expected date of delivery (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Show the child by initials (true) or full name (false).
        #[arg(long)]
        initials: Option<bool>,
    },
    /// An unborn child's birth: the date of birth takes the place of the expected date.
    Born {
        id: String,
        /// The date of birth (YYYY-MM-DD; default: today). Not after today.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Show one child with episodes, events and meetings.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct ChildAdd {
    #[arg(long)]
    given: String,
    #[arg(long)]
    family: String,
    /// Date of birth (YYYY-MM-DD).
    #[arg(long, conflicts_with = "edd", required_unless_present = "edd")]
    dob: Option<String>,
    /// Expected date of delivery, for an unborn baby.
    #[arg(long)]
    edd: Option<String>,
    #[arg(long, default_value = "")]
    case_id: String,
    /// Show the child by initials rather than full name.
    #[arg(long)]
    initials: bool,
    #[arg(long, value_name = "PERSON_ID")]
    social_worker: Option<String>,
}

pub fn child(ctx: &Ctx, cmd: ChildCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        ChildCommand::List { json } => {
            let ds = store.load_dataset()?;
            let settings = store.settings()?;
            let pack = settings.pack()?;
            let cal = settings.calendar(pack.division);
            let as_of = today();
            let items = evaluate_all(&pack, &cal, &ds.by_child(), as_of)?;
            let rows = child_summaries(&ds, &items, as_of);
            if json {
                return print_json(&rows);
            }
            for r in rows {
                out!(
                    "{}  {:<24} {:<10} {:<16} overdue {:>2}  due soon {:>2}  {}",
                    r.id,
                    r.name,
                    r.case_id,
                    r.birth,
                    r.overdue,
                    r.due_soon,
                    r.open_episodes.join(", ")
                );
            }
            Ok(())
        }
        ChildCommand::Add(a) => {
            let (unborn, date) = match (a.dob, a.edd) {
                (Some(d), _) => (false, d),
                (None, Some(e)) => (true, e),
                (None, None) => return Err(Failure("Give --dob or --edd.".into())),
            };
            let draft = views::ChildDraft {
                given_name: a.given,
                family_name: a.family,
                initials: a.initials,
                unborn,
                date,
                case_id: a.case_id,
                social_worker: a.social_worker.map(|s| s.parse()).transpose()?,
            };
            let c = draft.to_child(today()).map_err(|e| match e {
                ValidationError::BirthInFuture { date } => Failure(format!(
                    "The date of birth {date} is after today: for an unborn child give --edd, the expected date of delivery."
                )),
                other => other.into(),
            })?;
            store.check_allocation(c.social_worker)?;
            store.put(&c)?;
            out!("{}", c.id);
            Ok(())
        }
        ChildCommand::Sibling { id, with, remove } => {
            let (a, b) = store.change_siblings(id.parse()?, with.parse()?, !remove)?;
            if remove {
                out!(
                    "{} and {} are no longer recorded as brother or sister.",
                    a.display_name(),
                    b.display_name()
                );
            } else {
                out!(
                    "{} and {} are recorded as brother or sister.",
                    a.display_name(),
                    b.display_name()
                );
            }
            Ok(())
        }
        ChildCommand::Link { id, person, role } => network(&store, &id, &person, &role, true),
        ChildCommand::Unlink { id, person, role } => network(&store, &id, &person, &role, false),
        ChildCommand::Edit {
            id,
            given,
            family,
            case_id,
            date,
            initials,
        } => {
            let child: Child = store.require(id.parse::<ChildId>()?.as_bytes())?;
            let mut e = views::ChildEdit::of(&child);
            e.given_name = given.unwrap_or(e.given_name);
            e.family_name = family.unwrap_or(e.family_name);
            e.case_id = case_id.unwrap_or(e.case_id);
            e.date = date.unwrap_or(e.date);
            e.initials = initials.unwrap_or(e.initials);
            let changed = e.apply(&child, today())?;
            store.put(&changed)?;
            out!(
                "{} ({}), {}.",
                changed.display_name(),
                changed.case_id,
                views::birth_in_full(&changed.birth)
            );
            Ok(())
        }
        ChildCommand::Born { id, date } => {
            let id: ChildId = id.parse()?;
            let child: Child = store.require(id.as_bytes())?;
            let born = views::record_birth(&child, &date.unwrap_or_else(|| today().to_string()), today())?;
            store.put(&born)?;
            out!("{}: {}.", born.display_name(), views::birth_in_full(&born.birth));
            for to_do in views::after_birth(&born, &store.child_bundle(id)?.meetings) {
                out!("{}", to_do.sentence);
            }
            Ok(())
        }
        ChildCommand::Allocate {
            id,
            social_worker,
            none,
        } => {
            let id: ChildId = id.parse()?;
            let mut c: Child = store.require(id.as_bytes())?;
            c.social_worker = match (social_worker, none) {
                (Some(p), false) => Some(p.parse()?),
                _ => None,
            };
            store.check_allocation(c.social_worker)?;
            store.put(&c)?;
            match c.social_worker {
                Some(p) => out!("{} is allocated to {p}.", c.display_name()),
                None => out!("{} is not allocated to anyone.", c.display_name()),
            }
            Ok(())
        }
        ChildCommand::Show { id, json } => {
            let id: ChildId = id.parse()?;
            let bundle = store.child_bundle(id)?;
            if json {
                return print_json(&bundle);
            }
            let ds = store.load_dataset()?;
            let names = Names::new(&ds);
            let c = &bundle.child;
            out!("{} ({}), {}", c.display_name(), c.case_id, views::birth_label(&c.birth));
            if let Some(sw) = c.social_worker {
                out!("Social worker: {}", names.person_name(sw));
            }
            for e in &bundle.episodes {
                let end = e.end.map(|d| d.to_string()).unwrap_or_else(|| "open".into());
                out!("Episode: {} from {} to {end}", views::episode_label(&e.kind), e.start);
            }
            for e in &bundle.events {
                out!("{}  {}", e.date, e.kind.id());
            }
            let mut ms = bundle.meetings.clone();
            ms.sort_by_key(|m| m.start);
            for m in &ms {
                let s = meeting_summary(m, &names);
                out!(
                    "{}  {}  {}  {}",
                    m.start.format("%Y-%m-%d %H:%M"),
                    s.kind_title,
                    s.status,
                    s.id
                );
            }
            Ok(())
        }
    }
}

#[derive(Subcommand)]
pub enum EventCommand {
    /// Record something that has happened to a child (a visit, reports shared, a decision
    /// letter sent): the deadlines it meets read "met" from then on. Prints the event's id.
    Add {
        #[arg(long, value_name = "CHILD_ID")]
        child: String,
        /// referral, referral-decision, strategy-discussion, s47-start, no-further-action,
        /// assessment-completed, visit, reports-shared, decision-letter-sent,
        /// minutes-distributed, placement-start or invitations-sent. (Being looked after is an episode:
        /// `convene episode start --kind looked-after`.)
        #[arg(long)]
        kind: String,
        /// When it happened (YYYY-MM-DD; default: today). Not after today.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A child's events, oldest first.
    List {
        #[arg(long, value_name = "CHILD_ID")]
        child: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove an event recorded by mistake (the audit trail keeps what it was).
    Remove { id: String },
}

pub fn event(ctx: &Ctx, cmd: EventCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        EventCommand::Add {
            child,
            kind,
            date,
            note,
        } => {
            let draft = views::EventDraft {
                child: child.parse()?,
                kind: EventKind::parse(&kind)?,
                date: date.unwrap_or_else(|| today().to_string()),
                note,
            };
            let event = draft.to_event(today())?;
            store.put(&event)?;
            out!("{}", event.id);
            Ok(())
        }
        EventCommand::List { child, json } => {
            let child: ChildId = child.parse()?;
            let mut events: Vec<views::EventView> = store
                .child_bundle(child)?
                .events
                .iter()
                .map(views::event_view)
                .collect();
            events.sort_by_key(|e| (e.date, e.id));
            if json {
                return print_json(&events);
            }
            for e in events {
                let note = if e.note.is_empty() {
                    String::new()
                } else {
                    format!("  {}", e.note)
                };
                out!("{}  {}  {}{note}", e.id, e.date.format("%a %-d %b %Y"), e.label);
            }
            Ok(())
        }
        EventCommand::Remove { id } => {
            let id: EventId = id.parse()?;
            store.delete::<Event>(id.as_bytes())?;
            out!("Removed event {id}.");
            Ok(())
        }
    }
}

#[derive(Subcommand)]
pub enum EpisodeCommand {
    /// Start a child in need plan or a period of being looked after (a child protection plan
    /// starts at a conference: record its outcome). Prints the episode's id.
    Start {
        #[arg(long, value_name = "CHILD_ID")]
        child: String,
        /// child-in-need or looked-after.
        #[arg(long)]
        kind: String,
        /// The first day (YYYY-MM-DD; default: today). Not after today.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Remove one recorded by mistake (the audit trail keeps what it was); a child protection
    /// plan stays with its conference's outcome.
    Remove { id: String },
    /// End one on its last day (default: today).
    End {
        id: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
}

pub fn episode(ctx: &Ctx, cmd: EpisodeCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        EpisodeCommand::Start { child, kind, date } => {
            let kind = match kind.trim() {
                "child-in-need" => EpisodeType::ChildInNeed,
                "looked-after" => EpisodeType::LookedAfter,
                "child-protection" => EpisodeType::ChildProtection,
                other => {
                    return Err(ValidationError::UnknownName {
                        what: "episode kind",
                        text: other.to_string(),
                        known: "child-in-need, looked-after".into(),
                    }
                    .into())
                }
            };
            let draft = views::EpisodeDraft {
                child: child.parse()?,
                kind,
                start: date.unwrap_or_else(|| today().to_string()),
            };
            let existing = store.child_bundle(draft.child)?.episodes;
            let episode = draft.to_episode(&existing, today())?;
            store.put(&episode)?;
            out!("{}", episode.id);
            Ok(())
        }
        EpisodeCommand::Remove { id } => {
            let id: EpisodeId = id.parse()?;
            let episode: Episode = store.require(id.as_bytes())?;
            views::removable_episode(&episode)?;
            store.delete::<Episode>(id.as_bytes())?;
            out!(
                "Removed: {} from {}.",
                views::episode_label(&episode.kind),
                episode.start.format("%a %-d %b %Y")
            );
            Ok(())
        }
        EpisodeCommand::End { id, date } => {
            let id: EpisodeId = id.parse()?;
            let episode: Episode = store.require(id.as_bytes())?;
            let ended = views::end_episode(&episode, &date.unwrap_or_else(|| today().to_string()), today())?;
            store.put(&ended)?;
            out!(
                "{} ended on {}.",
                views::episode_label(&ended.kind),
                ended
                    .end
                    .map(|d| d.format("%a %-d %b %Y").to_string())
                    .unwrap_or_default()
            );
            Ok(())
        }
    }
}

/// `convene child link` (`linking`) and `unlink`.
fn network(store: &convene_store::Store, id: &str, person: &str, role: &str, linking: bool) -> Outcome {
    let person: PersonId = person.parse()?;
    let role = NetworkRole::parse(role)?;
    let changed = store.change_network(id.parse()?, person, role, linking)?;
    let p: Person = store.require(person.as_bytes())?;
    out!(
        "{} {} {}'s network as {}.",
        p.name,
        if linking { "added to" } else { "taken off" },
        changed.display_name(),
        role.in_sentence()
    );
    Ok(())
}
