//! `convene child …`.

use clap::{Args, Subcommand};
use convene_core::queries::{child_summaries, evaluate_all, meeting_summary, Names};
use convene_core::*;

use crate::{parse_date, print_json, today, Ctx, Failure, Outcome};

#[derive(Subcommand)]
pub enum ChildCommand {
    /// List children, most overdue first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a child.
    Add(ChildAdd),
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
            let birth = match (a.dob, a.edd) {
                (Some(d), _) => {
                    let date_of_birth = parse_date(&d)?;
                    if date_of_birth > crate::today() {
                        return Err(Failure(format!(
                            "The date of birth {date_of_birth} is after today: for an unborn child give --edd, the expected date of delivery."
                        )));
                    }
                    Birth::Born { date_of_birth }
                }
                (None, Some(e)) => Birth::Unborn {
                    expected_delivery: parse_date(&e)?,
                },
                (None, None) => return Err(Failure("Give --dob or --edd.".into())),
            };
            let c = Child {
                id: ChildId::new_random(),
                given_name: a.given,
                family_name: a.family,
                name_display: if a.initials {
                    NameDisplay::Initials
                } else {
                    NameDisplay::FullName
                },
                birth,
                case_id: a.case_id,
                siblings: vec![],
                social_worker: a.social_worker.map(|s| s.parse()).transpose()?,
                network: vec![],
            };
            store.put(&c)?;
            out!("{}", c.id);
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
        /// minutes-distributed, became-looked-after or placement-start.
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
