//! What happened at a meeting: attendance, and for a conference its decision (a child protection
//! plan or not, its category, a step down to a child-in-need plan, the end of the plan) and the
//! core group. Recording it marks the meeting held and opens or closes the children's episodes,
//! so the timescale engine then asks for the next meetings (first core group, first review,
//! next review, CIN review) and for the decision letter and minutes. [`proposals`] turns those
//! open items into draft meetings inside their windows, with suggested slots, for the user to
//! confirm.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::rules::RulePack;
use crate::schedule::planning::{items_for, suggest, SuggestInput};
use crate::schedule::slots::SlotSuggestion;

mod form;
pub use form::*;

/// A conference's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Decision {
    /// Initial conference: no child protection plan; `cin_plan` if a child-in-need plan follows.
    NoPlan { cin_plan: bool },
    /// Initial conference: a child protection plan. Review: the plan continues (the category
    /// may change).
    Plan { category: CpCategory },
    /// Review: the plan ends and a child-in-need plan follows.
    StepDown,
    /// Review: the plan ends.
    EndPlan,
}

impl Decision {
    pub fn describe(&self) -> String {
        match self {
            Decision::NoPlan { cin_plan: true } => "No child protection plan; a child-in-need plan".into(),
            Decision::NoPlan { cin_plan: false } => "No child protection plan".into(),
            Decision::Plan { category } => format!("Child protection plan ({})", category.title().to_lowercase()),
            Decision::StepDown => "Plan ended; stepped down to a child-in-need plan".into(),
            Decision::EndPlan => "Child protection plan ended".into(),
        }
    }
}

/// What is kept on a held meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingOutcome {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Core group members named at the conference (required invitees of core groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub core_group: Vec<PersonId>,
}

/// One invitee's attendance as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttendanceMark {
    pub person: PersonId,
    pub attendance: Attendance,
    /// Their report was received (for the meeting's record; "Reports received and shared").
    #[serde(default)]
    pub report_received: bool,
}

/// What the user records after a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutcomeInput {
    pub meeting: MeetingId,
    pub attendance: Vec<AttendanceMark>,
    pub decision: Option<Decision>,
    pub core_group: Vec<PersonId>,
}

/// An outcome that cannot be recorded, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    #[error("Meeting {0} does not exist.")]
    UnknownMeeting(MeetingId),
    #[error("This meeting was cancelled, so it has no outcome.")]
    Cancelled,
    #[error("The outcome of this meeting has already been recorded.")]
    AlreadyHeld,
    #[error("This meeting is on {date}, which is after today ({today}): record its outcome once it has taken place.")]
    NotYetHeld { date: NaiveDate, today: NaiveDate },
    #[error("{who} was not invited to this meeting; add them as an invitee first.")]
    NotInvited { who: String },
    #[error("This {kind} needs its decision recorded (a child protection plan or not).")]
    DecisionNeeded { kind: String },
    #[error("This {kind} does not make that decision: {decision}.")]
    DecisionNotForKind { kind: String, decision: String },
    #[error("Only a conference records a decision; this is a {kind}.")]
    NoDecisionHere { kind: String },
    #[error("A child protection plan needs its core group: name at least one member.")]
    CoreGroupNeeded,
    #[error("A core group is named only when a child protection plan starts or continues.")]
    CoreGroupWithoutPlan,
    #[error("Person {0} does not exist.")]
    UnknownPerson(PersonId),
    #[error("{child} has no open child protection plan for this review to continue or end.")]
    NoOpenPlan { child: String },
}

/// What recording an outcome writes: the meeting (held, attendance, outcome) and the episodes
/// it opens, changes or closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeEffects {
    pub meeting: Meeting,
    pub episodes: Vec<Episode>,
}

