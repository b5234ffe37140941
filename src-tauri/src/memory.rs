//! Keeping the window's memory down on Linux, where WebKitGTK draws it. Measured with the
//! release build on demo data (BENCHMARKS.md): accelerated compositing alone costs the web
//! process about 100 MiB, which a planner of lists and forms does not need.

/// What the window's processes are started with, unless the user has set them:
/// - `WEBKIT_DISABLE_COMPOSITING_MODE`: draw without accelerated compositing.
/// - `JSC_useJIT=0`: run the page's JavaScript in JavaScriptCore's interpreter, without its
///   just-in-time compilers. Measured on demo data (BENCHMARKS.md): about 8–10 MiB less in the
///   web process, and no slower beyond this machine's noise where it matters (alternating e2e
///   runs of the release build: month view medians 93 and 115 ms with JIT, 117 and 96 ms
///   without; cold start no slower). A page without JIT is also a smaller target, as in Safari's
///   Lockdown Mode.
pub const WEBKIT_ENVIRONMENT: [(&str, &str); 2] = [("WEBKIT_DISABLE_COMPOSITING_MODE", "1"), ("JSC_useJIT", "0")];

/// Before anything starts WebKit: set `WEBKIT_ENVIRONMENT` (the web process inherits the
/// environment). A value the user has set is left alone.
pub fn before_start() {
    #[cfg(target_os = "linux")]
    for (name, value) in WEBKIT_ENVIRONMENT {
        if std::env::var_os(name).is_none() {
            // Called first thing in `run`, before any thread exists.
            std::env::set_var(name, value);
        }
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
