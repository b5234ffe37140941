#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Agenda PDFs from the demo data, as `convene agenda --format pdf` makes them: build the
//! agenda from the dataset, lay it out and write the PDF (target: one < 50 ms; 100 < 3 s).
//! Run: `cargo bench -p convene-pdf --bench agenda`.

use std::sync::OnceLock;

use chrono::NaiveDate;
use convene_core::agenda::{self, Variant};
use convene_core::dataset::Dataset;
use convene_core::rules::RulePack;
use convene_core::settings::Settings;
use convene_core::{MeetingId, MeetingStatus, WorkingDayCalendar};

fn main() {
    divan::main();
}

struct World {
    ds: Dataset,
    settings: Settings,
    pack: RulePack,
    cal: WorkingDayCalendar,
    meetings: Vec<MeetingId>,
    today: NaiveDate,
}

fn world() -> &'static World {
    static CELL: OnceLock<World> = OnceLock::new();
    CELL.get_or_init(|| {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        // Enough families for 100 agendas of every kind.
        let ds = convene_core::demo::synthetic_authority(today, convene_core::demo::DEFAULT_SEED, 200);
        let settings = Settings::default();
        let pack = settings.pack().unwrap();
        let cal = settings.calendar(pack.division);
        let mut meetings: Vec<_> = ds
            .meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Planned)
            .map(|m| m.id)
            .collect();
        meetings.truncate(100);
        assert_eq!(meetings.len(), 100, "the synthetic data has 100 planned meetings");
        World {
            ds,
            settings,
            pack,
            cal,
            meetings,
            today,
        }
    })
}

fn one(w: &World, id: MeetingId, variant: Variant) -> usize {
    let a = agenda::build(&w.pack, &w.cal, &w.ds, &w.settings, id, variant, w.today).unwrap();
    convene_pdf::agenda_pdf(&a).unwrap().0.len()
}

#[divan::bench(args = [Variant::Professional, Variant::Family])]
fn agenda_pdf_one(variant: Variant) -> usize {
    let w = world();
    one(w, divan::black_box(w.meetings[0]), variant)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn agenda_pdf_100() -> usize {
    let w = world();
    w.meetings.iter().map(|&id| one(w, id, Variant::Professional)).sum()
}
