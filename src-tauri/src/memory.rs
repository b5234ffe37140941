//! Keeping the window's memory down on Linux, where WebKitGTK draws it. Measured with the
//! release build on demo data (BENCHMARKS.md): accelerated compositing alone costs the web
//! process about 100 MiB, which a planner of lists and forms does not need.

/// Before anything starts WebKit: draw without accelerated compositing (the web process
/// inherits the environment). A value the user has set is left alone.
pub fn before_start() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Called first thing in `run`, before any thread exists.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

/// Once the window exists: the smallest cache model (one document, no back-forward pages), and
/// no WebGL or Web Audio, which the app never uses.
pub fn tune<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let _ = window.with_webview(|w| {
            use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
            let view = w.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_enable_page_cache(false);
                settings.set_enable_webgl(false);
                settings.set_enable_webaudio(false);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
