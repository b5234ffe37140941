//! The IPC commands: thin wrappers over store + core. No logic the CLI would also need.

use chrono::{Duration, NaiveDate};
use convene_core::agenda::{self, Agenda, TemplateView, Variant};
use convene_core::caseload::{self, CaseloadLimits, CaseloadSnapshot, Caseloads};
use convene_core::diary::{self, CalendarFilter, CalendarPage};
use convene_core::kpi::{Kpi, KpiPoint, Scope};
use convene_core::outcome::{self, OutcomeForm, OutcomeInput, Proposal};
use convene_core::queries::{self, child_summaries, due_views, evaluate_all, meetings_between};
use convene_core::rules::RulePack;
use convene_core::schedule::moving::{self, MoveCheck};
use convene_core::schedule::planning::{accept, check_meeting, from_draft, suggest, MeetingDraft, SuggestInput};
use convene_core::schedule::{scan_conflicts, Conflict, ScanContext, SlotResult};
use convene_core::settings::{self, SettingsChange, SettingsView};
use convene_core::views::{
    BusyDraft, ChangeView, ChildDetail, ChildSummary, DueItemView, MeetingSummary, Named, PersonView, SaveOutcome,
    SlotQuery, StoreStatus,
};
use convene_core::whatif::WhatIf;
use convene_core::{
    BusyBlock, BusyId, BusyOwner, Child, ChildId, Meeting, MeetingId, MeetingKind, Person, PersonId, TeamId,
    WorkingDayCalendar,
};
use convene_store::{Store, SCHEMA_VERSION};
use tauri::State;

use crate::error::IpcError;
use crate::state::{today, AppState};

fn status(store: &Store) -> Result<StoreStatus, IpcError> {
    Ok(StoreStatus {
        data_dir: store.path().display().to_string(),
        schema_version: store.schema_version()?.unwrap_or(SCHEMA_VERSION),
        children: store.count::<Child>() as u32,
        meetings: store.count::<Meeting>() as u32,
        empty: store.is_empty(),
    })
}

#[tauri::command]
pub fn store_status(state: State<'_, AppState>) -> Result<StoreStatus, IpcError> {
    state.with_store(status)
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Result<StoreStatus, IpcError> {
    state.with_store(|store| {
        if !store.is_empty() {
            return Err(IpcError::new(
                "not-empty",
                "The demo data can only be loaded into an empty store, and this one already holds records.",
            ));
        }
        let ds = convene_core::demo::demo_dataset(today(), convene_core::demo::DEFAULT_SEED);
        store.write_dataset(&ds)?;
        // Today's caseload snapshot, as the app takes at every start.
        crate::state::daily_upkeep(store);
        status(store)
    })
}

#[tauri::command]
pub async fn list_children(state: State<'_, AppState>) -> Result<Vec<ChildSummary>, IpcError> {
    state.with_store(|store| {
        let ds = store.load_dataset()?;
        let settings = store.settings()?;
        let pack = settings.pack()?;
        let cal = settings.calendar(pack.division);
        let as_of = today();
        let items = evaluate_all(&pack, &cal, &ds.by_child(), as_of)?;
        Ok(child_summaries(&ds, &items, as_of))
    })
}

#[tauri::command]
pub async fn upcoming_meetings(state: State<'_, AppState>, days: u32) -> Result<Vec<MeetingSummary>, IpcError> {
    state.with_store(|store| {
        let ds = store.load_dataset()?;
        let from = today();
        Ok(meetings_between(
            &ds,
            from,
            from + Duration::days(i64::from(days.clamp(1, 366)) - 1),
        ))
    })
}

#[tauri::command]
pub async fn due_items(state: State<'_, AppState>, open_only: bool) -> Result<Vec<DueItemView>, IpcError> {
    state.with_store(|store| {
        let ds = store.load_dataset()?;
        let settings = store.settings()?;
        let pack = settings.pack()?;
        let cal = settings.calendar(pack.division);
        let as_of = today();
        let mut items = evaluate_all(&pack, &cal, &ds.by_child(), as_of)?;
        if open_only {
            items.retain(|i| i.status.is_open());
        }
        items.sort_by_key(|i| (i.status, i.deadline));
        Ok(due_views(&ds, &pack, &cal, &items, as_of))
    })
}

/// Settings, pack and calendar: what every timescale command needs.
fn rules(store: &Store) -> Result<(RulePack, WorkingDayCalendar), IpcError> {
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    Ok((pack, cal))
}

#[tauri::command]
pub async fn child_detail(state: State<'_, AppState>, id: ChildId) -> Result<ChildDetail, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let bundle = store.child_bundle(id)?;
        Ok(queries::child_detail(&ds, &pack, &cal, &bundle, today())?)
    })
}

