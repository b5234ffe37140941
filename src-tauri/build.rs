//! tauri-build: reads the root tauri.conf.json, our capabilities, and restricts the IPC surface
//! to the app's own commands (each gets an `allow-<command>` permission).

const COMMANDS: &[&str] = &[
    "store_status",
    "load_demo",
    "list_children",
    "upcoming_meetings",
    "due_items",
    "child_detail",
    "suggest_slots",
    "save_meeting",
    "what_if",
    "list_conflicts",
    "restore_latest_backup",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=ui/dist");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
