//! The IPC commands: thin wrappers over store + core. No logic the CLI would also need.

use chrono::Duration;
use convene_core::queries::{child_summaries, due_views, evaluate_all, meetings_between};
use convene_core::views::{ChildSummary, DueItemView, MeetingSummary, StoreStatus};
use convene_core::{Child, Meeting};
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
pub async fn upcoming_meetings(
    state: State<'_, AppState>,
    days: u32,
) -> Result<Vec<MeetingSummary>, IpcError> {
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
pub async fn due_items(
    state: State<'_, AppState>,
    open_only: bool,
) -> Result<Vec<DueItemView>, IpcError> {
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
