//! Entering and correcting records as the app and the CLI do: a child, their birth and details,
//! brothers and sisters, their network, episodes and events, a new person and one leaving. Each draft or
//! change is checked here, once, for both; the store checks the rest as for any record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::episode_label;
use crate::ids::*;
use crate::model::*;

mod birth;
mod leaving;
pub use birth::{after_birth, record_birth};
use birth::{birth, born_on};
pub use leaving::*;

/// A pre-birth conference still booked for a child now born: to cancel, and an initial child
/// protection conference to book in its place (`after_birth`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AfterBirth {
    pub meeting: MeetingId,
    pub sentence: String,
}

/// A child in need plan or a period of being looked after, started as the app and the CLI enter
/// it (a child protection plan starts at a conference, from its outcome): the start as
/// YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EpisodeDraft {
    pub child: ChildId,
    pub kind: EpisodeType,
    pub start: String,
}

fn day_not_after(text: &str, today: NaiveDate) -> Result<NaiveDate, crate::error::ValidationError> {
    let date = crate::time::parse_date(text)?;
    if date > today {
        return Err(crate::error::ValidationError::EventInFuture {
            date: date.format("%d/%m/%Y").to_string(),
        });
    }
    Ok(date)
}

impl EpisodeDraft {
    /// The episode to save, with a new id. Refused when the start is not a date or is after
    /// `today`, for a child protection plan, and when the child (`existing`: their episodes)
    /// already has one of this kind open on that day or starting later.
    pub fn to_episode(&self, existing: &[Episode], today: NaiveDate) -> Result<Episode, crate::error::ValidationError> {
        let kind = match self.kind {
            EpisodeType::ChildInNeed => EpisodeKind::ChildInNeed,
            EpisodeType::LookedAfter => EpisodeKind::LookedAfter,
            EpisodeType::ChildProtection => return Err(crate::error::ValidationError::PlanStartsAtConference),
        };
        let start = day_not_after(&self.start, today)?;
        let ukd = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let mine = |t: EpisodeType| {
            existing
                .iter()
                .filter(move |e| e.child == self.child && e.kind.episode_type() == t)
                .find(|e| e.end.is_none_or(|end| end >= start))
        };
        if let Some(other) = mine(self.kind) {
            return Err(match other.end {
                None => crate::error::ValidationError::EpisodeAlreadyOpen {
                    what: episode_label(&kind),
                    since: ukd(other.start),
                },
                Some(end) => crate::error::ValidationError::EpisodeOverlaps {
                    what: episode_label(&kind),
                    start: ukd(other.start),
                    end: ukd(end),
                },
            });
        }
        // A child in need plan follows a child protection plan when a review steps it down
        // (the conference's outcome starts it); the two do not run side by side.
        if self.kind == EpisodeType::ChildInNeed {
            if let Some(plan) = mine(EpisodeType::ChildProtection) {
                return Err(crate::error::ValidationError::ChildInNeedDuringPlan { since: ukd(plan.start) });
            }
        }
        Ok(Episode {
            id: EpisodeId::new_random(),
            child: self.child,
            kind,
            start,
            end: None,
        })
    }
}

/// Whether `episode` may be removed as recorded by mistake: a child in need plan or a period of
/// being looked after (a child protection plan is a conference's decision, kept with it).
pub fn removable_episode(episode: &Episode) -> Result<(), crate::error::ValidationError> {
    match episode.kind.episode_type() {
        EpisodeType::ChildProtection => Err(crate::error::ValidationError::PlanStartsAtConference),
        _ => Ok(()),
    }
}

/// Whether `person` (of `agency`) can be allocated children: a member of a children's social
/// care team (not a chair, reviewing officer or minute-taker, who belong to no team, nor anyone
/// of another agency).
pub fn check_allocation(person: &Person, agency: Option<&Agency>) -> Result<(), crate::error::ValidationError> {
    check_staying(person)?;
    if agency.is_some_and(|a| a.kind == AgencyKind::ChildrensSocialCare) && person.team.is_some() {
        Ok(())
    } else {
        Err(crate::error::ValidationError::NotASocialWorker {
            name: person.name.clone(),
        })
    }
}