#[tauri::command]
pub async fn suggest_slots(state: State<'_, AppState>, query: SlotQuery) -> Result<SlotResult, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let as_of = today();
        let earliest = match query.earliest {
            Some(d) => d,
            None => cal.add_working_days(as_of, 1)?,
        };
        if query.duration_minutes == 0 || query.duration_minutes > 720 {
            return Err(IpcError::new(
                "invalid",
                "The meeting must last between 1 minute and 12 hours.",
            ));
        }
        let input = SuggestInput {
            kind: query.kind,
            children: query.children,
            required: query.required,
            optional: query.optional,
            venues: query.venues,
            duration_minutes: query.duration_minutes,
            earliest,
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
fn save_draft(store: &Store, draft: &MeetingDraft) -> Result<SaveOutcome, IpcError> {
    let (pack, cal) = rules(store)?;
    let existing: Option<Meeting> = match draft.id {
        Some(id) => Some(store.require(id.as_bytes())?),
        None => None,
    };
    let (meeting, change) = from_draft(draft, existing.as_ref())?;
    let ds = store.load_dataset()?;
    let conflicts = check_meeting(&pack, &cal, &ds, &ds.busy, &meeting, today())?;
    match accept(meeting, conflicts, draft.override_reason.as_deref(), now()) {
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
        // Only the range's meetings (via the start-time index) and the names they need: a month
        // of a large authority must not load every record.
        let midnight = |d: NaiveDate| convene_core::time::london(d.and_time(chrono::NaiveTime::MIN));
        let after = to
            .succ_opt()
            .ok_or_else(|| IpcError::new("invalid", "That date is outside the calendar."))?;
        let meetings = store.meetings_between(midnight(from)?, midnight(after)?)?;
        // People are needed only to find a team's meetings.
        let people = match filter {
            CalendarFilter::Team { .. } => store.all()?,
            _ => vec![],
        };
        let mut ds = convene_core::dataset::Dataset {
            people,
            venues: store.all()?,
            meetings,
            ..Default::default()
        };
        let selection = diary::select_page(&ds, from, to, filter, per_day as usize);
        // Names only for the meetings shown.
        let shown: std::collections::HashSet<MeetingId> = selection.shown.iter().copied().collect();
        let mut ids: Vec<ChildId> = ds
            .meetings
            .iter()
            .filter(|m| shown.contains(&m.id))
            .flat_map(|m| m.children.iter().copied())
            .collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            if let Some(c) = store.get::<Child>(id.as_bytes())? {
                ds.children.push(c);
            }
        }
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

fn proposals_for(store: &Store, meeting: MeetingId) -> Result<Vec<Proposal>, IpcError> {
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
        let items = evaluate_all(&pack, &cal, &ds.by_child(), from)?;
        let ctx = ScanContext::new(&ds, &ds.busy, &cal, &items);
        let in_range: Vec<&Meeting> = ds
            .meetings
            .iter()
            .filter(|m| m.date() >= from && m.date() <= to)
            .collect();
        Ok(scan_conflicts(&in_range, &ctx))
    })
}

/// The current UK time with its offset: the app's only clock read besides `today`.
fn now() -> chrono::DateTime<chrono::FixedOffset> {
    convene_core::time::to_london(chrono::Utc::now().fixed_offset())
}

/// Restore the newest backup (offered when the store cannot be opened).
#[tauri::command]
pub async fn restore_latest_backup(state: State<'_, AppState>) -> Result<StoreStatus, IpcError> {
    state.restore_latest()?;
    state.with_store(status)
}

#[tauri::command]
pub async fn list_people(state: State<'_, AppState>) -> Result<Vec<PersonView>, IpcError> {
    state.with_store(|store| Ok(queries::people(&store.load_dataset()?)))
}

#[tauri::command]
pub async fn person_busy(state: State<'_, AppState>, person: PersonId) -> Result<Vec<BusyBlock>, IpcError> {
    state.with_store(|store| {
        store.require::<Person>(person.as_bytes())?;
        Ok(store.busy_of(BusyOwner::Person(person))?)
    })
}

#[tauri::command]
pub async fn add_busy(state: State<'_, AppState>, draft: BusyDraft) -> Result<BusyBlock, IpcError> {
    state.with_store(|store| {
        let block = draft.to_block()?;
        store.put(&block)?;
        Ok(block)
    })
}

#[tauri::command]
pub async fn remove_busy(state: State<'_, AppState>, id: BusyId) -> Result<(), IpcError> {
    state.with_store(|store| Ok(store.delete::<BusyBlock>(id.as_bytes())?))
}

/// Import a person's busy time from the text of a calendar file the user chose; replaces what
/// was imported for them before. Returns how many periods were imported.
#[tauri::command]
pub async fn import_calendar(state: State<'_, AppState>, person: PersonId, ics: String) -> Result<u32, IpcError> {
    state.with_store(|store| {
        store.require::<Person>(person.as_bytes())?;
        let today = today();
        let periods = convene_ics::busy_periods(&ics, today - Duration::days(30), today + Duration::days(365))
            .map_err(|e| IpcError::new("calendar-file", e.to_string()))?;
        let blocks = convene_core::schedule::availability::imported_blocks(
            BusyOwner::Person(person),
            periods.into_iter().map(|b| (b.start, b.end, b.summary, b.uid)),
        );
        let (_, added) = store.replace_imported_busy(BusyOwner::Person(person), &blocks)?;
        Ok(added as u32)
    })
}

/// Open an encrypted store with its passphrase.
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<StoreStatus, IpcError> {
    state.unlock(&passphrase)?;
    state.with_store(status)
}

/// A child's history: every audited change that concerns them, newest first.
#[tauri::command]
pub async fn child_history(state: State<'_, AppState>, id: ChildId) -> Result<Vec<ChangeView>, IpcError> {
    state.with_store(|store| {
        store.require::<Child>(id.as_bytes())?;
        let ds = store.load_dataset()?;
        let names = queries::Names::new(&ds);
        let mut out: Vec<ChangeView> = store
            .audit_entries()?
            .into_iter()
            .filter(|e| e.children.contains(&id))
            .map(|e| ChangeView {
                seq: e.seq as u32,
                at: e.at,
                who: match e.practitioner {
                    Some(p) => format!("{} ({})", names.person_name(p), e.os_user),
                    None => e.os_user,
                },
                action: e.action,
                record: e.record,
                id: e.id,
            })
            .collect();
        out.reverse();
        Ok(out)
    })
}

/// Performance figures for a period (default: the last 12 months) and a team or the authority.
/// Every KPI month by month over the last 12 months (each month counted on its own).
#[tauri::command]
pub async fn kpi_trend(state: State<'_, AppState>, team: Option<TeamId>) -> Result<Vec<KpiPoint>, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let scope = team.map_or(Scope::Authority, Scope::Team);
        Ok(convene_core::kpi::monthly_trend(&ds, &pack, &cal, scope, 12, today())?)
    })
}

