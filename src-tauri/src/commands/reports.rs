//! Performance, caseloads and agendas (with their PDFs and invitations).

use chrono::{Duration, NaiveDate};
use convene_core::agenda::{self, Agenda, TemplateView, Variant};
use convene_core::caseload::{self, CaseloadLimits, CaseloadSnapshot, Caseloads};
use convene_core::kpi::{Kpi, KpiPoint, Scope};
use convene_core::{MeetingId, MeetingKind, TeamId};
use tauri::State;

use super::files::{choose_path, write_file};
use super::*;
use crate::error::IpcError;
use crate::state::{today, AppState};

/// Every KPI month by month over the last 12 months (each month counted on its own; the first
/// from the day the 12 months start, the last to today).
#[tauri::command]
pub async fn kpi_trend(state: State<'_, AppState>, team: Option<TeamId>) -> Result<Vec<KpiPoint>, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let scope = team.map_or(Scope::Authority, Scope::Team);
        let to = today();
        let from = convene_core::kpi::twelve_months_to(to);
        Ok(convene_core::kpi::monthly_trend(&ds, &pack, &cal, scope, from, to)?)
    })
}

/// Every KPI for each team over the last 12 months.
#[tauri::command]
pub async fn kpi_by_team(state: State<'_, AppState>) -> Result<Vec<KpiPoint>, IpcError> {
    state.with_store(|store| {
        let (pack, cal) = rules(store)?;
        let ds = store.load_dataset()?;
        let to = today();
        let from = convene_core::kpi::twelve_months_to(to);
        Ok(convene_core::kpi::by_team(&ds, &pack, &cal, from, to, to)?)
    })
}

/// Performance figures for a period (default: the last 12 months) and a team or the authority.
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
        let from = from.unwrap_or_else(|| convene_core::kpi::twelve_months_to(to));
        if from > to {
            return Err(IpcError::new("invalid", "The period starts after it ends."));
        }
        let scope = team.map_or(Scope::Authority, Scope::Team);
        Ok(convene_core::kpi::kpis(&ds, &pack, &cal, scope, from, to, as_of)?)
    })
}

/// A meeting's agenda, ready to show and print.
#[tauri::command]
pub async fn agenda(state: State<'_, AppState>, meeting: MeetingId, variant: Variant) -> Result<Agenda, IpcError> {
    state.with_store(|store| build_agenda(store, meeting, variant))
}

pub(crate) fn build_agenda(
    store: &convene_store::Store,
    meeting: MeetingId,
    variant: Variant,
) -> Result<Agenda, IpcError> {
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
) -> Result<Option<convene_core::views::SavedPdf>, IpcError> {
    let (bytes, name, unprintable) = state.with_store(|store| {
        let a = build_agenda(store, meeting, variant)?;
        let ds = store.load_dataset()?;
        let m = ds.meeting(meeting)?;
        let name = format!(
            "{}-{}-agenda-{}.pdf",
            convene_core::time::to_london(m.start).format("%Y-%m-%d"),
            m.kind.id(),
            variant.id()
        );
        let unprintable = convene_pdf::agenda_uncovered_characters(&a)?;
        Ok((convene_pdf::agenda_pdf(&a)?.0, name, unprintable))
    })?;
    match choose_path(&app, &name, ("PDF document", &["pdf"])).await {
        None => Ok(None),
        Some(path) => Ok(Some(convene_core::views::SavedPdf {
            path: write_file(&path, &bytes)?,
            unprintable: unprintable.iter().map(char::to_string).collect::<Vec<_>>().join(" "),
        })),
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
    match choose_path(&app, &name, ("Calendar invitation", &["ics"])).await {
        None => Ok(None),
        Some(path) => write_file(&path, text.as_bytes()).map(Some),
    }
}

/// The caseload thresholds in force.
#[tauri::command]
pub async fn caseload_limits(state: State<'_, AppState>) -> Result<CaseloadLimits, IpcError> {
    state.with_store(|store| Ok(store.settings()?.caseloads))
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
