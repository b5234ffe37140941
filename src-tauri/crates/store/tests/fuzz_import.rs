#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Fuzzing the JSON export importer: `parse_export_with` on every input, and `Store::import_with`
//! (or `import_with_backup`) into an empty temp store for the inputs that parse and check, plus
//! a random share of those that parse but do not check. Inputs start from the corpus in
//! `tests/fuzz-corpus/export/` and are damaged byte by byte, token by token and as JSON trees.
//!
//! - `cargo test -p convene-store --test fuzz_import`: the corpus as it is, then 256 inputs
//!   (at most ~10 s).
//! - `CONVENE_FUZZ_SECS=600 cargo test --release -p convene-store --test fuzz_import -- --nocapture`:
//!   keeps going for 600 s and prints `fuzz export: …` with the number of executions.
//!   `CONVENE_FUZZ_SEED=<u64>` repeats a run.
//!
//! A panic (also one caught inside the importer), an encrypted export that parses without its
//! passphrase, or an import that succeeds but leaves a store failing its integrity check, an
//! unreadable export or a broken audit chain, or a refused import that leaves anything in the
//! store, fails the test; the shrunk input is written to
//! `tests/fuzz-corpus/export/crash-<hash>` and replayed first on every later run.
//!
//! Encrypted exports (`convene-export-encrypted`) are opened with a passphrase only when their
//! key-derivation settings are cheap (the fuzzer seals inputs with an 8 KiB Argon2id key); the
//! real corpus file uses the store's 64 MiB settings and is only parsed without a passphrase.
//! `write_export_corpus` (ignored) rewrites the generated corpus files.

use std::time::{Duration, Instant};

use base64::Engine as _;
use convene_fuzzkit::json::{base, byte_mut, json_mut, render_json, Base, ByteMut, Corpus, JsonMut};
use convene_fuzzkit::{corpus_dir, fuzz, Target};
use convene_store::crypto::{Cipher, KdfParams};
use convene_store::{parse_export_with, Store, StoreError};
use proptest::prelude::*;
use serde_json::{json, Value};

const PASSPHRASE: &str = "convene-fuzz-passphrase";
const ENCRYPTED_FORMAT: &str = "convene-export-encrypted";

// ---------------------------------------------------------------------------------------------
// The export importer.

#[derive(Debug, Clone)]
struct Recipe {
    base: Base,
    json: Vec<JsonMut>,
    bytes: Vec<ByteMut>,
    pretty: bool,
    /// Seal the damaged text (its raw bytes) in an encrypted envelope with a cheap key.
    seal: bool,
    /// 0..100: files that pass the pure checks are imported into a store below 25, files that
    /// only parse below 3 (a store costs milliseconds).
    import: u8,
    /// Import with `import_with_backup`, as the app and the CLI do.
    backup: bool,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    (
        base(),
        prop::collection::vec(json_mut(), 0..5),
        prop_oneof![Just(vec![]), prop::collection::vec(byte_mut(), 1..4)],
        any::<bool>(),
        prop::bool::weighted(0.1),
        0u8..100,
        any::<bool>(),
    )
        .prop_map(|(base, json, bytes, pretty, seal, import, backup)| Recipe {
            base,
            json,
            bytes,
            pretty,
            seal,
            import,
            backup,
        })
}

/// A store, dropped before its directory.
struct Scratch {
    store: Store,
    _dir: tempfile::TempDir,
}

#[derive(Default)]
struct Stats {
    parsed: u64,
    sealed: u64,
    opened: u64,
    checked: u64,
    imports: u64,
    imported: u64,
    import_time: Duration,
}

struct Export {
    c: Corpus,
    cheap_kdf: KdfParams,
    cheap: Cipher,
    scratch: Option<Scratch>,
    stats: Stats,
}

fn cheap_kdf() -> KdfParams {
    KdfParams {
        salt: base64::engine::general_purpose::STANDARD.encode([7u8; 16]),
        m_cost_kib: 8,
        t_cost: 1,
        p_cost: 1,
    }
}

/// KDF settings cheap enough to derive a key for in the loop (the envelope is untrusted).
fn is_cheap(kdf: &KdfParams) -> bool {
    kdf.m_cost_kib <= 1024 && kdf.t_cost <= 4 && kdf.p_cost <= 4
}

fn seal(cipher: &Cipher, kdf: &KdfParams, plain: &[u8]) -> Vec<u8> {
    let sealed = cipher.seal(plain).expect("seal");
    let envelope = json!({
        "format": ENCRYPTED_FORMAT,
        "version": 1,
        "kdf": kdf,
        "ciphertext": base64::engine::general_purpose::STANDARD.encode(sealed),
    });
    serde_json::to_vec_pretty(&envelope).expect("envelope")
}

fn envelope_kdf(text: &str) -> Option<KdfParams> {
    let v: Value = serde_json::from_str(text).ok()?;
    serde_json::from_value(v.get("kdf")?.clone()).ok()
}

