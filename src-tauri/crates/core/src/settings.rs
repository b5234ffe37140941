//! The practitioner's settings: rule pack and local overrides, imported bank holidays, local
//! closure days, and who "I" am. Stored by the store; turned into a calendar and pack here.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agenda::AgendaTemplate;
use crate::calendar::WorkingDayCalendar;
use crate::caseload::CaseloadLimits;
use crate::error::RuleError;
use crate::holidays::{self, Division, PublishedHolidays};
use crate::ids::PersonId;
use crate::rules::{LocalOverrides, RulePack};

mod check;
pub mod edit;
pub use edit::{settings_view, SettingsChange, SettingsError, SettingsView};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Name of the shipped rule pack: england, wales, scotland or northern-ireland.
    pub pack: String,
    pub overrides: LocalOverrides,
    /// Bank holidays imported from a newer GOV.UK file, per division; replaces the shipped data.
    pub imported_holidays: BTreeMap<Division, PublishedHolidays>,
    /// Local closure days (e.g. a council's Christmas shutdown).
    pub closures: Vec<NaiveDate>,
    /// The practitioner using this machine ("who am I").
    pub me: Option<PersonId>,
    /// Locally edited agenda templates; kinds and variants not listed use the defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agendas: Vec<AgendaTemplate>,
    /// Caseload thresholds per role and a team manager's span.
    #[serde(default, skip_serializing_if = "is_default_limits")]
    pub caseloads: CaseloadLimits,
}

fn is_default_limits(l: &CaseloadLimits) -> bool {
    *l == CaseloadLimits::default()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            pack: "england".to_string(),
            overrides: LocalOverrides::default(),
            imported_holidays: BTreeMap::new(),
            closures: Vec::new(),
            me: None,
            agendas: Vec::new(),
            caseloads: CaseloadLimits::default(),
        }
    }
}

impl Settings {
    /// The rule pack in force: the named shipped pack with local overrides applied.
    pub fn pack(&self) -> Result<RulePack, RuleError> {
        RulePack::builtin(&self.pack)?.with_overrides(&self.overrides)
    }

    /// A named pack (for `--pack`), with this authority's overrides only if it is the pack in force.
    pub fn pack_named(&self, name: Option<&str>) -> Result<RulePack, RuleError> {
        match name {
            None => self.pack(),
            Some(n) if n == self.pack => self.pack(),
            Some(n) => RulePack::builtin(n),
        }
    }

    /// The working-day calendar for a division: imported data if any, else shipped data.
    pub fn calendar(&self, division: Division) -> WorkingDayCalendar {
        let published = self
            .imported_holidays
            .get(&division)
            .cloned()
            .unwrap_or_else(|| holidays::shipped(division));
        WorkingDayCalendar::new(division, &published, &self.closures)
    }

    /// Keep closures sorted and unique, so stored and exported settings are canonical.
    pub fn normalise(&mut self) {
        self.closures.sort();
        self.closures.dedup();
    }
}
