//! `convene agency` and `convene team`: the directory's agencies and their teams, the first
//! records of a new authority.

use clap::Subcommand;
use convene_core::views::{AgencyDraft, TeamDraft};
use convene_core::*;

use crate::{print_json, Ctx, Failure, Outcome};

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