/// Check an outcome against the dataset and work out its effects. Nothing is written here.
pub fn apply(ds: &Dataset, input: &OutcomeInput, today: NaiveDate) -> Result<OutcomeEffects, OutcomeError> {
    let original = ds
        .meetings
        .iter()
        .find(|m| m.id == input.meeting)
        .ok_or(OutcomeError::UnknownMeeting(input.meeting))?;
    match original.status {
        MeetingStatus::Cancelled { .. } => return Err(OutcomeError::Cancelled),
        MeetingStatus::Held => return Err(OutcomeError::AlreadyHeld),
        MeetingStatus::Planned => {}
    }
    let date = original.date();
    if date > today {
        return Err(OutcomeError::NotYetHeld { date, today });
    }
    let name = |p: PersonId| {
        ds.people
            .iter()
            .find(|x| x.id == p)
            .map_or_else(|| p.to_string(), |x| x.name.clone())
    };
    let mut meeting = original.clone();
    for mark in &input.attendance {
        let invitee = meeting
            .invitees
            .iter_mut()
            .find(|i| i.person == mark.person)
            .ok_or_else(|| OutcomeError::NotInvited { who: name(mark.person) })?;
        invitee.attendance = mark.attendance;
        invitee.report_received = mark.report_received;
    }
    for p in &input.core_group {
        if !ds.people.iter().any(|x| x.id == *p) {
            return Err(OutcomeError::UnknownPerson(*p));
        }
    }
    let kind = meeting.kind;
    let kind_name = {
        let t = kind.title();
        let mut c = t.chars();
        c.next()
            .map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
    };
    let decision = input.decision;
    match (DecisionKind::of(kind), decision) {
        (DecisionKind::None, Some(_)) => return Err(OutcomeError::NoDecisionHere { kind: kind_name }),
        (DecisionKind::None, None) => {}
        (_, None) => return Err(OutcomeError::DecisionNeeded { kind: kind_name }),
        (decisions, Some(d)) if !decisions.allows(d) => {
            return Err(OutcomeError::DecisionNotForKind {
                kind: kind_name,
                decision: d.describe(),
            })
        }
        (_, Some(_)) => {}
    }
    let plan = matches!(decision, Some(Decision::Plan { .. }));
    if plan && input.core_group.is_empty() {
        return Err(OutcomeError::CoreGroupNeeded);
    }
    if !plan && !input.core_group.is_empty() {
        return Err(OutcomeError::CoreGroupWithoutPlan);
    }

    let mut episodes = Vec::new();
    for child in &meeting.children {
        let child_name = ds
            .children
            .iter()
            .find(|c| c.id == *child)
            .map_or_else(|| child.to_string(), |c| format!("{} {}", c.given_name, c.family_name));
        let open = |t: EpisodeType| {
            ds.episodes
                .iter()
                .filter(|e| e.child == *child && e.kind.episode_type() == t && e.covers(date))
                .max_by_key(|e| e.start)
        };
        // A child in need plan open on the day or started after it (on the record, before this
        // outcome was): the one the decision continues, ends or moves back to the conference.
        let cin_from = || {
            ds.episodes
                .iter()
                .filter(|e| {
                    e.child == *child
                        && e.kind.episode_type() == EpisodeType::ChildInNeed
                        && e.end.is_none_or(|end| end >= date)
                })
                .max_by_key(|e| e.start)
        };
        let close = |e: &Episode| Episode {
            end: Some(date.max(e.start)),
            ..e.clone()
        };
        // The child in need plan the conference decided on starts on its day: one started
        // later on the record is moved back rather than doubled.
        let cin_plan = |episodes: &mut Vec<Episode>| match cin_from() {
            None => episodes.push(Episode {
                id: EpisodeId::new_random(),
                child: *child,
                kind: EpisodeKind::ChildInNeed,
                start: date,
                end: None,
            }),
            Some(cin) if cin.start > date => episodes.push(Episode {
                start: date,
                ..cin.clone()
            }),
            Some(_) => {}
        };
        let start = |kind: EpisodeKind| Episode {
            id: EpisodeId::new_random(),
            child: *child,
            kind,
            start: date,
            end: None,
        };
        match decision {
            Some(Decision::Plan { category }) => {
                let kind = EpisodeKind::ChildProtection { category };
                match open(EpisodeType::ChildProtection) {
                    Some(cp) if cp.kind != kind => episodes.push(Episode { kind, ..cp.clone() }),
                    Some(_) => {}
                    None if meeting.kind == MeetingKind::ReviewConference => {
                        return Err(OutcomeError::NoOpenPlan { child: child_name })
                    }
                    None => {
                        // A child protection plan takes over from a child-in-need plan.
                        if let Some(cin) = cin_from() {
                            episodes.push(close(cin));
                        }
                        episodes.push(start(kind));
                    }
                }
            }
            Some(Decision::NoPlan { cin_plan: true }) => cin_plan(&mut episodes),
            Some(Decision::NoPlan { .. }) => {}
            Some(Decision::StepDown | Decision::EndPlan) => {
                let cp = open(EpisodeType::ChildProtection).ok_or_else(|| OutcomeError::NoOpenPlan {
                    child: child_name.clone(),
                })?;
                episodes.push(close(cp));
                if decision == Some(Decision::StepDown) {
                    cin_plan(&mut episodes);
                }
            }
            None => {}
        }
    }
    meeting.status = MeetingStatus::Held;
    meeting.outcome = Some(MeetingOutcome {
        decision,
        core_group: input.core_group.clone(),
    });
    Ok(OutcomeEffects { meeting, episodes })
}

