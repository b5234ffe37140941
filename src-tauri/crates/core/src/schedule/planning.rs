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
            found.message.push_str(&format!(
                " None is before {}: a meeting on that day leaves until {by} for \"{}\", and an earlier one would leave no time.",
                uk_date(n.from),
                n.what,
            ));
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
mod tests {
    use super::*;
    use crate::schedule::fixtures::*;
    use crate::schedule::slots::SlotSuggestion;

    fn draft_of(m: &Meeting, start: &str, end: &str) -> MeetingDraft {
        MeetingDraft {
            id: Some(m.id),
            kind: m.kind,
            children: m.children.clone(),
            start: start.into(),
            end: end.into(),
            location: m.location.clone(),
            chair: m.chair,
            minute_taker: m.minute_taker,
            invitees: m.invitees.clone(),
            reason: Some("Chair ill".into()),
            override_reason: None,
        }
    }

    #[test]
    fn suggested_slots_carry_the_default_chair_when_their_diary_was_checked() {
        let (pack, cal) = env();
        let csc = agency("CSC", AgencyKind::ChildrensSocialCare);
        let iris = person("Iris Chair", csc.id);
        let other = person("Olu Other", csc.id);
        let c = child("Ava");
        let mut icpc = meeting(MeetingKind::Icpc, c.id, "2026-03-02T10:00", MeetingStatus::Held);
        icpc.chair = Some(iris.id);
        let ds = Dataset {
            agencies: vec![csc],
            people: vec![iris.clone(), other.clone()],
            children: vec![c.clone()],
            meetings: vec![icpc],
            ..Dataset::default()
        };
        let input = |required: Option<Vec<PersonId>>| SuggestInput {
            kind: MeetingKind::ReviewConference,
            children: vec![c.id],
            required,
            optional: vec![],
            venues: vec![],
            duration_minutes: 90,
            earliest: d("2026-03-09"),
            not_before: None,
            deadline: None,
            top: 3,
        };
        // The review's default chair is the ICPC's, required and so checked.
        let res = suggest(&pack, &cal, &ds, &[], input(None), d("2026-03-06")).unwrap();
        assert!(res.required.contains(&iris.id), "{res:?}");
        assert_eq!(res.chair, Some(iris.id));
        // Someone else chosen as the only required attendee: the chair's diary was not checked.
        let res = suggest(&pack, &cal, &ds, &[], input(Some(vec![other.id])), d("2026-03-06")).unwrap();
        assert_eq!(res.chair, None);
        assert!(!res.message.contains("already booked"), "{}", res.message);

        // A review already planned: a search for another says so before any is booked; a search
        // for another kind does not.
        let mut ds = ds;
        ds.meetings.push(meeting(
            MeetingKind::ReviewConference,
            c.id,
            "2026-05-18T10:00",
            MeetingStatus::Planned,
        ));
        let res = suggest(&pack, &cal, &ds, &[], input(None), d("2026-03-06")).unwrap();
        assert!(
            res.message.contains(" The review child protection conference for Ava Smith is already booked, for Monday 18 May 2026, 10:00–11:30: move that one, or cancel it, rather than book a second."),
            "{}",
            res.message
        );
        let core_group = SuggestInput {
            kind: MeetingKind::CoreGroup,
            ..input(None)
        };
        let res = suggest(&pack, &cal, &ds, &[], core_group, d("2026-03-06")).unwrap();
        assert!(!res.message.contains("already booked"), "{}", res.message);
    }

