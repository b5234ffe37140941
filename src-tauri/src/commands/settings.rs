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

/// A person's working pattern, as the Settings screen edits it.
#[tauri::command]
pub async fn working_pattern(
    state: State<'_, AppState>,
    person: convene_core::PersonId,
) -> Result<convene_core::views::WorkingPatternDraft, IpcError> {
    state.with_store(|store| {
        let p: convene_core::Person = store.require(person.as_bytes())?;
        Ok(convene_core::views::WorkingPatternDraft::of(&p))
    })
}

/// Change a person's working pattern (checked in core, flushed). Returns everyone, as People
/// shows them.
#[tauri::command]
pub async fn save_working_pattern(
    state: State<'_, AppState>,
    draft: convene_core::views::WorkingPatternDraft,
) -> Result<Vec<convene_core::views::PersonView>, IpcError> {
    let pattern = draft.to_pattern()?;
    state.with_store(|store| {
        let mut p: convene_core::Person = store.require(draft.person.as_bytes())?;
        p.working_pattern = pattern;
        store.put(&p)?;
        Ok(convene_core::queries::people(&store.load_dataset()?))
    })
}