impl Export {
    fn new() -> Export {
        let cheap_kdf = cheap_kdf();
        let cheap = Cipher::derive(PASSPHRASE, &cheap_kdf).expect("derive the cheap key");
        Export {
            c: Corpus::load(&corpus_dir(Export::NAME)),
            cheap_kdf,
            cheap,
            scratch: None,
            stats: Stats::default(),
        }
    }

    fn import(&mut self, text: &str, pass: Option<&str>, backup: bool) -> Result<(), String> {
        self.stats.imports += 1;
        let started = Instant::now();
        let result = self.import_into_scratch(text, pass, backup);
        self.stats.import_time += started.elapsed();
        result
    }

    fn import_into_scratch(&mut self, text: &str, pass: Option<&str>, backup: bool) -> Result<(), String> {
        if self.scratch.is_none() {
            let dir = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
            let store = Store::open(dir.path()).map_err(|e| format!("open a temp store: {e}"))?;
            self.scratch = Some(Scratch { store, _dir: dir });
        }
        let store = &self.scratch.as_ref().expect("just made").store;
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        let result = if backup {
            store.import_with_backup(text, pass, now).map(|_| ())
        } else {
            store.import_with(text, pass).map(|_| ())
        };
        match result {
            Ok(()) => {
                self.stats.imported += 1;
                let report = store.check().map_err(|e| format!("check after an import: {e}"))?;
                if !report.problems.is_empty() {
                    return Err(format!(
                        "the store fails its check after an import: {:?}",
                        report.problems
                    ));
                }
                if let Some((seq, what)) = store.verify_audit().map_err(|e| format!("audit: {e}"))? {
                    return Err(format!("the audit chain is broken after an import at {seq}: {what}"));
                }
                let exported = store.export().map_err(|e| format!("export after an import: {e}"))?;
                parse_export_with(&exported, None)
                    .map_err(|e| format!("the store's export of an imported file does not parse: {e}"))?;
                self.scratch = None;
            }
            Err(e) => {
                // "A bad file changes nothing": no records, and no audit entry either.
                if !store.is_empty() {
                    return Err(format!("a refused import left records in the store: {e}"));
                }
                if !store.audit_entries().is_ok_and(|a| a.is_empty()) {
                    return Err(format!("a refused import left audit entries in the store: {e}"));
                }
            }
        }
        Ok(())
    }
}

impl Target for Export {
    type Recipe = Recipe;
    const NAME: &'static str = "export";

    fn render(&self, r: &Recipe) -> Vec<u8> {
        let bytes = render_json(&r.base, &r.json, &r.bytes, r.pretty, &self.c);
        if r.seal {
            seal(&self.cheap, &self.cheap_kdf, &bytes)
        } else {
            bytes
        }
    }

    fn exec(&mut self, r: &Recipe) -> Result<(), String> {
        let bytes = self.render(r);
        let text = String::from_utf8_lossy(&bytes);
        let plain = parse_export_with(&text, None);
        let mut pass = None;
        if text.contains(ENCRYPTED_FORMAT) {
            if let Some(kdf) = envelope_kdf(&text) {
                if is_cheap(&kdf) {
                    pass = Some(PASSPHRASE);
                }
            }
        }
        if r.seal {
            self.stats.sealed += 1;
            if !matches!(plain, Err(StoreError::ImportNeedsPassphrase)) {
                return Err(format!(
                    "an encrypted export without its passphrase gave {:?}, not ImportNeedsPassphrase",
                    plain.map(|_| "a file")
                ));
            }
        }
        let parsed = match pass {
            Some(p) => {
                self.stats.opened += 1;
                parse_export_with(&text, Some(p))
            }
            None => plain,
        };
        let Ok(file) = parsed else {
            return Ok(());
        };
        self.stats.parsed += 1;
        let checked = file.data.validate().is_ok() && file.settings.pack().is_ok();
        if checked {
            self.stats.checked += 1;
        }
        if (checked && r.import < 25) || r.import < 3 {
            self.import(&text, pass, r.backup)?;
        }
        Ok(())
    }

    fn corpus_recipes(&self, i: usize) -> Vec<Recipe> {
        vec![Recipe {
            base: Base::Corpus(i),
            json: vec![],
            bytes: vec![],
            pretty: false,
            seal: false,
            import: 0,
            backup: false,
        }]
    }

    fn corpus_files(&self) -> &[(String, Vec<u8>)] {
        &self.c.files
    }

    fn stats(&self) -> String {
        let s = &self.stats;
        format!(
            "parsed {} (sealed {}, opened with a passphrase {}), passed the pure checks {}, imports {} (ok {}, {:.1} s)",
            s.parsed,
            s.sealed,
            s.opened,
            s.checked,
            s.imports,
            s.imported,
            s.import_time.as_secs_f64()
        )
    }
}

#[test]
fn fuzz_export_import() {
    let mut target = Export::new();
    fuzz(&mut target, recipe());
}

