//! Caseloads: for each practitioner and team, the children allocated, their mix of child
//! protection, child-in-need and looked-after episodes, and the meetings this week; thresholds
//! per role (and a team manager's span: one advanced practitioner and up to six social workers
//! by default), with an alert for anyone over. A daily snapshot per practitioner, kept by the
//! store, gives caseloads over time.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dataset::Dataset;
use crate::error::ValidationError;
use crate::ids::*;
use crate::model::*;

/// The most children a practitioner in a role should hold. Roles match case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoleLimit {
    pub role: String,
    pub max_children: u32,
}

/// Caseload thresholds, stored in the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseloadLimits {
    pub roles: Vec<RoleLimit>,
    /// A team manager's span: advanced practitioners and social workers in the team.
    pub team_advanced_practitioners: u32,
    pub team_social_workers: u32,
}

impl Default for CaseloadLimits {
    fn default() -> Self {
        CaseloadLimits {
            roles: vec![
                RoleLimit {
                    role: "Social worker".into(),
                    max_children: 15,
                },
                RoleLimit {
                    role: "Advanced practitioner".into(),
                    max_children: 12,
                },
            ],
            team_advanced_practitioners: 1,
            team_social_workers: 6,
        }
    }
}

impl CaseloadLimits {
    pub fn for_role(&self, role: &str) -> Option<u32> {
        self.roles
            .iter()
            .find(|r| r.role.trim().eq_ignore_ascii_case(role.trim()))
            .map(|r| r.max_children)
    }

    pub fn check(&self) -> Result<(), ValidationError> {
        let mut seen = HashSet::new();
        for r in &self.roles {
            if r.role.trim().is_empty() {
                return Err(ValidationError::Empty {
                    field: "A caseload limit's role",
                });
            }
            if !seen.insert(r.role.trim().to_lowercase()) {
                return Err(ValidationError::Duplicate {
                    what: "caseload limit role",
                    id: r.role.clone(),
                });
            }
        }
        Ok(())
    }
}

/// One practitioner's caseload on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseloadRow {
    pub person: PersonId,
    pub name: String,
    pub role: String,
    pub team: Option<TeamId>,
    pub team_name: Option<String>,
    pub children: u32,
    pub cp: u32,
    pub cin: u32,
    pub lac: u32,
    /// Allocated children on none of those plans today (being assessed, or their plan ended):
    /// a child on two plans (child protection and looked after) counts in both, so the columns
    /// need not add up to `children`; this one says who is in none.
    pub no_plan: u32,
    pub meetings_this_week: u32,
    /// The threshold for the person's role, if there is one.
    pub limit: Option<u32>,
    pub over: bool,
}

/// A team's totals, and whether its manager's span is over the limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TeamCaseload {
    pub team: TeamId,
    pub name: String,
    pub manager: Option<String>,
    pub social_workers: u32,
    pub advanced_practitioners: u32,
    pub children: u32,
    pub cp: u32,
    pub cin: u32,
    pub lac: u32,
    pub no_plan: u32,
    /// Meetings this week with any of the team's members, each counted once.
    pub meetings_this_week: u32,
    pub over_span: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Caseloads {
    pub as_of: NaiveDate,
    /// Monday and Sunday of the week counted for "meetings this week".
    pub week: (NaiveDate, NaiveDate),
    pub people: Vec<CaseloadRow>,
    pub teams: Vec<TeamCaseload>,
    /// One sentence per person or team over a threshold.
    pub alerts: Vec<String>,
}

/// A practitioner's caseload as recorded on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseloadSnapshot {
    pub date: NaiveDate,
    pub person: PersonId,
    pub children: u32,
    pub cp: u32,
    pub cin: u32,
    pub lac: u32,
}

fn is_role(p: &Person, role: &str) -> bool {
    p.role.trim().eq_ignore_ascii_case(role)
}

