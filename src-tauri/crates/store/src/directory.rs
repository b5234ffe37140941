//! The directory: people added and corrected, and the agencies and teams they belong to. Each
//! reads what its check needs (the agency, team, allocations, members), lets the core decide
//! (`views::PersonDraft`, `AgencyDraft`, `TeamDraft`) and writes, for the app and the CLI alike.

use convene_core::views::{AgencyDraft, PersonDraft, TeamDraft};
use convene_core::*;

use crate::error::Result;
use crate::Store;

impl Store {
    /// The agency and team a person's draft names, each required to exist.
    fn agency_and_team(&self, draft: &PersonDraft) -> Result<(Agency, Option<Team>)> {
        let agency: Agency = self.require(draft.agency.as_bytes())?;
        let team: Option<Team> = match draft.team {
            Some(t) => Some(self.require(t.as_bytes())?),
            None => None,
        };
        Ok((agency, team))
    }

    /// What `id` holds that someone must: how many children are allocated to them, and the teams
    /// they manage.
    fn holds(&self, id: PersonId) -> Result<(usize, Vec<Team>)> {
        let allocated = self
            .all::<Child>()?
            .iter()
            .filter(|c| c.social_worker == Some(id))
            .count();
        let manages = self
            .all::<Team>()?
            .into_iter()
            .filter(|t| t.manager == Some(id))
            .collect();
        Ok((allocated, manages))
    }

    /// Add a person to the directory (`PersonDraft::to_person`); returns them as saved.
    pub fn add_person(&self, draft: &PersonDraft) -> Result<Person> {
        let (agency, team) = self.agency_and_team(draft)?;
        let person = draft.to_person(&agency, team.as_ref())?;
        self.put(&person)?;
        Ok(person)
    }

    /// Correct a person's name, role, agency, team or email (`PersonDraft::change`: refused
    /// while children allocated to them would be left with a worker who does not hold cases, or
    /// a team they manage with a manager of another agency); returns them as saved.
    pub fn change_person(&self, id: PersonId, draft: &PersonDraft) -> Result<Person> {
        let person: Person = self.require(id.as_bytes())?;
        let was: Agency = self.require(person.agency.as_bytes())?;
        let (agency, team) = self.agency_and_team(draft)?;
        let (allocated, manages) = self.holds(id)?;
        let changed = draft.change(&person, &was, &agency, team.as_ref(), allocated, &manages)?;
        self.put(&changed)?;
        Ok(changed)
    }

    /// Record that a person is leaving, `last_day` (YYYY-MM-DD) their last working day, or with
    /// `None` that they work here again (`views::record_leaving`: refused while children are
    /// allocated to them, they manage a team, or they are part of a meeting after that day);
    /// returns them as saved.
    pub fn record_leaving(&self, id: PersonId, last_day: Option<&str>, today: chrono::NaiveDate) -> Result<Person> {
        let person: Person = self.require(id.as_bytes())?;
        let agency: Agency = self.require(person.agency.as_bytes())?;
        let (allocated, manages) = self.holds(id)?;
        let meetings = self.meetings_of_person(id)?;
        let changed =
            convene_core::views::record_leaving(&person, &agency, last_day, today, allocated, &manages, &meetings)?;
        self.put(&changed)?;
        Ok(changed)
    }

    /// Add an agency (`id` none) or correct one (`AgencyDraft::apply`: a name no other agency
    /// has, a kind that changes only while no one is in it, and not to a family's while it has
    /// teams); returns it as saved.
    pub fn save_agency(&self, id: Option<AgencyId>, draft: &AgencyDraft) -> Result<Agency> {
        let was: Option<Agency> = id.map(|id| self.require(id.as_bytes())).transpose()?;
        let (people, teams) = match id {
            Some(id) => (
                self.all::<Person>()?.iter().filter(|p| p.agency == id).count(),
                self.all::<Team>()?.iter().filter(|t| t.agency == id).count(),
            ),
            None => (0, 0),
        };
        let agency = draft.apply(was.as_ref(), &self.all::<Agency>()?, people, teams)?;
        self.put(&agency)?;
        Ok(agency)
    }

    /// Add a team (`id` none) or correct one (`TeamDraft::apply`: a professional agency's, a
    /// name no other team of it has, moved only while no one is in it, managed from inside its
    /// agency); returns it as saved.
    pub fn save_team(&self, id: Option<TeamId>, draft: &TeamDraft) -> Result<Team> {
        let was: Option<Team> = id.map(|id| self.require(id.as_bytes())).transpose()?;
        let agency: Agency = self.require(draft.agency.as_bytes())?;
        let manager: Option<Person> = draft.manager.map(|m| self.require(m.as_bytes())).transpose()?;
        let members = match id {
            Some(id) => self.all::<Person>()?.iter().filter(|p| p.team == Some(id)).count(),
            None => 0,
        };
        let team = draft.apply(was.as_ref(), &agency, manager.as_ref(), &self.all::<Team>()?, members)?;
        self.put(&team)?;
        Ok(team)
    }
}