    #[test]
    fn conference_suggestions_say_when_no_parent_or_carer_is_invited() {
        let (pack, cal) = env();
        let csc = agency("CSC", AgencyKind::ChildrensSocialCare);
        let family = agency("Family", AgencyKind::Family);
        let sw = person("Sam Worker", csc.id);
        let mum = person("Mo Smith", family.id);
        let mut c = child("Ava");
        c.network.push(NetworkLink {
            person: mum.id,
            role: NetworkRole::Parent,
        });
        let ds = Dataset {
            agencies: vec![csc, family],
            people: vec![sw.clone(), mum.clone()],
            children: vec![c.clone()],
            ..Dataset::default()
        };
        let said = |kind, required: Vec<PersonId>, optional: Vec<PersonId>| {
            let input = SuggestInput {
                kind,
                children: vec![c.id],
                required: Some(required),
                optional,
                venues: vec![],
                duration_minutes: 90,
                earliest: d("2026-03-09"),
                not_before: None,
                deadline: Some(d("2026-03-31")),
                top: 3,
            };
            let res = suggest(&pack, &cal, &ds, &[], input, d("2026-03-06")).unwrap();
            assert!(!res.slots.is_empty(), "{res:?}");
            res.message.contains("No parent or carer is among the invitees")
        };
        assert!(said(MeetingKind::ReviewConference, vec![sw.id], vec![]));
        assert!(said(MeetingKind::Icpc, vec![sw.id], vec![]));
        assert!(!said(MeetingKind::ReviewConference, vec![sw.id, mum.id], vec![]));
        assert!(
            !said(MeetingKind::ReviewConference, vec![sw.id], vec![mum.id]),
            "invited as optional"
        );
        assert!(
            !said(MeetingKind::StrategyDiscussion, vec![sw.id], vec![]),
            "not a conference"
        );
        // The defaults invite the child's parents.
        assert!(default_invitees(&ds, MeetingKind::ReviewConference, &[c.id], d("2026-03-09")).contains(&mum.id));

        // Nor the police nor health: said too, for each that is missing.
        let police = agency("Police", AgencyKind::Police);
        let health = agency("Health", AgencyKind::Health);
        let officer = person("DC Reid", police.id);
        let nurse = person("Sam Hale", health.id);
        let mut ds = ds;
        ds.agencies.extend([police, health]);
        ds.people.extend([officer.clone(), nurse.clone()]);
        let message = |kind, required: Vec<PersonId>| {
            let input = SuggestInput {
                kind,
                children: vec![c.id],
                required: Some(required),
                optional: vec![],
                venues: vec![],
                duration_minutes: 90,
                earliest: d("2026-03-09"),
                not_before: None,
                deadline: Some(d("2026-03-31")),
                top: 3,
            };
            suggest(&pack, &cal, &ds, &[], input, d("2026-03-06")).unwrap().message
        };
        let m = message(MeetingKind::Icpc, vec![sw.id, mum.id]);
        assert!(
            m.ends_with(
                " No one from the police or from health is among the invitees: a conference normally hears from both."
            ),
            "{m}"
        );
        let m = message(MeetingKind::Icpc, vec![sw.id, mum.id, officer.id]);
        assert!(
            m.ends_with(" No one from health is among the invitees: a conference normally hears from both."),
            "{m}"
        );
        let m = message(MeetingKind::ReviewConference, vec![sw.id, mum.id, nurse.id]);
        assert!(
            m.ends_with(" No one from the police is among the invitees: a conference normally hears from both."),
            "{m}"
        );
        assert!(!message(MeetingKind::Icpc, vec![sw.id, mum.id, officer.id, nurse.id]).contains("No one from"));
        assert!(!message(MeetingKind::CoreGroup, vec![sw.id]).contains("No one from"));
    }

