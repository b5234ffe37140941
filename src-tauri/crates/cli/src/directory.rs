//! `convene agency`, `convene team` and `convene person`: the directory's agencies, their teams
//! (the first records of a new authority) and the people in them.

use clap::Subcommand;
use convene_core::views::{AgencyDraft, TeamDraft};
use convene_core::*;

use crate::{print_json, today, Ctx, Failure, Outcome};

#[derive(Subcommand)]
pub enum AgencyCommand {
    /// Every agency, with its kind, how many people are in it and its teams.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add an agency. Prints its id.
    Add {
        #[arg(long)]
        name: String,
        /// childrens-social-care, police, health, education, probation, housing, voluntary,
        /// family or other.
        #[arg(long)]
        kind: String,
    },
    /// Correct an agency's name, or its kind while no one is in it.
    Edit {
        /// The agency's id or its exact name.
        agency: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        kind: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum TeamCommand {
    /// Add a team to a professional agency. Prints its id.
    Add {
        #[arg(long)]
        name: String,
        /// The agency's id or its exact name.
        #[arg(long)]
        agency: String,
        /// The manager's person id (someone of the same agency).
        #[arg(long, value_name = "PERSON_ID")]
        manager: Option<String>,
    },
    /// Correct a team's name or manager, or move it to another agency while no one is in it.
    Edit {
        /// The team's id (`convene agency list`).
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        agency: Option<String>,
        #[arg(long, value_name = "PERSON_ID", conflicts_with = "no_manager")]
        manager: Option<String>,
        /// No manager.
        #[arg(long)]
        no_manager: bool,
    },
}

/// "1 person", "3 people".
fn people(n: u32) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// An agency kind by its id ("childrens-social-care").
fn kind(text: &str) -> Result<AgencyKind, Failure> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_string())).map_err(|_| {
        Failure(format!(
            "'{text}' is not a kind of agency. Known: childrens-social-care, police, health, education, probation, housing, voluntary, family, other."
        ))
    })
}

/// An agency by its id or its exact name.
pub fn find_agency(store: &convene_store::Store, agency: &str) -> Result<Agency, Failure> {
    let agencies = store.all::<Agency>()?;
    if let Some(found) = agencies
        .iter()
        .find(|a| a.id.to_string() == agency.trim() || a.name == agency.trim())
    {
        return Ok(found.clone());
    }
    Err(Failure(format!(
        "There is no agency '{agency}'. Known: {}.",
        agencies.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
    )))
}

pub fn agency(ctx: &Ctx, cmd: AgencyCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        AgencyCommand::List { json } => {
            let d = views::directory(&store.all()?, &store.all()?, &store.all()?);
            if json {
                return print_json(&d);
            }
            for a in d {
                let kind = serde_json::to_value(a.agency.kind)
                    .ok()
                    .and_then(|k| k.as_str().map(str::to_string))
                    .unwrap_or_default();
                out!(
                    "{}  {:<40} {:<22} {}",
                    a.agency.id,
                    a.agency.name,
                    kind,
                    people(a.people)
                );
                for t in a.teams {
                    out!("    team {}  {} ({})", t.team.id, t.team.name, people(t.members));
                }
            }
            Ok(())
        }
        AgencyCommand::Add { name, kind: k } => {
            let draft = AgencyDraft { name, kind: kind(&k)? };
            out!("{}", store.save_agency(None, &draft)?.id);
            Ok(())
        }
        AgencyCommand::Edit { agency, name, kind: k } => {
            let was = find_agency(&store, &agency)?;
            let mut draft = AgencyDraft::of(&was);
            if let Some(name) = name {
                draft.name = name;
            }
            if let Some(k) = k {
                draft.kind = kind(&k)?;
            }
            let saved = store.save_agency(Some(was.id), &draft)?;
            out!("Saved: {}.", saved.name);
            Ok(())
        }
    }
}

