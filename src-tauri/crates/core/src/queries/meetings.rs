//! Meetings as lists show them: a row each, those of a period (with what stands against each),
//! and those whose time has passed with no outcome recorded.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{evaluate_all, Names};
use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::rules::RulePack;
use crate::views::*;

pub fn meeting_summary(m: &Meeting, names: &Names<'_>) -> MeetingSummary {
    MeetingSummary {
        id: m.id,
        kind: m.kind,
        kind_title: m.kind.title().to_string(),
        start: m.start.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        end: m.end.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        children: names.meeting_children(&m.children),
        child_ids: m.children.clone(),
        location: names.location(&m.location),
        chair: m.chair.map(|p| names.person_name(p)),
        status: status_label(&m.status).to_string(),
        changeable: m.is_changeable(),
        after_deadline: None,
        conflicts: Vec::new(),
    }
}

/// Meetings starting on days `from..=to`, in time order.
pub fn meetings_between(ds: &Dataset, from: NaiveDate, to: NaiveDate) -> Vec<MeetingSummary> {
    let names = Names::new(ds);
    let mut ms: Vec<&Meeting> = ds
        .meetings
        .iter()
        .filter(|m| m.date() >= from && m.date() <= to)
        .collect();
    ms.sort_by_key(|m| (m.start, m.id));
    ms.into_iter().map(|m| meeting_summary(m, &names)).collect()
}

/// Meetings starting on days `from..=to`, as `meetings_between`, each booked after a deadline it
/// is to meet marked with it (`MeetingSummary::after_deadline`): evaluated for their children
/// only, as of `as_of`.
pub fn meetings_between_checked(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<MeetingSummary>, CalendarError> {
    let mut rows = meetings_between(ds, from, to);
    let wanted: std::collections::HashSet<ChildId> = rows.iter().flat_map(|r| r.child_ids.iter().copied()).collect();
    let mut bundles = ds.by_child();
    bundles.retain(|id, _| wanted.contains(id));
    let mut late: HashMap<MeetingId, NaiveDate> = HashMap::new();
    let items = evaluate_all(pack, cal, &bundles, as_of)?;
    for i in &items {
        if let Some(s) = i.scheduled.filter(|s| !s.within_deadline) {
            let d = late.entry(s.meeting).or_insert(i.deadline);
            *d = (*d).min(i.deadline);
        }
    }
    // What else stands against each planned meeting listed: checked beside the other meetings of
    // those days (clashes) and of its children (a second conference, the order of a plan's
    // meetings). A late date is said already.
    let planned: std::collections::HashSet<MeetingId> =
        rows.iter().filter(|r| r.status == "planned").map(|r| r.id).collect();
    let ctx = crate::schedule::ScanContext::new(ds, &ds.busy, cal, &items);
    let relevant: Vec<&Meeting> = ds
        .meetings
        .iter()
        .filter(|m| (m.date() >= from && m.date() <= to) || m.children.iter().any(|c| wanted.contains(c)))
        .collect();
    let mut against: HashMap<MeetingId, Vec<String>> = HashMap::new();
    for c in crate::schedule::scan_conflicts(&relevant, &ctx) {
        if planned.contains(&c.meeting)
            && !matches!(c.kind, crate::schedule::ConflictKind::OutsideStatutoryWindow { .. })
        {
            against.entry(c.meeting).or_default().push(c.message);
        }
    }
    for r in &mut rows {
        r.after_deadline = late.get(&r.id).copied();
        r.conflicts = against.remove(&r.id).unwrap_or_default();
    }
    Ok(rows)
}

/// Meetings whose time has passed with no outcome recorded (still planned, ended by `now`),
/// oldest first. Until their outcome is recorded they meet no timescale: the dashboard asks for
/// it.
pub fn outcomes_to_record(ds: &Dataset, now: DateTime<FixedOffset>) -> Vec<OutcomeToRecord> {
    let names = Names::new(ds);
    let mut ms: Vec<&Meeting> = ds
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Planned && m.end <= now)
        .collect();
    ms.sort_by_key(|m| (m.start, m.id));
    ms.into_iter()
        .map(|m| {
            let mut people: Vec<Named> = Vec::new();
            let mut teams: Vec<Named> = Vec::new();
            let add = |list: &mut Vec<Named>, id: uuid::Uuid, name: String| {
                if !list.iter().any(|n| n.id == id) {
                    list.push(Named { id, name });
                }
            };
            for c in m.children.iter().filter_map(|c| names.children.get(c)) {
                if let Some(sw) = c.social_worker {
                    add(&mut people, sw.0, names.person_name(sw));
                }
                if let Some(t) = names.child_team(c) {
                    add(&mut teams, t.id.0, t.name.clone());
                }
            }
            if let Some(chair) = m.chair {
                add(&mut people, chair.0, names.person_name(chair));
            }
            OutcomeToRecord {
                meeting: meeting_summary(m, &names),
                people,
                teams,
            }
        })
        .collect()
}