/// `episode` ended on `end` (YYYY-MM-DD): refused for a child protection plan (a conference ends
/// it), an episode already ended, an end that is not a date, after `today` or before the start.
pub fn end_episode(episode: &Episode, end: &str, today: NaiveDate) -> Result<Episode, crate::error::ValidationError> {
    if episode.kind.episode_type() == EpisodeType::ChildProtection {
        return Err(crate::error::ValidationError::PlanStartsAtConference);
    }
    if let Some(ended) = episode.end {
        return Err(crate::error::ValidationError::EpisodeAlreadyEnded {
            end: ended.format("%d/%m/%Y").to_string(),
        });
    }
    let end = day_not_after(end, today)?;
    if end < episode.start {
        return Err(crate::error::ValidationError::EpisodeEndsBeforeStart {
            start: episode.start,
            end,
        });
    }
    Ok(Episode {
        end: Some(end),
        ..episode.clone()
    })
}

/// A role as the record offers it, with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NetworkRoleView {
    pub role: NetworkRole,
    pub title: String,
}

pub fn network_roles() -> Vec<NetworkRoleView> {
    NetworkRole::ALL
        .iter()
        .map(|&role| NetworkRoleView {
            role,
            title: role.label().to_string(),
        })
        .collect()
}

/// Whether `role` fits someone who is family (`family`: of a family agency) or not: a child's
/// parent or carer is family, a GP, school or police officer is not (the meetings each role is
/// invited to depend on it: family are not invited to a strategy discussion); a foster carer,
/// advocate or other may be either.
pub fn role_fits(role: NetworkRole, family: bool) -> bool {
    match role {
        NetworkRole::Parent | NetworkRole::Carer => family,
        NetworkRole::FosterCarer | NetworkRole::Advocate | NetworkRole::Other => true,
        _ => !family,
    }
}

/// `child` with `person` (of `agency`: a family's, or not) added to their network as
/// `role`: who the meetings about them invite by default, where the role is invited. Refused when
/// they are there in that role already, or the role does not fit them (`role_fits`).
pub fn link_person(
    child: &Child,
    person: &Person,
    agency: Option<&Agency>,
    role: NetworkRole,
) -> Result<Child, crate::error::ValidationError> {
    let family = agency.is_some_and(|a| a.kind == AgencyKind::Family);
    let name = person.name.as_str();
    if !role_fits(role, family) {
        return Err(crate::error::ValidationError::RoleDoesNotFit {
            name: name.to_string(),
            which: if family { "family" } else { "not family" },
            why: if family {
                "in a child's network, family are a parent or carer (or a foster carer, advocate or other)."
            } else {
                "only family are a child's parent or carer in the network."
            },
        });
    }
    let person = person.id;
    let link = NetworkLink { person, role };
    if child.network.contains(&link) {
        return Err(crate::error::ValidationError::AlreadyLinked {
            name: name.to_string(),
            role: role.in_sentence(),
        });
    }
    let mut c = child.clone();
    c.network.push(link);
    Ok(c)
}

/// `child` without `person` as `role` in their network. Refused when they are not
/// there in that role.
pub fn unlink_person(
    child: &Child,
    person: &Person,
    role: NetworkRole,
) -> Result<Child, crate::error::ValidationError> {
    let name = person.name.as_str();
    let person = person.id;
    let link = NetworkLink { person, role };
    if !child.network.contains(&link) {
        return Err(crate::error::ValidationError::NotLinked {
            name: name.to_string(),
            role: role.in_sentence(),
        });
    }
    let mut c = child.clone();
    c.network.retain(|l| *l != link);
    Ok(c)
}

/// Two children recorded as brother and sister (`linked`), each on the other's record, or no
/// longer. Refused for a child and themself, and for a link already there (or not there).
pub fn change_siblings(a: &Child, b: &Child, linked: bool) -> Result<(Child, Child), crate::error::ValidationError> {
    if a.id == b.id {
        return Err(crate::error::ValidationError::OwnSibling);
    }
    // A link on one record only (an import) is mended on both, either way.
    let both = a.siblings.contains(&b.id) && b.siblings.contains(&a.id);
    let either = a.siblings.contains(&b.id) || b.siblings.contains(&a.id);
    let names = || (a.display_name(), b.display_name());
    if linked && both {
        let (a, b) = names();
        return Err(crate::error::ValidationError::AlreadySiblings { a, b });
    }
    if !linked && !either {
        let (a, b) = names();
        return Err(crate::error::ValidationError::NotSiblings { a, b });
    }
    let set = |c: &Child, other: ChildId| {
        let mut c = c.clone();
        c.siblings.retain(|s| *s != other);
        if linked {
            c.siblings.push(other);
        }
        c
    };
    Ok((set(a, b.id), set(b, a.id)))
}