/// Every KPI for each team over the last 12 months.
#[tauri::command]
pub async fn kpi_by_team(state: State<'_, AppState>) -> Result<Vec<KpiPoint>, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let to = today();
        let from = to.checked_sub_months(chrono::Months::new(12)).unwrap_or(to);
        Ok(convene_core::kpi::by_team(&ds, &pack, &cal, from, to, to)?)
    })
}

#[tauri::command]
pub async fn kpis(
    state: State<'_, AppState>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    team: Option<TeamId>,
) -> Result<Vec<Kpi>, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let as_of = today();
        let to = to.unwrap_or(as_of);
        let from = from
            .or_else(|| to.checked_sub_months(chrono::Months::new(12)))
            .unwrap_or(to);
        if from > to {
            return Err(IpcError::new("invalid", "The period starts after it ends."));
        }
        let scope = team.map_or(Scope::Authority, Scope::Team);
        Ok(convene_core::kpi::kpis(&ds, &pack, &cal, scope, from, to, as_of)?)
    })
}

#[tauri::command]
pub async fn list_teams(state: State<'_, AppState>) -> Result<Vec<Named>, IpcError> {
    state.with_store(|store| {
        let mut teams: Vec<Named> = store
            .all::<convene_core::Team>()?
            .into_iter()
            .map(|t| Named {
                id: t.id.0,
                name: t.name,
            })
            .collect();
        teams.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(teams)
    })
}

