//! Files the user chooses: backups, restores and the bank-holiday import, through the native
//! dialogs (or, in e2e tests, the paths in CONVENE_SAVE_DIR / CONVENE_OPEN_FILE).

use convene_core::views::Progress;
use convene_core::views::StoreStatus;
use tauri::ipc::Channel;
use tauri::State;

use super::*;
use crate::error::IpcError;
use crate::state::{today, AppState};

/// Restore the newest backup (offered when the store cannot be opened).
#[tauri::command]
pub async fn restore_latest_backup(
    state: State<'_, AppState>,
    passphrase: Option<String>,
) -> Result<StoreStatus, IpcError> {
    state.restore_latest(passphrase.as_deref())?;
    state.with_store(status)
}

/// A native file dialog on the app's window (so it stays in front of it, modal), waited for on
/// the blocking pool rather than on one of the few async workers every command shares: a dialog
/// left open behind another window must not stall the other screens' commands.
async fn native_dialog(
    app: &tauri::AppHandle,
    ask: impl FnOnce(tauri_plugin_dialog::FileDialogBuilder<tauri::Wry>) -> Option<tauri_plugin_dialog::FilePath>
        + Send
        + 'static,
) -> Option<std::path::PathBuf> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let mut dialog = app.dialog().file();
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    tauri::async_runtime::spawn_blocking(move || ask(dialog))
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
}

/// The end-to-end tests' stand-in for a native dialog (which WebDriver cannot drive): the value
/// of `name`, honoured only while the window runs under WebDriver automation (tauri-driver sets
/// `TAURI_WEBVIEW_AUTOMATION`, without which the page cannot be automated at all). Whoever drives
/// the window then already controls everything it can do; in an ordinary launch a stray
/// variable in the user's environment never replaces the dialog.
fn e2e_hook(get: impl Fn(&str) -> Option<std::ffi::OsString>, name: &str) -> Option<std::ffi::OsString> {
    let automated = get("TAURI_WEBVIEW_AUTOMATION").is_some_and(|v| v == "true");
    get(name).filter(|_| automated)
}

/// Where to save a file: the system's save dialog, or — for the end-to-end tests, which cannot
/// drive a native dialog — the folder in `CONVENE_SAVE_DIR`. `None` when the user cancels.
pub(crate) async fn choose_path(
    app: &tauri::AppHandle,
    name: &str,
    filter: (&str, &[&str]),
) -> Option<std::path::PathBuf> {
    if let Some(dir) = e2e_hook(|k: &str| std::env::var_os(k), "CONVENE_SAVE_DIR") {
        return Some(std::path::PathBuf::from(dir).join(name));
    }
    let (name, label) = (name.to_string(), filter.0.to_string());
    let extensions: Vec<String> = filter.1.iter().map(|e| e.to_string()).collect();
    native_dialog(app, move |d| {
        let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
        d.set_file_name(name)
            .add_filter(label, &extensions)
            .blocking_save_file()
    })
    .await
}

/// The file the user picks in the native open dialog — or, in e2e tests, which cannot drive a
/// native dialog, the one in `CONVENE_OPEN_FILE`. `None` when the user cancels.
pub(crate) async fn choose_file(app: &tauri::AppHandle, filter: (&str, &[&str])) -> Option<std::path::PathBuf> {
    if let Some(path) = e2e_hook(|k: &str| std::env::var_os(k), "CONVENE_OPEN_FILE") {
        return Some(std::path::PathBuf::from(path));
    }
    let label = filter.0.to_string();
    let extensions: Vec<String> = filter.1.iter().map(|e| e.to_string()).collect();
    native_dialog(app, move |d| {
        let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
        d.add_filter(label, &extensions).blocking_pick_file()
    })
    .await
}

pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<String, IpcError> {
    convene_store::backup::write_atomically(path, bytes)?;
    Ok(path.display().to_string())
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
pub async fn backup_now(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    on_progress: Channel<Progress>,
) -> Result<Option<String>, IpcError> {
    let name = format!("convene-backup-{}.json", today().format("%Y-%m-%d"));
    let Some(path) = choose_path(&app, &name, ("Convene backup (JSON)", &["json"])).await else {
        return Ok(None);
    };
    let shown = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(name);
    state.with_store(|store| {
        let (children, meetings) = (
            store.count::<convene_core::Child>(),
            store.count::<convene_core::Meeting>(),
        );
        tell(
            &on_progress,
            Progress::new(
                1,
                3,
                format!("Reading {children} children, {meetings} meetings and their records"),
            ),
        );
        let text = store.export()?;
        tell(&on_progress, Progress::new(2, 3, format!("Writing {shown}")));
        write_file(&path, text.as_bytes())?;
        tell(
            &on_progress,
            Progress::new(3, 3, format!("Done: {children} children and {meetings} meetings")),
        );
        Ok(Some(format!(
            "Backup written: {shown} ({children} children, {meetings} meetings)."
        )))
    })
}

/// Tell the window how long work is going. A window that has gone away cannot be told, and
/// the work goes on regardless.
pub(crate) fn tell(channel: &Channel<Progress>, p: Progress) {
    let _ = channel.send(p);
}

/// Replace the data with one of the data folder's backups (by file name). The current data is
/// kept aside, never deleted.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    name: String,
    passphrase: Option<String>,
    on_progress: Channel<Progress>,
) -> Result<StoreStatus, IpcError> {
    let file = convene_store::backup::list_backups(&state.dir()?)
        .into_iter()
        .find(|p| p.file_name().and_then(|n| n.to_str()) == Some(name.as_str()))
        .ok_or_else(|| IpcError::new("no-backup", format!("There is no backup called {name}.")))?;
    state.restore_from(&file, passphrase.as_deref(), &mut |p| tell(&on_progress, p))?;
    state.with_store(status)
}

/// Replace the data with a backup or export file the user chooses (native open dialog); `None`
/// when they cancel. An encrypted file needs its `passphrase` ("import-needs-passphrase" says so).
#[tauri::command]
pub async fn restore_backup_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    passphrase: Option<String>,
    on_progress: Channel<Progress>,
) -> Result<Option<StoreStatus>, IpcError> {
    let path = choose_file(&app, ("Convene backup (JSON)", &["json"])).await;
    let Some(path) = path else {
        return Ok(None);
    };
    state.restore_from(&path, passphrase.as_deref(), &mut |p| tell(&on_progress, p))?;
    Ok(Some(state.with_store(status)?))
}

/// Ask for a GOV.UK bank-holidays file (native open dialog) and import it; `None` when the user
/// cancels. A bad file changes nothing and says why.
#[tauri::command]
pub async fn import_holidays(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let path = choose_file(&app, ("GOV.UK bank holidays (JSON)", &["json"])).await;
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
pub(crate) fn read_small_text(path: &std::path::Path, limit: u64) -> Result<String, IpcError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::ffi::OsString;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = pairs.iter().map(|(k, v)| (k.to_string(), OsString::from(v))).collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn the_dialog_stand_ins_work_only_under_webdriver_automation() {
        let stray = env(&[("CONVENE_SAVE_DIR", "/tmp/elsewhere")]);
        assert_eq!(e2e_hook(&stray, "CONVENE_SAVE_DIR"), None);
        let off = env(&[("CONVENE_SAVE_DIR", "/tmp/x"), ("TAURI_WEBVIEW_AUTOMATION", "false")]);
        assert_eq!(e2e_hook(&off, "CONVENE_SAVE_DIR"), None);
        let driven = env(&[
            ("CONVENE_OPEN_FILE", "/tmp/f.json"),
            ("TAURI_WEBVIEW_AUTOMATION", "true"),
        ]);
        assert_eq!(
            e2e_hook(&driven, "CONVENE_OPEN_FILE"),
            Some(OsString::from("/tmp/f.json"))
        );
        assert_eq!(e2e_hook(&driven, "CONVENE_SAVE_DIR"), None);
    }
}