pub fn team(ctx: &Ctx, cmd: TeamCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        TeamCommand::Add { name, agency, manager } => {
            let draft = TeamDraft {
                name,
                agency: find_agency(&store, &agency)?.id,
                manager: manager.map(|m| m.parse()).transpose()?,
            };
            out!("{}", store.save_team(None, &draft)?.id);
            Ok(())
        }
        TeamCommand::Edit {
            id,
            name,
            agency,
            manager,
            no_manager,
        } => {
            let id: TeamId = id.parse()?;
            let was: Team = store.require(id.as_bytes())?;
            let mut draft = TeamDraft::of(&was);
            if let Some(name) = name {
                draft.name = name;
            }
            if let Some(agency) = agency {
                draft.agency = find_agency(&store, &agency)?.id;
            }
            if let Some(m) = manager {
                draft.manager = Some(m.parse()?);
            } else if no_manager {
                draft.manager = None;
            }
            let saved = store.save_team(Some(id), &draft)?;
            out!("Saved: {}.", saved.name);
            Ok(())
        }
    }
}

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Everyone in the directory: id, name, role and agency.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a person: a professional (working Monday to Friday, 09:00 to 17:00 until changed) or
    /// a member of a child's family (an agency of kind family). Prints their id.
    Add {
        #[arg(long)]
        name: String,
        /// Job title or relationship: "Designated safeguarding lead", "Mother".
        #[arg(long, default_value = "")]
        role: String,
        /// The agency's id or its exact name.
        #[arg(long)]
        agency: String,
        #[arg(long, value_name = "TEAM_ID")]
        team: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
    /// Correct a person's details; what is not given stays as it is. Their working pattern and
    /// leave are kept. Refused while children allocated to them would be left with a worker who
    /// does not hold cases.
    Edit {
        /// The person's id (`convene person list`).
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        role: Option<String>,
        /// The agency's id or its exact name.
        #[arg(long)]
        agency: Option<String>,
        #[arg(long, value_name = "TEAM_ID", conflicts_with = "no_team")]
        team: Option<String>,
        /// In no team.
        #[arg(long)]
        no_team: bool,
        /// An empty value removes it.
        #[arg(long)]
        email: Option<String>,
    },
    /// Record that a professional is leaving their post: their last working day. They stay in
    /// the meetings they were part of, and are no longer offered to invite, allocate or manage.
    /// Refused while children are allocated to them, they manage a team, or they are part of a
    /// meeting after that day.
    Leave {
        /// The person's id (`convene person list`).
        id: String,
        /// Their last working day (YYYY-MM-DD; default: today).
        #[arg(long)]
        last_day: Option<String>,
    },
    /// Take back a recorded last working day: they work here again.
    Stay {
        /// The person's id.
        id: String,
    },
}

pub fn person(ctx: &Ctx, cmd: PersonCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        PersonCommand::List { json } => {
            let people = convene_core::queries::people(&store.load_dataset()?);
            if json {
                return print_json(&people);
            }
            for p in people {
                let left = p
                    .last_day
                    .map(|d| format!("  (last working day {})", d.format("%d/%m/%Y")))
                    .unwrap_or_default();
                out!("{}  {:<24} {:<36} {}{left}", p.id, p.name, p.role, p.agency);
            }
            Ok(())
        }
        PersonCommand::Add {
            name,
            role,
            agency,
            team,
            email,
        } => {
            let found = find_agency(&store, &agency)?;
            let draft = views::PersonDraft {
                name,
                role,
                agency: found.id,
                team: team.map(|t| t.parse()).transpose()?,
                email,
            };
            out!("{}", store.add_person(&draft)?.id);
            Ok(())
        }
        PersonCommand::Edit {
            id,
            name,
            role,
            agency,
            team,
            no_team,
            email,
        } => {
            let id: PersonId = id.parse()?;
            let person: Person = store.require(id.as_bytes())?;
            let mut draft = views::PersonDraft::of(&person);
            if let Some(agency) = agency {
                draft.agency = find_agency(&store, &agency)?.id;
            }
            if let Some(name) = name {
                draft.name = name;
            }
            if let Some(role) = role {
                draft.role = role;
            }
            if let Some(team) = team {
                draft.team = Some(team.parse()?);
            } else if no_team {
                draft.team = None;
            }
            if let Some(email) = email {
                draft.email = Some(email);
            }
            let changed = store.change_person(id, &draft)?;
            out!(
                "Saved: {}, {}.",
                changed.name,
                if changed.role.is_empty() {
                    "no role"
                } else {
                    &changed.role
                }
            );
            Ok(())
        }
        PersonCommand::Leave { id, last_day } => {
            let day = last_day.unwrap_or_else(|| today().to_string());
            let left = store.record_leaving(id.parse()?, Some(&day), today())?;
            let last = left
                .last_day
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            out!("Recorded: {}'s last working day is {last}.", left.name);
            Ok(())
        }
        PersonCommand::Stay { id } => {
            let back = store.record_leaving(id.parse()?, None, today())?;
            out!("Recorded: {} works here again.", back.name);
            Ok(())
        }
    }
}