/// A new person as the app and the CLI enter them: a professional, or a member of a child's
/// family (a person of a family agency: no working hours).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonDraft {
    pub name: String,
    /// Job title or relationship: "Designated safeguarding lead", "Mother".
    pub role: String,
    pub agency: AgencyId,
    pub team: Option<TeamId>,
    pub email: Option<String>,
}

impl PersonDraft {
    /// The person to save, with a new id and the text trimmed (an empty email is none), in
    /// `agency` (the draft's) and `team` (the draft's, if any). A professional works Monday to
    /// Friday, 09:00 to 17:00 until their pattern is changed; family (of a family agency) have no
    /// working hours and no team. Refused when the team is another agency's. The store checks
    /// the rest (the name not empty, the agency and team exist).
    pub fn to_person(&self, agency: &Agency, team: Option<&Team>) -> Result<Person, crate::error::ValidationError> {
        let family = agency.kind == AgencyKind::Family;
        if let Some(t) = team.filter(|_| !family) {
            if t.agency != agency.id {
                return Err(crate::error::ValidationError::TeamOfAnotherAgency {
                    team: t.name.clone(),
                    agency: agency.name.clone(),
                });
            }
        }
        Ok(Person {
            id: PersonId::new_random(),
            name: self.name.trim().to_string(),
            role: self.role.trim().to_string(),
            agency: self.agency,
            team: if family { None } else { self.team },
            email: self
                .email
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_string),
            working_pattern: if family {
                WorkingPattern { days: vec![] }
            } else {
                WorkingPattern::full_time()
            },
            last_day: None,
        })
    }

    /// What correcting `person`'s details starts from: them as they are.
    pub fn of(person: &Person) -> PersonDraft {
        PersonDraft {
            name: person.name.clone(),
            role: person.role.clone(),
            agency: person.agency,
            team: person.team,
            email: person.email.clone(),
        }
    }

    /// `person` with these details (trimmed and checked as a new person's are), keeping their id,
    /// working pattern and any last working day. `was` is their agency as it is; `allocated` how many children have
    /// them as their social worker; `manages` the teams they manage. Also refused when it would
    /// move them between a family agency and a professional one (family have no working hours and
    /// take part as family: they are added as a new person), when it would leave allocated
    /// children with a worker who does not hold cases (`check_allocation`), and when it would take
    /// them out of the agency of a team they manage.
    pub fn change(
        &self,
        person: &Person,
        was: &Agency,
        agency: &Agency,
        team: Option<&Team>,
        allocated: usize,
        manages: &[Team],
    ) -> Result<Person, crate::error::ValidationError> {
        let family = |a: &Agency| a.kind == AgencyKind::Family;
        if family(was) != family(agency) {
            let (from, to) = if family(was) {
                ("a member of a child's family", "a professional")
            } else {
                ("a professional", "a member of a child's family")
            };
            return Err(crate::error::ValidationError::FamilyOrProfessional {
                name: person.name.clone(),
                from,
                to,
            });
        }
        let changed = Person {
            id: person.id,
            working_pattern: person.working_pattern.clone(),
            last_day: person.last_day,
            ..self.to_person(agency, team)?
        };
        if allocated > 0 && check_allocation(&changed, Some(agency)).is_err() {
            return Err(crate::error::ValidationError::StillAllocated {
                name: person.name.clone(),
                children: if allocated == 1 {
                    "1 child".to_string()
                } else {
                    format!("{allocated} children")
                },
            });
        }
        // A team is managed from inside its agency (`TeamDraft::apply`).
        if let Some(t) = manages.iter().find(|t| t.agency != agency.id) {
            return Err(crate::error::ValidationError::StillManages {
                name: person.name.clone(),
                team: t.name.clone(),
            });
        }
        Ok(changed)
    }
}

/// A child's details corrected: names, how the name is shown, case id, and the date of birth (or,
/// not yet born, the expected date of delivery), as the app and CLI enter them. Whether the child
/// is born changes only by recording the birth (`record_birth`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChildEdit {
    pub given_name: String,
    pub family_name: String,
    pub initials: bool,
    pub case_id: String,
    /// The date of birth, or for an unborn child the expected date of delivery (YYYY-MM-DD).
    pub date: String,
}

