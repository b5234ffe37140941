//! `convene settings …`: rule pack, local overrides, due-soon horizon, closures, "who am I".

use clap::{Args, Subcommand, ValueEnum};
use convene_core::rules::{Counting, IcpcAnchor, Offset, OffsetUnit, Rule};
use convene_core::settings::{settings_view, SettingsChange};
use convene_core::PersonId;

use crate::{parse_date, print_json, Ctx, Failure, Outcome};

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Show the settings in force.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change pack-wide settings.
    Set(SetArgs),
    /// Override one rule of the pack: its offset, or switch it on or off.
    Override(OverrideArgs),
    /// Add a local rule from a JSON file (same shape as `convene rules --json` prints).
    AddRule { file: std::path::PathBuf },
    /// Remove a rule's local override, or a local rule.
    ResetRule { rule: String },
    /// Local closure days (e.g. a Christmas shutdown): not working days.
    #[command(subcommand)]
    Closure(ClosureCommand),
    /// Show, replace or reset a meeting kind's agenda template.
    Agenda(crate::agenda::TemplateArgs),
}

#[derive(Args)]
pub struct SetArgs {
    /// england, wales, scotland or northern-ireland.
    #[arg(long)]
    pack: Option<String>,
    /// How many working days ahead an item counts as due soon.
    #[arg(long)]
    due_soon: Option<u32>,
    #[arg(long, value_enum)]
    counting: Option<CountingArg>,
    #[arg(long, value_enum)]
    icpc_anchor: Option<IcpcAnchorArg>,
    /// The practitioner using this machine.
    #[arg(long, value_name = "PERSON_ID")]
    me: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CountingArg {
    #[value(name = "day-0")]
    Day0,
    #[value(name = "day-1")]
    Day1,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum IcpcAnchorArg {
    LastStrategyDiscussion,
    FirstStrategyDiscussion,
    S47Start,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum UnitArg {
    WorkingDays,
    CalendarDays,
    Weeks,
    Months,
}

#[derive(Args)]
pub struct OverrideArgs {
    rule: String,
    #[arg(long, requires = "unit")]
    amount: Option<u32>,
    #[arg(long, value_enum, requires = "amount")]
    unit: Option<UnitArg>,
    #[arg(long, conflicts_with = "disable")]
    enable: bool,
    #[arg(long)]
    disable: bool,
}

#[derive(Subcommand)]
pub enum ClosureCommand {
    Add { dates: Vec<String> },
    Remove { dates: Vec<String> },
}

pub fn settings(ctx: &Ctx, cmd: SettingsCommand) -> Outcome {
    let store = ctx.open()?;
    let mut s = store.settings()?;
    match cmd {
        SettingsCommand::Show { json } => {
            if json {
                return print_json(&s);
            }
            let pack = s.pack()?;
            out!("Rule pack: {} ({})", pack.name, pack.title);
            out!("Due soon: within {} working days", pack.settings.due_soon_working_days);
            out!(
                "Counting: {:?}; ICPC measured from: {:?}",
                pack.settings.counting,
                pack.settings.icpc_anchor
            );
            out!(
                "Local rule changes: {}; local rules: {}",
                s.overrides.changes.len(),
                s.overrides.added.len()
            );
            out!(
                "Closure days: {}",
                s.closures.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
            );
            let imported: Vec<&str> = s.imported_holidays.keys().map(|d| d.id()).collect();
            out!(
                "Imported bank holidays: {}",
                if imported.is_empty() {
                    "none (shipped data)".to_string()
                } else {
                    imported.join(", ")
                }
            );
            return Ok(());
        }
        SettingsCommand::Set(a) => {
            let now = settings_view(&s)?;
            if a.pack.is_some() || a.due_soon.is_some() || a.counting.is_some() || a.icpc_anchor.is_some() {
                s.apply(SettingsChange::Pack {
                    pack: a.pack.unwrap_or(now.pack),
                    due_soon_working_days: a.due_soon.unwrap_or(now.due_soon_working_days),
                    counting: match a.counting {
                        Some(CountingArg::Day0) => Counting::Day0,
                        Some(CountingArg::Day1) => Counting::Day1,
                        None => now.counting,
                    },
                    icpc_anchor: match a.icpc_anchor {
                        Some(IcpcAnchorArg::LastStrategyDiscussion) => IcpcAnchor::LastStrategyDiscussion,
                        Some(IcpcAnchorArg::FirstStrategyDiscussion) => IcpcAnchor::FirstStrategyDiscussion,
                        Some(IcpcAnchorArg::S47Start) => IcpcAnchor::S47Start,
                        None => now.icpc_anchor,
                    },
                })?;
            }
            if let Some(me) = a.me {
                s.apply(SettingsChange::Me {
                    me: Some(me.parse::<PersonId>()?),
                })?;
            }
        }
        SettingsCommand::Override(a) => {
            let offset = match (a.amount, a.unit) {
                (Some(amount), Some(unit)) => Some(Offset {
                    amount,
                    unit: match unit {
                        UnitArg::WorkingDays => OffsetUnit::WorkingDays,
                        UnitArg::CalendarDays => OffsetUnit::CalendarDays,
                        UnitArg::Weeks => OffsetUnit::Weeks,
                        UnitArg::Months => OffsetUnit::Months,
                    },
                }),
                _ => None,
            };
            let enabled = if a.enable {
                Some(true)
            } else if a.disable {
                Some(false)
            } else {
                None
            };
            if offset.is_none() && enabled.is_none() {
                return Err(Failure(
                    "Say what to change: --amount N --unit UNIT, --enable or --disable.".into(),
                ));
            }
            s.apply(SettingsChange::Rule {
                rule: a.rule,
                offset,
                enabled,
            })?;
        }
        SettingsCommand::AddRule { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Failure(format!("Could not read {}: {e}", file.display())))?;
            let rule: Rule =
                serde_json::from_str(&text).map_err(|e| Failure(format!("{} is not a rule: {e}", file.display())))?;
            s.overrides.added.retain(|r| r.id != rule.id);
            s.overrides.added.push(rule);
        }
        SettingsCommand::ResetRule { rule } => s.apply(SettingsChange::ResetRule { rule })?,
        SettingsCommand::Closure(c) => match c {
            ClosureCommand::Add { dates } => {
                for d in dates {
                    s.apply(SettingsChange::AddClosure { date: parse_date(&d)? })?;
                }
            }
            ClosureCommand::Remove { dates } => {
                for d in dates {
                    s.apply(SettingsChange::RemoveClosure { date: parse_date(&d)? })?;
                }
            }
        },
        SettingsCommand::Agenda(args) => return crate::agenda::template(&store, s, args),
    }
    store.save_settings(&s)?;
    out!("Settings saved.");
    Ok(())
}