/// Everyone's caseload on `as_of`: practitioners with children allocated, and everyone in a
/// children's social care team.
pub fn caseloads(ds: &Dataset, limits: &CaseloadLimits, as_of: NaiveDate) -> Caseloads {
    let monday = as_of - Duration::days(i64::from(as_of.weekday().num_days_from_monday()));
    let sunday = monday + Duration::days(6);
    let teams: HashMap<TeamId, &Team> = ds.teams.iter().map(|t| (t.id, t)).collect();
    let csc: HashSet<AgencyId> = ds
        .agencies
        .iter()
        .filter(|a| a.kind == AgencyKind::ChildrensSocialCare)
        .map(|a| a.id)
        .collect();

    let mut open: HashMap<ChildId, (bool, bool, bool)> = HashMap::new();
    for e in ds.episodes.iter().filter(|e| e.covers(as_of)) {
        let slot = open.entry(e.child).or_default();
        match e.kind.episode_type() {
            EpisodeType::ChildProtection => slot.0 = true,
            EpisodeType::ChildInNeed => slot.1 = true,
            EpisodeType::LookedAfter => slot.2 = true,
        }
    }
    let mut counts: HashMap<PersonId, [u32; 5]> = HashMap::new();
    for c in &ds.children {
        if let Some(sw) = c.social_worker {
            let (cp, cin, lac) = open.get(&c.id).copied().unwrap_or_default();
            let n = counts.entry(sw).or_default();
            n[0] += 1;
            n[1] += u32::from(cp);
            n[2] += u32::from(cin);
            n[3] += u32::from(lac);
            n[4] += u32::from(!(cp || cin || lac));
        }
    }
    let mut meetings: HashMap<PersonId, u32> = HashMap::new();
    // Each team's meetings this week, once each however many of its members are in one.
    let team_of: HashMap<PersonId, TeamId> = ds.people.iter().filter_map(|p| Some((p.id, p.team?))).collect();
    let mut team_meetings: HashMap<TeamId, HashSet<MeetingId>> = HashMap::new();
    for m in ds
        .meetings
        .iter()
        .filter(|m| !matches!(m.status, MeetingStatus::Cancelled { .. }) && m.date() >= monday && m.date() <= sunday)
    {
        let mut who: HashSet<PersonId> = m.invitees.iter().map(|i| i.person).collect();
        who.extend(m.chair);
        who.extend(m.minute_taker);
        for p in who {
            *meetings.entry(p).or_default() += 1;
            if let Some(t) = team_of.get(&p) {
                team_meetings.entry(*t).or_default().insert(m.id);
            }
        }
    }

    let mut people: Vec<CaseloadRow> = ds
        .people
        .iter()
        // Everyone holding cases, and every member of a children's social care team still working.
        .filter(|p| counts.contains_key(&p.id) || (csc.contains(&p.agency) && p.team.is_some() && p.works_on(as_of)))
        .map(|p| {
            let [children, cp, cin, lac, no_plan] = counts.get(&p.id).copied().unwrap_or_default();
            let limit = limits.for_role(&p.role);
            CaseloadRow {
                person: p.id,
                name: p.name.clone(),
                role: p.role.clone(),
                team: p.team,
                team_name: p.team.and_then(|t| teams.get(&t)).map(|t| t.name.clone()),
                children,
                cp,
                cin,
                lac,
                no_plan,
                meetings_this_week: meetings.get(&p.id).copied().unwrap_or(0),
                limit,
                over: limit.is_some_and(|l| children > l),
            }
        })
        .collect();
    people.sort_by(|a, b| (&a.team_name, &a.name).cmp(&(&b.team_name, &b.name)));

    let names: HashMap<PersonId, &Person> = ds.people.iter().map(|p| (p.id, p)).collect();
    let mut by_team: BTreeMap<(String, TeamId), TeamCaseload> = BTreeMap::new();
    for t in &ds.teams {
        by_team.insert(
            (t.name.clone(), t.id),
            TeamCaseload {
                team: t.id,
                name: t.name.clone(),
                manager: t.manager.and_then(|m| names.get(&m)).map(|p| p.name.clone()),
                social_workers: 0,
                advanced_practitioners: 0,
                children: 0,
                cp: 0,
                cin: 0,
                lac: 0,
                no_plan: 0,
                meetings_this_week: 0,
                over_span: false,
            },
        );
    }
    for row in &people {
        let Some(t) = row.team.and_then(|t| teams.get(&t)) else {
            continue;
        };
        let Some(total) = by_team.get_mut(&(t.name.clone(), t.id)) else {
            continue;
        };
        if let Some(p) = names.get(&row.person) {
            total.social_workers += u32::from(is_role(p, "Social worker"));
            total.advanced_practitioners += u32::from(is_role(p, "Advanced practitioner"));
        }
        total.children += row.children;
        total.cp += row.cp;
        total.cin += row.cin;
        total.lac += row.lac;
        total.no_plan += row.no_plan;
    }
    for total in by_team.values_mut() {
        total.meetings_this_week = team_meetings.get(&total.team).map_or(0, |ms| ms.len() as u32);
    }
    let mut teams_out: Vec<TeamCaseload> = by_team.into_values().collect();
    for t in &mut teams_out {
        t.over_span = t.social_workers > limits.team_social_workers
            || t.advanced_practitioners > limits.team_advanced_practitioners;
    }

    let mut alerts: Vec<String> = people
        .iter()
        .filter(|r| r.over)
        .map(|r| {
            format!(
                "{} ({}) holds {} children; the caseload limit for the role is {}.",
                r.name,
                r.role,
                r.children,
                r.limit.unwrap_or(0)
            )
        })
        .collect();
    let count = |n: u32, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    // Only what is over its limit: "0 advanced practitioners (limit 1)" beside it would read as a
    // second breach.
    alerts.extend(teams_out.iter().filter(|t| t.over_span).map(|t| {
        let over: Vec<String> = [
            (t.social_workers, limits.team_social_workers, "social worker"),
            (
                t.advanced_practitioners,
                limits.team_advanced_practitioners,
                "advanced practitioner",
            ),
        ]
        .into_iter()
        .filter(|(n, limit, _)| n > limit)
        .map(|(n, limit, one)| format!("{} (limit {limit})", count(n, one)))
        .collect();
        format!("{}'s manager oversees {}.", t.name, over.join(" and "))
    }));
    Caseloads {
        as_of,
        week: (monday, sunday),
        people,
        teams: teams_out,
        alerts,
    }
}

/// The day's snapshot rows for the store to keep.
pub fn snapshot(c: &Caseloads) -> Vec<CaseloadSnapshot> {
    c.people
        .iter()
        .map(|r| CaseloadSnapshot {
            date: c.as_of,
            person: r.person,
            children: r.children,
            cp: r.cp,
            cin: r.cin,
            lac: r.lac,
        })
        .collect()
}

#[cfg(test)]
mod tests;
