//! The outcome form: who was invited, the decisions a meeting takes and the plan's categories,
//! with the outcome already recorded or why it cannot be yet.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Decision, MeetingOutcome, OutcomeError};
use crate::dataset::Dataset;
use crate::ids::*;
use crate::model::*;

/// One invitee as the outcome form shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormInvitee {
    pub person: PersonId,
    pub name: String,
    pub role: String,
    pub agency: String,
    pub required: bool,
    pub attendance: Attendance,
    pub report_received: bool,
    /// Family: from a family agency, or a parent or carer of one of the meeting's children.
    pub family: bool,
    /// The kind of their agency (police, health, …), when it is known.
    pub agency_kind: Option<AgencyKind>,
}

/// Which decisions a meeting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionKind {
    /// Not a conference: attendance only.
    None,
    /// An initial (or pre-birth) conference: plan, no plan, or no plan with a CIN plan.
    Initial,
    /// A review conference: the plan continues, steps down to CIN, or ends.
    Review,
}

impl DecisionKind {
    /// Which decisions a meeting of `kind` takes.
    pub fn of(kind: MeetingKind) -> Self {
        match kind {
            MeetingKind::Icpc | MeetingKind::PreBirthConference => DecisionKind::Initial,
            MeetingKind::ReviewConference => DecisionKind::Review,
            _ => DecisionKind::None,
        }
    }

    /// Whether this kind of meeting can record `decision`.
    pub fn allows(self, decision: Decision) -> bool {
        matches!(
            (self, decision),
            (DecisionKind::Initial, Decision::Plan { .. } | Decision::NoPlan { .. })
                | (
                    DecisionKind::Review,
                    Decision::Plan { .. } | Decision::StepDown | Decision::EndPlan
                )
        )
    }

    /// The decisions offered, in the form's order, a plan with `category` until the user
    /// chooses another.
    pub fn choices(self, category: CpCategory) -> Vec<DecisionChoice> {
        let choice = |id: &str, label: &str, decision| DecisionChoice {
            id: id.to_string(),
            label: label.to_string(),
            decision,
        };
        match self {
            DecisionKind::None => Vec::new(),
            DecisionKind::Initial => vec![
                choice("plan", "A child protection plan", Decision::Plan { category }),
                choice(
                    "no-plan",
                    "No child protection plan",
                    Decision::NoPlan { cin_plan: false },
                ),
                choice(
                    "no-plan-cin",
                    "No child protection plan; a child-in-need plan instead",
                    Decision::NoPlan { cin_plan: true },
                ),
            ],
            DecisionKind::Review => vec![
                choice("plan", "The plan continues", Decision::Plan { category }),
                choice(
                    "step-down",
                    "The plan ends; step down to a child-in-need plan",
                    Decision::StepDown,
                ),
                choice("end-plan", "The plan ends", Decision::EndPlan),
            ],
        }
    }
}

/// One decision the outcome form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DecisionChoice {
    /// The form's name for it: "plan", "no-plan", "no-plan-cin", "step-down" or "end-plan".
    pub id: String,
    pub label: String,
    /// What is recorded. A plan's category is the one the form starts on, and changes with the
    /// user's choice of category.
    pub decision: Decision,
}

/// A child protection plan's category as the outcome form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategoryChoice {
    pub category: CpCategory,
    pub label: String,
}

/// Everything the outcome form needs about a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutcomeForm {
    pub meeting: MeetingId,
    pub kind: MeetingKind,
    pub kind_title: String,
    /// "Tuesday 12 May 2026, 10:00–11:30".
    pub when: String,
    pub children: Vec<String>,
    /// Who chairs it, with their role: "Priya Natarajan (Independent chair)".
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    pub invitees: Vec<FormInvitee>,
    /// The decisions the meeting can record (none for a meeting that is not a conference).
    pub choices: Vec<DecisionChoice>,
    /// A plan's categories, when a plan is among the choices.
    pub categories: Vec<CategoryChoice>,
    /// The category of the plan the children are on, which a review starts from; none before a
    /// plan (the form then asks for one).
    pub plan_category: Option<CpCategory>,
    /// Why the outcome cannot be recorded now (not yet held, cancelled), if so.
    pub blocked: Option<String>,
    /// The outcome already recorded, for a held meeting.
    pub recorded: Option<MeetingOutcome>,
    pub recorded_summary: Option<String>,
}

/// The outcome form for a meeting as of `today`.
pub fn form(ds: &Dataset, meeting: MeetingId, today: NaiveDate) -> Result<OutcomeForm, OutcomeError> {
    let m = ds
        .meetings
        .iter()
        .find(|x| x.id == meeting)
        .ok_or(OutcomeError::UnknownMeeting(meeting))?;
    let names = crate::queries::Names::new(ds);
    // A review starts on the category of the plan it reviews; an initial conference on none, so
    // that a plan is never recorded in a category nobody chose.
    let plan_category = ds
        .episodes
        .iter()
        .filter(|e| m.children.contains(&e.child) && e.covers(m.date()))
        .find_map(|e| match e.kind {
            EpisodeKind::ChildProtection { category } => Some(category),
            _ => None,
        });
    let category = plan_category.unwrap_or(CpCategory::Neglect);
    let blocked = match &m.status {
        MeetingStatus::Cancelled { .. } => Some(OutcomeError::Cancelled.to_string()),
        MeetingStatus::Held => None,
        MeetingStatus::Planned if m.date() > today => {
            Some(OutcomeError::NotYetHeld { date: m.date(), today }.to_string())
        }
        MeetingStatus::Planned => None,
    };
    Ok(OutcomeForm {
        meeting,
        kind: m.kind,
        kind_title: m.kind.title().to_string(),
        when: crate::agenda::when_text(m.start, m.end),
        children: names.meeting_children(&m.children),
        chair: m.chair.map(|p| names.person_with_role(p)),
        minute_taker: m.minute_taker.map(|p| names.person_name(p)),
        invitees: m
            .invitees
            .iter()
            .map(|i| {
                let p = names.person(i.person);
                let agency = p.and_then(|p| ds.agencies.iter().find(|a| a.id == p.agency));
                FormInvitee {
                    person: i.person,
                    name: names.person_name(i.person),
                    role: p.map(|p| p.role.clone()).unwrap_or_default(),
                    agency: agency.map(|a| a.name.clone()).unwrap_or_default(),
                    required: i.required,
                    attendance: i.attendance,
                    report_received: i.report_received,
                    family: crate::schedule::invitees::family_among(ds, &m.children, &[i.person]),
                    agency_kind: agency.map(|a| a.kind),
                }
            })
            .collect(),
        choices: DecisionKind::of(m.kind).choices(category),
        plan_category,
        categories: if DecisionKind::of(m.kind) == DecisionKind::None {
            Vec::new()
        } else {
            CpCategory::ALL
                .iter()
                .map(|&category| CategoryChoice {
                    category,
                    label: category.title().to_string(),
                })
                .collect()
        },
        blocked,
        recorded: m.outcome.clone(),
        recorded_summary: (m.status == MeetingStatus::Held).then(|| {
            m.outcome.as_ref().and_then(|o| o.decision).map_or_else(
                || format!("Held on {}.", crate::views::uk_date(m.date())),
                |d| {
                    // "Child protection plan (neglect)" inside a sentence: "Decision: child …".
                    let said = d.describe();
                    let mut chars = said.chars();
                    let said = chars
                        .next()
                        .map(|c| c.to_lowercase().chain(chars).collect::<String>())
                        .unwrap_or_default();
                    format!("Held on {}. Decision: {said}.", crate::views::uk_date(m.date()))
                },
            )
        }),
    })
}
