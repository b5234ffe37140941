//! Meeting commands: slots, saving, the calendar, moving and editing a booked meeting, outcomes.

use chrono::{Duration, NaiveDate};
use convene_core::diary::{self, CalendarFilter, CalendarPage};
use convene_core::outcome::{self, OutcomeForm, OutcomeInput, Proposal};
use convene_core::queries::{self};
use convene_core::schedule::editing::{self, MeetingEdit, MeetingEditor};
use convene_core::schedule::moving::{self, MoveCheck};
use convene_core::schedule::planning::{accept, check_meeting, from_draft, suggest, MeetingDraft, SuggestInput};
use convene_core::schedule::{Conflict, SlotResult};
use convene_core::views::{SaveOutcome, SlotQuery};
use convene_core::whatif::WhatIf;
use convene_core::{Child, Meeting, MeetingId};
use convene_store::Store;
use tauri::State;

use super::*;
use crate::error::IpcError;
use crate::state::{today, AppState};

#[tauri::command]
pub async fn suggest_slots(state: State<'_, AppState>, query: SlotQuery) -> Result<SlotResult, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let as_of = today();
        // Times are offered from now on, never in the past: a day before today is today, and
        // today's times that have passed are left out (`not_before`).
        let earliest = match query.earliest {
            Some(d) => d.max(as_of),
            None => cal.add_working_days(as_of, 1)?,
        };
        convene_core::validate::meeting_minutes(query.duration_minutes.into())?;
        let input = SuggestInput {
            kind: query.kind,
            children: query.children,
            required: query.required,
            optional: query.optional,
            venues: query.venues,
            duration_minutes: query.duration_minutes,
            earliest,
            not_before: Some(chrono::Utc::now()),
            deadline: query.deadline,
            top: 5,
        };
        Ok(suggest(&pack, &cal, &ds, &ds.busy, input, as_of)?)
    })
}

#[tauri::command]
pub async fn save_meeting(state: State<'_, AppState>, draft: MeetingDraft) -> Result<SaveOutcome, IpcError> {
    state.with_store(|store| save_draft(store, &draft))
}

/// Save a meeting as drafted: refused (with its conflicts) unless there are none or the draft
/// gives a reason to override them; flushed before the summary is returned.
pub(crate) fn save_draft(store: &Store, draft: &MeetingDraft) -> Result<SaveOutcome, IpcError> {
    let existing: Option<Meeting> = match draft.id {
        Some(id) => Some(store.require(id.as_bytes())?),
        None => None,
    };
    let (meeting, change) = from_draft(draft, existing.as_ref())?;
    save_checked(store, meeting, change, draft.override_reason.as_deref())
}

/// Save `meeting` with its history entry unless it has conflicts and no reason to override
/// them (then they are returned and nothing is saved); flushed before the summary is returned.
fn save_checked(
    store: &Store,
    meeting: Meeting,
    change: convene_core::MeetingChange,
    override_reason: Option<&str>,
) -> Result<SaveOutcome, IpcError> {
    let (pack, cal) = rules(store)?;
    let ds = store.load_dataset()?;
    let conflicts = check_meeting(&pack, &cal, &ds, &ds.busy, &meeting, today())?;
    match accept(meeting, conflicts, override_reason, now()) {
        Err(conflicts) => Ok(SaveOutcome { saved: None, conflicts }),
        Ok(meeting) => {
            store.save_meeting(&meeting, change, now())?;
            let ds = store.load_dataset()?;
            let names = queries::Names::new(&ds);
            Ok(SaveOutcome {
                saved: Some(queries::meeting_summary(&meeting, &names)),
                conflicts: vec![],
            })
        }
    }
}

/// The calendar's meetings for days `from..=to` (at most 100 days), for everyone or one person,
/// team or venue; at most `per_day` (1 to 200) a day, with counts of the rest.
#[tauri::command]
pub async fn calendar_entries(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    filter: CalendarFilter,
    per_day: u32,
) -> Result<CalendarPage, IpcError> {
    if !(1..=200).contains(&per_day) {
        return Err(IpcError::new("invalid", "The calendar shows 1 to 200 meetings a day."));
    }
    if to < from || (to - from).num_days() > 100 {
        return Err(IpcError::new(
            "invalid",
            "The calendar shows up to 100 days at a time, and the range must end after it starts.",
        ));
    }
    state.with_store(|store| {
        // Only the range's meetings and the names a page shows: a month of a large authority
        // must not load every record. People only to find a team's meetings.
        let with_people = matches!(filter, CalendarFilter::Team { .. });
        let mut ds = store.calendar_data(from, to, with_people)?;
        let selection = diary::select_page(&ds, from, to, filter, per_day as usize);
        store.add_children_of(&mut ds, &selection.shown)?;
        Ok(diary::page_of(&ds, selection))
    })
}

/// What moving a planned meeting to `start` would do, before anything is saved.
#[tauri::command]
pub async fn check_move(state: State<'_, AppState>, meeting: MeetingId, start: String) -> Result<MoveCheck, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        Ok(moving::check_move(
            &pack,
            &cal,
            &ds,
            &ds.busy,
            meeting,
            &start,
            today(),
        )?)
    })
}

