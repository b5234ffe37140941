//! The Convene desktop app: the only crate that knows Tauri. Commands are thin: parse the
//! arguments, take the store, call core, map errors once into `UiError`.

mod commands;
mod error;
pub mod instance;
pub mod memory;
mod state;

use tauri::Manager;

pub use error::IpcError;
pub use state::AppState;

/// Build and run the app. A second launch on the same data brings the first window forward
/// and exits instead of opening the store twice (`instance`).
pub fn run() {
    memory::before_start();
    let dir = convene_store::data_dir::resolve(None);
    let listener = match dir.as_ref().map(|dir| instance::claim(dir)) {
        Ok(instance::Claim::First(listener)) => Some(listener),
        Ok(instance::Claim::Shown) => {
            eprintln!("Convene is already open on this data: its window has been brought forward.");
            return;
        }
        Ok(instance::Claim::Unchecked(why)) => {
            eprintln!("Convene could not check for another window on this data ({why}); starting anyway.");
            None
        }
        // The store reports a data folder it cannot find, in the window.
        Err(_) => None,
    };
    let socket = listener.as_ref().map(|l| l.path().to_path_buf());
    // Each request from the page is work: memory is handed back once they stop (`memory`).
    let (work, quiet) = std::sync::mpsc::channel::<()>();
    memory::release_when_idle(quiet);
    let handler = counting_requests(
        work,
        tauri::generate_handler![
            commands::store_status,
            commands::load_demo,
            commands::list_children,
            commands::upcoming_meetings,
            commands::outcomes_to_record,
            commands::dashboard,
            commands::child_detail,
            commands::meetings::suggest_slots,
            commands::meetings::save_meeting,
            commands::meetings::what_if,
            commands::meetings::list_conflicts,
            commands::files::restore_latest_backup,
            commands::list_people,
            commands::person_busy,
            commands::add_busy,
            commands::record_event,
            commands::add_child,
            commands::record_birth,
            commands::edit_child,
            commands::start_episode,
            commands::end_episode,
            commands::remove_episode,
            commands::add_person,
            commands::change_person,
            commands::record_leaving,
            commands::directory,
            commands::save_agency,
            commands::save_team,
            commands::start_empty,
            commands::change_network,
            commands::change_siblings,
            commands::allocate_child,
            commands::list_social_workers,
            commands::remove_event,
            commands::remove_busy,
            commands::import_calendar,
            commands::unlock,
            commands::child_history,
            commands::reports::kpis,
            commands::list_teams,
            commands::reports::agenda,
            commands::reports::agenda_templates,
            commands::reports::save_agenda_template,
            commands::reports::caseloads,
            commands::reports::caseload_history,
            commands::reports::save_invitation,
            commands::reports::save_agenda_pdf,
            commands::meetings::outcome_form,
            commands::meetings::record_outcome,
            commands::meetings::next_meetings,
            commands::reports::kpi_trend,
            commands::reports::kpi_by_team,
            commands::reports::caseload_limits,
            commands::reports::save_caseload_limits,
            commands::meetings::calendar_entries,
            commands::meetings::check_move,
            commands::meetings::move_meeting,
            commands::meetings::meeting_editor,
            commands::meetings::edit_meeting,
            commands::meetings::cancel_meeting,
            commands::meetings::hold_as_icpc,
            commands::settings::settings_view,
            commands::settings::change_settings,
            commands::files::import_holidays,
            commands::files::list_backups,
            commands::files::backup_now,
            commands::files::restore_backup,
            commands::files::restore_backup_file,
            commands::settings::venues,
            commands::settings::save_venue,
            commands::settings::working_pattern,
            commands::settings::save_working_pattern,
            commands::window::first_screen_drawn,
            commands::window::page_zoom,
            commands::window::set_page_zoom,
        ],
    );
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        // Size, position and maximised state are remembered between launches (in the app's
        // config folder, not the data folder: nothing about children).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .manage(AppState::open_resolved(dir))
        .setup(move |app| {
            quit_on_signals(app.handle().clone());
            if let Some(listener) = listener {
                let handle = app.handle().clone();
                listener.serve(move || {
                    if let Some(w) = handle.get_webview_window("main") {
                        let _ = w.unminimize();
                        let _ = w.show();
                        let _ = w.set_focus();
                    }
                });
            }
            if let Some(window) = app.get_webview_window("main") {
                memory::tune(&window);
                commands::window::british_english(&window);
                // The remembered page size, before the window is first shown.
                let zoom = commands::window::remembered_zoom(&window);
                if zoom != 1.0 {
                    let _ = window.set_zoom(zoom);
                }
                commands::window::show_anyway_later(window);
            }
            Ok(())
        })
        .invoke_handler(handler)
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(move |_, event| {
            if let (tauri::RunEvent::Exit, Some(socket)) = (event, &socket) {
                let _ = std::fs::remove_file(socket);
            }
        }),
        Err(e) => {
            eprintln!("Convene could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// `handler`, telling `work` of each request first (`memory::release_when_idle`).
fn counting_requests<R: tauri::Runtime>(
    work: std::sync::mpsc::Sender<()>,
    handler: impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        // The idle thread has gone only if it could not start: requests are served all the same.
        let _ = work.send(());
        handler(invoke)
    }
}

/// SIGTERM (logout, shutdown, `kill`), SIGHUP and SIGINT end the app the way closing its window
/// does, so exit hooks run (the window's size and position are saved). Every save is already
/// flushed before it is acknowledged, so no data waits on this.
#[cfg(unix)]
fn quit_on_signals(app: tauri::AppHandle) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(mut signals) => {
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    app.exit(0);
                }
            });
        }
        Err(e) => eprintln!("Convene will not save its window size when stopped by a signal: {e}"),
    }
}

#[cfg(not(unix))]
fn quit_on_signals(_app: tauri::AppHandle) {}
