//! tauri-build: reads the root tauri.conf.json, our capabilities, and restricts the IPC surface
//! to the app's own commands (each gets an `allow-<command>` permission).

const COMMANDS: &[&str] = &[
    "store_status",
    "load_demo",
    "list_children",
    "upcoming_meetings",
    "outcomes_to_record",
    "dashboard",
    "child_detail",
    "suggest_slots",
    "save_meeting",
    "what_if",
    "list_conflicts",
    "restore_latest_backup",
    "list_people",
    "person_busy",
    "add_busy",
    "record_event",
    "add_child",
    "record_birth",
    "edit_child",
    "start_episode",
    "end_episode",
    "remove_episode",
    "add_person",
    "change_person",
    "record_leaving",
    "directory",
    "save_agency",
    "save_team",
    "start_empty",
    "change_network",
    "change_siblings",
    "allocate_child",
    "list_social_workers",
    "remove_event",
    "remove_busy",
    "import_calendar",
    "unlock",
    "child_history",
    "kpis",
    "list_teams",
    "agenda",
    "agenda_templates",
    "save_agenda_template",
    "caseloads",
    "caseload_history",
    "save_invitation",
    "save_agenda_pdf",
    "outcome_form",
    "record_outcome",
    "next_meetings",
    "kpi_trend",
    "kpi_by_team",
    "caseload_limits",
    "save_caseload_limits",
    "calendar_entries",
    "check_move",
    "move_meeting",
    "meeting_editor",
    "edit_meeting",
    "cancel_meeting",
    "hold_as_icpc",
    "settings_view",
    "change_settings",
    "import_holidays",
    "list_backups",
    "backup_now",
    "restore_backup",
    "restore_backup_file",
    "venues",
    "save_venue",
    "working_pattern",
    "save_working_pattern",
    "first_screen_drawn",
    "page_zoom",
    "set_page_zoom",
];

/// The app embeds `ui/dist`; a plain `cargo build` from a fresh clone builds the UI first.
fn ensure_ui_built() {
    if std::path::Path::new("ui/dist/index.html").exists() {
        return;
    }
    let npm = |args: &[&str]| std::process::Command::new("npm").args(args).current_dir("ui").status();
    let ok = npm(&["ci", "--no-audit", "--no-fund"]).is_ok_and(|s| s.success())
        && npm(&["run", "build"]).is_ok_and(|s| s.success());
    if !ok {
        println!("cargo:warning=ui/dist is missing and `npm ci && npm run build` in ui/ failed; install Node 20+ or run `make build`.");
        std::process::exit(1);
    }
}

/// How the app's binary is linked on Linux with glibc, to keep less of it in memory
/// (BENCHMARKS.md, memory):
/// - `-z pack-relative-relocs`: the ~46,000 pointers the loader fixes up at start (most of them
///   chrono-tz's zone abbreviations) are listed in a compact bitmap (DT_RELR) instead of 24 bytes
///   each, so the loader reads about 1 MiB less of the file. Needs glibc 2.36 or later
///   (Debian 12); the package says so (`tauri.conf.json`).
/// - `-z keep-text-section-prefix`: the profile-guided build (`scripts/pgo.sh`) marks code by
///   how often the training run ran it; keeping those marks as sections puts the code start-up
///   runs apart from code that never ran, instead of interleaving them.
fn link_args() {
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    if linux_gnu {
        for arg in ["-Wl,-z,pack-relative-relocs", "-Wl,-z,keep-text-section-prefix"] {
            println!("cargo:rustc-link-arg-bin=convene-desktop={arg}");
        }
    }
}

fn main() {
    ensure_ui_built();
    link_args();
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