/// A meeting's agenda, ready to show and print.
#[tauri::command]
pub async fn agenda(state: State<'_, AppState>, meeting: MeetingId, variant: Variant) -> Result<Agenda, IpcError> {
    state.with_store(|store| build_agenda(store, meeting, variant))
}

fn build_agenda(store: &convene_store::Store, meeting: MeetingId, variant: Variant) -> Result<Agenda, IpcError> {
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let ds = store.load_dataset()?;
    Ok(agenda::build(&pack, &cal, &ds, &settings, meeting, variant, today())?)
}

/// Save a meeting's agenda as a PDF where the user chooses. The file name carries the date,
/// the kind and the version, never a child's name.
#[tauri::command]
pub async fn save_agenda_pdf(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting: MeetingId,
    variant: Variant,
) -> Result<Option<String>, IpcError> {
    let (bytes, name) = state.with_store(|store| {
        let a = build_agenda(store, meeting, variant)?;
        let ds = store.load_dataset()?;
        let m = ds.meeting(meeting)?;
        let name = format!(
            "{}-{}-agenda-{}.pdf",
            convene_core::time::to_london(m.start).format("%Y-%m-%d"),
            m.kind.id(),
            variant.id()
        );
        Ok((convene_pdf::agenda_pdf(&a)?.0, name))
    })?;
    match choose_path(&app, &name, ("PDF document", &["pdf"])) {
        None => Ok(None),
        Some(path) => write_file(&path, &bytes).map(Some),
    }
}

/// Every kind's agenda template in both variants, edited or default.
#[tauri::command]
pub async fn agenda_templates(state: State<'_, AppState>) -> Result<Vec<TemplateView>, IpcError> {
    state.with_store(|store| Ok(agenda::templates(&store.settings()?)))
}

/// Replace a template's items, or (with `items` = None) go back to the default.
#[tauri::command]
pub async fn save_agenda_template(
    state: State<'_, AppState>,
    kind: MeetingKind,
    variant: Variant,
    items: Option<Vec<String>>,
) -> Result<Vec<TemplateView>, IpcError> {
    state.with_store(|store| {
        let mut settings = store.settings()?;
        match items {
            Some(items) => agenda::set_template(&mut settings, kind, variant, &items)?,
            None => agenda::reset_template(&mut settings, kind, variant),
        }
        store.save_settings(&settings)?;
        Ok(agenda::templates(&settings))
    })
}

/// Today's caseloads per practitioner and team, with alerts for anyone over a threshold.
#[tauri::command]
pub async fn caseloads(state: State<'_, AppState>) -> Result<Caseloads, IpcError> {
    state.with_store(|store| {
        let settings = store.settings()?;
        let ds = store.load_dataset()?;
        Ok(caseload::caseloads(&ds, &settings.caseloads, today()))
    })
}