/// Rewrites the generated corpus files (small demo exports, plain and encrypted). The real
/// encrypted export derives a 64 MiB Argon2id key twice: run in release.
/// `cargo test --release -p convene-store --test fuzz_import -- --ignored write_export_corpus`
#[test]
#[ignore = "rewrites tests/fuzz-corpus/export"]
fn write_export_corpus() {
    use convene_core::holidays::{shipped, Division};
    let dir = corpus_dir(Export::NAME);
    std::fs::create_dir_all(&dir).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ds = convene_core::demo::synthetic_authority(today, convene_core::demo::DEFAULT_SEED, 2);

    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let empty = store.export().unwrap();
    std::fs::write(dir.join("empty.json"), &empty).unwrap();
    store.write_dataset(&ds).unwrap();
    let small = store.export().unwrap();
    std::fs::write(dir.join("demo-small.json"), &small).unwrap();
    drop(store);
    let kdf = cheap_kdf();
    let cipher = Cipher::derive(PASSPHRASE, &kdf).unwrap();
    std::fs::write(
        dir.join("demo-small-encrypted-cheap-kdf.json"),
        seal(&cipher, &kdf, small.as_bytes()),
    )
    .unwrap();

    // The same people with every kind of record and setting: busy time (leave, imported,
    // a venue booking), meeting history, caseload snapshots, "me", closures, holidays, a pack.
    use convene_core::{BusyBlock, BusyId, BusyKind, BusyOwner, MeetingChange, MeetingHistoryEntry};
    let mut full = ds.clone();
    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).unwrap();
    let id = |n: u128| uuid::Uuid::from_u128(0x0f0f_0000_0000_4000_8000_0000_0000_0000 + n);
    let person = full.people[0].id;
    let venue = full.venues[0].id;
    let block = |n, owner, start: &str, end: &str, kind, note: &str, source: Option<&str>| BusyBlock {
        id: BusyId(id(n)),
        owner,
        start: at(start),
        end: at(end),
        kind,
        note: note.to_owned(),
        source: source.map(str::to_owned),
    };
    full.busy = vec![
        block(
            1,
            BusyOwner::Person(person),
            "2026-12-21T00:00:00+00:00",
            "2026-12-24T00:00:00+00:00",
            BusyKind::Leave,
            "Annual leave",
            None,
        ),
        block(
            2,
            BusyOwner::Person(person),
            "2026-03-29T00:30:00+00:00",
            "2026-03-29T03:00:00+01:00",
            BusyKind::Imported,
            "Court",
            Some("abc@example"),
        ),
        block(
            3,
            BusyOwner::Venue(venue),
            "2026-10-25T01:30:00+01:00",
            "2026-10-25T01:30:00+00:00",
            BusyKind::Booking,
            "Booked",
            None,
        ),
    ];
    let meeting = &full.meetings[0];
    full.history = vec![
        MeetingHistoryEntry {
            meeting: meeting.id,
            at: at("2026-09-01T09:00:00+01:00"),
            change: MeetingChange::Created,
        },
        MeetingHistoryEntry {
            meeting: meeting.id,
            at: at("2026-09-02T09:00:00+01:00"),
            change: MeetingChange::Rescheduled {
                from: meeting.start,
                to: meeting.start,
                reason: "Room".into(),
            },
        },
        MeetingHistoryEntry {
            meeting: meeting.id,
            at: at("2026-09-03T09:00:00+01:00"),
            change: MeetingChange::Updated,
        },
        MeetingHistoryEntry {
            meeting: meeting.id,
            at: at("2026-09-04T09:00:00+01:00"),
            change: MeetingChange::Cancelled {
                reason: "Family moved".into(),
            },
        },
    ];
    full.caseload_snapshots = vec![convene_core::caseload::CaseloadSnapshot {
        date: today,
        person,
        children: 3,
        cp: 1,
        cin: 1,
        lac: 1,
    }];
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store.write_dataset(&full).unwrap();
    let mut settings = store.settings().unwrap();
    settings.me = Some(person);
    settings.pack = "wales".to_owned();
    settings.closures = vec![
        today,
        today.succ_opt().unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
    ];
    let mut ew = shipped(Division::EnglandAndWales);
    ew.holidays.retain(|h| chrono::Datelike::year(&h.date) >= 2026);
    settings.imported_holidays.insert(Division::EnglandAndWales, ew);
    store.save_settings(&settings).unwrap();
    std::fs::write(dir.join("demo-small-full.json"), store.export().unwrap()).unwrap();
    drop(store);

    // A real encrypted export (the store's own 64 MiB Argon2id settings) of an empty store.
    let tmp = tempfile::tempdir().unwrap();
    drop(Store::open(tmp.path()).unwrap());
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let store = convene_store::change_passphrase(tmp.path(), None, Some(PASSPHRASE), now).unwrap();
    std::fs::write(dir.join("empty-encrypted.json"), store.export().unwrap()).unwrap();
}
