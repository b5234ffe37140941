//! The directory's agencies and teams as Settings lists and edits them, and as the CLI adds and
//! corrects them: a new authority's first step, before anyone can be added to the directory.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ValidationError;
use crate::ids::*;
use crate::model::*;

/// An agency as entered: a new one, or a correction of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgencyDraft {
    pub name: String,
    pub kind: AgencyKind,
}

impl AgencyDraft {
    /// What a correction starts from: `agency` as it is.
    pub fn of(agency: &Agency) -> AgencyDraft {
        AgencyDraft {
            name: agency.name.clone(),
            kind: agency.kind,
        }
    }

    /// A new agency (`was` none), or `was` with this name and kind; the name trimmed. Refused
    /// when another of `agencies` has the name already (whatever its case); when the kind would
    /// change while `people` are in it (a family member has no working hours or team; a social
    /// worker holding cases must be in children's social care); and when it would become a
    /// family's while it has `teams`. The store checks the rest.
    pub fn apply(
        &self,
        was: Option<&Agency>,
        agencies: &[Agency],
        people: usize,
        teams: usize,
    ) -> Result<Agency, ValidationError> {
        let name = self.name.trim().to_string();
        let id = was.map_or_else(AgencyId::new_random, |a| a.id);
        if let Some(other) = agencies
            .iter()
            .find(|a| a.id != id && a.name.trim().eq_ignore_ascii_case(&name))
        {
            return Err(ValidationError::NameTaken {
                what: "an agency",
                name: other.name.clone(),
            });
        }
        if let Some(was) = was.filter(|a| a.kind != self.kind && people > 0) {
            return Err(ValidationError::AgencyKindFixed { name: was.name.clone() });
        }
        if self.kind == AgencyKind::Family && teams > 0 {
            return Err(ValidationError::FamilyHasNoTeams);
        }
        Ok(Agency {
            id,
            name,
            kind: self.kind,
        })
    }
}

/// A team as entered: a new one, or a correction of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamDraft {
    pub name: String,
    pub agency: AgencyId,
    pub manager: Option<PersonId>,
}

impl TeamDraft {
    /// What a correction starts from: `team` as it is.
    pub fn of(team: &Team) -> TeamDraft {
        TeamDraft {
            name: team.name.clone(),
            agency: team.agency,
            manager: team.manager,
        }
    }

    /// A new team (`was` none), or `was` with this name, agency and manager; the name trimmed.
    /// `agency` and `manager` are the draft's, read by the caller; `teams` every team; `members`
    /// how many people are in `was`. Refused for a family agency (family have no teams); for a
    /// name another team of the same agency has; for a move to another agency while people are
    /// in the team (their team must be their agency's); and for a manager of another agency or
    /// one with a last working day recorded (`check_staying`).
    pub fn apply(
        &self,
        was: Option<&Team>,
        agency: &Agency,
        manager: Option<&Person>,
        teams: &[Team],
        members: usize,
    ) -> Result<Team, ValidationError> {
        if agency.kind == AgencyKind::Family {
            return Err(ValidationError::FamilyHasNoTeams);
        }
        let name = self.name.trim().to_string();
        let id = was.map_or_else(TeamId::new_random, |t| t.id);
        if let Some(other) = teams
            .iter()
            .find(|t| t.id != id && t.agency == agency.id && t.name.trim().eq_ignore_ascii_case(&name))
        {
            return Err(ValidationError::NameTaken {
                what: "a team",
                name: format!("{} in {}", other.name, agency.name),
            });
        }
        if let Some(was) = was.filter(|t| t.agency != agency.id && members > 0) {
            return Err(ValidationError::TeamAgencyFixed { name: was.name.clone() });
        }
        if let Some(m) = manager {
            crate::views::check_staying(m)?;
        }
        if let Some(m) = manager.filter(|m| m.agency != agency.id) {
            return Err(ValidationError::ManagerOfAnotherAgency {
                name: m.name.clone(),
                agency: agency.name.clone(),
            });
        }
        Ok(Team {
            id,
            name,
            agency: agency.id,
            manager: manager.map(|m| m.id),
        })
    }
}

/// One agency as Settings lists it: how many people are in it, and its teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgencyView {
    pub agency: Agency,
    pub people: u32,
    pub teams: Vec<TeamView>,
}

/// One team as Settings lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamView {
    pub team: Team,
    pub manager: Option<String>,
    pub members: u32,
}

/// The agencies by name (family last), each with its teams by name.
pub fn directory(agencies: &[Agency], teams: &[Team], people: &[Person]) -> Vec<AgencyView> {
    let count = |f: &dyn Fn(&Person) -> bool| people.iter().filter(|p| f(p)).count() as u32;
    let mut out: Vec<AgencyView> = agencies
        .iter()
        .map(|a| {
            let mut own: Vec<TeamView> = teams
                .iter()
                .filter(|t| t.agency == a.id)
                .map(|t| TeamView {
                    team: t.clone(),
                    manager: t
                        .manager
                        .and_then(|m| people.iter().find(|p| p.id == m))
                        .map(|p| p.name.clone()),
                    members: count(&|p| p.team == Some(t.id)),
                })
                .collect();
            own.sort_by(|x, y| x.team.name.cmp(&y.team.name));
            AgencyView {
                agency: a.clone(),
                people: count(&|p| p.agency == a.id),
                teams: own,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        (x.agency.kind == AgencyKind::Family, &x.agency.name)
            .cmp(&(y.agency.kind == AgencyKind::Family, &y.agency.name))
    });
    out
}

#[cfg(test)]
mod tests;
