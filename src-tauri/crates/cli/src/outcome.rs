//! `convene meeting outcome …` and `convene meeting next …`: record what happened at a meeting
//! (attendance; a conference's decision and core group), then the next meetings it calls for.

use clap::{Args, ValueEnum};
use convene_core::outcome::{self, AttendanceMark, Decision, OutcomeInput, Proposal};
use convene_core::*;
use convene_store::Store;

use crate::{print_json, today, Failure, Outcome};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecisionArg {
    /// A child protection plan (initial conference), or the plan continues (review).
    Plan,
    /// No child protection plan.
    NoPlan,
    /// No child protection plan; a child-in-need plan instead.
    NoPlanCin,
    /// Review: the plan ends and a child-in-need plan follows.
    StepDown,
    /// Review: the plan ends.
    EndPlan,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CategoryArg {
    Neglect,
    Physical,
    Emotional,
    Sexual,
    Multiple,
}

impl From<CategoryArg> for CpCategory {
    fn from(c: CategoryArg) -> Self {
        match c {
            CategoryArg::Neglect => CpCategory::Neglect,
            CategoryArg::Physical => CpCategory::Physical,
            CategoryArg::Emotional => CpCategory::Emotional,
            CategoryArg::Sexual => CpCategory::Sexual,
            CategoryArg::Multiple => CpCategory::Multiple,
        }
    }
}

#[derive(Args)]
pub struct OutcomeArgs {
    id: String,
    /// Invitees who attended (person ids, comma-separated).
    #[arg(long, value_delimiter = ',')]
    attended: Vec<String>,
    /// Invitees who sent apologies.
    #[arg(long, value_delimiter = ',')]
    apologies: Vec<String>,
    /// Invitees who did not attend and sent no apologies.
    #[arg(long, value_delimiter = ',')]
    did_not_attend: Vec<String>,
    /// Invitees whose report was received (person ids, comma-separated).
    #[arg(long, value_delimiter = ',')]
    reports: Vec<String>,
    /// A conference's decision.
    #[arg(long, value_enum)]
    decision: Option<DecisionArg>,
    /// The plan's category (with --decision plan).
    #[arg(long, value_enum)]
    category: Option<CategoryArg>,
    /// Core group members (with --decision plan).
    #[arg(long, value_delimiter = ',')]
    core_group: Vec<String>,
    #[arg(long)]
    json: bool,
}

fn ids(list: &[String]) -> Result<Vec<PersonId>, Failure> {
    list.iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Ok(s.trim().parse()?))
        .collect()
}

pub fn record(store: &Store, a: OutcomeArgs) -> Outcome {
    let meeting: MeetingId = a.id.parse()?;
    let mut attendance = Vec::new();
    let reports = ids(&a.reports)?;
    for (list, mark) in [
        (&a.attended, Attendance::Attended),
        (&a.apologies, Attendance::Apologies),
        (&a.did_not_attend, Attendance::DidNotAttend),
    ] {
        for person in ids(list)? {
            if attendance.iter().any(|m: &AttendanceMark| m.person == person) {
                return Err(Failure(format!("{person} is listed twice in the attendance.")));
            }
            attendance.push(AttendanceMark {
                person,
                attendance: mark,
                report_received: reports.contains(&person),
            });
        }
    }
    if let Some(p) = reports
        .iter()
        .find(|p| !attendance.iter().any(|m: &AttendanceMark| m.person == **p))
    {
        return Err(Failure(format!(
            "{p} has a report recorded but no attendance; list them with --attended, --apologies or --did-not-attend."
        )));
    }
    let decision = match (a.decision, a.category) {
        (Some(DecisionArg::Plan), Some(c)) => Some(Decision::Plan { category: c.into() }),
        (Some(DecisionArg::Plan), None) => {
            return Err(Failure(
                "--decision plan needs --category (neglect, physical, emotional, sexual or multiple).".into(),
            ));
        }
        (Some(_), Some(_)) => {
            return Err(Failure("--category goes only with --decision plan.".into()));
        }
        (Some(DecisionArg::NoPlan), None) => Some(Decision::NoPlan { cin_plan: false }),
        (Some(DecisionArg::NoPlanCin), None) => Some(Decision::NoPlan { cin_plan: true }),
        (Some(DecisionArg::StepDown), None) => Some(Decision::StepDown),
        (Some(DecisionArg::EndPlan), None) => Some(Decision::EndPlan),
        (None, Some(_)) => return Err(Failure("--category goes only with --decision plan.".into())),
        (None, None) => None,
    };
    let input = OutcomeInput {
        meeting,
        attendance,
        decision,
        core_group: ids(&a.core_group)?,
    };
    let ds = store.load_dataset()?;
    let effects = outcome::apply(&ds, &input, today())?;
    store.record_outcome(&effects, crate::planning::now())?;
    if !a.json {
        out!(
            "Recorded: {}.",
            decision.map_or_else(|| "held".to_string(), |d| d.describe())
        );
    }
    next(store, meeting, a.json)
}

pub fn next(store: &Store, meeting: MeetingId, json: bool) -> Outcome {
    store.require::<Meeting>(meeting.as_bytes())?;
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let ds = store.load_dataset()?;
    let props = outcome::proposals(&pack, &cal, &ds, &ds.busy, meeting, today())?;
    if json {
        return print_json(&props);
    }
    if props.is_empty() {
        out!("No further meeting is due from this one.");
        return Ok(());
    }
    out!("Next meetings to book (drafts: confirm one with `convene meeting add`):");
    for p in &props {
        print_proposal(p);
    }
    Ok(())
}

fn print_proposal(p: &Proposal) {
    out!(
        "- {} ({}): between {} and {}",
        p.kind.title(),
        p.rule,
        views::uk_date(p.window_start),
        views::uk_date(p.deadline)
    );
    if let Some(why) = &p.no_slot_reason {
        out!("    {why}");
    }
    for s in &p.slots {
        out!(
            "    {}–{}",
            time::to_london(s.start).format("%a %-d %b %Y, %H:%M"),
            time::to_london(s.end).format("%H:%M")
        );
    }
}
