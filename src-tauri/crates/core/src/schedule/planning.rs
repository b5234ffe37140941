//! Use-cases that tie scheduling to the timescale engine: the deadline a new meeting must meet,
//! slot suggestions for it, and the conflicts of a meeting about to be saved.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::availability::Availability;
use super::conflicts::{conflicts_for, Conflict, ScanContext};
use super::invitees::{default_chair_for, default_invitees, family_among};
use super::slots::{find_slots, SlotRequest, SlotResult};
use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::rules::RulePack;
use crate::timescales::{evaluate_child, DueItem};
use crate::views::uk_date;

/// The records of just these children (and everything they reference), for evaluation.
pub fn items_for(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    children: &[ChildId],
    as_of: NaiveDate,
) -> Result<Vec<DueItem>, CalendarError> {
    let rules = pack.active_rules();
    let mut out = Vec::new();
    for c in ds.children.iter().filter(|c| children.contains(&c.id)) {
        let events: Vec<Event> = ds.events.iter().filter(|e| e.child == c.id).cloned().collect();
        let meetings: Vec<Meeting> = ds
            .meetings
            .iter()
            .filter(|m| m.children.contains(&c.id))
            .cloned()
            .collect();
        let episodes: Vec<Episode> = ds.episodes.iter().filter(|e| e.child == c.id).cloned().collect();
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
    /// No slot starts before this moment: now, when `earliest` may be today.
    pub not_before: Option<chrono::DateTime<chrono::Utc>>,
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
        .unwrap_or_else(|| default_invitees(ds, input.kind, &input.children, input.earliest));
    // The chair a booking from these slots carries: the default one, when the search checked
    // their diary (they are among the required).
    let chair = default_chair_for(ds, input.kind, &input.children, input.earliest).filter(|c| required.contains(c));
    let optional: Vec<PersonId> = input.optional.into_iter().filter(|p| !required.contains(p)).collect();
    let mut req = SlotRequest::new(input.kind, input.children, input.earliest, input.duration_minutes);
    req.required = required;
    req.optional = optional;
    req.venues = input.venues;
    req.deadline = deadline;
    req.not_before = input.not_before;
    req.top = input.top;
    let avail = Availability::build(ds, blocks, None);
    let names: HashMap<PersonId, String> = ds.people.iter().map(|p| (p.id, p.name.clone())).collect();
    let mut found = find_slots(&req, &avail, cal, &names);
    // What must come before the meeting (reports to parents): times from the first day that
    // leaves time for it, when some fit inside the meeting's own deadline; else the earliest
    // times, saying what they leave no time for.
    let last = deadline.unwrap_or_else(|| req.earliest + chrono::Duration::days(30));
    let before = super::notice::asked_before(pack, cal, ds, input.kind, &req.children, req.earliest, as_of)?;
    if let Some(n) = super::notice::notice(pack, cal, &before, req.earliest..=last, as_of)? {
        let later = SlotRequest {
            earliest: n.from,
            ..req.clone()
        };
        let then = find_slots(&later, &avail, cal, &names);
        if !then.nothing_fits && then.slots.iter().any(|s| s.within_deadline) {
            found = then;
            // Said as the day the search starts, not the first time found (which may be later).
            let by = if n.by == as_of {
                format!("{} (today)", uk_date(n.by))
            } else {
                uk_date(n.by)
            };
            // The first reason there is no earlier time, before those of the days searched; said
            // of the first working day it allows (the first day can be a Saturday, and working
            // days counted back from it are those counted back from the Monday).
            let from = cal.on_or_after(n.from).unwrap_or(n.from);
            found.earlier_days.insert(
                0,
                format!(
                    "Before {}: \"{}\" would be due before today; for a meeting on {} it is due by {by}.",
                    uk_date(from),
                    n.what,
                    uk_date(from),
                ),
            );
        } else if found.slots.iter().any(|s| s.start.date_naive() < n.from) {
            found.message.push_str(&format!(
                " A meeting before {} leaves no time for \"{}\": it would be due before today.",
                uk_date(n.from),
                n.what
            ));
        }
    }
    // Each time says when what comes before it falls due, counted back from its day.
    for rule in &before {
        for slot in &mut found.slots {
            let by = pack.deadline(rule, slot.start.date_naive(), cal)?;
            let tomorrow = as_of.succ_opt() == Some(by);
            slot.reasons.push(match by.cmp(&as_of) {
                std::cmp::Ordering::Less => format!("{}: due by {}, before today.", rule.title, uk_date(by)),
                std::cmp::Ordering::Equal => format!("{}: due by {} (today).", rule.title, uk_date(by)),
                _ if tomorrow => format!("{}: due by {} (tomorrow).", rule.title, uk_date(by)),
                std::cmp::Ordering::Greater => format!("{}: due by {}.", rule.title, uk_date(by)),
            });
        }
    }
    // A conference of this kind already planned for a child: booking another asks for a reason
    // (`ConflictKind::AlsoBooked`), so it is said before times are chosen.
    if let Some(group) = super::conflicts::booked_once(input.kind) {
        let names = crate::queries::Names::new(ds);
        let planned = ds
            .meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Planned && super::conflicts::booked_once(m.kind) == Some(group))
            .filter(|m| m.children.iter().any(|c| req.children.contains(c)))
            .min_by_key(|m| m.start);
        if let Some(m) = planned {
            found.message.push_str(&format!(
                " The {} for {} is already booked, for {}: move that one, or cancel it, rather than book a second.",
                m.kind.title().to_lowercase(),
                names.meeting_children(&m.children).join(", "),
                crate::agenda::when_text(m.start, m.end),
            ));
        }
    }
    if input.kind.is_conference()
        && !family_among(ds, &req.children, &[req.required.as_slice(), &req.optional].concat())
    {
        found.message.push_str(
            " No parent or carer is among the invitees: a conference normally invites them, and booking one without them asks for the reason.",
        );
    }
    if input.kind.is_conference() {
        let invited = [req.required.as_slice(), &req.optional].concat();
        let missing = super::invitees::police_and_health_missing(ds, &invited);
        let who = match missing.as_slice() {
            [AgencyKind::Police, AgencyKind::Health] => Some("No one from the police or from health is"),
            [AgencyKind::Police] => Some("No one from the police is"),
            [AgencyKind::Health] => Some("No one from health is"),
            _ => None,
        };
        if let Some(who) = who {
            found.message.push_str(&format!(
                " {who} among the invitees: a conference normally hears from both."
            ));
        }
    }
    Ok(SlotResult { chair, ..found })
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
    // A meeting as stored (the editor's look at it) needs no copy of the whole dataset.
    let with: std::borrow::Cow<'_, Dataset> = if ds.meetings.contains(meeting) {
        std::borrow::Cow::Borrowed(ds)
    } else {
        let mut with = ds.clone();
        with.meetings.retain(|m| m.id != meeting.id);
        with.meetings.push(meeting.clone());
        std::borrow::Cow::Owned(with)
    };
    let items = items_for(pack, cal, &with, &meeting.children, as_of)?;
    let ctx = ScanContext::new(&with, blocks, cal, &items);
    Ok(conflicts_for(meeting, &with.meetings, &ctx))
}

