#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The UI's TypeScript types are generated from the Rust types and committed under
//! `ui/src/bindings/`. This test regenerates them into a temporary directory and fails when the
//! committed files differ. `CONVENE_UPDATE_BINDINGS=1 cargo test -p convene-core --test bindings`
//! (or `make bindings`) rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use convene_core::rules::{LocalOverrides, RulePack};
use convene_core::views::*;
use convene_core::*;
use ts_rs::{Config, TS};

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    macro_rules! export {
        ($($t:ty),* $(,)?) => {$(
            <$t as TS>::export_all(&cfg).expect(concat!("export ", stringify!($t)));
        )*};
    }
    export!(
        ChildSummary,
        MeetingSummary,
        DueItemView,
        DashboardView,
        Me,
        OutcomeToRecord,
        MeetingKindView,
        EventKindView,
        EventDraft,
        ChildDraft,
        ChildEdit,
        EpisodeDraft,
        NetworkRoleView,
        PersonDraft,
        AgencyDraft,
        TeamDraft,
        AgencyView,
        TeamView,
        StoreStatus,
        UiError,
        Child,
        Person,
        Agency,
        Team,
        Venue,
        Episode,
        Meeting,
        Event,
        RulePack,
        LocalOverrides,
        convene_core::settings::Settings,
        convene_core::whatif::WhatIf,
        convene_core::schedule::SlotRequest,
        convene_core::schedule::SlotResult,
        convene_core::schedule::Conflict,
        BusyBlock,
        MeetingHistoryEntry,
        ChildDetail,
        SaveOutcome,
        SlotQuery,
        convene_core::schedule::planning::MeetingDraft,
        PersonView,
        BusyDraft,
        ChangeView,
        convene_core::kpi::Kpi,
        convene_core::kpi::KpiPoint,
        Named,
        convene_core::agenda::Agenda,
        convene_core::agenda::AgendaFact,
        convene_core::outcome::OutcomeForm,
        convene_core::outcome::OutcomeInput,
        convene_core::outcome::Proposal,
        convene_core::agenda::TemplateView,
        convene_core::caseload::Caseloads,
        convene_core::caseload::CaseloadSnapshot,
        convene_core::diary::CalendarEntry,
        convene_core::diary::CalendarPage,
        convene_core::diary::CalendarFilter,
        convene_core::schedule::moving::MoveCheck,
        convene_core::schedule::editing::MeetingEditor,
        convene_core::schedule::editing::DueBefore,
        convene_core::schedule::editing::MeetingEdit,
        convene_core::schedule::editing::InviteeChange,
        convene_core::settings::SettingsView,
        convene_core::views::BackupView,
        convene_core::views::SavedPdf,
        convene_core::views::VenueDraft,
        convene_core::views::Progress,
        convene_core::views::WorkingPatternDraft,
        convene_core::views::WorkingDayDraft,
        convene_core::settings::SettingsChange,
    );
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "ts") {
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                out.insert(name, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let committed_dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "..", "..", "ui", "src", "bindings"]
        .iter()
        .collect();
    if std::env::var("CONVENE_UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        let _ = std::fs::remove_dir_all(&committed_dir);
        export_all(&committed_dir);
        return;
    }
    let fresh = std::env::temp_dir().join(format!("convene-bindings-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    export_all(&fresh);
    let (want, have) = (files(&fresh), files(&committed_dir));
    let _ = std::fs::remove_dir_all(&fresh);
    let stale: Vec<&String> = want
        .keys()
        .filter(|k| want.get(*k) != have.get(*k))
        .chain(have.keys().filter(|k| !want.contains_key(*k)))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is out of date with the Rust types ({stale:?}); run `make bindings` and commit the result"
    );
}
