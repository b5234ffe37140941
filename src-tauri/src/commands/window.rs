//! The main window opens on its first screen. It is created hidden (`visible: false` in
//! tauri.conf.json) and shown once the UI has drawn that screen — the dashboard's list, the empty
//! state, or the unlock or error message — rather than on a blank page that then says "Opening
//! your data…" and "Working out timescales…" before the list.
//!
//! That is also one full-window image less: each of those quick repaints went to the X server
//! through a window-sized block of shared memory, and the second, sent while the first was still
//! in use, took a fresh 4 MB that stayed resident (about 2 MiB of PSS, split with the X server;
//! `make bench-memory`, BENCHMARKS.md).

use std::time::Duration;

use tauri::{Runtime, WebviewWindow};

use crate::error::IpcError;

/// If the page never says its first screen is drawn (it failed to load, or a slow machine is
/// still working on the list), the window is shown anyway after this long: the app is never
/// running unseen.
pub const SHOW_ANYWAY_AFTER: Duration = Duration::from_secs(2);

/// The UI has drawn its first screen: show the window and give it the keyboard. Called again
/// (the dashboard opened a second time) it does nothing.
#[tauri::command]
pub fn first_screen_drawn<R: Runtime>(window: WebviewWindow<R>) -> Result<(), IpcError> {
    show(&window).map_err(|e| IpcError::new("window", format!("The window could not be shown: {e}")))
}

/// Show `window` and focus it, unless it is already visible.
fn show<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    if window.is_visible()? {
        return Ok(());
    }
    window.show()?;
    window.set_focus()
}

/// Show `window` after `SHOW_ANYWAY_AFTER` if the UI has not by then.
pub fn show_anyway_later<R: Runtime>(window: WebviewWindow<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(SHOW_ANYWAY_AFTER);
        if let Err(e) = show(&window) {
            eprintln!("Convene could not show its window: {e}");
        }
    });
}
