//! Settings: the rule pack, local rules, closure days and venues.

use convene_core::settings::{SettingsChange, SettingsView};
use convene_store::Store;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

pub(crate) fn venues_by_name(store: &Store) -> Result<Vec<convene_core::Venue>, IpcError> {
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
    state.with_store(|store| Ok(convene_core::settings::settings_view(&store.settings()?)?))
}

/// Change one setting (checked in core; "who am I" against the people in the store); flushed.
#[tauri::command]
pub async fn change_settings(state: State<'_, AppState>, change: SettingsChange) -> Result<SettingsView, IpcError> {
    state.with_store(|store| {
        let mut s = store.settings()?;
        s.apply(change)?;
        store.save_settings(&s)?;
        Ok(convene_core::settings::settings_view(&store.settings()?)?)
    })
}