/// A next meeting the timescales now ask for, as a draft for the user to confirm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Proposal {
    pub kind: MeetingKind,
    pub kind_title: String,
    pub children: Vec<ChildId>,
    /// The rule that asks for it, e.g. `icpc-to-core-group`.
    pub rule: String,
    /// The window its times are found in: from the day after the anchor to the deadline, but for
    /// a review no earlier than `REVIEW_LEAD_WORKING_DAYS` before its deadline (a review two days
    /// after the conference that made the plan would review nothing; an earlier one can still be
    /// booked from the child's record).
    pub window_start: NaiveDate,
    pub deadline: NaiveDate,
    /// Required invitees: the core group for a core group meeting, else the usual invitees.
    pub required: Vec<PersonId>,
    /// The chair a booking should carry, if one is known.
    pub chair: Option<PersonId>,
    /// The best slots inside the window (may be empty: then say so, and offer the editor).
    pub slots: Vec<SlotSuggestion>,
    /// Why there are no slots, when there are none.
    pub no_slot_reason: Option<String>,
}

/// How far before its deadline a review's proposed times start: four working weeks.
pub const REVIEW_LEAD_WORKING_DAYS: u32 = 20;

/// The meetings a held meeting's children now need because of it (rules anchored on its day),
/// each with slots inside its window. Items that already have a planned meeting are left out.
pub fn proposals(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    blocks: &[BusyBlock],
    meeting: MeetingId,
    as_of: NaiveDate,
) -> Result<Vec<Proposal>, CalendarError> {
    let Some(m) = ds.meetings.iter().find(|x| x.id == meeting) else {
        return Ok(vec![]);
    };
    let rules = pack.active_rules();
    let items = items_for(pack, cal, ds, &m.children, as_of)?;
    let core_group: Vec<PersonId> = m.outcome.as_ref().map(|o| o.core_group.clone()).unwrap_or_default();
    let mut out: Vec<Proposal> = Vec::new();
    for item in items
        .iter()
        // What this meeting starts: forward rules anchored on its day (the meeting itself, or an
        // episode its decision opened), still open and not yet booked.
        .filter(|i| i.status.is_open() && i.scheduled.is_none() && i.anchor == m.date() && i.deadline >= i.anchor)
    {
        let Some(rule) = rules.iter().find(|r| r.id == item.rule.as_str()) else {
            continue;
        };
        let unborn = ds.children.iter().any(|c| c.id == item.child && c.birth.is_unborn());
        let Some(kind) = rule.meeting_to_book(unborn) else {
            continue;
        };
        // One proposal per kind for all the meeting's children who need it.
        if let Some(p) = out.iter_mut().find(|p| p.kind == kind && p.rule == item.rule.as_str()) {
            if !p.children.contains(&item.child) {
                p.children.push(item.child);
            }
            p.deadline = p.deadline.min(item.deadline);
            continue;
        }
        let opens = cal
            .on_or_after(item.anchor.succ_opt().unwrap_or(item.anchor))
            .unwrap_or(item.anchor);
        let window_start = match kind {
            MeetingKind::ReviewConference | MeetingKind::CinReview | MeetingKind::LacReview => cal
                .sub_working_days(item.deadline, REVIEW_LEAD_WORKING_DAYS)
                .map_or(opens, |d| d.max(opens)),
            _ => opens,
        };
        out.push(Proposal {
            kind,
            kind_title: kind.title().to_string(),
            children: vec![item.child],
            rule: item.rule.to_string(),
            window_start,
            deadline: item.deadline,
            required: vec![],
            chair: None,
            slots: vec![],
            no_slot_reason: None,
        });
    }
    // Slots from the next working day: the slot finder knows dates, not the time of day.
    let tomorrow = cal.add_working_days(as_of, 1)?;
    for p in &mut out {
        let earliest = p.window_start.max(tomorrow);
        let required = if p.kind == MeetingKind::CoreGroup && !core_group.is_empty() {
            Some(core_group.clone())
        } else {
            None
        };
        let result = suggest(
            pack,
            cal,
            ds,
            blocks,
            SuggestInput {
                kind: p.kind,
                children: p.children.clone(),
                required: required.clone(),
                optional: vec![],
                venues: vec![],
                duration_minutes: p.kind.typical_minutes(),
                earliest,
                not_before: None,
                deadline: Some(p.deadline),
                top: 3,
            },
            as_of,
        )?;
        p.required = result.required.clone();
        p.chair = result.chair;
        if earliest > p.deadline {
            p.no_slot_reason = Some(format!(
                "The deadline ({}) leaves no working day from tomorrow: book it as soon as you can.",
                crate::views::uk_date(p.deadline)
            ));
        } else if result.nothing_fits || result.slots.is_empty() {
            p.no_slot_reason = Some(result.message.clone());
        }
        p.slots = result.slots;
    }
    out.sort_by_key(|p| (p.deadline, p.kind));
    Ok(out)
}

#[cfg(test)]
mod tests;
