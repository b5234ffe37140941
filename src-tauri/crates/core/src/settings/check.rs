//! Checking whole settings that did not arrive one change at a time through
//! [`Settings::apply`] — an imported file or a backup being restored — with the same checks,
//! so an import refuses what the Settings screen and the CLI refuse, in the same sentences.

use super::{Settings, SettingsChange, SettingsError};
use crate::time::check_day;

impl Settings {
    /// Every setting as `apply` and the other editors would have let it be saved: a known
    /// pack and a due-soon horizon it allows, rule time limits in range, closure days and
    /// imported bank holidays in the years Convene handles, caseload thresholds without blank
    /// or repeated roles, and agenda templates with items.
    pub fn check(&self) -> Result<(), SettingsError> {
        let mut s = self.clone();
        s.normalise();
        s.pack()?;
        // Pack-wide settings and rule time limits are replayed through `apply` on a copy: the
        // same checks, not a second set of them.
        let mut replay = s.clone();
        if let Some(pack_settings) = s.overrides.settings {
            replay.apply(SettingsChange::Pack {
                pack: s.pack.clone(),
                due_soon_working_days: pack_settings.due_soon_working_days,
                counting: pack_settings.counting,
                icpc_anchor: pack_settings.icpc_anchor,
            })?;
        }
        let changed = s
            .overrides
            .changes
            .iter()
            .filter_map(|c| c.offset.map(|o| (c.id.clone(), o)));
        let added = s.overrides.added.iter().map(|r| (r.id.clone(), r.offset));
        for (rule, offset) in changed.chain(added) {
            replay.apply(SettingsChange::Rule {
                rule,
                offset: Some(offset),
                enabled: None,
            })?;
        }
        let mut closures = Settings {
            closures: Vec::new(),
            ..s.clone()
        };
        for &date in &s.closures {
            closures.apply(SettingsChange::AddClosure { date })?;
        }
        for holiday in s.imported_holidays.values().flat_map(|p| &p.holidays) {
            check_day("An imported bank holiday on", holiday.date)?;
        }
        s.caseloads.check()?;
        for template in &s.agendas {
            crate::agenda::clean_items(&template.items)?;
        }
        Ok(())
    }
}