    #[test]
    fn conference_times_leave_time_for_the_reports_to_parents_when_the_deadline_allows() {
        let (pack, cal) = env();
        let c = child("Maya");
        let strategy = meeting(
            MeetingKind::StrategyDiscussion,
            c.id,
            "2026-11-24T10:00",
            MeetingStatus::Held,
        );
        let ds = Dataset {
            children: vec![c.clone()],
            meetings: vec![strategy],
            ..Dataset::default()
        };
        let input = |earliest: &str| SuggestInput {
            kind: MeetingKind::Icpc,
            children: vec![c.id],
            required: None,
            optional: vec![],
            venues: vec![],
            duration_minutes: 120,
            earliest: d(earliest),
            not_before: None,
            deadline: None,
            top: 5,
        };
        // Today Tue 1 Dec; the ICPC is due by Tue 15 Dec. From Wed 2 Dec the reports (2 working
        // days before) would be due before today: times start on Thu 3 Dec.
        let res = suggest(&pack, &cal, &ds, &[], input("2026-12-02"), d("2026-12-01")).unwrap();
        assert_eq!(res.deadline, Some(d("2026-12-15")));
        assert!(!res.slots.is_empty());
        for s in &res.slots {
            assert!(s.start.date_naive() >= d("2026-12-03"), "{s:?}");
        }
        // Each time says when the reports fall due for it: 2 working days before its day.
        let due = |s: &SlotSuggestion| {
            s.reasons
                .iter()
                .find(|r| r.starts_with("Reports shared with parents"))
                .cloned()
                .unwrap_or_default()
        };
        for s in &res.slots {
            let by = cal.sub_working_days(s.start.date_naive(), 2).unwrap();
            let when = match by.to_string().as_str() {
                "2026-12-01" => " (today)",
                "2026-12-02" => " (tomorrow)",
                _ => "",
            };
            assert_eq!(
                due(s),
                format!(
                    "Reports shared with parents before the conference: due by {}{when}.",
                    uk_date(by)
                )
            );
        }
        assert!(
            res.slots.iter().any(|s| due(s).ends_with("Tue 1 Dec 2026 (today).")),
            "{res:?}"
        );
        assert!(
            res.message.contains(
                "None is before Thu 3 Dec 2026: a meeting on that day leaves until Tue 1 Dec 2026 (today) for \"Reports shared with parents before the conference\", and an earlier one would leave no time."
            ),
            "{}",
            res.message
        );
        // With the deadline itself too near for that, the earliest times stay, and say so.
        let mut late = ds.clone();
        late.meetings[0] = meeting(
            MeetingKind::StrategyDiscussion,
            c.id,
            "2026-11-10T10:00",
            MeetingStatus::Held,
        );
        let res = suggest(&pack, &cal, &late, &[], input("2026-12-02"), d("2026-12-01")).unwrap();
        assert_eq!(res.deadline, Some(d("2026-12-01")));
        let early = res.slots.iter().find(|s| s.start.date_naive() == d("2026-12-02"));
        assert_eq!(
            early.map(due).as_deref(),
            Some("Reports shared with parents before the conference: due by Mon 30 Nov 2026, before today."),
            "{res:?}"
        );
        // Reports already shared: nothing more is said.
        let mut shared = ds.clone();
        shared.events.push(Event {
            id: EventId::new_random(),
            child: c.id,
            kind: EventKind::ReportsShared,
            date: d("2026-11-30"),
            note: String::new(),
        });
        let res = suggest(&pack, &cal, &shared, &[], input("2026-12-02"), d("2026-12-01")).unwrap();
        assert!(!res.slots.is_empty());
        assert!(res.slots.iter().all(|s| due(s).is_empty()), "{res:?}");
    }

    #[test]
    fn a_draft_cannot_rewrite_a_held_or_cancelled_meeting_or_another_kind_or_child() {
        let c = child("Ava");
        let held = meeting(MeetingKind::Icpc, c.id, "2026-03-16T10:00", MeetingStatus::Held);
        let same_time = draft_of(&held, "2026-03-16T10:00", "2026-03-16T11:30");
        let err = from_draft(&same_time, Some(&held)).unwrap_err().to_string();
        assert!(err.contains("This meeting is held"), "{err}");
        let mut cancelled = held.clone();
        cancelled.status = MeetingStatus::Cancelled { reason: "x".into() };
        assert!(from_draft(&same_time, Some(&cancelled)).is_err());
        let planned = meeting(MeetingKind::Icpc, c.id, "2026-03-16T10:00", MeetingStatus::Planned);
        let mut relabelled = draft_of(&planned, "2026-03-16T10:00", "2026-03-16T11:30");
        relabelled.kind = MeetingKind::ReviewConference;
        let err = from_draft(&relabelled, Some(&planned)).unwrap_err().to_string();
        assert!(err.contains("keeps its kind and children"), "{err}");
        let mut other_child = draft_of(&planned, "2026-03-16T10:00", "2026-03-16T11:30");
        other_child.children = vec![ChildId::new_random()];
        assert!(from_draft(&other_child, Some(&planned)).is_err());
        // The same meeting, planned, still changes.
        assert!(from_draft(
            &draft_of(&planned, "2026-03-17T10:00", "2026-03-17T11:30"),
            Some(&planned)
        )
        .is_ok());
    }

    #[test]
    fn a_change_at_the_last_sequence_number_is_refused_not_wrapped() {
        let c = child("Ava");
        let mut m = meeting(MeetingKind::CoreGroup, c.id, "2026-03-16T10:00", MeetingStatus::Planned);
        m.sequence = u32::MAX;
        let moved = draft_of(&m, "2026-03-17T10:00", "2026-03-17T11:30");
        let err = from_draft(&moved, Some(&m)).unwrap_err().to_string();
        assert!(err.contains("changed too many times"), "{err}");
        let mut re_invited = draft_of(&m, "2026-03-16T10:00", "2026-03-16T11:30");
        re_invited.location = Location::Online {
            joining_details: "Zoom".into(),
        };
        let err = from_draft(&re_invited, Some(&m)).unwrap_err().to_string();
        assert!(err.contains("changed too many times"), "{err}");
    }
}