/// Kept daily caseload snapshots of the last `days` days.
#[tauri::command]
pub async fn caseload_history(state: State<'_, AppState>, days: u32) -> Result<Vec<CaseloadSnapshot>, IpcError> {
    state.with_store(|store| {
        let from = today() - Duration::days(i64::from(days.min(3660)));
        Ok(store.caseload_history(Some(from))?)
    })
}

/// Where to save a file: the system's save dialog, or — for the end-to-end tests, which cannot
/// drive a native dialog — the folder in `CONVENE_SAVE_DIR`. `None` when the user cancels.
fn choose_path(app: &tauri::AppHandle, name: &str, filter: (&str, &[&str])) -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("CONVENE_SAVE_DIR") {
        return Some(std::path::PathBuf::from(dir).join(name));
    }
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .set_file_name(name)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// The file the user picks in the native open dialog — or, in e2e tests, which cannot drive a
/// native dialog, the one in `CONVENE_OPEN_FILE`. `None` when the user cancels.
fn choose_file(app: &tauri::AppHandle, filter: (&str, &[&str])) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("CONVENE_OPEN_FILE") {
        return Some(std::path::PathBuf::from(path));
    }
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .add_filter(filter.0, filter.1)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<String, IpcError> {
    convene_store::backup::write_atomically(path, bytes)?;
    Ok(path.display().to_string())
}

/// Save a meeting's invitation (.ics) where the user chooses.
#[tauri::command]
pub async fn save_invitation(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting: MeetingId,
) -> Result<Option<String>, IpcError> {
    let (text, name) = state.with_store(|store| {
        let ds = store.load_dataset()?;
        let me = store.settings()?.me;
        let text = convene_ics::meeting_invitation(&ds, meeting, me, chrono::Utc::now())?;
        let m = ds.meetings.iter().find(|m| m.id == meeting);
        let name = m.map_or_else(
            || "invitation.ics".to_string(),
            |m| {
                format!(
                    "{}-{}-invitation.ics",
                    convene_core::time::to_london(m.start).format("%Y-%m-%d"),
                    m.kind.id()
                )
            },
        );
        Ok((text, name))
    })?;
    match choose_path(&app, &name, ("Calendar invitation", &["ics"])) {
        None => Ok(None),
        Some(path) => write_file(&path, text.as_bytes()).map(Some),
    }
}

/// The caseload thresholds in force.
#[tauri::command]
pub async fn caseload_limits(state: State<'_, AppState>) -> Result<CaseloadLimits, IpcError> {
    state.with_store(|store| Ok(store.settings()?.caseloads))
}

/// The backups in the data folder, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<convene_core::views::BackupView>, IpcError> {
    Ok(convene_store::backup::list_backups(&state.dir()?)
        .iter()
        .filter_map(|p| p.file_name()?.to_str().and_then(convene_core::views::backup_view))
        .collect())
}

/// Write a backup where the user chooses (native save dialog); `None` when they cancel. An
/// encrypted store's backup is encrypted too.
#[tauri::command]
pub async fn backup_now(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let name = format!("convene-backup-{}.json", today().format("%Y-%m-%d"));
    let Some(path) = choose_path(&app, &name, ("Convene backup (JSON)", &["json"])) else {
        return Ok(None);
    };
    state.with_store(|store| {
        store.backup_to(&path)?;
        let shown = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(name);
        Ok(Some(format!("Backup written: {shown}.")))
    })
}

/// Replace the data with one of the data folder's backups (by file name). The current data is
/// kept aside, never deleted.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, name: String) -> Result<StoreStatus, IpcError> {
    let file = convene_store::backup::list_backups(&state.dir()?)
        .into_iter()
        .find(|p| p.file_name().and_then(|n| n.to_str()) == Some(name.as_str()))
        .ok_or_else(|| IpcError::new("no-backup", format!("There is no backup called {name}.")))?;
    state.restore_from(&file)?;
    state.with_store(status)
}

