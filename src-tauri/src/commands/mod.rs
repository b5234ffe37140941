//! The IPC commands: thin wrappers over store + core. No logic the CLI would also need. Records
//! (children, people, busy time) here; meetings, reports, files and settings in their modules.

use chrono::Duration;
use convene_core::queries::{self, child_summaries, due_views, evaluate_all};
use convene_core::rules::RulePack;
use convene_core::views::{
    event_view, BusyDraft, ChangeView, ChildDetail, ChildDraft, ChildEdit, ChildSummary, DashboardView, EpisodeDraft,
    EventDraft, EventView, MeetingSummary, Named, OutcomeToRecord, PersonDraft, PersonView, StoreStatus,
};
use convene_core::{
    BusyBlock, BusyId, BusyOwner, Child, ChildId, Episode, EpisodeId, Event, EventId, Meeting, NetworkRole, Person,
    PersonId, WorkingDayCalendar,
};
use convene_store::{Store, SCHEMA_VERSION};
use tauri::State;

use crate::error::IpcError;
use crate::state::{today, AppState};

pub mod files;
pub mod meetings;
pub mod reports;
pub mod settings;
pub mod window;

pub(crate) fn status(store: &Store) -> Result<StoreStatus, IpcError> {
    Ok(StoreStatus {
        data_dir: store.path().display().to_string(),
        schema_version: store.schema_version()?.unwrap_or(SCHEMA_VERSION),
        children: store.count::<Child>() as u32,
        meetings: store.count::<Meeting>() as u32,
        empty: store.is_empty(),
        history_note: store
            .last_import_audit_problem()
            .map(|what| convene_store::backup::audit_problem_sentence("restored file", what.as_str())),
    })
}

#[tauri::command]
pub fn store_status(state: State<'_, AppState>) -> Result<StoreStatus, IpcError> {
    state.with_store(status)
}

#[tauri::command]
pub async fn load_demo(
    state: State<'_, AppState>,
    on_progress: tauri::ipc::Channel<convene_core::views::Progress>,
) -> Result<StoreStatus, IpcError> {
    use convene_core::views::Progress;
    let tell = |p| files::tell(&on_progress, p);
    state.with_store(|store| {
        if !store.is_empty() {
            return Err(IpcError::new(
                "not-empty",
                "The demo data can only be loaded into an empty store, and this one already holds records.",
            ));
        }
        tell(Progress::new(1, 4, "Making up a fictional authority"));
        let ds = convene_core::demo::demo_dataset(today(), convene_core::demo::DEFAULT_SEED);
        tell(Progress::new(
            2,
            4,
            format!(
                "Writing {} children, {} meetings and their records",
                ds.children.len(),
                ds.meetings.len()
            ),
        ));
        store.write_dataset(&ds)?;
        // Today's caseload snapshot and backup, as the app takes at every start.
        tell(Progress::new(3, 4, "Taking today's backup and caseload snapshot"));
        crate::state::daily_upkeep(store, chrono::Utc::now());
        tell(Progress::new(4, 4, "Done"));
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
        let settings = store.settings()?;
        let pack = settings.pack()?;
        let cal = settings.calendar(pack.division);
        let from = today();
        Ok(queries::meetings_between_checked(
            &pack,
            &cal,
            &ds,
            from,
            from + Duration::days(i64::from(days.clamp(1, 366)) - 1),
            from,
        )?)
    })
}

/// Meetings whose time has passed with no outcome recorded, oldest first.
#[tauri::command]
pub async fn outcomes_to_record(state: State<'_, AppState>) -> Result<Vec<OutcomeToRecord>, IpcError> {
    state.with_store(|store| Ok(queries::outcomes_to_record(&store.load_dataset()?, now())))
}

/// The dashboard: every open due item, and who "who am I" names (for "mine" and "my team").
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> Result<DashboardView, IpcError> {
    state.with_store(|store| {
        let ds = store.load_dataset()?;
        let settings = store.settings()?;
        let pack = settings.pack()?;
        let cal = settings.calendar(pack.division);
        let as_of = today();
        let mut items = evaluate_all(&pack, &cal, &ds.by_child(), as_of)?;
        items.retain(|i| i.status.is_open());
        items.sort_by_key(|i| (i.status, i.deadline));
        Ok(DashboardView {
            items: due_views(&ds, &pack, &cal, &items, as_of),
            me: queries::me(&ds, settings.me),
            due_soon_days: pack.settings.due_soon_working_days,
        })
    })
}