/// Move a planned meeting, keeping its length; saved like an edit (reason in its history).
#[tauri::command]
pub async fn move_meeting(
    state: State<'_, AppState>,
    meeting: MeetingId,
    start: String,
    reason: String,
    override_reason: Option<String>,
) -> Result<SaveOutcome, IpcError> {
    state.with_store(|store| {
        let existing: Meeting = store.require(meeting.as_bytes())?;
        let draft = moving::move_draft(&existing, &start, Some(reason), override_reason, today())?;
        save_draft(store, &draft)
    })
}

/// A meeting's outcome form: invitees with attendance, the decisions it takes, and whether its
/// outcome can be recorded now.
#[tauri::command]
pub async fn outcome_form(state: State<'_, AppState>, meeting: MeetingId) -> Result<OutcomeForm, IpcError> {
    state.with_store(|store| Ok(outcome::form(&store.load_dataset()?, meeting, today())?))
}

/// Record a meeting's outcome (held, attendance, decision, core group) and return the next
/// meetings it calls for, as drafts with slots.
#[tauri::command]
pub async fn record_outcome(state: State<'_, AppState>, input: OutcomeInput) -> Result<Vec<Proposal>, IpcError> {
    state.with_store(|store| {
        // What the proposals need is read before anything is written, so a refusal here leaves
        // the meeting unrecorded rather than recorded behind an error.
        rules(store)?;
        let effects = outcome::apply(&store.load_dataset()?, &input, today())?;
        store.record_outcome(&effects, now())?;
        proposals_for(store, input.meeting)
    })
}

/// The next meetings a held meeting calls for, with slots inside their windows.
#[tauri::command]
pub async fn next_meetings(state: State<'_, AppState>, meeting: MeetingId) -> Result<Vec<Proposal>, IpcError> {
    state.with_store(|store| proposals_for(store, meeting))
}

pub(crate) fn proposals_for(store: &Store, meeting: MeetingId) -> Result<Vec<Proposal>, IpcError> {
    let (pack, cal) = rules(store)?;
    let ds = store.load_dataset()?;
    Ok(outcome::proposals(&pack, &cal, &ds, &ds.busy, meeting, today())?)
}

#[tauri::command]
pub async fn what_if(state: State<'_, AppState>, meeting: MeetingId, date: NaiveDate) -> Result<WhatIf, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        Ok(convene_core::whatif::what_if(
            &pack,
            &cal,
            &ds.by_child(),
            meeting,
            date,
            today(),
        )?)
    })
}

#[tauri::command]
pub async fn list_conflicts(state: State<'_, AppState>, days: u32) -> Result<Vec<Conflict>, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let from = today();
        let to = from + Duration::days(i64::from(days.clamp(1, 366)));
        Ok(queries::conflicts_between(&pack, &cal, &ds, from, to, from)?)
    })
}

/// A planned meeting's editor: who is invited, whose reports are in, where, and what is due
/// before it.
#[tauri::command]
pub async fn meeting_editor(state: State<'_, AppState>, meeting: MeetingId) -> Result<MeetingEditor, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        Ok(editing::editor(&pack, &cal, &store.load_dataset()?, meeting, today())?)
    })
}

/// Cancel a planned meeting for a reason (kept on it and in its history), flushed before it says so.
#[tauri::command]
pub async fn cancel_meeting(
    state: State<'_, AppState>,
    meeting: MeetingId,
    reason: String,
) -> Result<String, IpcError> {
    state.with_store(|store| {
        let existing: Meeting = store.require(meeting.as_bytes())?;
        let m = convene_core::schedule::cancelling::cancelled(&existing, &reason)?;
        let reason = reason.trim().to_string();
        store.save_meeting(&m, convene_core::MeetingChange::Cancelled { reason }, now())?;
        Ok(format!(
            "Cancelled: {}, {}. To tell those invited, export the cancellation (.ics) from its agenda.",
            m.kind.title(),
            convene_core::agenda::when_text(m.start, m.end)
        ))
    })
}

/// Save a planned meeting's invitees, reports received and place: checked for conflicts again
/// (refused with them unless overridden), flushed before the summary is returned.
#[tauri::command]
pub async fn edit_meeting(state: State<'_, AppState>, edit: MeetingEdit) -> Result<SaveOutcome, IpcError> {
    state.with_store(|store| {
        let existing: Meeting = store.require(edit.meeting.as_bytes())?;
        let ds = store.load_dataset()?;
        let draft = editing::edit_draft(&existing, &edit, &queries::Names::new(&ds))?;
        save_draft(store, &draft)
    })
}

/// Hold a born baby's planned pre-birth conference as the initial child protection conference,
/// as booked: checked for conflicts again (refused with them unless overridden), flushed before
/// the summary is returned.
#[tauri::command]
pub async fn hold_as_icpc(
    state: State<'_, AppState>,
    meeting: MeetingId,
    override_reason: Option<String>,
) -> Result<SaveOutcome, IpcError> {
    state.with_store(|store| {
        let existing: Meeting = store.require(meeting.as_bytes())?;
        let children = existing
            .children
            .iter()
            .map(|c| store.require::<Child>(c.as_bytes()))
            .collect::<Result<Vec<_>, _>>()?;
        let (m, change) =
            convene_core::schedule::after_birth::held_as_icpc(&existing, &children.iter().collect::<Vec<_>>())?;
        save_checked(store, m, change, override_reason.as_deref())
    })
}
