//! The memory floor: an empty window of the same Tauri and WebKitGTK build, with the same memory
//! settings as the app, on an empty page. `scripts/memory_floor.py` measures it beside the app, so
//! BENCHMARKS.md can say how much of the app's memory is the platform's and how much is ours.

fn main() {
    convene_desktop::memory::before_start();
    let mut context = tauri::generate_context!();
    // No window from the app's config: only the blank one below.
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .setup(|app| {
            let url = tauri::WebviewUrl::External("about:blank".parse()?);
            let window = tauri::WebviewWindowBuilder::new(app, "floor", url)
                .title("Memory floor")
                .inner_size(1280.0, 800.0)
                .build()?;
            convene_desktop::memory::tune(&window);
            // about:blank is drawn without a web process; a page of our own needs one, as the
            // app's does.
            #[cfg(target_os = "linux")]
            window.with_webview(|w| {
                use webkit2gtk::WebViewExt;
                w.inner()
                    .load_html("<!doctype html><title>Floor</title><p>Empty page.</p>", None);
            })?;
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("memory_floor: {e}");
        std::process::exit(1);
    }
}
