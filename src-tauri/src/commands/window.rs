//! The main window opens on its first screen. It is created hidden (`visible: false` in
//! tauri.conf.json) and shown once the UI has drawn that screen — the dashboard's list, the empty
//! state, or the unlock or error message — rather than on a blank page that then says "Opening
//! your data…" and "Working out timescales…" before the list.
//!
//! That is also one full-window image less: each of those quick repaints went to the X server
//! through a window-sized block of shared memory, and the second, sent while the first was still
//! in use, took a fresh 4 MB that stayed resident (about 2 MiB of PSS, split with the X server;
//! `make bench-memory`, BENCHMARKS.md).

use std::path::PathBuf;
use std::time::Duration;

use tauri::{Manager, Runtime, WebviewWindow};

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

/// The page's zoom: text and layout together, as a browser's Ctrl + and Ctrl − do (WCAG 2.2
/// 1.4.4 and 1.4.10: up to 400%, where the window's 1280 pixels are 320 CSS pixels and the
/// layout reflows to one column). Remembered between launches beside the window's size, in the
/// app's config folder (nothing about children).
pub const ZOOM_MIN: f64 = 0.5;
pub const ZOOM_MAX: f64 = 4.0;

/// The zoom to use: `level` within `ZOOM_MIN..=ZOOM_MAX`, or `None` for what is not a number.
pub fn zoom_level(level: f64) -> Option<f64> {
    level.is_finite().then(|| level.clamp(ZOOM_MIN, ZOOM_MAX))
}

fn zoom_file<R: Runtime, M: Manager<R>>(app: &M) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("page-zoom"))
}

/// The remembered zoom (1 when none is, or the file does not hold one).
pub fn remembered_zoom<R: Runtime, M: Manager<R>>(app: &M) -> f64 {
    zoom_file(app)
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|t| t.trim().parse::<f64>().ok())
        .and_then(zoom_level)
        .unwrap_or(1.0)
}

/// The page's zoom now (as remembered, which is what the window was given).
#[tauri::command]
pub fn page_zoom<R: Runtime>(window: WebviewWindow<R>) -> f64 {
    remembered_zoom(&window)
}

/// Zoom the page to `level` (kept within 50% to 400%) and remember it; returns the level used.
#[tauri::command]
pub fn set_page_zoom<R: Runtime>(window: WebviewWindow<R>, level: f64) -> Result<f64, IpcError> {
    let level = zoom_level(level).ok_or_else(|| IpcError::new("invalid", "The page size must be a number."))?;
    window
        .set_zoom(level)
        .map_err(|e| IpcError::new("window", format!("The page could not be resized: {e}")))?;
    // Remembering it is a convenience: the page is resized even when the folder cannot be written.
    if let Some(file) = zoom_file(&window) {
        let written = file
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&file, format!("{level}\n")));
        if let Err(e) = written {
            eprintln!("Convene could not remember the page size: {e}");
        }
    }
    Ok(level)
}

/// The page's language: British English, whatever the machine's own locale is. WebKit lays out
/// date fields in the order of its preferred language, not the page's `lang` (WebKitGTK does not
/// follow `lang` for form controls), so under a US or unset locale a date field reads 12/01/2026
/// for 1 December: a date a practitioner could misread as 12 January. With "en-GB" it reads
/// 01/12/2026, as every date the app writes does. It also sets `navigator.language`.
pub fn british_english<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let _ = window.with_webview(|w| {
            use webkit2gtk::{WebContextExt, WebViewExt};
            if let Some(context) = w.inner().context() {
                context.set_preferred_languages(&["en-GB"]);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_levels_are_kept_between_half_and_four_times_and_must_be_numbers() {
        assert_eq!(zoom_level(2.0), Some(2.0));
        assert_eq!(zoom_level(0.1), Some(ZOOM_MIN));
        assert_eq!(zoom_level(9.0), Some(ZOOM_MAX));
        assert_eq!(zoom_level(f64::NAN), None);
        assert_eq!(zoom_level(f64::INFINITY), None);
    }
}
