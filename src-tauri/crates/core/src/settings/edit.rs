//! Changing the settings, as the Settings screen and the CLI do it, and the settings as the
//! screen shows them. Every change is checked here (a known pack and rule, sensible numbers, a
//! date the calendar covers) so both front ends refuse the same things with the same sentences.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Settings;
use crate::error::{RuleError, ValidationError};
use crate::holidays::{self, Division};
use crate::ids::PersonId;
use crate::rules::{
    Counting, IcpcAnchor, Offset, OffsetUnit, PackSettings, RuleChange, RuleKind, RulePack, PACK_NAMES,
};

/// One change to the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum SettingsChange {
    /// The pack in force and its pack-wide settings.
    Pack {
        pack: String,
        due_soon_working_days: u32,
        counting: Counting,
        icpc_anchor: IcpcAnchor,
    },
    /// The practitioner using this machine ("who am I"); none to clear it.
    Me {
        me: Option<PersonId>,
    },
    /// A rule's offset and whether it is on; what is left out keeps the pack's value.
    Rule {
        rule: String,
        offset: Option<Offset>,
        enabled: Option<bool>,
    },
    /// Back to the pack's own rule.
    ResetRule {
        rule: String,
    },
    AddClosure {
        date: NaiveDate,
    },
    RemoveClosure {
        date: NaiveDate,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("There is no rule pack '{0}'. Choose england, wales, scotland or northern-ireland.")]
    UnknownPack(String),
    #[error("\"Due soon\" must be between 0 and 30 working days, not {0}.")]
    DueSoon(u32),
    #[error("A rule's time limit must be between 1 and {max} {unit}, not {amount}.")]
    Offset { amount: u32, max: u32, unit: &'static str },
    #[error(
        "The local changes to {rules} were made for the {pack} rule pack. Reset them before choosing \
         another pack, so none is applied to a rule it was not meant for."
    )]
    ChangesForAnotherPack { pack: String, rules: String },
    #[error("The rule '{0}' has no local change to reset.")]
    NothingToReset(String),
    #[error("{0} is already a closure day.")]
    ClosureExists(String),
    #[error("{0} is not a closure day.")]
    NoSuchClosure(String),
    #[error("Closure days must fall between 2000 and 2199; {0} does not.")]
    ClosureOutOfRange(String),
    #[error(transparent)]
    Holidays(#[from] crate::error::HolidayError),
    #[error(transparent)]
    Rule(#[from] RuleError),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
}

fn check_offset(o: Offset) -> Result<(), SettingsError> {
    let (max, unit) = match o.unit {
        OffsetUnit::WorkingDays => (260, "working days"),
        OffsetUnit::CalendarDays => (366, "calendar days"),
        OffsetUnit::Weeks => (104, "weeks"),
        OffsetUnit::Months => (36, "months"),
    };
    if o.amount == 0 || o.amount > max {
        return Err(SettingsError::Offset {
            amount: o.amount,
            max,
            unit,
        });
    }
    Ok(())
}

impl Settings {
    /// Apply one change; on error the settings are unchanged. (Whether "who am I" names a person
    /// who exists is the store's check, when the settings are saved.)
    pub fn apply(&mut self, change: SettingsChange) -> Result<(), SettingsError> {
        let mut next = self.clone();
        match change {
            SettingsChange::Pack {
                pack,
                due_soon_working_days,
                counting,
                icpc_anchor,
            } => {
                if !PACK_NAMES.contains(&pack.as_str()) {
                    return Err(SettingsError::UnknownPack(pack));
                }
                if due_soon_working_days > 30 {
                    return Err(SettingsError::DueSoon(due_soon_working_days));
                }
                // A change to one pack's rule is not carried to another pack's rule of the same
                // id (Wales's 20-day minutes are not England's 15): reset first. Local rules the
                // authority added are its own and stay.
                if pack != self.pack && !self.overrides.changes.is_empty() {
                    let rules = self
                        .overrides
                        .changes
                        .iter()
                        .map(|c| format!("'{}'", c.id))
                        .collect::<Vec<_>>();
                    return Err(SettingsError::ChangesForAnotherPack {
                        pack: self.pack.clone(),
                        rules: rules.join(", "),
                    });
                }
                next.pack = pack;
                next.overrides.settings = Some(PackSettings {
                    counting,
                    icpc_anchor,
                    due_soon_working_days,
                });
            }
            SettingsChange::Me { me } => next.me = me,
            SettingsChange::Rule { rule, offset, enabled } => {
                self.pack()?.rule(&rule)?;
                if let Some(o) = offset {
                    check_offset(o)?;
                }
                let mut change = next
                    .overrides
                    .changes
                    .iter()
                    .find(|c| c.id == rule)
                    .cloned()
                    .unwrap_or(RuleChange {
                        id: rule.clone(),
                        ..RuleChange::default()
                    });
                if offset.is_some() {
                    change.offset = offset;
                }
                if enabled.is_some() {
                    change.enabled = enabled;
                }
                next.overrides.changes.retain(|c| c.id != rule);
                next.overrides.changes.push(change);
            }
            SettingsChange::ResetRule { rule } => {
                let before = next.overrides.changes.len() + next.overrides.added.len();
                next.overrides.changes.retain(|c| c.id != rule);
                next.overrides.added.retain(|r| r.id != rule);
                if before == next.overrides.changes.len() + next.overrides.added.len() {
                    return Err(SettingsError::NothingToReset(rule));
                }
            }
            SettingsChange::AddClosure { date } => {
                if !(2000..=2199).contains(&date.year()) {
                    return Err(SettingsError::ClosureOutOfRange(crate::views::uk_date(date)));
                }
                if next.closures.contains(&date) {
                    return Err(SettingsError::ClosureExists(crate::views::uk_date(date)));
                }
                next.closures.push(date);
            }
            SettingsChange::RemoveClosure { date } => {
                if !next.closures.contains(&date) {
                    return Err(SettingsError::NoSuchClosure(crate::views::uk_date(date)));
                }
                next.closures.retain(|d| *d != date);
            }
        }
        next.normalise();
        next.pack()?;
        *self = next;
        Ok(())
    }
}

impl Settings {
    /// Take a GOV.UK bank-holidays file's divisions, year by year, over the shipped (or earlier
    /// imported) data: the file's years replace those years, and years it does not list are kept
    /// (GOV.UK's file now starts at 2024; its one-off days of 2020-2023 must not be lost). Returns
    /// what was imported, as a sentence; a bad file changes nothing.
    pub fn import_holidays(&mut self, govuk_json: &str) -> Result<String, SettingsError> {
        let parsed = holidays::parse_govuk(govuk_json)?;
        let mut summary = Vec::new();
        let mut next = self.clone();
        for (division, published) in parsed {
            let years = published.years();
            summary.push(format!(
                "{}: {} holidays, {}–{}",
                division.title(),
                published.holidays.len(),
                years.first().copied().unwrap_or_default(),
                years.last().copied().unwrap_or_default()
            ));
            let file_years = published.years();
            let mut merged = self
                .imported_holidays
                .get(&division)
                .cloned()
                .unwrap_or_else(|| holidays::shipped(division));
            merged.holidays.retain(|h| !file_years.contains(&h.date.year()));
            merged.holidays.extend(published.holidays);
            merged.holidays.sort_by_key(|h| h.date);
            next.imported_holidays.insert(division, merged);
        }
        next.pack()?;
        *self = next;
        Ok(format!("Imported bank holidays ({}).", summary.join("; ")))
    }
}

/// A pack that can be chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PackChoice {
    pub name: String,
    pub title: String,
}