/// Settings, pack and calendar: what every timescale command needs.
pub(crate) fn rules(store: &Store) -> Result<(RulePack, WorkingDayCalendar), IpcError> {
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

/// The current UK time with its offset: the app's only clock read besides `today`.
pub(crate) fn now() -> chrono::DateTime<chrono::FixedOffset> {
    convene_core::time::to_london(chrono::Utc::now().fixed_offset())
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

/// Add a child (a new referral, an unborn baby); returns the new child's id.
#[tauri::command]
pub async fn add_child(state: State<'_, AppState>, draft: ChildDraft) -> Result<ChildId, IpcError> {
    state.with_store(|store| {
        let child = draft.to_child(today()).map_err(|e| date_refusal(e, "invalid-date"))?;
        store.check_allocation(child.social_worker)?;
        store.put(&child)?;
        Ok(child.id)
    })
}

/// Allocate a child to a social worker, or leave them unallocated (`None`).
#[tauri::command]
pub async fn allocate_child(
    state: State<'_, AppState>,
    id: ChildId,
    social_worker: Option<PersonId>,
) -> Result<(), IpcError> {
    state.with_store(|store| {
        let mut child: Child = store.require(id.as_bytes())?;
        store.check_allocation(social_worker)?;
        child.social_worker = social_worker;
        store.put(&child)?;
        Ok(())
    })
}

/// Correct a child's details (names, how shown, case id, date of birth or expected).
#[tauri::command]
pub async fn edit_child(state: State<'_, AppState>, id: ChildId, edit: ChildEdit) -> Result<(), IpcError> {
    state.with_store(|store| {
        let child: Child = store.require(id.as_bytes())?;
        let changed = edit
            .apply(&child, today())
            .map_err(|e| date_refusal(e, "invalid-date"))?;
        Ok(store.put(&changed)?)
    })
}

/// An unborn child's birth, on `date` (YYYY-MM-DD). Returns what it leaves to do, in sentences
/// (a pre-birth conference still planned, `views::after_birth`).
#[tauri::command]
pub async fn record_birth(state: State<'_, AppState>, id: ChildId, date: String) -> Result<Vec<String>, IpcError> {
    state.with_store(|store| {
        let child: Child = store.require(id.as_bytes())?;
        let born =
            convene_core::views::record_birth(&child, &date, today()).map_err(|e| date_refusal(e, "invalid-date"))?;
        store.put(&born)?;
        Ok(
            convene_core::views::after_birth(&born, &store.child_bundle(id)?.meetings)
                .into_iter()
                .map(|t| t.sentence)
                .collect(),
        )
    })
}

/// Add a person to the directory: a professional, or a member of a child's family. Returns their id.
#[tauri::command]
pub async fn add_person(state: State<'_, AppState>, draft: PersonDraft) -> Result<PersonId, IpcError> {
    state.with_store(|store| Ok(store.add_person(&draft)?.id))
}

/// Correct a person's name, role, agency, team or email; their working pattern and leave stay.
#[tauri::command]
pub async fn change_person(state: State<'_, AppState>, id: PersonId, draft: PersonDraft) -> Result<(), IpcError> {
    state.with_store(|store| {
        store.change_person(id, &draft)?;
        Ok(())
    })
}

/// Record that a person is leaving, `last_day` (YYYY-MM-DD) their last working day, or that they
/// work here again (`None`): refused while children, a team or a later meeting still rest on them.
#[tauri::command]
pub async fn record_leaving(
    state: State<'_, AppState>,
    id: PersonId,
    last_day: Option<String>,
) -> Result<(), IpcError> {
    state.with_store(|store| {
        store.record_leaving(id, last_day.as_deref(), today())?;
        Ok(())
    })
}

/// Add `person` to the child's network as `role` (whom the child's meetings invite by default),
/// or take them off it (`linked: false`).
#[tauri::command]
pub async fn change_network(
    state: State<'_, AppState>,
    child: ChildId,
    person: PersonId,
    role: NetworkRole,
    linked: bool,
) -> Result<(), IpcError> {
    state.with_store(|store| {
        store.change_network(child, person, role, linked)?;
        Ok(())
    })
}

/// Record two children as brother and sister (`linked`), on both records at once, or no longer.
#[tauri::command]
pub async fn change_siblings(
    state: State<'_, AppState>,
    child: ChildId,
    sibling: ChildId,
    linked: bool,
) -> Result<(), IpcError> {
    state.with_store(|store| {
        store.change_siblings(child, sibling, linked)?;
        Ok(())
    })
}

/// Who a child can be allocated to: the people of a children's social care agency.
#[tauri::command]
pub async fn list_social_workers(state: State<'_, AppState>) -> Result<Vec<Named>, IpcError> {
    state.with_store(|store| Ok(queries::social_workers(&store.load_dataset()?)))
}

/// Start a child in need plan or a period of being looked after (a child protection plan starts
/// at a conference, from its outcome).
#[tauri::command]
pub async fn start_episode(state: State<'_, AppState>, draft: EpisodeDraft) -> Result<(), IpcError> {
    state.with_store(|store| {
        let existing = store.child_bundle(draft.child)?.episodes;
        let episode = draft
            .to_episode(&existing, today())
            .map_err(|e| date_refusal(e, "invalid-episode-date"))?;
        Ok(store.put(&episode)?)
    })
}

/// End a child in need plan or a period of being looked after on `end` (YYYY-MM-DD).
#[tauri::command]
pub async fn end_episode(state: State<'_, AppState>, id: EpisodeId, end: String) -> Result<(), IpcError> {
    state.with_store(|store| {
        let episode: Episode = store.require(id.as_bytes())?;
        let ended = convene_core::views::end_episode(&episode, &end, today())
            .map_err(|e| date_refusal(e, "invalid-end-date"))?;
        Ok(store.put(&ended)?)
    })
}

/// Remove a child in need plan or a period of being looked after recorded by mistake (the audit
/// trail keeps what it was); a child protection plan stays with its conference's outcome.
#[tauri::command]
pub async fn remove_episode(state: State<'_, AppState>, id: EpisodeId) -> Result<(), IpcError> {
    state.with_store(|store| {
        let episode: Episode = store.require(id.as_bytes())?;
        convene_core::views::removable_episode(&episode)?;
        Ok(store.delete::<Episode>(id.as_bytes())?)
    })
}

/// A refusal of the date the user typed gets a kind of its own (`kind`), so the form marks that
/// field, and only for that; other refusals keep theirs.
fn date_refusal(e: convene_core::ValidationError, kind: &str) -> IpcError {
    use convene_core::ValidationError as V;
    match e {
        V::BadDate { .. }
        | V::OutsideSupportedDates { .. }
        | V::EventInFuture { .. }
        | V::BirthInFuture { .. }
        | V::EpisodeEndsBeforeStart { .. }
        | V::EpisodeAlreadyOpen { .. }
        | V::EpisodeOverlaps { .. }
        | V::ChildInNeedDuringPlan { .. }
        | V::UnlikelyDueDate { .. }
        | V::UnlikelyBirthDate { .. } => IpcError::new(kind, e.to_string()),
        other => other.into(),
    }
}

/// Record something that has happened to a child (a visit, reports shared, a decision letter
/// sent): the deadlines it meets read "met" from then on.
#[tauri::command]
pub async fn record_event(state: State<'_, AppState>, draft: EventDraft) -> Result<EventView, IpcError> {
    state.with_store(|store| {
        let event = draft.to_event(today()).map_err(|e| date_refusal(e, "invalid-date"))?;
        store.put(&event)?;
        Ok(event_view(&event))
    })
}

/// Remove an event recorded by mistake (the audit trail keeps what it was).
#[tauri::command]
pub async fn remove_event(state: State<'_, AppState>, id: EventId) -> Result<(), IpcError> {
    state.with_store(|store| Ok(store.delete::<Event>(id.as_bytes())?))
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

/// The agencies and their teams, with how many people are in each (Settings, and the person
/// form's choices).
#[tauri::command]
pub async fn directory(state: State<'_, AppState>) -> Result<Vec<convene_core::views::AgencyView>, IpcError> {
    state.with_store(|store| {
        Ok(convene_core::views::directory(
            &store.all()?,
            &store.all()?,
            &store.all()?,
        ))
    })
}

/// A new authority's first step, on an empty store: its children's social care, named `name`,
/// and an agency for the children's families ("Family and friends"), saved together; then people
/// and teams can be added. Returns the store's status.
#[tauri::command]
pub async fn start_empty(state: State<'_, AppState>, name: String) -> Result<StoreStatus, IpcError> {
    use convene_core::views::AgencyDraft;
    use convene_core::AgencyKind;
    state.with_store(|store| {
        if !store.is_empty() {
            return Err(IpcError::new(
                "not-empty",
                "This store already holds records: its agencies are in Settings.",
            ));
        }
        let own = AgencyDraft {
            name,
            kind: AgencyKind::ChildrensSocialCare,
        }
        .apply(None, &[], 0, 0)?;
        let family = AgencyDraft {
            name: "Family and friends".into(),
            kind: AgencyKind::Family,
        }
        .apply(None, std::slice::from_ref(&own), 0, 0)?;
        store.put_all(&[own, family])?;
        status(store)
    })
}

/// Add an agency (`id` none) or correct one. Returns its id.
#[tauri::command]
pub async fn save_agency(
    state: State<'_, AppState>,
    id: Option<convene_core::AgencyId>,
    draft: convene_core::views::AgencyDraft,
) -> Result<convene_core::AgencyId, IpcError> {
    state.with_store(|store| Ok(store.save_agency(id, &draft)?.id))
}

/// Add a team (`id` none) or correct one. Returns its id.
#[tauri::command]
pub async fn save_team(
    state: State<'_, AppState>,
    id: Option<convene_core::TeamId>,
    draft: convene_core::views::TeamDraft,
) -> Result<convene_core::TeamId, IpcError> {
    state.with_store(|store| Ok(store.save_team(id, &draft)?.id))
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