impl ChildEdit {
    /// What the edit starts from: `child` as it is.
    pub fn of(child: &Child) -> ChildEdit {
        ChildEdit {
            given_name: child.given_name.clone(),
            family_name: child.family_name.clone(),
            initials: child.name_display == NameDisplay::Initials,
            case_id: child.case_id.clone(),
            date: match child.birth {
                Birth::Born { date_of_birth, .. } => date_of_birth,
                Birth::Unborn { expected_delivery } => expected_delivery,
            }
            .to_string(),
        }
    }

    /// `child` with these details, checked as a new child's are (a date of birth not after
    /// `today`, an expected date within the usual weeks); everything else is kept.
    pub fn apply(&self, child: &Child, today: NaiveDate) -> Result<Child, crate::error::ValidationError> {
        // A date left as it was is not checked again: an expected date long past must not stop
        // the case id being corrected.
        let birth = match (self.date.trim() == ChildEdit::of(child).date, child.birth) {
            (true, same) => same,
            // A date of birth corrected for a baby known before the birth: the expected date
            // stays, and the new date is checked against it as the birth was.
            (
                false,
                Birth::Born {
                    expected_delivery: Some(expected),
                    ..
                },
            ) => {
                let date_of_birth = born_on(&self.date, expected, today, "after today")?;
                Birth::Born {
                    date_of_birth,
                    expected_delivery: Some(expected),
                }
            }
            (false, was) => birth(was.is_unborn(), &self.date, today)?,
        };
        Ok(Child {
            given_name: self.given_name.trim().to_string(),
            family_name: self.family_name.trim().to_string(),
            name_display: name_display(self.initials),
            case_id: self.case_id.trim().to_string(),
            birth,
            ..child.clone()
        })
    }
}

/// How a child is shown: by initials ("A.H.") when asked for, else by full name.
fn name_display(initials: bool) -> NameDisplay {
    if initials {
        NameDisplay::Initials
    } else {
        NameDisplay::FullName
    }
}

/// A new child as the app and the CLI enter them: born (`date` is the date of birth) or unborn
/// (`date` is the expected date of delivery), dates as YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChildDraft {
    pub given_name: String,
    pub family_name: String,
    /// Show the child by initials ("A.H.") rather than full name.
    pub initials: bool,
    pub unborn: bool,
    pub date: String,
    pub case_id: String,
    pub social_worker: Option<PersonId>,
}

impl ChildDraft {
    /// The child to save, with a new id and the names and case id trimmed. Refused when the date
    /// is not one, or a date of birth is after `today` (an unborn child has an expected date of
    /// delivery instead). The store checks the rest (names not empty, lengths, the social worker
    /// exists) as for any record.
    pub fn to_child(&self, today: NaiveDate) -> Result<Child, crate::error::ValidationError> {
        let birth = birth(self.unborn, &self.date, today)?;
        Ok(Child {
            id: ChildId::new_random(),
            given_name: self.given_name.trim().to_string(),
            family_name: self.family_name.trim().to_string(),
            name_display: name_display(self.initials),
            birth,
            case_id: self.case_id.trim().to_string(),
            siblings: vec![],
            social_worker: self.social_worker,
            network: vec![],
        })
    }
}

/// Something that has happened to a child (a visit, reports shared, a decision letter sent),
/// as the app and the CLI enter it: the date as YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventDraft {
    pub child: ChildId,
    pub kind: EventKind,
    pub date: String,
    pub note: String,
}

impl EventDraft {
    /// The event to save, with a new id and its note trimmed. Refused when the date is not one,
    /// or is after `today`: an event records what has happened, and a deadline it meets must
    /// not read "met" before it is. The store checks the rest (the child exists, the note's
    /// length) as for any record.
    pub fn to_event(&self, today: NaiveDate) -> Result<Event, crate::error::ValidationError> {
        if self.kind == EventKind::BecameLookedAfter {
            return Err(crate::error::ValidationError::LookedAfterIsAnEpisode);
        }
        let date = day_not_after(&self.date, today)?;
        Ok(Event {
            id: EventId::new_random(),
            child: self.child,
            kind: self.kind,
            date,
            note: self.note.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests;
