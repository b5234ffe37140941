//! Use-cases that tie scheduling to the timescale engine: the deadline a new meeting must meet,
//! slot suggestions for it, and the conflicts of a meeting about to be saved.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::availability::Availability;
use super::conflicts::{conflicts_for, Conflict, ScanContext};
use super::invitees::default_invitees;
use super::slots::{find_slots, SlotRequest, SlotResult};
use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::rules::RulePack;
use crate::timescales::{evaluate_child, DueItem};

/// The records of just these children (and everything they reference), for evaluation.
fn items_for(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    children: &[ChildId],
    as_of: NaiveDate,
) -> Result<Vec<DueItem>, CalendarError> {
    let rules = pack.active_rules();
    let mut out = Vec::new();
    for c in ds.children.iter().filter(|c| children.contains(&c.id)) {
        let events: Vec<Event> = ds
            .events
            .iter()
            .filter(|e| e.child == c.id)
            .cloned()
            .collect();
        let meetings: Vec<Meeting> = ds
            .meetings
            .iter()
            .filter(|m| m.children.contains(&c.id))
            .cloned()
            .collect();
        let episodes: Vec<Episode> = ds
            .episodes
            .iter()
            .filter(|e| e.child == c.id)
            .cloned()
            .collect();
        let records = crate::timescales::ChildRecords {
            child: c,
            events: &events,
            meetings: &meetings,
            episodes: &episodes,
        };
        out.extend(evaluate_child(pack, &rules, cal, &records, as_of)?);
    }
    Ok(out)
}

/// The earliest open deadline that a meeting of `kind` for these children would meet.
pub fn deadline_for(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    kind: MeetingKind,
    children: &[ChildId],
    as_of: NaiveDate,
) -> Result<Option<(NaiveDate, String)>, CalendarError> {
    let rules = pack.active_rules();
    let meets: Vec<&str> = rules
        .iter()
        .filter(|r| r.target.meetings.contains(&kind))
        .map(|r| r.id.as_str())
        .collect();
    Ok(items_for(pack, cal, ds, children, as_of)?
        .into_iter()
        .filter(|i| i.status.is_open() && meets.contains(&i.rule.as_str()))
        .min_by_key(|i| i.deadline)
        .map(|i| (i.deadline, i.rule.to_string())))
}

/// What a user asks for when they want slots; anything left out takes the defaults.
pub struct SuggestInput {
    pub kind: MeetingKind,
    pub children: Vec<ChildId>,
    pub required: Option<Vec<PersonId>>,
    pub optional: Vec<PersonId>,
    pub venues: Vec<VenueId>,
    pub duration_minutes: u32,
    pub earliest: NaiveDate,
    /// An explicit deadline overrides the timescale engine's.
    pub deadline: Option<NaiveDate>,
    pub top: u32,
}

#[allow(clippy::too_many_arguments)]
pub fn suggest(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    blocks: &[BusyBlock],
    input: SuggestInput,
    as_of: NaiveDate,
) -> Result<SlotResult, CalendarError> {
    let deadline = match input.deadline {
        Some(d) => Some(d),
        None => deadline_for(pack, cal, ds, input.kind, &input.children, as_of)?.map(|(d, _)| d),
    };
    let required = input
        .required
        .unwrap_or_else(|| default_invitees(ds, input.kind, &input.children));
    let optional: Vec<PersonId> = input
        .optional
        .into_iter()
        .filter(|p| !required.contains(p))
        .collect();
    let mut req = SlotRequest::new(
        input.kind,
        input.children,
        input.earliest,
        input.duration_minutes,
    );
    req.required = required;
    req.optional = optional;
    req.venues = input.venues;
    req.deadline = deadline;
    req.top = input.top;
    let avail = Availability::build(ds, blocks, None);
    let names: HashMap<PersonId, String> =
        ds.people.iter().map(|p| (p.id, p.name.clone())).collect();
    Ok(find_slots(&req, &avail, cal, &names))
}

/// Conflicts of `meeting` if it were saved now (it replaces any stored version).
pub fn check_meeting(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    blocks: &[BusyBlock],
    meeting: &Meeting,
    as_of: NaiveDate,
) -> Result<Vec<Conflict>, CalendarError> {
    let mut with = ds.clone();
    with.meetings.retain(|m| m.id != meeting.id);
    with.meetings.push(meeting.clone());
    let items = items_for(pack, cal, &with, &meeting.children, as_of)?;
    let ctx = ScanContext::new(&with, blocks, cal, &items);
    Ok(conflicts_for(meeting, &with.meetings, &ctx))
}