/// A meeting may be saved when it has no conflicts, or when the user gives a reason to save it
/// anyway; the conflicts and the reason are then recorded on the meeting.
pub fn accept(
    mut meeting: Meeting,
    conflicts: Vec<Conflict>,
    override_reason: Option<&str>,
    at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Meeting, Vec<Conflict>> {
    if conflicts.is_empty() {
        return Ok(meeting);
    }
    match override_reason.map(str::trim).filter(|r| !r.is_empty()) {
        None => Err(conflicts),
        Some(reason) => {
            meeting.overrides.push(ConflictOverride {
                conflicts: conflicts.into_iter().map(|c| c.message).collect(),
                reason: reason.to_string(),
                at,
            });
            Ok(meeting)
        }
    }
}

/// A meeting as the editor sends it: times as UK wall-clock text, `id` set when editing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct MeetingDraft {
    pub id: Option<MeetingId>,
    pub kind: MeetingKind,
    pub children: Vec<ChildId>,
    /// `YYYY-MM-DDTHH:MM`, optionally with an offset for the repeated autumn hour.
    pub start: String,
    pub end: String,
    pub location: Location,
    pub chair: Option<PersonId>,
    pub minute_taker: Option<PersonId>,
    pub invitees: Vec<Invitee>,
    /// Why a meeting is moving (required when the time of an existing meeting changes).
    pub reason: Option<String>,
    /// Save despite conflicts, for this reason.
    pub override_reason: Option<String>,
}

/// The meeting a draft describes, and what the save does to its history.
pub fn from_draft(
    draft: &MeetingDraft,
    existing: Option<&Meeting>,
) -> Result<(Meeting, MeetingChange), crate::error::ValidationError> {
    let start = crate::time::parse_london(&draft.start)?;
    let end = crate::time::parse_london(&draft.end)?;
    let mut m = Meeting {
        id: draft.id.unwrap_or_else(MeetingId::new_random),
        kind: draft.kind,
        children: draft.children.clone(),
        start,
        end,
        location: draft.location.clone(),
        chair: draft.chair,
        minute_taker: draft.minute_taker,
        invitees: draft.invitees.clone(),
        status: MeetingStatus::Planned,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    };
    let change = match existing {
        None => MeetingChange::Created,
        // Only a planned meeting changes, and it stays the meeting it is: held and cancelled ones
        // are records (outcomes and KPIs rest on them), whoever sends the draft.
        Some(old) if !old.is_changeable() => {
            return Err(crate::error::ValidationError::NotChangeable {
                status: crate::views::status_label(&old.status),
            })
        }
        Some(old) if old.kind != draft.kind || old.children != draft.children => {
            return Err(crate::error::ValidationError::IdentityChanged)
        }
        Some(old) => {
            m.status = old.status.clone();
            m.sequence = old.sequence;
            m.overrides = old.overrides.clone();
            m.outcome = old.outcome.clone();
            if old.start != m.start || old.end != m.end {
                let reason = draft.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).ok_or(
                    crate::error::ValidationError::Empty {
                        field: "The reason for moving the meeting",
                    },
                )?;
                m.bump_sequence()?;
                MeetingChange::Rescheduled {
                    from: old.start,
                    to: m.start,
                    reason: reason.to_string(),
                }
            } else {
                if super::editing::invitation_changed(old, &m) {
                    m.bump_sequence()?;
                }
                MeetingChange::Updated
            }
        }
    };
    Ok((m, change))
}

#[cfg(test)]
mod tests;
