#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Records that must never reach the store, whether typed in or imported: times outside the
//! dates Convene handles (which would make the whole store unreadable), busy time and settings
//! that skip the checks the app and CLI make.

use chrono::{DateTime, FixedOffset, NaiveDate};
use convene_core::agenda::{AgendaTemplate, Variant};
use convene_core::demo::{demo_dataset, DEFAULT_SEED};
use convene_core::holidays::{BankHoliday, Division, PublishedHolidays};
use convene_core::rules::{Offset, OffsetUnit, PackSettings, RuleChange};
use convene_core::settings::Settings;
use convene_core::*;
use convene_store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%:z").unwrap()
}

const OUTSIDE: &str = "is outside the dates Convene handles (2000-01-01 to 2199-12-31)";

#[test]
fn a_time_outside_2000_to_2199_is_never_written_and_the_store_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let before;
    {
        let store = Store::open(dir.path()).unwrap();
        store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
        before = store.export().unwrap();
        let ds = store.load_dataset().unwrap();
        let person = ds.people[0].id;

        let mut m = ds.meetings[0].clone();
        m.start = at("+10000-06-01T10:00:00+01:00");
        m.end = at("+10000-06-01T11:00:00+01:00");
        let err = store.save_meeting(&m, MeetingChange::Updated, at("2026-11-25T10:00:00+00:00"));
        assert!(err.unwrap_err().to_string().contains(OUTSIDE));

        let block = |start: &str, end: &str| BusyBlock {
            id: BusyId::new_random(),
            owner: BusyOwner::Person(person),
            start: at(start),
            end: at(end),
            kind: BusyKind::Leave,
            note: "Leave".into(),
            source: None,
        };
        let ancient = block("-0001-01-01T00:00:00-00:01", "-0001-01-02T00:00:00-00:01");
        assert!(store.put(&ancient).unwrap_err().to_string().contains(OUTSIDE));
        let mut endless = block("2026-12-01T10:00:00+00:00", "+10000-01-01T00:00:00+00:00");
        assert!(store.put(&endless).unwrap_err().to_string().contains(OUTSIDE));
        endless.source = Some("forever@example.org".into());
        endless.kind = BusyKind::Imported;
        let err = store.replace_imported_busy(BusyOwner::Person(person), &[endless]);
        assert!(err.unwrap_err().to_string().contains(OUTSIDE));

        let mut baby = ds.children[0].clone();
        baby.id = ChildId::new_random();
        baby.siblings.clear();
        baby.birth = Birth::Unborn {
            expected_delivery: NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
        };
        assert!(store.put(&baby).unwrap_err().to_string().contains(OUTSIDE));
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.load_dataset().is_ok());
    assert_eq!(store.export().unwrap(), before);
    assert!(store.check().unwrap().problems.is_empty());
}

/// The demo's export with `change` made to its JSON, imported into an empty store: the error.
fn import_error(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let source = tempfile::tempdir().unwrap();
    let store = Store::open(source.path()).unwrap();
    store.write_dataset(&demo_dataset(today(), DEFAULT_SEED)).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&store.export().unwrap()).unwrap();
    change(&mut file);
    let target = tempfile::tempdir().unwrap();
    let empty = Store::open(target.path()).unwrap();
    let err = empty.import(&file.to_string()).unwrap_err().to_string();
    assert!(empty.is_empty(), "{err}");
    assert!(err.ends_with("Nothing was imported."), "{err}");
    err
}

fn with_settings(change: impl FnOnce(&mut Settings)) -> impl FnOnce(&mut serde_json::Value) {
    move |file| {
        let mut s: Settings = serde_json::from_value(file["settings"].clone()).unwrap();
        change(&mut s);
        file["settings"] = serde_json::to_value(&s).unwrap();
    }
}