/// One rule of the pack in force, as the Settings screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleRow {
    pub id: String,
    pub title: String,
    pub offset: Offset,
    /// "15 working days after", "2 working days before".
    pub offset_text: String,
    pub enabled: bool,
    /// Changed here from the pack's own rule (or added here).
    pub changed: bool,
    pub local: bool,
    pub source: String,
}

/// Where a division's bank holidays come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HolidaySource {
    pub division: String,
    /// "Imported GOV.UK file", "Shipped GOV.UK data" or "None: every year computed by rule".
    pub source: String,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettingsView {
    pub pack: String,
    pub packs: Vec<PackChoice>,
    pub due_soon_working_days: u32,
    pub counting: Counting,
    pub icpc_anchor: IcpcAnchor,
    pub me: Option<PersonId>,
    pub rules: Vec<RuleRow>,
    pub closures: Vec<NaiveDate>,
    pub holidays: Vec<HolidaySource>,
}

pub fn settings_view(s: &Settings) -> Result<SettingsView, RuleError> {
    let pack = s.pack()?;
    let packs = PACK_NAMES
        .iter()
        .map(|n| {
            RulePack::builtin(n).map(|p| PackChoice {
                name: p.name,
                title: p.title,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let changed: Vec<&str> = s
        .overrides
        .changes
        .iter()
        .map(|c| c.id.as_str())
        .chain(s.overrides.added.iter().map(|r| r.id.as_str()))
        .collect();
    let rules = pack
        .rules
        .iter()
        .map(|r| RuleRow {
            id: r.id.clone(),
            title: r.title.clone(),
            offset: r.offset,
            offset_text: format!(
                "{} {}",
                r.offset,
                match r.direction {
                    crate::rules::Direction::After => "after",
                    crate::rules::Direction::Before => "before",
                }
            ),
            enabled: r.enabled,
            changed: changed.contains(&r.id.as_str()),
            local: r.kind == RuleKind::Local,
            source: r.source.clone(),
        })
        .collect();
    let holidays = Division::ALL
        .into_iter()
        .map(|d| {
            let (published, source) = match s.imported_holidays.get(&d) {
                Some(p) => (p.clone(), "Imported GOV.UK file"),
                None => (holidays::shipped(d), "Shipped GOV.UK data"),
            };
            let years = published.years();
            HolidaySource {
                division: d.title().to_string(),
                source: if years.is_empty() {
                    "None: every year computed by rule".to_string()
                } else {
                    source.to_string()
                },
                first_year: years.first().copied(),
                last_year: years.last().copied(),
                count: u32::try_from(published.holidays.len()).unwrap_or(u32::MAX),
            }
        })
        .collect();
    Ok(SettingsView {
        pack: pack.name.clone(),
        packs,
        due_soon_working_days: pack.settings.due_soon_working_days,
        counting: pack.settings.counting,
        icpc_anchor: pack.settings.icpc_anchor,
        me: s.me,
        rules,
        closures: s.closures.clone(),
        holidays,
    })
}

#[cfg(test)]
mod tests;