/// Replace the data with a backup file the user chooses (native open dialog); `None` when they
/// cancel.
#[tauri::command]
pub async fn restore_backup_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<StoreStatus>, IpcError> {
    let path = choose_file(&app, ("Convene backup (JSON)", &["json"]));
    let Some(path) = path else {
        return Ok(None);
    };
    state.restore_from(&path)?;
    Ok(Some(state.with_store(status)?))
}

fn venues_by_name(store: &Store) -> Result<Vec<convene_core::Venue>, IpcError> {
    let mut v: Vec<convene_core::Venue> = store.all()?;
    v.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(v)
}

/// Every venue, by name (Settings, the calendar's filter, the meeting editor).
#[tauri::command]
pub async fn venues(state: State<'_, AppState>) -> Result<Vec<convene_core::Venue>, IpcError> {
    state.with_store(venues_by_name)
}

/// Add a venue, or change one (`id` set); checked and flushed. Returns every venue.
#[tauri::command]
pub async fn save_venue(
    state: State<'_, AppState>,
    draft: convene_core::views::VenueDraft,
) -> Result<Vec<convene_core::Venue>, IpcError> {
    let venue = draft.to_venue()?;
    state.with_store(|store| {
        if let Some(id) = draft.id {
            store.require::<convene_core::Venue>(id.as_bytes())?;
        }
        store.put(&venue)?;
        venues_by_name(store)
    })
}

/// The settings as the Settings screen shows them.
#[tauri::command]
pub async fn settings_view(state: State<'_, AppState>) -> Result<SettingsView, IpcError> {
    state.with_store(|store| Ok(settings::settings_view(&store.settings()?)?))
}

/// Change one setting (checked in core; "who am I" against the people in the store); flushed.
#[tauri::command]
pub async fn change_settings(state: State<'_, AppState>, change: SettingsChange) -> Result<SettingsView, IpcError> {
    state.with_store(|store| {
        let mut s = store.settings()?;
        s.apply(change)?;
        store.save_settings(&s)?;
        Ok(settings::settings_view(&store.settings()?)?)
    })
}

/// Ask for a GOV.UK bank-holidays file (native open dialog) and import it; `None` when the user
/// cancels. A bad file changes nothing and says why.
#[tauri::command]
pub async fn import_holidays(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let path = choose_file(&app, ("GOV.UK bank holidays (JSON)", &["json"]));
    let Some(path) = path else {
        return Ok(None);
    };
    let text = read_small_text(&path, 4 << 20)?;
    state.with_store(|store| {
        let mut s = store.settings()?;
        let said = s.import_holidays(&text)?;
        store.save_settings(&s)?;
        Ok(Some(said))
    })
}

/// A text file of at most `limit` bytes, or a sentence saying why not.
fn read_small_text(path: &std::path::Path, limit: u64) -> Result<String, IpcError> {
    use std::io::Read;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = std::fs::File::open(path).map_err(|e| IpcError::new("file", format!("Could not open {name}: {e}.")))?;
    let mut text = String::new();
    file.take(limit + 1)
        .read_to_string(&mut text)
        .map_err(|_| IpcError::new("file", format!("{name} is not a text file.")))?;
    if text.len() as u64 > limit {
        return Err(IpcError::new(
            "file",
            format!("{name} is too large to be a bank-holidays file."),
        ));
    }
    Ok(text)
}

/// Replace the caseload thresholds (roles must be named and not repeated).
#[tauri::command]
pub async fn save_caseload_limits(
    state: State<'_, AppState>,
    limits: CaseloadLimits,
) -> Result<CaseloadLimits, IpcError> {
    state.with_store(|store| {
        limits.check()?;
        let mut settings = store.settings()?;
        settings.caseloads = limits;
        store.save_settings(&settings)?;
        Ok(store.settings()?.caseloads)
    })
}