#[test]
fn an_import_checks_busy_blocks_and_settings_as_the_app_does() {
    let block = |owner: serde_json::Value, start: &str, end: &str, note: &str| {
        serde_json::json!({
            "id": BusyId::new_random(),
            "owner": owner,
            "start": start,
            "end": end,
            "kind": "leave",
            "note": note,
        })
    };
    let stranger = serde_json::json!({ "type": "person", "id": PersonId::new_random() });
    let err = import_error(|f| {
        f["data"]["busy"] = serde_json::json!([block(
            stranger,
            "2026-12-01T10:00:00+00:00",
            "2026-12-01T11:00:00+00:00",
            "x"
        )]);
    });
    assert!(err.contains("does not exist"), "{err}");
    let err = import_error(|f| {
        let owner = serde_json::json!({ "type": "person", "id": f["data"]["people"][0]["id"] });
        f["data"]["busy"] = serde_json::json!([block(
            owner,
            "2026-12-01T10:00:00+05:00",
            "2026-12-01T11:00:00+05:00",
            "x"
        )]);
    });
    assert!(err.contains("does not carry the UK's offset"), "{err}");

    let err = import_error(with_settings(|s| {
        s.overrides.settings = Some(PackSettings {
            due_soon_working_days: 31,
            ..PackSettings::default()
        })
    }));
    assert!(
        err.contains("\"Due soon\" must be between 0 and 30 working days, not 31."),
        "{err}"
    );
    let err = import_error(with_settings(|s| {
        s.overrides.changes = vec![RuleChange {
            id: "strategy-to-icpc".into(),
            offset: Some(Offset {
                amount: 0,
                unit: OffsetUnit::WorkingDays,
            }),
            ..RuleChange::default()
        }]
    }));
    assert!(
        err.contains("A rule's time limit must be between 1 and 260 working days, not 0."),
        "{err}"
    );
    let err = import_error(with_settings(|s| {
        let first = s.caseloads.roles[0].clone();
        s.caseloads.roles.push(first);
    }));
    assert!(err.contains("appears twice"), "{err}");
    let err = import_error(with_settings(|s| {
        s.agendas = vec![AgendaTemplate {
            kind: MeetingKind::Icpc,
            variant: Variant::Professional,
            items: vec![" ".into()],
        }]
    }));
    assert!(err.contains("The agenda must not be empty."), "{err}");
    let err = import_error(with_settings(|s| {
        s.closures = vec![NaiveDate::from_ymd_opt(1990, 1, 1).unwrap()];
    }));
    assert!(err.contains("Closure days must fall between 2000 and 2199"), "{err}");
    let err = import_error(with_settings(|s| {
        s.imported_holidays.insert(
            Division::EnglandAndWales,
            PublishedHolidays {
                holidays: vec![BankHoliday {
                    date: NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
                    title: "New Year's Day".into(),
                    confirmed: true,
                }],
            },
        );
    }));
    assert!(err.contains("1990-01-01"), "{err}");

    let err = import_error(|f| f["data"]["meetings"][0]["sequence"] = serde_json::json!(u32::MAX));
    assert!(err.contains("4294967295"), "{err}");
    let err = import_error(|f| {
        f["data"]["children"][0]["birth"] = serde_json::json!({"type": "unborn", "expected_delivery": "1990-01-01"})
    });
    assert!(err.contains(OUTSIDE), "{err}");
}

#[test]
fn an_import_refuses_a_repeated_or_out_of_range_caseload_snapshot() {
    let snapshot = |date: &str, person: &serde_json::Value| serde_json::json!({ "date": date, "person": person, "children": 3, "cp": 1, "cin": 1, "lac": 1 });
    let err = import_error(|f| {
        let person = f["data"]["people"][0]["id"].clone();
        f["data"]["caseload_snapshots"] =
            serde_json::json!([snapshot("2026-11-25", &person), snapshot("2026-11-25", &person)]);
    });
    assert!(err.contains("caseload snapshot"), "{err}");
    let err = import_error(|f| {
        let person = f["data"]["people"][0]["id"].clone();
        f["data"]["caseload_snapshots"] = serde_json::json!([snapshot("1999-12-31", &person)]);
    });
    assert!(err.contains(OUTSIDE), "{err}");
}
